"""The changes dock: every change, riskiest kind first, filterable by kind; activating one jumps to its row."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...engine.lexicon.hidden import escaped
from ...engine.model import ChangeKind
from ...styles import CHANGE_STYLES
from ...wording import plural
from .. import theme
from ..prepared import ChangeEntry, Prepared
from .following import EntryList, follow_group, list_view, short
from .kinds_filter import KindsFilter, swatch

Index = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Kind", "Left", "Right", "Row", "✓")
MARK_COLUMN = 4
# The review marks' shapes, as the table's match column draws them (table/cells.py).
MARK_SYMBOLS = {"checked": "✓", "accepted": "★", "disputed": "⚑"}
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ChangesModel(EntryList):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: tuple[ChangeEntry, ...] = ()
        self.shown: list[ChangeEntry] = []
        self.hidden_kinds: set[ChangeKind] = set()
        self.marks: Mapping[tuple[int, object], tuple[str, str]] = {}  # (group, change) -> (status, note)
        self.keep: Callable[[ChangeEntry], bool] | None = None  # the review marks' filter

    def set_entries(self, entries: tuple[ChangeEntry, ...]) -> None:
        self.beginResetModel()
        self.all = entries
        self._filter()
        self.endResetModel()

    def set_hidden_kinds(self, kinds: set[ChangeKind]) -> None:
        self.beginResetModel()
        self.hidden_kinds = set(kinds)
        self._filter()
        self.endResetModel()

    def set_marks(self, marks: Mapping[tuple[int, object], tuple[str, str]]) -> None:
        self.marks = marks
        if self.keep is not None:
            self.set_keep(self.keep)
        elif self.shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.shown) - 1, MARK_COLUMN))

    def set_keep(self, keep: Callable[[ChangeEntry], bool] | None) -> None:
        self.beginResetModel()
        self.keep = keep
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        hidden = self.hidden_kinds
        self.shown = [e for e in self.all if e.change.kind not in hidden] if hidden else list(self.all)
        if self.keep is not None:
            self.shown = [e for e in self.shown if self.keep(e)]
        self._first_row = None

    def mark_of(self, entry: ChangeEntry) -> tuple[str, str] | None:
        return self.marks.get((entry.group, entry.change))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.shown[index.row()]
        change, column = entry.change, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return CHANGE_STYLES[change.kind].label
            if column == 1:
                return short(change.left_text, 80) or "—"
            if column == 2:
                return short(change.right_text, 80) or "—"
            if column == MARK_COLUMN:
                mark = self.mark_of(entry)
                return (MARK_SYMBOLS.get(mark[0], "") + ("✎" if mark[1] else "")) if mark else ""
            return entry.group + 1
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch(change.kind, theme.is_dark())
        if role == Qt.ItemDataRole.BackgroundRole and column in (1, 2):
            return QColor(theme.kind_color(change.kind, theme.is_dark()))
        if role == Qt.ItemDataRole.ToolTipRole:
            style = CHANGE_STYLES[change.kind]
            tip = f"{style.label}: {style.description}\n“{escaped(change.left_text)}” → “{escaped(change.right_text)}”\nRow {entry.group + 1}"
            if mark := self.mark_of(entry):
                tip += f"\nMarked {mark[0]}" + (f": {escaped(mark[1])}" if mark[1] else "")
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return _ALIGN_RIGHT
        if role == EntryRole:
            return entry
        return None


class ChangesPanel(QWidget):
    change_activated = Signal(object)  # ChangeEntry
    hidden_kinds_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.model = ChangesModel(self)
        self.view = list_view(self, self.model, "changesView", "Changes, riskiest first")
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would read thousands of rows of a book's change list.
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MARK_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, metrics.horizontalAdvance("Punctuation") + 40)
        header.resizeSection(3, metrics.horizontalAdvance("000000") + 12)
        header.resizeSection(MARK_COLUMN, metrics.horizontalAdvance("★✎") + 12)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)

        self.kinds_button = QToolButton(self)
        self.kinds_button.setObjectName("kindsButton")
        self.kinds_button.setText("Kinds…")
        self.kinds_button.setToolTip("Choose which kinds of change to list (the list stays open while you tick)")
        self._counts: Mapping[ChangeKind, int] = {}
        self.kinds = KindsFilter(self)
        self.kinds.changed.connect(self._kinds_toggled)
        self.kinds_button.clicked.connect(lambda: self.kinds.popup_under(self.kinds_button))
        self.count_label = QLabel(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kinds_button)
        top.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def set_prepared(self, prepared: Prepared | None) -> None:
        self.model.set_entries(prepared.changes if prepared else ())
        self._counts = prepared.counts if prepared else {}
        self.kinds.set_counts(self._counts, theme.is_dark())
        self._update_count()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:  # View > Theme: swatches of the other palette
            self.kinds.set_counts(self._counts, theme.is_dark())

    def set_marks(self, marks: Mapping[tuple[int, object], tuple[str, str]]) -> None:
        """The review marks on changes, shown in the last column (the review layer keeps them)."""
        self.model.set_marks(marks)
        self._update_count()

    def set_keep(self, keep: Callable[[ChangeEntry], bool] | None) -> None:
        self.model.set_keep(keep)
        self._update_count()

    def current_entry(self) -> ChangeEntry | None:
        index = self.view.currentIndex()
        return self.model.shown[index.row()] if index.isValid() and index.row() < len(self.model.shown) else None

    def hidden_kinds(self) -> set[ChangeKind]:
        return self.kinds.hidden_kinds()

    def set_hidden_kinds(self, kinds: set[ChangeKind]) -> None:
        self.kinds.set_hidden_kinds(kinds)

    def _kinds_toggled(self, *args) -> None:
        self.model.set_hidden_kinds(self.hidden_kinds())
        self._update_count()
        self.hidden_kinds_changed.emit()

    def _update_count(self) -> None:
        shown, total = len(self.model.shown), len(self.model.all)
        self.count_label.setText(
            plural(total, "change") if shown == total else f"{shown:,} of {plural(total, 'change')}"
        )
        hidden = len(self.hidden_kinds())
        self.kinds_button.setText("Kinds…" if not hidden else f"Kinds ({hidden} hidden)…")

    def follow_group(self, group: int) -> None:
        """Select the first listed change of table row `group`, unless one of its changes is selected already."""
        follow_group(self.view, lambda row: self.model.shown[row].group, self.model.first_row_of_group(group), group)

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.shown):
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if entry is not None:
            self.change_activated.emit(entry)
