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

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .html import html_to_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ENTITY = re.compile(r"&#?\w+;")
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

    def locate(self, piece: str) -> None:
        """Write `piece`, found in the source at or after the cursor."""
        if not self.chars or self.chars[-1] == "\n":
            piece = piece.lstrip()  # no paragraph starts with spaces either
        at = self.source.find(piece, self.cursor, self.limit)
        if at >= 0:
            for i, ch in enumerate(piece):
                self._put(ch, at + i)
            self.cursor = at + len(piece)
            return
        for ch in piece:
            at = self.source.find(ch, self.cursor, min(self.limit, self.cursor + _NEAR))
            if at < 0:  # an entity's expansion: it maps to where the entity starts
                self.write(ch, self.cursor)
                entity = _ENTITY.match(self.source, self.cursor)
                if entity:
                    self.last_end = entity.end()
                continue
            self._put(ch, at)
            self.cursor = at + 1

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


def _inline(writer: _Writer, token: Token) -> None:
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            writer.locate(child.content)
        elif child.type == "softbreak":
            writer.space()
        elif child.type == "hardbreak":
            writer.write("\n", writer.last_end)
        elif child.type == "link_close":
            writer.skip_link_tail()
        # Images, inline HTML tags and emphasis markers hold no text a reader sees.


def _code(writer: _Writer, token: Token) -> None:
    if token.type == "fence" and token.map:  # the opening fence's info string ("python") is no code
        writer.cursor = max(writer.cursor, writer.line_starts[min(token.map[0] + 1, len(writer.line_starts) - 1)])
    for line in token.content.split("\n"):
        if line.strip():
            writer.block(None)
            writer.locate(line.strip())


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
    for token in _PARSER.parse(parsed):
        if token.type == "inline":
            writer.block(token.map)
            _inline(writer, token)
        elif token.type in ("fence", "code_block"):
            writer.block(token.map)
            _code(writer, token)
        elif token.type == "html_block":
            writer.block(token.map)
            _html(writer, token)
    writer.trim()
    while writer.chars and writer.chars[-1] == "\n":  # a block that held no text leaves its break behind
        writer.chars.pop()
        writer.offsets.pop()
    return "".join(writer.chars), writer.offsets + [writer.last_end]
