"""The report's fact section: every name, number, date, percentage, quotation and code of each side
beside its counterpart (engine.classify.facttable), with counts per side and per status.

The facts that differ come first, in one table; those that are the same on both sides follow in a
closed fold whose table sits in <noscript> (as the ranked lists' folds do: report/paging.py), so a
book's thousands of unremarkable facts cost the page almost nothing until opened, and still read
without JavaScript. Rows are built here as strings, not in the template: a book has thousands.
Each row carries its status and kind as classes, which the filters switch by CSS alone (a class on the
section), so rows made later from a fold are filtered too.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..engine.classify.facttable import FactKind, FactRow, FactStatus, fact_table
from ..factlook import KIND_LABEL, STATUS_HELP, STATUS_ORDER, colour_kind, ordered, status_label
from .markup import kind_class, text_html

EXCERPT_CHARS = 80


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class KindLine:
    label: str
    left: int
    right: int


def _cell(text: str) -> str:
    if not text:
        return '<td class="none">—</td>'
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1] + "\u2026"
    return f"<td>{text_html(text)}</td>"


def _row(fact: FactRow) -> str:
    kind = colour_kind(fact)
    cls = f"fs {kind_class(kind)}" if kind is not None else "fs"
    n = fact.group + 1
    return (
        f'<tr class="s-{fact.status.value} k-{fact.kind.value}" data-g="{n}">'
        f'<td><span class="{cls}" title="{STATUS_HELP[fact.status]}">{status_label(fact.status)}</span></td>'
        f"<td>{KIND_LABEL[fact.kind]}</td>{_cell(fact.left_text)}{_cell(fact.right_text)}"
        f'<td class="num"><a href="#g{n}">row {n}</a></td></tr>'
    )


def fact_values(comparison, table: list[FactRow] | None = None) -> dict:
    """What the template's fact section reads: counts, filter choices, the two tables' rows. `table`: the
    comparison's fact table if read already."""
    rows = ordered(fact_table(comparison) if table is None else table)
    differ = [r for r in rows if r.status is not FactStatus.SAME]
    same = [r for r in rows if r.status is FactStatus.SAME]
    kinds = [
        KindLine(
            KIND_LABEL[k],
            sum(r.left is not None for r in rows if r.kind is k),
            sum(r.right is not None for r in rows if r.kind is k),
        )
        for k in FactKind
    ]
    return {
        "fact_total": len(rows),
        "fact_kinds": [k for k in kinds if k.left or k.right],
        "fact_statuses": [Choice(s.value, status_label(s), sum(r.status is s for r in rows)) for s in STATUS_ORDER],
        "fact_kind_choices": [
            Choice(k.value, KIND_LABEL[k], sum(r.kind is k for r in rows))
            for k in FactKind
            if any(r.kind is k for r in rows)
        ],
        "fact_differ": Markup("\n".join(_row(r) for r in differ)),
        "fact_differ_count": len(differ),
        "fact_same": Markup("\n".join(_row(r) for r in same)),
        "fact_same_count": len(same),
    }
