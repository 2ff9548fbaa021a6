"""What the Changes and Facts lists share: each lists entries that belong to table rows (groups), and
follows the table's current row by selecting that row's first entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QTableView


def first_rows(groups: Sequence[int]) -> dict[int, int]:
    """Each group's first row in a list whose row k belongs to groups[k]. Built in C: later rows written
    first, so each group keeps its first row (a book: 37,732 rows)."""
    n = len(groups)
    return dict(zip(reversed(groups), range(n - 1, -1, -1), strict=True))


def follow_group(view: QTableView, group_of: Callable[[int], int], first_row: int | None, group: int) -> None:
    """Select list row `first_row`, the first entry of table row `group`, unless the current entry is of
    that table row already (the user may have picked its second one); no selection where it is None.
    `group_of(k)` is the table row of list row k."""
    current = view.currentIndex()
    if current.isValid() and group_of(current.row()) == group:
        return
    if first_row is None:
        view.clearSelection()
        view.setCurrentIndex(QModelIndex())
        return
    index = view.model().index(first_row, 0)
    if not view.viewport().rect().contains(view.visualRect(index).center()):
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)  # with its neighbours
    view.selectRow(first_row)
