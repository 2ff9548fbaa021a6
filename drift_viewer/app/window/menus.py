"""The menu bar and the toolbar, laid out from the actions `actions` builds; and the Open Recent menu,
rebuilt whenever the list of pairs changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from .actions import OPTION_TOGGLES

RECENT = "recent"  # where the Open Recent submenu goes
DOCK = "dock"  # where the changes dock's show/hide action goes
THEME = "theme"  # where the Theme submenu goes
THEME_ENTRIES = ("theme_system", "theme_light", "theme_dark")
# Each menu's entries top to bottom: action names, RECENT, DOCK, THEME, or None for a separator.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        "&File",
        ("open_left", "open_right", RECENT, None, "swap", "reload", None, "export_html", "export_json", None, "quit"),
    ),
    ("&Edit", ("copy", "show_text", "find", "find_next", "find_previous")),
    (
        "&View",
        (
            *OPTION_TOGGLES,
            None,
            "hide_equal",
            "weak_only",
            None,
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            THEME,
            DOCK,
        ),
    ),
    (
        "&Go",
        (
            "next_change",
            "previous_change",
            None,
            "open_at_first_change",
            None,
            "focus_table",
            "focus_changes",
            "cycle_focus",
        ),
    ),
    ("&Help", ("about",)),
)
TOOLBAR: tuple[str | None, ...] = (
    "open_left",
    "open_right",
    "swap",
    "reload",
    None,
    "previous_change",
    "next_change",
    None,
    *OPTION_TOGGLES,
    None,
    "hide_equal",
)


def build_menus(window: QMainWindow, actions: Mapping[str, QAction], dock_action: QAction) -> QMenu:
    """The menu bar of `window`; returns the (empty) Open Recent menu for `update_recent`."""
    dock_action.setText("Changes Pa&nel")
    dock_action.setToolTip("Show or hide the list of changes")
    recent = QMenu("Open Rec&ent", window)
    recent.setObjectName("recentMenu")
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry == RECENT:
                menu.addMenu(recent)
            elif entry == DOCK:
                menu.addAction(dock_action)
            elif entry == THEME:
                themes = menu.addMenu("Th&eme")
                themes.setObjectName("themeMenu")
                for name in THEME_ENTRIES:
                    themes.addAction(actions[name])
            else:
                menu.addAction(actions[entry])
    return recent


def build_toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    toolbar = QToolBar("Toolbar", window)
    toolbar.setObjectName("mainToolbar")
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[entry])
    window.addToolBar(toolbar)
    return toolbar


def update_recent(
    menu: QMenu, pairs: list[tuple[str, str]], open_pair: Callable[[str, str], None], clear: Callable[[], None]
) -> None:
    """Fill Open Recent with `pairs` (newest first), each opening its pair; then Clear Recent."""
    menu.clear()
    for k, (left, right) in enumerate(pairs):
        action = menu.addAction(f"&{k + 1}  {Path(left).name} ⇄ {Path(right).name}")
        action.setToolTip(f"{left}\n{right}")
        action.triggered.connect(lambda checked=False, lr=(left, right): open_pair(*lr))
    if pairs:
        menu.addSeparator()
        menu.addAction("&Clear Recent", clear)
    menu.setEnabled(bool(pairs))
