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
