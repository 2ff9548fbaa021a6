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

from ..errors import DriftError
from .vectors import Features, pair_cosines

FULL_CELLS = 300_000  # up to this many DP cells, search everything
RECT_CELLS = 1_500  # an anchor gap up to this size is searched whole
MARGIN = 3  # cells either side of the anchor path, for groups that straddle an anchor
# The dynamic programme's tables take ~490 bytes a band cell (measured: 6.5M cells, 3.2 GB peak, on 1 MB of
# one repeated sentence). 1.5M cells keep a comparison's peak under 1 GB; where text is so repetitive that
# no rare word anchors it, the strips between anchors are narrowed to fit, and refused below a minimum.
BUDGET_CELLS = 1_500_000
MIN_STRIP = 2  # columns either side of the diagonal, below which the band could not follow a rewrite
ANCHOR_MIN_COS = 0.3
RARE_COUNT = 3  # stems seen up to this often propose anchors
GAP_PASSES = 2  # rounds of searching the gaps between anchors for more
# Above this many band cells the search runs piece by piece, cut at anchors: its tables take ~620 bytes a
# cell (traced) and a piece's dense vectors 4 KB a sentence, so a piece holds ~100 MB however long the text.
PIECE_CELLS = 100_000


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


def anchors(left: Features, right: Features) -> list[tuple[int, int]]:
    """Confident 1-1 sentence pairs, increasing on both sides.

    A stem seen equally often (at most RARE_COUNT times) on both sides pairs its occurrences in text
    order, as patience diff pairs unique lines; pairs must also be similar as whole sentences. Then,
    as patience diff recurses, each gap between anchors is searched again with the stems unique in
    that gap: a word common in the book is often unique within a few verses, so the anchors end up
    nearly one per sentence and the band around them narrow.
    """
    lstems, rstems = _by_stem(left), _by_stem(right)
    n_ids = 1 << 20
    lc = np.bincount(lstems[0], minlength=n_ids)
    rc = np.bincount(rstems[0], minlength=n_ids)
    rare = (lc == rc) & (lc >= 1) & (lc <= RARE_COUNT)
    (lk, ls), (rk, rs) = _ranked(*lstems, rare), _ranked(*rstems, rare)
    li, ri = _matches(lk, rk)
    chain = _similar_chain(left, right, ls[li], rs[ri])
    for _ in range(GAP_PASSES):
        if not chain:
            break
        more = _gap_pairs(left, right, lstems, rstems, chain)
        if not more:
            break
        chain = sorted(chain + more)
    if _open_gaps(chain, len(left.lengths), len(right.lengths)).any():
        # Text that repeats (a book copied twice, a refrain, boilerplate) has no stem rare enough above.
        chain = sorted(chain + _repeat_pairs(left, right, lstems, rstems, chain))
        for _ in range(GAP_PASSES):
            more = _gap_pairs(left, right, lstems, rstems, chain) if chain else []
            if not more:
                break
            chain = sorted(chain + more)
    return chain


def _gaps(f: Features, at: list[int]) -> np.ndarray:
    """Each sentence's gap between the anchors `at` (sorted), -1 for the anchors themselves."""
    a = np.array(at, dtype=np.int64)
    g = np.searchsorted(a, np.arange(len(f.lengths)), "right")
    g[a] = -1
    return g


def _open_gaps(chain: list[tuple[int, int]], n: int, m: int) -> np.ndarray:
    """Which gaps between consecutive anchors are too big to be searched whole (a bool per gap)."""
    c = np.array(chain, dtype=np.int64).reshape(-1, 2)
    p = np.concatenate(([-1], c[:, 0], [n]))
    q = np.concatenate(([-1], c[:, 1], [m]))
    return np.diff(p) * np.diff(q) > RECT_CELLS


def _repeat_pairs(
    left: Features,
    right: Features,
    lstems: tuple[np.ndarray, np.ndarray],
    rstems: tuple[np.ndarray, np.ndarray],
    chain: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Anchors inside the big gaps of `chain` from stems seen as many times on both sides of the gap.

    Patience diff pairs what occurs once; a stem that occurs k times in a gap on each side pairs its
    occurrences in text order just as safely, whatever k is: the text repeats, and its copies follow
    one another on both sides. A deleted occurrence on one side and an added one elsewhere would shift
    the pairing between them by a copy: such pairs rarely pass the whole-sentence similarity, and the
    longest chain keeps the many consistent ones.
    """
    big = np.flatnonzero(_open_gaps(chain, len(left.lengths), len(right.lengths)))
    sides = []
    for f, (stems, sents), a in ((left, lstems, [p for p, _ in chain]), (right, rstems, [q for _, q in chain])):
        gs = _gaps(f, a)[sents]
        sel = np.isin(gs, big)
        # Occurrences come sorted by stem, then sentence, and gaps rise with sentences: (stem, gap) keys
        # come out sorted without a sort. A stem twice in one sentence counts once.
        key, sent = stems[sel] << 32 | gs[sel], sents[sel]
        first = np.ones(len(key), dtype=bool)
        first[1:] = (key[1:] != key[:-1]) | (sent[1:] != sent[:-1])
        key, sent = key[first], sent[first]
        uniq, counts = np.unique(key, return_counts=True)
        sides.append((key, sent, uniq, counts))
    (lkey, lsent, lu, lc), (rkey, rsent, ru, rc) = sides
    li, ri = _matches(lu, ru)
    same = lu[li[lc[li] == rc[ri]]]  # (stem, gap) keys seen as often on both sides
    lsel, rsel = np.isin(lkey, same), np.isin(rkey, same)
    # Kept keys hold equally many entries on each side, in the same key order: the k-th entries pair.
    return _similar_chain(left, right, lsent[lsel], rsent[rsel], lkey[lsel] & 0xFFFFFFFF)


def _by_stem(f: Features) -> tuple[np.ndarray, np.ndarray]:
    """Stem occurrences sorted by stem, then by sentence: (stems, sentences)."""
    key = np.sort(f.stem_ids.astype(np.int64) << 32 | f.stem_sentence)
    return key >> 32, key & 0xFFFFFFFF


def _ranked(stems: np.ndarray, sents: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted keys stem * 4 + (occurrences of the stem before this one) of the kept stems, and their
    sentences."""
    sel = keep[stems]
    sid, sent = stems[sel], sents[sel]
    rank = np.arange(len(sid)) - np.searchsorted(sid, sid, "left")
    return sid * 4 + rank, sent


def _matches(lk: np.ndarray, rk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of equal keys in two sorted arrays of distinct keys."""
    if len(rk) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pos = np.minimum(np.searchsorted(rk, lk), len(rk) - 1)
    hit = rk[pos] == lk
    return np.flatnonzero(hit), pos[hit]


def _similar_chain(
    left: Features, right: Features, p: np.ndarray, q: np.ndarray, group: np.ndarray | None = None
) -> list[tuple[int, int]]:
    """The longest increasing chain of the distinct pairs (p, q) that are similar as wholes.

    `group`: the gap of each pair, when the pairs come from gaps of an earlier chain. Gaps are in
    order on both sides, so a gap's only pair is in the chain without the (Python) chain search.
    """
    if len(p) == 0:
        return []
    m1 = len(right.lengths) + 1
    key, first = np.unique(p * m1 + q, return_index=True)
    p, q = key // m1, key % m1
    keep = pair_cosines(left, right, p, q) >= ANCHOR_MIN_COS
    p, q = p[keep], q[keep]
    if group is None:
        return _longest_chain(p.tolist(), q.tolist())
    g = group[first][keep]
    _, inverse, counts = np.unique(g, return_inverse=True, return_counts=True)
    alone = counts[inverse] == 1
    chain = list(zip(p[alone].tolist(), q[alone].tolist(), strict=True))
    return sorted(chain + _longest_chain(p[~alone].tolist(), q[~alone].tolist()))


def _unique_in_gaps(stems: np.ndarray, sents: np.ndarray, gap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted (stem, gap) keys seen exactly once within their gap, and the sentence of each.

    Occurrences come sorted by stem and then by sentence, and gaps rise with sentences, so the keys
    come out sorted without another sort.
    """
    g = gap[sents]
    sel = g >= 0
    key = stems[sel] << 32 | g[sel]
    once = np.ones(len(key), dtype=bool)
    once[1:] &= key[1:] != key[:-1]
    once[:-1] &= key[:-1] != key[1:]
    return key[once], sents[sel][once]


def _gap_pairs(
    left: Features,
    right: Features,
    lstems: tuple[np.ndarray, np.ndarray],
    rstems: tuple[np.ndarray, np.ndarray],
    chain: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """New anchors strictly inside the gaps of `chain`, from stems unique within their gap."""
    found = []
    for f, (stems, sents), a in ((left, lstems, [p for p, _ in chain]), (right, rstems, [q for _, q in chain])):
        found.append(_unique_in_gaps(stems, sents, _gaps(f, a)))  # anchors themselves are taken
    (lk, ls), (rk, rs) = found
    li, ri = _matches(lk, rk)
    return _similar_chain(left, right, ls[li], rs[ri], lk[li] & 0xFFFFFFFF)


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


class TooRepetitive(DriftError):
    """The texts repeat so much that no band within the memory budget can align them."""


@dataclass(frozen=True)
class Piece:
    """Left sentences rows[0]..rows[1]-1 facing right cols[0]..cols[1]-1, searched on their own."""

    rows: tuple[int, int]
    cols: tuple[int, int]
    band: Band  # in the piece's own coordinates


def pieces(left: Features, right: Features, reach: int) -> tuple[list[Piece], Band]:
    """The band, cut at anchors into pieces of about PIECE_CELLS cells each (one piece when it is small),
    and the whole band.

    A cut at anchor (p, q) makes the path go through cell (p, q): the pair is confident and 1-1, so the
    path of the whole search goes there too, but for a group straddling it, which the band's margin
    around an anchor allows and a cut does not."""
    n, m = len(left.lengths), len(right.lengths)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        band = make_band(left, right, reach)
        return [Piece((0, n), (0, m), band)], band
    chain = anchors(left, right)
    band = make_band(left, right, reach, chain)
    if band.cells <= PIECE_CELLS:
        return [Piece((0, n), (0, m), band)], band
    cuts = [(0, 0)]
    start = band.start.tolist()
    best = None
    for p, q in chain:
        if start[p] - start[cuts[-1][0]] > PIECE_CELLS and best is not None:
            cuts.append(best)
            best = None
        if p > cuts[-1][0] and q > cuts[-1][1]:
            best = (p, q)
    cuts.append((n, m))
    out = []
    for (r0, c0), (r1, c1) in zip(cuts[:-1], cuts[1:], strict=True):
        lo = np.clip(band.lo[r0 : r1 + 1] - c0, 0, c1 - c0)
        hi = np.clip(band.hi[r0 : r1 + 1] - c0, 0, c1 - c0)
        lo[0], hi[-1] = 0, c1 - c0  # the piece's path starts in its first cell and ends in its last
        out.append(Piece((r0, r1), (c0, c1), Band.from_ranges(lo, np.maximum(hi, lo))))
    return out, band


def check_size(n: int, m: int) -> None:
    """Refuse, before any vector is built, texts so long that even a band one anchor a row wide (the
    anchor and its margins) would not fit the budget: featurising them alone could take gigabytes."""
    if (n + 1) * (m + 1) > FULL_CELLS and max(n, m) * (2 * MARGIN + 1) > BUDGET_CELLS:
        raise TooRepetitive(
            f"the texts ({n:,} and {m:,} sentences) are too long to be aligned within the memory limit:"
            f" at most {BUDGET_CELLS // (2 * MARGIN + 1):,} sentences a side"
        )


def make_band(left: Features, right: Features, reach: int, chain_: list[tuple[int, int]] | None = None) -> Band:
    """`reach`: the largest group size, so that every group ending in the band has its cells there. The
    band stays within BUDGET_CELLS: long unanchored stretches get narrower strips; TooRepetitive if even
    the narrowest would not fit."""
    n, m = len(left.lengths), len(right.lengths)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return Band.from_ranges(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    found = anchors(left, right) if chain_ is None else chain_
    chain = np.array(found, dtype=np.int64).reshape(-1, 2)
    band = _banded(chain, n, m, reach, 200)
    width = 200
    while band.cells > BUDGET_CELLS and width > MIN_STRIP:
        width = max(MIN_STRIP, int(width * BUDGET_CELLS / band.cells * 0.9))
        band = _banded(chain, n, m, reach, width)
    if band.cells > BUDGET_CELLS:
        raise TooRepetitive(
            f"the texts ({n:,} and {m:,} sentences) repeat too much to be aligned within the memory limit:"
            " no sentence is rare enough to anchor them"
        )
    return band


def _banded(chain: np.ndarray, n: int, m: int, reach: int, max_width: int) -> Band:
    """The band around the anchor path, strips at most `max_width` columns either side of the diagonal."""
    # The path runs (0, 0), then each anchor (p, q) and (p + 1, q + 1), then (n, m).
    steps = np.tile([[0, 0], [1, 1]], (len(chain), 1))
    pts = np.concatenate(([[0, 0]], np.repeat(chain, 2, axis=0) + steps, [[n, m]]))
    seg = np.concatenate((pts[:-1], pts[1:]), axis=1)  # (i1, j1, i2, j2) per stretch of the path
    i1, j1, i2, j2 = seg.T
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    rect = (i2 - i1 + 1) * (j2 - j1 + 1) <= RECT_CELLS
    span = i2[rect] - i1[rect] + 1
    rows = np.repeat(i1[rect], span) + np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)
    np.minimum.at(lo, rows, np.repeat(j1[rect], span))
    np.maximum.at(hi, rows, np.repeat(j2[rect], span))
    for r1, c1, r2, c2 in seg[~rect].tolist():  # a few long gaps: a diagonal strip
        width = int(min(max_width, max(min(10, max_width), 0.1 * max(r2 - r1, c2 - c1))))
        rows = np.arange(r1, r2 + 1)
        slope = (c2 - c1) / max(r2 - r1, 1)
        a = c1 + (rows - r1) * slope
        b = np.where(rows < r2, a + slope, c2)  # a row spans the columns up to the next row's start
        if r1 == r2:
            a, b = np.array([c1]), np.array([c2])
        lo[r1 : r2 + 1] = np.minimum(lo[r1 : r2 + 1], np.floor(a).astype(np.int64) - width)
        hi[r1 : r2 + 1] = np.maximum(hi[r1 : r2 + 1], np.ceil(b).astype(np.int64) + width)
    lo -= MARGIN
    hi += MARGIN
    # A group of up to `reach` sentences ending in row i needs rows above to reach as far right,
    # and its own row to reach as far left as the rows above: widen by sliding extremes.
    lo2, hi2 = lo.copy(), hi.copy()
    for d in range(1, reach + 1):
        lo2[d:] = np.minimum(lo2[d:], lo[:-d])
        hi2[:-d] = np.maximum(hi2[:-d], hi[d:])
    return Band.from_ranges(np.clip(lo2, 0, m), np.clip(hi2, 0, m))
