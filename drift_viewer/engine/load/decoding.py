"""Bytes to text: encodings found from evidence only, a byte-order mark, strict UTF-8, the NUL pattern of
BOM-less UTF-16, an HTML page's own charset declaration, then legacy code pages judged by the language of
their letters (`legacy.py`), paragraph by paragraph, with charset-normalizer left for the multi-byte East
Asian code pages. Every guess is reported as a warning (one line each, naming the file): nothing is
decoded otherwise than it says.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
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
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_SWITCH = 12.0  # nats: how much better a paragraph must read in another code page than in the file's
_STRAY = 0.5  # a paragraph whose legacy reading is more than this share implausible has stray bytes
_UTF16_SCRIPTS = 4  # Japanese: kanji, hiragana, katakana, ideographic punctuation
_EAST_ASIAN = ("shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
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
    # BOM-less UTF-32 and UTF-16 first: their NULs are valid UTF-8, so strict UTF-8 would accept them as garbage.
    utf32 = _bomless_utf32(data) if b"\x00" in data[:8192] else None
    if utf32:
        return Decoded(data.decode(utf32), utf32, (_no_bom(utf32),))
    utf16 = _bomless_utf16(data) if b"\x00" in data[:8192] else None
    if utf16:
        try:
            return _utf16(data.decode(utf16), utf16, path)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
        if _controls(text[:4096]) and len(data) % 2 == 0 and not _spaced(data[:8192]):
            # Valid UTF-8 full of control characters is no text; Japanese in UTF-16 reads so (hiragana
            # U+30xx is ASCII "0" and a letter; 、 is \x01 0). Never without them: "Bush hid the facts".
            for name in ("utf-16-le", "utf-16-be"):
                if _one_script(data[:8192], name):
                    with contextlib.suppress(UnicodeDecodeError):
                        return _utf16(data.decode(name), name, path)
        return Decoded(_stray_nuls(text, path), "utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) % 2 == 0 and not _multibyte_legacy(data) and not _plausible_legacy(data):
        # UTF-16 with (nearly) no ASCII has too few NULs to be told by them: Japanese, Chinese. Their low
        # bytes run over the whole range; mostly-ASCII bytes read as UTF-16 are ideographs too ("Bush
        # hid the facts"), but both their halves are printable ASCII.
        for name, low in (("utf-16-le", data[:8192:2]), ("utf-16-be", data[1:8192:2])):
            # A low byte is NUL only for U+xx00 (一, 开, 最: common, but not a third of the text); a
            # pattern repeated over and over is a binary's, not a text's.
            if (
                low.count(0) <= max(3, 0.15 * len(low))
                and len(set(data[:8192:2])) >= min(20, len(low) // 4)
                and len(low.translate(None, _PRINTABLE_ASCII)) >= 0.15 * len(low)
                and _one_script(data[:8192], name)
            ):
                with contextlib.suppress(UnicodeDecodeError):
                    return _utf16(data.decode(name), name, path)
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
        codecs.lookup(best.encoding).name,
        (
            f"{note or 'is not UTF-8 nor a European code page; '}read as {codecs.lookup(best.encoding).name} (charset-normalizer's guess)",
        ),
    )


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by its code units' high bytes: text in any script uses few of them (0
    for ASCII spaces, digits and punctuation; one or two more for the letters of its script, 0x04 for
    Cyrillic, 0x4e-0x9f for CJK), while the low bytes vary. Latin text was found before by its NULs
    alone; Russian or Greek has NULs only on spaces and punctuation, about a sixth of its units."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    units = len(sample) // 2
    for name, high, low in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        # The NULs fall on one parity (a low byte is zero only for U+xx00): a binary file's fall on both.
        if high.count(0) < 0.05 * units or low.count(0) * 5 > high.count(0):
            continue
        if high.count(0) > 0.4 * units or _one_script(sample, name):
            return name
    return None


def _bomless_utf32(data: bytes) -> str | None:
    """UTF-32 without a BOM: every four-byte unit is a code point, so its top byte is always 0 and the one
    below it at most 0x10 (0 for the whole BMP); what it reads as must be text, not controls."""
    if len(data) < 8 or len(data) % 4:
        return None
    sample = data[:8192]
    for name, top, plane in (("utf-32-le", sample[3::4], sample[2::4]), ("utf-32-be", sample[0::4], sample[1::4])):
        if top.count(0) != len(top) or max(plane) > 0x10:
            continue
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        named = sum(unicodedata.name(ch, "") != "" or ch in "\t\n\r\f" for ch in text)
        if not _controls(text) and "\x00" not in text and named >= 0.99 * len(text):
            return name
    return None


def _spaced(sample: bytes) -> bool:
    """Words with spaces between them: about one byte in six is a space in text written so, while UTF-16
    CJK read byte by byte has 0x20 only in the rare U+xx20 and U+20xx units."""
    return sample.count(b" ") * 12 >= len(sample)


def _no_bom(name: str) -> str:
    return f"has no byte-order mark; read as {name.upper()}, which the pattern of its bytes shows"


def _plausible_legacy(data: bytes) -> bool:
    """A European code page reads `data` as letters of its language ("kosztować" in cp1250, whose
    bytes read as UTF-16 are ideographs as well)."""
    from . import legacy  # numpy and the letter tables: only for files that are not UTF-8

    sample = data[:8192]
    reading = legacy.best_reading(sample)
    text = sample.decode(reading.encoding, "replace")
    return not _controls(text) and legacy.rare_share(text, reading) <= _STRAY


def _multibyte_legacy(data: bytes) -> bool:
    """`data` is valid in an East Asian multi-byte code page: Shift JIS read as UTF-16 can look like
    one script too, while UTF-16 is seldom valid in these."""
    for name in _EAST_ASIAN:
        try:
            data.decode(name)
            return True
        except UnicodeDecodeError:
            pass
    return False


def _controls(text: str) -> bool:
    """More than one character in a hundred is a C0 control other than a line break, tab or form feed."""
    return sum(ch < " " and ch not in "\t\n\r\f" for ch in text) * 100 > len(text)


def _utf16(text: str, name: str, path: str) -> Decoded:
    return Decoded(_stray_nuls(text, path), name, (_no_bom(name),))


def _one_script(sample: bytes, name: str) -> bool:
    """`sample` reads as `name` into text: no controls but line breaks and tabs, every character a named
    one, and nearly all of the non-ASCII ones from a few scripts (as text is; Japanese mixes four)."""
    text = sample.decode(name, "ignore")  # the sample may cut a surrogate pair
    if not text or any(ch < " " and ch not in "\t\n\r\f" for ch in text):
        return False
    scripts: dict[str, int] = {}
    for ch in text:
        if ord(ch) >= 0x80:
            # The first word of a character's name is its script or block: CYRILLIC, GREEK, CJK, HIRAGANA...
            word = unicodedata.name(ch, "?").split(" ", 1)[0]
            scripts[word] = scripts.get(word, 0) + 1
    wide = sum(scripts.values())
    top = sum(sorted(scripts.values(), reverse=True)[:_UTF16_SCRIPTS])
    return wide > 0 and scripts.get("?", 0) <= 0.01 * wide and top >= 0.9 * wide


def _stray_nuls(text: str, path: str) -> str:
    """A few NULs in text are replaced one for one (offsets stay); many mean a binary file."""
    if "\x00" not in text:
        return text
    if text.count("\x00") > _STRAY_NULS:
        raise InputError(path, "looks like a binary file (it holds NUL bytes), not text")
    return text.replace("\x00", "\ufffd")
