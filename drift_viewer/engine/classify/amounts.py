"""The amounts a whole text states, in order: numerals read as phrases, so "four and twenty", "forty and
four", "ninety-nine", "threescore and ten" and "fortieth" are values, not strings of number words.

A change the rules call NUMBER is one only if its group's two texts state different amounts: when both
say 24 (one as "four and twenty", the other as "twenty-four"), the word diff may cut the phrase in pieces
that look like different numbers, but no number changed. The word "one" is left out: it is as often a
pronoun ("one another", "no one", "the wicked one") or an article ("one poor widow" / "a poor widow") as
a count, and a count of one is rarely the fact a rewrite gets wrong.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import ORDINAL_WORDS, number_value
from ..lexicon.magnitudes import plural_magnitude
from .wording import wording

# Words that join the parts of one numeral: "four and twenty", "vier und zwanzig", "vingt et un".
_JOINERS = frozenset({"and", "und", "et", "y", "e", "en", "og", "och", "a", "i"})
_MULTIPLIERS = frozenset({100.0, 1000.0, 10_000.0, 1e6, 1e9})
_LONE_ONES = frozenset({"one", "eins", "uno", "una", "um", "uma", "een"})
_OF = frozenset({"of", "upon"})
_SCORE = "score"  # "fourscore" = 4 x 20, as old English counts
# Words that state an amount without being numerals: "thrice" / "three times", "both" / "the two".
_AMOUNT_WORDS = {
    "twice": 2.0,
    "thrice": 3.0,
    "both": 2.0,
    "myriad": 10_000.0,
    "myriads": 10_000.0,
    "myriaden": 10_000.0,
    "dozens": 12.0,
}


def _hyphenated(word: str) -> float | None:
    """A numeral written as one hyphenated word: "forty-four", "vingt-et-un", "quatre-vingt-dix" (4 x 20
    + 10: French counts in twenties there, as a unit before "vingt" multiplies it)."""
    total = current = 0.0
    for part in word.split("-"):
        if part == "et":
            continue
        value = 1.0 if part in ("un", "une") else number_value(part)
        if value is None:
            return None
        if part in ("vingt", "vingts") and 0 < current < 20:
            current *= 20
        else:
            total, current = _added(total, current, value)
    return total + current


def _added(total: float, current: float, value: float) -> tuple[float, float]:
    """A numeral read left to right: units and tens add up, "hundred" multiplies what came before, and
    "thousand" or "million" closes a group ("two hundred and fifty thousand")."""
    if value not in _MULTIPLIERS:
        return total, current + value
    if value == 100:
        return total, (current or 1) * value
    if not current and total:
        return total * value, 0.0  # "two hundred thousand thousand", "a thousand thousand": a product
    return total + (current or 1) * value, 0.0


# "second" is a rank after a determiner ("their second year" = two years old), a unit of time or a verb
# elsewhere ("a second", "to second a motion").
_RANK_AFTER = frozenset({"the", "his", "her", "its", "their", "our", "your", "my", "thy", "this", "that", "every"})
_RANKS = {"second": 2.0}  # "the first" is as often "the beginning" as a rank


def _plural(word: str) -> float | None:
    """A number word in the plural names groups of that many, the same amount as a count of it: "by
    hundreds" / "a hundred deep", "by fifties", "in tens"; "ones" is a pronoun."""
    if len(word) < 5 or word[-1] != "s" or word == "ones":
        return None
    stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    value = number_value(stem)
    return value if value is not None and value >= 10 else None


def _word_value(word: str, before: str = "") -> float | None:
    if word[:1].isdigit():
        return None  # digits stand alone; only number words combine into phrases
    if "-" in word:
        return _hyphenated(word)
    value = number_value(word)
    if value is None and word in _RANKS:
        return _RANKS[word] if before in _RANK_AFTER else None
    if value is None:
        value = ORDINAL_WORDS.get(word) or _AMOUNT_WORDS.get(word) or plural_magnitude(word) or _plural(word)
    if value is None and word.endswith(_SCORE) and len(word) > len(_SCORE):
        base = number_value(word[: -len(_SCORE)])
        value = None if base is None else base * 20
    return value


@lru_cache(maxsize=1 << 14)
def amounts(text: str) -> tuple[float, ...]:
    """The amounts `text` states, in order; a lone word "one" is not an amount."""
    words = wording(text).lowers
    out: list[float] = []
    total = current = 0.0
    parts: list[str] = []

    times = 1.0  # "ten thousand times ten thousand": the numeral before "times" multiplies the next

    def flush() -> None:
        nonlocal total, current, times
        if parts and not (len(parts) == 1 and parts[0] in _LONE_ONES):
            out.append((total + current) * times)
        total = current = 0.0
        times = 1.0
        parts.clear()

    for n, word in enumerate(words):
        if word[:1].isdigit() or (not word.isalpha() and any(c.isdigit() for c in word)):
            flush()
            value = number_value(word)
            if value is not None:
                out.append(value)
            continue
        value = _word_value(word, words[n - 1] if n else "")
        if value is None:
            follows = n + 1 < len(words) and _word_value(words[n + 1]) is not None
            if word == "times" and parts and follows:
                times, total, current = (total + current) * times, 0.0, 0.0
                continue
            if word in _OF and parts and follows and _word_value(parts[-1]) in _MULTIPLIERS:
                # "myriads of myriads", "thousands of thousands": groups of groups, a product
                total, current = total + current, 0.0
                continue
            if not (parts and word in _JOINERS and follows):
                flush()
            continue
        parts.append(word)
        total, current = _added(total, current, value)
    flush()
    return tuple(out)
