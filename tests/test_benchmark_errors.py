"""benchmarks/errors.py: each class of issue 11's error analysis is given to the case it names, on
hand-made gold and output groups (no shared data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import errors  # noqa: E402
import hard  # noqa: E402

SHAPES = ((1, 1), (1, 2), (1, 3), (2, 1))


def test_missed_groups_get_the_first_class_that_applies() -> None:
    gold = [
        ((0,), (0, 2)),  # gapped: right sentence 1 is an inserted explanation
        ((1,), (3, 4, 5, 6)),  # 1-4: a shape the (test's) search does not try
        ((2,), (9,)),  # crosses the next one: order
        ((3,), (8,)),
        ((4,), (10,)),  # found
        ((5,), (11,)),  # floored: linked exactly before the floor
        ((6,), (12,)),  # abstained: before the floor over-merged into 6-12,13
        ((7,), (14, 15)),  # under-merge: linked 7-14 only
        ((8,), (16,)),  # over-merge: linked 8-16,17
        ((9,), (18,)),  # wrong partner: 9 linked to 19, 18 one-sided
    ]
    pred = [((4,), (10,)), ((7,), (14,)), ((8,), (16, 17)), ((9,), (19,))]
    unfloored = [*pred, ((5,), (11,)), ((6,), (12, 13))]
    got = errors.classify_missed(gold, pred, unfloored, SHAPES)
    assert dict(got) == {
        "gapped": 1,
        "shape": 1,
        "order": 2,
        "floored": 1,
        "abstained": 1,
        "abstained/over-merge": 1,
        "under-merge": 1,
        "over-merge": 1,
        "wrong partner": 1,
    }


def test_false_links_are_told_apart() -> None:
    gold = [((0,), (0,)), ((1,), (1, 2)), ((3,), (5,))]
    pred = [
        ((0,), (0,)),  # right
        ((1,), (1,)),  # wrong size of gold 1-(1,2)
        ((2,), (3,)),  # left 2 and right 3 are in no gold group: one-sided in gold
        ((3,), (4, 6)),  # right 4 and 6 are in no gold group either
    ]
    assert dict(errors.classify_false(gold, pred)) == {"wrong size": 1, "one-sided in gold": 2}
    pred[3] = ((3,), (1,))  # both sides in gold groups, but of different ones: wrong partner
    assert dict(errors.classify_false(gold, pred)) == {"wrong size": 1, "one-sided in gold": 1, "wrong partner": 1}


def test_ceiling_adds_right_links() -> None:
    counts = hard.Counts(correct=2, predicted=4, gold=8)
    assert errors.ceiling(counts, 0) == counts.prf[2]
    assert errors.ceiling(counts, 6) == hard.Counts(8, 10, 8).prf[2]
    assert errors.ceiling(counts, 6) > errors.ceiling(counts, 1) > counts.prf[2]
