"""Ctrl+Shift+S, Save As in every editor, saves the review as a new project; it used to swap the sides
(and compare again) instead."""

from __future__ import annotations

from conftest import open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def test_ctrl_shift_s_saves_the_project_as_and_leaves_the_sides_alone(
    qtbot, make_window, sample_pair, tmp_path, monkeypatch
):
    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    path = tmp_path / "as.drift"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[1]) or str(path), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["Save Project"] and path.is_file()
    assert (window.left_path, window.right_path) == tuple(map(str, sample_pair))
    assert not window.runner.busy  # no comparison started
    assert "Ctrl+Shift+S" in window.named_actions["save_project_as"].toolTip()
