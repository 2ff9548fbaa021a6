"""Sentence boundaries inside one paragraph: a fast rule pass, with pysbd for the doubtful spots.

pysbd (a port of the Pragmatic Segmenter) has careful rules for abbreviations, numbers, lists and quotes,
but is slow: ~3.5 s/MB fed a paragraph at a time, and super-linear on long paragraphs (its abbreviation
pass re-scans the whole text once per abbreviation match). Most sentence ends are plain, though: a word
that is no abbreviation, a full stop, a space. So every candidate end (a run of . ! ? … plus closing
quotes) is classified here the way pysbd's rules would decide it:

- CUT: certain; the paragraph is cut there directly.
- NOCUT: certainly not an end: a period inside "3.5" or "example.com", inside a quotation pysbd protects,
  after an abbreviation pysbd's AbbreviationReplacer would keep, "!" before a lower-case word.
- UNSURE: initials, short numbers (list items, German ordinals), ellipses, odd punctuation. The stretch
  between the two surrounding CUTs goes to pysbd, which sees the context it would have seen in the paragraph.

Where pysbd is plainly wrong we differ on purpose (tests/engine/test_segment.py checks the agreement on real
text and lists these): a closing quote after the stop stays with its sentence (pysbd moves a lone ’ or "
to the next one); `.’ ` and `. »` before a capital end a sentence as `.” ` does; "…" before a capital
ends one as "..." does; a stop before , ; : never ends one; a few multi-part abbreviations (French
"p. ex.") are never cut, nor a listed abbreviation or a street name before a number ("approx. 5", "p. 12",
"Goethestr. 12").
"""

from __future__ import annotations

from functools import cache

import pysbd
from pysbd.languages import LANGUAGE_CODES

from .rules import (
    ASCII_WORD,
    CLOSERS,
    CUT,
    LIST_PARAGRAPH,
    PARENS_BETWEEN_QUOTES,
    QUOTE_PAREN,
    STOP_RUN,
    STOPS,
    UNSURE,
    Quotes,
    may_hold_a_list,
    never_cut,
    open_parentheses,
    parens_between_quotes,
    protected,
    quote_marks_around,
    unsure_without_stop,
    verdict,
)

_FALLBACK = "en"
_PYSBD_WINDOW = 4000  # longest stretch handed to pysbd at once; it is quadratic beyond a few thousand chars


def supported(language: str | None) -> str:
    """The pysbd rule set to use for `language` (English where pysbd has none)."""
    return language if language is not None and language in LANGUAGE_CODES else _FALLBACK


# --- pysbd on the doubtful stretches -------------------------------------------------------------------


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False)


def pysbd_cuts(chunk: str, language: str) -> list[int]:
    """Ends of pysbd's sentences in `chunk`, as offsets into it; the last is len(chunk).

    Uses pysbd's Processor directly: Segmenter.segment() finds each sentence again with a regex over the
    whole text, which is quadratic. pysbd splits at every line break, so newlines become spaces.
    """
    if not chunk.strip():
        return [len(chunk)]
    flat = chunk.replace("\n", " ")
    found = _segmenter(language).processor(flat).process()
    cuts = []
    pos = 0
    for sentence in found:
        piece = sentence.strip()
        if not piece:
            continue
        at = flat.find(piece, pos)
        if at >= 0:
            pos = at + len(piece)
        else:
            # pysbd changed the text (rare placeholder leftovers): advance over as many non-space chars.
            need = sum(not c.isspace() for c in piece)
            while pos < len(flat) and need:
                need -= not flat[pos].isspace()
                pos += 1
        cuts.append(pos)
    if not cuts or cuts[-1] != len(chunk):
        cuts.append(len(chunk))
    return _closers_stay(chunk, cuts)


def _closers_stay(chunk: str, cuts: list[int]) -> list[int]:
    """pysbd ends `said.” Then` before the ” when the quotation is unbalanced; the quote belongs here."""
    fixed: list[int] = []
    for cut in cuts:
        end = cut
        while end < len(chunk) and chunk[end] in CLOSERS:
            end += 1
        if end != cut and (end == len(chunk) or chunk[end].isspace()):
            cut = end
        if not fixed or cut > fixed[-1]:
            fixed.append(cut)
    return fixed


def _pysbd_windows(chunk: str, language: str) -> list[int]:
    """pysbd on a stretch, in windows of at most _PYSBD_WINDOW characters cut at spaces."""
    cuts: list[int] = []
    pos = 0
    while len(chunk) - pos > _PYSBD_WINDOW:
        stop = chunk.rfind(" ", pos + _PYSBD_WINDOW // 2, pos + _PYSBD_WINDOW)
        stop = stop if stop > pos else pos + _PYSBD_WINDOW
        cuts += [pos + c for c in pysbd_cuts(chunk[pos:stop], language)]
        pos = stop
    cuts += [pos + c for c in pysbd_cuts(chunk[pos:], language)]
    return cuts


# --- the paragraph ---------------------------------------------------------------------------------------


def boundaries(text: str, start: int, end: int, language: str, *, fast: bool = True) -> list[int]:
    """Sentence ends in text[start:end] (absolute offsets, increasing, the last == end).

    fast=False asks pysbd about the whole paragraph (slow; the tests compare the two)."""
    para = text[start:end]
    if not fast:
        return [start + c for c in pysbd_cuts(para, language)]
    unsure, list_marker = unsure_without_stop(para)
    if not unsure and not any(c in para for c in STOPS):
        return [end]
    if len(para) <= LIST_PARAGRAPH and (list_marker or may_hold_a_list(para)):
        # pysbd's list rules look at the whole paragraph and break lines before items: let it decide.
        never = never_cut(para, language)
        return [start + c for c in pysbd_cuts(para, language) if c not in never or c == len(para)]
    quoted = protected(para, language)
    cuts: list[int] = []
    for m in STOP_RUN.finditer(para):
        after = m.end()
        if after == len(para):
            break
        following = para[after]
        if following.isspace():
            kind = verdict(para, m, language, quoted)
        elif following in ",;:":
            continue
        elif m.end() - m.start() == 1 and para[after] in ASCII_WORD and para[m.start() - 1 : m.start()] in ASCII_WORD:
            continue  # 3.5, example.com
        else:
            kind = UNSURE
        if kind == CUT:
            cuts.append(after)
        elif kind == UNSURE:
            unsure.append(m.start())
    never = never_cut(para, language)
    if never:
        cuts = [c for c in cuts if c not in never]
    cuts = open_parentheses(para, cuts, unsure)
    cuts.append(len(para))
    if QUOTE_PAREN.search(para) and PARENS_BETWEEN_QUOTES.search(para):
        cuts = sorted(set(cuts) | set(parens_between_quotes(para)))
    if unsure:
        cuts = _resolve(para, cuts, sorted(unsure), language, quoted)
    return [start + c for c in cuts]


def _resolve(para: str, cuts: list[int], unsure: list[int], language: str, quoted: Quotes) -> list[int]:
    """Ask pysbd about each stretch between certain cuts that holds a doubtful spot. A stretch may start or
    end inside a quotation; pysbd is shown its opening and closing marks so it decides as it would have
    on the whole paragraph."""
    result: list[int] = []
    prev = 0
    k = 0
    for cut in cuts:
        doubtful = False
        while k < len(unsure) and unsure[k] < cut:
            doubtful = doubtful or unsure[k] >= prev
            k += 1
        if doubtful:
            stretch = para[prev:cut]
            never = never_cut(stretch, language)
            opening, closing = quote_marks_around(para, quoted, prev, cut)
            for c in _pysbd_windows(opening + stretch + closing, language):
                c -= len(opening)
                if c <= 0 or c >= len(stretch):
                    continue
                at = prev + c
                if c not in never and (not result or at > result[-1]):
                    result.append(at)
        result.append(cut)
        prev = cut
    return result
