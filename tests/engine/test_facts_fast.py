"""The fact readers' fast paths (issue 12) find what a word-by-word reading finds: capitalised words
searched in C instead of testing every word, number words skipped by a set of known non-numbers, digit
patterns skipped in text without digits. References below are the readings as they were before."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.classify import factread as fr
from drift_viewer.engine.classify.values import sign_start
from drift_viewer.engine.lexicon import WEEKDAYS


def _names_before(text: str) -> list[fr.Fact]:
    out = []
    dates = {start for _, start, _ in fr.months(text)}
    for m in fr.WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper() or len(word) < 2:
            continue
        if m.start() in dates or word.lower() in WEEKDAYS or any(ch.isdigit() for ch in word):
            continue
        if fr._opens_sentence(text, m.start()):
            continue
        out.append((word, m.start(), m.end()))
    return out


def _numbers_before(text: str, language: str | None) -> list[fr.Fact]:
    out: list[fr.Fact] = []
    taken = bytearray(len(text))

    def add(value: float, s: int, e: int) -> None:
        out.append((fr.key(value), s, e))
        taken[s:e] = b"\x01" * (e - s)

    for m in fr._DATE.finditer(text):
        parts = [g for g in m.groups() if g]
        for k, part in enumerate(parts):
            start = m.start(k + 1) if m.group(1) else m.start(k + 4)
            add(float(part), start, start + len(part))

    def signed(value: float, s: int) -> tuple[float, int]:  # a minus sign is part of the value
        sign = sign_start(text, s)
        return (-value, sign) if sign is not None else (value, s)

    for m in fr._SPACED.finditer(text):
        if not any(taken[m.start() : m.end()]):
            add(*signed(float(re.sub(r"\D", "", m.group())), m.start()), m.end())
    for m in fr._NUMBER.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        value = fr.value_of(m.group(), language)
        if value is None:
            continue
        end = m.end()
        scale = fr._SCALE_AFTER.match(text, end)
        if scale is not None:
            value *= fr.SCALES[(scale.group(1) or scale.group(2)).lower()]
            end = scale.end()
        add(*signed(value, m.start()), end)
    spelt = {w for w in fr.WORD.findall(text.lower()) if fr._word_values(w)}
    for m in fr.WORD.finditer(text) if spelt else ():
        values = fr._word_values(m.group().lower())
        if not values or any(taken[m.start() : m.end()]):
            continue
        for value in values:
            if value >= 2 and not (value == 100 and fr._percent_cent(text, m.start())):
                out.append((fr.key(value), m.start(), m.end()))
    return out


# Pieces where the fast paths could go wrong: capitals outside A-Z (É, İ whose lower case is longer,
# Σ, Cyrillic), a capital after a hyphen or apostrophe inside a word, digits that are not \d (²),
# month and weekday names, number words, sentence ends and quotation marks.
_PIECES = [
    "Anna",
    "anna",
    "É",
    "école",
    "İstanbul",
    "Σοφία",
    "Москва",
    "McDonald's",
    "O’Neil",
    "x-Ray",
    "-Foo",
    "'Bar",
    "A2",
    "B²",
    "Monday",
    "March",
    "in",
    "März",
    "seven",
    "Seven",
    "twenty",
    "one",
    "4",
    "1,200",
    "3.5",
    "12/05/2024",
    "per cent",
    "Ⓐb",
    "ǅemal",
    " ",
    " ",
    "  ",
    ". ",
    "! ",
    "\n",
    '"',
    "“",
    "”",
    "«",
    "-",
    "'",
    "’",
    ",",
    "_",
    "Zoë",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_name_candidates_are_the_word_by_word_ones(text: str) -> None:
    assert fr.name_candidates(text) == _names_before(text)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "de", "fr", None]))
def test_numbers_are_the_word_by_word_ones(text: str, language: str | None) -> None:
    assert fr.numbers(text, language) == _numbers_before(text, language)


def test_the_cases_the_fast_paths_take() -> None:
    # A text whose capitals are all A-Z, one with a capital outside it, and one without a digit.
    assert [w for w, _, _ in fr.name_candidates("He met Anna and O'Neil in Paris.")] == ["Anna", "O'Neil", "Paris"]
    assert [w for w, _, _ in fr.name_candidates("Then Émile met Zoë-Anna in İzmir.")] == ["Émile", "Zoë-Anna", "İzmir"]
    assert fr.numbers("Seven loaves and twenty fish", "en") == [("7", 0, 5), ("20", 17, 23)]
    assert fr.months("in March, again in march") == [("month 3", 3, 8), ("month 3", 19, 24)]
