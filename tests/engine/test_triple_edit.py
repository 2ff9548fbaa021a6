"""Hand edits on three versions (engine/triple_edit.py): the reviewer edits A against C, as on a pair,
and B's sentences follow the edited rows; the three-way facts are read again where the edit was."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer.app.table.rowdiff import group_span
from drift_viewer.engine.classify.facttable import FactStatus
from drift_viewer.engine.load import load_file
from drift_viewer.engine.triple import compare_three, summarize
from drift_viewer.engine.triple_edit import edited_summary, rechain
from drift_viewer.review.edits import link_rows, move_sentence, unlink_row

DATA = Path(__file__).parent / "data" / "translation"
FILES = [DATA / "en-de.en.txt", DATA / "en-de.de.txt", DATA / "en-de.back.txt"]


@pytest.fixture(scope="module")
def triple():
    return compare_three(*(load_file(p) for p in FILES))


def _edited(summary, before, after):
    return edited_summary(summary, before, after, group_span(before.groups, after.groups))


def _rows(summary):
    return [(r.a, r.b, r.c, r.group) for r in summary.rows]


def test_linked_rows_hold_both_b_sentences_and_unlinking_keeps_b_with_a(triple):
    summary, ac = summarize(triple), triple.ac
    joined, _ = link_rows(ac, 0, 1)
    once = _edited(summary, ac, joined)
    assert _rows(once)[:2] == [((0, 1), (0, 1), (0, 1), 0), ((2,), (2,), (2,), 1)]
    assert once.b_of[0] == (0, 1) and len(once.b_of) == len(joined.groups) == 9
    split, _ = unlink_row(joined, 0)
    twice = _edited(once, joined, split)
    # Each sentence on its own: B's sentences go with A's, the original they translate.
    assert _rows(twice)[:4] == [((0,), (0,), (), 0), ((1,), (1,), (), 1), ((), (), (0,), 2), ((), (), (1,), 3)]
    hamburg = next(f for f in twice.facts if f.a_text == "Hamburg")
    assert (hamburg.ab, hamburg.ac, hamburg.row) == (FactStatus.SAME, FactStatus.MISSING, 0)
    # The same rows and facts whether edited step by step or all at once (a project's edits made again).
    direct = edited_summary(summary, ac, split)
    assert direct.rows == twice.rows and direct.facts == twice.facts
    assert rechain(triple.rows, split) == twice.rows


def test_a_sentence_moved_off_a_row_leaves_b_with_the_sentences_that_stayed(triple):
    summary, ac = summarize(triple), triple.ac
    joined, _ = link_rows(ac, 0, 1)  # A 1-2 | C 1-2, B 1-2
    moved, _ = move_sentence(joined, 0, "left", +1)  # A's second sentence to the row below
    after = _edited(_edited(summary, ac, joined), joined, moved)
    first, second = after.rows[0], after.rows[1]
    assert (first.a, first.c) == ((0,), (0, 1)) and (second.a, second.c) == ((1, 2), (2,))
    # B's first sentence stays with A's and C's first; its second went with A's second and C's second,
    # which parted now: it follows A's, as B translates A. B's third stays with the sentences it had.
    assert first.b == (0,) and second.b == (1, 2)
