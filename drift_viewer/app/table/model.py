"""One row per visible group: left cell, right cell. Cells are built on demand and cached, so a book's
20,000 groups cost nothing until they scroll into view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...engine import weak
from ...engine.lexicon.hidden import escaped
from ...engine.model import GroupKind
from ...styles import CHANGE_STYLES, GROUP_LABELS
from ..prepared import Prepared
from . import cells, rowdiff

CellRole = Qt.ItemDataRole.UserRole + 1  # the cells.Cell of an index (None in the match column)
GroupRole = Qt.ItemDataRole.UserRole + 2  # the group index behind a row
MatchRole = Qt.ItemDataRole.UserRole + 3  # the cells.Match of a row, in the match column
# Logical columns: the two texts keep 0 and 1 everywhere (cells, copy, drops); the narrow match column is
# logical 2, shown between them (AlignedView moves its section).
LEFT_COLUMN, RIGHT_COLUMN, MATCH_COLUMN = 0, 1, 2
MATCH_HEADER_TIP = (
    "How alike the row's two sides are (changed and moved rows), and its shape: 1→2 one sentence split "
    "in two, 2→1 two merged into one"
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class GroupTableModel(QAbstractTableModel):
    edited = Signal(object)  # rows replaced by a hand edit (a rowdiff.RowChange), or marks changed (None)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.prepared: Prepared | None = None
        self.visible: list[int] = []  # model row -> group index
        self.hide_equal = False
        self.weak_only = False  # only the weak links (engine/weak.py), a filter of its own
        self.equal_around = 1  # equal rows kept above and below each changed one when equal rows are hidden
        self.row_marks: Mapping[int, tuple[str, str]] = {}  # group -> its review mark (status, note), drawn by ≈
        self.keep_group: Callable[[int], bool] | None = None  # a filter of its own (review marks), after the others
        # While a comparison is being made (app/provisional.py): 1 for each row whose words are not compared
        # yet. Every row is shown then: what Hide Equal Rows and the filters would hide is not known yet.
        self.pending: bytes | None = None
        self._cells: dict[tuple[int, int], cells.Cell] = {}
        self._headers = ("Left", "Right", "≈")

    # --- feeding -------------------------------------------------------------------------------

    def set_prepared(self, prepared: Prepared | None, pending: bytes | None = None) -> None:
        """`pending`: `prepared` is provisional, with these rows not compared yet."""
        self.beginResetModel()
        self.prepared = prepared
        self.pending = pending
        self._cells.clear()
        self._refilter()
        if prepared is not None:
            comparison = prepared.comparison
            self._headers = (escaped(comparison.left.document.name), escaped(comparison.right.document.name), "≈")
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, MATCH_COLUMN)

    def set_hide_equal(self, hide: bool) -> None:
        if hide == self.hide_equal:
            return
        self.beginResetModel()
        self.hide_equal = hide
        self._refilter()
        self.endResetModel()

    def set_weak_only(self, weak_only: bool) -> None:
        if weak_only == self.weak_only:
            return
        self.beginResetModel()
        self.weak_only = weak_only
        self._refilter()
        self.endResetModel()

    def set_keep_group(self, keep: Callable[[int], bool] | None) -> None:
        self.beginResetModel()
        self.keep_group = keep
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self.visible = self._visible_for(self.prepared)

    def fill(self, prepared: Prepared, pending: bytes, start: int, end: int, on_screen: tuple[int, int]) -> None:
        """Provisional rows start..end-1 compared: their highlights, similarities and weak marks, in place.
        Only the rows `on_screen` (first, last) are signalled: a ranged dataChanged repaints a view's whole
        viewport, and rows off screen are drawn afresh when they scroll in (their cells are dropped here)."""
        self.prepared, self.pending = prepared, pending
        for group in range(start, end):
            self._cells.pop((group, LEFT_COLUMN), None)
            self._cells.pop((group, RIGHT_COLUMN), None)
        first, last = max(start, on_screen[0]), min(end - 1, on_screen[1])  # every row is shown: rows are groups
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, MATCH_COLUMN))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def _visible_for(self, prepared: Prepared | None) -> list[int]:
        if prepared is None:
            return []
        if self.pending is not None:
            return list(range(len(prepared.comparison.groups)))
        if self.weak_only:
            visible = weak.weak_groups(prepared.comparison)
        else:
            visible = cells.visible_groups(prepared.comparison, self.hide_equal, self.equal_around)
        keep = self.keep_group
        return visible if keep is None else [g for g in visible if keep(g)]

    def replace_prepared(
        self, prepared: Prepared, row_marks: Mapping[int, tuple[str, str]] | None = None
    ) -> rowdiff.RowChange:
        """After a hand edit: remove and insert only the rows whose groups changed, so every other row
        keeps its place, height and selection; rows whose group was renumbered are repainted."""
        old = self.prepared
        assert old is not None
        new_visible = self._visible_for(prepared)
        change = rowdiff.row_change(old.comparison.groups, prepared.comparison.groups, self.visible, new_visible)
        kept_after = new_visible[change.new_end :]
        self._cells.clear()
        if row_marks is not None:
            self.row_marks = row_marks
        if change.old_end > change.first:
            self.beginRemoveRows(_ROOT, change.first, change.old_end - 1)
            self.prepared = prepared
            self.visible = new_visible[: change.first] + kept_after
            self.endRemoveRows()
        self.prepared = prepared
        if change.new_end > change.first:
            self.beginInsertRows(_ROOT, change.first, change.new_end - 1)
            self.visible = new_visible
            self.endInsertRows()
        self.visible = new_visible
        if self.visible:  # renumbered rows, moved partners' "see row N", marks: a repaint, not a reset
            last = len(self.visible) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, MATCH_COLUMN))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, last)
        self.edited.emit(change)
        return change

    def set_row_marks(self, row_marks: Mapping[int, tuple[str, str]]) -> None:
        self.row_marks = row_marks
        if self.keep_group is not None:
            self.set_keep_group(self.keep_group)  # a mark can bring a row in or take it out of the filter
        elif self.visible:
            self.dataChanged.emit(self.index(0, MATCH_COLUMN), self.index(len(self.visible) - 1, MATCH_COLUMN))
            self.edited.emit(None)  # a mark can make its row a line taller

    # --- lookups -------------------------------------------------------------------------------

    def group_at(self, row: int) -> int:
        return self.visible[row]

    def group_object(self, row: int):
        assert self.prepared is not None
        return self.prepared.comparison.groups[self.visible[row]]

    def row_of_group(self, group: int) -> int | None:
        row = cells.row_of_group(self.visible, group)
        return row if row is not None and self.visible[row] == group else None

    def nearest_row(self, group: int) -> int:
        row = cells.row_of_group(self.visible, group)
        return len(self.visible) - 1 if row is None else row

    def row_match(self, row: int) -> cells.Match:
        assert self.prepared is not None
        group = self.visible[row]
        found = cells.match(self.prepared.comparison, group, self.row_marks.get(group))
        return replace(found, pending=True) if self.pending is not None and self.pending[group] else found

    def cell(self, row: int, column: int) -> cells.Cell:
        assert self.prepared is not None and column in (LEFT_COLUMN, RIGHT_COLUMN)
        group = self.visible[row]
        key = (group, column)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = cells.cell(self.prepared.comparison, group, column)
        return found

    def starts_after_gap(self, row: int) -> bool:
        """True when hidden rows sit just above this one (drawn as a break line)."""
        return row > 0 and self.visible[row] != self.visible[row - 1] + 1

    # --- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.prepared is None:
            return None
        if index.column() == MATCH_COLUMN:
            return self._match_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column()).text
        if role == CellRole:
            return self.cell(index.row(), index.column())
        if role == GroupRole:
            return self.visible[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell(index.row(), index.column()).text or "(empty)"
        return None

    def _match_data(self, row: int, role: int):
        if role == MatchRole:
            return self.row_match(row)
        if role == GroupRole:
            return self.visible[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, RIGHT_COLUMN)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe_match(self.row_match(row)) or "(nothing to compare)"
        if role == Qt.ItemDataRole.DisplayRole:
            match = self.row_match(row)
            parts = ([] if match.similarity is None else [f"{match.similarity}%"]) + [match.badge or ""]
            parts = (["…"] if match.pending else []) + parts
            parts += (["manual"] if match.manual else []) + ([match.mark_symbol] if match.mark_symbol else [])
            return " ".join(p for p in parts if p)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return MATCH_HEADER_TIP if section == MATCH_COLUMN else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < 3 else None
        if 0 <= section < len(self.visible):
            return self._row_label(self.visible[section])  # group numbers stay put when rows are hidden
        return None

    def _row_label(self, group_index: int) -> str:
        """The row's number, with a "?" for a weak link."""
        assert self.prepared is not None
        mark = "?" if weak.is_weak(self.prepared.comparison.groups[group_index]) else ""
        return f"{group_index + 1}{mark}"

    def _tooltip(self, row: int, column: int) -> str | None:
        assert self.prepared is not None
        group_index = self.visible[row]
        group = self.prepared.comparison.groups[group_index]
        cell = self.cell(row, column)
        if self.pending is not None and self.pending[group_index]:
            return f"Row {group_index + 1}: aligned; its words are being compared"
        lines = [f"Row {group_index + 1}: {GROUP_LABELS[group.kind]}"]
        match = self.row_match(row)
        if match.similarity is not None or match.badge is not None or match.manual or match.mark:
            lines.append(describe_match(match))
        if weak_line := weak.describe(group):
            lines.append(weak_line)
        if cell.moved_to is not None:
            lines.append(f"Moved: click to jump to row {cell.moved_to + 1}")
        elif not cell.text and group.kind is not GroupKind.MOVED:
            lines.append("Nothing on this side")
        for change in group.changes[:12]:
            label = CHANGE_STYLES[change.kind].label
            lines.append(f"{label}: “{escaped(change.left_text.strip())}” → “{escaped(change.right_text.strip())}”")
        if len(group.changes) > 12:
            lines.append(f"… and {len(group.changes) - 12} more")
        if cell.hidden:
            lines.append("Invisible characters on this side (drawn as ⇄ or ⬚): " + ", ".join(cell.hidden))
        if cell.disguised:
            lines.append("Look-alike letters on this side (drawn in red, outlined): " + "; ".join(cell.disguised))
        return "\n".join(lines)


def describe_match(match: cells.Match) -> str:
    """The match column in words: "Similarity 87%; 1 left sentence faces 2 right sentences (a split)"."""
    parts = [] if match.similarity is None else [f"Similarity {match.similarity}%"]
    if match.pending:
        parts.append("words being compared")
    if match.badge is not None:
        n, m = (int(x) for x in match.badge.split("→"))
        shape = "a split" if n == 1 else "a merge" if m == 1 else "regrouped"
        parts.append(
            f"{n} left sentence{'s' * (n != 1)} face{'s' * (n == 1)} {m} right sentence{'s' * (m != 1)} ({shape})"
        )
    if match.manual:
        parts.append("linked by hand")
    if match.mark:
        parts.append(f"marked {match.mark}" + (f": {match.note}" if match.note else ""))
    return "; ".join(parts)
