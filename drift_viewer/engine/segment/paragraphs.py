"""Paragraphs, then sentences, with spans into the document text.

Paragraphs are blank-line separated blocks; inside a block, a line break is a paragraph break too unless
the block looks hard-wrapped (see `_paragraph_spans`). Sentences inside a paragraph come from
`sentences.boundaries` (fast rules, pysbd only for the doubtful spots). Every sentence is capped at
MAX_SENTENCE characters so later stages never see a megabyte-long "sentence".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import DriftError
from ..model import Sentence
from . import sentences
from .language import detect_language, detect_paragraph_language

MAX_SENTENCE = 2000  # characters; longer runs are cut at whitespace (or hard, if there is none)
# The most sentences a side the aligner takes (align/band.py: BUDGET_CELLS // (2 * MARGIN + 1), a band one
# anchor a row wide): past it the comparison is refused whatever the other side, so segmenting stops there
# instead of reading the rest of a 50 MB file of short lines first. Not imported from band: that would load
# numpy with the segmenter (tests/engine/test_bounded_cost.py checks the two agree).
MOST_SENTENCES = 214_285


class TooManySentences(DriftError):
    def __init__(self, most: int) -> None:
        super().__init__(
            f"a text holds over {most:,} sentences, more than a comparison takes within its memory limit"
            f" (at most {most:,} sentences a side); reading stopped there"
        )


_BLOCK_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# A line that starts a Markdown heading, list item or quote: never glued to the line above.
_LINE_STARTER = re.compile(r"[^\S\n]*(?:#{1,6}\s|[-*+•–]\s|\d{1,3}[.)]\s|>)")
_WRAP_MIN, _WRAP_MAX = 50, 120  # widths typical of hard-wrapped text (e-mails, Gutenberg books)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _width(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0] : span[1]].strip())


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank lines separate blocks. Within a block each line is its own paragraph (one paragraph a line,
    as news copy and aligned corpora come), unless the block is hard-wrapped: all lines at most
    _WRAP_MAX wide and the widest at least _WRAP_MIN. There a line filled to near the block's width
    continues on the next line; a short line ends its paragraph (the last line of a wrapped paragraph,
    a headline)."""
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    blocks = []
    for m in _BLOCK_BREAK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for b_start, b_end in blocks:
        lines = [span for span in _lines(text, b_start, b_end) if _width(text, span)]
        if not lines:
            continue
        width = max(_width(text, span) for span in lines)
        wrapped = _WRAP_MIN <= width <= _WRAP_MAX and len(lines) > 1
        p_start = lines[0][0]
        for line, following in zip(lines, lines[1:] + [None], strict=True):
            if following is not None and wrapped:
                full = _width(text, line) >= 0.6 * width
                if full and not _LINE_STARTER.match(text, following[0]) and not _LINE_STARTER.match(text, line[0]):
                    continue
            paragraphs.append((p_start, line[1]))
            if following is not None:
                p_start = following[0]
    return paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most MAX_SENTENCE characters, at the last whitespace that fits."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        if cut <= start:
            cut = limit  # no whitespace at all: a hard cut keeps the invariant (an empty gap)
        s, e = _strip(text, start, cut)
        pieces.append((s, e))
        start, _ = _strip(text, cut, end)
    pieces.append((start, end))
    return pieces


def segment(
    text: str,
    language: str | None = None,
    *,
    detected: str | None = None,
    tick: Callable[[float], None] | None = None,
    most: int | None = None,
) -> list[Sentence]:
    """Sentences of `text` in order; `language` is an ISO 639-1 code for every paragraph, None detects it
    (`detected`: the document's language when the caller has detected it already; long paragraphs are
    still read in their own). `tick(share of the text done)` runs between paragraphs, for progress and
    cancellation. `most`: TooManySentences as soon as there are more sentences than that."""
    document = language or detected or detect_language(text)
    result: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        if tick is not None:
            tick(p_start / max(len(text), 1))
        if most is not None and len(result) > most:
            raise TooManySentences(most)
        pos = p_start
        # A document may quote or switch to another language for a paragraph: its sentence rules follow
        # (unless the caller fixed the language).
        here = document if language else detect_paragraph_language(text, p_start, p_end, document)
        for cut in sentences.boundaries(text, p_start, p_end, sentences.supported(here)):
            s, e = _strip(text, pos, cut)
            pos = cut
            if e <= s:
                continue
            for s2, e2 in _capped(text, s, e):
                result.append(Sentence(s2, e2, paragraph, text[s2:e2]))
    return result


def segment_lines(text: str, most: int | None = None) -> list[Sentence]:
    """One sentence a line, as aligner corpora come; blank lines are skipped, not sentences, and
    separate paragraphs. `most` as for `segment`."""
    result: list[Sentence] = []
    paragraph = 0
    for line_start, line_end in _lines(text, 0, len(text)):
        if most is not None and len(result) > most:
            raise TooManySentences(most)
        s, e = _strip(text, line_start, line_end)
        if e <= s:
            if result and result[-1].paragraph == paragraph:
                paragraph += 1
            continue
        for s2, e2 in _capped(text, s, e):
            result.append(Sentence(s2, e2, paragraph, text[s2:e2]))
    return result
