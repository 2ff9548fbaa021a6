"""Moved sentences: one-sided sentences on each side that are confidently the same sentence.

Candidates share a word stem that is rare among the one-sided sentences (so the search stays
near-linear however many sentences were dropped), then must be similar as wholes: a high cosine of
their tf-idf vectors and enough words that a match is not a coincidence of boilerplate.
"""

from __future__ import annotations

import numpy as np

from .links import Link
from .vectors import Features, pair_cosines

MIN_COSINE = 0.5
MIN_STEMS = 4  # distinct word stems a sentence needs before it can be called moved
RARE = 4  # a stem shared by more one-sided sentences than this on a side proposes no pairs


def _stems_of(f: Features, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mask = chosen[f.stem_sentence]
    pairs = np.unique(f.stem_sentence[mask].astype(np.int64) * (1 << 20) + f.stem_ids[mask])
    return pairs >> 20, pairs & ((1 << 20) - 1)  # (sentence, stem), each distinct pair once


def _rare_shared(stems: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Which entries of `stems` are rare on their own side and on the other one."""
    uniq, inverse, freq = np.unique(stems, return_inverse=True, return_counts=True)
    ouniq, ofreq = np.unique(other, return_counts=True)
    pos = np.clip(np.searchsorted(ouniq, uniq), 0, max(len(ouniq) - 1, 0))
    shared = (ouniq[pos] == uniq) & (ofreq[pos] <= RARE) if len(ouniq) else np.zeros(len(uniq), dtype=bool)
    return (shared & (freq <= RARE))[inverse]


def find_moves(links: list[Link], lf: Features, rf: Features) -> list[Link]:
    n, m = len(lf.lengths), len(rf.lengths)
    left_link = {link.left[0]: k for k, link in enumerate(links) if link.left and not link.right}
    right_link = {link.right[0]: k for k, link in enumerate(links) if link.right and not link.left}
    if not left_link or not right_link:
        return links
    lchosen = np.zeros(n, dtype=bool)
    lchosen[list(left_link)] = True
    rchosen = np.zeros(m, dtype=bool)
    rchosen[list(right_link)] = True
    ls, lstem = _stems_of(lf, lchosen)
    rs, rstem = _stems_of(rf, rchosen)
    lcount = np.bincount(ls, minlength=n)
    rcount = np.bincount(rs, minlength=m)
    lsel = _rare_shared(lstem, rstem)
    rsel = _rare_shared(rstem, lstem)
    # Join on stem: sort the right side's (stem, sentence) and expand each left entry's matches.
    ro = np.argsort(rstem[rsel], kind="stable")
    rstem_s, rs_s = rstem[rsel][ro], rs[rsel][ro]
    lst, lsn = lstem[lsel], ls[lsel]
    lo = np.searchsorted(rstem_s, lst, "left")
    hi = np.searchsorted(rstem_s, lst, "right")
    counts = hi - lo
    if counts.sum() == 0:
        return links
    p = np.repeat(lsn, counts)
    offsets = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts) + np.arange(counts.sum())
    q = rs_s[offsets]
    key = np.unique(p * m + q)
    p, q = key // m, key % m
    ok = (lcount[p] >= MIN_STEMS) & (rcount[q] >= MIN_STEMS)
    p, q = p[ok], q[ok]
    cos = pair_cosines(lf, rf, p, q)
    out = list(links)
    used_l: set[int] = set()
    used_r: set[int] = set()
    for k in np.argsort(-cos, kind="stable"):
        if cos[k] < MIN_COSINE:
            break
        i, j = int(p[k]), int(q[k])
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        a, b = left_link[i], right_link[j]
        score = float(min(1.0, cos[k]))
        out[a] = Link((i,), (), score, b)
        out[b] = Link((), (j,), score, a)
    return out
