"""The record the word diff's passes hand each other."""

from __future__ import annotations

from typing import NamedTuple

# What a run is: equal words, an ordinary change (may merge with its neighbours), a change that must
# stay apart (a number pair, a case or typography change), or an ANCHOR: a pair of words split out of a
# rewording (a name respelt), which also stays a change of its own when it touches another change. A
# number keeps the words glued to it ("2" -> "2bn" and " billion"), as does an abbreviation ("U.S" ".").
EQ, CHANGE, FIXED, ANCHOR = 0, 1, 2, 3


class Run(NamedTuple):
    """Tokens [i1, i2) of the left against [j1, j2) of the right."""

    what: int
    i1: int
    i2: int
    j1: int
    j2: int
