"""Paragraphs, then sentences, with spans into the document text.

Minimal first version (regex); to be replaced by the pysbd-backed segmenter.
"""

from __future__ import annotations

import re

from .model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZÄÖÜ0-9])")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(text: str, language: str | None = None) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        pos = p_start
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, p_start, p_end)] + [p_end]
        for cut in cuts:
            s, e = _strip(text, pos, cut)
            if e > s:
                sentences.append(Sentence(s, e, paragraph, text[s:e]))
            pos = cut
    return sentences


def segment_lines(text: str) -> list[Sentence]:
    """One sentence a line, as aligner corpora come; blank lines are skipped, not sentences."""
    sentences = []
    pos = 0
    for line in text.split("\n"):
        s, e = _strip(text, pos, pos + len(line))
        if e > s:
            sentences.append(Sentence(s, e, 0, text[s:e]))
        pos += len(line) + 1
    return sentences
