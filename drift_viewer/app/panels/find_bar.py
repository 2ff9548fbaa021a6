"""Find across both sides: a bar under the table; Enter/F3 next, Shift+F3 or Shift+Enter previous."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ...engine.model import Comparison


def sentence_groups(comparison: Comparison) -> tuple[list[int], list[int]]:
    """For each side, the group index of every sentence."""
    maps = ([0] * len(comparison.left.sentences), [0] * len(comparison.right.sentences))
    for index, group in enumerate(comparison.groups):
        for sentence in group.left:
            maps[0][sentence] = index
        for sentence in group.right:
            maps[1][sentence] = index
    return maps


def matching_groups(comparison: Comparison, needle: str, maps: tuple[list[int], list[int]]) -> set[int]:
    """Groups whose left or right text contains `needle`, any case. One regex pass over each whole text
    (finditer stops at every match, so the GUI thread is never held by one long C call)."""
    if not needle:
        return set()
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    found: set[int] = set()
    for side, groups_of in ((comparison.left, maps[0]), (comparison.right, maps[1])):
        starts = [sentence.start for sentence in side.sentences]
        for match in pattern.finditer(side.text):
            sentence = bisect_right(starts, match.start()) - 1
            if sentence >= 0 and match.end() <= side.sentences[sentence].end:
                found.add(groups_of[sentence])
            elif sentence >= 0:  # the match runs into the next sentence: counts if both are in one group
                after = bisect_left(starts, match.end()) - 1
                if groups_of[after] == groups_of[sentence]:
                    found.add(groups_of[sentence])
    return found


def step(rows: list[int], current: int, forward: bool) -> int | None:
    """The matching row after (or before) `current`, wrapping; None when nothing matches."""
    if not rows:
        return None
    if forward:
        k = bisect_right(rows, current)
        return rows[k % len(rows)]
    k = bisect_left(rows, current) - 1
    return rows[k]  # k == -1 wraps to the last


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
        prev_button = self._button("▲", "Previous match (Shift+F3)")
        next_button = self._button("▼", "Next match (Enter, F3)")
        close_button = self._button("✕", "Close the find bar (Esc)")
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

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():  # the text kept from last time: its highlights, taken off on close, come back
            self.text_changed.emit(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def find_next(self) -> None:
        self.find_requested.emit(self.edit.text(), True)

    def find_previous(self) -> None:
        self.find_requested.emit(self.edit.text(), False)
