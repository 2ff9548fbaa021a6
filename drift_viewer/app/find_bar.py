"""Find across both sides: a bar under the table; Enter/F3 next, Shift+F3 or Shift+Enter previous."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..engine.model import Comparison


def find_group(
    comparison: Comparison, visible: list[int], needle: str, start_row: int, forward: bool = True
) -> int | None:
    """The next row (wrapping) after `start_row` whose left or right text contains `needle`, any case."""
    if not needle or not visible:
        return None
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    left, right, groups = comparison.left, comparison.right, comparison.groups
    count = len(visible)
    step = 1 if forward else -1
    for k in range(1, count + 1):
        row = (start_row + step * k) % count
        group = groups[visible[row]]
        if pattern.search(left.group_text(group.left)) or pattern.search(right.group_text(group.right)):
            return row
    return None


class FindBar(QWidget):
    find_requested = Signal(str, bool)  # text, forward
    text_changed = Signal(str)
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in both texts")
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        prev_button = QToolButton(self, text="▲", toolTip="Previous match (Shift+F3)")
        next_button = QToolButton(self, text="▼", toolTip="Next match (Enter, F3)")
        close_button = QToolButton(self, text="✕", toolTip="Close the find bar (Esc)")
        prev_button.clicked.connect(self.find_previous)
        next_button.clicked.connect(self.find_next)
        close_button.clicked.connect(self.close_bar)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(self.text_changed)
        QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), self.edit, self.find_previous)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self, self.close_bar, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(prev_button)
        layout.addWidget(next_button)
        layout.addWidget(self.status)
        layout.addWidget(close_button)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find_next(self) -> None:
        self.find_requested.emit(self.edit.text(), True)

    def find_previous(self) -> None:
        self.find_requested.emit(self.edit.text(), False)
