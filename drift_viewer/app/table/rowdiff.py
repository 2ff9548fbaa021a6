"""Which table rows a hand edit changed (Qt-free): an edit replaces a few groups and shifts the indices of
the groups after them, so the table removes and inserts only the rows in between and keeps every other
row, with its measured height, where it was. A full reset would forget a book's row heights and the
scroll position (a few hundred ms on the NT pair, and the reader loses their place)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import is_

from ...engine.model import Group


def same_row(a: Group, b: Group) -> bool:
    """What a row shows, less the partner's index (an edit above a moved pair renumbers it; only the
    "see row N" link changes, which a repaint covers)."""
    return a is b or (
        a.left == b.left
        and a.right == b.right
        and a.kind is b.kind
        and a.similarity == b.similarity
        and a.confidence == b.confidence
        and a.changes == b.changes
        and getattr(a, "manual", False) == getattr(b, "manual", False)
    )


@dataclass(frozen=True)
class RowChange:
    first: int  # the first row that differs
    old_end: int  # rows first..old_end-1 of the old table go
    new_end: int  # rows first..new_end-1 of the new table come in their place
    first_new_group: int | None  # the first group in the replaced stretch, after the edit (None: none)
    first_group: int  # groups before this one are unchanged
    unchanged_after: int  # old groups from this index on are the same rows, shifted
    shift: int  # how far those moved: new index = old index + shift

    def map_group(self, group: int) -> int | None:
        """Where an old group index is after the edit (None: it was replaced)."""
        if group < self.first_group:
            return group
        if group >= self.unchanged_after:
            return group + self.shift
        return None


def group_span(old: Sequence[Group], new: Sequence[Group]) -> tuple[int, int, int]:
    """(first, old_end, new_end): old[first:old_end] became new[first:new_end], the rest is the same."""
    limit = min(len(old), len(new))
    # An edit keeps most groups as the very same objects: find the first that is not by identity (a
    # C-level map), then look closer only there (a renumbered moved pair is a new object, same row).
    first = 0
    while first < limit:
        first = next(
            (k for k, same in enumerate(map(is_, old[first:limit], new[first:limit]), first) if not same), limit
        )
        if first < limit and same_row(old[first], new[first]):
            first += 1
            continue
        break
    tail, room = 0, limit - first
    old_rev, new_rev = old[::-1], new[::-1]
    while tail < room:
        tail = next(
            (k for k, same in enumerate(map(is_, old_rev[tail:room], new_rev[tail:room]), tail) if not same), room
        )
        if tail < room and same_row(old_rev[tail], new_rev[tail]):
            tail += 1
            continue
        break
    return first, len(old) - tail, len(new) - tail


def row_change(old: Sequence[Group], new: Sequence[Group], old_rows: list[int], new_rows: list[int]) -> RowChange:
    """The rows to replace, given each table's visible groups (`old_rows`, `new_rows`: row -> group)."""
    first_group, old_end_group, new_end_group = group_span(old, new)
    shift = new_end_group - old_end_group
    # Rows are in group order: the rows before the edit are those showing a group < first_group, the
    # rows after it those showing a group >= old_end_group (bisection, then one list comparison each;
    # a filter such as Hide Equal Rows can still differ next to the edit, hence the checks).
    first = min(bisect_left(old_rows, first_group), bisect_left(new_rows, first_group))
    while first and old_rows[:first] != new_rows[:first]:
        first -= 1
    tail = min(
        len(old_rows) - bisect_left(old_rows, old_end_group), len(new_rows) - bisect_left(new_rows, new_end_group)
    )
    tail = min(tail, len(old_rows) - first, len(new_rows) - first)
    while tail and [g + shift for g in old_rows[len(old_rows) - tail :]] != new_rows[len(new_rows) - tail :]:
        tail -= 1
    new_end = len(new_rows) - tail
    first_new = next((g for g in new_rows[first:new_end] if first_group <= g < new_end_group), None)
    if first_new is None and first_group < new_end_group:
        first_new = first_group
    return RowChange(first, len(old_rows) - tail, new_end, first_new, first_group, old_end_group, shift)
