"""review/marks.py: marks keyed by texts stay on their rows through edits and file changes."""

from __future__ import annotations

import json

import pytest

from drift_viewer.engine.pipeline import compare_texts
from drift_viewer.review import edits
from drift_viewer.review.marks import ChangeKey, Mark, Marks, MarkStatus, RowKey, describe

LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays."
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays."


@pytest.fixture(scope="module")
def c():
    return compare_texts(LEFT, RIGHT)


def row_of(c, left):
    return next(k for k, g in enumerate(c.groups) if left in g.left)


def test_a_mark_on_a_row_and_on_a_change(c):
    delta, epsilon = row_of(c, 3), row_of(c, 4)
    marks = Marks().with_mark(RowKey.of(c, delta), Mark(MarkStatus.CHECKED))
    marks = marks.with_mark(ChangeKey.of(c, epsilon, 0), Mark("disputed", "source says otherwise"))
    assert marks.for_row(c, delta) == Mark(MarkStatus.CHECKED, "")
    assert marks.for_row(c, epsilon) is None
    assert marks.for_change(c, epsilon, 0) == Mark(MarkStatus.DISPUTED, "source says otherwise")
    assert marks.for_change(c, delta, 0) is None
    attached, orphaned = marks.attach(c)
    assert attached[delta].row is not None and attached[epsilon].changes == {0: marks[ChangeKey.of(c, epsilon, 0)]}
    assert orphaned == []
    assert describe(marks.for_change(c, epsilon, 0)) == "Disputed: source says otherwise"


def test_marks_are_immutable_values(c):
    key = RowKey.of(c, 0)
    empty = Marks()
    one = empty.with_mark(key, Mark(MarkStatus.ACCEPTED, "ok"))
    assert len(empty) == 0 and len(one) == 1
    assert one.without(key) == empty
    assert one.with_mark(key, Mark(MarkStatus.DISPUTED)).for_row(c, 0) == Mark(MarkStatus.DISPUTED)
    with pytest.raises(ValueError):
        Mark("maybe")


def test_marks_survive_json(c):
    marks = Marks(
        {RowKey.of(c, 0): Mark(MarkStatus.CHECKED, "seen\ttab"), ChangeKey.of(c, row_of(c, 4), 0): Mark("accepted")}
    )
    assert Marks.from_json(json.loads(json.dumps(marks.to_json()))) == marks


def test_a_mark_follows_its_row_when_an_edit_renumbers_rows(c):
    zeta = row_of(c, 5)
    marks = Marks().with_mark(RowKey.of(c, zeta), Mark(MarkStatus.CHECKED))
    edited, _ = edits.unlink_row(c, row_of(c, 4))  # one row more above Zeta
    assert row_of(edited, 5) == zeta + 1
    assert marks.for_row(edited, zeta + 1) == Mark(MarkStatus.CHECKED)
    assert marks.attach(edited)[0].keys() == {zeta + 1}


def test_a_mark_whose_row_is_regrouped_is_orphaned_not_lost(c):
    delta = row_of(c, 3)
    marks = Marks().with_mark(RowKey.of(c, delta), Mark(MarkStatus.DISPUTED, "why?"))
    linked, _ = edits.link_rows(c, delta, delta + 1)
    attached, orphaned = marks.attach(linked)
    assert attached == {}
    assert orphaned == [(RowKey.of(c, delta), Mark(MarkStatus.DISPUTED, "why?"))]


def test_marks_reattach_in_a_changed_file_and_equal_rows_stay_apart():
    left = "Amen. One thing. Amen. Two things."
    right = "Amen. One thing here. Amen. Two things."
    c = compare_texts(left, right)
    second = 2
    assert c.groups[second].left == (2,)
    marks = Marks().with_mark(RowKey.of(c, second), Mark(MarkStatus.CHECKED, "the second amen"))
    marks = marks.with_mark(ChangeKey.of(c, 1, 0), Mark(MarkStatus.ACCEPTED))
    changed = compare_texts("Start here. " + left, "Start here. " + right.replace("Two things.", "Two."))
    attached, orphaned = marks.attach(changed)
    assert attached[3].row == Mark(MarkStatus.CHECKED, "the second amen")
    assert attached[2].changes == {0: Mark(MarkStatus.ACCEPTED)}
    assert marks.for_row(changed, 3) == Mark(MarkStatus.CHECKED, "the second amen")
    assert marks.for_row(changed, 1) is None
    assert orphaned == []
    # A change that is no longer there is orphaned.
    gone = Marks().with_mark(ChangeKey.of(c, 1, 0), Mark(MarkStatus.ACCEPTED))
    assert gone.attach(compare_texts(left, left))[1] != []
