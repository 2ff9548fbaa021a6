"""Faster readings (issue 12, third pass) give what the readings they replace gave. Each reference below
is the code as it was before, kept here to compare against on generated text."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.classify import wordlists
from drift_viewer.engine.lexicon import number_value
from drift_viewer.engine.segment import language
from drift_viewer.engine.segment.stopwords import STOPWORDS
from drift_viewer.engine.worddiff import tokens

# Stopwords of several languages, words of other scripts, letters without an ASCII form (İ lowers to two
# characters), digits, marks and spaces: what decides a language guess.
_PIECES = [
    *sorted(STOPWORDS["en"])[:25],
    *sorted(STOPWORDS["de"])[:15],
    *sorted(STOPWORDS["da"])[:10],
    *sorted(STOPWORDS["nb"])[:10],
    *sorted(STOPWORDS["pl"])[:10],
    "The",
    "AND",
    "İstanbul",
    "ǅemal",
    "Straße",
    "привет",
    "їжак",
    "ыэъ",
    "東京",
    "ひらがな",
    "한국어",
    "שלום",
    "مرحبا",
    "λόγος",
    "řeka",
    "año",
    "²",
    "12",
    "_",
    "-",
    ",",
    ".",
    "’",
    " ",
    " ",
    "\n",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=0, max_size=120).map(" ".join)


def _letters_before(text: str) -> int:
    return sum(map(str.isalpha, text))


def _clear_guess_before(text: str) -> str | None:
    letters = _letters_before(text)
    for lang, script in language._SCRIPTS:
        if len(script.findall(text)) >= letters * (0.1 if lang == "ja" else 0.5):
            return None if lang in ("ru", "zh") else lang
    words = Counter(w.lower() for w in language._WORD.findall(text))
    scores = sorted(((sum(words[w] for w in stop), lang) for lang, stop in STOPWORDS.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= language._CLEAR_HITS and best >= language._CLEAR_LEAD * second else None


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_letters_and_the_clear_guess_are_the_old_readings(text: str) -> None:
    letters = language._letters(text)
    assert letters == _letters_before(text)
    if letters >= language._MIN_LETTERS:  # detect_language asks only then
        assert language._clear_guess(text, letters) == _clear_guess_before(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "de", "nb"]))
def test_the_guess_without_a_model_is_the_old_reading(text: str, default: str) -> None:
    words = Counter(w.lower() for w in language._WORD.findall(text))
    old = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    assert {
        lang: language._hits(Counter(map(str.lower, language._WORD.findall(text))), stop)
        for lang, stop in STOPWORDS.items()
    } == old
    assert language._guess_without_model(text, default) in {
        *STOPWORDS,
        "ko",
        "ja",
        "zh",
        "he",
        "ar",
        "el",
        "ru",
        "uk",
        default,
    }


def test_a_paragraph_language_is_read_once_and_the_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    danish = "Han sagde at det ikke var noget for dem, og hun var der ikke med sin mor. " * 6
    english = "He said that it was not for them, and she was there with her mother to see. " * 6
    text = english + "\n\n" + danish
    calls: list[str] = []
    real = language.detect_language

    def counted(paragraph: str, default: str = "en") -> str:
        calls.append(paragraph)
        return real(paragraph, default)

    monkeypatch.setattr(language, "detect_language", counted)
    monkeypatch.setattr(language, "_PARAGRAPHS", {})
    monkeypatch.setattr(language, "_held", 0)
    start = len(english) + 2
    first = [language.detect_paragraph_language(text, 0, len(english), "en") for _ in range(3)]
    second = [language.detect_paragraph_language(text, start, len(text), "en") for _ in range(3)]
    assert first == ["en"] * 3 and second == ["da"] * 3
    assert len(calls) == 2  # once a paragraph, however often asked
    # The same paragraph with another document language is another question.
    assert language.detect_paragraph_language(text, start, len(text), "nb") == real(danish, "nb")
    assert len(calls) == 3
    # Full: emptied before the next new paragraph is held, and the answers stay the same.
    monkeypatch.setattr(language, "_PARAGRAPHS_MAX", len(danish) + 10)
    assert language.detect_paragraph_language(text, 0, len(english), "de") == real(english, "de")
    assert len(language._PARAGRAPHS) == 1 and language._held == len(english)
    assert language.detect_paragraph_language(text, start, len(text), "en") == "da"
    assert len(language._PARAGRAPHS) == 1 and language._held == len(danish)


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "nb", "ru", "uk", "ja", "zh", "ar", "he", "ko", "tr"])
def test_word_lists_read_from_the_files_are_wordfreqs_own(code: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    read = wordlists.small(code)
    assert read is not None, f"wordfreq has a small list for {code}"
    theirs = wordfreq.get_frequency_dict(code, wordlist="small")
    assert read == theirs
    assert list(read.items())[:50] == list(theirs.items())[:50]  # same order, same floats


def test_codes_without_a_file_of_their_own_are_left_to_wordfreq() -> None:
    assert wordlists.small("pt-BR") is None
    assert wordlists.small("EN") is None
    assert wordlists.small("xx") is None


_TOKEN_PIECES = ["The", "the", " the", "“", "’s", "--", "—", "...", "…", " 1,000", "4.5", "\n", "  ", "didn't", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=30), st.booleans())
def test_token_keys_and_flags_are_the_old_readings(toks: list[str], cold: bool) -> None:
    if cold:
        tokens._KEYS.clear()
        tokens._FLAGS.clear()
    before = [tokens._KEYS.get(t) or tokens._key(t) for t in toks]
    assert tokens.keys(toks) == before
    seen = 0
    for t, k in zip(toks, before, strict=True):
        seen |= tokens.token_flags(t, k)
    assert tokens.flags_of(toks, before, 0, len(toks)) == seen


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [
            "forty-five",
            "fünfundvierzig",
            "1,000",
            "4,5",
            "3rd",
            "12일",
            "ב-12",
            "Sept",
            "sept",
            "五座",
            "二十三",
            "one",
            "x",
        ]
    )
)
def test_number_value_cached_is_the_function(word: str) -> None:
    assert number_value(word) == number_value.__wrapped__(word)
    assert number_value(word) == number_value.__wrapped__(word)


def _never_cut_before(para: str, language: str) -> set[int]:
    from drift_viewer.engine.segment import rules

    spots: set[int] = set()
    if ". " in para:
        for m in rules._BEFORE_NUMBER.finditer(para):
            word = m.group(1)
            low = word.lower()
            listed = low in rules._NUMBER_ABBREVIATIONS or low in rules._abbreviations(language)
            if (word[0].islower() and listed) or (low.endswith("str") and len(low) > 3) or low in rules._SHORT_MONTHS:
                spots.update((m.end(), m.end() + 1))
    pattern = rules._NEVER_CUT.get(language)
    if pattern is not None:
        for m in pattern.finditer(para):
            if m.start() and para[m.start() - 1].isalnum():
                continue
            for i in range(m.start(), m.end()):
                if para[i] == ".":
                    spots.update((i + 1, i + 2))
    return spots


_SEGMENT_PIECES = ["approx.", "ca.", "p.", "Goethestr.", "Jan.", "Sept.", "e.g.", "z. B.", "p. ex.", "item."]
_SEGMENT_PIECES += ["5", "12", "2024", "word", "Word", " ", ". ", ".", "\n", "1.", "2)"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SEGMENT_PIECES), max_size=30).map("".join), st.sampled_from(["en", "de", "fr"]))
def test_never_cut_is_the_old_reading(para: str, language: str) -> None:
    from drift_viewer.engine.segment import rules

    assert rules.never_cut(para, language) == _never_cut_before(para, language)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=5), _JSON_VALUES, max_size=5) | st.lists(_JSON_VALUES, max_size=5))
def test_the_prepared_json_encoder_writes_what_json_writes(item: object) -> None:
    from drift_viewer.engine import serialize

    assert serialize._encode_item(item) == serialize._ENCODE(item)


def _scan_capitalised_before(text: str) -> set[str]:
    from drift_viewer.engine.classify import evidence

    capitalised: set[str] = set()
    for line in text.split("\n"):
        toks = line.split()
        if len(toks) < 2 or (len(line) <= evidence._HEADLINE and evidence._title_case(line)):
            continue
        capitalised.update(
            cur for prev, cur in zip(toks, toks[1:], strict=False) if cur[:1].isupper() and prev[-1:].isalnum()
        )
    capitalised = {w for w in map(evidence._word_of, capitalised) if w and not (len(w) > 1 and w.isupper())}
    return {w.lower() for w in capitalised}


def _respelt_before(uses: dict[str, int], names: frozenset[str], lower: frozenset[str]) -> frozenset[str]:
    from rapidfuzz.distance import Levenshtein

    from drift_viewer.engine.classify import evidence

    by_length: dict[int, list[str]] = {}
    for name in names - lower:
        by_length.setdefault(len(name), []).append(name)
    found = set()
    for low, n in uses.items():
        if n != 1 or len(low) < 4 or low in lower:
            continue
        limit = 1 if len(low) < 8 else 2
        near = (name for k in range(len(low) - limit, len(low) + limit + 1) for name in by_length.get(k, ()))
        if any(
            name != low
            and Levenshtein.distance(name, low, score_cutoff=limit) <= limit
            and not evidence._inflection(name, low)
            for name in near
        ):
            found.add(low)
    return frozenset(found)


_NAME_PIECES = ["Peter", "Petr", "Peters", "Pieter", "Jews", "Jew", "Christ's", "Christ", "Bethlehem", "Bethlem"]
_NAME_PIECES += ["Ηρώδης", "İsa", "ǅemal", "the", "said", "to", "(Peter,", "said,", "Jesus.", "NATO", "A", " ", "\n"]
_NAME_TEXTS = st.lists(st.sampled_from(_NAME_PIECES), max_size=60).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_NAME_TEXTS, _NAME_TEXTS)
def test_name_evidence_is_the_old_reading(left: str, right: str) -> None:
    from drift_viewer.engine.classify import evidence

    assert evidence._scan(left)[0] == _scan_capitalised_before(left)
    names = frozenset(evidence._scan(left)[0] | evidence._scan(right)[0] | {"peter", "bethlehem", "jew"})
    lower = frozenset(evidence._scan(left)[1] | evidence._scan(right)[1])
    for text in (left, right):
        uses = evidence._capital_uses(text)
        assert evidence._respelt_names(uses, names, lower) == _respelt_before(uses, names, lower)
