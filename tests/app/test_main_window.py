"""The window driven the way a user drives it: command line, actions, drops, keys, dialogs."""

from __future__ import annotations

import warnings

from conftest import open_and_wait
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from drift_viewer import cli
from drift_viewer.app.table.model import CellRole
from drift_viewer.engine.model import RISK_ORDER, ChangeKind, GroupKind


def utf16_slice(text: str, start: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * (start + length)].decode("utf-16-le")


def highlighted(window, row: int, column: int) -> list[tuple[str, ChangeKind]]:
    cell = window.model.index(row, column).data(CellRole)
    return [(utf16_slice(cell.text, h.start, h.length), h.kind) for h in cell.highlights]


# --- entry points --------------------------------------------------------------------------------


def test_screenshot_from_the_command_line(qapp, seed, tmp_path):
    out = tmp_path / "seed.png"
    assert cli.main([str(seed[0]), str(seed[1]), "--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_screenshot_of_a_missing_file_exits_2(qapp, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert cli.main([str(missing), str(missing), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert "nope.txt" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_no_files_opens_the_bundled_sample(qtbot, dialogs):
    from drift_viewer.app.launch import build_window

    window = build_window([])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        pass
    assert window.prepared.comparison.left.document.name == "original.txt"
    assert window.prepared.comparison.right.document.name == "rewrite.txt"
    assert window.model.rowCount() > 0


def test_open_actions_use_the_file_dialogs(qtbot, make_window, seed, monkeypatch):
    window = make_window()
    answers = [str(seed[0]), str(seed[1])]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answers.pop(0), ""))
    window.named_actions["open_left"].trigger()
    assert window.prepared is None and "right" in window.summary_label.text()
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["open_right"].trigger()
    assert window.files_label.text() == "spun-copy.txt  ⇄  rferl-original.txt"
    assert window.named_actions["open_left"].shortcut().toString() == "Ctrl+O"
    assert window.named_actions["open_right"].shortcut().toString() == "Ctrl+Shift+O"


def _drop(window, paths, pos: QPointF) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():  # Qt 6 marks the QPoint constructor deprecated but has no other
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos.toPoint(), *args)
    # Qt delivers a drop only to a widget that accepted the drag's enter event, as in a real drag.
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(pos, *args))


def test_dropping_two_files_opens_the_pair(qtbot, make_window, seed):
    window = make_window()
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        _drop(window, seed, QPointF(300, 300))
    assert window.left_path == str(seed[0]) and window.right_path == str(seed[1])


def test_dropping_one_file_on_the_right_side_replaces_it(qtbot, make_window, seed, write):
    window = make_window()
    open_and_wait(qtbot, window, *seed)
    other = write("other.txt", "A completely different text about the harbour bridge.")
    view = window.view
    right_point = view.viewport().mapTo(window, view.viewport().rect().center())
    right_point.setX(right_point.x() + view.columnWidth(0) // 2)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        _drop(window, [other], QPointF(right_point))
    assert window.left_path == str(seed[0]) and window.right_path == str(other)


def test_swap_sides_and_recent_pairs(qtbot, seed_window, seed):
    window = seed_window
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["swap"].trigger()
    assert window.prepared.comparison.left.document.name == "rferl-original.txt"
    recent = [a for a in window.recent_menu.actions() if "⇄" in a.text()]
    assert len(recent) == 2 and "rferl-original.txt ⇄ spun-copy.txt" in recent[0].text()


# --- what the rows show --------------------------------------------------------------------------


def test_rows_face_each_other_with_the_name_change_highlighted(seed_window):
    window = seed_window
    comparison = window.prepared.comparison
    assert window.model.rowCount() == len(comparison.groups)
    rows = [r for r in range(window.model.rowCount()) if ("Haynes", ChangeKind.NAME) in highlighted(window, r, 0)]
    assert rows, "the Haynes/Haines change is highlighted as a name on the left"
    assert ("Haines", ChangeKind.NAME) in highlighted(window, rows[0], 1)
    assert window.model.index(rows[0], 0).data() == comparison.left.group_text(comparison.groups[rows[0]].left)


def test_one_sided_and_moved_rows(qtbot, make_window, write):
    window = make_window()
    moved = "The council approved the new harbour budget after a long debate on Tuesday evening."
    left = write(
        "l.txt", f"Alpha one two three.\n\n{moved}\n\nBeta four five six.\n\nGamma seven eight nine.\n\nDelta ten."
    )
    right = write(
        "r.txt", f"Alpha one two three.\n\nBeta four five six.\n\nGamma seven eight nine.\n\nDelta ten.\n\n{moved}"
    )
    open_and_wait(qtbot, window, left, right)
    groups = window.prepared.comparison.groups
    # A long, word-for-word identical sentence from the second paragraph to the end: a move, not a
    # deletion plus an insertion. If the engine stops reporting it, that is a regression to fail on.
    moved = [r for r, g in enumerate(groups) if g.kind is GroupKind.MOVED]
    assert len(moved) == 2, [(g.left, g.right, g.kind.value) for g in groups]
    row = next(r for r in moved if groups[r].left)
    assert groups[row].left == (1,) and groups[groups[row].partner].right == (4,)
    assert groups[groups[row].partner].partner == row
    empty = window.model.index(row, 1)
    assert empty.data() == "" and empty.data(CellRole).moved_to == groups[row].partner
    window.view.clicked.emit(empty)
    assert window.view.currentIndex().row() == window.model.row_of_group(groups[row].partner)
    assert window.view.delegate.flash_group == groups[row].partner


def test_copy_puts_the_selected_rows_on_the_clipboard(seed_window):
    window = seed_window
    view = window.view
    view.selectRow(1)
    window.named_actions["copy"].trigger()
    comparison = window.prepared.comparison
    group = comparison.groups[1]
    text = QGuiApplication.clipboard().text()
    assert comparison.left.group_text(group.left).replace("\n", " ") in text
    assert comparison.right.group_text(group.right).replace("\n", " ") in text


def test_part_of_a_sentence_can_be_selected_and_copied(qtbot, seed_window):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QDialog, QPlainTextEdit

    window = seed_window
    index = window.model.index(1, 1)
    window.view.doubleClicked.emit(index)  # what a double-click on the cell sends
    dialog = window.view.findChild(QDialog, "cellTextDialog")
    editor = dialog.findChild(QPlainTextEdit, "cellText")
    assert editor.isReadOnly() and editor.toPlainText() == index.data()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 2)
    editor.setTextCursor(cursor)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied and copied != index.data() and index.data().startswith(copied)
    dialog.close()

    window.view.setCurrentIndex(window.model.index(2, 0))
    window.named_actions["show_text"].trigger()  # Edit > Show Cell Text (Ctrl+T), for keyboard users
    shown = [d for d in window.view.findChildren(QDialog, "cellTextDialog") if d.isVisible()]
    assert shown[-1].findChild(QPlainTextEdit).toPlainText() == window.model.index(2, 0).data()


# --- navigation ----------------------------------------------------------------------------------


def test_next_and_previous_change_visit_changed_rows_in_order(seed_window):
    window = seed_window
    window.view.scrollToTop()
    window.view.setCurrentIndex(window.model.index(0, 0))
    expected = window.nav.changed_rows()
    visited = [0]
    for _ in range(len(expected) - 1):
        window.named_actions["next_change"].trigger()
        visited.append(window.view.currentIndex().row())
    assert visited == expected
    window.named_actions["previous_change"].trigger()
    assert window.view.currentIndex().row() == expected[-2]
    assert window.named_actions["next_change"].shortcut().toString() == "Alt+Down"


def test_changes_panel_is_riskiest_first_filterable_and_jumps(seed_window):
    window = seed_window
    panel = window.changes
    kinds = [e.kind for e in panel.model.shown]
    assert [RISK_ORDER.index(k) for k in kinds] == sorted(RISK_ORDER.index(k) for k in kinds)
    assert kinds[0] is ChangeKind.NAME
    assert len(kinds) == sum(1 for _ in window.prepared.comparison.iter_changes())
    panel.kinds.boxes[ChangeKind.NAME].setChecked(False)
    assert ChangeKind.NAME not in {e.kind for e in panel.model.shown}
    panel.kinds.boxes[ChangeKind.NAME].setChecked(True)
    haynes = next(r for r, e in enumerate(panel.model.shown) if e.change.left_text.strip() == "Haynes")
    index = panel.model.index(haynes, 1)
    panel.view.clicked.emit(index)
    group = panel.model.shown[haynes].group
    assert window.view.currentIndex().row() == window.model.row_of_group(group)
    assert window.view.delegate.flash_group == group
    rect = window.view.visualRect(window.model.index(window.model.row_of_group(group), 0))
    assert window.view.viewport().rect().contains(rect.topLeft())


def test_overview_click_jumps_to_a_changed_row(seed_window):
    window = seed_window
    strip = window.overview
    buckets = strip.buckets(strip.height())
    y = max(i for i, kind in enumerate(buckets) if kind is not None)
    strip.row_clicked.emit(strip.row_at(y))
    assert window.view.currentIndex().row() in window.nav.changed_rows()


def test_find_across_both_sides(qtbot, seed_window):
    window = seed_window
    window.named_actions["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "Haines")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    comparison = window.prepared.comparison
    first = window.view.currentIndex().row()
    group = comparison.groups[window.model.group_at(first)]
    assert "Haines" in comparison.right.group_text(group.right)  # only the right side says Haines
    total = sum(
        1
        for g in comparison.groups
        if "haines" in (comparison.left.group_text(g.left) + "\n" + comparison.right.group_text(g.right)).lower()
    )
    assert total >= 2 and window.find_bar.status.text() == f"1 of {total} rows"
    window.named_actions["find_next"].trigger()
    second = window.view.currentIndex().row()
    assert second > first and window.find_bar.status.text() == f"2 of {total} rows"
    window.named_actions["find_previous"].trigger()
    assert window.view.currentIndex().row() == first
    window.find_bar.edit.setText("no such words anywhere")
    window.find_bar.find_next()
    assert window.find_bar.status.text() == "Not found"


# --- options -------------------------------------------------------------------------------------


def test_ignoring_punctuation_recomputes(qtbot, seed_window):
    window = seed_window
    before = window.prepared
    assert before.counts[ChangeKind.PUNCTUATION] > 0
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["ignore_punctuation"].trigger()
    assert window.prepared is not before
    assert window.prepared.comparison.options.ignore_punctuation
    assert window.prepared.counts[ChangeKind.PUNCTUATION] == 0
    shown = [highlighted(window, r, c) for r in range(window.model.rowCount()) for c in (0, 1)]
    assert all(kind is not ChangeKind.PUNCTUATION for cell in shown for _, kind in cell)


def test_hide_equal_rows_filters_without_recomputing(qtbot, make_window, write):
    window = make_window()
    left = "\n\n".join(f"Paragraph {n} says the same thing here." for n in range(30))
    right = left.replace("Paragraph 12 says", "Paragraph 12 claims")
    open_and_wait(qtbot, window, write("l.txt", left), write("r.txt", right))
    before = window.prepared
    assert window.model.rowCount() == 30
    window.named_actions["hide_equal"].trigger()
    assert window.prepared is before
    assert [window.model.group_at(r) for r in range(window.model.rowCount())] == [11, 12, 13]
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "12"
    window.named_actions["hide_equal"].trigger()
    assert window.model.rowCount() == 30


def test_zoom_changes_the_table_font(seed_window):
    window = seed_window
    size = window.view.font().pointSizeF()
    window.named_actions["zoom_in"].trigger()
    assert window.view.font().pointSizeF() == size + 1
    window.named_actions["zoom_reset"].trigger()
    assert window.view.font().pointSizeF() == size


def test_settings_persist(qtbot, make_window, seed, temp_settings):
    window = make_window()
    open_and_wait(qtbot, window, *seed)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["ignore_case"].trigger()
    window.named_actions["hide_equal"].trigger()
    window.named_actions["zoom_in"].trigger()
    window.changes.kinds.boxes[ChangeKind.TYPOGRAPHY].setChecked(False)
    window.resize(1000, 700)
    window.close()
    assert any(temp_settings.rglob("*.ini"))
    again = make_window()
    assert again.named_actions["ignore_case"].isChecked() and again.named_actions["hide_equal"].isChecked()
    assert not again.named_actions["ignore_punctuation"].isChecked()
    assert again.changes.hidden_kinds() == {ChangeKind.TYPOGRAPHY}
    assert again._zoom_steps == 1
    assert again.options().ignore_case
    assert [a for a in again.recent_menu.actions() if "spun-copy.txt" in a.text()]


def test_reload_keeps_the_scroll_position(qtbot, seed_window):
    window = seed_window
    window.view.jump_to_row(10, flash=False)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["reload"].trigger()
    assert window.view.top_group() == 10
