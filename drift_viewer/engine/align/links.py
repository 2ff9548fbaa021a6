"""The aligner's output record, shared by the monotone search, the move finder and the rating."""

from __future__ import annotations

from typing import NamedTuple


class Link(NamedTuple):
    """An alignment group; `partner` is set on one-sided groups found to be moved. `confidence`: the
    calibrated probability that the group is right (of a moved pair: that the pair is), None one-sided.

    A NamedTuple rather than a frozen dataclass: a book has 8,000 links, made twice (search, rating),
    and a frozen dataclass's __init__ costs five times as much (measured: 40 ms against 8 ms)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    partner: int | None = None
    confidence: float | None = None


def shift(link: Link, left: int, right: int) -> Link:
    """The link with its sentence numbers moved on by `left` and `right` (a piece's place in the text)."""
    return Link(
        tuple(i + left for i in link.left),
        tuple(j + right for j in link.right),
        link.score,
        link.partner,
        link.confidence,
    )
