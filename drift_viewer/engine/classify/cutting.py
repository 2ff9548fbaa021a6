"""Cutting a word diff into changes: maximal runs of non-equal segments, each classified in its place
(inside a quotation? at a sentence or line start? after a German article?) and dropped when the options
ignore it.

A risk kind the rules give one change is checked against its whole group, and against the documents'
evidence for names, before it stands: a NUMBER only if the group's two texts state different amounts, a
NEGATION only if they deny a different number of times, a NAME only if the evidence says the capitalised
words are names. The punctuation and spaces around a risky change's words are cut off into changes of
their own, so "Phares," -> "Pharez" is the name change Phares -> Pharez and a comma dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import number_value
from ..lexicon.units import another_unit
from ..model import Change, ChangeKind, Op, Options, Segment, Span
from . import positions
from .agreement import units_joined
from .amounts import amounts
from .counted import degree_scales, own_values, unit_word
from .datejoin import dates_joined
from .evidence import NameEvidence
from .factread import SCALES
from .ignoring import ignored, ignored_whitespace
from .kinds import Place, classify_wordings
from .negation import Languages, denies_otherwise, flips
from .onesided import clause_dropped, counted_gone, look_alike_digits
from .twopart import joined
from .values import SIGN_WORDS, dates, korean_count, values_sorted
from .wording import wording

_ABBREVIATED_BEFORE = re.compile(r"(?<!\w)(?:[A-Z][a-z]{0,2}|\w(?:\.\w)+|[Ss]ept|etc|vs|approx)$")
_BULLET = re.compile(r"^[-*•·‣◦–—](?:\s+|$)")
_DEFAULTS = Options()
# Enum members bound once: in Python 3.11 each `Op.DELETE` is a slow class-attribute lookup, and these run per segment.
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT
_TYPOGRAPHY, _PUNCTUATION, _FORMAT = ChangeKind.TYPOGRAPHY, ChangeKind.PUNCTUATION, ChangeKind.FORMAT
_NUMBER, _NAME, _NEGATION = ChangeKind.NUMBER, ChangeKind.NAME, ChangeKind.NEGATION
# Kinds a negation outranks: a denial the word rules did not see (another language's) may be one of them.
_MAY_DENY = frozenset({ChangeKind.QUOTE, ChangeKind.REWORDED, ChangeKind.DELETED, ChangeKind.INSERTED})
# Kinds a name respelt in a script without capitals gets from the rules, which look for a capital.
_MAY_BE_NAME = frozenset({ChangeKind.QUOTE, ChangeKind.REWORDED, ChangeKind.SPELLING})
# Kinds a rewording that holds a respelt name gets from the rules.
_MAY_HOLD_A_NAME = frozenset({ChangeKind.QUOTE, ChangeKind.REWORDED, ChangeKind.INSERTED, ChangeKind.DELETED})
# Kinds whose words a reader checks one by one: their spans hold the changed words only.
_TRIMMED = frozenset({ChangeKind.NAME, ChangeKind.NUMBER, ChangeKind.NEGATION, ChangeKind.QUOTE, ChangeKind.SPELLING})


class _Texts(NamedTuple):
    """One group's two texts and their quotations, which every change of the group is placed in."""

    left: str
    right: str
    quotes_left: list[tuple[int, int]] | None  # None: no quote mark in the text at all
    quotes_right: list[tuple[int, int]] | None
    evidence: NameEvidence | None  # None: no documents to ask, the rules' NAME stands
    languages: Languages  # of each side, for the negation rules of its language
    diff: tuple[Segment, ...]  # where the two texts agree: the negation rules compare like stretches


def changes_of(
    diff: tuple[Segment, ...],
    left_base: int,
    right_base: int,
    options: Options = _DEFAULTS,
    evidence: NameEvidence | None = None,
    languages: Languages = (None, None),
) -> tuple[Change, ...]:
    """Cut a diff into maximal non-equal runs and classify each; offsets are made absolute."""
    if len(diff) <= 1 and (not diff or diff[0].op is _EQUAL):
        return ()
    left_text = "".join([s.text for s in diff if s.op is not _INSERT])
    right_text = "".join([s.text for s in diff if s.op is not _DELETE])
    texts = _Texts(
        left_text,
        right_text,
        positions.quoted(left_text) if positions.QUOTE_RE.search(left_text) else None,
        positions.quoted(right_text) if positions.QUOTE_RE.search(right_text) else None,
        evidence,
        languages,
        diff,
    )
    out: list[Change] = []
    lpos = rpos = 0
    dl = ins = ""

    def close() -> None:
        """Classify the pending deletion and insertion as one change (or its pieces)."""
        nonlocal lpos, rpos, dl, ins
        if not (dl or ins):
            return
        left, right = Span(lpos, lpos + len(dl)), Span(rpos, rpos + len(ins))
        lpos, rpos = left.end, right.end
        if not ignored_whitespace(dl, ins, options):
            for kind, ls, rs, a, b in _pieces(dl, ins, left, right, texts):
                if not ignored(kind, a, b, options):
                    base_l, base_r = left_base + ls, right_base + rs
                    out.append(Change(kind, Span(base_l, base_l + len(a)), Span(base_r, base_r + len(b)), a, b))
        dl = ins = ""

    for seg in diff:
        op = seg.op
        if op is _DELETE:
            if ins:
                close()  # a deletion after an insertion starts the next change of the run
            dl += seg.text
        elif op is _INSERT:
            ins += seg.text
        else:
            close()
            lpos += len(seg.text)
            rpos += len(seg.text)
    close()
    out = joined(out, left_text, right_text, (left_base, right_base), languages)
    if _ANY_DIGIT.search(left_text) and _ANY_DIGIT.search(right_text):
        out = dates_joined(out, left_text, right_text, (left_base, right_base))  # every date has a digit
    return tuple(units_joined(out, left_text, right_text, (left_base, right_base)))


Piece = tuple[ChangeKind, int, int, str, str]  # kind, left start, right start, left text, right text


def _pieces(dl: str, ins: str, left: Span, right: Span, texts: _Texts) -> list[Piece]:
    """The change, or for a risky kind its words and the punctuation around them as separate changes."""
    kind = _change(dl, ins, left, right, texts)
    whole: list[Piece] = [(kind, left.start, right.start, dl, ins)]
    if kind not in _TRIMMED:
        return whole
    (la, lz), (ra, rz) = _core(dl), _core(ins)
    if (la, lz) == (0, len(dl)) and (ra, rz) == (0, len(ins)):
        return whole
    core = _change(
        dl[la:lz], ins[ra:rz], Span(left.start + la, left.start + lz), Span(right.start + ra, right.start + rz), texts
    )
    if core not in _TRIMMED:
        return whole  # the punctuation was part of what made it risky
    out: list[Piece] = []
    spans = (((0, la), (0, ra)), ((la, lz), (ra, rz)), ((lz, len(dl)), (rz, len(ins))))
    for n, ((a0, a1), (b0, b1)) in enumerate(spans):
        a, b = dl[a0:a1], ins[b0:b1]
        if n == 1:
            out.append((core, left.start + a0, right.start + b0, a, b))
        elif a.strip() != b.strip():  # the same marks (or only spaces) on both sides are no change
            piece = _change(
                a, b, Span(left.start + a0, left.start + a1), Span(right.start + b0, right.start + b1), texts
            )
            out.append((piece, left.start + a0, right.start + b0, a, b))
    return out


_DIGIT_NEXT = re.compile(r"\s*\d")
_ANY_DIGIT = re.compile(r"\d")
_DIGITS_AND_SCALE = re.compile("\\d[十百千万萬亿億]?$")
_MINUS_SIGNS = ("-", "\u2212")
# Signs that belong to the amount they stand by: "4.9%" -> "5.9%" is the number change, not "4.9" -> "5.9".
_UNIT_SIGNS = frozenset("%‰°$€£¥₹")


def _core(text: str) -> tuple[int, int]:
    """[start, end) of `text` without the punctuation and spaces at its ends (all of it if none is left)."""
    start, end = 0, len(text)
    while start < end and not (text[start].isalnum() or text[start] in _UNIT_SIGNS):
        start += 1
    if start == end:
        return 0, end
    while not (
        text[end - 1].isalnum() or text[end - 1] in _UNIT_SIGNS or unicodedata.category(text[end - 1])[0] == "M"
    ):
        end -= 1  # a vowel sign or virama ends an Indic word ("नहीं"): a mark, not punctuation
    return start, end


def _change(dl: str, ins: str, left: Span, right: Span, texts: _Texts) -> ChangeKind:
    """The kind of one change in its place; `left` and `right` are its spans in the group's texts."""
    a, b = dl.strip(), ins.strip()
    if a == b:
        return _TYPOGRAPHY  # only the spacing differs (the word diff keeps words whole)
    inside = bool(texts.quotes_left and positions.inside(texts.quotes_left, *left)) or bool(
        texts.quotes_right and positions.inside(texts.quotes_right, *right)
    )
    first, first_right = left.start + len(dl) - len(dl.lstrip()), right.start + len(ins) - len(ins.lstrip())
    # Either side's place counts, as for quotations: comparing B with A must mirror A with B.
    start = (a[:1].isupper() and positions.sentence_start(texts.left, first)) or (
        b[:1].isupper() and positions.sentence_start(texts.right, first_right)
    )
    noun = not start and (
        (a[:1].isupper() and positions.after_article(texts.left, first))
        or (b[:1].isupper() and positions.after_article(texts.right, first_right))
    )
    place = Place(inside, start, noun)
    kind = _risk_checked(a, b, left, right, place, texts)
    if not (a and b) and _part_of_a_value(a or b, *((texts.left, left) if a else (texts.right, right))):
        kind = _NUMBER  # "minus 15" / "15", "(-5 °C)" / "(5 °C)", "3 millones" / "3 mil millones"
    if kind in _MAY_BE_A_UNIT and another_unit(unit_word(a), unit_word(b)) and _number_beside(left, right, texts):
        kind = _NUMBER  # "five years" / "five months", "€5,000" / "$5,000": what the number counts changed
    if kind in _MAY_BE_A_UNIT and degree_scales(a, b, texts.left[: left.start], texts.right[: right.start]):
        kind = _NUMBER  # "40 °C" / "40 °F": another temperature scale
    if kind in _MAY_DENY and own_values(a, b, texts.languages):
        kind = _NUMBER  # Spanish "Miles de" / "Muchas", "Once" / "Doce": values only their language reads so
    if kind is ChangeKind.REWORDED and korean_count(a, b, texts.left[left.end :], texts.right[right.end :]):
        kind = _NUMBER  # 세 명 / 네 명: three people / four people
    if kind in _MAY_BE_NAME and texts.evidence is not None and texts.evidence.caseless_name(a, b):
        kind = _NAME
    if (
        kind in _MAY_HOLD_A_NAME
        and texts.evidence is not None
        and (texts.evidence.respelt_name_in(a, 0) or texts.evidence.respelt_name_in(b, 1))
    ):
        kind = _NAME  # a rewording with a name respelt in it: the name is what a reader must check
    # The side that has the dot is the one whose word it may abbreviate (either side: B against A must
    # read as A against B).
    dotted, span = (texts.left, left) if a else (texts.right, right)
    if (
        kind is _PUNCTUATION
        and (a or b) == "."
        and not (a and b)
        and span.end < len(dotted)
        and _ABBREVIATED_BEFORE.search(dotted, max(0, span.start - 12), span.start)
    ):
        # "Ms." / "Ms": only the dot of an abbreviation changed, inside a sentence.
        kind = _FORMAT
    elif (
        kind is _PUNCTUATION
        and _BULLET.sub("", a) == _BULLET.sub("", b)
        and positions.line_start(texts.left, first)
        and positions.line_start(texts.right, first_right)
    ):
        kind = _TYPOGRAPHY  # "- Roads closed" / "Roads closed": a list item marked otherwise
    return kind


_MAY_BE_A_UNIT = frozenset({ChangeKind.REWORDED, ChangeKind.PUNCTUATION, ChangeKind.SPELLING})
# The number may stand before "de", "di", "of" in the Romance languages' "5 millones de euros", "3 milliards
# d'euros", "2 milioni di dollari".
_NUMBER_BEFORE = re.compile(r"(\d|\w+)(?:\s+(?:de|di|of|do|da|del))?\s*(?:d['’])?\W{0,2}$")


def _part_of_a_value(word: str, text: str, span: Span) -> bool:
    """Whether a word or sign only one side has belongs to the number beside it: a minus sign or sign word
    right before digits, or a scale word (thousand, millones) next to a number."""
    low = word.lower()
    if low in SCALES:
        return _beside(text, span)
    if low not in SIGN_WORDS and word not in _MINUS_SIGNS:
        return False
    # A sign word stands alone; a sign must not join a word or a number to this one (10-15, COVID-19).
    before = "" if word.isalpha() or not span.start else text[span.start - 1]
    return bool(_DIGIT_NEXT.match(text, span.end)) and not (before.isalnum() or (before and before in ".,"))


def _number_beside(left: Span, right: Span, texts: _Texts) -> bool:
    """Whether a number stands right before the change on both sides, or right after it (a currency
    sign goes first: "$5,000")."""

    return _beside(texts.left, left) and _beside(texts.right, right)


def _beside(text: str, span: Span) -> bool:
    if _DIGIT_NEXT.match(text, span.end):
        return True
    m = _NUMBER_BEFORE.search(text, max(0, span.start - 24), span.start)
    if m is None:
        return False
    word = m.group(1).lower()
    if _DIGITS_AND_SCALE.search(word):
        return True  # "12億" before "ドル": a Han run ends with the number
    return word.isdigit() or number_value(word) is not None or word in SCALES  # "3 milliards d'euros"


def _risk_checked(a: str, b: str, left: Span, right: Span, place: Place, texts: _Texts) -> ChangeKind:
    """The rules' kind once each risk kind has faced its group: a rule turned off by the evidence stays
    off while the next is asked, so "One kiss ... not" / "No kiss", no flip, does not fall back to a
    number, nor "the True One", no name, to a count of one."""
    values = names = negations = True
    forms = texts.evidence is not None  # the documents can tell a name respelt by its ending from its inflection
    kind = classify_wordings(a, b, place, forms=forms)
    if kind in _MAY_DENY and denies_otherwise(a, b, texts.languages):
        kind = _NEGATION
    for _ in range(5):  # each pass turns one rule off; three rules (a name off may bring a negation back)
        if kind is _NUMBER and values and (_values_same(a, b, texts) or _not_a_count(a, b, left, right, texts)):
            values = False
        elif (
            kind is _NEGATION
            and negations
            and not flips(a, b, texts.left, texts.right, left, right, texts.languages, texts.diff)
        ):
            negations = False
        elif (
            kind is _NAME
            and names
            and texts.evidence is not None
            and not texts.evidence.confirms(_named_pairs(a, b, texts))
        ):
            names = False
        else:
            break
        kind = classify_wordings(a, b, place, values=values, names=names, negations=negations, forms=forms)
        if negations and not names and kind in _MAY_DENY and denies_otherwise(a, b, texts.languages):
            kind = _NEGATION  # "Neviděl" / "Viděl" opening a sentence: no name, a verb negated
        if not values and kind is not _FORMAT and kind is not _NUMBER and _both_valued(a, b):
            kind = _FORMAT  # "forty and four" / "forty-four" cut in pieces: the same amount in other words
    return kind


def _not_a_count(a: str, b: str, left: Span, right: Span, texts: _Texts) -> bool:
    """A value on one side of the change only, which is no count dropped or added (onesided.py)."""
    if look_alike_digits(a, b) or look_alike_digits(b, a):
        return True
    va, vb = _values(a), _values(b)
    if bool(va[0] or va[1]) == bool(vb[0] or vb[1]) or va[1] or vb[1]:
        return False  # both state values, or neither; or a date: no count, whatever follows it
    if va[0]:
        valued, other, after, own_text, other_text = a, b, texts.left[left.end :], texts.left, texts.right
    else:
        valued, other, after, own_text, other_text = b, a, texts.right[right.end :], texts.right, texts.left
    if _counterpart(own_text, other_text):
        return False
    return clause_dropped(valued, other) or counted_gone(valued, after, other_text)


def _counterpart(own_text: str, other_text: str) -> bool:
    """The other side's group states a value this side's does not: what the one-sided value replaced,
    which the word diff cut apart ("produced thirty" / "bore as much as fifty")."""
    return not set(_values(other_text)[0]) <= set(_values(own_text)[0])


def _values_same(a: str, b: str, texts: _Texts) -> bool:
    return _value_moved(a, b, texts.left, texts.right) or _same_amounts(texts) or _same_change_amounts(a, b)


def _same_amounts(texts: _Texts) -> bool:
    return _same_group_amounts(texts.left, texts.right)


@lru_cache(maxsize=8)
def _same_group_amounts(left_text: str, right_text: str) -> bool:
    """Cached, as _same_values: every number change of a group asks about the same two group texts."""
    return amounts(left_text) == amounts(right_text) and dates(wording(left_text).words) == dates(
        wording(right_text).words
    )


def _same_change_amounts(a: str, b: str) -> bool:
    """The change's own wordings state the same amounts and dates: "no man" / "no one" (a lone "one" is no
    amount), "thrice" / "three times", or the same counted things reordered ("seven heads and ten horns" /
    "ten horns and seven heads", while "3 to 5" / "5 to 3" is another score)."""
    if dates(wording(a).words) != dates(wording(b).words):
        return False
    if amounts(a) == amounts(b):
        return True
    return sorted(amounts(a)) == sorted(amounts(b)) and _counted(a) == _counted(b)


def _counted(text: str) -> list[tuple[str, str]]:
    """Each number word or digit of `text` with the word after it: what it counts."""
    words = wording(text).lowers
    return sorted((w, words[n + 1]) for n, w in enumerate(words[:-1]) if amounts(w) and words[n + 1][:1].isalpha())


def _both_valued(a: str, b: str) -> bool:
    """Both wordings state amounts, and not the same ones reordered (that is a rewording of the sentence)."""
    x, y = amounts(a), amounts(b)
    return bool(x) and bool(y) and not (x != y and sorted(x) == sorted(y))


_POSSESSIVE = re.compile(r"['’]s?$")  # Xs / X: evidence.py judges it (an inflection, or a name respelt)


def _named_pairs(a: str, b: str, texts: _Texts) -> list[tuple[str, str]]:
    """The capitalised pairs that may be a name changed: not one name and its possessive ("John" /
    "John's", "Joseph's" / "Joseph"), nor two names that only swapped places, each still in the other
    side's group ("Gad ... Judah" / "Judah ... Gad" in a list)."""
    left_words = {w.lower() for w in wording(texts.left).words}
    right_words = {w.lower() for w in wording(texts.right).words}
    return [
        (x, y)
        for x, y in _capitalised_pairs(a, b)
        if _POSSESSIVE.sub("", x) != _POSSESSIVE.sub("", y)
        and not (x.lower() in right_words and y.lower() in left_words)
    ]


def _capitalised_pairs(a: str, b: str) -> list[tuple[str, str]]:
    wa, wb = wording(a).words, wording(b).words
    if len(wa) != len(wb):
        return []
    return [
        (x, y) for x, y in zip(wa, wb, strict=True) if x.lower() != y.lower() and x[:1].isupper() and y[:1].isupper()
    ]


def _values(text: str) -> tuple[list[float], list[tuple[str, int]]]:
    w = wording(text)
    return values_sorted(w.lowers), dates(w.words)


def _value_moved(a: str, b: str, left_text: str, right_text: str) -> bool:
    """Whether the numbers and dates of a change only stand elsewhere in the other side's sentence:
    "The" -> "On Tuesday, the" when "on Tuesday" left the end of the same sentence. Only when one
    wording holds no value at all, so two numbers swapped ("3 to 5" -> "5 to 3") stay NUMBER."""
    va, vb = _values(a), _values(b)
    if (va[0] or va[1]) and (vb[0] or vb[1]):
        return False
    return _same_values(left_text, right_text)


@lru_cache(maxsize=8)
def _same_values(left_text: str, right_text: str) -> bool:
    """Cached: every number change of a group asks about the same two group texts."""
    return _values(left_text) == _values(right_text)
