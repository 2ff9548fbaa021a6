"""The Facts dock in the window: tabbed beside the Changes list, its View and Go menu entries, and the
reading of the fact table off the GUI thread.

Why read it here and only when the dock is in view: the table is pure Python over every group (about
2.7 CPU-s on the 1 MB New Testament pair, against 9 s for the comparison itself), and most users never
open it; in a thread of its own the GUI thread still gets the GIL every switch interval. The first read
also loads the word frequencies (~0.3 CPU-s, 26 MB for two languages), which the comparison process had
and the window had not.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from ...engine.classify.facttable import FactRow, fact_table
from ...engine.model import Comparison
from .facts import FactsPanel


class _Signals(QObject):
    """From the reading thread to the GUI thread (queued)."""

    read = Signal(int, object)  # the token of the comparison read, its rows


class _Read(QRunnable):
    def __init__(self, token: int, comparison: Comparison, signals: _Signals) -> None:
        super().__init__()
        self.token, self.comparison, self.signals = token, comparison, signals

    def run(self) -> None:
        self.signals.read.emit(self.token, fact_table(self.comparison))


class FactsDock(QObject):
    ready = Signal()  # the facts of the comparison on screen are listed

    def __init__(self, window: QMainWindow, beside: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panel = FactsPanel(window)
        self.dock = QDockWidget("Facts", window)
        self.dock.setObjectName("factsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(beside, self.dock)
        beside.raise_()  # the Changes list stays in front until the user picks the Facts tab
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.read.connect(self._done)
        self._wanted: Comparison | None = None  # the comparison on screen
        self._token = 0  # raised with each comparison shown: a read of an older one is stale
        self._listed = self._reading = -1  # the tokens whose facts the panel shows, and being read
        # A dock behind another's tab keeps isVisible() true and gets no showEvent; this signal says.
        self.in_view = False
        self.dock.visibilityChanged.connect(self._visibility_changed)

    def _visibility_changed(self, visible: bool) -> None:
        self.in_view = visible
        self._read_if_shown()

    def show_comparison(self, comparison: Comparison | None) -> None:
        if comparison is self._wanted:
            return
        self._wanted = comparison
        self._token += 1
        self.panel.set_reading(comparison is not None)
        self._read_if_shown()

    def _read_if_shown(self) -> None:
        wanted, token = self._wanted, self._token
        if wanted is None or token in (self._listed, self._reading) or not self.in_view:
            return
        self._reading = token
        self._pool.start(_Read(token, wanted, self._signals))

    def _done(self, token: int, rows: list[FactRow]) -> None:
        if token == self._reading:
            self._reading = -1
        if token != self._token:
            self._read_if_shown()  # a stale answer: the pair on screen may still need reading
            return
        self._listed = token
        self.panel.set_rows(rows)
        self.ready.emit()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def focus(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _menu(window: QMainWindow, title: str) -> QMenu | None:
    return next((a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title), None)  # type: ignore[return-value]


def _insert_after(menu: QMenu | None, after: QAction | None, action: QAction) -> None:
    if menu is None:
        return
    entries = menu.actions()
    at = entries.index(after) + 1 if after in entries else len(entries)
    menu.insertAction(entries[at], action) if at < len(entries) else menu.addAction(action)


def install(window: QMainWindow, changes_dock: QDockWidget, focus_changes: QAction) -> FactsDock:
    """The Facts dock tabbed with `changes_dock`, View > Facts Panel, and Go > Go to Facts Panel (Ctrl+3)
    after `focus_changes`. The window calls `show_comparison` with each comparison it shows."""
    facts = FactsDock(window, changes_dock)
    toggle = facts.dock.toggleViewAction()
    toggle.setText("&Facts Panel")
    toggle.setToolTip("Show or hide the fact table: names, numbers, dates and quotations of both sides")
    _insert_after(_menu(window, "View"), changes_dock.toggleViewAction(), toggle)
    go = QAction("Go to F&acts Panel", window)
    go.setObjectName("focus_facts")
    go.setShortcut(QKeySequence("Ctrl+3"))
    go.setStatusTip("Move the keyboard focus to the fact table (Ctrl+3)")
    go.triggered.connect(facts.focus)
    _insert_after(_menu(window, "Go"), focus_changes, go)
    window.addAction(go)  # the shortcut works with the menu bar hidden
    return facts
