"""What the Changes and Facts lists share: each lists entries that belong to table rows (groups), in a
read-only one-row-a-line view, shortens long wordings alike, and follows the table's current row by
selecting that row's first entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ...engine.lexicon.hidden import escaped

_ROOT = QModelIndex()


def short(text: str, limit: int) -> str:
    """One line of at most `limit` characters; invisible characters as ⟨RLO⟩, ⟨ZWSP⟩: raw, a bidi control
    would show "gnirts" as "string"."""
    text = " ".join(escaped(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EntryList(QAbstractTableModel):
    """A list of entries (`shown`), each with its table row in `.group`, under the headers COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.shown: list[Any] = []
        self._first_row: dict[int, int] | None = None  # group -> its first row here, built when first asked

    def first_row_of_group(self, group: int) -> int | None:
        """The row of the first listed entry of `group` (a subclass lists them riskiest first)."""
        if self._first_row is None:
            self._first_row = first_rows([entry.group for entry in self.shown])
        return self._first_row.get(group)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None


def list_view(parent: QWidget, model: EntryList, name: str, accessible_name: str) -> QTableView:
    """A read-only list of `model`: whole rows selected one at a time, one line each, and Tab moving on to
    the next pane instead of along the row."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAccessibleName(accessible_name)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    return view


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
