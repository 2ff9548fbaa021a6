"""Hand edits of the alignment on three versions (issue 14 point 4): the reviewer edits A against C as on
a pair (Ctrl+J, Ctrl+U, Undo), B's sentences follow the edited rows in the Middle version dock, and
Save Project keeps the edits (project version 3), which reopening the project makes again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
NAMES = ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt")
CTRL = Qt.KeyboardModifier.ControlModifier
B1 = "Der Stadtrat von Hamburg kam am 3. März 2024 zusammen"
B2 = "Bürgermeister Peter Tschentscher sagte, das Projekt werde 5,4 Milliarden Euro kosten."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "job"
    work.mkdir()
    for name in NAMES:
        shutil.copy(DATA / name, work / name)
    return work


def _select(window, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(row, 0), flags)


def _middle(window, row: int) -> str:
    _select(window, row)
    return window.middle.text.toPlainText()


def _rows(window) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(g.left, g.right) for g in window.prepared.comparison.groups]


def test_edits_on_three_versions_move_b_with_the_rows_and_are_saved_and_reopened(
    qtbot, make_window, folder, monkeypatch, dialogs
):
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(folder / NAMES[0], folder / NAMES[1], str(folder / NAMES[2]))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    before = _rows(window)
    assert _middle(window, 1).startswith(B2)

    _select(window, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_J, CTRL)  # Link Rows 1–2
    assert dialogs == []  # before: "Editing the alignment is not available for three versions"
    assert _rows(window)[:2] == [((0, 1), (0, 1)), ((2,), (2,))]
    joined = _middle(window, 0)
    assert B1 in joined and B2 in joined  # B's two sentences beneath the joined row
    assert _middle(window, 1).startswith("Etwa 1.200 Menschen")  # the rows after it kept their B

    _select(window, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_U, CTRL)  # Unlink Row: four one-sided rows
    assert _rows(window)[:4] == [((0,), ()), ((1,), ()), ((), (0,)), ((), (1,))]
    assert _middle(window, 0).startswith(B1) and _middle(window, 1).startswith(B2)  # B stays with A
    assert _middle(window, 2) == "(no sentence of B in this row)"

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # Undo the unlink
    assert _rows(window)[:2] == [((0, 1), (0, 1)), ((2,), (2,))] and B2 in _middle(window, 0)
    window.view.setFocus()
    project = folder / "three.drift"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(project), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)  # Save Project
    assert dialogs == [] and project.is_file() and not window.isWindowModified()
    saved = json.loads(project.read_text(encoding="utf-8"))
    assert saved["version"] == 3 and [e["op"] for e in saved["edits"]] == ["link-rows"]

    from drift_viewer.app.launch import build_window

    opened = build_window([str(project)])
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(
        lambda: opened.review.state is not None and opened.named_actions["export_json"].isEnabled(), timeout=60_000
    )
    assert _rows(opened) == _rows(window) != before
    assert B2 in _middle(opened, 0) and opened.prepared.comparison.groups[0].manual
    out = folder / "three.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    opened.named_actions["export_json"].trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["rows"][0] == {"row": 1, "a": [0, 1], "b": [0, 1], "c": [0, 1], "a_c_group": 0}
    number = next(f for f in data["facts"]["rows"] if f["a_text"] == "4.5 billion")
    assert (number["row"], number["a_b"], number["a_c"]) == (0, "changed", "changed")


def test_a_round_trip_that_changed_nothing_says_a_and_c_are_identical(qtbot, make_window, tmp_path: Path):
    """B dropped a sentence and C restored it: one row, A and C equal, and the banner names the two ends."""
    text = "The council met on Monday. It approved a budget of 4.5 billion. The mayor did not agree. Schmidt left.\n"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace(" The mayor did not agree.", ""), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(a, b, str(a))
    assert _rows(window) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert window.banner.isVisibleTo(window)
    assert window.banner.label.text() == "A and C are identical, though b.txt dropped 1 row that C restored."
    assert _middle(window, 2) == "(no sentence of B in this row)" and _middle(window, 3) == "Schmidt left."
