"""Bytes to text: encodings found from evidence only, a byte-order mark, strict UTF-8, the NUL pattern of
BOM-less UTF-16, an HTML page's own charset declaration, then legacy code pages judged by the language of
their letters (`legacy.py`), paragraph by paragraph, with charset-normalizer left for the multi-byte East
Asian code pages. Every guess is reported as a warning (one line each, naming the file): nothing is
decoded otherwise than it says.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from . import legacy

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


# What browsers read a page declared in these as (WHATWG Encoding): cp1252, a superset of all three.
_AS_CP1252 = frozenset(["latin-1", "iso8859-1", "ascii", "iso8859-15"])
_PARAGRAPH_END = re.compile(rb"\n[ \t\r]*\n\s*")
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ASCII = bytes(range(128))
_SWITCH = 12.0  # nats: how much better a paragraph must read in another code page than in the file's
_STRAY = 0.5  # a paragraph whose legacy reading is more than this share implausible has stray bytes
_MAX_PIECES = 2000  # paragraphs judged one by one; beyond this, neighbours are judged together


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, path: str, *, html: bool = False, encoding: str | None = None) -> Decoded:
    """The text of `data` and the encoding it was read in, or InputError if it is not text.

    `encoding` (the user's --encoding) overrides detection; bytes it cannot read become U+FFFD, counted in
    a warning."""
    if encoding is not None:
        return _forced(data, path, encoding)
    if not data:
        return Decoded("", "utf-8")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(name), name)
            except UnicodeDecodeError:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name}") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"is {what}")
    # BOM-less UTF-16 first: its NULs are valid UTF-8, so strict UTF-8 would accept it as garbage.
    utf16 = _bomless_utf16(data) if b"\x00" in data[:8192] else None
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(_stray_nuls(data.decode("utf-8"), path), "utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(0) > _STRAY_NULS:
        raise InputError(path, "looks like a binary file (it holds NUL bytes), not text")
    note = ""
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            label = declared.group(1).decode("ascii")
            try:
                name = codecs.lookup(label).name
                name = "cp1252" if name in _AS_CP1252 else name
                return Decoded(_stray_nuls(data.decode(name), path), name)
            except LookupError:
                note = f"declares charset {label!r}, which is not a known encoding; "
            except UnicodeDecodeError:
                note = f"declares charset {label!r} but is not valid {label}; "
    return _detected(data, path, note)


def _forced(data: bytes, path: str, label: str) -> Decoded:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise InputError(path, f"cannot be read as {label!r} (--encoding): no such encoding") from None
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # utf-16 and utf-32 read their own byte-order marks
    text = data.decode(name, "replace")
    bad = text.count("\ufffd") - data.decode(name, "ignore").count("\ufffd")
    warnings = (
        (f"{bad:,} {'byte is' if bad == 1 else 'bytes are'} not valid {name} (--encoding {label}); shown as U+FFFD",)
        if bad
        else ()
    )
    return Decoded(_stray_nuls(text, path), name, warnings)


def _pieces(data: bytes) -> list[tuple[int, int]]:
    """Spans that cover `data`: each paragraph with the blank lines after it; small ones merged so there
    are at most about _MAX_PIECES."""
    spans = []
    start = 0
    least = len(data) // _MAX_PIECES
    for m in _PARAGRAPH_END.finditer(data):
        if m.end() - start > least:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(data) or not spans:
        spans.append((start, len(data)))
    return spans


def _detected(data: bytes, path: str, note: str) -> Decoded:
    """Paragraph by paragraph: UTF-8, UTF-8 with stray bytes (U+FFFD), or the legacy code page its
    letters read best in (the file's best unless another is clearly better)."""
    kinds: list[str] = []  # "ascii", "utf-8", "bad", or "legacy"
    spans = _pieces(data)
    for start, end in spans:
        piece = data[start:end]
        if piece.isascii():
            kinds.append("ascii")
            continue
        try:
            piece.decode("utf-8")
            kinds.append("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(piece))
        invalid = _high(piece) - valid
        kinds.append("bad" if valid and valid >= invalid else "legacy")
    legacy_spans = [span for span, kind in zip(spans, kinds, strict=True) if kind == "legacy"]
    from . import legacy  # numpy: loaded for a file that needs a code page, not on every start-up

    readings: dict[tuple[int, int], legacy.Reading] = {}
    if legacy_spans:
        histograms = {span: legacy.histogram(data[span[0] : span[1]]) for span in legacy_spans}
        pooled = legacy.pooled(list(histograms.values()))
        for span, counts in histograms.items():
            ranked = legacy.readings(counts)
            as_pooled = next(r for r in ranked if r.encoding == pooled)
            readings[span] = ranked[0] if ranked[0].score > as_pooled.score + _SWITCH else as_pooled
    parts: list[str] = []
    used: dict[str, int] = {}  # "utf-8" or "cp1252 (Western European)" -> paragraphs read so
    language: dict[str, str] = {}
    bad_bytes = 0
    first_bad = -1
    for span, kind in zip(spans, kinds, strict=True):
        piece = data[span[0] : span[1]]
        if kind == "legacy":
            reading = readings[span]
            text = piece.decode(reading.encoding, "replace")
            if legacy.rare_share(text, reading) <= _STRAY:
                parts.append(text)
                label = f"{reading.encoding} ({legacy.SCRIPTS[reading.script]})"
                used[label] = used.get(label, 0) + 1
                language.setdefault(label, reading.language)
                continue
            kind = "bad"  # not a code page's letters: stray bytes in UTF-8 or ASCII text
        if kind == "bad":
            valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(piece))
            bad_bytes += _high(piece) - valid
            if first_bad < 0:
                try:
                    piece.decode("utf-8")
                except UnicodeDecodeError as exc:
                    first_bad = span[0] + exc.start
            parts.append(piece.decode("utf-8", "replace"))
            used["utf-8"] = used.get("utf-8", 0) + 1
        else:
            parts.append(piece.decode("utf-8"))
            if kind == "utf-8":
                used["utf-8"] = used.get("utf-8", 0) + 1
    if bad_bytes and not any(k != "utf-8" for k in used) and _not_stray(data, bad_bytes):
        return _east_asian(data, path, note)
    text = _stray_nuls("".join(parts), path)
    warnings = []
    names = [label.split(" ", 1)[0] for label in used]
    if len(used) > 1:
        tally = ", ".join(f"{n} in {label}" for label, n in used.items())
        warnings.append(f"{note}its paragraphs are in different encodings; read paragraph by paragraph: {tally}")
    elif used and names[0] != "utf-8":
        label = next(iter(used))
        warnings.append(
            f"{note or 'is not UTF-8; '}read as {label}, the code page whose letters fit its text best "
            f"(language: {language[label]})"
        )
    elif note:
        warnings.append(f"{note}read as UTF-8")
    if bad_bytes:
        warnings.append(
            f"{bad_bytes:,} {'byte is' if bad_bytes == 1 else 'bytes are'} not valid UTF-8 "
            f"(the first at byte {first_bad:,}); each is shown as U+FFFD"
        )
    return Decoded(text, "+".join(names) or "utf-8", tuple(warnings))


def _high(data: bytes) -> int:
    """How many bytes of `data` are not ASCII."""
    return len(data.translate(None, _ASCII))


def _not_stray(data: bytes, bad_bytes: int) -> bool:
    """Most non-ASCII bytes are bad, and they are over a tenth of the file: not stray bytes in UTF-8 or
    ASCII, but an encoding not judged here (Shift JIS, GB18030, Big5, EUC-KR, ...)."""
    high = _high(data)
    return bad_bytes * 2 > high and high > len(data) // 10


def _east_asian(data: bytes, path: str, note: str) -> Decoded:
    from charset_normalizer import from_bytes  # imported here: it loads its tables on first use

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "is not text in any encoding that could be recognised")
    return Decoded(
        _stray_nuls(str(best), path),
        best.encoding,
        (f"{note or 'is not UTF-8 nor a European code page; '}read as {best.encoding} (charset-normalizer's guess)",),
    )


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
