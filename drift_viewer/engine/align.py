"""Sentence alignment: monotone groups (1-1, 1-n, n-1, 2-2, one-sided), then moved sentences.

The alignment maximises the summed gain of its groups by dynamic programming over a band of cells
(band.py). A group's gain rises with the cosine similarity of its two texts' tf-idf vectors
(similarity.py) above a threshold, and pays a little per extra sentence and for an unlikely length
ratio; a one-sided group gains nothing, so a pair is linked only when it is similar enough to be
worth it. A group's vector is the sum of its sentences' vectors, so the cosine of every candidate
group comes from the band of sentence-pair dot products and the dot products of neighbours on each
side: no text is compared twice and nothing runs per pair in Python.

The DP runs row by row (one row per left sentence) with every move of a row evaluated at once in
numpy; cost and predecessor of every (cell, move) are precomputed in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import moves as moves_mod
from .band import Band, make_band
from .similarity import Features, featurize

Check = Callable[[], None]

MAX_GROUP = 10  # one sentence split into up to ten is real in plain-language rewrites
# Moves (left count, right count) of two-sided groups.
GROUP_SHAPES: tuple[tuple[int, int], ...] = (
    ((1, 1),)
    + tuple((1, k) for k in range(2, MAX_GROUP + 1))
    + tuple((k, 1) for k in range(2, MAX_GROUP + 1))
    + ((2, 2), (2, 3), (3, 2))
)
THRESHOLD_SHARE = 0.16  # the link threshold's place between background and match cosines
THRESHOLD_MIN, THRESHOLD_MAX = 0.06, 0.3
THRESHOLD = 0.2  # fallback when the band shows no match level
SIZE_WEIGHT = 0.0  # a group of more sentences is worth more when it is as similar
EXTRA_PENALTY = 0.0  # per sentence beyond 1-1
MANY_MANY_PENALTY = 0.1  # n-m groups (both sides > 1) are rare and their cosines flattered by length
LENGTH_WEIGHT = 0.05  # per unit of |log length ratio| away from the texts' overall ratio
_BLOCK = 16  # rows per matrix product: small products stay single-threaded in OpenBLAS, which
# otherwise spins threads that fight over a busy machine (17x slower measured under load)
EXACT_NEAR = 3
BAND_REACH = 2  # rows the band is widened by, for groups straddling its edge  # rows per matrix product of the band


@dataclass(frozen=True)
class Link:
    """A monotone alignment group; `partner` is set on one-sided groups found to be moved."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    partner: int | None = None


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_paragraphs: Sequence[int] | None = None,
    right_paragraphs: Sequence[int] | None = None,
    check: Check | None = None,
) -> list[Link]:
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    if list(left) == list(right):
        return [Link((i,), (i,), 1.0) for i in range(n)]
    lf, rf = featurize(left, right)
    if check:
        check()
    links = _monotone(lf, rf, check)
    return moves_mod.find_moves(links, lf, rf)


def _cross_dots(lf: Features, rf: Features, band: Band, rows: np.ndarray, cols: np.ndarray, check) -> np.ndarray:
    """x[i-1] . y[j-1] for every cell (i, j) of the band (NaN on row or column 0), plus a sentinel."""
    out = np.full(band.cells + 1, np.nan)
    n = len(band.lo) - 1
    for r0 in range(1, n + 1, _BLOCK):
        if check:
            check()
        r1 = min(n + 1, r0 + _BLOCK)
        a, b = band.start[r0], band.start[r1]
        c = cols[a:b]
        q0, q1 = max(int(c.min()) - 1, 0), int(c.max())
        if q1 <= q0:
            continue
        block = lf.vectors[r0 - 1 : r1 - 1] @ rf.vectors[q0:q1].T
        valid = c >= 1
        rr, cc = rows[a:b][valid] - r0, c[valid] - 1 - q0
        seg = np.full(b - a, np.nan)
        seg[valid] = block[rr, cc]
        out[a:b] = seg
    return out


def _group_norms(f: Features, reach: int) -> np.ndarray:
    """norms[k, i] = |sum of vectors i-k..i-1|^2 (k sentences ending before i), NaN where k > i."""
    n = len(f.lengths)
    v = f.vectors
    # Dots of sentences further apart than EXACT_NEAR are taken as the distance-EXACT_NEAR ones:
    # they matter only for groups of five and more, and each costs a pass over all vectors.
    near = [f.norms2] + [
        np.einsum("ij,ij->i", v[:-d], v[d:], dtype=np.float64) for d in range(1, min(EXACT_NEAR, n - 1) + 1)
    ]
    while len(near) < reach:
        near.append(np.append(near[-1][:-1], 0.0) if len(near[-1]) else near[-1])
    out = np.full((reach + 1, n + 1), np.nan)
    out[0] = 0.0
    for k in range(1, min(reach, n) + 1):
        # Prepend sentence i-k to the group i-k+1..i-1: its own norm plus twice its dots with them.
        first = np.arange(n - k + 1)
        add = f.norms2[first].copy()
        for d in range(1, k):
            add += 2 * near[d][first]
        out[k, k:] = out[k - 1, k:] + add
    return out


def _group_lengths(f: Features, reach: int) -> np.ndarray:
    n = len(f.lengths)
    prefix = np.concatenate(([0.0], np.cumsum(f.lengths)))
    out = np.full((reach + 1, n + 1), np.nan)
    for k in range(min(reach, n) + 1):
        out[k, k:] = prefix[k:] - prefix[: n + 1 - k]
    return out


@dataclass(frozen=True)
class _Tables:
    """Per cell (rows) and move (columns; move 0 skips a left sentence, the rest follow GROUP_SHAPES):
    the predecessor's flat index, the group's cosine (NaN where impossible) and its length oddity."""

    pred: np.ndarray  # (cells, moves) int32
    cos: np.ndarray  # (cells, moves) float32
    length_odds: np.ndarray  # (cells, moves) float32, |log length ratio - the texts' overall one|


def _move_tables(lf: Features, rf: Features, band: Band, check: Check | None) -> _Tables:
    rows, cols = band.rows_cols()
    dots11 = _cross_dots(lf, rf, band, rows, cols, check)
    same_row_prev = band.index(rows, cols - 1)
    row_above = band.index(rows - 1, cols)
    row_above2 = band.index(rows - 2, cols)
    # dots[(a, b)][cell] = dot product of the group of a left / b right sentences ending at cell.
    dots: dict[tuple[int, int], np.ndarray] = {(1, 1): dots11}
    for k in range(2, MAX_GROUP + 1):
        dots[(1, k)] = dots11 + np.append(dots[(1, k - 1)][same_row_prev], np.nan)
        dots[(k, 1)] = dots11 + np.append(dots[(k - 1, 1)][row_above], np.nan)
    for k in (2, 3):
        d1k = dots[(1, k)]
        dots[(2, k)] = d1k + np.append(d1k[row_above], np.nan)
    dots[(3, 2)] = dots[(2, 2)] + np.append(dots[(1, 2)][row_above2], np.nan)

    with np.errstate(invalid="ignore", divide="ignore"):
        inv_ln = 1 / np.sqrt(_group_norms(lf, MAX_GROUP))
        inv_rn = 1 / np.sqrt(_group_norms(rf, MAX_GROUP))
        log_ll = np.log(_group_lengths(lf, MAX_GROUP) + 10)
        log_rl = np.log(_group_lengths(rf, MAX_GROUP) + 10) - np.log((rf.lengths.sum() + 1) / (lf.lengths.sum() + 1))

    n_moves = 1 + len(GROUP_SHAPES)
    pred = np.empty((band.cells, n_moves), dtype=np.int32)
    cos = np.empty((band.cells, n_moves), dtype=np.float32)
    odds = np.zeros((band.cells, n_moves), dtype=np.float32)
    pred[:, 0] = row_above
    cos[:, 0] = 0.0
    rows_c = np.minimum(rows, len(lf.lengths))
    for k, (a, b) in enumerate(GROUP_SHAPES, start=1):
        if check:
            check()
        pred[:, k] = band.index(rows - a, cols - b)
        with np.errstate(invalid="ignore"):
            cos[:, k] = dots[(a, b)][:-1] * inv_ln[a][rows_c] * inv_rn[b][cols]
            odds[:, k] = np.abs(log_rl[b][cols] - log_ll[a][rows_c])
    return _Tables(pred, cos, odds)


def _costs(t: _Tables, threshold: float) -> np.ndarray:
    """Cost (minus gain) of every (cell, move); skipping a sentence costs nothing."""
    extra = np.array([0] + [a + b - 2 for a, b in GROUP_SHAPES], dtype=np.float32)
    many = np.array([0] + [a > 1 and b > 1 for a, b in GROUP_SHAPES], dtype=np.float32)
    weight = 1 + SIZE_WEIGHT * extra
    gain = (
        (t.cos - threshold) * weight - EXTRA_PENALTY * extra - MANY_MANY_PENALTY * many - LENGTH_WEIGHT * t.length_odds
    )
    gain[:, 0] = 0.0
    cost = np.negative(gain, out=gain)
    cost[np.isnan(cost)] = np.inf
    return cost


def _threshold(band: Band, t: _Tables) -> float:
    """The cosine at which a 1-1 link starts to pay, set between this text pair's background and match
    levels: old spellings or free translations lower both, and a fixed threshold would drop pairs.

    Background: the median 1-1 cosine over the band (mostly unrelated pairs); match level: the median
    over left sentences of their best 1-1 cosine.
    """
    c11 = t.cos[:, 1]
    starts = band.start[1:-1]
    ok = np.diff(band.start)[1:] > 0
    if not ok.any():
        return THRESHOLD
    row_best = np.fmax.reduceat(np.nan_to_num(c11, nan=-1.0), starts[ok])
    background = float(np.nanmedian(c11)) if np.isfinite(c11).any() else 0.0
    match = float(np.median(row_best))
    if match <= background:
        return THRESHOLD
    return float(np.clip(background + THRESHOLD_SHARE * (match - background), THRESHOLD_MIN, THRESHOLD_MAX))


def _run_dp(band: Band, pred: np.ndarray, cost: np.ndarray, check: Check | None) -> np.ndarray:
    """The chosen move into every cell (len(GROUP_SHAPES) + 1 = a skipped right sentence)."""
    n = len(band.lo) - 1
    skip_right = cost.shape[1]
    total = np.full(band.cells + 1, np.inf)  # best cost to reach each cell; last is the sentinel
    back = np.empty(band.cells, dtype=np.int8)
    w0 = band.start[1]  # row 0: only right sentences skipped
    total[:w0] = 0.0
    back[:w0] = skip_right
    for i in range(1, n + 1):
        if check and i % 1024 == 0:
            check()
        s, e = band.start[i], band.start[i + 1]
        cand = total[pred[s:e]] + cost[s:e]
        arg = cand.argmin(axis=1)
        best = cand[np.arange(e - s), arg]
        run = np.minimum.accumulate(best)  # skipping right sentences costs nothing
        total[s:e] = run
        back[s:e] = np.where(run < best, skip_right, arg)
    return back


def _backtrack(band: Band, t: _Tables, back: np.ndarray) -> list[Link]:
    n, m = len(band.lo) - 1, int(band.hi[-1])
    skip_right = t.pred.shape[1]
    links: list[Link] = []
    i, j = n, m
    cell = band.cells - 1  # (n, m) is the last cell of the last row
    while i > 0 or j > 0:
        move = int(back[cell])
        if move == skip_right:
            links.append(Link((), (j - 1,), 0.0))
            j -= 1
            cell -= 1
            continue
        if move == 0:
            links.append(Link((i - 1,), (), 0.0))
            i -= 1
        else:
            a, b = GROUP_SHAPES[move - 1]
            score = max(0.0, min(1.0, float(t.cos[cell, move])))
            links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), score))
            i, j = i - a, j - b
        cell = int(t.pred[cell, move])
    links.reverse()
    return links


def _monotone(lf: Features, rf: Features, check: Check | None) -> list[Link]:
    band = make_band(lf, rf, BAND_REACH)
    tables = _move_tables(lf, rf, band, check)
    back = _run_dp(band, tables.pred, _costs(tables, _threshold(band, tables)), check)
    return _backtrack(band, tables, back)
