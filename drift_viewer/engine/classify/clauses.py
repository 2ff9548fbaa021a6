"""The clause a change stands in, on each side of a group: where a denial of the same statement can
stand (negation.py compares how often each side's clause denies)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Op, Segment

STOP = re.compile(r"[.!?;。！？；؟؛]")


def clauses(
    left: str, right: str, left_span: tuple[int, int], right_span: tuple[int, int], diff: Sequence[Segment]
) -> tuple[str, str]:
    """The change's clause on each side, each widened to cover what the other side's clause says: one
    translation may close a clause with a semicolon where the other goes on after a comma ("For he knew
    not what to say, for they were greatly afraid" / "For he knew not what to answer; for they were not
    struck with terror"), and the two clauses must hold the same statements for their denials to be
    compared."""
    (l0, l1), (r0, r1) = clause_bounds(left, *left_span), clause_bounds(right, *right_span)
    if not diff:
        return left[l0:l1], right[r0:r1]
    agree = _agreeing(diff)
    # Each side widened by the other's own clause, not by the other's widened one: widening in turn would
    # run on through every clause the two cut differently.
    wl0, wl1 = min(l0, _across(agree, r0, 1, 0)), max(l1, _across(agree, r1, 1, 0))
    wr0, wr1 = min(r0, _across(agree, l0, 0, 1)), max(r1, _across(agree, l1, 0, 1))
    return left[wl0:wl1], right[wr0:wr1]


def _agreeing(diff: Sequence[Segment]) -> list[tuple[int, int, int]]:
    """(left offset, right offset, length) of each equal segment."""
    out, lpos, rpos = [], 0, 0
    for seg in diff:
        n = len(seg.text)
        if seg.op is Op.EQUAL:
            out.append((lpos, rpos, n))
        lpos += 0 if seg.op is Op.INSERT else n
        rpos += 0 if seg.op is Op.DELETE else n
    return out


def _across(agree: list[tuple[int, int, int]], pos: int, side: int, other: int) -> int:
    """Where offset `pos` of one side stands on the other: in an equal stretch, the same place there;
    after it, its end (a changed stretch in between maps to its edge)."""
    best = 0
    for run in agree:
        if run[side] > pos:
            break
        best = run[other] + min(pos - run[side], run[2])
    return best


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = max((m.end() for m in STOP.finditer(text, 0, start)), default=0)
    after = STOP.search(text, end)
    return before, after.start() if after else len(text)
