"""The change-kind benchmark's injector and scorer (benchmarks/kinds.py, kinds_inject.py) are right: the
hand-written edits apply where they say, the automatic edits are deterministic and their recorded spans
match the texts. Nothing here asserts how well the engine does: that is what the benchmark reports."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import kinds  # noqa: E402
import kinds_finders as kf  # noqa: E402
import kinds_inject as ki  # noqa: E402

LANGUAGES = (
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "pl",
    "cs",
    "ru",
    "uk",
    "tr",
    "ar",
    "he",
    "zh",
    "ja",
    "ko",
)
HAND_FILES = sorted((BENCH / "kinds_data").glob("*.json"))
UNCASED = {"ar", "he", "zh", "ja", "ko"}  # scripts without letter case have no case distractor


def _check_spans(injected: ki.Injected) -> None:
    for e in injected.edits:
        assert injected.original[e.left[0] : e.left[1]] == e.left_text
        assert injected.edited[e.right[0] : e.right[1]] == e.right_text
        assert e.left_text != e.right_text


def test_every_supported_language_has_a_text() -> None:
    assert sorted(p.stem for p in HAND_FILES) == sorted(LANGUAGES)


@pytest.mark.parametrize("path", HAND_FILES, ids=lambda p: p.stem)
def test_hand_file_parses_and_each_find_occurs_once(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["language"] == path.stem
    language, text, edits = ki.load_hand(path)
    assert "\r" not in text and unicodedata.is_normalized("NFC", text)
    for e in edits:
        assert e["kind"] in (*ki.RISK_KINDS, "distractor")
        assert e["kind"] != "distractor" or e["sub"] in ki.DISTRACTOR_SUBS
        assert text.count(e["find"]) == 1, e["find"]
        assert e["find"] != e["replace"]


@pytest.mark.parametrize("path", HAND_FILES, ids=lambda p: p.stem)
def test_hand_edits_land_where_recorded(path: Path) -> None:
    injected = ki.hand_case(path)
    _, _, raw = ki.load_hand(path)
    assert len(injected.edits) == len(raw)
    by_start = sorted(injected.edits, key=lambda e: e.full_right)
    replaces = sorted(raw, key=lambda e: injected.original.index(e["find"]))
    for edit, e in zip(by_start, replaces, strict=True):
        assert injected.edited[edit.full_right[0] : edit.full_right[1]] == e["replace"]
    _check_spans(injected)


@pytest.mark.parametrize("path", HAND_FILES, ids=lambda p: p.stem)
def test_hand_file_has_the_edits_the_issue_asks_for(path: Path) -> None:
    counts = Counter(e.label for e in ki.hand_case(path).edits)
    assert counts["name"] >= 3 and counts["number"] >= 3 and counts["negation"] >= 3
    assert 2 <= counts["quote"] <= 3
    assert counts["distractor/common-word"] >= 2 and counts["distractor/punctuation"] >= 2
    assert counts["distractor/sentence-start"] >= 1 and counts["distractor/number-form"] >= 1
    assert counts["distractor/case"] >= (0 if path.stem in UNCASED else 1)


def test_core_is_the_changed_words() -> None:
    injected = ki.apply_edits(
        "t",
        "en",
        "Avril Haines said it was ready.",
        [ki.Planned("name", "", 0, 12, "Avril Haynes"), ki.Planned("negation", "", 21, 30, "was not ready")],
    )
    assert injected.edited == "Avril Haynes said it was not ready."
    name, negation = injected.edits
    assert (name.left_text, name.right_text, name.left, name.right) == ("Haines", "Haynes", (6, 12), (6, 12))
    assert (negation.left_text, negation.right_text) == ("", "not ")
    assert negation.left == (25, 25) and negation.right == (25, 29)


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        ki.apply_edits("t", "en", "abcdef", [ki.Planned("name", "", 0, 3, "x"), ki.Planned("name", "", 2, 4, "y")])


def test_touches_counts_insertion_points_next_to_a_span() -> None:
    assert kinds.touches((3, 6), (5, 9)) and not kinds.touches((3, 6), (6, 9))
    assert kinds.touches((4, 4), (5, 9)) and kinds.touches((3, 6), (6, 6)) and not kinds.touches((2, 2), (5, 9))


def test_score_tallies_hits_misses_and_false_positives() -> None:
    text = "Avril Haines said on 4 May that it was ready, and left."
    injected = ki.apply_edits(
        "t",
        "en",
        text,
        [
            ki.Planned("name", "", text.index("Haines"), text.index(" said"), "Haynes"),
            ki.Planned("number", "", text.index("4"), text.index(" May"), "5"),
            ki.Planned("distractor", "punctuation", text.index(","), text.index(", and") + 1, ""),
        ],
    )
    case = ki.Case("A", "hand", injected.original, injected)
    name, number, comma = injected.edits
    changes = [
        kinds.Reported("name", name.left, name.right, "Haines", "Haynes"),
        kinds.Reported("reworded", number.left, number.right, "4", "5"),
        kinds.Reported("negation", comma.left, comma.right, ",", ""),
    ]
    outcome = kinds.score(case, changes)
    t = outcome.tally
    assert (t.injected["name"], t.found["name"], t.injected["number"], t.found["number"]) == (1, 1, 1, 0)
    assert (t.reported["name"], t.correct["name"], t.reported["negation"], t.correct["negation"]) == (1, 1, 1, 0)
    assert (t.distractors, t.false_alarms) == (1, 1)
    assert [m["injected"] for m in outcome.misses] == ["number"]
    assert [f["reported"] for f in outcome.false_positives] == ["negation"]


def test_quote_regions_pair_marks_per_paragraph() -> None:
    text = 'He said "go home" and “stay here”.\n\n“open to the end'
    regions = kf.quote_regions(text, (("“", "”"), ('"', '"')))
    assert [(text[a:b], closed) for a, b, closed in regions] == [
        ("go home", True),
        ("stay here", True),
        ("open to the end", False),
    ]


# --- automatic edits on the shared data ------------------------------------------------------------------


def _mark(shared_data: Path, name: str) -> str:
    return ki.mark_text(shared_data / "bible-dev" / f"{name}.tsv")


def test_mark_injection_is_deterministic_and_spans_match(shared_data: Path) -> None:
    text = _mark(shared_data, "Noyes")
    first, again = ki.inject("mark:Noyes", text, "en", seed=1), ki.inject("mark:Noyes", text, "en", seed=1)
    assert first == again
    assert ki.inject("mark:Noyes", text, "en", seed=2).edited != first.edited
    _check_spans(first)
    assert set(ki.tally(first)) >= {"name", "number", "negation", "quote"}


def test_mark_edits_keep_one_a_sentence_and_quotes_inside_quotations(shared_data: Path) -> None:
    text = _mark(shared_data, "Noyes")
    injected = ki.inject("mark:Noyes", text, "en")
    doc = kf.read_doc(text, kf.ENGLISH.quotes)
    sentences = [doc.sentence(e.left[0]) for e in injected.edits]
    assert len(sentences) == len(set(sentences))
    assert len(injected.edits) <= round(len(doc.starts) / 3)
    for e in injected.edits:
        assert doc.in_quote(*e.left) == (e.kind == "quote")


def test_deplain_injection_is_deterministic_and_stays_in_aligned_sentences(shared_data: Path) -> None:
    folder = shared_data / "deplain-dev"
    for doc in ki.deplain_docs(folder)[:5]:
        src, tgt, aligned = ki.deplain_pair(folder, doc)
        lines = set(ki._lines(folder / f"{doc}.tgt"))
        assert all(tgt[a:b] in lines for a, b in aligned)
        first = ki.inject(f"deplain:{doc}", tgt, "de", 1, aligned)
        assert first == ki.inject(f"deplain:{doc}", tgt, "de", 1, aligned)
        _check_spans(first)
        assert src and all(any(a <= e.left[0] and e.left[1] <= b for a, b in aligned) for e in first.edits)
