"""Rating the links: every two-sided group and moved pair gets its confidence (confidence.py), and those
under the floor are undone: a group becomes its sentences one-sided, a moved pair two unpaired ones."""

from __future__ import annotations

import numpy as np

from . import confidence as conf
from .confidence import Evidence
from .links import Link
from .moves import MIN_COSINE
from .vectors import Features


def linked(links: list[Link]) -> tuple[list[int], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Indices of the links that pair something (two-sided, or the left half of a moved pair) and the
    groups they stand for."""
    at, groups = [], []
    for k, link in enumerate(links):
        if link.left and link.right:
            at.append(k)
            groups.append((link.left, link.right))
        elif link.partner is not None and link.left:
            at.append(k)
            groups.append((link.left, links[link.partner].right))
    return at, groups


def rate(links: list[Link], lf: Features, rf: Features, ev: Evidence, floor: float) -> list[Link]:
    """Links without a confidence get theirs; then those under `floor` are undone (0: none are)."""
    at, groups = linked(links)
    todo = [k for k, i in enumerate(at) if links[i].confidence is None]
    rated = list(links)
    if todo:
        at, groups = [at[k] for k in todo], [groups[k] for k in todo]
        apart = np.array([links[k].partner is not None for k in at])
        values = conf.confidence(conf.features(groups, lf, rf, ev, neighbours(links, at), apart)).round(4)
        make = tuple.__new__  # a NamedTuple's own constructor costs 3x as much, 7,000 times on a book
        for k, c in zip(at, values.tolist(), strict=True):
            x = links[k]
            rated[k] = make(Link, (x.left, x.right, x.score, x.partner, c))
            if x.partner is not None:
                y = links[x.partner]
                rated[x.partner] = make(Link, (y.left, y.right, y.score, y.partner, c))
    if floor <= 0:
        return rated
    return _undo_weak(rated, floor)


def neighbours(links: list[Link], at: list[int]) -> np.ndarray:
    """Per link in `at`: how many of its two neighbouring links are two-sided and touch it on both sides."""
    if not at:
        return np.zeros(0)
    if len(at) * 8 < len(links):  # a few links (short pairs made late): look at their neighbours alone
        return np.array([_touching(links, k) for k in at], dtype=float)
    both = [bool(x.left and x.right) for x in links]
    # First and last index of each side of two-sided links (-9 elsewhere, so nothing touches them).
    l0 = np.array([x.left[0] if b else -9 for x, b in zip(links, both, strict=True)])
    l1 = np.array([x.left[-1] if b else -9 for x, b in zip(links, both, strict=True)])
    r0 = np.array([x.right[0] if b else -9 for x, b in zip(links, both, strict=True)])
    r1 = np.array([x.right[-1] if b else -9 for x, b in zip(links, both, strict=True)])
    touch = (l1[:-1] + 1 == l0[1:]) & (r1[:-1] + 1 == r0[1:]) & (l0[1:] >= 0)
    before = np.concatenate(([False], touch))  # link k follows link k - 1 on both sides
    after = np.concatenate((touch, [False]))
    k = np.asarray(at)
    return before[k].astype(float) + after[k]


def _touching(links: list[Link], k: int) -> int:
    def touch(a: Link, b: Link) -> bool:
        return bool(a.left and a.right and b.left and b.right) and (
            a.left[-1] + 1 == b.left[0] and a.right[-1] + 1 == b.right[0]
        )

    return int(k > 0 and touch(links[k - 1], links[k])) + int(k + 1 < len(links) and touch(links[k], links[k + 1]))


def _undo_weak(links: list[Link], floor: float) -> list[Link]:
    """Links under the floor undone, unless their texts are clearly alike as wholes (the cosine at which
    moves.py trusts a pair anywhere): a two-sentence comparison has no context for the calibration to
    read, and a near-copy needs none."""

    def weak(link: Link) -> bool:
        return link.confidence is not None and link.confidence < floor and link.score < MIN_COSINE

    if not any(weak(link) for link in links if link.left and link.right):
        # Only moved pairs (if any) are undone: each stays where it is, so no index moves.
        return [Link(x.left, x.right, 0.0) if x.partner is not None and weak(x) else x for x in links]
    out: list[Link] = []
    new_at: dict[int, int] = {}
    for k, link in enumerate(links):
        weak_link = weak(link)
        if link.left and link.right and weak_link:
            out.extend(Link((i,), (), 0.0) for i in link.left)
            out.extend(Link((), (j,), 0.0) for j in link.right)
            continue
        if link.partner is not None and weak_link:
            out.append(Link(link.left, link.right, 0.0))
            continue
        if link.partner is not None:
            new_at[k] = len(out)
        out.append(link)
    return [x._replace(partner=new_at[x.partner]) if x.partner is not None else x for x in out]
