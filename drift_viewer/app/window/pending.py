"""The window while a new pair is being compared: its aligned rows on screen as soon as the sentences are
aligned (plain text, "…" in the match column), each row's highlights as its word diff arrives, and the
Changes list, the Facts panel and the summary saying what they wait for (process.stream,
app/provisional.py).

While rows are pending the window has no finished comparison: `window.prepared` and the review state are
None, so every action that needs one (export, report, review marks, hand edits, Find, next change,
projects) is off, as before a first comparison; reading and copying the rows works. What was on screen
before is kept aside: a cancel or a failure puts it back, where it was, with its marks and undo history,
as when a comparison of the old kind failed. A new comparison started meanwhile drops the pending rows
(and the runner drops the stale process's frames by their token). The finished answer is shown exactly
as it would have been without the early rows (`MainWindow._on_finished`); if the reader has moved
meanwhile, their top row is kept.

Only a new pair shows early rows: a recompute of the pair on screen (F5, an option, an edit re-applied)
and a project being opened keep the finished comparison until the new one is whole, since their edits
and marks apply only to a finished comparison; three versions are answered whole.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSizePolicy

from ...engine.lexicon.hidden import escaped
from ...engine.model import Group
from ..prepared import Prepared
from ..process.stream import Partial
from ..provisional import Provisional, filled, provisional
from ..review.state import Attached, State

APPLY_MS = 40  # arrived rows are shown together at most this often: a repaint per 40 rows would be wasted
OVERVIEW_S = 0.3  # the change overview beside the scroll bar takes the arrived rows' ticks this often


@dataclass(frozen=True)
class _Before:
    """What was on screen when the rows came: put back if the comparison never finishes."""

    prepared: Prepared | None
    state: State | None
    attached: Attached
    top_group: int | None


class PendingRows(QObject):
    shown = Signal()  # the aligned rows of a new comparison are on screen (highlights to come)

    def __init__(self, window) -> None:  # the MainWindow (untyped, as in app/review: no import cycle)
        super().__init__(window)
        self.window = window
        self.current: Provisional | None = None
        self._before: _Before | None = None
        self._arrived: list[tuple[int, list[Group]]] = []
        self._placed: tuple[int, int] = (0, 0)  # scroll position and current row once the rows were placed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(APPLY_MS)
        self._timer.timeout.connect(self._apply)
        self._overview_at = 0.0
        for label in (window.changes.count_label, window.facts.panel.count_label):
            # The waiting texts below are longer than a count: they wrap, and never widen the docks.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        window.runner.aligned.connect(self._aligned)
        window.runner.built.connect(self._built)

    @property
    def active(self) -> bool:
        return self.current is not None

    def _wanted(self) -> bool:
        w = self.window
        new_pair = (w.left_path, w.right_path) != w._shown_paths or w.prepared is None
        return new_pair and w.third_path is None and not w.review.projects.is_opening

    def _aligned(self, partial: Partial) -> None:
        w = self.window
        if self.current is not None or not self._wanted():
            return
        review = w.review
        self._before = _Before(w.prepared, review.state, review.attached, w.view.top_group())
        w.prepared, review.state, review.attached = None, None, Attached({}, {}, ())
        self.current = now = provisional(partial)
        w.model.row_marks = {}
        w.model.set_prepared(now.prepared, now.pending)
        w.changes.set_prepared(None)
        w.facts.show_comparison(None)
        w.middle.show_prepared(now.prepared)
        w.banner.show_for(None)
        for name in ("undo", "redo"):
            w.named_actions[name].setEnabled(False)
        self._marks_on(False)  # marking needs a finished comparison (they would do nothing, unsaid)
        review.state_changed.emit()  # the review's actions see no comparison
        w._update_enabled()
        names = [escaped(side.document.name) for side in (partial.left, partial.right)]
        w.files_label.setText("  ⇄  ".join(names))
        w.setWindowTitle(f"{' ⇄ '.join(names)} — drift-viewer")
        w.view.scrollToTop()
        if w.model.rowCount():
            w.view.jump_to_row(0, flash=False)
        self._placed = self._where()
        self._say()
        self.shown.emit()

    def _built(self, start: int, groups: list[Group]) -> None:
        if self.current is None:
            return
        self._arrived.append((start, groups))
        if not self._timer.isActive():
            self._timer.start()

    def _apply(self) -> None:
        now = self.current
        if now is None or not self._arrived:
            return
        first, end = len(now.pending), 0
        for start, groups in self._arrived:
            now = filled(now, start, groups)
            first, end = min(first, start), max(end, start + len(groups))
        self._arrived.clear()
        self.current = now
        view = self.window.view
        last = view.rowAt(view.viewport().height() - 1)
        on_screen = (max(0, view.rowAt(0)), len(now.pending) - 1 if last < 0 else last)
        self.window.model.fill(now.prepared, now.pending, first, end, on_screen)
        if time.monotonic() - self._overview_at >= OVERVIEW_S:
            self._overview_at = time.monotonic()
            self.window.overview.update()  # a pass over every row: not for each chunk
        self._say()

    def _say(self) -> None:
        now, w = self.current, self.window
        if now is None:
            return
        comp, rows = now.prepared.comparison, len(now.pending)
        # Which rows are equal, weak or marked is known once their words are: until then every row shows.
        filters = w.model.hide_equal or w.model.weak_only
        w.summary_label.setText(
            f"{len(comp.left.sentences):,} ⇄ {len(comp.right.sentences):,} sentences aligned in {rows:,} rows; "
            f"words of {now.compared:,} compared so far…   ·   export, review, edits and Find wait for the end"
            + (" (every row shows until then)" if filters else "")
        )
        w.changes.count_label.setText(f"Listed once every row is compared ({now.compared:,} of {rows:,})…")
        w.facts.panel.count_label.setText("Read once the comparison is finished…")

    def _where(self) -> tuple[int, int]:
        view = self.window.view
        return view.verticalScrollBar().value(), view.currentIndex().row()

    def finish(self) -> tuple[bool, int | None]:
        """The finished answer came: (whether rows were pending, the reader's top group if they moved
        since the rows came, else None). The window then shows the answer as it would have anyway."""
        if self.current is None:
            return False, None
        moved = self._where() != self._placed
        top = self.window.view.top_group() if moved else None
        self._drop()
        return True, top

    def leave(self) -> None:
        """No finished answer will come for these rows (cancel, failure, another comparison started):
        put back what was on screen before them."""
        if self.current is None:
            return
        before = self._before
        self._drop()
        assert before is not None
        w, review = self.window, self.window.review
        w.model.row_marks = before.attached.rows
        w.model.set_prepared(before.prepared)
        w.changes.set_prepared(before.prepared)
        review.after_answer_shown()  # the Changes panel takes the marks again
        w.facts.show_comparison(before.prepared.comparison if before.prepared else None)
        if before.prepared is not None:
            w.middle.show_prepared(before.prepared)
        w.banner.show_for(before.prepared)
        w.named_actions["undo"].setEnabled(review.stack.canUndo())
        w.named_actions["redo"].setEnabled(review.stack.canRedo())
        review.state_changed.emit()
        w._update_enabled()
        if before.prepared is None:
            w.files_label.setText("")
            w.setWindowTitle("drift-viewer")
        else:
            w._update_status()
            if before.top_group is not None:
                w.view.jump_to_group(before.top_group, flash=False)

    def _marks_on(self, on: bool) -> None:
        for action in self.window.review.marking.actions.values():
            action.setEnabled(on)

    def _drop(self) -> None:
        """Back to no pending rows, the window's comparison and review state as before them."""
        before = self._before
        assert before is not None
        self.current, self._before = None, None
        self._arrived.clear()
        self._timer.stop()
        self._marks_on(True)
        w = self.window
        w.prepared, w.review.state, w.review.attached = before.prepared, before.state, before.attached
