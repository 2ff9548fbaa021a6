"""Reading a file into a Document: checks, encoding detection, HTML and .docx to text, normalisation.

Every way a file can be unreadable ends in an InputError with a one-line reason, never a traceback.
Encodings are found from evidence only: a byte-order mark, strict UTF-8, the NUL pattern of BOM-less
UTF-16, an HTML page's own charset declaration, then charset-normalizer for legacy 8-bit code pages.
"""

from __future__ import annotations

import codecs
import os
import re
import stat as stat_mod
import unicodedata
from pathlib import Path

from .errors import InputError
from .htmltext import compose, html_to_text, looks_like_html
from .model import DEFAULT_MAX_BYTES, Document

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
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
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


def _docx_text(data: bytes, path: str) -> str:
    """Paragraphs (and table cells) of a .docx, a blank line between them."""
    import io

    import docx  # python-docx; imported here as only .docx files need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises assorted zip, OPC and lxml errors on damaged files
        raise InputError(path, f"is not a readable .docx file ({exc.__class__.__name__})") from None
    paragraphs: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs.append(Paragraph(block, document).text)
        elif tag == "tbl":
            table = Table(block, document)
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(p.text for p in cell.paragraphs)
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _read(p: Path, shown: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if stat_mod.S_ISDIR(st.st_mode):
        raise InputError(shown, "is a folder, not a file")
    if not stat_mod.S_ISREG(st.st_mode):
        raise InputError(shown, "is not a regular file (a device, pipe or socket)")
    if st.st_size > max_bytes:
        raise InputError(shown, f"is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit")
    try:
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(shown, f"is over the {max_bytes:,}-byte limit")
    return data, st


def load_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    p = Path(path)
    shown = str(path)
    data, st = _read(p, shown, max_bytes)
    suffix = p.suffix.lower()
    html_offsets: list[int] | None = None
    if suffix == ".docx":
        decoded, encoding = _docx_text(data, shown), "docx"
    else:
        decoded, encoding = decode(data, shown, html=suffix in _HTML_SUFFIXES)
        if suffix in _HTML_SUFFIXES or (suffix not in (".txt", ".md", ".text") and looks_like_html(decoded)):
            decoded, html_offsets = html_to_text(decoded)
    text, offsets = normalise(decoded)
    if html_offsets is not None:
        # Offsets lead back to the HTML source, so a viewer can point into the file as it is.
        offsets = compose(html_offsets, offsets)
    return Document(
        text=text,
        name=p.name,
        path=str(p.resolve()),
        encoding=encoding,
        size=st.st_size,
        mtime=st.st_mtime,
        source_offsets=offsets,
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def document_from_text(text: str, name: str) -> Document:
    size = len(text.encode("utf-8", "surrogatepass"))
    # Pasted or API text can hold lone surrogates (no decoded file does); they can be neither encoded nor
    # shown, so each becomes U+FFFD, one for one, which keeps every offset.
    normal, offsets = normalise(_LONE_SURROGATE.sub("\ufffd", text))
    return Document(text=normal, name=name, size=size, source_offsets=offsets)
