"""The text of a .docx file: paragraphs and table cells, a blank line between them.

A streaming reader of the main document part, not python-docx: python-docx parses the whole XML into an
lxml tree (a 6 MB .docx that unzips to 2 GB of paragraphs took 20 GB before the OOM killer), and its
parser keeps an XML entity as a child node, so the text after it was dropped ("Sold by &co; to" read as
"Sold by"). Here the zip member is read in chunks under a byte cap (ZipInfo.file_size is checked first,
but a crafted zip can lie about it) and fed to expat, which expands entities and character references
into the text; only the paragraph being read and the text so far are held, and the text is capped too.

What counts as text: every w:t of every w:p (body paragraphs, table cells, nested tables, content
controls, tracked insertions), w:tab and w:ptab as a tab, w:br (a line break, not a page or column
break) and w:cr as a newline, w:noBreakHyphen as "-". Deleted and moved-away text (w:del, w:moveFrom) and
the fallback copy of alternate content (mc:Fallback) are not text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.parsers import expat

from ..errors import InputError

_CHUNK = 1 << 20
_RELS_CAP = 1 << 20  # a package's _rels/.rels is a few hundred bytes
_MAIN = "word/document.xml"
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_TYPE = re.compile(rb"""\bType\s*=\s*["'][^"']*/officeDocument["']""")
_TARGET = re.compile(rb"""\bTarget\s*=\s*["']([^"']+)["']""")
_W = frozenset(
    ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SKIP = frozenset(["del", "moveFrom"])  # w: elements whose text is not in the document as it reads
_INLINE = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


class _Limit(Exception):
    """The text grew past max_bytes: stop reading (turned into an InputError by docx_text)."""


class _External(Exception):
    """The XML refers to an external entity, which is never fetched."""


class _Reader:
    """expat handlers: paragraphs as they end, w:t text inside them, the text's size capped."""

    def __init__(self, max_text: int) -> None:
        self.paragraphs: list[str] = []
        self.stack: list[list[str]] = []  # the open w:p's pieces; a text box's w:p nests inside one
        self.in_text = 0
        self.skip = 0
        self.size = 0
        self.max_text = max_text

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(" ")
        if ns == _MC and local == "Fallback" or ns in _W and local in _SKIP:
            self.skip += 1
        elif self.skip or ns not in _W:
            return
        elif local == "p":
            self.stack.append([])
        elif local == "t":
            self.in_text += 1
        elif self.stack and local in _INLINE:
            self._add(_INLINE[local])
        elif self.stack and local == "br":
            kind = next((v for k, v in attrs.items() if k.rpartition(" ")[2] == "type"), "textWrapping")
            if kind == "textWrapping":
                self._add("\n")

    def end(self, name: str) -> None:
        ns, _, local = name.rpartition(" ")
        if ns == _MC and local == "Fallback" or ns in _W and local in _SKIP:
            self.skip -= 1
        elif self.skip or ns not in _W:
            return
        elif local == "p" and self.stack:
            text = "".join(self.stack.pop()).strip()
            if text:
                self.paragraphs.append(text)
        elif local == "t" and self.in_text:
            self.in_text -= 1

    def data(self, text: str) -> None:
        if self.in_text and not self.skip and self.stack:
            self._add(text)

    def _add(self, text: str) -> None:
        self.size += len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
        if self.size > self.max_text:
            raise _Limit
        self.stack[-1].append(text)


def _unreadable(path: str, why: str) -> InputError:
    return InputError(path, f"is not a readable .docx file ({why})")


def _main_part(archive: zipfile.ZipFile) -> str:
    """The name of the main document part: from the package relationships, else word/document.xml."""
    try:
        info = archive.getinfo("_rels/.rels")
    except KeyError:
        return _MAIN
    with archive.open(info) as fh:
        rels = fh.read(_RELS_CAP)
    for m in _RELATIONSHIP.finditer(rels):
        if _TYPE.search(m.group()):
            target = _TARGET.search(m.group())
            if target:
                return target.group(1).decode("utf-8", "replace").lstrip("/")
    return _MAIN


def docx_text(data: bytes, path: str, *, max_bytes: int, max_expanded: int) -> str:
    """Paragraphs (and table cells) of a .docx, a blank line between them.

    InputError if the document part unzips to more than `max_expanded` bytes of XML or holds more than
    `max_bytes` bytes of text (UTF-8), naming the file and the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        part = _main_part(archive)
        info = archive.getinfo(part)
    except KeyError:
        raise _unreadable(path, "it has no main document part") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise _unreadable(path, exc.__class__.__name__) from None
    too_big = InputError(
        path,
        f"unzips to over {max_expanded:,} bytes of XML, over the expansion limit (--max-expanded); "
        "it may be a zip bomb",
    )
    if _stated_size(info) > max_expanded:
        raise too_big
    reader = _Reader(max_bytes)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True  # one data call per text run, not per line or entity
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.ExternalEntityRefHandler = _no_external_entities
    read = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                read += len(chunk)
                if read > max_expanded:  # the zip's stated size lied
                    raise too_big
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Limit:
        raise InputError(
            path, f"holds over {max_bytes:,} bytes of text once unzipped, over the limit (--max-bytes)"
        ) from None
    except _External as exc:
        raise _unreadable(path, f"its XML refers to an outside file, {exc}, which is not read") from None
    except expat.ExpatError as exc:
        raise _unreadable(path, f"damaged XML in {part}: {expat.ErrorString(exc.code)}, line {exc.lineno}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise _unreadable(path, exc.__class__.__name__) from None
    return "\n\n".join(reader.paragraphs)


def _stated_size(info: zipfile.ZipInfo) -> int:
    """The unzipped size the archive claims (a crafted zip can claim less: reading is capped too)."""
    return info.file_size


def _no_external_entities(context: str | None, base: str | None, system_id: str | None, public_id: str | None) -> int:
    # Never fetched (that would read the user's disk or the network); say so instead of dropping text.
    raise _External(system_id or public_id or "an external entity")
