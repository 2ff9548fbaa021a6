"""Natural precision of the risk kinds on a book: a random sample of 40 changes of each risk kind on the
New Testament pair (Haweis vs Noyes), drawn from the engine's output before the kind rules were reworked
and judged by hand (tests/engine/data/nt_judged.json: each item's texts, offsets, verdict and reason).
The judged-right ones must keep their kind; the judged-wrong ones must lose it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

import drift_viewer

FIXTURE = Path(__file__).with_name("data") / "nt_judged.json"
BENCH = Path(__file__).resolve().parents[2] / "benchmarks"

# Judged wrong and still reported, each for a reason the rules cannot see (listed so the test stays
# strict: one that starts passing fails here until it is taken off the list).
STILL_WRONG = {
    ("name", "Messiah", "Christ"),  # one title in two languages; both only ever written capitalised
    ("negation", "believeth not on", "disobeyeth"),  # a negation said by a verb's meaning
    ("negation", "to carnal", "those who are not spiritual"),  # "carnal" denies by its meaning
    ("negation", "persons", "should not be baptized"),  # "forbid water for baptising" / "... should not be"
    ("quote", " manifests", '," signifieth'),  # narration glued to the quote mark that closes before it
}

# Judged right in an earlier sample and no longer reported (recall given up for precision), each with the
# rule that takes it away. A number the other side states without the thing it counts is a phrase said
# another way ("tax of two drachmas" / "half-shekel"): these three are counts that disappeared with
# their nouns said otherwise, which the rule cannot tell from such a paraphrase.
RECALL_LOSSES = {
    ("number", "vases", "seven vials"),  # "the vases" / "the seven vials": vials not on the left
    ("number", "seven lamps", "candlesticks"),  # seven said once more on the left, lamps / candlesticks
    ("number", "four", "elders fell down"),  # "four and twenty presbyters" / "the elders"
}


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1 or b0 == b1:  # an insertion point touches what is around it
        return a0 <= b1 and b0 <= a1
    return a0 < b1 and b0 < a1


@pytest.fixture(scope="module")
def nt_changes(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list:
    sys.path.insert(0, str(BENCH))
    import speed  # the same texts as the speed benchmark builds, which the sample was drawn from

    case = speed.make_series(tmp_path_factory.mktemp("nt"), [1.0], shared_data / "bible-nt")[0]
    comparison = drift_viewer.compare_files(case.left, case.right)
    return [change for _, change in comparison.iter_changes()]


def _reported(changes: list, item: dict) -> bool:
    """A change of the item's kind covers it on both sides."""
    return any(
        c.kind.value == item["kind"]
        and _overlaps(c.left.start, c.left.end, item["left_start"], item["left_end"])
        and _overlaps(c.right.start, c.right.end, item["right_start"], item["right_end"])
        for c in changes
    )


def _still_flagged(changes: list, item: dict) -> bool:
    """A change of the item's kind covers it on one side at least: where several word diffs tie, the words
    of a right change may be cut otherwise ("for a footstool of" -> "" becomes "for a" -> "thy" and "of thy
    feet" -> ""), and it must still be flagged where it stands."""
    return any(
        c.kind.value == item["kind"]
        and (
            (
                item["left_start"] < item["left_end"]
                and _overlaps(c.left.start, c.left.end, item["left_start"], item["left_end"])
            )
            or (
                item["right_start"] < item["right_end"]
                and _overlaps(c.right.start, c.right.end, item["right_start"], item["right_end"])
            )
        )
        for c in changes
    ) or _reported(changes, item)


def _key(item: dict) -> tuple[str, str, str]:
    return item["kind"], item["left_text"][:30], item["right_text"][:30]


def test_the_fixture_is_the_judged_sample() -> None:
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))["items"]
    assert {kind: sum(i["kind"] == kind for i in items) for kind in ("name", "number", "negation", "quote")} == {
        "name": 40,
        "number": 40,
        "negation": 40,
        "quote": 40,
    }
    assert all(isinstance(i["right"], bool) and i["why"] for i in items)


def test_judged_right_changes_keep_their_kind(nt_changes: list) -> None:
    items = [i for i in json.loads(FIXTURE.read_text(encoding="utf-8"))["items"] if i["right"]]
    lost = {_key(i) for i in items if not _still_flagged(nt_changes, i)}
    assert lost - RECALL_LOSSES == set()


def test_judged_wrong_changes_lose_their_kind(nt_changes: list) -> None:
    items = [i for i in json.loads(FIXTURE.read_text(encoding="utf-8"))["items"] if not i["right"]]
    kept = {_key(i) for i in items if _reported(nt_changes, i)}
    assert kept - STILL_WRONG == set(), "judged wrong, still reported"
    assert STILL_WRONG - kept == set(), "fixed: take these off STILL_WRONG"


# A second sample, drawn from the output after the first round of fixes (seed 20261202) and judged by the
# same rules: the judged-right ones must stay; of the judged-wrong ones at most this many may still be
# reported (a ratchet: lower it when a fix takes more away, never raise it).
AFTER = Path(__file__).with_name("data") / "nt_judged_after.json"
STILL_WRONG_AFTER_AT_MOST = {"name": 3, "number": 1, "negation": 7, "quote": 1}


def test_second_sample_judged_right_changes_keep_their_kind(nt_changes: list) -> None:
    items = [i for i in json.loads(AFTER.read_text(encoding="utf-8"))["items"] if i["right"]]
    assert len(items) >= 80
    assert {_key(i) for i in items if not _still_flagged(nt_changes, i)} - RECALL_LOSSES == set()


def test_second_sample_judged_wrong_changes_do_not_come_back(nt_changes: list) -> None:
    items = [i for i in json.loads(AFTER.read_text(encoding="utf-8"))["items"] if not i["right"]]
    kept = Counter(i["kind"] for i in items if _reported(nt_changes, i))
    assert {kind: n for kind, n in kept.items() if n > STILL_WRONG_AFTER_AT_MOST[kind]} == {}


# A third sample, drawn from the output after the second round of fixes (seed 20261203; of the numbers,
# all 10 there were) and judged by the same rules: right ones must stay; of the wrong ones at most this
# many may still be reported (lower it when a fix takes more away). Negation: none of 40 was a real
# flip; the pair holds about two (see the closing note), and a denial said with other words ("not hid" /
# "discovered") looks to the rules like an injected one inside a paraphrase ("afraid" / "not terrified").
THIRD = Path(__file__).with_name("data") / "nt_judged_third.json"
# Third round (kinds3): the encoder's verdict on a negator inside a rewording, clauses compared over the
# same stretch, exceptions ("nothing except") and dis- took 14 of the 39 away.
STILL_WRONG_THIRD_AT_MOST = {"name": 4, "number": 1, "negation": 25, "quote": 1}


def test_third_sample_is_the_judged_one() -> None:
    items = json.loads(THIRD.read_text(encoding="utf-8"))["items"]
    assert Counter(i["kind"] for i in items) == {"name": 40, "number": 10, "negation": 40, "quote": 40}
    assert all(isinstance(i["right"], bool) and i["why"] for i in items)


def test_third_sample_judged_right_changes_keep_their_kind(nt_changes: list) -> None:
    items = [i for i in json.loads(THIRD.read_text(encoding="utf-8"))["items"] if i["right"]]
    assert len(items) >= 80
    assert [_key(i) for i in items if not _still_flagged(nt_changes, i)] == []


def test_third_sample_judged_wrong_changes_do_not_come_back(nt_changes: list) -> None:
    items = [i for i in json.loads(THIRD.read_text(encoding="utf-8"))["items"] if not i["right"]]
    kept = Counter(i["kind"] for i in items if _reported(nt_changes, i))
    assert {kind: n for kind, n in kept.items() if n > STILL_WRONG_THIRD_AT_MOST[kind]} == {}


# A fourth sample, negation only, drawn from the output after the third round (seed 20261204; 40 of the 50
# negations): one real flip ("more than ten days" / "not more than eight or ten days"); the other real one
# in the pair ("if God spared not the native branches" / "spared the natural branches") is not in the
# sample and is checked by name. The wrong ones are denials said another way or negators moved: a ratchet.
FOURTH = Path(__file__).with_name("data") / "nt_judged_fourth.json"
STILL_WRONG_FOURTH_AT_MOST = {"negation": 39}


def test_fourth_sample_is_the_judged_one() -> None:
    items = json.loads(FOURTH.read_text(encoding="utf-8"))["items"]
    assert Counter(i["kind"] for i in items) == {"negation": 40}
    assert all(isinstance(i["right"], bool) and i["why"] for i in items)
    assert sum(i["right"] for i in items) == 1


def test_fourth_sample_real_flips_stay(nt_changes: list) -> None:
    fixture = json.loads(FOURTH.read_text(encoding="utf-8"))
    items = [i for i in fixture["items"] + fixture["outside_sample"] if i["right"]]
    assert len(items) == 2
    assert [_key(i) for i in items if not _reported(nt_changes, i)] == []


def test_fourth_sample_judged_wrong_changes_do_not_come_back(nt_changes: list) -> None:
    items = [i for i in json.loads(FOURTH.read_text(encoding="utf-8"))["items"] if not i["right"]]
    kept = Counter(i["kind"] for i in items if _reported(nt_changes, i))
    assert {kind: n for kind, n in kept.items() if n > STILL_WRONG_FOURTH_AT_MOST[kind]} == {}
