"""`drift-viewer A B C` (issue 14, point 4): the window shows A beside C, the middle version's sentences of
the current row beneath the table, and the facts of A against C."""

from __future__ import annotations

from pathlib import Path

from conftest import open_and_wait
from PySide6.QtCore import Qt

from drift_viewer.engine.model import ChangeKind

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
A, B, C = DATA / "en-de.en.txt", DATA / "en-de.de.txt", DATA / "en-de.back.txt"


def test_three_versions_show_a_beside_c_with_b_beneath(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(A, B, str(C))
    comparison = window.prepared.comparison
    assert (comparison.left.document.name, comparison.right.document.name) == (A.name, C.name)
    assert comparison.mode == "same-language" and window.model.rowCount() == 10
    assert "three versions: A against C through en-de.de.txt" in window.summary_label.text()
    kinds = {(e.kind, e.change.left_text, e.change.right_text) for e in window.prepared.changes}
    assert (ChangeKind.NUMBER, "4.5", "5.4") in kinds and (ChangeKind.NAME, "Schmidt", "Schmitt") in kinds
    middle = window.middle
    assert middle.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the next changed row
    group = window.model.group_at(window.view.currentIndex().row())
    assert group == 1 and "5,4 Milliarden" in middle.text.toPlainText()
    assert middle.windowTitle() == "Middle version (B): en-de.de.txt, row 2"
    # The facts dock reads A against C.
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        window.facts.focus()
    changed = [(r.left_text, r.right_text) for r in window.facts.panel.model.shown if r.status.value == "changed"]
    assert changed == [("4.5 billion", "5.4 billion"), ("12", "21")]
    assert window.store.recent() == []  # a three-version run is no pair to reopen
    # A pair again: no middle version.
    open_and_wait(qtbot, window, A, B)
    assert not middle.isVisible() and window.prepared.middle == ()


def test_the_window_takes_two_or_three_files(capsys):
    import pytest

    from drift_viewer import cli

    with pytest.raises(SystemExit) as exit_:
        cli.main([str(A), str(B), str(C), str(A)])
    assert exit_.value.code == 2 and "three (A B C)" in capsys.readouterr().err


def test_a_sentence_only_the_middle_version_has_shows_in_the_middle_dock_with_the_row_before(
    qtbot, make_window, tmp_path
):
    from tests.report.test_three_report import REVISIONS

    for name, text in REVISIONS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    a, b, c = (tmp_path / name for name in REVISIONS)
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(a, b, str(c))
    assert window.model.rowCount() == 2 and window.prepared.three is not None
    window.middle.follow_group(0)
    assert window.middle.text.toPlainText() == (
        "The mayor said that 40 people were hurt. The bridge will reopen in May.\n(only in B) The storm hit at night."
    )
    window.middle.follow_group(1)
    assert window.middle.text.toPlainText() == "Officials met in Kyiv."
