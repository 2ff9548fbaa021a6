"""Putting a new answer on screen: the table opens at its top with row 1 selected, as every diff tool
does (a reader who opens a pair expects to read it from the start: opening on the riskiest rows hid
the seed pair's inserted headline in row 1), or on the first changed row when the user asks for that
(Go > Open at First Change). The Changes panel follows the selected row (`ChangesPanel.follow_group`).

Placing runs one event-loop turn after the models are fed, so the view has its new geometry first; a
newer answer drops an older answer's placing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from ...engine.model import GroupKind
from ..prepared import Prepared
from ..table.view import AlignedView


def first_changed_row(prepared: Prepared, visible: list[int]) -> int | None:
    kinds, groups = prepared.group_kinds, prepared.comparison.groups
    return next(
        (row for row, g in enumerate(visible) if kinds[g] is not None or groups[g].kind is not GroupKind.EQUAL), None
    )


class Placer(QObject):
    placed = Signal()  # the newest answer is on screen

    def __init__(self, view: AlignedView, at_first_change: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.at_first_change = at_first_change  # read when an answer arrives: the user may change it any time
        self._steps: Iterator[bool] | None = None  # the steps putting the newest answer on screen, while they run

    def start(self, prepared: Prepared, restore: int | None) -> None:
        """Once the models hold `prepared`: keep group `restore` on top (a recompute), or None to open
        at the top (a new pair)."""
        steps = self._place(prepared, restore)
        self._steps = steps
        QTimer.singleShot(0, lambda: self._step(steps))

    def _step(self, steps: Iterator[bool]) -> None:
        if steps is not self._steps:
            return  # a newer answer started its own placing
        if next(steps, None) is not None:
            QTimer.singleShot(0, lambda: self._step(steps))
            return
        self._steps = None
        self.placed.emit()

    def _place(self, prepared: Prepared, restore: int | None) -> Iterator[bool]:
        view = self.view
        if restore is not None:
            view.jump_to_group(restore, flash=False)
            view.clearSelection()
            return
        row = 0
        if self.at_first_change():
            row = first_changed_row(prepared, view.table_model.visible) or 0
        view.scrollToTop()
        if view.table_model.rowCount():
            view.jump_to_row(row, flash=False)
        yield True
