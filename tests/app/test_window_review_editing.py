"""Editing the alignment in the window (issue 15): link, unlink, move, link anywhere, undo and redo, driven
through the real shortcuts and the rows' context menu; the table takes each edit row by row (no reset)."""

from __future__ import annotations

import pytest
from conftest import open_and_wait
from PySide6.QtCore import QItemSelectionModel, Qt

from drift_viewer.engine import weak
from drift_viewer.engine.model import GroupKind

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


@pytest.fixture
def sample_window(qtbot, make_window, sample_pair):
    window = make_window()
    open_and_wait(qtbot, window, *sample_pair)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return window


def groups(window):
    return window.prepared.comparison.groups


def select(window, row: int, column: int = 0) -> None:
    index = window.model.index(row, column)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(index, flags)


def key(qtbot, window, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, k, modifiers)


def two_sided_pair(window) -> int:
    """A group with both sides whose next group has both sides too."""
    gs = groups(window)
    return next(k for k in range(len(gs) - 1) if all((gs[j].left and gs[j].right) for j in (k, k + 1)))


class Resets:
    def __init__(self, model) -> None:
        self.resets, self.removed, self.inserted = 0, [], []
        model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))
        model.rowsRemoved.connect(lambda parent, first, last: self.removed.append((first, last)))
        model.rowsInserted.connect(lambda parent, first, last: self.inserted.append((first, last)))


def test_link_then_undo_and_redo_by_keyboard_keep_the_row_and_touch_only_the_changed_rows(qtbot, sample_window):
    window = sample_window
    before = groups(window)
    row = two_sided_pair(window)
    select(window, row, 1)
    scroll = window.view.verticalScrollBar().value()
    seen = Resets(window.model)

    key(qtbot, window, Qt.Key.Key_J, CTRL)  # Edit > Link Rows

    after = groups(window)
    assert len(after) == len(before) - 1
    linked = after[row]
    assert linked.left == before[row].left + before[row + 1].left
    assert linked.right == before[row].right + before[row + 1].right
    assert linked.manual and linked.kind in (GroupKind.CHANGED, GroupKind.EQUAL)
    assert after[:row] == before[:row]
    assert seen.resets == 0 and seen.removed == [(row, row + 1)] and seen.inserted == [(row, row)]
    assert window.view.currentIndex().row() == row and window.view.currentIndex().column() == 1
    assert window.view.verticalScrollBar().value() == scroll
    assert "manual" in window.model.index(row, 2).data()
    assert "linked by hand" in window.model.index(row, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    # The Changes panel, the overview and the status bar counts follow the edited comparison.
    assert window.changes.model.all == window.prepared.changes
    assert window.overview.model.prepared is window.prepared
    assert f"{len(after[row].changes)}" and window.isWindowModified()
    assert window.named_actions["undo"].text().startswith("&Undo Link rows")

    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo
    assert groups(window) == before and window.model.rowCount() == len(before)
    assert window.view.currentIndex().row() == row
    assert not window.isWindowModified()
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    assert groups(window) == after
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    key(qtbot, window, Qt.Key.Key_Y, CTRL)  # redo, the other way
    assert groups(window) == after
    assert seen.resets == 0


def test_unlink_from_the_context_menu_and_move_a_sentence_by_keyboard(qtbot, sample_window):
    window = sample_window
    before = groups(window)
    row = next(k for k, g in enumerate(before) if g.left and g.right and g.kind is GroupKind.CHANGED)
    select(window, row)
    rect = window.view.visualRect(window.model.index(row, 0))
    window.view.customContextMenuRequested.emit(rect.center())
    menu = window.view.last_context_menu
    titles = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    for expected in ("Link Rows", "Unlink Row", "Link Sentence To…", "Mark as Checked", "Mark with Note…"):
        assert expected in titles
    next(a for a in menu.actions() if a.text().replace("&", "") == "Unlink Row").trigger()
    menu.close()
    after = groups(window)
    assert len(after) == len(before) + len(before[row].left) + len(before[row].right) - 1
    pieces = after[row : row + len(before[row].left) + len(before[row].right)]
    assert all(bool(g.left) != bool(g.right) and g.manual for g in pieces)
    assert sorted(i for g in pieces for i in g.left) == list(before[row].left)

    # Move: the right sentence of a 1→2 row goes down to the next row (Alt+Shift+Down on the right side).
    gs = groups(window)
    split = next(k for k, g in enumerate(gs) if len(g.right) == 2 and len(g.left) == 1)
    last_right = gs[split].right[-1]
    select(window, window.model.row_of_group(split), 1)
    key(qtbot, window, Qt.Key.Key_Down, ALT | SHIFT)
    moved = groups(window)
    home = next(g for g in moved if last_right in g.right)
    assert gs[split].left[0] not in home.left and home.manual
    assert next(g for g in moved if gs[split].left[0] in g.left).right == gs[split].right[:1]
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert groups(window) == before


def test_link_a_one_sided_sentence_to_one_far_away_picks_then_links(qtbot, sample_window):
    window = sample_window
    gs = groups(window)
    lonely = next(k for k, g in enumerate(gs) if g.kind is GroupKind.ONLY_LEFT)
    target = max(k for k, g in enumerate(gs) if g.right and k != lonely)
    sentence, partner = gs[lonely].left[0], gs[target].right[0]
    select(window, window.model.row_of_group(lonely), 0)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert "Ctrl+L again" in window.statusBar().currentMessage()
    assert window.named_actions["link_to"].text().replace("&", "") == "Link Sentence Here"
    select(window, window.model.row_of_group(target), 1)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    now = groups(window)
    (home,) = [k for k, g in enumerate(now) if sentence in g.left]
    # Out of reading order: shown as a move, each half at its place naming the other.
    pair = now[home] if now[home].right else now[now[home].partner]
    assert partner in pair.right and now[home].manual
    assert now[home].kind is GroupKind.MOVED or now[home].right
    assert window.model.group_at(window.view.currentIndex().row()) == home
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert groups(window) == gs


def test_escape_forgets_a_pending_link_pick(qtbot, sample_window):
    window = sample_window
    gs = groups(window)
    lonely = next(k for k, g in enumerate(gs) if g.kind is GroupKind.ONLY_LEFT)
    target = max(k for k, g in enumerate(gs) if g.right and k != lonely)
    select(window, window.model.row_of_group(lonely), 0)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.named_actions["link_to"].text().replace("&", "") == "Link Sentence Here"
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == "Link cancelled."
    assert window.named_actions["link_to"].text().replace("&", "") == "Link Sentence To…"
    # The next Ctrl+L starts a new pick on the target row instead of linking the forgotten one there.
    select(window, window.model.row_of_group(target), 1)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert groups(window) == gs and window.review.stack.count() == 0
    assert "Ctrl+L again" in window.statusBar().currentMessage()


def test_an_edit_that_makes_no_sense_says_why_and_changes_nothing(qtbot, sample_window, dialogs):
    window = sample_window
    before = groups(window)
    select(window, window.model.rowCount() - 1)
    key(qtbot, window, Qt.Key.Key_J, CTRL)  # the last row has no next row to link with
    assert groups(window) == before and window.review.stack.count() == 0
    assert dialogs and dialogs[-1].startswith("Link rows")


def test_the_weak_link_filter_still_works_after_an_edit(qtbot, sample_window):
    window = sample_window
    row = two_sided_pair(window)
    select(window, row)
    key(qtbot, window, Qt.Key.Key_J, CTRL)
    window.named_actions["weak_only"].trigger()
    shown = [window.model.group_at(r) for r in range(window.model.rowCount())]
    assert shown == weak.weak_groups(window.prepared.comparison)
    assert row not in shown  # a hand link is no unsure link
    window.named_actions["weak_only"].trigger()
    assert window.model.rowCount() == len(groups(window))


def test_reload_and_an_option_change_keep_the_hand_edits(qtbot, sample_window):
    window = sample_window
    row = two_sided_pair(window)
    linked = groups(window)[row].left + groups(window)[row + 1].left
    select(window, row)
    key(qtbot, window, Qt.Key.Key_J, CTRL)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        key(qtbot, window, Qt.Key.Key_F5)  # Reload: the files are read and compared again
    assert any(g.left == linked and g.manual for g in groups(window))
    assert window.isWindowModified() and window.review.stack.count() == 0
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["ignore_case"].trigger()
    assert window.prepared.comparison.options.ignore_case
    assert any(g.left == linked and g.manual for g in groups(window))
