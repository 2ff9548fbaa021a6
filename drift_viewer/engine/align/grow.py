"""Splits grown to their full size: a 1-k link takes the one-sided sentences next to it whose best
partner anywhere is its single sentence.

A plain-language rewrite splits one sentence into many; the later pieces often share few words with it
(a pronoun for the name, an explanation of a word), so the search, paying a length cost for every piece,
can stop short and leave them one-sided beside the group. A piece that the original sentence explains
better than any other sentence of the text, lying right next to the rest of its split, belongs to it.
Only on the side that splits, the one with the shorter sentences: the other side's one-sided sentences
are what the rewrite dropped, and they too are best explained by the sentence next door (a deleted
clause of the same paragraph), so growing there would merge a deletion into a link. The side is chosen
by the texts, not by their order, so B against A grows as A against B.

A grown link keeps its place; it must still reach the floor (its confidence is rated again), else the
link stays as it was.
"""

from __future__ import annotations

import numpy as np

from . import confidence as conf
from . import rating
from .confidence import Evidence
from .links import Link
from .vectors import Features, cosine


def split_side(lf: Features, rf: Features) -> int:
    """0 for the left, 1 for the right: the side whose sentences are shorter on average."""
    mean = [float(f.lengths.mean()) if len(f.lengths) else 0.0 for f in (lf, rf)]
    return 1 if mean[1] < mean[0] else 0


def grow_splits(links: list[Link], lf: Features, rf: Features, ev: Evidence, floor: float) -> list[Link]:
    side = split_side(lf, rf)
    partner = ev.partner[side]  # each split-side sentence's best partner on the other side
    # A piece must be as alike its sentence as the search needs to link a pair at all (reorder.py asks
    # the same): "Birds sang." has some best partner even when it shares nothing but a few letters.
    alike = ev.best[side] >= ev.threshold
    sides = [(x.left, x.right) if side == 0 else (x.right, x.left) for x in links]
    # split-side sentence -> its one-sided link
    solo = {mine[0]: k for k, (mine, theirs) in enumerate(sides) if mine and not theirs and links[k].partner is None}
    if not solo:
        return links
    owner = {}  # split-side sentence -> a link next to a one-sided sentence that may take it
    for k, (mine, theirs) in enumerate(sides):
        if mine and theirs and (mine[0] - 1 in solo or mine[-1] + 1 in solo) and _splits(mine, theirs, side, lf, rf):
            for s in mine:
                owner[s] = k
    grown: dict[int, list[int]] = {}
    # Forwards for the pieces after a link, backwards for those before it: each run grows outwards.
    for order, near in ((sorted(solo), -1), (sorted(solo, reverse=True), 1)):
        for s in order:
            at = owner.get(s + near)
            if at is None or s in owner or s >= len(partner) or partner[s] < 0 or not alike[s]:
                continue
            theirs = links[at].right if side == 0 else links[at].left
            if int(partner[s]) == theirs[0]:
                grown.setdefault(at, []).append(s)
                owner[s] = at  # the next piece may follow this one
    if not grown:
        return links
    return _apply(links, grown, solo, side, lf, rf, ev, floor)


def _apply(
    links: list[Link], grown: dict[int, list[int]], solo: dict[int, int], side: int, lf, rf, ev: Evidence, floor
) -> list[Link]:
    keys = sorted(grown)
    groups = []
    for k in keys:
        x = links[k]
        mine = tuple(sorted((x.left if side == 0 else x.right) + tuple(grown[k])))
        groups.append((x.left, mine) if side == 1 else (mine, x.right))
    # Rated with the neighbours the link had: growing into a gap leaves them touching as before.
    values = conf.confidence(conf.features(groups, lf, rf, ev, rating.neighbours(links, keys)))
    drop: set[int] = set()
    out = list(links)
    for k, (a, b), c in zip(keys, groups, values.tolist(), strict=True):
        if c < floor:
            continue  # the grown link is less likely right than the floor allows: the link stays as it was
        score = cosine(_summed(lf, a), _summed(rf, b))
        out[k] = Link(a, b, max(0.0, min(1.0, score)))
        drop.update(solo[s] for s in grown[k])
    if not drop:
        return links
    return _without(out, drop)


def _splits(mine: tuple[int, ...], theirs: tuple[int, ...], side: int, lf: Features, rf: Features) -> bool:
    """A 1-k link whose k pieces are contiguous and whose single sentence is longer than they are: what
    a split sentence is, and what a copied sentence beside a dropped neighbour is not."""
    if len(theirs) != 1 or mine[-1] - mine[0] != len(mine) - 1:
        return False
    own, other = (lf, rf) if side == 0 else (rf, lf)
    return float(other.lengths[theirs[0]]) > float(own.lengths[mine[0] : mine[-1] + 1].sum())


def _summed(f: Features, members: tuple[int, ...]) -> np.ndarray:
    return np.asarray(f.vectors[np.asarray(members)], dtype=np.float64).sum(axis=0)


def _without(links: list[Link], drop: set[int]) -> list[Link]:
    """The links less those in `drop`, moved pairs renumbered."""
    new_at: dict[int, int] = {}
    kept: list[Link] = []
    for k, x in enumerate(links):
        if k in drop:
            continue
        new_at[k] = len(kept)
        kept.append(x)
    return [x._replace(partner=new_at[x.partner]) if x.partner is not None else x for x in kept]
