"""The prose of a Markdown file, with each character's offset in the source, through markdown-it-py.

What a reader sees is kept: headings, paragraphs, list items, quotations and table cells, each its own
paragraph; a link's text without its address; code as written, one line a paragraph. Markup never
reaches a sentence: emphasis and heading markers, bullets and list numbers (so "-" against "*" is no
change), fences, images, HTML tags. A YAML front-matter block is metadata, not text.

markdown-it gives each block its source lines but no inline positions, so each piece of inline text is
found in its block's source after the piece before it: markup only ever stands between text pieces. A
piece that differs from its source (a backslash escape, an entity) is matched character by character.
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .html import html_to_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ENTITY = re.compile(r"&#?\w+;")
_DECODED = re.compile(r"[&\\]")  # where markdown-it may have read an entity or an escape
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_NEAR = 16  # how far past the cursor a character of an escaped or entity-bearing piece is looked for
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Writer:
    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.cursor = 0  # source offset the next piece is looked for from; only moves forward
        self.last_end = 0  # just past the last character written
        self.limit = len(source)

    def block(self, line_range: list[int] | None) -> None:
        """A new paragraph starts; its text lies in these source lines."""
        if line_range is not None:
            self.cursor = max(self.cursor, self.line_starts[min(line_range[0], len(self.line_starts) - 1)])
            self.limit = self.line_starts[min(line_range[1], len(self.line_starts) - 1)]
        self.trim()
        if self.chars and self.chars[-1] != "\n":
            self.write("\n", self.last_end)
            self.write("\n", self.last_end)

    def trim(self) -> None:
        """No paragraph ends in spaces (text after an image, before a hard break, a trailing tag)."""
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()

    def write(self, piece: str, at: int) -> None:
        self.chars.append(piece)
        self.offsets.append(at)

    def locate(self, piece: str, *, verbatim: bool = False) -> None:
        """Write `piece`, found in the source at or after the cursor: as it is where no "&" or "\\" comes
        first (and in code, which markdown-it leaves as written), else read unit by unit."""
        if not self.chars or self.chars[-1] == "\n":
            piece = piece.lstrip()  # no paragraph starts with spaces either
        if piece.isspace():  # found anywhere, as code's lone space would be: it points where text ended
            for ch in piece:
                self._put(ch, self.cursor)
            return
        at = self.source.find(piece, self.cursor, self.limit)
        # Where an escape or entity stands before the match, the piece may be its decoding, found earlier.
        if at >= 0 and (verbatim or not _DECODED.search(self.source, self.cursor, at + len(piece))):
            base = len(self.offsets)
            self.chars.extend(piece)
            self.offsets.extend(range(at, at + len(piece)))
            lead = len(piece) - len(piece.lstrip())
            self.offsets[base : base + lead] = [self.last_end] * lead  # as _put would: no per-char loop
            self.last_end = at + len(piece.rstrip())
            trail = len(piece) - len(piece.rstrip())
            self.offsets[len(self.offsets) - trail :] = [self.last_end] * trail
            self.cursor = at + len(piece)
            return
        self._decode_into(piece, raw=verbatim)

    def _decode_into(self, piece: str, *, raw: bool) -> None:
        """Match `piece` against the source read as markdown-it reads text: a backslash escape is the
        character after it, an entity is its expansion (all of it maps to the "&"). Source units that
        match nothing are markup and skipped; a character with no unit in reach maps to the cursor. Any
        space matches any space: code spans turn line breaks into spaces. `raw`: code, which has no escapes
        or entities."""
        k = 0
        while k < len(piece):
            pos, skipped = self.cursor, 0
            # The first character may lie past any markup; the rest follow it closely.
            while pos < self.limit and (k == 0 or skipped < _NEAR):
                text, start, end = (self.source[pos], pos, pos + 1) if raw else _unit(self.source, pos)
                if piece.startswith(text, k) or (text.isspace() and piece[k].isspace()):
                    text = piece[k : k + len(text)]
                    for ch in text:
                        self._put(ch, start)
                    if not text.isspace():
                        self.last_end = end
                    k += len(text)
                    self.cursor = end
                    break
                pos, skipped = end, skipped + 1
            else:
                self.write(piece[k], min(self.cursor, max(len(self.source) - 1, 0)))
                k += 1

    def _put(self, ch: str, at: int) -> None:
        # A space points just past the text before it, as in html.py: a span that ends at it ends on its
        # own last letter, not past a closing "**" or a link's address.
        if ch.isspace():
            self.write(ch, self.last_end)
        else:
            self.write(ch, at)
            self.last_end = at + 1

    def space(self) -> None:
        if self.chars and self.chars[-1] not in " \n":
            self.write(" ", self.last_end)

    def skip_past(self, marker: str) -> None:
        """Past a block's own marker ("##" of a heading), so the text after it is not found in it."""
        at = self.source.find(marker, self.cursor, self.limit)
        if at >= 0:
            self.cursor = at + len(marker)

    def skip_image(self) -> None:
        """Past "![alt](address)": the alt text is no visible text, and must not be found as such."""
        at = self.source.find("![", self.cursor, self.limit)
        if at < 0:
            return
        depth, pos = 0, at + 1
        while pos < self.limit:
            depth += {"[": 1, "]": -1}.get(self.source[pos], 0)
            if depth == 0:
                break
            pos += 1
        self.cursor = pos
        self.skip_link_tail()

    def skip_link_tail(self) -> None:
        """Past a link's "](address "title")" or "][ref]", so nothing in them is taken for text."""
        s, pos = self.source, self.cursor
        if not s.startswith("]", pos):
            return
        pos += 1
        if s.startswith("(", pos):
            depth, quote = 0, ""
            while pos < self.limit:
                c = s[pos]
                if quote:
                    quote = "" if c == quote else quote
                elif c in "\"'":
                    quote = c
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        pos += 1
                        break
                pos += 1
        elif s.startswith("[", pos):
            end = s.find("]", pos, self.limit)
            pos = end + 1 if end >= 0 else pos
        self.cursor = pos


def _unit(source: str, pos: int) -> tuple[str, int, int]:
    """The text one source unit stands for, where its characters point (an escaped character itself, an
    entity's "&") and where the unit ends."""
    c = source[pos]
    if c == "\\" and pos + 1 < len(source) and source[pos + 1] in _ASCII_PUNCTUATION:
        return source[pos + 1], pos + 1, pos + 2
    if c == "&" and (m := _ENTITY.match(source, pos)):
        expanded = unescape(m.group())
        if expanded != m.group():
            return expanded, pos, m.end()
    return c, pos, pos + 1


def _inline(writer: _Writer, token: Token) -> None:
    for child in token.children or ():
        if child.type == "text":
            writer.locate(child.content)
        elif child.type == "code_inline":
            writer.locate(child.content, verbatim=True)
        elif child.type == "softbreak":
            writer.space()
        elif child.type == "hardbreak":
            writer.write("\n", writer.last_end)
        elif child.type == "link_close":
            writer.skip_link_tail()
        elif child.type == "image":
            writer.skip_image()
        # Images, inline HTML tags and emphasis markers hold no text a reader sees.


def _code(writer: _Writer, token: Token) -> None:
    if token.type == "fence" and token.map:  # the opening fence's info string ("python") is no code
        writer.cursor = max(writer.cursor, writer.line_starts[min(token.map[0] + 1, len(writer.line_starts) - 1)])
    for line in token.content.split("\n"):
        if line.strip():
            writer.block(None)
            writer.locate(line.strip(), verbatim=True)


def _html(writer: _Writer, token: Token) -> None:
    text, offsets = html_to_text(token.content)
    base = writer.source.find(token.content, writer.cursor)
    for paragraph in re.finditer(r"[^\n]+", text):
        writer.block(None)
        if base >= 0:  # the block as written: its offsets shift by where it starts
            for i in range(paragraph.start(), paragraph.end()):
                writer.write(text[i], base + offsets[i])
            writer.last_end = base + offsets[paragraph.end()]
        else:
            writer.locate(paragraph.group())
    if base >= 0:
        writer.cursor = max(writer.cursor, base + len(token.content))


def markdown_to_text(source: str) -> tuple[str, list[int]]:
    """(text, offsets) where offsets[i] is the source offset of text[i]; len(offsets) == len(text) + 1.
    Paragraphs are separated by a blank line; `source` has "\\n" line ends (load.normalise)."""
    m = _FRONT_MATTER.match(source)
    # Blanked, not cut: the parser's line numbers stay those of the file.
    parsed = re.sub(r"[^\n]", " ", m.group()) + source[m.end() :] if m else source
    writer = _Writer(source)
    previous: Token | None = None
    for token in _PARSER.parse(parsed):
        if token.type == "inline":
            writer.block(token.map)
            if previous is not None and previous.type == "heading_open" and previous.markup.startswith("#"):
                writer.skip_past(previous.markup)
            _inline(writer, token)
        elif token.type in ("fence", "code_block"):
            writer.block(token.map)
            _code(writer, token)
        elif token.type == "html_block":
            writer.block(token.map)
            _html(writer, token)
        previous = token
    writer.trim()
    while writer.chars and writer.chars[-1] == "\n":  # a block that held no text leaves its break behind
        writer.chars.pop()
        writer.offsets.pop()
    return "".join(writer.chars), writer.offsets + [writer.last_end]
