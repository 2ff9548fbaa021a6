"""How a fact-table row looks, shared by the window's Facts dock and the report's fact section.

A status takes the colour of the change the classifier would report for it (a changed number is a
Number change, a respelled name a Name change, a missing fact a deletion), so the two lists speak one
palette, already checked under CVD simulation (styles.py). Colour is never the only cue: each status
also has a mark and a word.
"""

from __future__ import annotations

from .engine.classify.facttable import FactKind, FactRow, FactStatus
from .engine.model import ChangeKind

# Rows that need a look first: what changed, then what one side lacks, then respellings; same last.
STATUS_ORDER = (FactStatus.CHANGED, FactStatus.MISSING, FactStatus.ADDED, FactStatus.RESPELLED, FactStatus.SAME)
STATUS_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}
STATUS_MARK = {
    FactStatus.SAME: "=",
    FactStatus.RESPELLED: "≈",
    FactStatus.CHANGED: "≠",
    FactStatus.MISSING: "−",
    FactStatus.ADDED: "+",
}
STATUS_HELP = {
    FactStatus.SAME: "the same on both sides",
    FactStatus.RESPELLED: "a name spelt another way",
    FactStatus.CHANGED: "another value in its place",
    FactStatus.MISSING: "only on the left",
    FactStatus.ADDED: "only on the right",
}
KIND_LABEL = {
    FactKind.NAME: "Name",
    FactKind.NUMBER: "Number",
    FactKind.PERCENT: "Percentage",
    FactKind.DATE: "Date",
    FactKind.QUOTE: "Quotation",
    FactKind.CODE: "Code",
}
KIND_PLURAL = {
    FactKind.NAME: "names",
    FactKind.NUMBER: "numbers",
    FactKind.PERCENT: "percentages",
    FactKind.DATE: "dates",
    FactKind.QUOTE: "quotations",
    FactKind.CODE: "codes",
}
_CHANGED_AS = {
    FactKind.NAME: ChangeKind.NAME,
    FactKind.NUMBER: ChangeKind.NUMBER,
    FactKind.PERCENT: ChangeKind.NUMBER,
    FactKind.DATE: ChangeKind.NUMBER,
    FactKind.QUOTE: ChangeKind.QUOTE,
    FactKind.CODE: ChangeKind.CODE,
}


def status_label(status: FactStatus) -> str:
    return f"{STATUS_MARK[status]} {status.value}"


def colour_kind(row: FactRow) -> ChangeKind | None:
    """The change kind whose colour the row's status cell takes; None for a fact that survived."""
    return colour_of(row.status, row.kind)


def colour_of(status: FactStatus, kind: FactKind) -> ChangeKind | None:
    if status is FactStatus.SAME:
        return None
    if status is FactStatus.MISSING:
        return ChangeKind.DELETED
    if status is FactStatus.ADDED:
        return ChangeKind.INSERTED
    if status is FactStatus.RESPELLED:
        return ChangeKind.NAME
    return _CHANGED_AS[kind]


def ordered(rows: list[FactRow]) -> list[FactRow]:
    """Riskiest status first, then in reading order (the table's own order within a group)."""
    return sorted(rows, key=lambda r: (STATUS_RANK[r.status], r.group))


def side_counts(rows: list[FactRow], side: int) -> str:
    """'3 names, 5 numbers' for one side (0 left, 1 right)."""
    counts = {kind: 0 for kind in FactKind}
    for row in rows:
        if (row.left if side == 0 else row.right) is not None:
            counts[row.kind] += 1
    parts = [f"{n:,} {KIND_PLURAL[k] if n != 1 else KIND_LABEL[k].lower()}" for k, n in counts.items() if n]
    return ", ".join(parts) or "no facts"
