"""File > Open Batch Results: a real batch's summary listed riskiest first; Enter opens the pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_and_wait  # noqa: F401  (the app tests' helpers)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from drift_viewer.batch.runner import BatchConfig, run_batch

STORY = (
    "The harbour of Kessendorf was rebuilt in 1998 after the great storm.\n"
    "Mayor Annelie Brandt opened the new pier with forty fishing boats in attendance.\n"
    "The old lighthouse, painted red and white, was moved two hundred metres inland.\n"
)
COMET = (
    "Astronomers at the Ondřejov observatory tracked the comet for nine nights in March.\n"
    "Its tail stretched across four degrees of sky before the solar wind broke it apart.\n"
)


@pytest.fixture
def summary(tmp_path: Path) -> Path:
    sources, copies = tmp_path / "sources", tmp_path / "copies"
    sources.mkdir()
    copies.mkdir()
    (sources / "harbour.txt").write_text(STORY, encoding="utf-8")
    (sources / "comet.txt").write_text(COMET, encoding="utf-8")
    (copies / "comet.txt").write_text(COMET, encoding="utf-8")
    (copies / "harbour.txt").write_text(STORY.replace("Brandt", "Brand").replace("forty", "fourteen"), encoding="utf-8")
    (copies / "recipe.txt").write_text(
        "Knead the dough with butter and cardamom, then bake the buns.\n", encoding="utf-8"
    )
    run_batch(BatchConfig(str(sources), str(copies), str(tmp_path / "out"), workers=1, progress=False))
    return tmp_path / "out" / "summary.json"


def _action(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File")
    return next(a for a in file_menu.actions() if a.objectName() == "openBatchResults")


def test_open_batch_results_lists_pairs_and_opens_one(qtbot, make_window, summary, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(summary), "Batch summary (summary.json)"))
    _action(window).trigger()
    dialog = window._batch_results
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["harbour.txt", "recipe.txt", "comet.txt"]
    assert table.item(1, 1).text() == "no source found"
    assert "name" in table.item(0, 3).text()
    # The copy without a source says why and opens nothing.
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert "no source" in dialog.info.text() and window.left_path is None
    # Enter on the riskiest pair opens it: the source on the left, the copy on the right.
    table.setCurrentCell(0, 0)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    root = summary.parent.parent
    assert Path(window.left_path) == root / "sources" / "harbour.txt"
    assert Path(window.right_path) == root / "copies" / "harbour.txt"
    assert dialog.isVisible()  # stays open for the next pair


def test_a_file_that_is_no_summary_says_why(make_window, dialogs, tmp_path, monkeypatch):
    window = make_window()
    bad = tmp_path / "other.json"
    bad.write_text('{"pairs": []}', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    _action(window).trigger()
    assert any("not a drift-viewer batch summary" in text for text in dialogs)
