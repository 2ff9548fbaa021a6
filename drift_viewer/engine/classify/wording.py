"""What the kind rules read of one side's wording: typography folded, bare letters, words, and
whether it holds a negation or a value. Computed once per distinct wording, as the same words ("the",
",", "and") face many different partners.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import TYPO_FOLD
from ..lexicon.cjk import split_words
from .negation import negative
from .values import has_value

_RUNS = re.compile(r"-{2,}|\.{2,}")
_NOT_ALNUM = re.compile(r"[\W_]+")
# A run of Han or kana is one \w+ match; split_words cuts it into the words the word diff sees (lexicon.cjk).
WORDS = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['\-]\w+)*")


def fold(text: str) -> str:
    """Typography folded and spaces collapsed: what is left differs in more than looks."""
    folded = " ".join(text.translate(TYPO_FOLD).split())
    if "--" in folded or ".." in folded:
        folded = _RUNS.sub(lambda m: m.group()[0], folded)
    return folded


def bare(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


class Wording(NamedTuple):
    """What the rules read of one side's wording; computed once per distinct wording, as the same
    words ("the", ",", "and") face many different partners."""

    folded: str
    bare: str
    words: list[str]
    lowers: list[str]  # word by word: lower() may lengthen a word ("İ"), never split it
    low: str
    negative: bool
    valued: bool


@lru_cache(maxsize=1 << 16)
def wording(text: str) -> Wording:
    folded = fold(text)
    words = split_words(folded, WORDS)
    lowers = [w.lower() for w in words]
    low = folded.lower()
    return Wording(folded, bare(folded), words, lowers, low, negative(lowers, low), has_value(lowers, low))
