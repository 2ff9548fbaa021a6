"""Paints one cell with a QTextLayout and format ranges, and measures row heights (cached per width)."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...engine.model import ChangeKind
from .. import theme
from . import cells
from .model import MATCH_COLUMN, CellRole, GroupTableModel

PAD_X = 8
PAD_Y = 5
BADGE_PAD = 3  # between the similarity and the split/merge badge under it
PARAGRAPH_GAP = 10  # extra space above a row whose sentence opens a paragraph on either side
LAYOUT_CACHE = 600  # laid-out cells kept: a few screens' worth, so scrolling back and repaints are free


def _find_ranges(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle or not text:
        return []
    prefix = cells.utf16_prefix(text)
    out = []
    for match in re.finditer(re.escape(needle), text, re.IGNORECASE):
        start = cells.to_utf16(prefix, match.start())
        out.append((start, cells.to_utf16(prefix, match.end()) - start))
    return out


class CellDelegate(QStyledItemDelegate):
    def __init__(self, model: GroupTableModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.find_text = ""
        self.flash_group: int | None = None
        self._heights: dict[int, tuple[object, int, int]] = {}  # id(group) -> (group, match lines, height)
        self._height_key: tuple = ()
        self._layouts: OrderedDict[tuple, tuple[QTextLayout, float, object]] = OrderedDict()
        # One format per (kind, palette): every highlight of every cell laid out while scrolling asks.
        self._formats: dict[tuple[ChangeKind, int], QTextCharFormat] = {}

    # --- measuring -------------------------------------------------------------------------------

    def cached_layout(
        self, row: int, column: int, font: QFont, width: int, palette: QPalette
    ) -> tuple[QTextLayout, float]:
        # Keyed by the Group object, not its index: a hand edit renumbers the rows after it but keeps their
        # groups, so their layouts stay valid. The entry holds the group, so its id cannot be reused.
        group = self.model.group_object(row)
        key = (id(group), column, width, font.key(), palette.cacheKey(), self.find_text)
        found = self._layouts.get(key)
        if found is not None and found[2] is group:
            self._layouts.move_to_end(key)
            return found[0], found[1]
        layout, height = self.layout(self.model.cell(row, column), font, width, palette)
        self._layouts[key] = (layout, height, group)
        if len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        return layout, height

    def layout(self, cell: cells.Cell, font: QFont, width: int, palette: QPalette) -> tuple[QTextLayout, float]:
        # U+2028 forces a line break in QTextLayout and, like "\n", is one UTF-16 unit: offsets stay valid.
        layout = QTextLayout(cell.text.replace("\n", "\u2028"), font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        ranges = []
        for hl in cell.highlights:
            if hl.length:
                ranges.append(_range(hl.start, hl.length, self._kind_format(hl.kind, palette)))
        if cell.markers:
            marker = self._marker_format(palette)
            # A symbol may be astral-free while what it replaced was not: the positions are the shown text's.
            ranges += [_range(position, 1, marker) for position in cell.markers]
        if cell.lookalikes:
            disguised = self._lookalike_format(palette)
            ranges += [_range(position, 1, disguised) for position in cell.lookalikes]
        if self.find_text:
            found = QTextCharFormat()
            found.setBackground(palette.color(QPalette.ColorRole.Highlight))
            found.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            ranges += [_range(start, length, found) for start, length in _find_ranges(cell.text, self.find_text)]
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(20, width))
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y

    def _kind_format(self, kind: ChangeKind, palette: QPalette) -> QTextCharFormat:
        key = (kind, palette.cacheKey())
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = theme.kind_format(kind, palette)
        return fmt

    def _marker_format(self, palette: QPalette) -> QTextCharFormat:
        """The symbol of an invisible character: bold, in a warning red that reads on either theme."""
        fmt = QTextCharFormat()
        fmt.setForeground(QColor("#ff8a80" if theme.is_dark(palette) else "#b3261e"))
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _lookalike_format(self, palette: QPalette) -> QTextCharFormat:
        """A letter disguised as another script's: the marker's red and weight, and outlined glyphs, so it
        stands out even inside a highlighted change."""
        fmt = self._marker_format(palette)
        fmt.setTextOutline(QPen(fmt.foreground().color(), 0.8))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(fmt.foreground().color())
        return fmt

    def top_extra(self, row: int) -> int:
        left, right = self.model.cell(row, 0), self.model.cell(row, 1)
        return PARAGRAPH_GAP if (left.paragraph_start or right.paragraph_start) else 0

    def row_height(self, row: int, widths: tuple[int, int], font: QFont, palette: QPalette) -> int:
        key = (widths, font.key())
        if key != self._height_key:
            self._heights.clear()
            self._height_key = key
        group = self.model.group_object(row)
        # The match column stacks the similarity, a split or merge badge, and "manual" / a review mark.
        match = self.model.row_match(row)
        lines = 1 + bool(match.badge) + bool(match.manual or match.mark_symbol)
        found = self._heights.get(id(group))  # by Group object, as the layouts (a mark changes `lines`)
        if found is not None and found[0] is group and found[1] == lines:
            return found[2]
        # The cached layout: the paint that follows measuring a row then lays out nothing again.
        text_height = max(
            self.cached_layout(row, column, font, widths[column] - 2 * PAD_X, palette)[1] for column in (0, 1)
        )
        line = QFontMetrics(font).height()
        text_height = max(text_height, lines * line + BADGE_PAD * (lines - 1))
        height = int(text_height + 0.999) + 2 * PAD_Y + self.top_extra(row)
        self._heights[id(group)] = (group, lines, height)
        return height

    def forget_heights(self) -> None:
        """After a font, palette or find change: measure and lay out again."""
        self._heights.clear()
        self._layouts.clear()
        self._formats.clear()

    # --- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        if index.column() == MATCH_COLUMN:
            self._paint_match(painter, option, index.row())
            return
        cell: cells.Cell = index.data(CellRole)
        if cell is None:
            return
        palette = option.palette
        rect = QRect(option.rect)
        row = index.row()
        painter.save()
        painter.setClipRect(rect)
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(rect, base)
        mid = palette.color(QPalette.ColorRole.Mid)
        if not cell.text:
            hatch = QColor(mid)
            hatch.setAlpha(70)
            painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        if option.state & QStyle.StateFlag.State_Selected:
            sel = QColor(palette.color(QPalette.ColorRole.Highlight))
            sel.setAlpha(55)
            painter.fillRect(rect, sel)
        if self.flash_group is not None and self.model.group_at(row) == self.flash_group:
            flash = QColor(palette.color(QPalette.ColorRole.Highlight))
            flash.setAlpha(110)
            painter.fillRect(rect, flash)
        extra = self.top_extra(row)
        if self.model.starts_after_gap(row):
            painter.setPen(QPen(mid, 1, Qt.PenStyle.DashLine))
            painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
        if cell.paragraph_start:
            painter.setPen(QPen(mid, 1))
            painter.drawLine(
                rect.left() + PAD_X, rect.top() + extra // 2, rect.right() - PAD_X, rect.top() + extra // 2
            )
        origin = QPointF(rect.left() + PAD_X, rect.top() + PAD_Y + extra)
        if cell.text:
            layout, _ = self.cached_layout(row, index.column(), option.font, rect.width() - 2 * PAD_X, palette)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            layout.draw(painter, origin)
            self._draw_marks(painter, layout, cell, origin, palette)
        elif cell.moved_to is not None:
            font = QFont(option.font)
            font.setUnderline(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            text_rect = QRectF(rect.adjusted(PAD_X, PAD_Y + extra, -PAD_X, -PAD_Y))
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                f"↪ moved: see row {cell.moved_to + 1}",
            )
        painter.setPen(QPen(mid, 1))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    def _paint_match(self, painter: QPainter, option: QStyleOptionViewItem, row: int) -> None:
        """The narrow column between the sides: the row's similarity, and a framed n→m badge under it
        on a split or a merge, so that a 1→2 row does not pass for a 1-1 row."""
        palette, rect = option.palette, QRect(option.rect)
        match = self.model.row_match(row)
        painter.save()
        painter.setClipRect(rect)
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        if option.state & QStyle.StateFlag.State_Selected:
            sel = QColor(palette.color(QPalette.ColorRole.Highlight))
            sel.setAlpha(55)
            painter.fillRect(rect, sel)
        metrics = QFontMetrics(option.font)
        top = rect.top() + PAD_Y + self.top_extra(row)
        line = metrics.height()
        center = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        if match.similarity is not None or match.pending:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            shown = "…" if match.pending else f"{match.similarity}%"
            painter.drawText(QRect(rect.left(), top, rect.width(), line), center, shown)
        if match.badge is not None:
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            width = QFontMetrics(font).horizontalAdvance(match.badge) + 8
            y = top + (line + BADGE_PAD if match.similarity is not None or match.pending else 0)
            box = QRect(rect.center().x() - width // 2, y, width, line)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(box, 3, 3)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, match.badge)
        if match.manual or match.mark_symbol:
            lines = (match.similarity is not None or match.pending) + (match.badge is not None)
            y = top + lines * (line + BADGE_PAD)
            # "manual" in words (a reader must not take a hand link for the aligner's); the review mark
            # bold, in its status colour beside its shape.
            manual_font = QFont(option.font)
            manual_font.setItalic(True)
            mark_font = QFont(option.font)
            mark_font.setBold(True)
            mark_font.setPointSizeF(option.font.pointSizeF() * 1.25)  # the symbols run small in text fonts
            manual = "manual" + (" " if match.mark_symbol else "") if match.manual else ""
            widths = (
                QFontMetrics(manual_font).horizontalAdvance(manual),
                QFontMetrics(mark_font).horizontalAdvance(match.mark_symbol),
            )
            x = rect.left() + (rect.width() - sum(widths)) // 2
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            if manual:
                painter.setFont(manual_font)
                painter.drawText(QRect(x, y, widths[0], line), Qt.AlignmentFlag.AlignLeft, manual)
            if match.mark_symbol:
                painter.setFont(mark_font)
                painter.setPen(mark_color(match.mark, palette))
                painter.drawText(
                    QRect(x + widths[0], y, widths[1] + 2, line), Qt.AlignmentFlag.AlignLeft, match.mark_symbol
                )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    def _draw_marks(
        self, painter: QPainter, layout: QTextLayout, cell: cells.Cell, origin: QPointF, palette: QPalette
    ) -> None:
        """The second line of double underlines, the frame of boxed kinds, and a caret where the other
        side has extra words."""
        text_pen = QPen(palette.color(QPalette.ColorRole.Text), 1)
        dark = theme.is_dark(palette)
        for hl in cell.highlights:
            if hl.length == 0:
                line = layout.lineForTextPosition(hl.start)
                if not line.isValid():
                    continue
                x = origin.x() + _cursor_x(line, hl.start)
                top = origin.y() + line.y()
                painter.fillRect(
                    QRectF(x - 1.5, top, 3, line.height()),
                    theme.kind_color(hl.kind, dark).darker(130 if not dark else 70),
                )
                continue
            style = theme.mark(hl.kind)
            if style not in ("double", "box"):
                continue
            painter.setPen(text_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            end = hl.start + hl.length
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a, b = max(hl.start, line.textStart()), min(end, line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1, x2 = origin.x() + _cursor_x(line, a), origin.x() + _cursor_x(line, b)
                if style == "box":  # a frame round the words' part on this line
                    top = origin.y() + line.y()
                    painter.drawRect(QRectF(x1, top + 0.5, max(1.0, x2 - x1 - 1), line.height() - 1))
                    continue
                y = origin.y() + line.y() + line.ascent() + line.descent() - 0.5
                painter.drawLine(QPointF(x1, y), QPointF(x2, y))


# Review marks' colours (text on the window's base, >= 4.5:1 on both themes); the shapes differ too.
MARK_COLORS = {"accepted": ("#1b6e35", "#7fd08f"), "disputed": ("#b3261e", "#ff8a80")}


def mark_color(status: str | None, palette: QPalette) -> QColor:
    pair = MARK_COLORS.get(status or "")
    if pair is None:
        return palette.color(QPalette.ColorRole.Text)
    return QColor(pair[1] if theme.is_dark(palette) else pair[0])


def _cursor_x(line: QTextLine, position: int) -> float:
    x, _ = cast(tuple[float, int], line.cursorToX(position))  # (x, position); typed as object in PySide6
    return x


def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    r = QTextLayout.FormatRange()
    r.start, r.length, r.format = start, length, fmt
    return r
