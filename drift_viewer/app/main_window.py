"""The main window: wires files, the comparison worker, the aligned view and its panels together."""

from __future__ import annotations

import itertools
import json
import os
from bisect import bisect_left, bisect_right
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..engine.model import RISK_ORDER, GroupKind, Options
from . import menus
from .changes_panel import ChangesPanel
from .find_bar import FindBar, matching_groups, sentence_groups, step
from .opening import closest_respelling, opening_offset
from .overview import OverviewStrip
from .prepare import ChangeEntry, Prepared, summary
from .settings import OPTION_KEYS, Store
from .table_model import GroupTableModel
from .view import AlignedView
from .worker import CompareRunner, Failure

RISKY_RANK_LIMIT = 4  # name, number, negation, quote: worth scrolling to on opening
PLACING_ROWS_PER_STEP = 4  # rows measured per event-loop turn while placing a new answer (~10-30 ms)


class MainWindow(QMainWindow):
    comparison_ready = Signal()
    comparison_failed = Signal(object)  # Failure

    def __init__(self, store: Store | None = None, quiet: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("drift-viewer")
        self.setAcceptDrops(True)
        self.store = store or Store()
        self.quiet = quiet  # screenshot mode: no dialogs, no saved settings
        self.left_path: str | None = None
        self.right_path: str | None = None
        self.prepared: Prepared | None = None
        self._shown_paths: tuple[str | None, str | None] = (None, None)
        self._restore_group: int | None = None  # keep this group on top after a recompute
        self._base_point_size = QFont().pointSizeF()
        self._zoom_steps = 0
        self._placing = None  # the steps putting the newest answer on screen, while they run
        self._find_cache: tuple[tuple, list[int]] = ((), [])
        self._sentence_groups: tuple[Prepared | None, tuple[list[int], list[int]]] = (None, ([], []))

        self.model = GroupTableModel(self)
        self.view = AlignedView(self.model, self)
        self.overview = OverviewStrip(self.model, self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.view, 1)
        row.addWidget(self.overview)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.changes = ChangesPanel(self)
        self.changes_dock = QDockWidget("Changes", self)
        self.changes_dock.setObjectName("changesDock")
        self.changes_dock.setWidget(self.changes)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes_dock)
        self.resizeDocks([self.changes_dock], [480], Qt.Orientation.Horizontal)

        self.runner = CompareRunner(self)
        self._build_status_bar()
        menus.build(self)

        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.busy_changed.connect(self._on_busy)
        self.changes.change_activated.connect(self.go_to_change)
        self.overview.row_clicked.connect(self._overview_clicked)
        self.view.rows_fitted.connect(self._update_overview_frame)
        self.find_bar.find_requested.connect(self.find)
        self.find_bar.text_changed.connect(self._find_text_changed)
        self._load_settings()
        self.update_recent_menu()
        self._update_enabled()

    # --- building --------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.files_label = QLabel(self)
        self.files_label.setObjectName("filesLabel")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.setAccessibleName("Comparison progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop the running comparison (Esc)")
        self.cancel_button.setShortcut("Esc")
        self.cancel_button.clicked.connect(self.runner.cancel)
        bar.addWidget(self.files_label)
        bar.addWidget(self.summary_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _load_settings(self) -> None:
        if self.quiet:
            return
        options = self.store.options()
        for key in OPTION_KEYS:
            action = self.actions[key]
            action.blockSignals(True)
            action.setChecked(options[key])
            action.blockSignals(False)
        self.model.hide_equal = options["hide_equal"]
        self.changes.set_hidden_kinds(self.store.hidden_kinds())
        self.zoom(self.store.zoom(), absolute=True)
        geometry, state = self.store.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_settings(self) -> None:
        if self.quiet:
            return
        self.store.set_options({key: self.actions[key].isChecked() for key in OPTION_KEYS})
        self.store.set_hidden_kinds(self.changes.hidden_kinds())
        self.store.set_zoom(self._zoom_steps)
        self.store.set_geometry(self.saveGeometry(), self.saveState())
        self.store.sync()

    def closeEvent(self, event) -> None:
        self.runner.shutdown()
        self.save_settings()
        super().closeEvent(event)

    # --- files -----------------------------------------------------------------------------------

    def options(self) -> Options:
        a = self.actions
        return Options(
            ignore_case=a["ignore_case"].isChecked(),
            ignore_punctuation=a["ignore_punctuation"].isChecked(),
            ignore_typography=a["ignore_typography"].isChecked(),
            ignore_whitespace=a["ignore_whitespace"].isChecked(),
        )

    def open_pair(self, left: str | os.PathLike, right: str | os.PathLike) -> None:
        self.left_path, self.right_path = str(left), str(right)
        self._restore_group = None
        self.compare()

    def open_side(self, side: int, path: str | os.PathLike) -> None:
        if side == 0:
            self.left_path = str(path)
        else:
            self.right_path = str(path)
        self._restore_group = None
        self.compare()

    def choose_left(self) -> None:
        self._choose(0)

    def choose_right(self) -> None:
        self._choose(1)

    def _choose(self, side: int) -> None:
        current = self.left_path if side == 0 else self.right_path
        start = str(Path(current).parent) if current else ""
        title = "Open Left (Original) File" if side == 0 else "Open Right (Other Version) File"
        path, _ = QFileDialog.getOpenFileName(self, title, start, "Text files (*.txt *.md *.html *.htm);;All files (*)")
        if path:
            self.open_side(side, path)

    def swap_sides(self) -> None:
        if self.left_path and self.right_path:
            self.open_pair(self.right_path, self.left_path)

    def reload(self) -> None:
        self._restore_group = self.view.top_group()
        self.compare()

    def compare(self) -> None:
        self._update_enabled()
        if not (self.left_path and self.right_path):
            missing = "right" if self.left_path else "left"
            self.summary_label.setText(f"Open a {missing} file to compare (File menu, or drop a file on that side).")
            return
        self.runner.start(self.left_path, self.right_path, self.options())

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) >= 2:
            self.open_pair(paths[0], paths[1])
            return
        # One file: the side of the table it was dropped on (the left half of the window otherwise).
        point = self.view.viewport().mapFrom(self, event.position().toPoint())
        split = self.view.columnViewportPosition(1)
        if not 0 <= point.y() < self.view.viewport().height() or split <= 0:
            side = 0 if event.position().x() < self.width() / 2 else 1
        else:
            side = 0 if point.x() < split else 1
        self.open_side(side, paths[0])

    def update_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        pairs = self.store.recent()
        for k, (left, right) in enumerate(pairs):
            action = menu.addAction(f"&{k + 1}  {Path(left).name} ⇄ {Path(right).name}")
            action.setToolTip(f"{left}\n{right}")
            action.triggered.connect(lambda checked=False, lr=(left, right): self.open_pair(*lr))
        if pairs:
            menu.addSeparator()
            menu.addAction("&Clear Recent", self._clear_recent)
        menu.setEnabled(bool(pairs))

    def _clear_recent(self) -> None:
        self.store.clear_recent()
        self.update_recent_menu()

    # --- the worker's answers --------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat("Comparing… %p%")
        self._update_enabled()

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.progress_bar.setFormat(f"{stage} %p%")

    def _on_finished(self, prepared: Prepared) -> None:
        new_pair = (self.left_path, self.right_path) != self._shown_paths or self.prepared is None
        restore = None if new_pair else self._restore_group
        if restore is None and not new_pair:
            restore = self.view.top_group()
        self.prepared = prepared
        self._shown_paths = (self.left_path, self.right_path)
        self.model.set_prepared(prepared)
        self.changes.set_prepared(prepared)
        self._update_status()
        if not self.quiet and self.left_path and self.right_path:
            self.store.add_recent(os.path.abspath(self.left_path), os.path.abspath(self.right_path))
            self.update_recent_menu()
        # Placing the view measures a couple of screens of rows: done a few rows per turn of the event
        # loop, so that on a book the window never freezes for the whole of it.
        self._placing = self._place_view(restore)
        QTimer.singleShot(0, lambda: self._step_placing(self._placing))

    def _step_placing(self, placing) -> None:
        if placing is not self._placing:
            return  # a newer answer started its own placing
        if next(placing, None) is not None:
            QTimer.singleShot(0, lambda: self._step_placing(placing))
            return
        self._placing = None
        self._restore_group = None
        self._update_enabled()
        self.comparison_ready.emit()

    def _place_view(self, restore: int | None):
        """Steps (yielding True while there is more to do) that put the answer on screen."""
        if restore is not None:
            self.view.jump_to_group(restore, flash=False)
            self.view.clearSelection()
            return
        yield from self._show_risky_changes()

    def _show_risky_changes(self):
        """A journalist wants names, numbers, negations and quotes first: start the table where the
        most of them show near the top (see `opening`), and select in the panel the riskiest one in view."""
        view = self.view
        # No paints between steps: they would draw the top of the text just before it scrolls away.
        view.viewport().setUpdatesEnabled(False)
        try:
            yield from self._scroll_to_risky_rows()
        finally:
            view.viewport().setUpdatesEnabled(True)

    def _scroll_to_risky_rows(self):
        view, model = self.view, self.model
        view.scrollToTop()
        entries = self.changes.model.shown
        if not entries or entries[0].kind not in RISK_ORDER[:RISKY_RANK_LIMIT]:
            view.fit_visible_rows()
            return
        top_kind, risky = entries[0].kind, set(RISK_ORDER[:RISKY_RANK_LIMIT])
        screen = view.viewport().height()
        kinds = self.prepared.group_kinds if self.prepared else ()
        heights: list[int] = []
        scores: list[tuple[int, int]] = []
        row = 0
        while row < model.rowCount() and sum(heights) < 2 * screen:  # two screens: the window can move one down
            view.fit_rows(row, row)
            heights.append(view.rowHeight(row))
            kind = kinds[model.group_at(row)]
            scores.append((int(kind is top_kind), int(kind is not top_kind and kind in risky)))
            row += 1
            if row % PLACING_ROWS_PER_STEP == 0:
                yield True
        view.updateGeometries()  # the scroll range still dates from before the reset and would clamp the offset
        offset = opening_offset(heights, scores, screen)
        view.verticalScrollBar().setValue(offset)
        top_row = bisect_right(list(itertools.accumulate(heights)), offset)
        yield True
        view.fit_visible_rows()
        view.align_top(top_row)  # fitting rows near the top can shift it: no half row at the top
        yield True
        # Only the leading run of the riskiest kind is looked at: a book lists tens of thousands of changes.
        in_view = [
            (k, e)
            for k, e in enumerate(itertools.takewhile(lambda e: e.kind is top_kind, entries))
            if view.row_fully_visible(model.row_of_group(e.group))
        ]
        if not in_view:
            self.changes.select_row(0)
            return
        best = closest_respelling([(e.change.left_text, e.change.right_text) for _, e in in_view])
        self.changes.select_row(in_view[best][0])

    def _on_failed(self, failure: Failure) -> None:
        self.left_path, self.right_path = self._shown_paths  # the comparison on screen is still the truth
        self._restore_group = None
        self._update_enabled()
        self.comparison_failed.emit(failure)
        if self.quiet:
            return
        if failure.path:
            text = f"Cannot read “{Path(failure.path).name}”: {failure.message}"
        else:
            text = f"The comparison failed: {failure.message}"
        self.message(QMessageBox.Icon.Warning, text, failure.path or "", failure.details)

    def message(self, icon: QMessageBox.Icon, text: str, informative: str = "", details: str = "") -> None:
        """Every dialog the window shows goes through here (tests record them by patching QMessageBox.exec)."""
        box = QMessageBox(icon, "drift-viewer", text, QMessageBox.StandardButton.Ok, self)
        if informative:
            box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.exec()

    def _update_status(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        comp = prepared.comparison
        self.files_label.setText(f"{comp.left.document.name}  ⇄  {comp.right.document.name}")
        self.summary_label.setText(summary(prepared))
        self.setWindowTitle(f"{comp.left.document.name} ⇄ {comp.right.document.name} — drift-viewer")

    def _update_enabled(self) -> None:
        has = self.prepared is not None
        for name in ("next_change", "previous_change", "export_html", "export_json", "find", "copy", "show_text"):
            self.actions[name].setEnabled(has)
        self.actions["swap"].setEnabled(bool(self.left_path and self.right_path))
        self.actions["reload"].setEnabled(bool(self.left_path and self.right_path))

    # --- navigation ------------------------------------------------------------------------------

    def changed_rows(self) -> list[int]:
        if self.prepared is None:
            return []
        kinds = self.prepared.group_kinds
        groups = self.prepared.comparison.groups
        return [
            row
            for row, group in enumerate(self.model.visible)
            if kinds[group] is not None or groups[group].kind is not GroupKind.EQUAL
        ]

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        if index.isValid() and self.view.visualRect(index).intersects(self.view.viewport().rect()):
            return index.row()
        return self.view.rowAt(0) - 1 if self.view.rowAt(0) > 0 else -1

    def next_change(self) -> None:
        rows = self.changed_rows()
        k = bisect_right(rows, self._current_row())
        if k < len(rows):
            self.view.jump_to_row(rows[k])

    def previous_change(self) -> None:
        rows = self.changed_rows()
        current = self.view.currentIndex().row() if self.view.currentIndex().isValid() else self.view.rowAt(0)
        k = bisect_left(rows, current) - 1
        if k >= 0:
            self.view.jump_to_row(rows[k])

    def go_to_change(self, entry: ChangeEntry) -> None:
        self.view.jump_to_group(entry.group)

    def _overview_clicked(self, row: int) -> None:
        # Snap to a changed row near the click: a tick is 2px, rows per pixel can be many.
        rows = self.changed_rows()
        tolerance = max(2, int(3 * self.model.rowCount() / max(1, self.overview.height())))
        k = bisect_left(rows, row)
        near = [r for r in rows[max(0, k - 1) : k + 1] if abs(r - row) <= tolerance]
        self.view.jump_to_row(min(near, key=lambda r: abs(r - row)) if near else row)

    def _update_overview_frame(self) -> None:
        first = max(0, self.view.rowAt(0))
        last = self.view.rowAt(self.view.viewport().height() - 1)
        self.overview.set_visible_rows(first, self.model.rowCount() - 1 if last < 0 else last)

    def focus_table(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_changes(self) -> None:
        self.changes_dock.show()
        self.changes.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cycle_focus(self) -> None:
        """F6: table → changes panel → find bar (when open) → table."""
        panes = [self.view, self.changes.view] + ([self.find_bar.edit] if self.find_bar.isVisible() else [])
        panes = [p for p in panes if p.isVisible()]
        if not panes:
            return
        current = next((k for k, p in enumerate(panes) if p.hasFocus()), -1)
        panes[(current + 1) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def find(self, text: str, forward: bool) -> None:
        if self.prepared is None or not text:
            return
        rows = self._matching_rows(text)
        start = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        if start < 0 and not forward:
            start = 0
        row = step(rows, start, forward)
        if row is None:
            self.find_bar.status.setText("Not found")
            return
        self.find_bar.status.setText(f"{bisect_left(rows, row) + 1} of {len(rows)} rows")
        self.view.jump_to_row(row, flash=False)

    def _matching_rows(self, text: str) -> list[int]:
        """Rows whose text holds `text`, cached until the text, the comparison or the filter changes."""
        assert self.prepared is not None
        key = (text.casefold(), id(self.prepared), self.model.hide_equal)
        if self._find_cache[0] != key:
            comparison = self.prepared.comparison
            if self._sentence_groups[0] is not self.prepared:
                self._sentence_groups = (self.prepared, sentence_groups(comparison))
            groups = matching_groups(comparison, text, self._sentence_groups[1])
            self._find_cache = (key, [row for row, group in enumerate(self.model.visible) if group in groups])
        return self._find_cache[1]

    def _find_text_changed(self, text: str) -> None:
        self.find_bar.status.clear()  # the count is of the text last searched for
        self.view.delegate.find_text = text
        self.view.delegate.forget_heights()
        self.view.viewport().update()

    # --- options and view ------------------------------------------------------------------------

    def options_changed(self, *args) -> None:
        self._restore_group = self.view.top_group()
        self.save_settings()
        self.compare()

    def set_hide_equal(self, hide: bool) -> None:
        top = self.view.top_group()
        self.model.set_hide_equal(hide)
        if top is not None:
            self.view.jump_to_group(top, flash=False)
        self.save_settings()

    def zoom(self, steps: int, absolute: bool = False) -> None:
        """Zoom by `steps` points (0 resets); the table keeps its top row."""
        self._zoom_steps = steps if absolute else (0 if steps == 0 else max(-6, min(24, self._zoom_steps + steps)))
        font = QFont(self.view.font())
        font.setPointSizeF(max(6.0, self._base_point_size + self._zoom_steps))
        top = self.view.top_group()
        self.view.setFont(font)
        if top is not None:
            QTimer.singleShot(0, lambda: self.view.jump_to_group(top, flash=False))

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About drift-viewer",
            f"<h3>drift-viewer {__version__}</h3><p>See how a text drifted between two versions: aligned "
            "sentences, changed words, and what kind of change each one is.</p>",
        )

    # --- exports ---------------------------------------------------------------------------------

    def _save_path(self, title: str, suffix: str, filter_: str) -> str | None:
        stem = Path(self.left_path or "comparison").stem
        start = str(Path(self.left_path or ".").parent / f"{stem}-drift{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, title, start, filter_)
        return path or None

    def export_html(self) -> None:
        if self.prepared is None:
            return
        try:
            from ..report import write_report
        except ImportError:
            self.message(
                QMessageBox.Icon.Information, "The HTML report is not available yet in this version of drift-viewer."
            )
            return
        path = self._save_path("Export HTML Report", ".html", "HTML files (*.html)")
        if path:
            self._export(lambda: write_report(self.prepared.comparison, path), path)

    def export_json(self) -> None:
        if self.prepared is None:
            return
        from ..engine.serialize import to_dict

        path = self._save_path("Export JSON", ".json", "JSON files (*.json)")
        if not path:
            return

        def write() -> None:
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(to_dict(self.prepared.comparison, __version__), fh, ensure_ascii=False, indent=1)

        self._export(write, path)

    def _export(self, write, path: str) -> None:
        try:
            write()
        except OSError as exc:
            self.message(QMessageBox.Icon.Warning, f"Cannot write “{Path(path).name}”: {exc.strerror or exc}", path)
            return
        self.statusBar().showMessage(f"Saved {path}", 5000)
