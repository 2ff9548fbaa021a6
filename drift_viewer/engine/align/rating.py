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
        for k, c in zip(at, values.tolist(), strict=True):
            rated[k] = links[k]._replace(confidence=c)
            partner = links[k].partner
            if partner is not None:
                rated[partner] = links[partner]._replace(confidence=c)
    if floor <= 0:
        return rated
    return _undo_weak(rated, floor)


def neighbours(links: list[Link], at: list[int]) -> np.ndarray:
    """Per link in `at`: how many of its two neighbouring links are two-sided and touch it on both sides."""
    if not at:
        return np.zeros(0)
    # Per link: first and last index of each side (-2 where a side is empty, so nothing touches it).
    ends = np.array(
        [(x.left[0], x.left[-1], x.right[0], x.right[-1]) if x.left and x.right else (-9, -9, -9, -9) for x in links],
        dtype=np.int64,
    )
    touch = (ends[:-1, 1] + 1 == ends[1:, 0]) & (ends[:-1, 3] + 1 == ends[1:, 2]) & (ends[1:, 0] >= 0)
    before = np.concatenate(([False], touch))  # link k touches link k - 1
    after = np.concatenate((touch, [False]))
    k = np.asarray(at)
    return (before[k].astype(float) + after[k]) * (ends[k, 0] >= 0)


def _undo_weak(links: list[Link], floor: float) -> list[Link]:
    """Links under the floor undone, unless their texts are clearly alike as wholes (the cosine at which
    moves.py trusts a pair anywhere): a two-sentence comparison has no context for the calibration to
    read, and a near-copy needs none."""
    out: list[Link] = []
    new_at: dict[int, int] = {}
    for k, link in enumerate(links):
        weak = link.confidence is not None and link.confidence < floor and link.score < MIN_COSINE
        if link.left and link.right and weak:
            out.extend(Link((i,), (), 0.0) for i in link.left)
            out.extend(Link((), (j,), 0.0) for j in link.right)
            continue
        if link.partner is not None and weak:
            out.append(Link(link.left, link.right, 0.0))
            continue
        if link.partner is not None:
            new_at[k] = len(out)
        out.append(link)
    return [x._replace(partner=new_at[x.partner]) if x.partner is not None else x for x in out]
