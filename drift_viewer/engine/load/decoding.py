"""Bytes to text: encodings found from evidence only, a byte-order mark, strict UTF-8, the NUL pattern of
BOM-less UTF-16, an HTML page's own charset declaration, then charset-normalizer for legacy code pages.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Formats people drop by mistake, by their first bytes: named in the message instead of "binary".
_MAGIC = (
    (b"%PDF-", "a PDF document; export it as text first"),
    (b"PK\x03\x04", "a ZIP archive (Word, OpenDocument, ...); save it as .docx or text"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document; save it as .docx or text"),
    (b"{\\rtf", "an RTF document; save it as .docx or text"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"\x7fELF", "a program, not text"),
)
_STRAY_NULS = 4  # a few NULs in otherwise text (a bad paste) are shown as U+FFFD; more means binary
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode(data: bytes, path: str, *, html: bool = False) -> tuple[str, str]:
    """(text, encoding name) of `data`, or InputError if it is not text."""
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    path, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"is {what}")
    # BOM-less UTF-16 first: its NULs are valid UTF-8, so strict UTF-8 would accept it as garbage.
    utf16 = _bomless_utf16(data) if b"\x00" in data[:8192] else None
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return _stray_nuls(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(0) > _STRAY_NULS:
        raise InputError(path, "looks like a binary file (it holds NUL bytes), not text")
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                name = codecs.lookup(declared.group(1).decode("ascii")).name
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall through to detection
    from charset_normalizer import from_bytes  # imported here: it loads its tables on first use

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "is not text in any encoding that could be recognised")
    return _stray_nuls(str(best), path), best.encoding


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by its NULs: Latin-script text has a zero high byte in most code units."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    units = len(sample) // 2
    if odd > 0.4 * units and even < 0.05 * units:
        return "utf-16-le"
    if even > 0.4 * units and odd < 0.05 * units:
        return "utf-16-be"
    return None


def _stray_nuls(text: str, path: str) -> str:
    """A few NULs in text are replaced one for one (offsets stay); many mean a binary file."""
    if "\x00" not in text:
        return text
    if text.count("\x00") > _STRAY_NULS:
        raise InputError(path, "looks like a binary file (it holds NUL bytes), not text")
    return text.replace("\x00", "\ufffd")
