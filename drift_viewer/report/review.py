"""The report's review parts, for a comparison with review marks (a project's): a Review column beside the
two texts with each row's mark and its changes' marks, their notes, and a Review section listing every
mark with a link to its row, and the marks that found no row. Rows linked by hand carry a "manual" badge
in their number cell whatever the marks (report.html.j2).

Every status is written as a word, never as a colour alone; notes are document-like text, escaped by
markup.text_html like the sides' text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..engine.model import Comparison, row_number
from .markup import text_html

if TYPE_CHECKING:
    from ..review.marks import Key, Mark, Marks

STATUS_LABELS = {"checked": "Checked", "accepted": "Accepted", "disputed": "Disputed"}
EXCERPT = 40


@dataclass(frozen=True)
class ReviewValues:
    counts: list[tuple[str, str, int]]  # (status, label, how many marks)
    manual: int  # rows made or changed by a hand edit
    cells: dict[int, Markup]  # group index -> its Review cell
    entries: Markup  # the <li> of every attached mark, in row order
    orphaned: list[Markup]  # the marks with no row, described by the texts they were made on


def _badge(mark: Mark) -> str:
    status = mark.status.value
    return f'<span class="mk {status}">{STATUS_LABELS[status]}</span>'


def _note(mark: Mark) -> str:
    # A block in the Review cell (review.css), after a dash in the Review list.
    return f'<span class="dash"> —</span> <span class="nt">{text_html(mark.note)}</span>' if mark.note else ""


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "\u2026"


def _change(c: Comparison, row: int, i: int) -> str:
    change = c.groups[row].changes[i]
    return (
        f'<span class="cw"><del>{text_html(_clip(change.left_text))}</del> \u2192 '
        f"<ins>{text_html(_clip(change.right_text))}</ins></span>"
    )


def review_values(comparison: Comparison, marks: Marks) -> ReviewValues:
    attached, orphaned = marks.attach(comparison)
    cells: dict[int, Markup] = {}
    entries: list[str] = []
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in sorted(attached):
        found = attached[row]
        parts = []
        n = row_number(row)
        if found.row is not None:
            counts[found.row.status.value] += 1
            parts.append(f"<p>{_badge(found.row)}{_note(found.row)}</p>")
            entries.append(f'<li><a href="#g{n}">row {n}</a> {_badge(found.row)}{_note(found.row)}</li>')
        for i in sorted(found.changes):
            mark = found.changes[i]
            counts[mark.status.value] += 1
            what = _change(comparison, row, i)
            parts.append(f"<p>{_badge(mark)} {what}{_note(mark)}</p>")
            entries.append(f'<li><a href="#g{n}">row {n}</a> {_badge(mark)} {what}{_note(mark)}</li>')
        cells[row] = Markup("".join(parts))
    return ReviewValues(
        [(status, label, counts[status]) for status, label in STATUS_LABELS.items()],
        sum(1 for g in comparison.groups if g.manual),
        cells,
        Markup("\n".join(entries)),
        [_orphan(key, mark) for key, mark in orphaned],
    )


def _orphan(key: Key, mark: Mark) -> Markup:
    from ..review.marks import ChangeKey

    row = key.row if isinstance(key, ChangeKey) else key
    texts = " / ".join(_clip(t) for t in (*row.left[:1], *row.right[:1]))
    return Markup(f"{_badge(mark)} made on \u201c{text_html(texts)}\u201d{_note(mark)}")
