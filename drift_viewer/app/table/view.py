"""The aligned side-by-side table: rows fitted to their text lazily (only rows on screen are measured),
copy, flash, and jumps between a moved sentence and its counterpart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
)

from .delegate import PAD_Y, CellDelegate
from .model import MATCH_COLUMN, CellRole, GroupTableModel

FLASH_MS = 700
# After a screen is fitted, the rows of the next one are measured (laid out) a few per event-loop turn,
# so that paging down finds their layouts cached instead of laying out a whole screen at once.
PREFETCH_ROWS = 40
PREFETCH_STEP = 4


class AlignedView(QTableView):
    rows_fitted = Signal()

    def __init__(self, model: GroupTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("alignedView")
        self.setModel(model)
        self.table_model = model
        self.delegate = CellDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next pane, as in any form
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName("Aligned sentences, left and right")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MATCH_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.moveSection(header.visualIndex(MATCH_COLUMN), 1)  # between the two texts, as in Meld's gutter
        header.setHighlightSections(False)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Every resizeSection invalidates the header's size hint, which by default reads 1000 rows'
        # labels: on a book that is most of a scroll step. Measure visible labels only, and keep
        # room for five digits.
        vheader.setResizeContentsPrecision(0)
        self._update_default_height()
        self.verticalScrollBar().valueChanged.connect(self._schedule_fit)
        model.modelReset.connect(self._schedule_fit)
        model.edited.connect(self._after_edit)
        self.clicked.connect(self._on_clicked)
        self.doubleClicked.connect(self.show_text)
        self.customContextMenuRequested.connect(self._context_menu)
        self._fit_timer = self._single_shot(0, self.fit_visible_rows)
        self._flash_timer = self._single_shot(FLASH_MS, self._end_flash)
        self._prefetch_timer = self._single_shot(0, self._prefetch)
        self._prefetch_next, self._prefetch_end = 0, 0
        # Others' entries for a row's context menu (the review layer's edits and marks): f(menu, index).
        self.context_hooks: list[Callable[[QMenu, QModelIndex], None]] = []
        self.last_context_menu: QMenu | None = None

    def _single_shot(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # --- row heights -----------------------------------------------------------------------------

    def _update_default_height(self) -> None:
        # An unvisited row is assumed two lines tall: most sentences wrap once in a half-width column.
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        bold = QFont(self.font())
        bold.setBold(True)
        # Room for "100%", a bold "10→10" badge in its frame, and "manual" with a review mark and its note.
        italic = QFont(self.font())
        italic.setItalic(True)
        width = (
            max(
                metrics.horizontalAdvance("100%"),
                QFontMetrics(bold).horizontalAdvance("10→10") + 8,
                QFontMetrics(italic).horizontalAdvance("manual ★✎"),
            )
            + 10
        )
        self.horizontalHeader().resizeSection(MATCH_COLUMN, width)
        self.verticalHeader().setMinimumWidth(metrics.horizontalAdvance("00000") + 10)
        self.verticalHeader().setDefaultSectionSize(2 * line + 2 * PAD_Y)
        self.verticalHeader().setMinimumSectionSize(line // 2)

    def _after_edit(self, *args) -> None:
        """Rows came in or marks changed: fit the rows on screen (the delegate's caches follow the groups)."""
        self._schedule_fit()

    def _schedule_fit(self, *args) -> None:
        self._fit_timer.start()

    def _widths(self) -> tuple[int, int]:
        return self.columnWidth(0), self.columnWidth(1)

    def fit_rows(self, first: int, last: int) -> None:
        header = self.verticalHeader()
        widths, font, palette = self._widths(), self.font(), self.palette()
        for row in range(max(0, first), min(last, self.table_model.rowCount() - 1) + 1):
            height = self.delegate.row_height(row, widths, font, palette)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def fit_visible_rows(self) -> None:
        rows = self.table_model.rowCount()
        if not rows:
            return
        for _ in range(4):  # fitting can bring more rows into view; a few passes settle it
            first = max(0, self.rowAt(0))
            last = self.rowAt(self.viewport().height() - 1)
            last = rows - 1 if last < 0 else last
            before = [self.rowViewportPosition(r) for r in (first, last)]
            self.fit_rows(first, last + 1)
            if (
                before == [self.rowViewportPosition(r) for r in (first, last)]
                and self.rowAt(self.viewport().height() - 1) == last
            ):
                break
        self._prefetch_next, self._prefetch_end = last + 1, min(rows, last + 1 + PREFETCH_ROWS)
        self._prefetch_timer.start()
        self.rows_fitted.emit()

    def _prefetch(self) -> None:
        first = self._prefetch_next
        last = min(self._prefetch_end, self.table_model.rowCount()) - 1
        if first > last:
            return
        self.fit_rows(first, min(last, first + PREFETCH_STEP - 1))
        self._prefetch_next = first + PREFETCH_STEP
        self._prefetch_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.PaletteChange):
            self._update_default_height()
            self.delegate.forget_heights()
            self._schedule_fit()

    # --- moving around ---------------------------------------------------------------------------

    def top_group(self) -> int | None:
        row = self.rowAt(0)
        return None if row < 0 else self.table_model.group_at(row)

    def row_fully_visible(self, row: int | None) -> bool:
        if row is None or not 0 <= row < self.table_model.rowCount():
            return False
        top = self.rowViewportPosition(row)
        return top >= 0 and top + self.rowHeight(row) <= self.viewport().height()

    def align_top(self, row: int) -> None:
        """Scroll so that `row`'s top is the view's top edge (as far as the scroll range allows)."""
        if 0 <= row < self.table_model.rowCount():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.rowViewportPosition(row))

    def jump_to_row(self, row: int, flash: bool = True, select: bool = True) -> None:
        if not 0 <= row < self.table_model.rowCount():
            return
        self.fit_rows(row, row + 30)
        index = self.table_model.index(row, 0)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        if select:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self.fit_visible_rows()
        if flash:
            self.delegate.flash_group = self.table_model.group_at(row)
            self.viewport().update()
            self._flash_timer.start()

    def jump_to_group(self, group: int, flash: bool = True) -> None:
        self.jump_to_row(self.table_model.nearest_row(group), flash)

    def _end_flash(self) -> None:
        self.delegate.flash_group = None
        self.viewport().update()

    def _on_clicked(self, index: QModelIndex) -> None:
        cell = index.data(CellRole)
        if cell is not None and cell.moved_to is not None:
            self.jump_to_group(cell.moved_to)

    # --- copying and reading ---------------------------------------------------------------------

    def selected_text(self) -> str:
        by_row: dict[int, dict[int, str]] = {}
        for index in self.selectionModel().selectedIndexes():
            if index.column() == MATCH_COLUMN:
                continue  # the copied text is the two texts, tab-separated, as before the column existed
            by_row.setdefault(index.row(), {})[index.column()] = index.data() or ""
        lines = []
        for row in sorted(by_row):
            parts = by_row[row]
            lines.append("\t".join(parts[c].replace("\n", " ") for c in sorted(parts)))
        return "\n".join(lines)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            cell = self.currentIndex().data(CellRole)
            if cell is not None and cell.moved_to is not None:
                self.jump_to_group(cell.moved_to)
            else:
                self.show_text(self.currentIndex())
            return
        super().keyPressEvent(event)

    def show_current_text(self) -> None:
        """The current cell's text in the reader (the cell under the top of the view if none is current)."""
        index = self.currentIndex()
        if not index.isValid():
            index = self.table_model.index(max(0, self.rowAt(0)), 0)
        self.show_text(index)

    def show_text(self, index: QModelIndex) -> QDialog | None:
        """A read-only editor with one cell's text, for selecting part of a sentence (the table's
        cells are painted, not editable text, so this is where a few words can be selected and copied)."""
        text = index.data() if index.isValid() and index.column() != MATCH_COLUMN else ""
        if not text:
            return None
        dialog = QDialog(self)
        dialog.setObjectName("cellTextDialog")
        group = self.table_model.group_at(index.row())
        dialog.setWindowTitle(f"Row {group + 1}, {'left' if index.column() == 0 else 'right'}")
        editor = QPlainTextEdit(text, dialog)
        editor.setObjectName("cellText")
        editor.setReadOnly(True)
        # Read-only drops keyboard selection by default: keep it, so Shift+arrows and Ctrl+C work.
        editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        editor.setFont(self.font())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(editor)
        layout.addWidget(buttons)
        dialog.resize(640, 320)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.activateWindow()  # Ctrl+C then copies the editor's selection, not the table's rows
        editor.setFocus()
        return dialog

    def _context_menu(self, pos) -> None:
        index = self.indexAt(pos)
        menu = QMenu(self)
        menu.addAction("Copy", QKeySequence.StandardKey.Copy, self.copy_selection)
        if index.isValid():
            menu.addAction("Show Cell Text…", lambda: self.show_text(index))
            cell = index.data(CellRole)
            if cell is not None and cell.moved_to is not None:
                menu.addAction(f"Go to Row {cell.moved_to + 1}", lambda: self.jump_to_group(cell.moved_to))
        for hook in self.context_hooks:
            hook(menu, index)
        self.last_context_menu = menu
        menu.popup(self.viewport().mapToGlobal(pos))
