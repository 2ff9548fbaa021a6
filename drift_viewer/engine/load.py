"""Reading a file into a Document: checks, encoding detection, HTML to visible text, normalisation.

Minimal first version; see tests/engine/test_load.py for what it promises.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from .errors import InputError
from .model import Document

DEFAULT_MAX_BYTES = 50_000_000


def normalise(decoded: str) -> tuple[str, tuple[int, ...] | None]:
    """Newlines to \\n and Unicode to NFC, with the offset map back into `decoded` (None if unchanged)."""
    text = decoded.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if text == decoded:
        return text, None
    offsets: list[int] = []
    # Walk the source in chunks that normalise independently: a CRLF pair or a base char + combining marks.
    i = 0
    n = len(decoded)
    while i < n:
        if decoded[i] == "\r":
            j = i + 2 if decoded.startswith("\r\n", i) else i + 1
            offsets.append(i)
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(decoded[j]):
            j += 1
        piece = unicodedata.normalize("NFC", decoded[i:j])
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    if len(offsets) != len(text) + 1:
        # Exotic compositions (e.g. Hangul jamo) do not chunk like this; fall back to no map.
        return text, None
    return text, tuple(offsets)


def decode(data: bytes, path: str) -> tuple[str, str]:
    if not data:
        return "", "utf-8"
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot tell which text encoding this file uses")
    return str(best), best.encoding


def load_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputError(shown, "no such file")
    if p.is_dir():
        raise InputError(shown, "is a folder, not a file")
    try:
        stat = p.stat()
        if stat.st_size > max_bytes:
            raise InputError(shown, f"is {stat.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    decoded, encoding = decode(data, shown)
    text, offsets = normalise(decoded)
    return Document(
        text=text,
        name=p.name,
        path=str(p.resolve()),
        encoding=encoding,
        size=stat.st_size,
        mtime=stat.st_mtime,
        source_offsets=offsets,
    )


def document_from_text(text: str, name: str) -> Document:
    normal, offsets = normalise(text)
    return Document(text=normal, name=name, size=len(text.encode("utf-8")), source_offsets=offsets)
