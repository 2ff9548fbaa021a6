"""The undo stack's one command: a step from one review state to another. Both states are immutable
(a Comparison, its edits, its marks), so undo shows the state before and redo the state after; no
edit needs an inverse, and a redo after an undo costs no re-diffing."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand


class Shows(Protocol):
    def show(self, state: Any, focus: Any) -> None: ...


class StateCommand(QUndoCommand):
    def __init__(self, review: Shows, before: Any, after: Any, text: str, focus_before: Any, focus_after: Any) -> None:
        """`before`/`after`: session.State; `focus_*`: the row to select after undo/redo (session.Focus)."""
        super().__init__(text)
        self.review = review
        self.before, self.after = before, after
        self.focus_before, self.focus_after = focus_before, focus_after

    def redo(self) -> None:
        self.review.show(self.after, self.focus_after)

    def undo(self) -> None:
        self.review.show(self.before, self.focus_before)
