"""Readability passes over the runs of a word diff.

- anchor: inside a changed run, a capitalised pair spelt alike, a pair of numbers or a known respelling is
  split out, so a name or number change never hides inside a rewording;
- fuse: short unchanged runs of function words or commas between two rewordings are absorbed, so "the
  exact opposite" -> "exactly the contrary" reads as one change, not confetti; a deletion and an insertion
  of the same words a few words apart ("2 April" -> "April 2") become one reordering.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..lexicon import MONTHS, number_value, respelt
from .runs import ANCHOR, CHANGE, EQ, FIXED, Run
from .tokens import _FLAGS, CAPITAL, NEGATION, NUMBER, WEAK, WORDLIKE, flags_of, token_flags


def _salient(token: str, key: str) -> int:
    """1 for a number, 2 for a capitalised word, 3 for a longer plain word, 0 otherwise: what may anchor
    inside a rewording."""
    flags = _FLAGS.get(token)
    if flags is None:
        flags = token_flags(token, key)
    if flags & NUMBER:
        return 1
    if flags & CAPITAL:
        return 2
    return 3 if len(key) >= 5 and flags & WORDLIKE and not flags & NEGATION else 0


# Plain words pair up only when one respells the other ("labour"/"labor"), and only in runs short enough
# that trying every pair stays cheap.
_RESPELT_RUN = 60


def anchor(items: list[Run], ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[Run]:
    """Split changed runs around name-like and number pairs, so each becomes a change of its own."""
    out: list[Run] = []
    for item in items:
        what, i1, i2, j1, j2 = item
        if what != CHANGE or i1 == i2 or j1 == j2 or (i2 - i1 == 1 and j2 - j1 == 1):
            out.append(item)
            continue
        plain_too = i2 - i1 <= _RESPELT_RUN and j2 - j1 <= _RESPELT_RUN
        left = [(i, s) for i in range(i1, i2) if (s := _salient(ta[i], ka[i])) and (plain_too or s != 3)]
        right = (
            [(j, s) for j in range(j1, j2) if (s := _salient(tb[j], kb[j])) and (plain_too or s != 3)] if left else []
        )
        scored = []
        for i, si in left:
            for j, sj in right:
                if si != sj:
                    continue
                if si == 3:
                    # Only a known respelling: an inflection ("jeden"/"jeder") is part of the rewording.
                    if respelt(ka[i], kb[j]):
                        scored.append((-0.9, i, j))
                    continue
                score = 1.0 if si == 1 else Levenshtein.normalized_similarity(ka[i], kb[j])
                if score >= 0.6:
                    scored.append((-score, i, j))
        if not scored:
            out.append(item)
            continue
        pairs: list[tuple[int, int]] = []
        for _, i, j in sorted(scored):
            # Keep the pairs in order on both sides: crossing pairs would need a move, not a diff.
            if all((i - p) * (j - q) > 0 for p, q in pairs):
                pairs.append((i, j))
        pi, pj = i1, j1
        for i, j in sorted(pairs):
            if i > pi or j > pj:
                out.append(Run(CHANGE, pi, i, pj, j))
            out.append(Run(ANCHOR if ka[i].isalpha() and kb[j].isalpha() else FIXED, i, i + 1, j, j + 1))
            pi, pj = i + 1, j + 1
        if pi < i2 or pj < j2:
            out.append(Run(CHANGE, pi, i2, pj, j2))
    return out


def _plain(item: Run, ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> bool:
    """Whether a change is an ordinary rewording that may grow into its neighbours.

    Not when it is punctuation only, holds a number or a negation, or is one word respelt or renamed:
    those must stay visible on their own (classify names their kinds)."""
    what, i1, i2, j1, j2 = item
    if what != CHANGE:
        return False
    seen = flags_of(ta, ka, i1, i2) | flags_of(tb, kb, j1, j2)
    if seen & (NUMBER | NEGATION) or not seen & WORDLIKE:
        return False
    if i2 - i1 == 1 and j2 - j1 == 1:
        return Levenshtein.normalized_similarity(ka[i1], kb[j1]) < 0.6
    return True


def _weak(item: Run, ta: list[str], ka: list[str]) -> bool:
    """An unchanged run too slight to read as an anchor between two changes: "the", "of the", ","."""
    _, i1, i2, _, _ = item
    if i2 - i1 > 3:
        return False
    words = 0
    for i in range(i1, i2):
        if not token_flags(ta[i], ka[i]) & WEAK:
            return False
        words += ka[i] != ","
    return words <= 2


def fuse(items: list[Run], ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[Run]:
    out: list[Run] = []
    plain: list[bool] = []  # parallel to out, so each change is classified once
    for item in items:
        if item.what == EQ or len(out) < 2 or out[-1].what != EQ:
            out.append(item)
            plain.append(item.what == CHANGE and _plain(item, ta, tb, ka, kb))
            continue
        first, gap = out[-2], out[-1]
        if first.what == CHANGE and item.what == CHANGE and _transposed(first, item, ka, kb):
            # "2 April" -> "April 2": one change that reads as a reordering.
            out[-2:] = [Run(FIXED, first.i1, item.i2, first.j1, item.j2)]
            plain[-2:] = [False]
            continue
        is_plain = item.what == CHANGE and _plain(item, ta, tb, ka, kb)
        if is_plain and plain[-2] and _weak(gap, ta, ka):
            out[-2:] = [Run(CHANGE, first.i1, item.i2, first.j1, item.j2)]
            plain[-2:] = [True]
        else:
            out.append(item)
            plain.append(is_plain)
    return out


def _transposed(first: Run, second: Run, ka: list[str], kb: list[str]) -> bool:
    """A deletion and an insertion of the same words with at most a few words between."""
    _, a1, a2, b1, b2 = first
    _, c1, c2, d1, d2 = second
    if c1 - a2 > 3:
        return False
    if a1 < a2 and b1 == b2 and c1 == c2 and d1 < d2:
        x, y = ka[a1:a2], kb[d1:d2]
    elif a1 == a2 and b1 < b2 and c1 < c2 and d1 == d2:
        x, y = kb[b1:b2], ka[c1:c2]
    else:
        return False
    # A day moved around its month and changed too ("3 March" -> "March 4th") is one date change,
    # not a number deleted here and another inserted there.
    return _same_words(x, y) or (
        any(k in MONTHS for k in ka[a2:c1]) and _one_number(x) is not None and _one_number(y) is not None
    )


def _one_number(keys: list[str]) -> float | None:
    """The value of a run that is one number and punctuation ("3", "4th ,"), else None."""
    words = [k for k in keys if k[:1].isalnum()]
    return number_value(words[0]) if len(words) == 1 else None


def _same_words(x: list[str], y: list[str]) -> bool:
    """The same words in any order, numbers by value and punctuation aside: "3" and "3rd,", as in
    "3 March" -> "March 3rd,"."""
    if sorted(x) == sorted(y):
        return True

    def words(keys: list[str]) -> list[str]:
        out = []
        for k in keys:
            if k[:1].isalnum():
                value = number_value(k)
                out.append(k if value is None else f"{value:g}")
        return sorted(out)

    wx = words(x)
    return bool(wx) and wx == words(y)
