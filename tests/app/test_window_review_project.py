"""Project files in the window: Save Project (Ctrl+S), reopening after a file changed (the message lists
what no longer applies), a project opened from a copied folder (`drift-viewer PROJECT.drift`), asking
before closing unsaved work, crash recovery from a real crashed process, and the TMX/TSV exports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import open_and_wait
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drift_viewer.engine.model import GroupKind

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample pair in a folder of its own, as a reviewer keeps a job."""
    work = tmp_path / "job"
    work.mkdir()
    for name in ("original.txt", "rewrite.txt"):
        shutil.copy(SAMPLES / name, work / name)
    return work


def select(window, row: int, column: int = 0) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(row, column), flags)


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return window


def review_something(qtbot, window):
    """Link two neighbouring rows, unlink a later one, mark two rows: (linked left sentences, unlinked
    row's left sentence, marked rows' first left sentences)."""
    gs = window.prepared.comparison.groups
    row = next(k for k in range(len(gs) - 1) if all(gs[j].left and gs[j].right for j in (k, k + 1)))
    linked = gs[row].left + gs[row + 1].left
    select(window, row)
    qtbot.keyClick(window.view, Qt.Key.Key_J, CTRL)
    gs = window.prepared.comparison.groups
    later = max(k for k, g in enumerate(gs) if g.left and g.right and g.kind is GroupKind.CHANGED)
    unlinked = gs[later].left[0]
    select(window, later)
    qtbot.keyClick(window.view, Qt.Key.Key_U, CTRL)
    gs = window.prepared.comparison.groups
    marked = [k for k, g in enumerate(gs) if g.left and g.right and not g.manual][:2]
    select(window, marked[0])
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL | Qt.KeyboardModifier.AltModifier)
    select(window, marked[1])
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL | Qt.KeyboardModifier.AltModifier)
    return linked, unlinked, [gs[k].left[0] for k in marked]


def save_by_keyboard(qtbot, window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert path.is_file()


def test_save_then_reopen_after_a_file_changed_lists_what_no_longer_applies(
    qtbot, make_window, folder, monkeypatch, dialogs
):
    window = active(qtbot, make_window())
    open_and_wait(qtbot, window, folder / "original.txt", folder / "rewrite.txt")
    assert not window.isWindowModified()
    linked, unlinked, marked = review_something(qtbot, window)
    assert window.isWindowModified() and window.windowTitle().endswith("[*] — drift-viewer")
    project = folder / "review.drift"
    save_by_keyboard(qtbot, window, monkeypatch, project)
    assert not window.isWindowModified() and window.windowTitle().startswith("review.drift — ")
    saved = json.loads(project.read_text(encoding="utf-8"))
    assert [e["op"] for e in saved["edits"]] == ["link-rows", "unlink-row"]
    assert sorted(m["status"] for m in saved["marks"]) == ["checked", "disputed"]
    assert saved["left"]["relative"] == "original.txt"

    # The left file changes: the unlinked row's sentence and the checked row's sentence are reworded.
    comparison = window.prepared.comparison
    sentences = comparison.left.sentences
    text = (folder / "original.txt").read_text(encoding="utf-8")
    for index in (unlinked, marked[0]):
        old = sentences[index].text
        text = text.replace(old, "Nothing of the kind was said at the meeting.", 1)
    (folder / "original.txt").write_text(text, encoding="utf-8")

    again = active(qtbot, make_window())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(project), ""))
    dialogs.clear()
    with qtbot.waitSignal(again.comparison_ready, timeout=30_000):
        again.named_actions["open_project"].trigger()
    qtbot.waitUntil(lambda: bool(dialogs))
    message = dialogs[-1]
    assert "“original.txt” changed since the project was saved" in message
    assert "1 edit and 1 mark no longer apply" in message
    assert "Unlink row" in message and "Checked" in message
    groups = again.prepared.comparison.groups
    (home,) = [g for g in groups if linked[0] in g.left]
    assert home.left == linked and home.manual  # the link still applies: its sentences are there
    disputed = [k for k, g in enumerate(groups) if marked[1] in g.left]
    assert again.model.row_marks[disputed[0]][0] == "disputed"
    assert again.windowTitle().startswith("review.drift — ") and not again.isWindowModified()


def test_a_project_opens_from_a_copy_of_its_folder_elsewhere(qtbot, make_window, folder, tmp_path, monkeypatch):
    window = active(qtbot, make_window())
    open_and_wait(qtbot, window, folder / "original.txt", folder / "rewrite.txt")
    linked, _, marked = review_something(qtbot, window)
    save_by_keyboard(qtbot, window, monkeypatch, folder / "review.drift")
    copy = tmp_path / "elsewhere" / "job-copy"
    shutil.copytree(folder, copy)
    shutil.rmtree(folder)  # the absolute paths in the project lead nowhere now

    from drift_viewer.app.launch import build_window

    opened = build_window([str(copy / "review.drift")])
    qtbot.addWidget(opened)
    opened.show()
    try:
        qtbot.waitUntil(lambda: opened.prepared is not None, timeout=30_000)
        assert Path(opened.left_path) == copy / "original.txt"
        groups = opened.prepared.comparison.groups
        assert any(g.left == linked and g.manual for g in groups)
        assert {status for status, _ in opened.model.row_marks.values()} == {"checked", "disputed"}
        assert opened.review.project_path == str(copy / "review.drift")
    finally:
        opened.runner.shutdown()
        opened.runner.wait(5000)


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(qtbot, make_window, folder, monkeypatch):
    window = active(qtbot, make_window())
    open_and_wait(qtbot, window, folder / "original.txt", folder / "rewrite.txt")
    review_something(qtbot, window)
    asked = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(window.review.projects, "ask_unsaved", lambda: asked.append(1) or answers.pop(0))
    assert not window.close() and window.isVisible()
    assert window.close()
    assert len(asked) == 2


CRASHING = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QItemSelectionModel, QSettings
    from drift_viewer.app.launch import application
    app = application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
    from drift_viewer.app.window.main_window import MainWindow
    window = MainWindow()
    window.show()
    done = []
    window.comparison_ready.connect(lambda: done.append(1))
    window.open_pair({left!r}, {right!r})
    while not done:
        app.processEvents()
    gs = window.prepared.comparison.groups
    row = next(k for k in range(len(gs) - 1) if all(gs[j].left and gs[j].right for j in (k, k + 1)))
    window.view.selectionModel().setCurrentIndex(
        window.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    window.named_actions["link_rows"].trigger()
    print("linked", gs[row].left + gs[row + 1].left, flush=True)
    window.review.recovery.timer.setInterval(100)  # the autosave timer, sooner than its minute
    window.review.recovery.timer.start()
    folder = {recovery!r}
    while not (os.path.isdir(folder) and any(n.endswith(".drift") for n in os.listdir(folder))):
        app.processEvents()
    os._exit(3)  # a crash: no close, no clean-up
    """
)


def test_after_a_crash_the_autosaved_work_is_offered_back(qtbot, make_window, folder, tmp_path, dialogs):
    recovery = Path(os.environ["DRIFT_VIEWER_AUTOSAVE"])
    script = CRASHING.format(
        root=str(ROOT),
        settings=str(tmp_path / "crashed-settings"),
        left=str(folder / "original.txt"),
        right=str(folder / "rewrite.txt"),
        recovery=str(recovery),
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 3, done.stderr[-2000:]
    linked = tuple(int(i) for i in done.stdout.split("(")[1].split(")")[0].split(",") if i.strip())
    assert list(recovery.glob("*.drift")) and list(recovery.glob("*.lock"))

    window = make_window()  # the next start: the offer comes first (answered Yes by the test's dialogs)
    qtbot.waitUntil(lambda: window.prepared is not None, timeout=30_000)
    assert any("did not close normally" in text for text in dialogs)
    groups = window.prepared.comparison.groups
    assert any(g.left == linked and g.manual for g in groups)
    assert window.isWindowModified() and window.review.project_path is None
    assert not list(recovery.glob("*.drift"))  # offered once: the next start does not ask again


def test_export_tmx_and_tsv_from_the_file_menu_include_the_hand_edits(qtbot, make_window, folder, monkeypatch):
    window = active(qtbot, make_window())
    open_and_wait(qtbot, window, folder / "original.txt", folder / "rewrite.txt")
    linked, _, _ = review_something(qtbot, window)
    comparison = window.prepared.comparison
    sentences = comparison.left.sentences
    for name, suffix in (("export_tmx", ".tmx"), ("export_tsv", ".tsv"), ("export_json", ".json")):
        out = folder / f"out{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, out=out, **k: (str(out), ""))
        window.named_actions[name].trigger()
        assert out.is_file()
    root = ET.parse(folder / "out.tmx").getroot()
    units = root.findall("./body/tu")
    # A unit per two-sided group, and per moved pair (its two halves are one translation unit).
    two_sided = [g for g in comparison.groups if (g.left and g.right) or (g.kind is GroupKind.MOVED and g.left)]
    assert len(units) == len(two_sided)
    joined = comparison.left.group_text(linked)
    assert any(" ".join(joined.split()) in " ".join("".join(tuv.itertext()).split()) for tu in units for tuv in tu)
    data = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    assert sorted(m["status"] for m in data["marks"]) == ["checked", "disputed"]
    assert [g["left"] for g in data["groups"] if g.get("manual")][0] == list(linked)
    lines = (folder / "out.tsv").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(sentences[linked[0]].text) and sentences[linked[-1]].text in line for line in lines)


def test_a_project_reads_its_files_with_its_own_encoding_in_the_window(qtbot, make_window, tmp_path, monkeypatch):
    """A project saved with --encoding koi8-r: the window reads its files that way too (it used to read
    them with the detected encoding and showed another text than `compare PROJECT.drift`)."""
    from drift_viewer.engine.load import load_file
    from drift_viewer.engine.pipeline import compare_documents
    from drift_viewer.review.project import Loading, load_project, project_of, save_project

    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_bytes("Caf\xe9 du Monde opened at nine. It closed at ten.\n".encode("latin-1"))
    right.write_bytes("Caf\xe9 du Monde opened at eight. It closed at ten.\n".encode("latin-1"))
    how = Loading(encoding="koi8-r")
    docs = [load_file(p, encoding=how.encoding) for p in (left, right)]
    path = tmp_path / "job.drift"
    save_project(path, project_of(compare_documents(*docs), (), None, how))
    assert load_project(path).loading.encoding == "koi8-r"

    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.named_actions["open_project"].trigger()
    qtbot.waitUntil(lambda: window.prepared is not None, timeout=30_000)
    expected = "Caf" + b"\xe9".decode("koi8-r")
    assert expected in window.prepared.comparison.left.document.text
    assert expected in window.prepared.comparison.right.document.text
    # Saved again, the project keeps its way of reading the files.
    again = tmp_path / "again.drift"
    window.review.projects.write(str(again))
    assert load_project(again).loading == how
