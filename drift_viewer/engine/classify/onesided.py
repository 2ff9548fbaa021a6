"""A value that only one wording of a change states: when is that a number change?

A count dropped while what it counted stays ("three men are seeking thee" / "men are seeking thee",
"sent two of his disciples" / "sent by his disciples") is a fact the reader must check. A value dropped
together with what it counted is the phrase said another way ("rent in two" / "rent in the midst",
"where two ways met" / "on the street", "the tax of two drachmas" / "the half-shekel"), and one dropped
with a whole clause is that clause's deletion. A digit "1" or "0" facing the letter "I" or "O" is a
misread letter (OCR), not a value.
"""

from __future__ import annotations

import re

from ..lexicon import STOPWORDS
from .amounts import amounts
from .wording import wording

CLAUSE_WORDS = 3  # a value dropped or added with more other words than this is a clause, not a count
_LOOK_ALIKES = {"1": ("i", "l"), "0": ("o",)}
_STEM = 5  # "disciples" / "disciple", "days" / "day": the counted word's first letters


def clause_dropped(valued: str, other: str) -> bool:
    """The wording that states the value has more than CLAUSE_WORDS words beyond the other's."""
    return len(wording(valued).lowers) - len(wording(other).lowers) > CLAUSE_WORDS


def look_alike_digits(a: str, b: str) -> bool:
    """Every value of `a` is a lone "1" or "0" where `b` has the letter it looks like, at the same
    place among their words: "1 beseech" / "I entreat"."""
    wa, wb = wording(a).lowers, wording(b).lowers
    digits = [n for n, w in enumerate(wa) if any(c.isdigit() for c in w)]
    return bool(digits) and all(wa[n] in _LOOK_ALIKES and n < len(wb) and wb[n] in _LOOK_ALIKES[wa[n]] for n in digits)


def counted_gone(valued: str, after: str, other_text: str) -> bool:
    """Whether what the values of the wording `valued` count is missing from `other_text` (`after`: the
    group's text after the wording): the first content word after each numeral (not a number word, not a
    function word) is not there. A numeral that ends its clause ("they say, Five.", "appointed the
    twelve,") names nothing it counts, and stays a number change."""
    own = _TOKENS.findall(valued.lower())
    tokens = own + _TOKENS.findall(after[:80].lower())
    others = {w[:_STEM] for w in wording(other_text).lowers}
    counting = named = False
    for n, token in enumerate(tokens):
        if token in _PUNCTUATION:
            counting = False
        elif amounts(token):
            counting = counting or n < len(own)  # "a hundred and" + "sixty furlongs"
        elif counting and token not in STOPWORDS:
            if token[:_STEM] in others:
                return False
            counting, named = False, True
    return named


_TOKENS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[.,;:!?;。，、！？]")
_PUNCTUATION = frozenset(".,;:!?;。，、！？")
