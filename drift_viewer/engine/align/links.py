"""The aligner's output record, shared by the monotone search and the move finder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A monotone alignment group; `partner` is set on one-sided groups found to be moved."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    partner: int | None = None


def shift(link: Link, left: int, right: int) -> Link:
    """The link with its sentence numbers moved on by `left` and `right` (a piece's place in the text)."""
    return Link(tuple(i + left for i in link.left), tuple(j + right for j in link.right), link.score, link.partner)
