"""Reading a file into a Document: the checks every file passes, then decoding, HTML or .docx to text,
and normalisation.

Every way a file can be unreadable ends in an InputError with a one-line reason, never a traceback.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat as stat_mod
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import DEFAULT_MAX_BYTES, Document
from .decoding import decode
from .docx import docx_text
from .html import compose, html_to_text, looks_like_html
from .maintext import main_text
from .normalise import normalise

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# A .docx's document XML is mostly markup: 5-30 bytes of XML per byte of text in Word's files. Unless the
# caller gives its own expansion limit, the XML may unzip to this many times --max-bytes.
EXPANSION_FACTOR = 20


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


def load_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_expanded: int | None = None,
    encoding: str | None = None,
    keep_boilerplate: bool = False,
) -> Document:
    """The file as a Document. `max_bytes` caps the file and the text extracted from it (a .docx's
    unzipped text, an HTML page's text with its entities expanded); `max_expanded` caps the XML a .docx
    unzips to (default EXPANSION_FACTOR times max_bytes). `encoding` overrides detection (not for .docx,
    whose XML says its own). A web page is cut to its main text unless `keep_boilerplate`; a Markdown
    file (.md, .markdown) is read as Markdown. What detection and extraction decided is in
    Document.warnings."""
    p = Path(path)
    shown = str(path)
    data, st = _read(p, shown, max_bytes)
    document = load_bytes(
        data,
        shown,
        suffix=p.suffix,
        max_bytes=max_bytes,
        max_expanded=max_expanded,
        encoding=encoding,
        keep_boilerplate=keep_boilerplate,
    )
    return replace(document, name=p.name, path=str(p.resolve()), size=st.st_size, mtime=st.st_mtime)


def read_stream(stream: BinaryIO, shown: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Up to `max_bytes` from a byte stream (standard input), refused with an InputError beyond them."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(shown, f"is over the {max_bytes:,}-byte limit")
    return data


def load_bytes(
    data: bytes,
    shown: str,
    *,
    suffix: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_expanded: int | None = None,
    encoding: str | None = None,
    keep_boilerplate: bool = False,
) -> Document:
    """Bytes as a Document named `shown`, read as a file ending in `suffix` would be (no suffix: HTML is
    recognised by its content). No path and no modification time: the caller knows them, if any."""
    if max_expanded is None:
        max_expanded = EXPANSION_FACTOR * max_bytes
    suffix = suffix.lower()
    html_offsets: list[int] | None = None
    kind = "text"
    warnings: tuple[str, ...] = ()
    if suffix == ".docx":
        decoded, encoding, kind = (
            docx_text(data, shown, max_bytes=max_bytes, max_expanded=max_expanded),
            "utf-8",
            "docx",
        )
    else:
        result = decode(data, shown, html=suffix in _HTML_SUFFIXES, encoding=encoding)
        decoded, encoding, warnings = result.text, result.encoding, result.warnings
        if suffix in _MARKDOWN_SUFFIXES:
            return _markdown_document(decoded, shown, encoding, data, warnings)
        if suffix in _HTML_SUFFIXES or (suffix not in (".txt", ".text") and looks_like_html(decoded)):
            source = decoded
            decoded, html_offsets = html_to_text(source)
            kind = "html"
            # Entities expand (a 5-byte "&nGt;" is 6 bytes of text): the page's text obeys the limit too.
            if len(decoded) > max_bytes // 4 and len(decoded.encode("utf-8", "surrogatepass")) > max_bytes:
                raise InputError(shown, f"holds over {max_bytes:,} bytes of text once its entities are expanded")
            if not keep_boilerplate:
                main = main_text(source, decoded, html_offsets)
                if main is None:
                    warnings += ("no main text found: the whole page is compared",)
                elif main.dropped_blocks:
                    decoded, html_offsets = main.text, main.offsets
                    warnings += (main.summary(),)
    text, offsets = normalise(decoded)
    if html_offsets is not None:
        # Offsets lead back to the HTML source, so a viewer can point into the file as it is.
        offsets = compose(html_offsets, offsets)
    return Document(
        text=text,
        name=shown,
        encoding=encoding,
        format=kind,
        size=len(data),
        source_offsets=offsets,
        warnings=warnings,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _markdown_document(decoded: str, shown: str, encoding: str, data: bytes, warnings: tuple[str, ...]) -> Document:
    from .markdown import markdown_to_text  # markdown-it loads here, for Markdown files only (~40 ms)

    # markdown-it reads CR LF as LF: it parses the normalised text, and the offset maps compose.
    normal, to_decoded = normalise(decoded)
    extracted, to_normal = markdown_to_text(normal)
    text, to_extracted = normalise(extracted)  # an entity can expand to a letter and a combining mark
    offsets = compose(to_normal, to_extracted)
    if to_decoded is not None:
        offsets = compose(list(to_decoded), offsets)
    return Document(
        text=text,
        name=shown,
        encoding=encoding,
        format="markdown",
        size=len(data),
        source_offsets=offsets,
        warnings=warnings,
        sha256=hashlib.sha256(data).hexdigest(),
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def document_from_text(text: str, name: str) -> Document:
    data = text.encode("utf-8", "surrogatepass")
    # Pasted or API text can hold lone surrogates (no decoded file does); they can be neither encoded nor
    # shown, so each becomes U+FFFD, one for one, which keeps every offset.
    normal, offsets = normalise(_LONE_SURROGATE.sub("\ufffd", text))
    return Document(
        text=normal, name=name, size=len(data), source_offsets=offsets, sha256=hashlib.sha256(data).hexdigest()
    )
