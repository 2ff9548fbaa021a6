"""A unit or currency beside a number is part of the amount (lexicon/units.py): "five years" / "five
months" in prison and "€5,000" / "$5,000" are number changes; the same unit written otherwise is not, nor
is a unit word without a number. The CLDR table is what its generator makes."""

from __future__ import annotations

import pytest
from units_gen import TARGET, generate

import drift_viewer
from drift_viewer.engine.lexicon.units import another_unit, unit_ids
from drift_viewer.engine.model import ChangeKind as K


def test_the_committed_table_is_what_the_cldr_generator_makes() -> None:
    pytest.importorskip("babel", reason="Babel (CLDR data) is installed with trafilatura; needed to regenerate")
    assert TARGET.read_text(encoding="utf-8") == generate(), "run: python tests/engine/units_gen.py"


def kinds(left: str, right: str) -> list[tuple[K, str, str]]:
    comparison = drift_viewer.compare_texts(left, right)
    return [(c.kind, c.left_text.strip(), c.right_text.strip()) for _, c in comparison.iter_changes()]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("He was sentenced to five years in prison.", "He was sentenced to five months in prison."),
        ("The road is 10 km long.", "The road is 10 miles long."),
        ("The fine was €5,000.", "The fine was $5,000."),
        ("The fine was 5,000 euros.", "The fine was 5,000 dollars."),
        ("Die Strafe betrug 5000 Euro.", "Die Strafe betrug 5000 Dollar."),
        ("Il a été condamné à cinq ans de prison.", "Il a été condamné à cinq mois de prison."),
        ("Он получил пять лет тюрьмы.", "Он получил пять месяцев тюрьмы."),
        ("Kara wynosi 200 złotych.", "Kara wynosi 200 euro."),
    ],
)
def test_another_unit_beside_a_number_is_a_number_change(left: str, right: str) -> None:
    found = kinds(left, right)
    assert [k for k, _, _ in found] == [K.NUMBER], found


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("The road is 10 km long.", "The road is 10 kilometres long."),  # the same unit, abbreviated
        ("They walked for days.", "They walked for weeks."),  # no number: a rewording
        ("The years passed and the months went by.", "The months passed and the years went by."),
    ],
)
def test_the_same_unit_or_no_number_is_no_number_change(left: str, right: str) -> None:
    found = kinds(left, right)
    assert found and all(k is not K.NUMBER for k, _, _ in found), found


def test_unit_names_in_many_languages_and_currency_signs() -> None:
    assert unit_ids("лет") == unit_ids("года") == {"year"}  # every Russian plural form
    assert "USD" in unit_ids("dollars") and "CAD" in unit_ids("dollars")
    assert unit_ids("€") == {"€"} and unit_ids("₹") == {"₹"}  # any currency sign (Unicode Sc)
    assert another_unit("€", "$") and another_unit("Jahre", "Monate") and another_unit("yen", "dollars")
    assert not another_unit("dollars", "dollar") and not another_unit("km", "kilometer")
    # country adjectives of currency names name no unit: "5 Canadian soldiers" / "5 Australian soldiers"
    for adjective in ("canadian", "japanese", "swiss", "russian", "american", "new", "suisse", "schweizer"):
        assert not unit_ids(adjective), adjective
    assert unit_ids("yen") == {"JPY"} and unit_ids("franken") == {"CHF"} and unit_ids("рублей") == {"RUB"}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("El proyecto costará 3 millones de euros.", "El proyecto costará 3 mil millones de euros."),
        ("The deal is worth $5 million.", "The deal is worth $5."),
        ("The deal is worth 5 million dollars.", "The deal is worth 5 dollars."),
    ],
)
def test_a_scale_word_added_or_dropped_beside_a_number_is_a_number_change(left: str, right: str) -> None:
    found = kinds(left, right)
    assert [k for k, _, _ in found] == [K.NUMBER], found
