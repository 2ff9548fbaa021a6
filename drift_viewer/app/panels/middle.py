"""Three versions in the window (`drift-viewer A B C`): the table shows A beside C, the round trip's
drift; this dock, beneath the table, shows the middle version B's sentences of the current row, so each
row reads A | C with B beneath. Hidden for a pair."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit

from ...engine.lexicon.hidden import escaped
from ..prepared import Prepared


class MiddleDock(QDockWidget):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__("Middle version", window)
        self.setObjectName("middleDock")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("middleText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("The middle version's sentences of the current row")
        self.text.setMaximumBlockCount(0)
        self.setWidget(self.text)
        self.middle: tuple[str, ...] = ()
        self.name = ""
        self.window_ = window
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()

    def show_prepared(self, prepared: Prepared) -> None:
        self.middle, self.name = prepared.middle, prepared.middle_name
        self.setVisible(bool(self.middle))
        self.text.setPlainText("")
        if self.middle:  # a few lines high: the table is what the user reads
            self.window_.resizeDocks([self], [self.fontMetrics().height() * 6], Qt.Orientation.Vertical)

    def follow_edit(self, prepared: Prepared) -> None:
        """A hand edit (or its undo): B's sentences follow the edited rows (engine/triple_edit.py)."""
        self.middle = prepared.middle

    def follow_group(self, group: int) -> None:
        if not self.middle or not 0 <= group < len(self.middle):
            return
        text = self.middle[group]
        self.setWindowTitle(f"Middle version (B): {escaped(self.name)}, row {group + 1}")
        # Invisible characters as ⟨RLO⟩, ⟨ZWSP⟩, as everywhere the window shows text outside the table.
        self.text.setPlainText(escaped(text) if text else "(no sentence of B in this row)")
