"""A review mark whose row an edit regroups: the window says so at once, undo puts it back, and a
reopened project says it found no row without blaming files that did not change."""

from __future__ import annotations

from conftest import open_and_wait
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_linking_a_marked_row_says_its_mark_is_now_on_no_row(
    qtbot, make_window, sample_pair, tmp_path, monkeypatch, dialogs
):
    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(0, 0), flags)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL | Qt.KeyboardModifier.AltModifier)  # row 1 checked
    assert window.model.row_marks == {0: ("checked", "")}
    qtbot.keyClick(window.view, Qt.Key.Key_J, CTRL)  # rows 1 and 2 linked: the ✓ goes
    assert window.model.row_marks == {}
    message = window.statusBar().currentMessage()
    assert message.startswith("1 review mark now on no row") and "undoing the edit puts it back" in message
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.model.row_marks == {0: ("checked", "")}
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)  # linked again, saved so, reopened
    path = tmp_path / "review.drift"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.named_actions["open_project"].trigger()
    qtbot.waitUntil(lambda: bool(dialogs))
    # It said "Some of the review no longer applies to the files." of two files that had not changed.
    assert dialogs[-1].startswith("Some of the review no longer finds its rows (the files are as they were saved).")
    assert (
        " 1 mark no longer applies:" in dialogs[-1]
        and "0 edits" not in dialogs[-1]
        and "Checked on row “Harbour Bridge" in dialogs[-1]
    )
