"""A project's review marks in the text, Markdown and CSV outputs (`compare PROJECT.drift --format …`).

The JSON, the report, TMX and the window carry a project's marks; without this the other three formats
dropped them, so a reviewer who sent a CSV or pasted the Markdown lost every "disputed" and its note.
Nothing here changes an output made without a project: each function is called only with marks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..engine.lexicon.hidden import escaped
from ..engine.model import Comparison, row_number
from ..wording import plural

if TYPE_CHECKING:
    from ..review.marks import Mark, Marks


class Line(NamedTuple):
    """One mark: its row (None when it no longer applies), its change (None for the row's own mark),
    the words it is about, and the mark."""

    row: int | None
    change: int | None
    about: str
    mark: Mark


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def mark_lines(marks: Marks, c: Comparison) -> Iterator[Line]:
    """Every mark, in row order, each row's own mark before its changes'; then those that no longer apply."""
    attached, orphaned = marks.attach(c)
    for row in sorted(attached):
        found = attached[row]
        if found.row is not None:
            yield Line(row, None, "", found.row)
        for i in sorted(found.changes):
            change = c.groups[row].changes[i]
            yield Line(row, i, f"{change.left_text.strip()!r} -> {change.right_text.strip()!r}", found.changes[i])
    from ..review.marks import ChangeKey

    for key, mark in orphaned:
        row_key = key.row if isinstance(key, ChangeKey) else key
        texts = " | ".join(" ".join(side) for side in (row_key.left, row_key.right) if side)
        yield Line(None, None, _clip(texts), mark)


def _said(mark: Mark) -> str:
    return mark.status.value + (f": {mark.note}" if mark.note else "")


def text_section(marks: Marks, c: Comparison) -> list[str]:
    """The text output's closing "review" block: one line a mark."""
    lines = list(mark_lines(marks, c))
    if not lines:
        return []
    out = [f"review: {plural(len(lines), 'mark')}"]
    for line in lines:
        if line.row is None:
            out.append(f"  no longer applies: {escaped(line.about)!r}: {escaped(_said(line.mark))}")
        elif line.change is None:
            out.append(f"  row {row_number(line.row)}: {escaped(_said(line.mark))}")
        else:
            out.append(f"  row {row_number(line.row)} {escaped(line.about)}: {escaped(_said(line.mark))}")
    return out + [""]


def markdown_section(marks: Marks, c: Comparison, md_text, words) -> list[str]:
    """The Markdown summary's "Review" section; `md_text` escapes document text and `words` shows a
    change's wording as the change lists do (mdout's)."""
    lines = list(mark_lines(marks, c))
    if not lines:
        return []
    out = ["", f"### Review ({plural(len(lines), 'mark')})", ""]
    for line in lines:
        said = f"**{line.mark.status.value}**" + (f": {md_text(line.mark.note)}" if line.mark.note else "")
        if line.row is None:
            out.append(f"- No longer applies ({md_text(line.about)}): {said}")
        elif line.change is None:
            out.append(f"- Row {row_number(line.row)}: {said}")
        else:
            change = c.groups[line.row].changes[line.change]
            out.append(f"- Row {row_number(line.row)}, {words(change.left_text)} → {words(change.right_text)}: {said}")
    return out


def csv_marks(marks: Marks, c: Comparison) -> tuple[dict[int, Mark], dict[tuple[int, int], Mark], list[Line]]:
    """For the CSV: row -> its own mark, (row, change) -> the change's, and the marks with no row."""
    rows: dict[int, Mark] = {}
    changes: dict[tuple[int, int], Mark] = {}
    orphans: list[Line] = []
    for line in mark_lines(marks, c):
        if line.row is None:
            orphans.append(line)
        elif line.change is None:
            rows[line.row] = line.mark
        else:
            changes[(line.row, line.change)] = line.mark
    return rows, changes, orphans
