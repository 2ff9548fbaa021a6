"""Negation: whether a wording denies, and whether two wordings deny alike (a negative prefix is the
same denial as "not": unsuccessful / not successful).
"""

from __future__ import annotations

import re

from ..lexicon import NEGATIONS

_CONTRACTED_NOT = re.compile(r"n't\b|\bn'")


# "not only", "nicht nur", "non seulement" add, they do not deny.
_NOT_DENYING = frozenset({"only", "just", "merely", "nur", "seulement"})
_NOT = frozenset({"not", "nicht", "non"})


def negative(words: list[str], text: str) -> bool:
    if "'" in text and _CONTRACTED_NOT.search(text) is not None:
        return True
    if NEGATIONS.isdisjoint(words):
        return False
    last = len(words) - 1
    return any(
        w in NEGATIONS and (n == last or w not in _NOT or words[n + 1] not in _NOT_DENYING) for n, w in enumerate(words)
    )


# Negative prefixes: "unsuccessful" says "not successful", "unmöglich" "nicht möglich".
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Only these surely deny when added to a word: "ingrafted", "disannul" say the same as the bare word.
DENYING = ("un", "non")


def prefixed_negation(positive: list[str], negative: list[str], prefixes: tuple[str, ...] = _NEGATIVE_PREFIXES) -> bool:
    """Whether a word of `positive` is a word of `negative` with a negative prefix: the same denial."""
    plain = set(negative)
    return any(
        w.startswith(p) and len(w) - len(p) >= 4 and w[len(p) :].lstrip("-") in plain
        for w in positive
        for p in prefixes
    )
