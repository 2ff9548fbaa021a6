"""Cutting a word diff into changes: maximal runs of non-equal segments, each classified in its place
(inside a quotation? at a sentence or line start? after a German article?) and dropped when the options
ignore it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Change, ChangeKind, Op, Options, Segment, Span
from . import positions
from .ignoring import ignored, ignored_whitespace
from .kinds import classify_wordings
from .values import dates, numbers_sorted
from .wording import wording

_ABBREVIATED_BEFORE = re.compile(r"(?<!\w)(?:[A-Z][a-z]{0,2}|\w(?:\.\w)+|[Ss]ept|etc|vs|approx)$")
_BULLET = re.compile(r"^[-*•·‣◦–—](?:\s+|$)")
_DEFAULTS = Options()
# Enum members bound once: in Python 3.11 each `Op.DELETE` is a slow class-attribute lookup, and these run per segment.
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT
_TYPOGRAPHY, _PUNCTUATION, _FORMAT = ChangeKind.TYPOGRAPHY, ChangeKind.PUNCTUATION, ChangeKind.FORMAT
_NUMBER = ChangeKind.NUMBER


class _Texts(NamedTuple):
    """One group's two texts and their quotations, which every change of the group is placed in."""

    left: str
    right: str
    quotes_left: list[tuple[int, int]] | None  # None: no quote mark in the text at all
    quotes_right: list[tuple[int, int]] | None


def changes_of(
    diff: tuple[Segment, ...], left_base: int, right_base: int, options: Options = _DEFAULTS
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
    )
    out: list[Change] = []
    lpos = rpos = 0
    dl = ins = ""
    last = len(diff) - 1
    for n, seg in enumerate(diff):
        op = seg.op
        if op is _DELETE:
            dl += seg.text
            if n < last:
                continue
        elif op is _INSERT:
            ins += seg.text
            if n < last:
                continue
        if dl or ins:
            left, right = Span(lpos, lpos + len(dl)), Span(rpos, rpos + len(ins))
            lpos, rpos = left.end, right.end
            kind = None if ignored_whitespace(dl, ins, options) else _change(dl, ins, left, right, texts)
            if kind is not None and not ignored(kind, dl, ins, options):
                out.append(
                    Change(
                        kind,
                        Span(left_base + left.start, left_base + left.end),
                        Span(right_base + right.start, right_base + right.end),
                        dl,
                        ins,
                    )
                )
            dl = ins = ""
        if op is _EQUAL:
            lpos += len(seg.text)
            rpos += len(seg.text)
    return tuple(out)


def _change(dl: str, ins: str, left: Span, right: Span, texts: _Texts) -> ChangeKind:
    """The kind of one change in its place; `left` and `right` are its spans in the group's texts."""
    a, b = dl.strip(), ins.strip()
    if a == b:
        return _TYPOGRAPHY  # only the spacing differs (the word diff keeps words whole)
    inside = bool(texts.quotes_left and positions.inside(texts.quotes_left, *left)) or bool(
        texts.quotes_right and positions.inside(texts.quotes_right, *right)
    )
    first = left.start + len(dl) - len(dl.lstrip())
    start = a[:1].isupper() and positions.sentence_start(texts.left, first)
    noun = a[:1].isupper() and not start and positions.after_article(texts.left, first)
    kind = classify_wordings(a, b, inside, start, True, noun)
    if kind is _NUMBER and _value_moved(a, b, texts.left, texts.right):
        kind = classify_wordings(a, b, inside, start, False, noun)
    if (
        kind is _PUNCTUATION
        and (a or b) == "."
        and not (a and b)
        and left.end < len(texts.left)
        and _ABBREVIATED_BEFORE.search(texts.left, max(0, left.start - 12), left.start)
    ):
        # "Ms." / "Ms": only the dot of an abbreviation changed, inside a sentence.
        kind = _FORMAT
    elif (
        kind is _PUNCTUATION
        and _BULLET.sub("", a) == _BULLET.sub("", b)
        and positions.line_start(texts.left, first)
        and positions.line_start(texts.right, right.start + len(ins) - len(ins.lstrip()))
    ):
        kind = _TYPOGRAPHY  # "- Roads closed" / "Roads closed": a list item marked otherwise
    return kind


def _values(text: str) -> tuple[list[float], list[tuple[str, int]]]:
    w = wording(text)
    return numbers_sorted(w.lowers), dates(w.words)


def _value_moved(a: str, b: str, left_text: str, right_text: str) -> bool:
    """Whether the numbers and dates of a change only stand elsewhere in the other side's sentence:
    "The" -> "On Tuesday, the" when "on Tuesday" left the end of the same sentence. Only when one
    wording holds no value at all, so two numbers swapped ("3 to 5" -> "5 to 3") stay NUMBER."""
    va, vb = _values(a), _values(b)
    if (va[0] or va[1]) and (vb[0] or vb[1]):
        return False
    return _values(left_text) == _values(right_text)
