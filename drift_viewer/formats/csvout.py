"""The change list as CSV, to sort and filter in a spreadsheet: one line per change (a moved pair's once).

RFC 4180 as Python's csv module writes it: a header line, CRLF line ends, fields quoted where they hold
a comma, a quote or a line break. The caller encodes the text as UTF-8.

Columns: row (the report's and the window's 1-based row number), group_kind, change_kind, left_text,
right_text, and the offsets left_start, left_end, right_start, right_end (code points into each decoded
file, as in the JSON). The texts are for people: invisible characters are written as ⟨RLO⟩, ⟨ZWSP⟩, ...
as in the text output, so a bidi control cannot reorder a cell nor a zero-width space hide in one; the
offsets give the stored characters back.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
document could smuggle `=HYPERLINK(...)` into the reader's sheet. As OWASP's "CSV Injection" page
advises, such a cell is prefixed with a single quote, which spreadsheets read as "this is text" and do
not display; "-5" is therefore written '-5. Changes often start with the space before their words, and
an import that trims spaces would bring " =1+1" back to a formula, so leading whitespace is looked
past; so are the full-width forms (＝ ＋ － ＠), which East Asian input methods type and some
spreadsheets read as their ASCII twins.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from ..engine.lexicon.hidden import escaped
from ..engine.model import Comparison, row_number

if TYPE_CHECKING:
    from ..review.marks import Marks

COLUMNS = (
    "row",
    "group_kind",
    "change_kind",
    "left_text",
    "right_text",
    "left_start",
    "left_end",
    "right_start",
    "right_end",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(text: str) -> str:
    """`text` as a cell no spreadsheet runs as a formula (see the module docstring)."""
    risky = text.startswith(("\t", "\r")) or text.lstrip().startswith(_FORMULA_STARTS)
    return "'" + text if risky else text


def _writer() -> tuple[io.StringIO, Any]:
    out = io.StringIO(newline="")
    return out, csv.writer(out, lineterminator="\r\n")


MARK_COLUMNS = ("row_mark", "row_note", "change_mark", "change_note")


def render_csv(comparison: Comparison, marks: Marks | None = None) -> str:
    """`marks`, a project's: four more columns (the row's mark and note, the change's), a line for each
    marked row without changes, and the marks that no longer apply last, with no row number."""
    out, writer = _writer()
    if marks is not None:
        return _render_marked(comparison, marks, out, writer)
    writer.writerow(COLUMNS)
    for index, change in comparison.iter_changes():
        writer.writerow(_change_cells(comparison, index, change))
    return out.getvalue()


def _change_cells(comparison: Comparison, index: int, change) -> tuple:
    left, right = comparison.left.document, comparison.right.document
    return (
        row_number(index),
        comparison.groups[index].kind.value,
        change.kind.value,
        safe_cell(escaped(change.left_text)),
        safe_cell(escaped(change.right_text)),
        left.source_offset(change.left.start),
        left.source_offset(change.left.end),
        right.source_offset(change.right.start),
        right.source_offset(change.right.end),
    )


def _render_marked(comparison: Comparison, marks: Marks, out: io.StringIO, writer: Any) -> str:
    from .reviewed import csv_marks

    row_marks, change_marks, orphans = csv_marks(marks, comparison)

    def said(mark) -> tuple[str, str]:
        return ("", "") if mark is None else (mark.status.value, safe_cell(escaped(mark.note)))

    writer.writerow(COLUMNS + MARK_COLUMNS)
    lines: list[tuple[int, int, tuple]] = []
    listed: set[int] = set()
    for index, change in comparison.iter_changes():
        nth = next(i for i, c in enumerate(comparison.groups[index].changes) if c is change)
        cells = _change_cells(comparison, index, change)
        lines.append((index, 1, cells + said(row_marks.get(index)) + said(change_marks.get((index, nth)))))
        listed.add(index)
    for index, mark in row_marks.items():
        if index not in listed:  # a marked row with no change of its own (an equal row checked)
            group = comparison.groups[index]
            lines.append((index, 0, (row_number(index), group.kind.value) + ("",) * 7 + said(mark) + ("", "")))
    for _, _, cells in sorted(lines, key=lambda line: line[:2]):
        writer.writerow(cells)
    for line in orphans:
        writer.writerow(("", "", "", safe_cell(escaped(line.about)), "") + ("",) * 4 + said(line.mark) + ("", ""))
    return out.getvalue()


FACT_COLUMNS = (
    "kind",
    "status",
    "group",
    "left_text",
    "right_text",
    "left_start",
    "left_end",
    "right_start",
    "right_end",
)


def render_facts_csv(comparison: Comparison) -> str:
    """The fact table (`compare --format facts`): one fact a row, the JSON's `facts` field names as
    columns, written as the change list is (same line ends, escapes and formula guard: a fact "-5" is a
    number a spreadsheet would otherwise compute)."""
    from ..engine.serialize import facts

    out, writer = _writer()
    writer.writerow(FACT_COLUMNS)
    for fact in facts(comparison)["rows"]:
        writer.writerow(
            safe_cell(escaped(value)) if isinstance(value, str) else ("" if value is None else value)
            for value in (fact[column] for column in FACT_COLUMNS)
        )
    return out.getvalue()
