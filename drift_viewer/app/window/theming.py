"""View > Theme: System, Light or Dark, one checked at a time, remembered between runs."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from .. import theme
from .settings import THEMES, Store


class ThemeChooser:
    def __init__(self, window: QMainWindow, store: Store, remember: bool) -> None:
        self.window, self.store, self.remember = window, store, remember
        self.actions: dict[str, QAction] = {}

    def connect(self, actions: Mapping[str, QAction]) -> None:
        """Take the theme actions out of `actions` into one exclusive group."""
        group = QActionGroup(self.window)
        group.setExclusive(True)
        for name in THEMES:
            action = actions[f"theme_{name}"]
            group.addAction(action)
            self.actions[name] = action
        self.actions[theme.applied_theme()].setChecked(True)

    def choose(self, name: str) -> None:
        if name not in THEMES:
            name = "system"
        action = self.actions.get(name)
        if action is not None and not action.isChecked():
            action.setChecked(True)  # toggled -> back here through choose_<name>
            return
        theme.apply_theme(name)
        if self.remember:
            self.store.set_theme(name)

    def choose_system(self, checked: bool = True) -> None:
        if checked:
            self.choose("system")

    def choose_light(self, checked: bool = True) -> None:
        if checked:
            self.choose("light")

    def choose_dark(self, checked: bool = True) -> None:
        if checked:
            self.choose("dark")
