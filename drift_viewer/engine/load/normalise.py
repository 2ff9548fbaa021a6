"""Newlines to \\n and Unicode to NFC, with a map from every output offset back into the decoded text."""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
_MAY_COMPOSE = re.compile("[^\u0000-\u02ff]+")  # every char that can join the one before it is >= U+0300


def normalise(decoded: str) -> tuple[str, tuple[int, ...] | None]:
    """Newlines to \\n and Unicode to NFC, with the offset map back into `decoded` (None if unchanged).

    CR LF, CR, NEL and U+2028 become "\\n", U+2029 (paragraph separator) "\\n\\n"."""
    has_newlines = any(c in decoded for c in "\r\x85\u2028\u2029")  # four C scans beat one regex
    is_nfc = unicodedata.is_normalized("NFC", decoded)
    if not has_newlines and is_nfc:
        return decoded, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _NEWLINES.finditer(decoded) if has_newlines else ():
        _nfc_into(decoded, pos, m.start(), parts, offsets, is_nfc)
        newline = "\n\n" if m.group() == "\u2029" else "\n"
        parts.append(newline)
        offsets.extend([m.start()] * len(newline))
        pos = m.end()
    _nfc_into(decoded, pos, len(decoded), parts, offsets, is_nfc)
    offsets.append(len(decoded))
    return "".join(parts), tuple(offsets)


def _nfc_into(source: str, start: int, end: int, parts: list[str], offsets: list[int], is_nfc: bool) -> None:
    """NFC of source[start:end], cluster by cluster so each output char maps to its cluster's start."""
    if is_nfc or start == end:
        parts.append(source[start:end])
        offsets.extend(range(start, end))
        return
    pos = start
    for m in _MAY_COMPOSE.finditer(source, start, end):
        lead = max(m.start() - 1, pos)  # the char before a combining run is its base
        parts.append(source[pos:lead])
        offsets.extend(range(pos, lead))
        cluster_start = lead
        for i in range(lead + 1, m.end() + 1):
            at_end = i == m.end()
            if not at_end:
                cluster = source[cluster_start:i]
                c = source[i]
                # c joins the cluster if it is a combining mark or composes with it (Hangul jamo, some vowel signs)
                joined = unicodedata.combining(c) or unicodedata.normalize("NFC", cluster + c) != (
                    unicodedata.normalize("NFC", cluster) + unicodedata.normalize("NFC", c)
                )
                if joined:
                    continue
            piece = unicodedata.normalize("NFC", source[cluster_start:i])
            parts.append(piece)
            offsets.extend([cluster_start] * len(piece))
            cluster_start = i
        pos = m.end()
    parts.append(source[pos:end])
    offsets.extend(range(pos, end))
