"""Leftover sentences linked anywhere: the non-monotone pass.

A rewrite that reorders passages leaves, after the monotone search, sentences on both sides one-sided
that belong together far apart (health texts: four groups in ten cross another). moves.py pairs the
verbatim ones (cosine >= 0.5); this pass takes what is left: a one-sided sentence and the one-sided
sentences on the other side whose best 1-1 partner in the band it is, when it is theirs too (mutual
best partners: a loose criterion alone would pair every leftover with something). One left sentence
may take up to MAX_PIECES right sentences (a split sentence moved), and the other way round; their
places need not be contiguous. A candidate is kept only when its calibrated confidence reaches the
floor, like every other link, and is shown as a move: one-sided links naming each other as partners.
"""

from __future__ import annotations

from .confidence import Evidence, confidence, features
from .links import Link
from .vectors import Features

MAX_PIECES = 4  # the largest n of an n-1 group moved: splits into more are rarer than the noise
MIN_CONFIDENCE = 0.3  # even with no floor asked for, a leftover pair must be this likely


def link_leftovers(links: list[Link], lf: Features, rf: Features, ev: Evidence, floor: float) -> list[Link]:
    solo = [
        {link.left[0]: k for k, link in enumerate(links) if link.left and not link.right and link.partner is None},
        {link.right[0]: k for k, link in enumerate(links) if link.right and not link.left and link.partner is None},
    ]
    if not solo[0] or not solo[1]:
        return links
    candidates: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for side in (0, 1):
        mine, theirs = ev.partner[side], ev.partner[1 - side]
        for i in solo[side]:
            j = int(mine[i]) if i < len(mine) else -1
            if j not in solo[1 - side]:
                continue
            pieces = tuple(sorted(x for x in solo[1 - side] if x < len(theirs) and theirs[x] == i))
            if j not in pieces or len(pieces) > MAX_PIECES or (side == 1 and len(pieces) == 1):
                continue  # not mutual, too many, or (a 1-1 seen from the right) already proposed
            candidates.append(((i,), pieces) if side == 0 else (pieces, (i,)))
    if not candidates:
        return links
    x = features(candidates, lf, rf, ev, apart=True)
    values = confidence(x)
    cosines = x[:, 0] * ev.scale + ev.background  # the group cosine, back from its scaled feature
    order = sorted(range(len(candidates)), key=lambda c: -values[c])
    taken: set[tuple[int, int]] = set()
    moved: list[tuple[tuple[int, ...], tuple[int, ...], float, float]] = []  # (left, right, confidence, cosine)
    for c in order:
        if values[c] < floor:
            break
        if cosines[c] < ev.threshold:
            continue  # less alike than the search itself would link side by side
        a, b = candidates[c]
        if any((0, i) in taken for i in a) or any((1, j) in taken for j in b):
            continue
        taken.update((0, i) for i in a)
        taken.update((1, j) for j in b)
        moved.append((a, b, round(float(values[c]), 4), float(min(max(cosines[c], 0.0), 1.0))))
    return _as_moves(links, solo, moved)


def _as_moves(links: list[Link], solo: list[dict[int, int]], moved: list) -> list[Link]:
    """Each moved group as two one-sided links naming each other, each at its first sentence's place."""
    if not moved:
        return links
    drop: set[int] = set()
    head: dict[int, tuple] = {}  # link index -> (its side's sentences, the moved group's number)
    for n, (a, b, _, _) in enumerate(moved):
        head[solo[0][a[0]]] = (a, (), n)
        head[solo[1][b[0]]] = ((), b, n)
        drop.update(solo[0][i] for i in a[1:])
        drop.update(solo[1][j] for j in b[1:])
    out: list[Link] = []
    new_at: dict[int, int] = {}
    ends: dict[int, list[int]] = {}
    for k, link in enumerate(links):
        if k in drop:
            continue
        if k in head:
            a, b, n = head[k]
            ends.setdefault(n, []).append(len(out))
            out.append(Link(a, b, moved[n][3], None, moved[n][2]))
            continue
        if link.partner is not None:
            new_at[k] = len(out)
        out.append(link)
    # Earlier moves are renumbered; the new ones still have no partner here.
    out = [x._replace(partner=new_at[x.partner]) if x.partner is not None else x for x in out]
    for x, y in ends.values():
        out[x] = out[x]._replace(partner=y)
        out[y] = out[y]._replace(partner=x)
    return out
