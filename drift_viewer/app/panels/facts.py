"""The facts dock: every name, number, date, percentage, quotation and code of each side beside its
counterpart, with its status (engine.classify.facttable), riskiest status first; filterable by status and
kind; activating a row jumps to its table row. `facts_dock.install` puts it beside the Changes list and
reads the table in the background."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...engine.classify.facttable import FactKind, FactRow, FactStatus
from ...engine.lexicon.hidden import escaped
from ...factlook import KIND_LABEL, STATUS_HELP, STATUS_ORDER, colour_kind, ordered, side_counts, status_label
from ...wording import plural
from .. import theme
from .following import EntryList, follow_group, list_view, short

Index = QModelIndex | QPersistentModelIndex
FactRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Status", "Kind", "Left", "Right", "Row")
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DIFFER = "differ"  # the status filter's "everything but same"


class FactsModel(EntryList):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: list[FactRow] = []
        self.shown: list[FactRow] = []
        self.status: FactStatus | str | None = None  # None: every status; DIFFER: all but same
        self.kind: FactKind | None = None

    def set_rows(self, rows: list[FactRow]) -> None:
        self.beginResetModel()
        self.all = ordered(rows)
        self._filter()
        self.endResetModel()

    def set_filter(self, status: FactStatus | str | None, kind: FactKind | None) -> None:
        self.beginResetModel()
        self.status, self.kind = status, kind
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        status, kind = self.status, self.kind
        self.shown = [
            r
            for r in self.all
            if (status is None or r.status == status or (status == DIFFER and r.status is not FactStatus.SAME))
            and (kind is None or r.kind == kind)  # a combo box gives back the str
        ]
        self._first_row = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        fact, column = self.shown[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                status_label(fact.status),
                KIND_LABEL[fact.kind],
                short(fact.left_text, 60) or "—",
                short(fact.right_text, 60) or "—",
                fact.group + 1,
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            kind = colour_kind(fact)
            return QColor(theme.kind_color(kind, theme.is_dark())) if kind is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{KIND_LABEL[fact.kind]}, {fact.status.value}: {STATUS_HELP[fact.status]}\n"
                f"“{escaped(fact.left_text)}” → “{escaped(fact.right_text)}”\nRow {fact.group + 1}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a screen reader hears words, not "≠"
            text = (fact.status.value, KIND_LABEL[fact.kind], fact.left_text or "none", fact.right_text or "none")
            return text[column] if column < 4 else f"row {fact.group + 1}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return _ALIGN_RIGHT
        if role == FactRole:
            return fact
        return None


class FactsPanel(QWidget):
    fact_activated = Signal(object)  # FactRow

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("factsPanel")
        self.model = FactsModel(self)
        self.view = list_view(self, self.model, "factsView", "Facts of both sides, riskiest status first")
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for column, sample in ((0, "≠ respelled"), (1, "Percentage"), (4, "000000")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)

        self.status_box = QComboBox(self)
        self.status_box.setObjectName("factStatusFilter")
        self.status_box.setAccessibleName("Show facts of status")
        self.status_box.setToolTip("Show only the facts of one status")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("factKindFilter")
        self.kind_box.setAccessibleName("Show facts of kind")
        self.kind_box.setToolTip("Show only one kind of fact")
        status_label_ = QLabel("&Status:", self)
        status_label_.setBuddy(self.status_box)
        kind_label = QLabel("&Kind:", self)
        kind_label.setBuddy(self.kind_box)
        self._fill_boxes([])
        self.status_box.currentIndexChanged.connect(self._filter_changed)
        self.kind_box.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("factCount")
        self.sides_label = QLabel(self)
        self.sides_label.setObjectName("factSides")
        self.sides_label.setWordWrap(True)
        self.sides_label.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (status_label_, self.status_box, kind_label, self.kind_box):
            top.addWidget(widget)
        top.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.sides_label)
        layout.addWidget(self.view)
        self.set_reading()

    def set_reading(self, reading: bool = False) -> None:
        """Between a comparison's arrival and its facts: say so instead of showing the last pair's."""
        self.model.set_rows([])
        self._fill_boxes([])
        self.count_label.setText("Reading facts…" if reading else "")
        self.sides_label.setText("")

    def set_rows(self, rows: list[FactRow]) -> None:
        self.model.set_rows(rows)
        self._fill_boxes(rows)
        self.sides_label.setText(f"Left: {side_counts(rows, 0)}\nRight: {side_counts(rows, 1)}")
        self._filter_changed()

    def _fill_boxes(self, rows: list[FactRow]) -> None:
        """Each choice with its count; the current choice is kept across comparisons."""
        status_now, kind_now = self.status_box.currentData(), self.kind_box.currentData()
        differ = sum(r.status is not FactStatus.SAME for r in rows)
        statuses: list[tuple[str, object]] = [(f"All ({len(rows):,})", None), (f"Not same ({differ:,})", DIFFER)]
        statuses += [(f"{status_label(s)} ({sum(r.status is s for r in rows):,})", s) for s in STATUS_ORDER]
        kinds: list[tuple[str, object]] = [(f"All ({len(rows):,})", None)]
        kinds += [(f"{KIND_LABEL[k]} ({sum(r.kind is k for r in rows):,})", k) for k in FactKind]
        for box, items, now in ((self.status_box, statuses, status_now), (self.kind_box, kinds, kind_now)):
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(now)))
            box.blockSignals(False)

    def _filter_changed(self, *args) -> None:
        self.model.set_filter(self.status_box.currentData(), self.kind_box.currentData())
        shown, total = len(self.model.shown), len(self.model.all)
        self.count_label.setText(plural(total, "fact") if shown == total else f"{shown:,} of {plural(total, 'fact')}")

    def follow_group(self, group: int) -> None:
        """Select the first listed fact of table row `group`, unless one of its facts is selected already."""
        follow_group(self.view, lambda row: self.model.shown[row].group, self.model.first_row_of_group(group), group)

    def _activated(self, index: QModelIndex) -> None:
        fact = index.data(FactRole)
        if fact is not None:
            self.fact_activated.emit(fact)
