"""Sentence alignment: monotone groups (1-1, 1-n, n-1, one-sided), then moved sentences.

Minimal first version: a dynamic programme over rapidfuzz similarities, no band. To be replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

Check = Callable[[], None]


@dataclass(frozen=True)
class Link:
    """A monotone alignment group; `partner` is set on one-sided groups found to be moved."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    partner: int | None = None


def _sim(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b) / 100.0 * 0.5 + fuzz.ratio(a, b) / 100.0 * 0.5


def align(
    left: Sequence[str], right: Sequence[str], *, check: Check | None = None, **_: object
) -> list[Link]:
    n, m = len(left), len(right)
    skip = 0.35
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    moves = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)]
    for i in range(n + 1):
        if check:
            check()
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for a, b in moves:
                if i + a > n or j + b > m:
                    continue
                if a == 0 or b == 0:
                    c = skip
                else:
                    c = 1.0 - _sim(" ".join(left[i : i + a]), " ".join(right[j : j + b]))
                    c = c * (a + b) / 2
                if base + c < cost[i + a][j + b]:
                    cost[i + a][j + b] = base + c
                    back[i + a][j + b] = (a, b)
    links: list[Link] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        a, b = step
        lt, rt = tuple(range(i - a, i)), tuple(range(j - b, j))
        score = _sim(" ".join(left[i - a : i]), " ".join(right[j - b : j])) if a and b else 0.0
        links.append(Link(lt, rt, score))
        i, j = i - a, j - b
    links.reverse()
    return find_moves(links, left, right)


def find_moves(links: list[Link], left: Sequence[str], right: Sequence[str], threshold: float = 0.6) -> list[Link]:
    """Pair one-sided left and right sentences that match well enough elsewhere in the text."""
    only_left = [k for k, link in enumerate(links) if link.left and not link.right]
    only_right = [k for k, link in enumerate(links) if link.right and not link.left]
    taken: set[int] = set()
    out = list(links)
    for k in only_left:
        text = " ".join(left[i] for i in links[k].left)
        best, best_score = None, threshold
        for r in only_right:
            if r in taken:
                continue
            score = _sim(text, " ".join(right[j] for j in links[r].right))
            if score > best_score:
                best, best_score = r, score
        if best is not None:
            taken.add(best)
            out[k] = Link(links[k].left, (), best_score, best)
            out[best] = Link((), links[best].right, best_score, k)
    return out
