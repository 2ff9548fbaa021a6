"""Document text to HTML fragments: the one place where report text is escaped.

Every piece of document text goes through `text_html`, which escapes it (markupsafe) and then shows
characters an HTML parser would drop or rewrite as visible stand-ins, so the report loses nothing:

- C0 controls except TAB and LF (NUL, CR, ESC, ...) become the Control Pictures symbol U+2400 + code
  (NUL -> U+2400, CR -> U+240D), DEL becomes U+2421; each in <span class="cc" data-n="NUL">, which
  CSS draws as a small "NUL" box (the symbols are missing from many fonts).
- Lone surrogates (only reachable through surrogateescape decoding) become U+FFFD.
- Invisible characters (bidi controls, zero-width spaces and joiners, soft hyphens, BOMs, variation
  selectors: engine/lexicon/hidden.py says which, and which joiners do visible work and stay) become
  their symbol (⇄ for bidi controls and marks, ⬚ for the rest) in <span class="cc hc" data-n="RLO"
  title="U+202E RIGHT-TO-LEFT OVERRIDE">, drawn like a control character. So no raw bidi control or
  zero-width character reaches the page: the text cannot reorder or hide itself.

Letters disguised as another script's inside a word (the Cyrillic а of "Pаris": hidden.lookalikes)
stay as they are, in <span class=lk title="U+0430 CYRILLIC SMALL LETTER A ...">, which CSS outlines.

`visible_text` applies the same rule to plain text, so a test can compare a side's text in the report
with `visible_text(document text)`, and the marker's title gives the code point back. All other
characters, C1 controls included, are kept as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from markupsafe import Markup

from ..engine.lexicon import hidden
from ..engine.model import Change, ChangeKind, Span

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _stand_in(char: str) -> str:
    code = ord(char)
    if code == 0x7F:
        return "\u2421"
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"


def visible_text(text: str) -> str:
    """The text a reader sees in the report for `text` (see the module docstring for the rule)."""
    return _CONTROL.sub(lambda m: _stand_in(m.group()), hidden.shown(text))


def _control_html(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code > 0x7F:
        return _stand_in(char)
    name = hidden.short_name(char)  # NUL ... US, DEL
    # The text is the Control Pictures symbol (what copy and paste give); CSS draws `name` instead,
    # because many systems have no font with those symbols.
    return f'<span class="cc" data-n="{name}" title="control character U+{code:04X} {name}">{_stand_in(char)}</span>'


def _escaped(text: str) -> str:
    # str.replace rather than markupsafe.escape: same output, and this runs for every piece of a book.
    escaped = (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
    )
    return _CONTROL.sub(_control_html, escaped) if _CONTROL.search(escaped) else escaped


def marker_html(char: str) -> str:
    """The visible stand-in of an invisible character (see the module docstring)."""
    return (
        f'<span class="cc hc" data-n="{hidden.short_name(char)}" title="{hidden.describe(char)}">'
        f"{hidden.symbol(char)}</span>"
    )


def lookalike_html(char: str) -> str:
    """A letter disguised as another script's, outlined, with what it is as its title."""
    return f'<span class=lk title="{hidden.lookalike_note(char)}">{_escaped(char)}</span>'


def text_html(text: str, marked: Sequence[int] | None = None, lookalike: Sequence[int] | None = None) -> str:
    """Escaped HTML for document text; markup-free except for stand-ins of control and invisible
    characters and outlined look-alike letters. `marked`, `lookalike`: offsets in `text` of the invisible
    characters and look-alike letters, when the caller read them off a longer text (whether a joiner
    does visible work, or a letter is disguised, depends on its neighbours)."""
    if marked is None:
        marked = hidden.marked(text)
    if lookalike is None:
        lookalike = hidden.lookalikes(text)
    if not marked and not lookalike:
        return _escaped(text)
    out: list[str] = []
    pos = 0
    for i, render in sorted([(i, marker_html) for i in marked] + [(i, lookalike_html) for i in lookalike]):
        out += (_escaped(text[pos:i]), render(text[i]))
        pos = i + 1
    out.append(_escaped(text[pos:]))
    return "".join(out)


# Two-letter classes: a book has tens of thousands of marks, so every byte of the tag counts. The
# label (styles.py) is drawn by CSS on hover rather than carried by a title attribute on each mark.
KIND_CLASSES: dict[ChangeKind, str] = {
    ChangeKind.NAME: "nm",
    ChangeKind.NUMBER: "nu",
    ChangeKind.HIDDEN: "iv",  # invisible; "hd" is the table header row
    ChangeKind.NEGATION: "ng",
    ChangeKind.QUOTE: "qt",
    ChangeKind.CODE: "cd",
    ChangeKind.UNTRANSLATED: "ut",
    ChangeKind.SPELLING: "sp",
    ChangeKind.FORMAT: "fm",
    ChangeKind.REWORDED: "rw",
    ChangeKind.LENGTH: "ln",
    ChangeKind.DELETED: "dl",
    ChangeKind.INSERTED: "in",
    ChangeKind.CASE: "cs",
    ChangeKind.PUNCTUATION: "pn",
    ChangeKind.TYPOGRAPHY: "ty",
}


def kind_class(kind: ChangeKind) -> str:
    return KIND_CLASSES[kind]


# (opening tag around changed words, whole tag for an insertion point, which CSS draws so it adds no text)
_MARKS = {kind: (f"<mark class={cls}>", f'<mark class="{cls} g"></mark>') for kind, cls in KIND_CLASSES.items()}


def side_html(text: str, offset: int, marks: Iterable[tuple[Span, ChangeKind]]) -> Markup:
    """`text` (which starts at document offset `offset`) with each change span wrapped in a <mark>.

    Spans are clamped to the text and overlaps dropped, so a surprising engine result can cost a
    highlight but never a character.
    """
    out: list[str] = []
    pos = 0
    size = len(text)
    invisible = hidden.marked(text)
    disguised = hidden.lookalikes(text)

    def within(offsets: Sequence[int], a: int, b: int) -> list[int]:
        return [i - a for i in offsets[bisect_left(offsets, a) : bisect_left(offsets, b)]]

    def piece(a: int, b: int) -> str:
        if not invisible and not disguised:
            return _escaped(text[a:b])
        return text_html(text[a:b], within(invisible, a, b), within(disguised, a, b))

    for span, kind in sorted(marks, key=lambda m: (m[0].start, m[0].end)):
        start, end = span.start - offset, span.end - offset
        if start < pos or start > size:
            continue
        end = min(max(end, start), size)
        if start > pos:
            out.append(piece(pos, start))
        opening, point = _MARKS[kind]
        if end > start:
            out += (opening, piece(start, end), "</mark>")
        else:
            out.append(point)
        pos = end
    out.append(piece(pos, size))
    return Markup("".join(out))


def change_marks(changes: Iterable[Change], side: str) -> list[tuple[Span, ChangeKind]]:
    """The (span, kind) pairs of `changes` on one side ("left" or "right")."""
    return [(getattr(change, side), change.kind) for change in changes]
