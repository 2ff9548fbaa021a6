"""Short sentences facing each other between aligned neighbours: "52" -> "48", "Yes." -> "No.", "***".

A sentence of a few words has a few trigrams and stems, so its cosine with its counterpart is all
or nothing: a changed number or a swapped word leaves nothing shared (and "***" has no features at
all), and the search (which links on similarity alone) leaves both one-sided. Their place says what
their words cannot: when the neighbours on both sides are aligned and the gap between them holds the
same number of unlinked sentences on each side, all short, the k-th on the left is the k-th on the
right changed. Unequal counts mean something was dropped or added and position no longer tells which
faces which, so nothing is paired there; a long sentence has features enough for the search to have
judged it, so a gap holding one is left as the search saw it.

"Short" is the move finder's bound: fewer word tokens than the distinct stems (moves.MIN_STEMS) it
needs before a match is more than a coincidence. Below it, that no stems are shared is no evidence
of being unrelated either; and a short sentence can never be a move, so pairing one steals none.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .links import Link
from .moves import MIN_STEMS
from .vectors import Features, pair_cosines


def _words(f: Features) -> np.ndarray:
    """Word tokens per sentence, as the feature model sees words (one stem occurrence each)."""
    return np.bincount(f.stem_sentence, minlength=len(f.lengths))


def pair_short(links: list[Link], left: Sequence[str], right: Sequence[str], lf: Features, rf: Features) -> list[Link]:
    """`links` with the short one-sided sentences of each gap paired as above; moved pairs keep their
    partners (renumbered)."""
    short_l, short_r = _words(lf) < MIN_STEMS, _words(rf) < MIN_STEMS
    out: list[Link] = []
    new_at: dict[int, int] = {}  # old index -> new index of every moved link, to renumber partners
    gap: list[int] = []

    def close_gap() -> None:
        for item in _fill_gap(links, gap, short_l, short_r):
            if isinstance(item, int):
                if links[item].partner is not None:
                    new_at[item] = len(out)
                out.append(links[item])
            else:
                out.append(_pair(item, left, right, lf, rf))
        gap.clear()

    for k, link in enumerate(links):
        if link.left and link.right:
            close_gap()
            out.append(link)
        else:
            gap.append(k)
    close_gap()
    if not new_at:
        return out
    return [
        Link(link.left, link.right, link.score, new_at[link.partner]) if link.partner is not None else link
        for link in out
    ]


def _fill_gap(
    links: list[Link], gap: list[int], short_l: np.ndarray, short_r: np.ndarray
) -> list[int | tuple[int, int]]:
    """The gap's links in an order that keeps both sides' sentence order: old link indices, and
    (left, right) sentence pairs in place of the short sentences paired."""
    solo_l = [k for k in gap if links[k].left and links[k].partner is None]
    solo_r = [k for k in gap if links[k].right and links[k].partner is None]
    if (
        not solo_l
        or len(solo_l) != len(solo_r)
        or not all(short_l[links[k].left[0]] for k in solo_l)
        or not all(short_r[links[k].right[0]] for k in solo_r)
    ):
        return list(gap)
    # Moved sentences stay in the gap; merge so that each side's sentences keep their order, the k-th
    # pair going out once everything before it on both sides has.
    pair_of = {k: n for n, k in enumerate(solo_l)} | {k: n for n, k in enumerate(solo_r)}
    lq = [k for k in gap if links[k].left]
    rq = [k for k in gap if links[k].right]
    a = b = 0
    order: list[int | tuple[int, int]] = []
    while a < len(lq) or b < len(rq):
        lk = lq[a] if a < len(lq) else None
        rk = rq[b] if b < len(rq) else None
        free = [k for k in (lk, rk) if k is not None and k not in pair_of]
        if free:
            k = min(free)  # of two free links, the one the search put first
            order.append(k)
            a, b = (a + 1, b) if k == lk else (a, b + 1)
        else:
            assert lk is not None and rk is not None and pair_of[lk] == pair_of[rk]
            order.append((links[lk].left[0], links[rk].right[0]))
            a, b = a + 1, b + 1
    return order


def _pair(ij: tuple[int, int], left: Sequence[str], right: Sequence[str], lf: Features, rf: Features) -> Link:
    i, j = ij
    if left[i] == right[j]:
        # "***" has no features, so no cosine, but is the same text: sure, whatever its words say.
        return Link((i,), (j,), 1.0, None, 1.0)
    score = float(np.clip(pair_cosines(lf, rf, np.array([i]), np.array([j]))[0], 0.0, 1.0))
    return Link((i,), (j,), score)
