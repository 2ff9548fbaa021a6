"""Issue 13, the window's first hour as a newcomer lives it: size, where it opens, split/merge rows,
per-row similarity, the Changes list following the table, and the Kinds filter."""

from __future__ import annotations

from conftest import open_and_wait
from PySide6.QtCore import QPoint, Qt

from drift_viewer.app.table.model import MATCH_COLUMN, MatchRole
from drift_viewer.engine.model import ChangeKind

SPLIT_LEFT = """The council met on Monday.

The mayor said the new bridge over the river would cost four million euros and that work would start next spring.

Residents welcomed the plan."""
SPLIT_RIGHT = """The council met on Monday.

The mayor said the new bridge over the river would cost four million euros. Work would start next spring, she added.

Residents welcomed the plan."""


def _bare_window(qtbot):
    from drift_viewer.app.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    return window


def _close(window) -> None:
    window.close()  # saves the settings
    window.runner.shutdown()
    window.runner.wait(5000)


def test_first_run_fills_most_of_the_screen_and_a_saved_size_wins(qtbot, dialogs):
    window = _bare_window(qtbot)
    window.show()
    available = window.screen().availableGeometry()
    assert abs(window.width() - 0.8 * available.width()) <= 2
    assert abs(window.height() - 0.8 * available.height()) <= 2
    assert available.contains(window.geometry().center())
    window.resize(int(available.width() * 0.5), int(available.height() * 0.6))
    saved = window.size()
    _close(window)
    again = _bare_window(qtbot)
    again.show()
    assert again.size() == saved  # the size the user left, not 80% again
    _close(again)


def _row_with_change(window) -> int:
    return next(r for r in range(window.model.rowCount()) if window.prepared.group_kinds[window.model.group_at(r)])


def test_opens_at_the_top_with_row_1_selected_and_its_change_in_the_list(seed_window):
    window = seed_window
    view = window.view
    assert view.verticalScrollBar().value() == 0 and view.rowAt(0) == 0
    assert view.currentIndex().row() == 0
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
    # Row 1 of the seed pair is the headline only the spun copy (left) has: the list shows it, selected.
    selected = window.changes.view.selectionModel().selectedRows()
    entry = window.changes.model.shown[selected[0].row()]
    assert entry.group == 0 and entry.kind is ChangeKind.DELETED


def test_open_at_first_change_is_a_remembered_choice(qtbot, make_window, write):
    same = "\n\n".join(f"Paragraph {n} says nothing new about the bridge." for n in range(12))
    left = write("a.txt", f"{same}\n\nThe repairs will cost 4.5 million euros.")
    right = write("b.txt", f"{same}\n\nThe repairs will cost 5.4 million euros.")
    window = make_window()
    open_and_wait(qtbot, window, left, right)
    assert window.view.currentIndex().row() == 0
    action = window.named_actions["open_at_first_change"]
    assert action in window.menuBar().actions()[3].menu().actions()  # Go > Open at First Change
    action.trigger()
    open_and_wait(qtbot, window, right, left)
    row = window.view.currentIndex().row()
    assert row == 12 and window.prepared.group_kinds[window.model.group_at(row)] is ChangeKind.NUMBER
    assert window.view.row_fully_visible(row)
    window.close()
    again = make_window()
    assert again.named_actions["open_at_first_change"].isChecked()


def test_split_and_merge_rows_carry_a_badge_and_every_changed_row_its_similarity(qtbot, make_window, write):
    window = make_window()
    open_and_wait(qtbot, window, write("a.txt", SPLIT_LEFT), write("b.txt", SPLIT_RIGHT))
    header = window.view.horizontalHeader()
    assert header.visualIndex(MATCH_COLUMN) == 1  # between the two texts
    split = window.model.index(1, MATCH_COLUMN)
    assert split.data() == "90% 1→2"
    assert "a split" in split.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Similarity 90%" in window.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert window.model.index(0, MATCH_COLUMN).data() == ""  # an equal row: nothing to say
    # What is shown is painted: the badge's frame and digits make the cell differ from its background.
    rect = window.view.visualRect(split)
    image = window.view.viewport().grab(rect).toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 3
    open_and_wait(qtbot, window, write("c.txt", SPLIT_RIGHT), write("d.txt", SPLIT_LEFT))
    merge = window.model.index(1, MATCH_COLUMN)
    assert merge.data(MatchRole).badge == "2→1" and "a merge" in merge.data(Qt.ItemDataRole.AccessibleTextRole)
    # The list follows a click on the split row, and holds nothing selected for an equal row.
    selected = window.changes.view.selectionModel().selectedRows
    _click_row(qtbot, window, 1)
    assert [window.changes.model.shown[i.row()].group for i in selected()] == [1]
    _click_row(qtbot, window, 2)
    assert window.model.group_at(2) == 2 and selected() == []
    # Copying rows copies the two texts only, as before the column existed.
    window.view.selectRow(1)
    assert window.view.selected_text().count("\t") == 1


def test_the_changes_list_follows_alt_down_alt_up_and_clicks(qtbot, seed_window):
    window = seed_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    panel = window.changes

    def listed_group() -> int | None:
        rows = panel.view.selectionModel().selectedRows()
        return panel.model.shown[rows[0].row()].group if rows else None

    visited = []
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        group = window.model.group_at(window.view.currentIndex().row())
        assert listed_group() == group
        visited.append(group)
    assert visited == sorted(visited) and len(set(visited)) == 4
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert listed_group() == visited[-2] == window.model.group_at(window.view.currentIndex().row())
    # A click on a row of the table: the list follows it too.
    row = _row_with_change(window)
    _click_row(qtbot, window, row)
    assert listed_group() == window.model.group_at(row)


def _click_row(qtbot, window, row: int) -> None:
    window.view.scrollTo(window.model.index(row, 0))
    window.view.fit_visible_rows()
    point = window.view.visualRect(window.model.index(row, 0)).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_kinds_filter_stays_open_while_ticking_and_shows_only_one_kind(qtbot, seed_window):
    window = seed_window
    panel = window.changes
    qtbot.mouseClick(panel.kinds_button, Qt.MouseButton.LeftButton)
    popup = panel.kinds
    assert popup.isVisible()
    name_box = popup.boxes[ChangeKind.NAME]
    assert name_box.isChecked() and "Name (3)" in name_box.text()
    for kind in (ChangeKind.NAME, ChangeKind.TYPOGRAPHY):
        box = popup.boxes[kind]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        assert popup.isVisible() and not box.isChecked()  # still open after each toggle
    assert {e.kind for e in panel.model.shown}.isdisjoint({ChangeKind.NAME, ChangeKind.TYPOGRAPHY})
    assert panel.kinds_button.text() == "Kinds (2 hidden)…"
    qtbot.mouseClick(popup.only_buttons[ChangeKind.QUOTE], Qt.MouseButton.LeftButton)  # one click, not 11
    assert {e.kind for e in panel.model.shown} == {ChangeKind.QUOTE}
    assert [k for k, b in popup.boxes.items() if b.isChecked()] == [ChangeKind.QUOTE]
    assert panel.count_label.text() == f"18 of {len(panel.model.all)} changes"
    qtbot.mouseClick(popup.show_all_button, Qt.MouseButton.LeftButton)
    assert len(panel.model.shown) == len(panel.model.all) and all(b.isChecked() for b in popup.boxes.values())
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_the_kinds_filter_works_from_the_keyboard(qtbot, seed_window):
    panel = seed_window.changes
    panel.kinds_button.setFocus()
    qtbot.keyClick(panel.kinds_button, Qt.Key.Key_Space)
    popup = panel.kinds
    qtbot.waitUntil(popup.isVisible)
    first = popup.boxes[ChangeKind.NAME]
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert popup.isVisible() and not first.isChecked()
    assert ChangeKind.NAME not in {e.kind for e in panel.model.shown}
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert popup.only_buttons[ChangeKind.NAME].hasFocus()
    qtbot.keyClick(popup.only_buttons[ChangeKind.NAME], Qt.Key.Key_Space)
    assert {e.kind for e in panel.model.shown} == {ChangeKind.NAME}


def test_closing_the_find_bar_takes_its_highlights_off_and_opening_it_puts_them_back(qtbot, make_window, sample_pair):
    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.edit, "bridge")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.view.delegate.find_text == "bridge"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.delegate.find_text == ""  # every "bridge" stayed highlighted with the bar gone
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.edit.text() == "bridge" and window.view.delegate.find_text == "bridge"
