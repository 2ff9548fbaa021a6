"""Three versions in the window keep their review (issue 14 point 4 with issue 15): marks made on A
against C are saved as a project holding the three files (Ctrl+S), reopened from a copy of the folder
elsewhere (`drift-viewer PROJECT.drift`) with B beneath each row again, and File > Export HTML Report /
Export JSON write the three-version report and JSON, with the marks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from tests.report.htmltree import parse

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
NAMES = ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


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


def _open_three(qtbot, window, folder: Path) -> None:
    a, b, c = (folder / n for n in NAMES)
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(a, b, str(c))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def _mark_and_save(qtbot, window, monkeypatch, project: Path) -> None:
    _select(window, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL_ALT)  # Mark as Disputed: 4.5 -> 5.4 billion
    _select(window, 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL_ALT)  # Mark as Checked: Schmidt -> Schmitt
    assert window.isWindowModified()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(project), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)  # Save Project
    assert project.is_file() and not window.isWindowModified()


def test_marks_on_three_versions_save_and_reopen_from_a_copied_folder(
    qtbot, make_window, folder, tmp_path, monkeypatch, dialogs
):
    window = make_window()
    _open_three(qtbot, window, folder)
    project = folder / "three.drift"
    _mark_and_save(qtbot, window, monkeypatch, project)
    assert dialogs == []  # no refusal, no warning
    saved = json.loads(project.read_text(encoding="utf-8"))
    assert saved["version"] == 2  # older readers (version 1) refuse it instead of opening A and C as a pair
    assert [saved[k]["relative"] for k in ("left", "middle", "right")] == list(NAMES)
    assert saved["edits"] == [] and sorted(m["status"] for m in saved["marks"]) == ["checked", "disputed"]

    copy = tmp_path / "elsewhere" / "job-copy"
    shutil.copytree(folder, copy)
    shutil.rmtree(folder)  # the absolute paths lead nowhere now
    from drift_viewer.app.launch import build_window

    opened = build_window([str(copy / "three.drift")])
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(
        lambda: opened.review.state is not None and opened.named_actions["export_html"].isEnabled(), timeout=60_000
    )
    assert [Path(p) for p in (opened.left_path, opened.right_path, opened.third_path)] == [copy / n for n in NAMES]
    assert opened.prepared.three is not None and opened.middle.isVisible()
    assert opened.model.row_marks[1][0] == "disputed" and opened.model.row_marks[5][0] == "checked"
    assert not opened.isWindowModified() and opened.windowTitle().startswith("three.drift — ")
    _select(opened, 1)
    assert "5,4 Milliarden" in opened.middle.text.toPlainText()

    # Export from the reopened window: the three-version report, with the marks and B beneath each row.
    out = tmp_path / "three.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    opened.named_actions["export_html"].trigger()
    tree = parse(out.read_text(encoding="utf-8"))
    assert [s.text() for s in tree.find("div", cls="hd").child_elements()] == [
        "#",
        "A: en-de.en.txt",
        "C: en-de.back.txt",
        "B beneath: en-de.de.txt",
        "Review",
    ]
    row2 = tree.find(id="g2")
    assert "5,4 Milliarden" in row2.find("div", cls="B").text() and row2.find("span", cls="disputed")
    assert tree.find(id="g6").find("span", cls="checked")
    review = [li.text() for li in tree.find("ol", cls="rv-list").find_all("li")]
    assert review == ["row 2 Disputed", "row 6 Checked"]
    heads = [th.text() for th in tree.find("table", id="fact-counts").find("thead").find_all("th")]
    assert heads == ["Kind", "A", "B", "C"]

    out_json = tmp_path / "three.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out_json), ""))
    opened.named_actions["export_json"].trigger()
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["schema"] == "drift-viewer-three" and data["b"]["name"] == "en-de.de.txt"
    assert [(m["group"], m["status"]) for m in data["a_c"]["marks"]] == [(1, "disputed"), (5, "checked")]
    number = next(f for f in data["facts"]["rows"] if f["a_text"] == "4.5 billion")
    assert (number["b_text"], number["c_text"], number["a_b"], number["b_c"]) == (
        "5,4 Milliarden",
        "5.4 billion",
        "changed",
        "same",
    )


def test_reopening_after_the_middle_version_changed_says_so(qtbot, make_window, folder, monkeypatch, dialogs):
    window = make_window()
    _open_three(qtbot, window, folder)
    project = folder / "three.drift"
    _mark_and_save(qtbot, window, monkeypatch, project)
    middle = folder / NAMES[1]
    middle.write_text(middle.read_text(encoding="utf-8").replace("5,4 Milliarden", "4,5 Milliarden"), encoding="utf-8")
    again = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(project), ""))
    dialogs.clear()
    with qtbot.waitSignal(again.comparison_ready, timeout=60_000):
        again.named_actions["open_project"].trigger()
    qtbot.waitUntil(lambda: bool(dialogs))
    assert "“en-de.de.txt” changed since the project was saved" in dialogs[-1]
    assert "Every edit and mark still applies" in dialogs[-1]  # the marks are on A against C, unchanged
    _select(again, 1)
    assert "4,5 Milliarden" in again.middle.text.toPlainText()
    assert again.model.row_marks[1][0] == "disputed"


def test_autosave_keeps_marks_on_three_versions(qtbot, make_window, folder, monkeypatch):
    import os

    from drift_viewer.review.project import load_project

    window = make_window()
    _open_three(qtbot, window, folder)
    _select(window, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL_ALT)  # Mark as Disputed, not saved
    assert window.review.recovery.save_now() is True  # before: skipped for three versions
    (saved,) = Path(os.environ["DRIFT_VIEWER_AUTOSAVE"]).glob("*.drift")
    project = load_project(saved)
    assert project.middle is not None and Path(project.middle.path) == folder / NAMES[1]
    assert [m.status.value for m in project.marks.values()] == ["disputed"]
