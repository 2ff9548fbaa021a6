"""Qt-free logic behind the table: what each cell shows and where its highlights go.

Spans stay in code points everywhere in the engine; `to_utf16` is the one place they become Qt's
UTF-16 positions (astral characters such as emoji count twice in Qt).

A cell never shows an invisible character raw (a bidi control would reorder it, a zero-width space
hide in it): each is replaced by one visible symbol, ⇄ or ⬚ (engine/lexicon/hidden.py), so code point
offsets hold; UTF-16 positions are counted on the shown text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ...engine.lexicon import hidden
from ...engine.model import Change, ChangeKind, Comparison, Group, GroupKind, Side

LEFT, RIGHT = 0, 1


@dataclass(frozen=True)
class Highlight:
    """A changed run inside one cell, in UTF-16 units of the cell text; length 0 marks an insertion point."""

    start: int
    length: int
    kind: ChangeKind


@dataclass(frozen=True)
class Cell:
    text: str  # the group's text on this side, newlines kept, invisible characters shown as symbols
    highlights: tuple[Highlight, ...]
    paragraph_start: bool  # the first sentence opens a paragraph on this side
    moved_to: int | None = None  # group index of the counterpart, set on the empty cell of a moved sentence
    markers: tuple[int, ...] = ()  # UTF-16 positions of the symbols standing for invisible characters
    hidden: tuple[str, ...] = ()  # those characters described ("U+202E RIGHT-TO-LEFT OVERRIDE"), once each
    lookalikes: tuple[int, ...] = ()  # UTF-16 positions of letters disguised as another script's (Pаris)
    disguised: tuple[str, ...] = ()  # those letters described, once each


@dataclass(frozen=True)
class Match:
    """What the narrow column between the two sides shows for a row."""

    similarity: int | None  # percent, of a changed or moved row; None where it says nothing (equal, one-sided)
    badge: str | None  # "1→2" a split, "2→1" a merge, "2→3": n left sentences facing m right ones
    manual: bool = False  # the group was made by a hand edit
    mark: str | None = None  # the row's review mark ("checked", "accepted", "disputed"), if it has one
    note: str = ""  # the mark's note
    pending: bool = False  # the row's words are not compared yet (a comparison being made): drawn as "…"

    @property
    def mark_symbol(self) -> str:
        """The mark as the match column draws it: a shape per status (never colour alone), ✎ for a note."""
        return (MARK_SYMBOLS.get(self.mark, "") if self.mark else "") + ("✎" if self.note else "")


# Three shapes a glance tells apart: a tick (looked at), a star (accepted as right), a flag (disputed).
MARK_SYMBOLS = {"checked": "✓", "accepted": "★", "disputed": "⚑"}


def match(comparison: Comparison, group_index: int, mark: tuple[str, str] | None = None) -> Match:
    group = comparison.groups[group_index]
    n, m = len(group.left), len(group.right)
    if group.kind is GroupKind.MOVED:  # each half holds one side; the pair's shape is its partner's too
        partner = comparison.groups[group.partner] if group.partner is not None else group
        n, m = max(n, len(partner.left)), max(m, len(partner.right))
    badge = f"{n}→{m}" if n and m and (n, m) != (1, 1) else None
    similarity = None
    if group.kind in (GroupKind.CHANGED, GroupKind.MOVED):
        similarity = round(group.similarity * 100)
        if 0 < group.similarity < 1:  # never "100%" on a row that changed, nor "0%" on one that kept a word
            similarity = max(1, min(99, similarity))
    status, note = mark if mark is not None else (None, "")
    return Match(similarity, badge, bool(getattr(group, "manual", False)), status, note)


def utf16_prefix(text: str) -> list[int] | None:
    """UTF-16 offset of every code point offset of `text`, or None when the two coincide (no astral chars)."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return None
    prefix = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        total += 2 if ord(ch) > 0xFFFF else 1
        prefix[i + 1] = total
    return prefix


def to_utf16(prefix: list[int] | None, offset: int) -> int:
    return offset if prefix is None else prefix[offset]


def _side(comparison: Comparison, which: int) -> Side:
    return comparison.left if which == LEFT else comparison.right


def _indices(group: Group, which: int) -> tuple[int, ...]:
    return group.left if which == LEFT else group.right


def _span(change: Change, which: int):
    return change.left if which == LEFT else change.right


def opens_paragraph(side: Side, indices: tuple[int, ...]) -> bool:
    if not indices:
        return False
    first = indices[0]
    return first > 0 and side.sentences[first - 1].paragraph != side.sentences[first].paragraph


def cell(comparison: Comparison, group_index: int, which: int) -> Cell:
    group = comparison.groups[group_index]
    side = _side(comparison, which)
    indices = _indices(group, which)
    if not indices:
        moved_to = group.partner if group.kind is GroupKind.MOVED else None
        return Cell("", (), False, moved_to)
    span = side.group_span(indices)
    stored = side.text[span.start : span.end]
    marked = hidden.marked(stored)
    text = hidden.shown(stored) if marked else stored
    prefix = utf16_prefix(text)
    highlights = []
    for change in group.changes:
        run = _span(change, which)
        start, end = run.start - span.start, run.end - span.start
        if start < 0 or end > len(text):
            continue  # the run belongs to the other half of a moved pair
        u_start = to_utf16(prefix, start)
        highlights.append(Highlight(u_start, to_utf16(prefix, end) - u_start, change.kind))
    markers = tuple(to_utf16(prefix, i) for i in marked)
    described = tuple(dict.fromkeys(hidden.describe(stored[i]) for i in marked))
    disguised = hidden.lookalikes(stored)
    return Cell(
        text,
        tuple(highlights),
        opens_paragraph(side, indices),
        None,
        markers,
        described,
        tuple(to_utf16(prefix, i) for i in disguised),
        tuple(dict.fromkeys(hidden.lookalike_note(stored[i]) for i in disguised)),
    )


def visible_groups(comparison: Comparison, hide_equal: bool, equal_around: int = 1) -> list[int]:
    """Group indices to show: all, or only changed groups with `equal_around` equal groups on each side."""
    count = len(comparison.groups)
    if not hide_equal:
        return list(range(count))
    keep = bytearray(count)
    for index, group in enumerate(comparison.groups):
        if group.kind is not GroupKind.EQUAL:
            first, end = max(0, index - equal_around), min(count, index + equal_around + 1)
            keep[first:end] = b"\x01" * (end - first)
    return [index for index in range(count) if keep[index]]


def row_of_group(visible: list[int], group_index: int) -> int | None:
    """Row showing `group_index`, or the nearest row after it when it is hidden (None past the end)."""
    row = bisect_left(visible, group_index)
    return row if row < len(visible) else None
