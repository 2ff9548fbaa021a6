"""Denials a word makes by its meaning or its shape, not by a negator: "impossible" (cannot be),
"blameless" (without blame), "unbelievers" (those who do not believe), "refused" (would not), "lacked"
(had not), "ceaseth to be" (is no more).

Two translations, or a writer and a rewriter, often say one denial each way: "not culpable" /
"blameless", "is impossible" / "cannot be", "will not" / "refusing to". Counted beside the negators
(negation.py), both wordings deny once and no flip is reported; a negator added or dropped with nothing
else still is one.

A prefixed word denies when the prefix is its language's negative prefix and what follows is a common
word that is used more than the prefixed one (wordfreq): the negative is the rarer derivative ("possible"
5.4 > "impossible" 4.8), while "indeed" (4.8 > "deed" 3.8) and "inside" are words of their own. Latin
prefixes (in-, im-, dis-, des-) also mean "into" or "apart" ("inform", "display", "descubrir"): they
count only before an adjective ending ("incapable", "incorrect", "désagréable").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import NEGATIONS
from ..lexicon.negators import ABSENCE_WORDS
from ..lexicon.negators_data import PREFIXES
from .evidence import zipf

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# Languages whose negative prefixes make separate words of a Latin or Germanic script (lexicon.negators
# counts the Slavic ne-/не- verbs itself, and the other scripts join no such prefix to a word).
_PREFIXED = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb"})
_EXTRA_PREFIXES = {"en": ("in", "im", "il", "ir", "dis")}  # Latin: only before an adjective ending
_GERMANIC = frozenset({"un", "on", "o", "u", "non", "non-", "nicht-", "niet-"})  # only ever "not"
_SINGLE_LETTER = frozenset({"s"})  # Italian s- ("sfortuna"), as often no prefix at all ("stare")
_ADJECTIVE_ENDINGS = (
    "able", "ible", "ent", "ant", "al", "ive", "ous", "ect", "ete", "ure", "ar", "if", "eux", "euse", "ente",
    "ante", "ale", "ivo", "iva", "oso", "osa", "ecto", "eto", "etto", "abile", "ibile", "ável", "ível", "esto",
)  # fmt: skip
# "without X" in one word: "blameless", "hoffnungslos", "tandlös".
_PRIVATIVE = {"en": ("less",), "de": ("los", "lose", "losen", "loser"), "nl": ("loos",), "sv": ("lös",),
              "da": ("løs",), "nb": ("løs",)}  # fmt: skip
# Verbs and adjectives whose meaning is a denial ("refuse" = will not, "fail" = do not, "lack" = have
# not), by their stems: every inflection and old form ("ceaseth", "forbiddest") shares them.
_DENYING_STEMS = {
    "en": ("refus", "fail", "ceas", "lack", "forbid", "forbad", "prevent", "hinder", "avoid", "ignor", "neglect",
           "neglig", "deny", "denie", "desist", "reject",
           "destitut", "devoid", "absent", "unable", "otherwise", "else"),  # "or else": "if not"
    "de": ("verweiger", "ablehn", "versäum", "unterlass", "verhinder", "vermeid"),
    "fr": ("refus", "échou", "empêch", "évit"),
}  # fmt: skip
_WITHOUT = frozenset({"without"})
_NEGATORS_TOO = frozenset({"unless", "lest", "cannot"})  # negation.py counts them as negators
_COMMON = 2.5  # zipf: a stem used once in 300,000 words or more is a word of the language
_RARER = 0.5  # the derivative is used at most a third as often as its stem


def implicit_denials(text: str, language: str | None, absence: bool = True) -> int:
    """How many words of `text` deny by their meaning or shape (negators are not counted here), with
    `absence` "without" among them: "sinless" / "without sin", "fruitless" / "without fruit" deny alike."""
    lang = language or "en"
    absent = ABSENCE_WORDS.get(lang, _WITHOUT) if absence else frozenset()
    return sum(w in absent or _denies(w, lang) for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=1 << 15)
def _denies(word: str, lang: str) -> bool:
    if word in NEGATIONS or word in _NEGATORS_TOO:
        return False
    if word.startswith(_DENYING_STEMS.get(lang, ())):
        return True
    for suffix in _PRIVATIVE.get(lang, ()):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (_common(stem, lang) or _common(stem.rstrip("s"), lang)):
            return True
    if lang not in _PREFIXED:
        return False
    for prefix in PREFIXES.get(lang, ()) + _EXTRA_PREFIXES.get(lang, ()):
        rest = word[len(prefix) :].lstrip("-")
        if prefix in _SINGLE_LETTER or not word.startswith(prefix) or len(rest) < 4:
            continue
        if prefix not in _GERMANIC and not rest.endswith(_ADJECTIVE_ENDINGS):
            continue
        # English dis- is also "apart" in verbs ("dispense" / "dispensable"): only a whole common adjective
        # under it ("disobedient", "disagreeable") is denied.
        if any(_derived(word, stem, lang) for stem in ([rest] if prefix == "dis" else _stems(rest))):
            return True
    return False


def _stems(rest: str) -> list[str]:
    """The word under the prefix, and without an ending that makes it an adjective or a plural:
    "quenchable" -> "quench", "believers" -> "believer"."""
    out = [rest]
    for ending in ("able", "ible", "s"):
        if rest.endswith(ending) and len(rest) - len(ending) >= 4:
            out.append(rest[: -len(ending)])
    return out


def _common(word: str, lang: str) -> bool:
    return zipf(word, lang) >= _COMMON + 0.5


def _derived(word: str, stem: str, lang: str) -> bool:
    base = zipf(stem, lang)
    return base >= _COMMON and base - zipf(word, lang) >= _RARER
