"""Moving around the table: next/previous change, a change or overview click, Find, the overview's frame."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from ...engine.model import GroupKind
from ...wording import plural
from ..panels.find_bar import FindBar, matching_groups, sentence_groups, step
from ..panels.overview import OverviewStrip
from ..prepared import ChangeEntry, Prepared
from ..table.view import AlignedView


class Navigator:
    def __init__(
        self, view: AlignedView, overview: OverviewStrip, find_bar: FindBar, prepared: Callable[[], Prepared | None]
    ) -> None:
        self.view, self.model, self.overview, self.find_bar = view, view.table_model, overview, find_bar
        self.prepared = prepared  # the comparison on screen, read when needed: it changes under us
        self._find_cache: tuple[tuple, list[int]] = ((), [])
        self._sentence_groups: tuple[Prepared | None, tuple[list[int], list[int]]] = (None, ([], []))
        # Closing the bar (Esc, ✕) takes its highlights off both texts; opening it again puts them back.
        find_bar.closed.connect(lambda: self.find_text_changed(""))

    def changed_rows(self) -> list[int]:
        prepared = self.prepared()
        if prepared is None:
            return []
        kinds = prepared.group_kinds
        groups = prepared.comparison.groups
        return [
            row
            for row, group in enumerate(self.model.visible)
            if kinds[group] is not None or groups[group].kind is not GroupKind.EQUAL
        ]

    def current_row(self) -> int:
        index = self.view.currentIndex()
        if index.isValid() and self.view.visualRect(index).intersects(self.view.viewport().rect()):
            return index.row()
        return self.view.rowAt(0) - 1 if self.view.rowAt(0) > 0 else -1

    def next_change(self) -> None:
        rows = self.changed_rows()
        k = bisect_right(rows, self.current_row())
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

    def overview_clicked(self, row: int) -> None:
        # Snap to a changed row near the click: a tick is 2px, rows per pixel can be many.
        rows = self.changed_rows()
        tolerance = max(2, int(3 * self.model.rowCount() / max(1, self.overview.height())))
        k = bisect_left(rows, row)
        near = [r for r in rows[max(0, k - 1) : k + 1] if abs(r - row) <= tolerance]
        self.view.jump_to_row(min(near, key=lambda r: abs(r - row)) if near else row)

    def update_overview_frame(self) -> None:
        first = max(0, self.view.rowAt(0))
        last = self.view.rowAt(self.view.viewport().height() - 1)
        self.overview.set_visible_rows(first, self.model.rowCount() - 1 if last < 0 else last)

    def find(self, text: str, forward: bool) -> None:
        if self.prepared() is None or not text:
            return
        rows = self._matching_rows(text)
        start = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        if start < 0 and not forward:
            start = 0
        row = step(rows, start, forward)
        if row is None:
            self.find_bar.status.setText("Not found")
            return
        self.find_bar.status.setText(f"{bisect_left(rows, row) + 1:,} of {plural(len(rows), 'row')}")
        self.view.jump_to_row(row, flash=False)

    def _matching_rows(self, text: str) -> list[int]:
        """Rows whose text holds `text`, cached until the text, the comparison or the filter changes."""
        prepared = self.prepared()
        assert prepared is not None
        key = (text.casefold(), id(prepared), self.model.hide_equal)
        if self._find_cache[0] != key:
            comparison = prepared.comparison
            if self._sentence_groups[0] is not prepared:
                self._sentence_groups = (prepared, sentence_groups(comparison))
            groups = matching_groups(comparison, text, self._sentence_groups[1])
            self._find_cache = (key, [row for row, group in enumerate(self.model.visible) if group in groups])
        return self._find_cache[1]

    def find_text_changed(self, text: str) -> None:
        self.find_bar.status.clear()  # the count is of the text last searched for
        self.view.delegate.find_text = text
        self.view.delegate.forget_heights()
        self.view.viewport().update()
