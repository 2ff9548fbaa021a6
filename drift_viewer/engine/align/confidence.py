"""How likely each link is right: a calibrated probability from what the search saw.

A link's group cosine alone says little across documents: a free rewrite of a novel links its right
pairs at cosines a Bible translation gets for its wrong ones. So every signal is read against this
pair's own levels (the background cosine of unrelated pairs and the match level of best partners,
search._levels), and beside it the evidence that the link is the right *shape*:

- group: the group cosine, in units of (match - background) above the background;
- weakest member: the member sentence that fits the other side's whole group least (a split group that
  swallowed an unrelated neighbour has one);
- rival: for the member whose best partner in the group falls furthest short of its best 1-1 partner
  anywhere in the band, that shortfall (0 when every member's best partner is in the group; negative
  when a sentence has a better partner elsewhere: the link hides it);
- length: how far the group's length ratio is from the texts' overall ratio;
- size: sentences in the group beyond a 1-1 pair, and whether it is n-m (both sides > 1);
- words: the fewer words a side holds, the more a cosine is chance;
- mutual share: how often the texts' sentences are each other's best partners (how parallel they are);
- neighbours: whether the links before and after touch it on both sides: a link inside an unbroken run
  of links is placed by its neighbours as much as by its words (a repetitive verse has rivals nearby);
- apart: a move (moves.py, reorder.py), linked against the order of the texts.

Every signal is symmetric in the two sides, so B against A gets the confidences of A against B. The
weights are a logistic regression fitted on the shared DEplain documents with documents held out
(benchmarks/calibrate.py prints the fit and the reliability table); the default floor drops links that
are unlikely to be right (a wrong link hides the real counterpart and fills the diff with noise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .band import Band
from .vectors import Features, pair_cosines

# Fitted by benchmarks/calibrate.py (logistic regression, all 53 DEplain documents and the 10 Mark pairs, the
# free retellings among them aligned with their meaning as well: semantic.py; held-out check there).
WEIGHTS = np.array([0.381, -0.146, 0.696, -0.236, -2.233, 0.000, 1.272, 7.244, 0.892, 0.669, -1.487, 2.767])
BIAS = -8.503
# Default floor, chosen on held-out documents (benchmarks/calibrate.py's sweep): on DEplain it lifts
# precision from 0.63 to 0.85 at 0.3; higher floors cost the Mark translations' verse-link F1 more
# (0.977 without a floor, 0.976 at 0.3, 0.973 at 0.5) for little more on DEplain.
FLOOR = 0.3
FEATURES = (
    "group",
    "weakest member",
    "rival lead",
    "length",
    "size",
    "n-m",
    "words",
    "mutual share",
    "neighbours",
    "size, loose",
    "apart",
    "over background",
)
_MIN_SCALE = 0.05  # (match - background) below this is no level to measure against
_PRIOR_WEIGHT = 10  # sentences' worth of an even prior in the mutual share


@dataclass(frozen=True)
class Evidence:
    """What the monotone search knew: its band of 1-1 cosines, this pair's levels, and every sentence's
    best 1-1 cosine in the band with that partner (-1 where it has none)."""

    band: Band
    c11: np.ndarray  # (cells,) cosine of left i-1 and right j-1 at cell (i, j); NaN on row/column 0
    background: float
    match: float
    threshold: float  # the cosine at which the search starts to link a 1-1 pair
    best: tuple[np.ndarray, np.ndarray]  # per left sentence, per right sentence
    partner: tuple[np.ndarray, np.ndarray]

    @property
    def scale(self) -> float:
        return max(self.match - self.background, _MIN_SCALE)

    def mutual_share(self) -> float:
        """Share of the shorter side's sentences whose best partner has them as its best partner too:
        near 1 for a translation or a light edit, low for a retelling that links loosely."""
        lp, rp = self.partner
        if not len(lp) or not len(rp):
            return 0.0
        ok = lp >= 0
        mutual = np.zeros(len(lp), dtype=bool)
        mutual[ok] = rp[lp[ok]] == np.flatnonzero(ok)
        # Shrunk towards an even prior: three sentences a side that pick each other say little about
        # how parallel two texts are (an unrelated 3-sentence pair would otherwise look like a translation).
        return float((mutual.sum() + _PRIOR_WEIGHT / 2) / (min(len(lp), len(rp)) + _PRIOR_WEIGHT))


def best_partners(band: Band, c11: np.ndarray, n: int, m: int) -> tuple[tuple, tuple]:
    """((left best, right best), (left partner, right partner)) over the band: each sentence's best 1-1
    cosine (-1 where its row or column is empty) and the other side's sentence it is with (-1)."""
    rows, cols = band.rows_cols()
    values = np.nan_to_num(c11, nan=-1.0)
    values[(rows == 0) | (cols == 0)] = -1.0
    widths = np.diff(band.start)
    lbest = np.full(n + 1, -1.0)
    ok = widths > 0
    lbest[ok] = np.maximum.reduceat(values, band.start[:-1][ok])  # rows are runs of cells: cheap
    rbest = np.full(m + 1, -1.0)
    np.maximum.at(rbest, cols, values)
    out_partner = []
    for own, other, best, size in ((rows, cols, lbest, n), (cols, rows, rbest, m)):
        at = np.flatnonzero((values == best[own]) & (values > -1.0))
        partner = np.full(size + 1, -1, dtype=np.int64)
        partner[own[at][::-1]] = other[at][::-1] - 1  # the first such cell wins
        out_partner.append(partner[1:])
    return (lbest[1:], rbest[1:]), (out_partner[0], out_partner[1])


def features(
    groups: Sequence[tuple[Sequence[int], Sequence[int]]],
    lf: Features,
    rf: Features,
    ev: Evidence,
    neighbours: np.ndarray | None = None,
    apart: bool | np.ndarray = False,
) -> np.ndarray:
    """(len(groups), len(FEATURES)); every group two-sided (any index lists, gapped or moved).
    `neighbours`: per group, how many of the links before and after it (0-2) are two-sided and touch it
    on both sides, as links do in a parallel run. `apart`: the group is a move, linked out of order.

    Everything comes from the dot products of the groups' sentence pairs (the band's cosines where the
    pair is in it): no group vector is built, so rating the links of a book costs little beside the search."""
    k = len(groups)
    out = np.zeros((k, len(FEATURES)))
    if not k:
        return out
    scale, bg = ev.scale, ev.background
    lg, li = _flat(g[0] for g in groups)
    rg, ri = _flat(g[1] for g in groups)
    na, nb = np.bincount(lg, minlength=k), np.bincount(rg, minlength=k)
    # Every (group, left member, right member): each left member repeated once per right member.
    g = np.repeat(lg, nb[lg])
    p = np.repeat(li, nb[lg])
    rstart = np.concatenate(([0], np.cumsum(nb)[:-1]))
    within = np.arange(len(g)) - np.repeat(np.cumsum(nb[lg]) - nb[lg], nb[lg])
    q = ri[rstart[g] + within]
    cos = _pair_cos(lf, rf, ev, p, q)
    dots = cos * np.sqrt(lf.norms2[p] * rf.norms2[q])
    cross = np.bincount(g, dots, minlength=k)
    ln2 = _group_norms2(lf, lg, li, k)
    rn2 = _group_norms2(rf, rg, ri, k)
    gcos = cross / np.sqrt(np.maximum(ln2 * rn2, 1e-12))
    out[:, 0] = (gcos - bg) / scale
    # Each member against the other side's whole group; and its best partner inside the group against
    # its best anywhere in the band.
    weakest = np.full(k, np.inf)
    lead = np.full(k, np.inf)
    for own, f, other_n2, best in ((p, lf, rn2, ev.best[0]), (q, rf, ln2, ev.best[1])):
        keys, inv = np.unique(g * (1 << 32) + own, return_inverse=True)
        owner, member = keys >> 32, keys & ((1 << 32) - 1)
        to_group = np.bincount(inv, dots, minlength=len(keys))
        mcos = to_group / np.sqrt(np.maximum(f.norms2[member] * other_n2[owner], 1e-12))
        np.minimum.at(weakest, owner, mcos)
        inside = np.full(len(keys), -1.0)
        np.maximum.at(inside, inv, cos)
        np.minimum.at(lead, owner, inside - best[member])
    out[:, 1] = (weakest - bg) / scale
    out[:, 2] = lead / scale
    llen = np.bincount(lg, lf.lengths[li], minlength=k)
    rlen = np.bincount(rg, rf.lengths[ri], minlength=k)
    ratio = np.log((rf.lengths.sum() + 1) / (lf.lengths.sum() + 1))
    out[:, 3] = np.abs(np.log((rlen + 10) / (llen + 10)) - ratio)
    sizes = np.stack((na, nb), axis=1)
    # Logarithmic: ten-sentence groups are rare in any training text, and a linear term would call every
    # one of them wrong (Tyndale's short sentences against one verse-long sentence are right).
    out[:, 4] = np.log(sizes.sum(axis=1) - 1)
    out[:, 5] = (sizes > 1).all(axis=1)
    lwords = np.bincount(lf.stem_sentence, minlength=len(lf.lengths))
    rwords = np.bincount(rf.stem_sentence, minlength=len(rf.lengths))
    words = np.minimum(np.bincount(lg, lwords[li], minlength=k), np.bincount(rg, rwords[ri], minlength=k))
    out[:, 6] = np.log1p(words)
    # How parallel the two texts are as a whole: a retelling whose sentences rarely pick each other
    # links less surely than a translation, at the same cosines.
    out[:, 7] = ev.mutual_share()
    if neighbours is not None:
        out[:, 8] = neighbours
    # A big group in a parallel text is mostly a segmentation difference; in a loose rewrite, mostly an
    # over-merge that swallowed a neighbour.
    out[:, 9] = out[:, 4] * (1 - out[:, 7])
    # Out of order, a link has only its words for it: of leftovers that pick each other best, few are right.
    out[:, 10] = apart
    # Unscaled too: where the match level is near the background (a few short, unrelated sentences) the
    # scaled cosine of any pair looks large.
    out[:, 11] = gcos - bg
    return out


def _pair_cos(lf: Features, rf: Features, ev: Evidence, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Cosines of sentence pairs: read from the band, computed for the few outside it (moved pairs)."""
    cell = ev.band.index(p + 1, q + 1)
    inside = cell < ev.band.cells
    out = np.empty(len(p))
    out[inside] = ev.c11[cell[inside]]
    if (~inside).any():
        out[~inside] = pair_cosines(lf, rf, p[~inside], q[~inside])
    return np.nan_to_num(out, nan=0.0)


def _flat(sides) -> tuple[np.ndarray, np.ndarray]:
    """(group of each member, member) over one side of every group, groups in order."""
    lists = [tuple(x) for x in sides]
    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    members = np.fromiter((i for x in lists for i in x), dtype=np.int64, count=int(sizes.sum()))
    return np.repeat(np.arange(len(lists)), sizes), members


def _group_norms2(f: Features, owner: np.ndarray, members: np.ndarray, k: int) -> np.ndarray:
    """|sum of each group's vectors|^2: own norms plus twice the dots of its distinct pairs."""
    out = np.bincount(owner, f.norms2[members], minlength=k)
    # Pairs (x, y) of members of one group, x after y: a group of a members has a(a-1)/2 of them.
    for gap in range(1, int(np.bincount(owner).max(initial=1))):
        same = owner[gap:] == owner[:-gap]
        if not same.any():
            break
        i, j = members[gap:][same], members[:-gap][same]
        out += 2 * np.bincount(owner[gap:][same], np.einsum("ij,ij->i", f.vectors[i], f.vectors[j]), minlength=k)
    return out


def confidence(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ WEIGHTS + BIAS)))
