"""The kind of one change from its two wordings and where it stands.

Rules run from the most cosmetic to the most telling, so e.g. "does not" -> "didn't" is neither
typography nor a negation flip but a rewording. Where a change stands (inside a quotation, at a sentence
start, after a German article) comes from positions.py, through cutting.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import ABBREVIATIONS
from ..lexicon.hidden import hidden_difference
from ..model import ChangeKind
from .names import name_or_spelling
from .negation import DENYING, contracted, prefixed_negation
from .values import (
    DIGIT,
    ONE_AS_ARTICLE,
    PERCENT,
    acronym,
    dates,
    format_key,
    magnitudes,
    negative_signs,
    number_form,
    numbers_sorted,
    point_dropped,
    same_order,
    spelt_out,
)
from .wording import WORDS, wording

# Dots that abbreviate rather than end a sentence: "U.S.", "e.g.", "Ms.", "Dec.".
_ABBREVIATION = re.compile(
    r"(?<!\w)(?:\w\.){2,}|(?<!\w)\w\.\w|(?<!\w)[A-Z][a-z]{0,2}\.|(?<!\w)(?:etc|vs|approx|incl|sept|janv|févr|juil)\.",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"\w-\w")
_WORD_SPACE = re.compile(r"[^\W\d_] [^\W\d_]")


class Place(NamedTuple):
    """Where a change stands in its group's texts (positions.py finds out)."""

    inside_quote: bool = False
    sentence_start: bool = False  # its first word opens a sentence, where a capital says nothing
    after_article: bool = False  # it follows a German article, where every noun is capitalised


NOWHERE = Place()


def kind_of(left: str, right: str, inside_quote: bool = False) -> ChangeKind:
    """The kind of one change from its two wordings (either may be empty)."""
    return classify_wordings(left, right, Place(inside_quote))


@lru_cache(maxsize=1 << 16)
def classify_wordings(
    left: str,
    right: str,
    place: Place = NOWHERE,
    *,
    values: bool = True,
    names: bool = True,
    negations: bool = True,
    forms: bool = False,
) -> ChangeKind:
    """The rules, most cosmetic first. The three switches turn a rule off when evidence from the whole
    group or document says it does not apply (cutting.py decides): `values` False reads numbers and dates
    as plain words (the group states the same amounts), `names` False reads capitalised words as common
    words, `negations` False reads negators as plain words (the group denies as often on both sides).
    `forms` True: two forms of one capitalised word (Planas / Plana) may be a name, for the documents'
    evidence to judge; without documents they read as one word inflected."""
    if hidden_difference(left, right):
        return ChangeKind.HIDDEN  # before all folding: the folds would read the disguise as the word it imitates
    sa, sb = wording(left), wording(right)
    fa, fb = sa.folded, sb.folded
    if fa == fb or (sa.words == sb.words and fa.replace(" ", "") == fb.replace(" ", "")):
        return ChangeKind.TYPOGRAPHY  # also « Nous / "Nous: only the spacing French puts inside quotes
    ba, bb = sa.bare, sb.bare
    if ba == bb:
        if DIGIT.search(fa):
            if negative_signs(fa) != negative_signs(fb):
                return ChangeKind.NUMBER  # -15 / 15: the same digits, another value
            if numbers_sorted(sa.words) == numbers_sorted(sb.words) or number_form(fa) == number_form(fb):
                return ChangeKind.FORMAT  # 1,000 / 1000, 1 000 / 1.000, 3.5% / 3,5 %
            if point_dropped(fa, fb) or point_dropped(fb, fa):
                return ChangeKind.NUMBER  # 1.5 / 15
        if fa.replace(".", "") == fb.replace(".", "") and _ABBREVIATION.search(
            fa if fa.count(".") > fb.count(".") else fb
        ):
            return ChangeKind.FORMAT
        if fa.replace("-", "") == fb.replace("-", "") and _HYPHENATED.search(fa if "-" in fa else fb):
            return ChangeKind.SPELLING  # re-open / reopen
        if _WORD_SPACE.search(fa if fa.count(" ") > fb.count(" ") else fb) and fa.replace(" ", "") == fb.replace(
            " ", ""
        ):
            return ChangeKind.SPELLING  # per cent / percent, any more / anymore
        return ChangeKind.PUNCTUATION
    if ba.lower() == bb.lower():
        if fa.replace("-", "").lower() == fb.replace("-", "").lower() and _HYPHENATED.search(fa if "-" in fa else fb):
            return ChangeKind.SPELLING  # Fahrgäste / Fahr-Gäste: a compound split, not a case change
        return ChangeKind.CASE
    wa, wb = sa.words, sb.words
    la, lb = sa.lowers, sb.lowers
    if contracted(la, lb):
        return ChangeKind.SPELLING  # "does not" / "doesn't", "there is" / "there's": the same words, shortened
    if (
        negations
        and sa.negative != sb.negative
        and not (prefixed_negation(la, lb) if sb.negative else prefixed_negation(lb, la))
    ):
        return ChangeKind.NEGATION
    if acronym(wa, wb) or acronym(wb, wa):
        return ChangeKind.FORMAT  # EU / European Union
    if (
        negations
        and len(la) == len(lb) == 1
        and (prefixed_negation(la, lb, DENYING) or prefixed_negation(lb, la, DENYING))
    ):
        return ChangeKind.NEGATION  # successful / unsuccessful
    if len(la) == len(lb) == 1 and (_abbreviates(sa.low, la[0], lb[0]) or _abbreviates(sb.low, lb[0], la[0])):
        return ChangeKind.FORMAT  # Mio. / Millionen, approx. / approximately
    if len(la) == len(lb) == 1 and (lb[0] in ABBREVIATIONS.get(la[0], ()) or la[0] in ABBREVIATIONS.get(lb[0], ())):
        return ChangeKind.FORMAT  # Dr / Doctor, m / million
    if values and (sa.valued or sb.valued):
        if DIGIT.search(fa) and DIGIT.search(fb) and negative_signs(sa.low) != negative_signs(sb.low):
            return ChangeKind.NUMBER  # minus 15 / 15
        pa, pb = PERCENT.sub("percent", sa.low), PERCENT.sub("percent", sb.low)
        va = WORDS.findall(pa) + ["%"] * pa.count("%")
        vb = WORDS.findall(pb) + ["%"] * pb.count("%")
        va, vb = spelt_out(va, vb), spelt_out(vb, va)
        if va and vb:
            key_a, key_b = format_key(va), format_key(vb)
            if key_a == key_b and any(k[0] == "\x01" for k in key_a) and same_order(va, vb):
                return ChangeKind.FORMAT
            if (
                numbers_sorted(va) != numbers_sorted(vb)
                or magnitudes(va) != magnitudes(vb)
                or dates(sa.words) != dates(sb.words)
                or not same_order(va, vb)
            ):
                if len(la) == len(lb) == 1 and {la[0], lb[0]} in ONE_AS_ARTICLE:
                    return ChangeKind.FORMAT  # a third / one third
                return ChangeKind.NUMBER
    named = name_or_spelling(wa, wb, la, lb, place.sentence_start, place.after_article, names, forms)
    if named is not None:
        return named
    if place.inside_quote and (la or lb):
        return ChangeKind.QUOTE
    if not la:
        return ChangeKind.INSERTED if lb else ChangeKind.PUNCTUATION
    if not lb:
        return ChangeKind.DELETED
    return ChangeKind.REWORDED


def _abbreviates(low: str, short: str, long: str) -> bool:
    """Whether `short`, written with a full stop in `low`, abbreviates `long`: its letters in order, same
    first one."""
    if not short or len(short) + 2 > len(long) or short[0] != long[0] or not low.rstrip().endswith(short + "."):
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)
