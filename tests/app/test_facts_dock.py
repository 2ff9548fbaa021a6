"""The Facts dock (issue 14, point 3): driven as a user would, with the keyboard and clicks, on a
translation and on a same-language pair."""

from __future__ import annotations

from pathlib import Path

from conftest import open_and_wait
from PySide6.QtCore import Qt

from drift_viewer.engine.classify.facttable import FactKind, FactStatus

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"


def _open_facts(qtbot, window):
    """Ctrl+3, as a user would, and wait for the facts to be read."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = window.facts.panel
    assert window.facts.in_view and panel.view.hasFocus()
    return panel


def _shown(panel):
    return [(r.kind, r.status, r.left_text, r.right_text) for r in panel.model.shown]


def _table_group(window) -> int:
    return window.model.group_at(window.view.currentIndex().row())


def test_translation_facts_listed_riskiest_first_and_filtered(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    # Behind the Changes tab nothing is read: most users never open it.
    assert not window.facts.in_view and window.facts.panel.model.all == []
    panel = _open_facts(qtbot, window)
    rows = _shown(panel)
    assert rows[:2] == [
        (FactKind.NUMBER, FactStatus.CHANGED, "4.5 billion", "5,4 Milliarden"),
        (FactKind.NUMBER, FactStatus.CHANGED, "12", "21"),
    ]
    assert (FactKind.NAME, FactStatus.RESPELLED, "Schmidt", "Schmitt") in rows
    assert (FactKind.NUMBER, FactStatus.SAME, "1,200", "1.200") in rows
    assert (FactKind.DATE, FactStatus.SAME, "March", "März") in rows
    assert "names" in panel.sides_label.text() and panel.sides_label.text().count("numbers") == 2
    assert panel.count_label.text() == f"{len(rows)} facts"
    # The status filter, from the keyboard: Alt+S is its label's mnemonic, then the choices by arrow.
    qtbot.keyClick(panel.status_box, Qt.Key.Key_Down)  # "Not same"
    assert all(status is not FactStatus.SAME for _, status, *_ in _shown(panel))
    differ = len(panel.model.shown)
    qtbot.keyClick(panel.status_box, Qt.Key.Key_Down)  # "≠ changed"
    assert {status for _, status, *_ in _shown(panel)} == {FactStatus.CHANGED}
    assert panel.count_label.text() == f"2 of {len(rows)} facts"
    assert panel.status_box.currentText() == "≠ changed (2)"
    panel.status_box.setCurrentIndex(0)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(FactKind.DATE))
    assert {kind for kind, *_ in _shown(panel)} == {FactKind.DATE} and len(_shown(panel)) == 2
    assert differ < len(rows)


def test_enter_and_click_jump_to_the_row_and_the_list_follows_the_table(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    panel = _open_facts(qtbot, window)
    target = next(k for k, r in enumerate(panel.model.shown) if r.right_text == "21")
    panel.view.setCurrentIndex(panel.model.index(target, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert _table_group(window) == panel.model.shown[target].group == 7
    assert "12 April" in window.prepared.comparison.left.text[panel.model.shown[target].left.start - 25 :]
    # A click on another fact.
    other = next(k for k, r in enumerate(panel.model.shown) if r.left_text == "Schmidt")
    rect = panel.view.visualRect(panel.model.index(other, 2))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _table_group(window) == panel.model.shown[other].group == 5
    # The table moves (Alt+Up): the list selects that row's first fact.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    group = _table_group(window)
    selected = panel.view.selectionModel().selectedRows()
    assert selected and panel.model.shown[selected[0].row()].group == group != 5


def test_same_language_pair_and_a_new_comparison_replaces_the_facts(qtbot, make_window, write):
    window = make_window()
    open_and_wait(qtbot, window, DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    panel = _open_facts(qtbot, window)
    left = write("a.txt", "Minister Avril Haines said 55% of the 1,200 staff left in March.\n")
    right = write("b.txt", "Minister Avril Haynes said 45% of the 1,200 staff left in March.\n")
    with qtbot.waitSignal(window.facts.ready, timeout=30_000):
        window.open_pair(left, right)
    rows = _shown(panel)
    assert rows[0] == (FactKind.PERCENT, FactStatus.CHANGED, "55", "45")
    assert (FactKind.NAME, FactStatus.RESPELLED, "Haines", "Haynes") in rows
    assert not any(r[2] == "4.5 billion" for r in rows)
    assert panel.sides_label.text().startswith("Left: 2 names, 1 number, 1 percentage, 1 date")


def test_f6_and_the_menus_reach_the_facts(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    go = next(a for a in window.menuBar().actions() if a.text() == "&Go").menu()
    view = next(a for a in window.menuBar().actions() if a.text() == "&View").menu()
    assert "Go to F&acts Panel" in [a.text() for a in go.actions()]
    assert "&Facts Panel" in [a.text() for a in view.actions()]
    _open_facts(qtbot, window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F6)  # the Changes list is behind its tab: F6 goes to the facts
    assert window.facts.panel.view.hasFocus()
    qtbot.keyClick(window.facts.panel.view, Qt.Key.Key_F6)
    assert window.view.hasFocus()
