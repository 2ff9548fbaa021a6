"""Sentence alignment: monotone groups (1-1, 1-n, n-1, 2-2, one-sided), then moved sentences, then
short sentences paired by their place (short.py).

The alignment maximises the summed gain of its groups by dynamic programming over a band of cells
(band.py). A group's gain is the cosine similarity of its two texts' tf-idf vectors (vectors.py)
above a threshold, plus half the members' own fit: for every sentence pair the group covers, its
1-1 cosine above the same threshold (a sentence split into pieces stays one group even when one
piece shares few words, and a neighbour that does not relate is kept out). It pays for an
unlikely length ratio, and n-m groups pay a little more; a one-sided group gains nothing, so a pair
is linked only when it is similar enough to be worth it. A group's vector is the sum of its
sentences' vectors, so the cosine of every candidate group comes from the band of sentence-pair dot
products and the dot products of neighbours on each side: no text is compared twice and nothing
runs per pair in Python.

Cost and predecessor of every (move, cell) are computed in bulk, move by move; the DP then runs row
by row (one row per left sentence) with every move of a row taken at once in numpy, and the winning
moves are read back for all cells in one pass at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import encoder, grow, rating, semantic
from . import moves as moves_mod
from . import reorder as reorder_mod
from . import short as short_mod
from .band import Band, check_size, pieces
from .confidence import FLOOR, Evidence, best_partners, features
from .links import Link, shift
from .vectors import Features, dense, featurize, pair_cosines

Check = Callable[[], None]

MAX_GROUP = 10  # one sentence split into up to ten is real in plain-language rewrites
# Moves (left count, right count) of two-sided groups.
GROUP_SHAPES: tuple[tuple[int, int], ...] = (
    ((1, 1),)
    + tuple((1, k) for k in range(2, MAX_GROUP + 1))
    + tuple((k, 1) for k in range(2, MAX_GROUP + 1))
    + ((2, 2), (2, 3), (3, 2))
)
THRESHOLD_SHARE = 0.12  # the link threshold's place between background and match cosines
THRESHOLD_MIN, THRESHOLD_MAX = 0.06, 0.3
THRESHOLD = 0.2  # fallback when the band shows no match level
BACKGROUND_SAMPLE = 2000  # unrelated pairs whose median cosine is the background
MEMBER_WEIGHT = 0.5  # weight of the members' own fit beside the group's cosine
MANY_MANY_PENALTY = 0.1  # n-m groups (both sides > 1) are rare and their cosines flattered by length
LENGTH_WEIGHT = 0.1  # per unit of |log length ratio| away from the texts' overall ratio
_BLOCK = 16  # rows per matrix product: small products stay single-threaded in OpenBLAS, which
# otherwise spins threads that fight over a busy machine (17x slower measured under load)
EXACT_NEAR = 3  # neighbour distances whose dot products are computed exactly (see _group_norms)
_BACK_CHUNK = 1 << 16  # cells per pass when reading back the winning moves
_COSINE_EPS = 1e-6
BAND_REACH = 2  # rows the band is widened by, for groups straddling its edge
MIN_CONTEXT = 4  # sentences a side below which no link is undone for its confidence


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_paragraphs: Sequence[int] | None = None,
    right_paragraphs: Sequence[int] | None = None,
    check: Check | None = None,
    floor: float = FLOOR,
    reorder: bool = True,
    notes: list[str] | None = None,
) -> list[Link]:
    """`floor`: links whose confidence is below it are undone (0 keeps every link: recall over precision).
    `notes` gets a line when the texts' words are too weak to align by and the encoder is not installed."""
    # One BLAS thread, as the command line sets: several add a product in another order, and links near a
    # threshold came out otherwise (3 on DEplain's hard half), so a library caller got other groups.
    with encoder.one_blas_thread():
        return _align(left, right, check, floor, reorder, notes)


def _align(left: Sequence[str], right: Sequence[str], check, floor: float, reorder: bool, notes) -> list[Link]:
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    if list(left) == list(right):
        return [Link((i,), (i,), 1.0, None, 1.0) for i in range(n)]
    check_size(n, m)
    lf, rf = featurize(left, right, check)
    if check:
        check()
    monotone, evidence, lf, rf = _with_meaning(lf, rf, left, right, check, notes)
    if min(n, m) < MIN_CONTEXT:
        floor = 0.0  # the calibration reads a text's context (how parallel it is); a few sentences have none
    step = check or (lambda: None)  # between the steps after the search, each a fraction of a second on a book
    step()
    links = rating.rate(moves_mod.find_moves(monotone, lf, rf), lf, rf, evidence, floor)
    step()
    if reorder:
        links = reorder_mod.link_leftovers(links, lf, rf, evidence, max(floor, reorder_mod.MIN_CONFIDENCE))
        step()
    links = grow.grow_splits(links, lf, rf, evidence, floor)
    step()
    # After the moves and the floor, so that a gap's moved sentences are known to belong elsewhere; short
    # sentences paired by their place keep the (low) confidence their words give, whatever the floor.
    links = short_mod.pair_short(links, left, right, lf, rf)
    step()
    return rating.rate(links, lf, rf, evidence, 0.0)


def link_features(left: Sequence[str], right: Sequence[str]) -> tuple[list[Link], list, np.ndarray]:
    """Every link with no floor, leftover pairs of any confidence included, the groups that pair
    something (rating.linked) and their confidence features: what benchmarks/calibrate.py fits on."""
    lf, rf = featurize(left, right)
    monotone, evidence, lf, rf = _with_meaning(lf, rf, left, right, None, None)
    links = rating.rate(moves_mod.find_moves(monotone, lf, rf), lf, rf, evidence, 0.0)
    links = reorder_mod.link_leftovers(links, lf, rf, evidence, 0.0)
    links = grow.grow_splits(links, lf, rf, evidence, 0.0)
    links = short_mod.pair_short(links, left, right, lf, rf)
    at, groups = rating.linked(links)
    apart = np.array([links[k].partner is not None for k in at], dtype=bool)
    return links, groups, features(groups, lf, rf, evidence, rating.neighbours(links, at), apart)


def _with_meaning(
    lf: Features, rf: Features, left: Sequence[str], right: Sequence[str], check: Check | None, notes
) -> tuple[list[Link], Evidence, Features, Features]:
    """The monotone search by words; where they are weak, again with the sentences' meaning (semantic.py)."""
    monotone, evidence = _monotone(lf, rf, check)
    if not semantic.wanted(evidence, lf, rf):
        return monotone, evidence, lf, rf
    if not encoder.available():
        if notes is not None:
            notes.append(semantic.MISSING)
        return monotone, evidence, lf, rf
    lf, rf = semantic.blend(lf, rf, left, right, check)
    if check:
        check()
    monotone, evidence = _monotone(lf, rf, check)
    return monotone, evidence, lf, rf


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
        np.einsum("ij,ij->i", v[:-d], v[d:]).astype(np.float64) for d in range(1, min(EXACT_NEAR, n - 1) + 1)
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
    """Per move (rows; move 0 skips a left sentence, the rest follow GROUP_SHAPES) and cell (columns):
    the predecessor's flat index, the group's cosine (NaN where impossible) and the move's cost."""

    pred: np.ndarray  # (moves, cells) int32
    cos: np.ndarray  # (moves, cells) float32
    cost: np.ndarray  # (moves, cells) float32, minus the gain; inf where impossible
    levels: tuple[float, float, float]  # this pair's (background, match level, link threshold) cosines
    partners: tuple[tuple, tuple]  # confidence.best_partners of the 1-1 cosines


def _preds(band: Band, rows: np.ndarray, cols: np.ndarray, a: int, bs: np.ndarray) -> np.ndarray:
    """Flat index of cell (i - a, j - b) for each b in `bs` and every cell (i, j); `cells` outside."""
    up = rows - a
    upc = np.maximum(up, 0)
    lo, hi = band.lo[upc].astype(np.int32), band.hi[upc].astype(np.int32)
    c = cols.astype(np.int32)[None, :] - bs.astype(np.int32)[:, None]  # int32: (moves, cells) temporaries
    ok = (up >= 0) & (c >= lo) & (c <= hi)
    c += (band.start[upc] - band.lo[upc]).astype(np.int32)
    return np.where(ok, c, np.int32(band.cells))


def _pred_table(band: Band, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    g = MAX_GROUP
    pred = np.empty((1 + len(GROUP_SHAPES), band.cells), dtype=np.int32)
    # Moves 0..MAX_GROUP are (1, b) for b = 0..MAX_GROUP: skip a left sentence, then 1-1, 1-2, ...
    pred[: g + 1] = _preds(band, rows, cols, 1, np.arange(g + 1))
    # The others go through the cell above, which their dot products need in the band anyway.
    above = np.append(pred[0], band.cells)
    ext = np.append(pred[:4], np.full((4, 1), band.cells, dtype=np.int32), axis=1)
    up = above
    for k in range(g + 1, 2 * g):  # k-1 groups, k = 2 .. MAX_GROUP
        pred[k] = ext[1, up[:-1]]
        up = up[above]
    pred[2 * g] = ext[2, above[:-1]]  # 2-2
    pred[2 * g + 1] = ext[3, above[:-1]]  # 2-3
    pred[2 * g + 2] = ext[2, above[above[:-1]]]  # 3-2
    return pred


def _group_dots(d11: np.ndarray, band: Band, rows: np.ndarray, cols: np.ndarray, above: np.ndarray) -> np.ndarray:
    """Dot products of the group of every move ending at every cell, (moves, cells), NaN if impossible.

    A 1-k group is a window of its row, taken from a prefix sum over the flat cells and valid where
    the window stays in the row; a k-1 group adds the cell above; 2-2, 2-3 and 3-2 combine those.
    """
    g = MAX_GROUP
    cells = band.cells
    out = np.empty((1 + len(GROUP_SHAPES), cells + 1), dtype=np.float32)
    out[:, -1] = np.nan  # sentinel for groups reaching out of the band
    out[0] = 0.0
    out[1, :-1] = d11
    prefix = np.concatenate(([0.0], np.cumsum(np.nan_to_num(d11))))
    ks = np.arange(2, g + 1)[:, None]
    ends = np.arange(1, cells + 1)
    row_dots = out[2 : g + 1, :-1]
    np.subtract(prefix[ends], prefix[np.maximum(ends - ks, 0)], out=row_dots)
    room = cols - band.lo[rows] + 1  # cells of this row up to and including this one
    row_dots[(room < ks) | np.isnan(d11)] = np.nan
    up = above[:-1]  # `above` ends with the sentinel, so chains of it stay in range
    prev = out[1]
    for k in range(g + 1, 2 * g):
        out[k, :-1] = d11 + prev[up]
        prev = out[k]
    out[2 * g, :-1] = out[2, :-1] + out[2, up]  # 2-2
    out[2 * g + 1, :-1] = out[3, :-1] + out[3, up]  # 2-3
    out[2 * g + 2, :-1] = out[2 * g, :-1] + out[2, above[up]]  # 3-2
    return out[:, :-1]


def _move_tables(lf: Features, rf: Features, band: Band, check: Check | None) -> _Tables:
    rows, cols = band.rows_cols()
    pred = _pred_table(band, rows, cols)
    if check:
        check()
    d11 = _cross_dots(lf, rf, band, rows, cols, check)[:-1]
    dots = _group_dots(d11, band, rows, cols, np.append(pred[0], band.cells))
    with np.errstate(invalid="ignore", divide="ignore"):
        inv_ln = (1 / np.sqrt(_group_norms(lf, MAX_GROUP))).astype(np.float32)
        inv_rn = (1 / np.sqrt(_group_norms(rf, MAX_GROUP))).astype(np.float32)
        log_ll = np.log(_group_lengths(lf, MAX_GROUP) + 10).astype(np.float32)
        ratio = np.log((rf.lengths.sum() + 1) / (lf.lengths.sum() + 1))
        log_rl = (np.log(_group_lengths(rf, MAX_GROUP) + 10) - ratio).astype(np.float32)
    rows_c = np.minimum(rows, len(lf.lengths))
    ln1, ll1, rn1, rl1 = inv_ln[1][rows_c], log_ll[1][rows_c], inv_rn[1][cols], log_rl[1][cols]
    cos = dots  # turned into cosines in place, move by move: one (moves, cells) table fewer
    cost = np.empty(dots.shape, dtype=np.float32)
    cost[0] = 0.0  # skipping a sentence costs nothing
    with np.errstate(invalid="ignore"):
        cos[1] *= ln1
        cos[1] *= rn1
        partners = best_partners(band, cos[1], len(lf.lengths), len(rf.lengths))
        levels = _levels(band, cos[1], lf, rf, partners[0])
        threshold = levels[2]
        # Every member of a group should relate to the other side on its own: a sentence split off
        # its partner in a plain-language rewrite shares few words with it, and without this term
        # the DP keeps only the piece that shares most. Sums of (1-1 cosine - threshold) over
        # the cells a group covers come out of the same windows as its dot products.
        fit = _group_dots(cos[1].astype(np.float64) - threshold, band, rows, cols, np.append(pred[0], band.cells))
        # One move at a time, in place, in float32: these passes are bound by memory traffic.
        for k, (a, b) in enumerate(GROUP_SHAPES, start=1):
            ln, ll = (ln1, ll1) if a == 1 else (inv_ln[a][rows_c], log_ll[a][rows_c])
            rn, rl = (rn1, rl1) if b == 1 else (inv_rn[b][cols], log_rl[b][cols])
            c, odds = cos[k], cost[k]
            if k > 1:
                c *= ln
                c *= rn
            np.subtract(rl, ll, out=odds)
            np.abs(odds, out=odds)
            odds *= LENGTH_WEIGHT
            odds += threshold + MANY_MANY_PENALTY * (a > 1 and b > 1)
            odds -= c
            # An n-m block has a * b cells but only max(a, b) sentences on its larger side to fit.
            odds -= np.float32(MEMBER_WEIGHT * max(a, b) / (a * b)) * fit[k]
    cost[np.isnan(cost)] = np.inf
    return _Tables(pred, cos, cost, levels, partners)


def _levels(
    band: Band, c11: np.ndarray, lf: Features, rf: Features, best: tuple[np.ndarray, np.ndarray]
) -> tuple[float, float, float]:
    """(background, match level, link threshold); without a match level, the match is the background."""
    background, match = _background_and_match(band, c11, lf, rf, best)
    # Cosines are float32: a match level within their rounding of the background is no match level,
    # whichever side's rounding it came from.
    if match <= background + _COSINE_EPS:
        return background, background, THRESHOLD
    threshold = float(np.clip(background + THRESHOLD_SHARE * (match - background), THRESHOLD_MIN, THRESHOLD_MAX))
    return background, match, threshold


def _background_and_match(
    band: Band, c11: np.ndarray, lf: Features, rf: Features, best: tuple[np.ndarray, np.ndarray]
) -> tuple[float, float]:
    """The cosine at which a 1-1 link starts to pay, set between this text pair's background and match
    levels: old spellings or free translations lower both, and a fixed threshold would drop pairs.

    Background: the median cosine of unrelated pairs; match level: the median over the sentences of
    both sides of their best 1-1 cosine in the band. Both sides, so that comparing B with A sets the same
    threshold as A with B (the left's sentences alone made the two directions group differently).
    """
    rows_with_cells = np.diff(band.start)[1:] > 0
    if not rows_with_cells.any():
        return 0.0, 0.0
    _, cols = band.rows_cols()
    cols_with_cells = np.bincount(cols, minlength=len(rf.lengths) + 1)[1:] > 0
    match = float(np.median(np.concatenate((best[0][rows_with_cells], best[1][cols_with_cells]))))
    return _background(band, c11, lf, rf), match


def _background(band: Band, c11: np.ndarray, lf: Features, rf: Features) -> float:
    """Median cosine of unrelated pairs: over the whole table when the band is the whole table (nearly
    every pair is unrelated), else over a sample of pairs half a text away from the band, since a
    narrow band holds mostly the pairs that match."""
    n, m = len(lf.lengths), len(rf.lengths)
    if band.cells == (n + 1) * (m + 1):
        return float(np.nanmedian(c11)) if np.isfinite(c11).any() else 0.0
    # Sampled from both sides alike, half a text off the diagonal, so that swapping the texts swaps the
    # sample and keeps its median.
    i = np.arange(0, n, max(1, n // BACKGROUND_SAMPLE))
    j = np.arange(0, m, max(1, m // BACKGROUND_SAMPLE))
    pi = np.concatenate((i, (j * n // m + n // 2) % n))
    pj = np.concatenate(((i * m // n + m // 2) % m, j))
    return float(np.median(pair_cosines(lf, rf, pi, pj)))


def _run_dp(band: Band, pred: np.ndarray, cost: np.ndarray, check: Check | None) -> tuple[np.ndarray, np.ndarray]:
    """The chosen move into every cell (len(GROUP_SHAPES) + 1 = a skipped right sentence), and the best
    total cost of reaching every cell (plus the sentinel)."""
    n = len(band.lo) - 1
    total = np.full(band.cells + 1, np.inf)  # best cost to reach each cell; last is the sentinel
    total[: band.start[1]] = 0.0  # row 0: only right sentences skipped
    # The row loop keeps only the best cost: the Python overhead per row is what it costs.
    starts = band.start.tolist()
    take, running_min = np.take, np.minimum.accumulate
    for i in range(1, n + 1):
        if check and i % 1024 == 0:
            check()
        s, e = starts[i], starts[i + 1]
        cand = take(total, pred[:, s:e])
        cand += cost[:, s:e]
        running_min(cand.min(axis=0), out=total[s:e])  # skipping right sentences costs nothing
    # Which move won, for all cells at once, from the final totals.
    back = np.empty(band.cells, dtype=np.int8)
    for c0 in range(0, band.cells, _BACK_CHUNK):
        c1 = min(c0 + _BACK_CHUNK, band.cells)
        cand = total[pred[:, c0:c1]] + cost[:, c0:c1]
        arg = cand.argmin(axis=0)
        best = cand[arg, np.arange(c1 - c0)]
        back[c0:c1] = np.where(total[c0:c1] < best, cost.shape[0], arg)
    back[: band.start[1]] = cost.shape[0]
    return back, total


def _backtrack(band: Band, t: _Tables, back: np.ndarray) -> list[Link]:
    n, m = len(band.lo) - 1, int(band.hi[-1])
    skip_right = t.pred.shape[0]
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
            score = max(0.0, min(1.0, float(t.cos[move, cell])))
            links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), score))
            i, j = i - a, j - b
        cell = int(t.pred[move, cell])
    links.reverse()
    return links


def _monotone(lf: Features, rf: Features, check: Check | None) -> tuple[list[Link], Evidence]:
    links: list[Link] = []
    parts, whole_band = pieces(lf, rf, BAND_REACH)
    if len(parts) == 1:
        band = parts[0].band
        tables = _move_tables(lf, rf, band, check)
        back, _ = _run_dp(band, tables.pred, tables.cost, check)
        background, match, threshold = tables.levels
        best, partner = tables.partners
        evidence = Evidence(band, tables.cos[1], background, match, threshold, best, partner)
        return _backtrack(band, tables, back), evidence
    for piece in parts:  # a long text: the search goes piece by piece, so its tables stay small
        (r0, r1), (c0, c1) = piece.rows, piece.cols
        tables = _move_tables(dense(lf, r0, r1), dense(rf, c0, c1), piece.band, check)
        back, _ = _run_dp(piece.band, tables.pred, tables.cost, check)
        found = _backtrack(piece.band, tables, back)
        del tables, back
        links += [shift(link, r0, c0) for link in found]
    return links, _evidence(lf, rf, whole_band)


def _evidence(lf: Features, rf: Features, band: Band) -> Evidence:
    """What confidence reads, for the whole band at once: only its 1-1 cosines, no group tables (those
    are what the pieces keep small)."""
    rows, cols = band.rows_cols()
    c11 = np.full(band.cells, np.nan, dtype=np.float32)
    inside = (rows > 0) & (cols > 0)
    c11[inside] = pair_cosines(lf, rf, rows[inside] - 1, cols[inside] - 1)
    n, m = len(lf.lengths), len(rf.lengths)
    best, partner = best_partners(band, c11, n, m)
    background, match, threshold = _levels(band, c11, lf, rf, best)
    return Evidence(band, c11, background, match, threshold, best, partner)
