"""The main window: owns the files and the comparison on screen, and wires the comparison runner, the
aligned table and the panels together. Its actions are in `actions`, menus and toolbar in `menus`,
placing a new answer in `placing`, moving around in `navigation`, exports in `exports`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..._version import __version__
from ...engine.lexicon.hidden import escaped
from ...engine.model import Options
from ..batch import results as batch_results
from ..panels import facts_dock
from ..panels.changes import ChangesPanel
from ..panels.find_bar import FindBar
from ..panels.middle import MiddleDock
from ..panels.overview import OverviewStrip
from ..prepared import Prepared, summary
from ..process.protocol import Failure
from ..process.runner import CompareRunner
from ..review import Review
from ..table.model import GroupTableModel
from ..table.view import AlignedView
from . import exports, file_types, menus
from .actions import build_actions
from .navigation import Navigator
from .pending import PendingRows
from .placing import Placer
from .settings import OPTION_KEYS, Store, first_run_geometry
from .status import IdenticalBanner, StatusBar
from .theming import ThemeChooser

SIDES = ("left", "right")


class MainWindow(QMainWindow):
    comparison_ready = Signal()
    comparison_failed = Signal(object)  # Failure

    def __init__(
        self, store: Store | None = None, quiet: bool = False, first_child: subprocess.Popen[bytes] | None = None
    ) -> None:
        """`first_child`: a comparison process already started (see main.py), else the runner starts one."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("drift-viewer")
        self.setAcceptDrops(True)
        self.store = store or Store()
        self.quiet = quiet  # screenshot mode: no dialogs, no saved settings
        self.left_path: str | None = None
        self.right_path: str | None = None
        self.third_path: str | None = None  # three versions: left A, right B (the middle), third C
        self.prepared: Prepared | None = None
        self._shown_paths: tuple[str | None, str | None] = (None, None)
        self._restore_group: int | None = None  # keep this group on top after a recompute
        self._base_point_size = QFont().pointSizeF()
        self._zoom_steps = 0

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
        self.banner = IdenticalBanner(self)
        column.addWidget(self.banner)
        column.addLayout(row, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.changes = ChangesPanel(self)
        self.changes_dock = QDockWidget("Changes", self)
        self.changes_dock.setObjectName("changesDock")
        self.changes_dock.setWidget(self.changes)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes_dock)
        self.resizeDocks([self.changes_dock], [480], Qt.Orientation.Horizontal)

        self.runner = CompareRunner(self, first_child)
        self.nav = Navigator(self.view, self.overview, self.find_bar, lambda: self.prepared)
        self.placer = Placer(self.view, lambda: self.named_actions["open_at_first_change"].isChecked(), self)
        self._build_status_bar()
        self.themes = ThemeChooser(self, self.store, remember=not quiet)
        self.named_actions: dict[str, QAction] = build_actions(self)
        self.themes.connect(self.named_actions)
        self.recent_menu = menus.build_menus(self, self.named_actions, self.changes_dock.toggleViewAction())
        self.toolbar = menus.build_toolbar(self, self.named_actions)
        batch_results.install(self)  # File > Open Batch Results (drift_viewer/app/batch)
        self.facts = facts_dock.install(self, self.changes_dock, self.named_actions["focus_changes"])
        self.facts.panel.fact_activated.connect(lambda fact: self.view.jump_to_group(fact.group))
        self.middle = MiddleDock(self)
        self.review = Review(self)  # hand edits, undo, review marks, projects, TMX/TSV (drift_viewer/app/review)
        self.pending = PendingRows(self)  # a new pair's aligned rows while their words are compared

        self.runner.progress.connect(self.status.progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.busy_changed.connect(self._on_busy)
        self.runner.cancelled.connect(self._on_cancelled)
        self.placer.placed.connect(self._placed)
        self.changes.change_activated.connect(self.nav.go_to_change)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.overview.row_clicked.connect(self.nav.overview_clicked)
        self.view.rows_fitted.connect(self.nav.update_overview_frame)
        self.find_bar.find_requested.connect(self.nav.find)
        self.find_bar.text_changed.connect(self.nav.find_text_changed)
        self._load_settings()
        self.update_recent()
        self._update_enabled()

    # --- building --------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status = StatusBar(self, self.runner.cancel)
        self.files_label, self.summary_label = self.status.files_label, self.status.summary_label
        self.progress_bar, self.cancel_button = self.status.progress_bar, self.status.cancel_button

    def _load_settings(self) -> None:
        if self.quiet:
            return
        options = self.store.options()
        for key in OPTION_KEYS:
            action = self.named_actions[key]
            action.blockSignals(True)
            action.setChecked(options[key])
            action.blockSignals(False)
        self.model.hide_equal = options["hide_equal"]
        self.changes.set_hidden_kinds(self.store.hidden_kinds())
        self.zoom(self.store.zoom(), absolute=True)
        self.themes.choose(self.store.theme())
        geometry, state = self.store.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(first_run_geometry(screen.availableGeometry()))
        if state is not None:
            self.restoreState(state)

    def save_settings(self, *args) -> None:
        if self.quiet:
            return
        self.store.set_options({key: self.named_actions[key].isChecked() for key in OPTION_KEYS})
        self.store.set_hidden_kinds(self.changes.hidden_kinds())
        self.store.set_zoom(self._zoom_steps)
        self.store.set_geometry(self.saveGeometry(), self.saveState())
        self.store.sync()

    def closeEvent(self, event) -> None:
        if not self.review.may_close():
            event.ignore()
            return
        self.runner.shutdown()
        self.save_settings()
        super().closeEvent(event)

    # --- files -----------------------------------------------------------------------------------

    def options(self) -> Options:
        a = self.named_actions
        ignoring = Options(
            ignore_case=a["ignore_case"].isChecked(),
            ignore_punctuation=a["ignore_punctuation"].isChecked(),
            ignore_typography=a["ignore_typography"].isChecked(),
            ignore_whitespace=a["ignore_whitespace"].isChecked(),
        )
        return self.review.projects.options(ignoring)  # over an opened project's other options

    def open_pair(self, left: str | os.PathLike, right: str | os.PathLike, third: str | None = None) -> None:
        if not self.review.projects.may_discard():
            return
        self.left_path, self.right_path, self.third_path = str(left), str(right), third
        self._restore_group = None
        self.compare()

    def open_side(self, side: int, path: str | os.PathLike) -> None:
        if not self.review.projects.may_discard():
            return
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
        current = (self.left_path, self.right_path)[side] or (self.left_path, self.right_path)[1 - side]
        start = str(Path(current).parent) if current else ""
        title = "Open Left (Original) File" if side == 0 else "Open Right (Other Version) File"
        path, _ = QFileDialog.getOpenFileName(self, title, start, file_types.open_filter())
        if path:
            self.open_side(side, path)

    def swap_sides(self) -> None:
        if self.left_path and self.right_path:
            self.open_pair(self.right_path, self.left_path)

    def reload(self) -> None:
        self._restore_group = self.view.top_group()
        self.compare()

    def compare(self) -> None:
        self.pending.leave()  # a newer comparison: the rows of the one it replaces are stale
        self._update_enabled()
        if not (self.left_path and self.right_path):
            missing = "right" if self.left_path else "left"
            self.summary_label.setText(f"Open a {missing} file to compare (File menu, or drop a file on that side).")
            return
        loading = self.review.projects.loading_for()  # an opened project's --encoding and --keep-boilerplate
        self.runner.start(self.left_path, self.right_path, self.options(), self.third_path, loading)

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

    # --- the worker's answers --------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.status.busy(busy)
        self._update_enabled()

    def _on_finished(self, prepared: Prepared) -> None:
        was_pending, moved_to = self.pending.finish()  # the reader's top row, if they moved meanwhile
        new_pair = (self.left_path, self.right_path) != self._shown_paths or self.prepared is None
        restore = moved_to if was_pending else None if new_pair else self._restore_group
        if restore is None and not new_pair:
            restore = self.view.top_group()
        prepared = self.review.answer(prepared, new_pair)  # a project's or the session's edits re-applied
        self.prepared = prepared
        self._shown_paths = (self.left_path, self.right_path)
        self.model.set_prepared(prepared)
        self.changes.set_prepared(prepared)
        self.facts.show_comparison(prepared.comparison)
        self.middle.show_prepared(prepared)
        self.review.after_answer_shown()
        self.banner.show_for(prepared)
        self._update_status()
        if not self.quiet and self.left_path and self.right_path and not self.third_path:
            self.store.add_recent(os.path.abspath(self.left_path), os.path.abspath(self.right_path))
            self.update_recent()
        self.placer.start(prepared, restore)

    def _on_cancelled(self) -> None:
        """Cancel/Esc: say so where the summary was. A pair on screen stays the truth, as after a failure."""
        self.pending.leave()
        shown = ""
        if self.prepared is not None:
            self.left_path, self.right_path = self._shown_paths
            shown = f" Still showing the last comparison: {summary(self.prepared)}"
        self._restore_group = None
        self._update_enabled()
        self.summary_label.setText(f"Cancelled.{shown}")

    def _current_row_changed(self, current, previous=None) -> None:
        """The Changes panel follows the table: Alt+Down, a click, a jump select that row's change there."""
        if current.isValid() and self.prepared is not None:
            self.changes.follow_group(self.model.group_at(current.row()))
            self.facts.panel.follow_group(self.model.group_at(current.row()))
            self.middle.follow_group(self.model.group_at(current.row()))

    def _placed(self) -> None:
        self._restore_group = None
        self._update_enabled()
        self.comparison_ready.emit()

    def _on_failed(self, failure: Failure) -> None:
        self.pending.leave()
        if self.prepared is not None or failure.side is None:
            self.left_path, self.right_path = self._shown_paths  # the comparison on screen is still the truth
        else:  # nothing on screen: keep the file that could be read, so that Open asks only for the other
            paths = [self.left_path, self.right_path]
            paths[failure.side] = None
            self.left_path, self.right_path = paths
        self._restore_group = None
        self._update_enabled()
        if failure.path:
            side = f"the {SIDES[failure.side]} file " if failure.side is not None else ""
            text = f"Cannot read {side}“{escaped(Path(failure.path).name)}”: {escaped(failure.message)}"
        else:
            text = f"The comparison failed: {failure.message}"
        if self.prepared is None:  # say it where it stays in view, and what to do next
            names = [escaped(Path(p).name) if p else "—" for p in (self.left_path, self.right_path)]
            self.files_label.setText("  ⇄  ".join(names))
            self.setWindowTitle(f"{' ⇄ '.join(names)} — drift-viewer")
            missing = SIDES[failure.side] if failure.side is not None else "left and a right"
            self.summary_label.setText(f"{text}. Open a {missing} file to compare (File menu, or drop a file).")
        self.comparison_failed.emit(failure)
        if self.quiet:
            return
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
        # A file name may itself hold bidi controls: shown as markers, never raw (Trojan Source).
        left_name, right_name = escaped(comp.left.document.name), escaped(comp.right.document.name)
        self.files_label.setText(f"{left_name}  ⇄  {right_name}")
        self.summary_label.setText(summary(prepared))
        self.setWindowTitle(self.review.title(f"{left_name} ⇄ {right_name}"))
        self.setWindowModified(self.review.dirty)

    def _update_enabled(self) -> None:
        has = self.prepared is not None
        for name in ("next_change", "previous_change", "export_html", "export_json", "find", "copy", "show_text"):
            self.named_actions[name].setEnabled(has)
        self.named_actions["swap"].setEnabled(bool(self.left_path and self.right_path))
        self.named_actions["reload"].setEnabled(bool(self.left_path and self.right_path))

    def update_recent(self) -> None:
        menus.update_recent(self.recent_menu, self.store.recent(), self.open_pair, self._clear_recent)

    def _clear_recent(self) -> None:
        self.store.clear_recent()
        self.update_recent()

    def export_html(self) -> None:
        exports.export_html(self)

    def export_json(self) -> None:
        exports.export_json(self)

    # --- focus -------------------------------------------------------------------------------------

    def focus_table(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_changes(self) -> None:
        self.changes_dock.show()
        self.changes.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cycle_focus(self) -> None:
        """F6: table → changes panel → facts panel → find bar (when open) → table."""
        panes = [self.view, self.changes.view, self.facts.panel.view] + (
            [self.find_bar.edit] if self.find_bar.isVisible() else []
        )
        panes = [p for p in panes if p.isVisible() and not p.visibleRegion().isEmpty()]  # not behind a tab
        if not panes:
            return
        current = next((k for k, p in enumerate(panes) if p.hasFocus()), -1)
        panes[(current + 1) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

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

    def set_weak_only(self, weak_only: bool) -> None:
        self.model.set_weak_only(weak_only)

    def zoom_in(self) -> None:
        self.zoom(1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def zoom_reset(self) -> None:
        self.zoom(0)

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
