"""Where the table starts when a comparison opens, and which change the panel selects. Qt-free: heights in, a pixel offset out.

A reader opening a pair should see the riskiest changes (a misspelt name, a changed number) in the
table without scrolling, next to the top of the text. So: among offsets from the top down to one
screen further, take the one that shows the most rows of the riskiest kind present, then the most
other risky rows, then the smallest offset (the top of the text itself when nothing better fits).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from rapidfuzz.distance import Levenshtein

# (rows of the riskiest kind, other risky rows): compared as a tuple, most important first.
Score = tuple[int, int]


def opening_offset(heights: Sequence[int], scores: Sequence[Score], viewport: int) -> int:
    """Pixel offset of the first screen, at a row's top: rows' `heights` top to bottom, and their scores."""
    tops = [0, *accumulate(heights)]
    if not heights or tops[-1] <= viewport:
        return 0
    limit = min(viewport, tops[-1] - viewport)  # at most one screen down, never past the end
    # Windows start at a row's top, so that no sliver of a row sits at the top of the table.
    candidates = [top for top in tops[:-1] if top <= limit]
    best, best_key = 0, None
    for offset in candidates:
        shown = [scores[r] for r in range(len(heights)) if tops[r] >= offset and tops[r + 1] <= offset + viewport]
        key = (sum(s[0] for s in shown), sum(s[1] for s in shown), -offset)
        if best_key is None or key > best_key:
            best, best_key = offset, key
    return best


def closest_respelling(pairs: Sequence[tuple[str, str]]) -> int:
    """Index of the (left, right) pair whose spellings are fewest edits apart, the earliest on a tie.
    Among changes of one kind, a one-letter respelling (Haynes → Haines) is the classic slip a
    journalist must catch, while Russian → Russia's is grammar; a change with nothing on one side is
    furthest. Ties go to reading order: the one the eye meets first."""
    if not pairs:
        return 0

    def distance(k: int) -> float:
        left, right = (" ".join(text.casefold().split()) for text in pairs[k])
        return Levenshtein.distance(left, right) if left and right else float("inf")

    return min(range(len(pairs)), key=lambda k: (distance(k), k))
