"""The sentence pairs of a comparison as translation tools read them (TMX, TSV): one entry per group, a
moved pair once, at its left sentence's place, its two sentences side by side.

A segment is one line: the group's sentences joined by a space, and any whitespace inside a sentence that
holds a line or tab break (a sentence wrapped in its file) as one space. Aligners and translation memories
read a segment a line; a wrapped line is layout, not content.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..engine.model import Comparison, GroupKind, Side

if TYPE_CHECKING:
    from ..engine.triple import TripleSummary

_BREAKS = re.compile(r"\s*[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


class Pair(NamedTuple):
    row: int  # group index (0-based); of the left piece for a moved pair
    left: str  # one line each; "" for a one-sided group
    right: str
    manual: bool  # made by a hand edit


def one_line(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def segment(side: Side, indices: tuple[int, ...]) -> str:
    return one_line(" ".join(side.sentences[i].text for i in indices))


def pairs(comparison: Comparison) -> list[Pair]:
    out = []
    groups = comparison.groups
    for k, g in enumerate(groups):
        if g.kind is GroupKind.MOVED and not g.left:
            continue  # shown with its left piece
        right = groups[g.partner].right if g.partner is not None else g.right
        out.append(Pair(k, segment(comparison.left, g.left), segment(comparison.right, right), g.manual))
    return out


class Row3(NamedTuple):
    row: int  # the A–C group (0-based) the row is shown with
    a: str
    b: str  # the middle version's sentences of the row; "" where it has none
    c: str
    alone: bool  # a row of B alone, which the window and the report show with the group `row`


def rows_three(comparison: Comparison, three: TripleSummary) -> list[Row3]:
    """Three versions as rows of A, B and C: the A–C pairs (as `pairs` makes them) with the middle
    version's sentences each row holds, and after a row the sentences of B alone shown with it."""
    alone: dict[int, list[tuple[int, ...]]] = {}
    for group, b in three.b_alone:
        alone.setdefault(group, []).append(b)
    out = []
    for pair in pairs(comparison):
        out.append(Row3(pair.row, pair.left, segment(three.b, three.b_of[pair.row]), pair.right, False))
        out.extend(Row3(pair.row, "", segment(three.b, b), "", True) for b in alone.get(pair.row, ()))
    return out
