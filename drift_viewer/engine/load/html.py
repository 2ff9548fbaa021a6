"""The visible text of an HTML page, with each character's offset in the HTML source.

Uses the standard library's tolerant html.parser. Rendering rules kept: whitespace runs collapse to one
space (except inside <pre>), <br> is a line break, block elements (p, div, h1-h6, li, tr, ...) become
paragraph breaks (a blank line), and nothing inside script, style, title, template or hidden elements
shows. <head> as a whole is not skipped: pages that never close it are common.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_INVISIBLE = frozenset(["script", "style", "template", "noscript", "svg", "math", "object", "iframe", "title"])
_REFERENCE = re.compile(r"&#?\w*;?")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # entities are handled one by one to keep their offsets
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.hidden_depth = 0  # >0 inside an invisible element
        self.hidden_stack: list[str] = []
        self.pre_depth = 0
        self.pending_space = -1  # >= 0: a collapsed whitespace run is owed before the next visible character
        self.pending_break = 0  # newlines owed before the next visible character (1 = <br>, 2 = block)
        # Source offset just past the last visible character: where a space, a paragraph break and the
        # text's end point, so a sentence's span ends on its own last letter, not on the markup (or the
        # script) after it.
        self.last_end = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, *, end: int | None = None) -> None:
        """Append text found at source offset `start`: raw source (one source char per char, `end` None)
        or the expansion of one entity ending at `end` (every char maps to the entity's start)."""
        verbatim = end is None
        for i, ch in enumerate(text):
            at = start + i if verbatim else start
            if self.pre_depth == 0 and ch in " \t\n\r\f":
                if self.pending_space < 0:
                    self.pending_space = at
                continue
            if self.pending_break and self.chars:
                tail = "".join(self.chars[-2:])
                have = len(tail) - len(tail.rstrip("\n"))  # a <pre> may have ended in a newline already
                for _ in range(self.pending_break - have):
                    self.chars.append("\n")
                    self.offsets.append(self.last_end)
            elif self.pending_space >= 0 and self.chars and self.chars[-1] != "\n":
                self.chars.append(" ")
                # Like a break, the space points just past the text before it: a span that ends at it
                # ends on its own last letter, not past a closing tag ("said.</a> Next").
                self.offsets.append(self.last_end)
            self.pending_break = 0
            self.pending_space = -1
            self.chars.append(ch)
            self.offsets.append(at)
            self.last_end = at + 1 if end is None else end

    def _break(self, lines: int) -> None:
        self.pending_break = max(self.pending_break, lines)
        self.pending_space = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden_depth or tag in _INVISIBLE or any(name == "hidden" for name, _ in attrs):
            if tag not in _VOID:
                self.hidden_depth += 1
                self.hidden_stack.append(tag)
            return
        if tag == "br":
            self._break(1)
        elif tag in _BLOCK:
            self._break(2)
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden_depth and tag == "br":
            self._break(1)
        elif not self.hidden_depth and tag in _BLOCK:
            self._break(2)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_depth:
            if tag in self.hidden_stack:
                # Close up to the matching open tag; tolerant of unclosed children such as <p> in <noscript>.
                while self.hidden_stack:
                    self.hidden_depth -= 1
                    if self.hidden_stack.pop() == tag:
                        break
            return
        if tag in _BLOCK:
            self._break(2)
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self._emit(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        if not self.hidden_depth:
            text = unescape(f"&{name};")
            start = self._offset()
            if text == f"&{name};":  # an unknown entity stays as written (browsers show "&foo;" too)
                self._emit(text, start)
            else:
                self._emit(text, start, end=self._ref_end(start))

    def handle_charref(self, name: str) -> None:
        if not self.hidden_depth:
            start = self._offset()
            self._emit(unescape(f"&#{name};"), start, end=self._ref_end(start))

    def _ref_end(self, start: int) -> int:
        """End of the character reference at `start`: its ";", or the end of its name where it has none."""
        m = _REFERENCE.match(self.source, start)
        return m.end() if m else start + 1


def html_to_text(source: str) -> tuple[str, list[int]]:
    """(visible text, offsets) where offsets[i] is the source offset of text[i]; len(offsets) == len(text) + 1.
    A line break, and the end of the text, map to just past the visible character before them."""
    parser = _Extractor(source)
    parser.feed(source)
    parser.close()
    text = "".join(parser.chars)
    offsets = parser.offsets + [parser.last_end]
    return text, offsets


def looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.match(r"<(head|body)[\s>]", head))


def compose(outer: list[int], inner: tuple[int, ...] | None) -> tuple[int, ...]:
    """Offsets through two mappings: inner maps text -> middle, outer maps middle -> source."""
    if inner is None:
        return tuple(outer)
    return tuple(outer[min(i, len(outer) - 1)] for i in inner)
