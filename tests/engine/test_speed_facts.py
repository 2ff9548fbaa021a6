"""The fact table's cheaper readings (issue 12, fifth pass) find what the readings they replace found:
capitals listed for the text's own Unicode blocks instead of all of Unicode, the date and spaced-number
patterns skipped where no digit pair stands around a separator, the minus sign looked for only in a text
with a sign or sign word, no copy of a text without codes. The references are the readings as they were
before."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.classify import factread as fr
from drift_viewer.engine.classify import facttable
from tests.engine.test_facts_fast import _names_before, _numbers_before


@lru_cache(maxsize=1)
def _every_capital() -> re.Pattern[str]:
    """The pattern as it was: every capital letter or digit of Unicode in its class."""
    capitals = "".join(re.escape(ch) for ch in map(chr, range(0x110000)) if ch.isupper() and ch.isalnum())
    return re.compile(r"(?<!\w)(?<!\w[-'’])(?=[" + capitals + "])" + fr.WORD.pattern)


# Capitals of several blocks, in Latin-1 and out of it (Æ, Ǆ titlecase, Ⅻ a numeral that is upper case,
# Ⓐ upper case but no letter), dates and spaced numbers, codes and URLs whose digits are no amounts.
_PIECES = [
    "Æneas",
    "æther",
    "Émile",
    "Ǆemal",
    "Ⅻ",
    "Ⓐb",
    "Πέτρος",
    "Москва",
    "Ωmega",
    "Ꭰa",
    "𝐀bc",
    "Anna",
    "and",
    "4.3.2024",
    "2024-03-04",
    "12/05",
    "1 000",
    "1\u00a0000 000",
    "3-4",
    "7",
    "seven",
    "A320",
    "COVID-19",
    "www.x.com/7",
    "a@b.org",
    "minus ",
    "MINUS ",
    "Moins ",
    "минус ",
    "−",
    "(-",
    " ",
    ", ",
    ". ",
    "\n",
    "-",
    "'",
    '"',
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_capitals_of_the_texts_blocks_find_what_every_capital_found(text: str) -> None:
    before = [(m.group(), m.start()) for m in _every_capital().finditer(text)]
    blocks = tuple(sorted({ord(ch) >> 8 for ch in set(text) if ch > "\x7f" and ch.isupper()}))
    pattern = fr._capitalised(blocks) if blocks else fr._ASCII_CAPITALISED
    assert [(m.group(), m.start()) for m in pattern.finditer(text)] == before
    assert fr.name_candidates(text) == _names_before(text)


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "de", None]))
def test_numbers_and_masks_are_the_ones_read_before(text: str, language: str | None) -> None:
    chars = list(text)
    for _, s, e in fr.codes(text):
        chars[s:e] = " " * (e - s)
    assert fr.masked(text) == "".join(chars)
    assert fr.numbers(fr.masked(text), language) == _numbers_before(fr.masked(text), language)


def test_the_hints_skip_only_text_without_a_date_or_spaced_number() -> None:
    assert fr.numbers("on 4.3.2024 and 2024-03-04", "en") == [
        ("4", 3, 4),
        ("3", 5, 6),
        ("2024", 7, 11),
        ("2024", 16, 20),
        ("3", 21, 23),
        ("4", 24, 26),
    ]
    assert fr.numbers("Matthew\t1\t5\tand 1 000 men", "en") == [("1000", 16, 21), ("1", 8, 9), ("5", 10, 11)]
    assert fr._capitalised(()).match("Æneas").group() == "Æneas"  # ASCII's block is Latin-1's too
    assert fr._capitalised(()).match("Москва") is None  # no Cyrillic capital unless its block is asked for
    assert fr._capitalised((4,)).match("Москва").group() == "Москва"


def test_a_books_reading_reads_each_documents_lower_case_words_before_the_fork(monkeypatch) -> None:
    from drift_viewer.engine import pipeline

    left = "\n\n".join(f"Paul wrote to the church, verse {k}." for k in range(4))
    right = "\n\n".join(f"Paul wrote unto the church, verse {k}." for k in range(4))
    comparison = pipeline.compare_texts(left, right)
    asked: list[int] = []
    monkeypatch.setattr(facttable, "FACTS_BESIDE", len(comparison.groups))
    monkeypatch.setattr(facttable, "lower_words", lambda text: asked.append(len(text)))
    monkeypatch.setattr(facttable.parallel, "BothEnds", lambda *a, **k: asked.append(-1))
    facttable.Reading(comparison)
    assert asked == [len(comparison.left.text), len(comparison.right.text), -1]


def test_a_short_comparisons_reading_reads_nothing_ahead(monkeypatch) -> None:
    from drift_viewer.engine import pipeline

    comparison = pipeline.compare_texts("They met Esrom there.", "They met Esrom here.")
    asked: list[int] = []
    monkeypatch.setattr(facttable, "lower_words", lambda text: asked.append(len(text)))
    assert [r.left_text for r in facttable.Reading(comparison).rows()] == ["Esrom"]
    assert asked == [len(comparison.left.text), len(comparison.right.text)]  # asked by the names, not ahead
