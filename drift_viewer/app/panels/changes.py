"""The changes dock: every change, riskiest kind first, filterable by kind; activating one jumps to its row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...engine.lexicon.hidden import escaped
from ...engine.model import RISK_ORDER, ChangeKind
from ...styles import CHANGE_STYLES
from ...wording import plural
from .. import theme
from ..prepared import ChangeEntry, Prepared

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
EntryRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Kind", "Left", "Right", "Row")
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _short(text: str, limit: int = 80) -> str:
    # Invisible characters as ⟨RLO⟩, ⟨ZWSP⟩: raw, a bidi control would show "gnirts" as "string".
    text = " ".join(escaped(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def swatch(kind: ChangeKind, dark: bool, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(theme.kind_color(kind, dark))
    return QIcon(pixmap)


class ChangesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: tuple[ChangeEntry, ...] = ()
        self.shown: list[ChangeEntry] = []
        self.hidden_kinds: set[ChangeKind] = set()

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

    def _filter(self) -> None:
        hidden = self.hidden_kinds
        self.shown = [e for e in self.all if e.change.kind not in hidden] if hidden else list(self.all)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.shown[index.row()]
        change, column = entry.change, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return CHANGE_STYLES[change.kind].label
            if column == 1:
                return _short(change.left_text) or "—"
            if column == 2:
                return _short(change.right_text) or "—"
            return entry.group + 1
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch(change.kind, theme.is_dark())
        if role == Qt.ItemDataRole.BackgroundRole and column in (1, 2):
            return QColor(theme.kind_color(change.kind, theme.is_dark()))
        if role == Qt.ItemDataRole.ToolTipRole:
            style = CHANGE_STYLES[change.kind]
            return f"{style.label}: {style.description}\n“{escaped(change.left_text)}” → “{escaped(change.right_text)}”\nRow {entry.group + 1}"
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
        self.view = QTableView(self)
        self.view.setObjectName("changesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the next pane instead of along the row
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAccessibleName("Changes, riskiest first")
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would read thousands of rows of a book's change list.
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, metrics.horizontalAdvance("Punctuation") + 40)
        header.resizeSection(3, metrics.horizontalAdvance("000000") + 12)
        self.view.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)

        self.kinds_button = QToolButton(self)
        self.kinds_button.setText("Kinds")
        self.kinds_button.setToolTip("Choose which kinds of change to list")
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.kinds_button)
        self.kind_actions: dict[ChangeKind, QAction] = {}
        for kind in RISK_ORDER:
            action = QAction(CHANGE_STYLES[kind].label, menu, checkable=True, checked=True)
            action.setToolTip(CHANGE_STYLES[kind].description)
            action.toggled.connect(self._kinds_toggled)
            menu.addAction(action)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(menu)
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
        counts = prepared.counts if prepared else {}
        dark = theme.is_dark()
        for kind, action in self.kind_actions.items():
            action.setText(f"{CHANGE_STYLES[kind].label} ({counts.get(kind, 0)})")
            action.setIcon(swatch(kind, dark))
        self._update_count()

    def hidden_kinds(self) -> set[ChangeKind]:
        return {kind for kind, action in self.kind_actions.items() if not action.isChecked()}

    def set_hidden_kinds(self, kinds: set[ChangeKind]) -> None:
        for kind, action in self.kind_actions.items():
            action.blockSignals(True)
            action.setChecked(kind not in kinds)
            action.blockSignals(False)
        self._kinds_toggled()

    def _kinds_toggled(self, *args) -> None:
        self.model.set_hidden_kinds(self.hidden_kinds())
        self._update_count()
        self.hidden_kinds_changed.emit()

    def _update_count(self) -> None:
        shown, total = len(self.model.shown), len(self.model.all)
        self.count_label.setText(
            plural(total, "change") if shown == total else f"{shown:,} of {plural(total, 'change')}"
        )

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.shown):
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if entry is not None:
            self.change_activated.emit(entry)
