"""Word tokens and their comparison keys.

A token is a word (with inner apostrophes and hyphens: "didn't", "re-open"; digit groups: "1,000", "4.5";
dotted abbreviations: "U.S"; in Chinese and Japanese a segmenter's word: 付凌晖, 没有, 行わ, ない) or one
other non-space mark, each carrying the whitespace before it. Tokens are compared by a key: stripped of that
whitespace, lower-cased, typography folded. So "The"/"the" and "’"/"'" line up as the same word, and a space
or newline alone never pulls two texts into step.
"""

from __future__ import annotations

import re

from ..lexicon import STOPWORDS, TYPO_FOLD, is_negation, number_value
from ..lexicon.cjk import has_cjk, split

# A short word with its full stop before a number is an abbreviation, one token with its dot: "Dec. 5",
# "Nr. 3", "p. 12". Apart, the dot would line up with the other side's full stop ("December 4.").
_ABBREVIATED = r"[^\W\d_]{1,4}\.(?=[ \t\u00a0]\d)"
_WORD = rf"\d+(?:[.,]\d+)+|(?:\w\.)+\w(?!\w)|{_ABBREVIATED}|\w+(?:['’\-]\w+)*"
# Every character falls in one alternative, so the tokens always rebuild the text.
TOKEN = re.compile(rf"\s*(?:{_WORD}|-+|\.+|\S)|\s+")


def tokenize(text: str) -> list[str]:
    """Split into tokens whose concatenation is exactly `text`; each token keeps its leading whitespace.

    Runs of Han or kana are cut into words by a segmenter (lexicon.cjk); the rest keeps TOKEN."""
    if not has_cjk(text):
        return TOKEN.findall(text)
    tokens: list[str] = []
    for token in split(text, TOKEN.findall):
        # TOKEN leaves the whitespace at the end of a stretch alone; it belongs to the run's first word.
        if tokens and tokens[-1].isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


# Keys and flags of every distinct token seen, kept across groups and comparisons: the same words ("the",
# ",", "and") recur in every group, and a dict lookup is a third of the cost of computing a key. Bounded:
# emptied when it reaches _CACHE_MAX entries (~40 MB), so a stream of distinct tokens cannot grow it.
_KEYS: dict[str, str] = {}
_FLAGS: dict[str, int] = {}
_CACHE_MAX = 200_000
# What a token is, as far as the readability rules care; computed once per distinct token.
NUMBER, NEGATION, WORDLIKE, WEAK, CAPITAL = 1, 2, 4, 8, 16


def _key(token: str) -> str:
    key = token.strip().translate(TYPO_FOLD).lower()
    # "--" and "—", "..." and "…" are one mark written otherwise.
    if len(key) > 1 and key[0] in "-." and not key.strip(key[0]):
        key = key[0]
    if len(_KEYS) >= _CACHE_MAX:
        _KEYS.clear()
        _FLAGS.clear()
    _KEYS[token] = key
    return key


def keys(tokens: list[str]) -> list[str]:
    found = list(map(_KEYS.get, tokens))  # the lookups in C: most tokens of a book are known
    n = -1
    try:
        while True:  # the unknown ones, found in C too
            n = found.index(None, n + 1)
            found[n] = _key(tokens[n])
    except ValueError:
        pass
    return found  # type: ignore[return-value]  # no None left in it


def flags_of(tokens: list[str], keys: list[str], start: int, end: int) -> int:
    """token_flags of tokens[start:end], or-ed together."""
    get = _FLAGS.get
    seen = 0
    for i in range(start, end):
        flags = get(tokens[i])
        seen |= token_flags(tokens[i], keys[i]) if flags is None else flags
    return seen


def token_flags(token: str, key: str) -> int:
    flags = _FLAGS.get(token)
    if flags is None:
        flags = 0
        if key[:1].isalnum():
            flags |= WORDLIKE
            if number_value(key) is not None:
                flags |= NUMBER
            if is_negation(key):
                flags |= NEGATION
            if token.lstrip()[:1].isupper():
                flags |= CAPITAL
        if key in STOPWORDS or key == ",":
            flags |= WEAK
        _FLAGS[token] = flags
    return flags
