"""Where the alignment path may run: a band of DP cells around anchors, so no step is quadratic.

Small inputs get the full rectangle. Large ones get anchors first, patience-diff style: word stems
that occur exactly once on each side pair two sentences; the pairs that are also similar as wholes
and form the longest chain in document order on both sides fix the path. Between consecutive
anchors the band is their whole rectangle when that is small (so insertions and splits between
anchors are free to fall anywhere), else a diagonal strip whose width grows with the gap.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from .similarity import Features

FULL_CELLS = 300_000  # up to this many DP cells, search everything
RECT_CELLS = 1_500  # an anchor gap up to this size is searched whole
MARGIN = 3  # cells either side of the anchor path, for groups that straddle an anchor
ANCHOR_MIN_COS = 0.3
RARE_COUNT = 3  # stems seen up to this often propose anchors


@dataclass(frozen=True)
class Band:
    """Row i (left sentences consumed) may visit columns lo[i]..hi[i] inclusive; cells are flat."""

    lo: np.ndarray  # (n+1,) int64
    hi: np.ndarray  # (n+1,) int64
    start: np.ndarray  # (n+2,) flat index of each row's first cell; start[n+1] = cell count

    @property
    def cells(self) -> int:
        return int(self.start[-1])

    @classmethod
    def from_ranges(cls, lo: np.ndarray, hi: np.ndarray) -> Band:
        start = np.zeros(len(lo) + 1, dtype=np.int64)
        np.cumsum(hi - lo + 1, out=start[1:])
        return cls(lo, hi, start)

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Flat index of cells (i, j); `cells` (a sentinel) where outside the band."""
        ok = (i >= 0) & (i < len(self.lo))
        ic = np.where(ok, i, 0)
        lo, hi = self.lo[ic], self.hi[ic]
        ok &= (j >= lo) & (j <= hi)
        return np.where(ok, self.start[ic] + j - lo, self.cells)

    def rows_cols(self) -> tuple[np.ndarray, np.ndarray]:
        widths = np.diff(self.start)
        rows = np.repeat(np.arange(len(self.lo), dtype=np.int64), widths)
        cols = np.arange(self.cells, dtype=np.int64) - self.start[rows] + self.lo[rows]
        return rows, cols


def _ranked(ids: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of kept occurrences and their key stem * 4 + (how many came before in the text)."""
    pos = np.flatnonzero(keep[ids])
    order = np.argsort(ids[pos], kind="stable")  # stable: text order within each stem
    sid = ids[pos][order]
    first = np.searchsorted(sid, sid, "left")
    rank = np.arange(len(sid)) - first
    return pos[order], sid.astype(np.int64) * 4 + rank


def anchors(left: Features, right: Features) -> list[tuple[int, int]]:
    """Confident 1-1 sentence pairs, increasing on both sides.

    A stem seen equally often (at most RARE_COUNT times) on both sides pairs its occurrences in text
    order, as patience diff pairs unique lines; pairs must also be similar as whole sentences.
    """
    n_ids = 1 << 20
    lc = np.bincount(left.stem_ids, minlength=n_ids)
    rc = np.bincount(right.stem_ids, minlength=n_ids)
    rare = (lc == rc) & (lc >= 1) & (lc <= RARE_COUNT)
    lpos, lkey = _ranked(left.stem_ids, rare)
    rpos, rkey = _ranked(right.stem_ids, rare)
    _, li, ri = np.intersect1d(lkey, rkey, assume_unique=True, return_indices=True)
    p = left.stem_sentence[lpos[li]].astype(np.int64)
    q = right.stem_sentence[rpos[ri]].astype(np.int64)
    if len(p) == 0:
        return []
    m1 = len(right.lengths) + 1
    key, votes = np.unique(p * m1 + q, return_counts=True)
    p, q = key // m1, key % m1
    dots = np.einsum("ij,ij->i", left.vectors[p], right.vectors[q], dtype=np.float64)
    cos = dots / np.sqrt(np.maximum(left.norms2[p] * right.norms2[q], 1e-12))
    keep = cos >= ANCHOR_MIN_COS
    return _longest_chain(p[keep].tolist(), q[keep].tolist())


def _longest_chain(p: list[int], q: list[int]) -> list[tuple[int, int]]:
    """Longest chain strictly increasing in both p and q (p sorted ascending)."""
    order = sorted(range(len(p)), key=lambda k: (p[k], -q[k]))
    tails: list[int] = []  # q value ending the best chain of each length
    tail_idx: list[int] = []
    prev = [-1] * len(p)
    for k in order:
        pos = bisect_left(tails, q[k])
        if pos == len(tails):
            tails.append(q[k])
            tail_idx.append(k)
        else:
            tails[pos] = q[k]
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append((p[k], q[k]))
        k = prev[k]
    chain.reverse()
    return chain


def make_band(left: Features, right: Features, reach: int) -> Band:
    """`reach`: the largest group size, so that every group ending in the band has its cells there."""
    n, m = len(left.lengths), len(right.lengths)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return Band.from_ranges(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    points = [(0, 0)]
    for p, q in anchors(left, right):
        points += [(p, q), (p + 1, q + 1)]
    points.append((n, m))
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i1, j1), (i2, j2) in zip(points, points[1:], strict=False):
        if (i2 - i1 + 1) * (j2 - j1 + 1) <= RECT_CELLS:
            lo[i1 : i2 + 1] = np.minimum(lo[i1 : i2 + 1], j1)
            hi[i1 : i2 + 1] = np.maximum(hi[i1 : i2 + 1], j2)
            continue
        width = int(min(200, max(10, 0.1 * max(i2 - i1, j2 - j1))))
        rows = np.arange(i1, i2 + 1)
        slope = (j2 - j1) / max(i2 - i1, 1)
        a = j1 + (rows - i1) * slope
        b = np.where(rows < i2, a + slope, j2)  # a row spans the columns up to the next row's start
        if i1 == i2:
            a, b = np.array([j1]), np.array([j2])
        lo[i1 : i2 + 1] = np.minimum(lo[i1 : i2 + 1], np.floor(a).astype(np.int64) - width)
        hi[i1 : i2 + 1] = np.maximum(hi[i1 : i2 + 1], np.ceil(b).astype(np.int64) + width)
    lo -= MARGIN
    hi += MARGIN
    # A group of up to `reach` sentences ending in row i needs rows above to reach as far right,
    # and its own row to reach as far left as the rows above: widen by sliding extremes.
    lo2, hi2 = lo.copy(), hi.copy()
    for d in range(1, reach + 1):
        lo2[d:] = np.minimum(lo2[d:], lo[:-d])
        hi2[:-d] = np.maximum(hi2[:-d], hi[d:])
    return Band.from_ranges(np.clip(lo2, 0, m), np.clip(hi2, 0, m))
