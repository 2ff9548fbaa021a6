"""The sentence pairs of a comparison as translation tools read them (TMX, TSV): one entry per group, a
moved pair once, at its left sentence's place, its two sentences side by side.

A segment is one line: the group's sentences joined by a space, and any whitespace inside a sentence that
holds a line or tab break (a sentence wrapped in its file) as one space. Aligners and translation memories
read a segment a line; a wrapped line is layout, not content.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..engine.model import Comparison, GroupKind, Side

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
