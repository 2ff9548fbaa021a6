"""What the review layer keeps for the comparison on screen, and how a new state reaches the window.

A `State` is the Prepared comparison with the hand edits that made it and the review marks: immutable,
so an undo command holds the state before and after (no inverse edits), and showing one is the same
code for an edit, an undo, a redo and a mark. The table takes a new state row by row
(`GroupTableModel.replace_prepared`), never by a reset, so the reader keeps their place."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtGui import QUndoStack

from ...engine.model import Comparison
from ...wording import plural
from ..prepared import Prepared
from .state import Attached, Focus, State, attach, group_of
from .undo import StateCommand


def warm_up(comparison: Comparison) -> None:
    """Read what edits of `comparison` need (the documents' name evidence: 0.4 s of CPU on the NT pair)
    in a thread, while the reader looks at the answer, instead of at their first edit."""
    from ...engine import regroup

    threading.Thread(target=regroup.prepare, args=(comparison,), name="edit-warm-up", daemon=True).start()


class Review(QObject):
    """The window's review layer: the state on screen, its undo stack, the project it belongs to."""

    state_changed = Signal()  # an edit, undo, redo, mark, or a new answer
    dirty_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.review = self  # the actions' slots are paths from the window: "review.editing.link_rows"
        self.stack = QUndoStack(self)
        self.state: State | None = None
        self.attached = Attached({}, {}, ())
        self.project_path: str | None = None
        self._dirty_outside_stack = False  # edits re-applied after a reload, a recovered session
        self._pair = ""
        self.stack.cleanChanged.connect(self._clean_changed)
        from . import editing, exports, marking, project_actions, recovery

        self.editing = editing.Editing(self)
        self.marking = marking.Marking(self)
        self.projects = project_actions.Projects(self)
        self.recovery = recovery.Recovery(self)
        self.exports = exports.Exports(self)

    # --- dirty and title -------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty_outside_stack or not self.stack.isClean()

    def _clean_changed(self, clean: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the stack clears itself while the window is destroyed
            self._dirty_changed()

    def _dirty_changed(self) -> None:
        self.window.setWindowModified(self.dirty)
        self.dirty_changed.emit(self.dirty)

    def mark_saved(self, path: str) -> None:
        self.project_path = path
        self._dirty_outside_stack = False
        self.stack.setClean()
        self._dirty_changed()
        self.refresh_title()

    def set_dirty(self) -> None:
        self._dirty_outside_stack = True
        self._dirty_changed()

    def title(self, pair: str) -> str:
        """The window title: the project's name first when there is one, and Qt's [*] unsaved marker."""
        self._pair = pair
        project = f"{Path(self.project_path).name} — " if self.project_path else ""
        return f"{project}{pair}[*] — drift-viewer"

    def refresh_title(self) -> None:
        if self._pair:
            self.window.setWindowTitle(self.title(self._pair))
        self.window.setWindowModified(self.dirty)

    # --- answers from the comparison process -----------------------------------------------------

    def answer(self, prepared: Prepared, new_pair: bool) -> Prepared:
        """A comparison arrived: a project being opened re-applies its edits and marks; a recompute of the
        pair on screen (F5, an option) re-applies the session's; a new pair starts afresh."""
        opened = self.projects.take_opening(prepared)
        if opened is not None:
            state, self.project_path, self._dirty_outside_stack = opened
        elif new_pair or self.state is None:
            state = State(prepared)
            self.project_path = None
            self._dirty_outside_stack = False
        else:
            state = self.editing.reapply(self.state, prepared)
            self._dirty_outside_stack = self.dirty  # unsaved stays unsaved; a saved project stays saved
        self.stack.clear()  # its states hold the comparison before the recompute
        self.state = state
        if not self.window.quiet:
            warm_up(state.comparison)
        self._attach(state)
        self.window.model.row_marks = self.attached.rows
        self._dirty_changed()
        self.state_changed.emit()
        return state.prepared

    def after_answer_shown(self) -> None:
        """The window fed its models: give the Changes panel the marks (its reset dropped them)."""
        self.window.changes.set_marks(self.attached.changes)

    # --- edits, undo and redo --------------------------------------------------------------------

    def current_focus(self) -> Focus | None:
        view, state = self.window.view, self.state
        index = view.currentIndex()
        if state is None or not index.isValid():
            return None
        group = state.comparison.groups[self.window.model.group_at(index.row())]
        for side, sentences in (("left", group.left), ("right", group.right)):
            if sentences:
                return side, sentences[0]
        return None

    def push(self, state: State, text: str, focus: Focus | None) -> None:
        """Show `state` as one undoable step; `focus`: the row to select after it (undo goes back to the
        row selected before)."""
        assert self.state is not None
        self.stack.push(StateCommand(self, self.state, state, text, self.current_focus(), focus))

    def show(self, state: State, focus: Focus | None) -> None:
        """Put `state` on screen: only the changed rows of the table; the current row, the scroll
        position, the Changes panel, the overview and the counts follow."""
        window, view, model = self.window, self.window.view, self.window.model
        before, orphaned_before = self.state, len(self.attached.orphaned)
        self.state = state
        self._attach(state)
        # An edit (or an undo) that regroups a marked row's sentences leaves its mark on no row: said, not
        # silent, since the table only loses a ✓ (a project keeps the mark, listed as no longer applying).
        if (lost := len(self.attached.orphaned) - orphaned_before) > 0:
            window.statusBar().showMessage(
                f"{plural(lost, 'review mark')} now on no row: its sentences are grouped otherwise. "
                "The project keeps it, listed as no longer applying; undoing the edit puts it back.",
                20_000,
            )
        if before is not None and before.prepared is state.prepared:
            model.set_row_marks(self.attached.rows)
            window.changes.set_marks(self.attached.changes)
            self.state_changed.emit()
            return
        column = max(0, min(1, view.currentIndex().column()))
        top_row = view.rowAt(0)
        top_group = model.group_at(top_row) if top_row >= 0 else None
        offset = view.rowViewportPosition(top_row) if top_row >= 0 else 0
        window.prepared = state.prepared
        change = model.replace_prepared(state.prepared, self.attached.rows)
        if top_group is not None:  # the row at the top stays at the top, at the same height
            kept = change.map_group(top_group)
            row = model.row_of_group(kept if kept is not None else (change.first_new_group or 0))
            if row is not None:
                bar = view.verticalScrollBar()
                bar.setValue(bar.value() + view.rowViewportPosition(row) - offset)
        target = group_of(state.comparison, focus)
        if target is None:
            target = change.first_new_group
        window.changes.set_prepared(state.prepared)
        window.changes.set_marks(self.attached.changes)
        # The fact table is read off the comparison: its rows name groups, which an edit renumbers.
        window.facts.show_comparison(state.comparison)
        window.middle.follow_edit(state.prepared)
        if target is not None:
            row = model.nearest_row(target)
            if row >= 0:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                view.selectionModel().setCurrentIndex(model.index(row, column), flags)
                if not view.row_fully_visible(row):
                    view.scrollTo(model.index(row, column))
                window.changes.follow_group(model.group_at(row))
                window.middle.follow_group(model.group_at(row))
        window._update_status()
        self.state_changed.emit()

    def _attach(self, state: State) -> None:
        self.attached = attach(state.marks, state.comparison)

    def may_close(self) -> bool:
        """Closing the window: ask about unsaved work; a clean close leaves no recovery file behind."""
        if not self.projects.may_discard():
            return False
        self.recovery.discard()
        return True
