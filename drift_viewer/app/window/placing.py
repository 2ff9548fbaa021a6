"""Putting a new answer on screen: where the table starts and which change the panel selects.

Placing measures a couple of screens of rows, so it runs as steps a few rows per turn of the event
loop: on a book the window never freezes for the whole of it. A newer answer drops the older steps.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from ...engine.model import RISK_ORDER
from ..panels.changes import ChangesPanel
from ..prepared import Prepared
from ..table.view import AlignedView
from .opening import closest_respelling, opening_offset

RISKY_RANK_LIMIT = 4  # name, number, negation, quote: worth scrolling to on opening
PLACING_ROWS_PER_STEP = 4  # rows measured per event-loop turn while placing a new answer (~10-30 ms)


class Placer(QObject):
    placed = Signal()  # the newest answer is on screen

    def __init__(self, view: AlignedView, changes: ChangesPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view, self.changes = view, changes
        self._steps: Iterator[bool] | None = None  # the steps putting the newest answer on screen, while they run

    def start(self, prepared: Prepared, restore: int | None) -> None:
        """Once the models hold `prepared`: keep group `restore` on top (a recompute), or None to open
        on the riskiest changes (a new pair)."""
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
        """Steps (yielding True while there is more to do) that put the answer on screen."""
        if restore is not None:
            self.view.jump_to_group(restore, flash=False)
            self.view.clearSelection()
            return
        # No paints between steps: they would draw the top of the text just before it scrolls away.
        self.view.viewport().setUpdatesEnabled(False)
        try:
            yield from self._scroll_to_risky_rows(prepared)
        finally:
            self.view.viewport().setUpdatesEnabled(True)

    def _scroll_to_risky_rows(self, prepared: Prepared) -> Iterator[bool]:
        """A journalist wants names, numbers, negations and quotes first: start the table where the
        most of them show near the top (see `opening`), and select in the panel the riskiest one in view."""
        view = self.view
        model = view.table_model
        view.scrollToTop()
        entries = self.changes.model.shown
        if not entries or entries[0].kind not in RISK_ORDER[:RISKY_RANK_LIMIT]:
            view.fit_visible_rows()
            self._select_most_important_in_view(entries)
            return
        top_kind, risky = entries[0].kind, set(RISK_ORDER[:RISKY_RANK_LIMIT])
        screen = view.viewport().height()
        kinds = prepared.group_kinds
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
        self._select_most_important_in_view(entries)

    def _select_most_important_in_view(self, entries) -> None:
        """In the panel, the riskiest kind with a change fully in view, and of its changes there the
        closest respelling (see `opening.closest_respelling`)."""
        view, model = self.view, self.view.table_model
        first, last = max(0, view.rowAt(0)), view.rowAt(view.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        shown = {model.group_at(r) for r in range(first, last + 1) if view.row_fully_visible(r)}
        # One pass in panel order (riskiest kind first): a set lookup per change, ~3 ms on a book.
        kind, in_view = None, []
        for k, entry in enumerate(entries):
            if kind is not None and entry.kind is not kind:
                break
            if entry.group in shown:
                kind = entry.kind
                in_view.append((k, entry))
        if not in_view:
            self.changes.select_row(0)
            return
        best = closest_respelling([(e.change.left_text, e.change.right_text) for _, e in in_view])
        self.changes.select_row(in_view[best][0])
