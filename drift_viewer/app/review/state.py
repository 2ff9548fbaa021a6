"""A review state: the Prepared comparison on screen with the hand edits that made it and the review
marks. Immutable, so an undo command holds the state before and after (no inverse edits)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...engine.model import Change, Comparison
from ...review.edits import Edit
from ...review.marks import Marks
from ..prepared import Prepared, prepare_edited
from ..table.rowdiff import group_span

Focus = tuple[str, int]  # ("left" or "right", sentence index): a row found again after an edit


@dataclass(frozen=True)
class State:
    prepared: Prepared
    edits: tuple[Edit, ...] = ()
    marks: Marks = field(default_factory=Marks)

    @property
    def comparison(self) -> Comparison:
        return self.prepared.comparison

    def edited(self, comparison: Comparison, edit: Edit) -> State:
        first, old_end, new_end = group_span(self.comparison.groups, comparison.groups)
        prepared = prepare_edited(self.prepared, comparison, first, old_end, new_end)
        return State(prepared, self.edits + (edit,), self.marks)


@dataclass(frozen=True)
class Attached:
    """The marks that found their target in a comparison, by position, for painting."""

    rows: Mapping[int, tuple[str, str]]  # group -> (status, note)
    changes: Mapping[tuple[int, Change], tuple[str, str]]  # (group, change) -> (status, note)
    orphaned: tuple[object, ...]


def attach(marks: Marks, comparison: Comparison) -> Attached:
    if not marks:  # no marks: no pass over a book's rows
        return Attached({}, {}, ())
    found, orphaned = marks.attach(comparison)
    groups = comparison.groups
    rows: dict[int, tuple[str, str]] = {}
    changes: dict[tuple[int, Change], tuple[str, str]] = {}
    for group, row_marks in found.items():
        if row_marks.row is not None:
            rows[group] = (row_marks.row.status.value, row_marks.row.note)
        for index, mark in row_marks.changes.items():
            changes[(group, groups[group].changes[index])] = (mark.status.value, mark.note)
    return Attached(rows, changes, tuple(orphaned))


def group_of(comparison: Comparison, focus: Focus | None) -> int | None:
    if focus is None:
        return None
    side, sentence = focus
    for index, group in enumerate(comparison.groups):
        if sentence in (group.left if side == "left" else group.right):
            return index
    return None
