"""The record the word diff's passes hand each other."""

from __future__ import annotations

from typing import NamedTuple

# What a run is: equal words, an ordinary change (may merge with its neighbours), or a change that must
# stay apart (a name, a number, a case or typography change).
EQ, CHANGE, FIXED = 0, 1, 2


class Run(NamedTuple):
    """Tokens [i1, i2) of the left against [j1, j2) of the right."""

    what: int
    i1: int
    i2: int
    j1: int
    j2: int
