"""Weak links in the window: a "?" beside the row number, a tooltip line, and a filter showing them alone."""

from __future__ import annotations

from pathlib import Path

from conftest import open_and_wait
from PySide6.QtCore import Qt

from drift_viewer.engine import weak


def test_weak_links_are_marked_and_can_be_shown_alone(qtbot, make_window, shared_data: Path):
    window = make_window()
    folder = shared_data / "deplain-dev-hard"
    open_and_wait(qtbot, window, folder / "46.src", folder / "46.tgt")
    groups = window.prepared.comparison.groups
    weak_rows = [k for k, g in enumerate(groups) if weak.is_weak(g)]
    sure_rows = [k for k, g in enumerate(groups) if g.confidence is not None and not weak.is_weak(g)]
    assert weak_rows, "a fiction retelling has unsure links"
    first = weak_rows[0]
    model = window.model
    assert model.headerData(first, Qt.Orientation.Vertical) == f"{first + 1}?"
    if sure_rows:
        assert model.headerData(sure_rows[0], Qt.Orientation.Vertical) == str(sure_rows[0] + 1)
    tip = model.index(first, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Weak link: confidence" in tip
    window.named_actions["weak_only"].trigger()
    assert [model.group_at(r) for r in range(model.rowCount())] == weak_rows
    window.named_actions["weak_only"].trigger()
    assert model.rowCount() == len(groups)
