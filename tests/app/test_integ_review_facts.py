"""Where hand edits meet the Facts dock and three versions (found by integ3): an edit renumbers the rows,
so the fact table must be read again off the edited comparison. Hand edits on three versions:
tests/app/test_three_versions_edits.py."""

from __future__ import annotations

from pathlib import Path

from conftest import open_and_wait
from PySide6.QtCore import QItemSelectionModel, Qt

from drift_viewer.engine.classify.facttable import fact_table

CTRL = Qt.KeyboardModifier.ControlModifier
DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"


def _select(window, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(row, 0), flags)


def _listed(window):
    return [(r.kind, r.status, r.group, r.left_text, r.right_text) for r in window.facts.panel.model.all]


def test_facts_dock_follows_a_hand_edit_and_its_undo_and_a_click_jumps_to_the_edited_row(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    before = _listed(window)
    assert before and max(r[2] for r in before) >= 2
    window.view.setFocus()
    _select(window, 0)
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        qtbot.keyClick(window.view, Qt.Key.Key_J, CTRL)  # rows 1 and 2 become one: later rows move up
    comparison = window.prepared.comparison
    after = _listed(window)
    expected = [(r.kind, r.status, r.group, r.left_text, r.right_text) for r in fact_table(comparison)]
    assert sorted(after, key=repr) == sorted(expected, key=repr) and after != before
    # Activating the last fact jumps to the row that holds it in the edited comparison.
    panel = window.facts.panel
    row = max(k for k, r in enumerate(panel.model.shown) if r.left_text)
    last = panel.model.shown[row]
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(panel.model.index(row, 0)).center()
    )
    assert window.model.group_at(window.view.currentIndex().row()) == last.group
    assert last.left_text in comparison.left.group_text(comparison.groups[last.group].left)
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        window.named_actions["undo"].trigger()
    assert _listed(window) == before


def test_export_html_from_the_window_writes_the_report_with_facts_review_and_the_hand_link(
    qtbot, make_window, sample_pair, tmp_path, monkeypatch, dialogs
):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    gs = window.prepared.comparison.groups
    row = next(k for k in range(len(gs) - 1) if all(gs[j].left and gs[j].right for j in (k, k + 1)))
    _select(window, row)
    window.named_actions["link_rows"].trigger()
    window.named_actions["mark_disputed"].trigger()
    out = tmp_path / "out.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.named_actions["export_html"].trigger()
    assert dialogs == [] and out.exists()  # it said "not available": app/window imported ..report
    html = out.read_text(encoding="utf-8")
    assert 'id="facts"' in html and 'id="review"' in html and 'id="manual-count"' in html


def test_closing_three_versions_with_marks_offers_to_save_them_as_a_project(qtbot, make_window, dialogs):
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(DATA / "en-de.en.txt", DATA / "en-de.de.txt", str(DATA / "en-de.back.txt"))
    _select(window, 1)
    window.named_actions["mark_disputed"].trigger()
    assert window.review.dirty
    assert window.review.projects.may_discard() is True  # the dialogs fixture answers: neither Save nor Cancel
    assert len(dialogs) == 1 and "unsaved changes" in dialogs[0] and "Save them as a project" in dialogs[0]
