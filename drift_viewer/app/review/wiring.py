"""Small helpers the review modules share to put their actions into the window's menus and table
context menu, so that main_window.py and menus.py stay as they were but for one hook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..window.actions import Spec, make_action


def add_actions(window, specs: Iterable[Spec]) -> dict[str, QAction]:
    """Build `specs` on `window` and list them in its named_actions. Their slots are attribute paths from
    the window, read when triggered: the objects they name are still being built when this runs."""
    made = {}
    for spec in specs:
        action = make_action(window, replace(spec, slot="setFocus"))
        (action.toggled if spec.checkable else action.triggered).disconnect()
        (action.toggled if spec.checkable else action.triggered).connect(
            lambda *args, path=spec.slot: attrgetter(path)(window)()
        )
        made[spec.name] = action
    window.named_actions.update(made)
    return made


def menu(window, title: str) -> QMenu:
    """The window's menu called `title` ("Edit"), made at the end of the bar (before Help) if missing."""
    bar = window.menuBar()
    for action in bar.actions():
        if action.text().replace("&", "") == title and isinstance(action.menu(), QMenu):
            return action.menu()
    help_menu = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    new = QMenu(title, window)
    bar.insertMenu(help_menu, new) if help_menu is not None else bar.addMenu(new)
    return new


def insert(
    menu_: QMenu, entries: Iterable[QAction | QMenu | None], before: str | None = None, top: bool = False
) -> None:
    """Put `entries` (None: a separator) into `menu_`: at the top, before the entry whose object name is
    `before`, or at the end."""
    existing = menu_.actions()
    anchor = existing[0] if top and existing else next((a for a in existing if a.objectName() == before), None)
    for entry in entries:
        if entry is None:
            sep = QAction(menu_)
            sep.setSeparator(True)
            action = sep
        elif isinstance(entry, QMenu):
            action = entry.menuAction()
        else:
            action = entry
        if anchor is not None:
            menu_.insertAction(anchor, action)
        else:
            menu_.addAction(action)
