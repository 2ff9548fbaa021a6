"""A strip beside the scroll bar with a tick per changed row, coloured by its riskiest change kind.

Rows map to pixels in proportion to their row number, not their height. Heights are known only for
rows that have been on screen (the rest are two-line estimates), so a pixel mapping would be no truer
than the scroll bar's guess while costing a pass over every row whenever one is measured; the row
mapping is exact, and the marks, the frame showing the screen and clicks all use it, so they agree.
A click asks the window to jump to the row under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ...engine.model import ChangeKind, risk_rank
from .. import theme
from ..table.model import GroupTableModel

WIDTH = 14


class OverviewStrip(QWidget):
    row_clicked = Signal(int)

    def __init__(self, model: GroupTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.model = model
        self.visible_rows = (0, 0)  # first and last row on screen, drawn as a frame
        self.setToolTip("Where the changes are: click to jump there")
        self.setAccessibleName("Change overview")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._buckets: list | None = None
        self._bucket_key: tuple = ()
        model.modelReset.connect(self._invalidate)
        model.edited.connect(self._invalidate)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 100)

    def minimumSizeHint(self) -> QSize:
        return QSize(WIDTH, 20)

    def _invalidate(self) -> None:
        self._buckets = None
        self.update()

    def set_visible_rows(self, first: int, last: int) -> None:
        if (first, last) != self.visible_rows:
            self.visible_rows = (first, last)
            self.update()

    def buckets(self, height: int) -> list:
        """Riskiest kind per pixel row (None where nothing changed); one pass over the visible groups."""
        key = (height, id(self.model.prepared), len(self.model.visible))
        if self._buckets is not None and key == self._bucket_key:
            return self._buckets
        out: list = [None] * max(1, height)
        prepared = self.model.prepared
        rows = len(self.model.visible)
        if prepared is not None and rows:
            kinds = prepared.group_kinds
            scale = height / rows
            rank = {kind: risk_rank(kind) for kind in ChangeKind}
            for row, group in enumerate(self.model.visible):
                kind = kinds[group]
                if kind is None:
                    continue
                y = min(height - 1, int(row * scale))
                current = out[y]
                if current is None or rank[kind] < rank[current]:
                    out[y] = kind
        self._buckets, self._bucket_key = out, key
        return out

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        height = self.height()
        dark = theme.is_dark(palette)
        rows = len(self.model.visible)
        colors: dict[ChangeKind, QColor] = {}
        # Marks at least 2px tall so that a lone change in a book still shows.
        for y, kind in enumerate(self.buckets(height)):
            if kind is not None:
                color = colors.get(kind)
                if color is None:
                    color = theme.kind_color(kind, dark)
                    color = colors[kind] = color.darker(115) if not dark else color.lighter(140)
                painter.fillRect(QRectF(1, y, WIDTH - 2, 2), color)
        if rows:
            first, last = self.visible_rows
            top, bottom = first * height / rows, (last + 1) * height / rows
            frame = QColor(palette.color(QPalette.ColorRole.Text))
            frame.setAlpha(140)
            painter.setPen(frame)
            painter.drawRect(QRectF(0.5, top, WIDTH - 1.0, max(3.0, bottom - top - 1)))
        painter.end()

    def row_at(self, y: float) -> int:
        rows = len(self.model.visible)
        return max(0, min(rows - 1, int(y * rows / max(1, self.height()))))

    def mousePressEvent(self, event) -> None:
        if self.model.visible and event.button() == Qt.MouseButton.LeftButton:
            self.row_clicked.emit(self.row_at(event.position().y()))
