"""The comparison on screen while it is still being made: its aligned rows as soon as the sentences are
aligned, and each row's word diff as it arrives (process.stream). Qt-free.

A row not compared yet is a group with no diff and no changes: its text shows plain, as it will show,
with nothing highlighted. Its kind is what the links alone say (moved, one-sided), else EQUAL with
similarity 1.0, so that nothing reads it as changed or weak; `Provisional.pending` says which rows these
are, and the table shows "…" for them instead of a similarity. Nothing else of the window reads a
provisional comparison: export, review, find and the Changes list wait for the finished one.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..engine.model import Comparison, Group, GroupKind
from .prepared import Prepared, _group_kind
from .process.stream import Partial


@dataclass(frozen=True)
class Provisional:
    prepared: Prepared  # no changes listed, no counts; the groups compared so far, the rest placeholders
    pending: bytes  # 1 for each row whose words are not compared yet

    @property
    def compared(self) -> int:
        return len(self.pending) - sum(self.pending)


def _placeholder(left: tuple[int, ...], right: tuple[int, ...], partner: int | None, confidence) -> Group:
    if partner is not None:
        kind = GroupKind.MOVED
    elif not right:
        kind = GroupKind.ONLY_LEFT
    elif not left:
        kind = GroupKind.ONLY_RIGHT
    else:
        kind = GroupKind.EQUAL
    return Group(left, right, kind, 1.0, (), (), partner, confidence)


def provisional(partial: Partial) -> Provisional:
    groups = tuple(_placeholder(*link) for link in partial.links)
    comparison = Comparison(partial.left, partial.right, groups, partial.options, 1.0, partial.mode)
    return Provisional(Prepared(comparison, (), (None,) * len(groups), Counter()), b"\x01" * len(groups))


def filled(current: Provisional, start: int, groups: Sequence[Group]) -> Provisional:
    """`current` with rows start.. compared: their groups and riskiest kinds in place."""
    end = start + len(groups)
    prepared = current.prepared
    old = prepared.comparison.groups
    comparison = dataclasses.replace(prepared.comparison, groups=old[:start] + tuple(groups) + old[end:])
    kinds = prepared.group_kinds[:start] + tuple(_group_kind(g) for g in groups) + prepared.group_kinds[end:]
    pending = current.pending[:start] + bytes(len(groups)) + current.pending[end:]
    return Provisional(dataclasses.replace(prepared, comparison=comparison, group_kinds=kinds), pending)
