"""Sentence boundaries inside one paragraph.

pysbd (a port of the Pragmatic Segmenter) has careful rules for abbreviations, numbers, lists and quotes,
but is slow: ~3.5 s/MB fed a paragraph at a time and super-linear on long paragraphs. This first version
calls it on each paragraph.
"""

from __future__ import annotations

from functools import cache

import pysbd
from pysbd.languages import LANGUAGE_CODES

_FALLBACK = "en"


def supported(language: str | None) -> str:
    """The pysbd rule set to use for `language` (English where pysbd has none)."""
    return language if language in LANGUAGE_CODES else _FALLBACK


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False)


def pysbd_cuts(chunk: str, language: str) -> list[int]:
    """Ends of pysbd's sentences in `chunk`, as offsets into it; the last is len(chunk).

    Uses pysbd's Processor directly: Segmenter.segment() finds each sentence again with a regex over the
    whole text, which is quadratic. pysbd splits at every line break, so the caller's newlines become spaces.
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
    return cuts


def boundaries(text: str, start: int, end: int, language: str) -> list[int]:
    """Sentence ends in text[start:end] (absolute offsets, increasing, the last == end)."""
    return [start + cut for cut in pysbd_cuts(text[start:end], language)]
