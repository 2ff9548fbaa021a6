"""Review marks in the window: rows and changes marked checked / accepted / disputed with a note, through
the shortcuts, the note dialog and the Changes panel's context menu; shown in the table and the list,
filtered by mark, undone like an edit."""

from __future__ import annotations

from conftest import open_and_wait
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from drift_viewer.app.panels.changes import MARK_COLUMN

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def select(window, row: int, column: int = 0) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(row, column), flags)


def shown_groups(window) -> list[int]:
    return [window.model.group_at(r) for r in range(window.model.rowCount())]


def test_marks_on_rows_and_changes_show_filter_and_undo(qtbot, make_window, sample_pair):
    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    match = lambda row: window.model.index(row, 2).data()  # noqa: E731

    select(window, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL_ALT)  # Mark as Checked
    assert "✓" in match(1)
    assert "marked checked" in window.model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.isWindowModified()

    # F2: the note dialog, with its status and a note.
    select(window, 3)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    dialog = window.review.marking.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(type(dialog.buttons.button(0)), "status_disputed").setChecked(True)
    qtbot.keyClicks(dialog.note, "The source says 1911")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "⚑✎" in match(3)
    tip = window.model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "marked disputed: The source says 1911" in tip

    # A change, from the Changes panel's own context menu.
    panel = window.changes
    panel.view.setFocus()
    panel.select_row(0)
    entry = panel.current_entry()
    panel.view.customContextMenuRequested.emit(panel.view.visualRect(panel.model.index(0, 0)).center())
    menu = window.review.marking.last_changes_menu
    next(a for a in menu.actions() if a.text() == "Mark Change as Accepted").trigger()
    menu.close()
    assert panel.model.index(0, MARK_COLUMN).data() == "★"
    state = window.review.state
    assert any(m.status == "accepted" for m in state.marks.values())
    assert entry.group not in window.review.attached.rows or entry.group in (1, 3)

    # View > Show Marked > Disputed: only row 3 in the table; the list keeps only its changes.
    window.findChild(type(window.named_actions["undo"]), "show_disputed").trigger()
    assert shown_groups(window) == [3]
    assert {e.group for e in panel.model.shown} <= {3}
    window.findChild(type(window.named_actions["undo"]), "show_any").trigger()
    assert set(shown_groups(window)) == {1, 3, entry.group}
    window.findChild(type(window.named_actions["undo"]), "show_unmarked").trigger()
    assert not {1, 3, entry.group} & set(shown_groups(window))
    window.findChild(type(window.named_actions["undo"]), "show_all").trigger()
    assert window.model.rowCount() == len(window.prepared.comparison.groups)

    # Undo takes the marks off one at a time; Clear Mark takes one off as a step of its own.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.index(0, MARK_COLUMN).data() == ""
    select(window, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_0, CTRL_ALT)
    assert "✓" not in match(1) and "⚑" in match(3)
    assert [window.review.stack.text(i) for i in range(window.review.stack.count())][-1].startswith("Clear")
