"""Month and weekday names beyond the hand-spelt languages: the CLDR table is what its generator makes,
and a date changed in those languages is a number change (it was a rewording, or a name in Turkish)."""

from __future__ import annotations

import pytest
from calendar_gen import TARGET, generate

from drift_viewer.engine.lexicon.numbers import MONTHS, WEEKDAYS
from drift_viewer.engine.model import ChangeKind as K
from drift_viewer.engine.pipeline import compare_texts


def test_the_committed_table_is_what_the_cldr_generator_makes() -> None:
    pytest.importorskip("babel", reason="Babel (CLDR data) is installed with trafilatura; needed to regenerate")
    assert TARGET.read_text(encoding="utf-8") == generate(), "run: python tests/engine/calendar_gen.py"


def kinds(left: str, right: str) -> list[tuple[K, str, str]]:
    c = compare_texts(left, right)
    return [(ch.kind, ch.left_text.strip(), ch.right_text.strip()) for g in c.groups for ch in g.changes]


@pytest.mark.parametrize(
    ("left", "right", "changed"),
    [
        ("Встреча состоится 3 марта в Москве.", "Встреча состоится 3 апреля в Москве.", ("марта", "апреля")),
        (
            "Spotkanie odbędzie się 3 marca w Warszawie.",
            "Spotkanie odbędzie się 3 kwietnia w Warszawie.",
            ("marca", "kwietnia"),
        ),
        ("Schůzka bude 3. března v Praze.", "Schůzka bude 3. dubna v Praze.", ("března", "dubna")),
        (
            "Toplantı 3 Mart'ta Ankara'da yapılacak.",
            "Toplantı 3 Nisan'da Ankara'da yapılacak.",
            ("Mart'ta", "Nisan'da"),
        ),
        ("Зустріч відбудеться 5 травня в Києві.", "Зустріч відбудеться 5 червня в Києві.", ("травня", "червня")),
        ("Mødet holdes den 3. marts i København.", "Mødet holdes den 3. april i København.", ("marts", "april")),
        ("A reunião será em 3 de março.", "A reunião será em 3 de junho.", ("março", "junho")),
        (
            "Mötet hålls den 3 oktober i Stockholm, sa han.",
            "Mötet hålls den 3 november i Stockholm, sa han.",
            ("oktober", "november"),
        ),
    ],
)
def test_a_month_changed_is_a_number_change_in_more_languages(left: str, right: str, changed: tuple[str, str]) -> None:
    assert (K.NUMBER, *changed) in kinds(left, right)


def test_a_weekday_in_the_accusative_is_still_a_weekday() -> None:
    assert WEEKDAYS["среду"] == WEEKDAYS["среда"] == 3
    found = kinds("Встреча состоится во вторник.", "Встреча состоится в среду.")
    assert [k for k, _, _ in found] == [K.NUMBER]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("La marca presentó su nuevo modelo.", "La empresa presentó su nuevo modelo."),
        ("De leden stemden voor het plan.", "De burgers stemden voor het plan."),
    ],
)
def test_a_month_name_that_is_another_languages_word_is_no_date_there(left: str, right: str) -> None:
    assert "marca" in MONTHS and "leden" in MONTHS  # Polish March and Czech January, where they stand as dates
    assert all(k is not K.NUMBER for k, _, _ in kinds(left, right))
