"""The window's actions, menus and toolbar: one table of (name, text, shortcut, tip, slot), so every action
is in a menu (keyboard reachable) and the toolbar shows the same actions with their tooltips; and the
Open Recent menu, rebuilt whenever the list of pairs changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from . import exports

Key = QKeySequence.StandardKey


def _shortcut_text(shortcut) -> str:
    seq = QKeySequence(shortcut)
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def make_action(
    window: QMainWindow, name: str, text: str, shortcut=None, tip: str = "", slot=None, checkable: bool = False
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
            shortcut = shortcut[0]
        else:
            action.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({_shortcut_text(shortcut)})" if tip else ""
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.setCheckable(checkable)
    if slot is not None:
        (action.toggled if checkable else action.triggered).connect(slot)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build(w) -> None:
    """Create w.actions[name] and the menus and toolbar of MainWindow `w`."""
    a = w.actions = {}

    def add(name, text, shortcut=None, tip="", slot=None, checkable=False):
        a[name] = make_action(w, name, text, shortcut, tip, slot, checkable)
        return a[name]

    add("open_left", "Open &Left…", Key.Open, "Open the left (original) file", w.choose_left)
    add("open_right", "Open &Right…", "Ctrl+Shift+O", "Open the right (other version) file", w.choose_right)
    add("swap", "&Swap Sides", "Ctrl+Shift+S", "Swap the left and right files", w.swap_sides)
    add("reload", "Reloa&d", "F5", "Read both files again and compare", w.reload)
    add(
        "export_html",
        "Export &HTML Report…",
        "Ctrl+E",
        "Save a self-contained HTML report",
        lambda: exports.export_html(w),
    )
    add("export_json", "Export &JSON…", "Ctrl+Shift+E", "Save the comparison as JSON", lambda: exports.export_json(w))
    add("quit", "&Quit", Key.Quit, "", w.close)
    add("copy", "&Copy", Key.Copy, "Copy the selected rows' text", w.view.copy_selection)
    add(
        "show_text",
        "Show Cell &Text…",
        "Ctrl+T",
        "Open the current cell's text to select and copy part of it (or double-click a cell)",
        w.view.show_current_text,
    )
    add("find", "&Find…", Key.Find, "Find in both texts", w.find_bar.open_bar)
    add("find_next", "Find &Next", [QKeySequence("F3")], "Next match", w.find_bar.find_next)
    add("find_previous", "Find &Previous", [QKeySequence("Shift+F3")], "Previous match", w.find_bar.find_previous)
    add("next_change", "&Next Change", "Alt+Down", "Go to the next changed row", w.nav.next_change)
    add("previous_change", "&Previous Change", "Alt+Up", "Go to the previous changed row", w.nav.previous_change)
    add("ignore_case", "Ignore &Case", None, "Treat changes of upper/lower case as equal", w.options_changed, True)
    add(
        "ignore_punctuation",
        "Ignore &Punctuation",
        None,
        "Treat punctuation-only changes as equal",
        w.options_changed,
        True,
    )
    add(
        "ignore_typography",
        "Ignore &Typography",
        None,
        "Treat quote, dash and space styles as equal",
        w.options_changed,
        True,
    )
    add("ignore_whitespace", "Ignore &Whitespace", None, "Treat whitespace changes as equal", w.options_changed, True)
    add(
        "hide_equal",
        "&Hide Equal Rows",
        "Ctrl+H",
        "Show only changed rows, with a row of context",
        w.set_hide_equal,
        True,
    )
    add("zoom_in", "Zoom &In", [Key.ZoomIn, QKeySequence("Ctrl+=")], "Larger text", lambda: w.zoom(1))
    add("zoom_out", "Zoom &Out", Key.ZoomOut, "Smaller text", lambda: w.zoom(-1))
    add("zoom_reset", "&Actual Size", "Ctrl+0", "Text at the normal size", lambda: w.zoom(0))
    add("about", "&About drift-viewer", None, "", w.about)
    add("focus_table", "Go to &Table", "Ctrl+1", "Move the keyboard focus to the aligned table", w.focus_table)
    add(
        "focus_changes",
        "Go to C&hanges Panel",
        "Ctrl+2",
        "Move the keyboard focus to the list of changes (F6 cycles between panes)",
        w.focus_changes,
    )
    add("cycle_focus", "Ne&xt Pane", "F6", "Move the keyboard focus to the next pane", w.cycle_focus)

    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a["open_left"], a["open_right"]])
    w.recent_menu = file_menu.addMenu("Open Rec&ent")
    w.recent_menu.setObjectName("recentMenu")
    file_menu.addSeparator()
    file_menu.addActions([a["swap"], a["reload"]])
    file_menu.addSeparator()
    file_menu.addActions([a["export_html"], a["export_json"]])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a["copy"], a["show_text"], a["find"], a["find_next"], a["find_previous"]])
    view_menu = bar.addMenu("&View")
    view_menu.addActions(
        [a[n] for n in ("ignore_case", "ignore_punctuation", "ignore_typography", "ignore_whitespace")]
    )
    view_menu.addSeparator()
    view_menu.addAction(a["hide_equal"])
    view_menu.addSeparator()
    view_menu.addActions([a["zoom_in"], a["zoom_out"], a["zoom_reset"]])
    view_menu.addSeparator()
    dock_action = w.changes_dock.toggleViewAction()
    dock_action.setText("Changes Pa&nel")
    dock_action.setToolTip("Show or hide the list of changes")
    view_menu.addAction(dock_action)
    go_menu = bar.addMenu("&Go")
    go_menu.addActions([a["next_change"], a["previous_change"]])
    go_menu.addSeparator()
    go_menu.addActions([a["focus_table"], a["focus_changes"], a["cycle_focus"]])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a["about"])

    toolbar = QToolBar("Toolbar", w)
    toolbar.setObjectName("mainToolbar")
    toolbar.addActions([a["open_left"], a["open_right"], a["swap"], a["reload"]])
    toolbar.addSeparator()
    toolbar.addActions([a["previous_change"], a["next_change"]])
    toolbar.addSeparator()
    toolbar.addActions([a[n] for n in ("ignore_case", "ignore_punctuation", "ignore_typography", "ignore_whitespace")])
    toolbar.addSeparator()
    toolbar.addAction(a["hide_equal"])
    w.addToolBar(toolbar)
    w.toolbar = toolbar


def update_recent(w) -> None:
    menu = w.recent_menu
    menu.clear()
    pairs = w.store.recent()
    for k, (left, right) in enumerate(pairs):
        action = menu.addAction(f"&{k + 1}  {Path(left).name} ⇄ {Path(right).name}")
        action.setToolTip(f"{left}\n{right}")
        action.triggered.connect(lambda checked=False, lr=(left, right): w.open_pair(*lr))
    if pairs:
        menu.addSeparator()
        menu.addAction("&Clear Recent", lambda: _clear_recent(w))
    menu.setEnabled(bool(pairs))


def _clear_recent(w) -> None:
    w.store.clear_recent()
    update_recent(w)
