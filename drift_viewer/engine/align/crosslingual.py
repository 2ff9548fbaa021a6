"""Aligning an original with its translation: sentence embeddings that cross languages (encoder.py),
lengths, and a dynamic programme over group shapes, as Vecalign does (Thompson & Koehn, 2019).

Words shared by the two sides, which the same-language aligner (search.py) scores, are few across
languages: only numbers and names. So here a group's score is the cosine of the two sides' sentence
embeddings (a group's embedding is the normalised sum of its sentences'), made fair between sentences
by a margin (Artetxe & Schwenk, 2019): a sentence near everything (short, generic: "Photo: ...") has a
high cosine with every candidate, so each sentence's mean cosine with its nearest candidates is taken
off. A group gains its margin above a threshold set from this text pair's own levels, and pays for a
length ratio far from the texts' overall one (Gale & Church, 1993: translated lengths are proportional);
a one-sided sentence gains nothing, so only pairs that earn it are linked.

Long texts are aligned coarse to fine: blocks of sentences (their mean embeddings) are aligned first,
and the full search runs in a band around that path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from . import encoder
from .anchors import anchor_vectors
from .links import Link

Check = Callable[[], None]

SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
)
MAX_SIDE = 4
CONTINUED_PENALTY = 0.05  # a group ending where the text goes on (continued)
ANCHOR_WEIGHT = 0.2  # per unit of anchor agreement (Dice - 1/2)
NEIGHBOURS = 4  # nearest candidates whose mean cosine is a sentence's own level (the margin's base)
THRESHOLD_SHARE = 0.3  # the link threshold's place between the background and the match level
LENGTH_WEIGHT = 0.15  # per unit of |log length ratio| away from the texts' overall ratio
MANY_MANY_PENALTY = 0.05
WEIGHT_POWER = 0.0
VARIANCE = 6.8  # Gale and Church's variance of translated lengths per character  # both sides > 1: rare, and a sum of vectors flatters such groups
FEW = 12  # sentences a side below which the text's own cosine levels are not to be trusted
# The encoder's cosines of unrelated sentences and of a sentence with its translation (medians on
# the Text+Berg de-fr article: 0.05 and 0.62).
USUAL_BACKGROUND, USUAL_MATCH = 0.05, 0.6
FULL_CELLS = 1_200_000  # above this many cells, align coarse to fine
COARSE_ROWS = 600  # sentences per side the coarse pass aims at
_BLOCK = 64


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    check: Check | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[Link]:
    """`progress` gets the share done: the encoding is most of the work (EMBED_SHARE), then the search."""
    with encoder.one_blas_thread():
        return _align(left, right, check, progress or (lambda done: None))


EMBED_SHARE = 0.85
# What of a long sentence is encoded: its first 80 and last 50 characters. The encoder's cost is its
# tokens, and a long sentence's middle adds little to where it sits: its opening and its end show which
# sentence it translates and where a translator split or joined it. On the Text+Berg article this
# encodes 78% of the characters, and strict F1 goes 0.886 -> 0.889 (0.889-0.891 for any head and tail
# of 130-200 characters; the first 100 alone: 0.863).
CLIP = (80, 50)


def _align(
    left: Sequence[str], right: Sequence[str], check: Check | None, progress: Callable[[float], None]
) -> list[Link]:
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    vectors = encoder.embed(
        list(left) + list(right), check, lambda done: progress(EMBED_SHARE * done), clip=CLIP, fast=True
    )
    if check:
        check()
    lengths = np.array([len(t) for t in (*left, *right)], dtype=np.float64)
    marks = anchor_vectors(left, right)
    ends = (continued(left), continued(right))
    steps = 0

    def searching() -> None:  # the search checks once every _BLOCK rows
        nonlocal steps
        if check:
            check()
        steps += 1
        progress(EMBED_SHARE + (1 - EMBED_SHARE) * min(steps * _BLOCK / (n + 1), 0.99))

    return align_vectors(vectors[:n], vectors[n:], lengths[:n], lengths[n:], marks, ends, check=searching)


def continued(sentences: Sequence[str]) -> np.ndarray:
    """out[i] is True where the text goes on after sentence i-1 (i = 1..n; False at 0 and n): the
    sentence ends in a colon or semicolon, or the next begins in lower case. Translators split and
    join such pieces freely, so a group should not end there."""
    out = np.zeros(len(sentences) + 1, dtype=bool)
    for i in range(1, len(sentences)):
        before, after = sentences[i - 1].rstrip(), sentences[i].lstrip()
        out[i] = before.endswith((":", ";")) or after[:1].islower()
    return out


def align_vectors(
    lv: np.ndarray,
    rv: np.ndarray,
    ll: np.ndarray,
    rl: np.ndarray,
    marks: tuple[np.ndarray, np.ndarray] | None = None,
    ends: tuple[np.ndarray, np.ndarray] | None = None,
    *,
    check: Check | None = None,
    orphans: bool = True,
) -> list[Link]:
    """The alignment of sentences given as unit embeddings, lengths and (optionally) anchor vectors
    and the places where the text goes on past a sentence end (`continued`). With `orphans`, lone
    one-sided sentences may join a neighbouring pair (absorb_orphans)."""
    n, m = len(lv), len(rv)
    lo, width = _band(lv, rv, ll, rl)
    scorer = _Scorer(lv, rv, ll, rl, lo, width, marks, ends)
    links = _search(scorer, lo, width, n, m, check)
    return absorb_orphans(links, lv, rv) if orphans else links


def absorb_orphans(links: list[Link], lv: np.ndarray, rv: np.ndarray) -> list[Link]:
    """A sentence left on one side between pairs joins the neighbouring pair whose cosine it raises.

    Translators rarely drop or add a single sentence; a lone one they split off or joined on ("Nun
    begannen die Erkundungen :" translated inside the sentence before it) reads as a weak match of its
    own, so the search leaves it out rather than dilute a strong pair with it. If adding it brings the
    pair's two sides closer, its content is in the other side's text; a sentence really dropped or added
    by the translator has no counterpart there and lowers the cosine, so it stays one-sided."""

    def cos(left: tuple[int, ...], right: tuple[int, ...]) -> float:
        x, y = lv[list(left)].sum(axis=0), rv[list(right)].sum(axis=0)
        norms = float(np.linalg.norm(x) * np.linalg.norm(y))
        return float(x @ y) / norms if norms > 0 else 0.0

    out = list(links)
    k = 0
    while k < len(out):
        orphan = out[k]
        if bool(orphan.left) == bool(orphan.right):
            k += 1
            continue
        best: tuple[float, int, Link] | None = None
        for q in (k - 1, k + 1):
            pair = out[q] if 0 <= q < len(out) else None
            if pair is None or not (pair.left and pair.right):
                continue
            left, right = tuple(sorted(pair.left + orphan.left)), tuple(sorted(pair.right + orphan.right))
            if max(len(left), len(right)) > MAX_SIDE:
                continue
            gain = cos(left, right) - cos(pair.left, pair.right)
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, q, Link(left, right, max(0.0, min(1.0, cos(left, right)))))
        if best is None:
            k += 1
            continue
        _, q, joined = best
        out[q] = joined
        del out[k]
        k = min(k, q)  # the joined pair may take in the next orphan too
    return out


def _band(lv: np.ndarray, rv: np.ndarray, ll: np.ndarray, rl: np.ndarray) -> tuple[np.ndarray, int]:
    """For every row i (left sentences consumed), the first column of its band, and the band's width."""
    n, m = len(lv), len(rv)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return np.zeros(n + 1, dtype=np.int64), m + 1
    size = -(-max(n, m) // COARSE_ROWS)
    cl, cr = _blocks(lv, size), _blocks(rv, size)
    cll, crl = np.add.reduceat(ll, np.arange(0, n, size)), np.add.reduceat(rl, np.arange(0, m, size))
    path = align_vectors(cl, cr, cll, crl, orphans=False)  # blocks: the band must follow the search
    # Each fine row lies between the columns of the coarse groups its block belongs to.
    low = np.full(n + 1, m, dtype=np.int64)
    high = np.zeros(n + 1, dtype=np.int64)
    i = j = 0
    for link in path:
        a, b = len(link.left), len(link.right)
        r0, r1 = i * size, min(n, (i + a) * size)
        c0, c1 = j * size, min(m, (j + b) * size)
        low[r0 : r1 + 1] = np.minimum(low[r0 : r1 + 1], c0)
        high[r0 : r1 + 1] = np.maximum(high[r0 : r1 + 1], c1)
        i, j = i + a, j + b
    reach = 2 * size + 8
    low = np.maximum(np.minimum.accumulate(low[::-1])[::-1] - reach, 0)
    high = np.minimum(np.maximum.accumulate(high) + reach, m)
    width = int((high - low).max()) + 1
    return np.minimum(low, max(m + 1 - width, 0)), min(width, m + 1)


def _blocks(vectors: np.ndarray, size: int) -> np.ndarray:
    sums = np.add.reduceat(vectors, np.arange(0, len(vectors), size), axis=0)
    return _unit(sums)


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return (x / np.where(norms > 0, norms, 1)).astype(np.float32)


def _group_vectors(v: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """out[k][i] = the unit sum of the k sentences ending before i (k = 1..MAX_SIDE), zero where i < k.

    Each sentence weighs as its length**WEIGHT_POWER: the encoder averages over a text's words, so a
    sentence's share in the embedding of the group's text is its share of the words; "C )." adds little."""
    weighted = v * (lengths[:, None] ** WEIGHT_POWER)
    prefix = np.concatenate((np.zeros((1, v.shape[1])), np.cumsum(weighted, axis=0, dtype=np.float64)))
    out = [np.zeros((0, 0), dtype=np.float32)]
    for k in range(1, MAX_SIDE + 1):
        g = np.zeros_like(prefix)
        g[k:] = prefix[k:] - prefix[:-k]
        out.append(_unit(g))
    return out


def _group_sums(x: np.ndarray) -> list[np.ndarray]:
    prefix = np.concatenate(([0.0], np.cumsum(x)))
    out = [np.zeros(0)]
    for k in range(1, MAX_SIDE + 1):
        g = np.full(len(prefix), np.nan)
        g[k:] = prefix[k:] - prefix[:-k]
        out.append(g)
    return out


class _Scorer:
    """Gains of every shape at every band cell, computed a block of rows at a time."""

    def __init__(self, lv, rv, ll, rl, lo: np.ndarray, width: int, marks=None, ends=None) -> None:
        self.lo, self.width = lo, width
        self.ends = ends
        self.marks = None if marks is None else (_group_counts(marks[0]), _group_counts(marks[1]))
        self.m = len(rv)
        self.lg, self.rg = _group_vectors(lv, ll), _group_vectors(rv, rl)
        if min(len(lv), len(rv)) < FEW:
            # Too few sentences for their own levels: no margin, and the encoder's usual levels.
            self.lmargin, self.rmargin = np.zeros(len(lv), np.float32), np.zeros(len(rv), np.float32)
        else:
            self.lmargin, self.rmargin = _levels(lv, rv, lo, width)
        self.lml, self.rml = _group_sums(self.lmargin), _group_sums(self.rmargin)
        self.lcount, self.rcount = _group_sums(np.ones(len(lv))), _group_sums(np.ones(len(rv)))
        self.ratio = (rl.sum() + 1) / (ll.sum() + 1)
        self.llen, self.rlen = _group_sums(ll), _group_sums(rl)
        if min(len(lv), len(rv)) < FEW:
            self.threshold = USUAL_BACKGROUND + THRESHOLD_SHARE * (USUAL_MATCH - USUAL_BACKGROUND)
        else:
            self.threshold = _threshold(lv, rv, self.lmargin, self.rmargin, lo, width)

    def gains(self, r0: int, r1: int) -> np.ndarray:
        """(shapes, rows r0..r1-1, width): gain of each shape ending at each cell; -inf where impossible."""
        lo, width = self.lo[r0:r1], self.width
        cols = lo[:, None] + np.arange(width)[None, :]
        valid = cols <= self.m
        cols = np.minimum(cols, self.m)
        c0, c1 = int(cols.min()), int(cols.max()) + 1
        out = np.full((len(SHAPES), r1 - r0, width), -np.inf, dtype=np.float32)
        rows = np.arange(r0, r1)
        for s, (a, b) in enumerate(SHAPES):
            cos = self.lg[a][r0:r1] @ self.rg[b][c0:c1].T
            cos = np.take_along_axis(cos, cols - c0, axis=1)
            base = (self.lml[a][rows] / self.lcount[a][rows])[:, None] + (self.rml[b][cols] / self.rcount[b][cols])
            gain = cos - base / 2 - self.threshold
            gain -= LENGTH_WEIGHT * _length_surprise(self.llen[a][rows][:, None], self.rlen[b][cols], self.ratio)
            if a > 1 and b > 1:
                gain -= MANY_MANY_PENALTY
            if self.ends is not None:
                gain -= CONTINUED_PENALTY * (self.ends[0][rows][:, None].astype(np.float32) + self.ends[1][cols])
            if self.marks is not None:
                gain += ANCHOR_WEIGHT * _anchor_fit_of(self.marks[0][a][r0:r1], self.marks[1][b][c0:c1], cols, c0)
            ok = valid & (rows[:, None] >= a) & (cols >= b)
            out[s] = np.where(ok & np.isfinite(gain), gain, -np.inf)
        return out


def _group_counts(v: np.ndarray) -> list[np.ndarray]:
    """out[k][i] = the sum of the k rows ending before i, zero where i < k (anchor counts of groups)."""
    prefix = np.concatenate((np.zeros((1, v.shape[1]), np.float32), np.cumsum(v, axis=0, dtype=np.float32)))
    out = [np.zeros((0, 0), dtype=np.float32)]
    for k in range(1, MAX_SIDE + 1):
        g = np.zeros_like(prefix)
        g[k:] = prefix[k:] - prefix[:-k]
        out.append(g)
    return out


def _length_surprise(left: np.ndarray, right: np.ndarray, ratio: float) -> np.ndarray:
    """Gale and Church's delta: how many standard deviations the right length is from `ratio` times the
    left, the variance growing with length (a character's worth of translation varies independently)."""
    mean = (left + right / ratio) / 2
    return np.abs(right - ratio * left) / np.sqrt(VARIANCE * ratio * mean + 1)


def _anchor_fit_of(la, ra, cols, c0) -> np.ndarray:
    """Dice overlap of anchors minus one half, where either side has any: shared anchors pull a group
    together, anchors on one side only push it apart; no anchors say nothing."""
    shared = np.take_along_axis(la @ ra.T, cols - c0, axis=1)
    size = la.sum(axis=1)[:, None] + ra.sum(axis=1)[np.minimum(cols - c0, len(ra) - 1)]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(size > 0, 2 * shared / size - 0.5, 0.0)


def _levels(lv, rv, lo: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's mean cosine with its NEIGHBOURS nearest candidates on the other side (in the band)."""
    n, m = len(lv), len(rv)
    left = np.zeros(n, dtype=np.float32)
    right = np.full(m, -np.inf, dtype=np.float32)
    top = np.zeros((m, NEIGHBOURS), dtype=np.float32) - 1
    k = min(NEIGHBOURS, width)
    for r0 in range(0, n, _BLOCK):
        r1 = min(n, r0 + _BLOCK)
        c0 = int(lo[r0 + 1])
        c1 = min(m, int(lo[r1]) + width)
        cos = lv[r0:r1] @ rv[c0:c1].T
        kk = min(k, c1 - c0)
        left[r0:r1] = np.sort(cos, axis=1)[:, -kk:].mean(axis=1)
        # Right side: merge this block's best rows into the running top-k of each column.
        both = np.concatenate((top[c0:c1], np.sort(cos, axis=0)[-min(NEIGHBOURS, r1 - r0) :].T), axis=1)
        top[c0:c1] = np.sort(both, axis=1)[:, -NEIGHBOURS:]
    right = np.where(top > -1, top, np.nan)
    right_mean = np.nanmean(right, axis=1)
    return left, np.nan_to_num(right_mean, nan=float(np.mean(left)) if n else 0.0).astype(np.float32)


def _threshold(lv, rv, lmargin, rmargin, lo: np.ndarray, width: int) -> float:
    """Between the margin of unrelated pairs (background) and that of each sentence's best candidate."""
    n, m = len(lv), len(rv)
    rng = np.random.default_rng(0)  # fixed: the same texts always align the same way
    i = rng.integers(0, n, 2000)
    j = rng.integers(0, m, 2000)
    background = float(np.median(np.einsum("ij,ij->i", lv[i], rv[j]) - (lmargin[i] + rmargin[j]) / 2))
    best = []
    for r0 in range(0, n, _BLOCK):
        r1 = min(n, r0 + _BLOCK)
        c0, c1 = int(lo[r0 + 1]), min(m, int(lo[r1]) + width)
        cos = lv[r0:r1] @ rv[c0:c1].T - (lmargin[r0:r1, None] + rmargin[None, c0:c1]) / 2
        best.append(cos.max(axis=1))
    match = float(np.median(np.concatenate(best)))
    return background + THRESHOLD_SHARE * max(match - background, 0.0)


def _search(scorer: _Scorer, lo: np.ndarray, width: int, n: int, m: int, check: Check | None) -> list[Link]:
    # Each row of totals sits between `width` cells of -inf on either side, so the cells a move comes
    # from are one slice of the row it comes from, whatever the two rows' band offsets.
    total = np.full((n + 1, 3 * width), -np.inf, dtype=np.float64)
    back = np.zeros((n + 1, width), dtype=np.int8)  # 0: skip right, 1: skip left, 2 + s: SHAPES[s]
    cols0 = np.arange(width)
    total[0, width : 2 * width] = np.where(lo[0] + cols0 <= m, 0.0, -np.inf)
    gains = scorer.gains(1, min(n + 1, 1 + _BLOCK))
    g0 = 1
    lo_list = lo.tolist()
    for i in range(1, n + 1):
        if i - g0 >= gains.shape[1]:
            if check:
                check()
            g0 = i
            gains = scorer.gains(i, min(n + 1, i + _BLOCK))
        here = lo_list[i]
        best = _slice(total, i - 1, here - lo_list[i - 1], width).copy()  # skip a left sentence
        move = np.ones(width, dtype=np.int8)
        for s, (a, b) in enumerate(SHAPES):
            if i < a:
                continue
            cand = _slice(total, i - a, here - lo_list[i - a] - b, width) + gains[s, i - g0]
            better = cand > best
            np.maximum(best, cand, out=best)
            move[better] = 2 + s
        # Skipping right sentences gains nothing: a running maximum along the row.
        run = np.maximum.accumulate(best)
        move[run > best] = 0
        run[here + cols0 > m] = -np.inf
        total[i, width : 2 * width] = run
        back[i] = move
    return _backtrack(total[:, width : 2 * width], back, lo, n, m, scorer)


def _slice(total: np.ndarray, r: int, shift: int, width: int) -> np.ndarray:
    """Row r's totals at columns (this row's) c - shift... as seen from a row whose band starts `shift`
    columns later: -inf where row r's band does not reach."""
    start = width + min(max(shift, -width), width)
    return total[r, start : start + width]


def _backtrack(total, back, lo, n: int, m: int, scorer: _Scorer) -> list[Link]:
    links: list[Link] = []
    i, j = n, m
    # Row 0 skips right sentences only.
    while i > 0 or j > 0:
        move = int(back[i, j - lo[i]]) if i > 0 else 0
        if move == 0:
            links.append(Link((), (j - 1,), 0.0))
            j -= 1
        elif move == 1:
            links.append(Link((i - 1,), (), 0.0))
            i -= 1
        else:
            a, b = SHAPES[move - 2]
            cos = float(scorer.lg[a][i] @ scorer.rg[b][j])
            links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), max(0.0, min(1.0, cos))))
            i, j = i - a, j - b
    links.reverse()
    return links
