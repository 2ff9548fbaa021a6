"""The window's exports, help and look: JSON and HTML export, About, tooltips, keyboard reach, dark palette."""

from __future__ import annotations

import json

from conftest import open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from drift_viewer.app.table.model import CellRole
from drift_viewer.engine.model import ChangeKind


def utf16_slice(text: str, start: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * (start + length)].decode("utf-16-le")


def highlighted(window, row: int, column: int) -> list[tuple[str, ChangeKind]]:
    cell = window.model.index(row, column).data(CellRole)
    return [(utf16_slice(cell.text, h.start, h.length), h.kind) for h in cell.highlights]


# --- exports, help, look -------------------------------------------------------------------------


def test_export_json(seed_window, tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seed_window.named_actions["export_json"].trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generator"].startswith("drift-viewer")
    assert "“" in out.read_text(encoding="utf-8")  # ensure_ascii=False


def test_export_html_writes_a_report(seed_window, tmp_path, monkeypatch, dialogs):
    out = tmp_path / "out.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seed_window.named_actions["export_html"].trigger()
    assert out.exists() and dialogs == []


def test_about_names_the_version(seed_window, dialogs):
    from drift_viewer import __version__

    seed_window.named_actions["about"].trigger()
    assert __version__ in dialogs[0]


def test_toolbar_actions_have_tooltips(make_window):
    window = make_window()
    for action in window.toolbar.actions():
        assert action.isSeparator() or action.toolTip()
        assert action.isSeparator() or window.toolbar.widgetForAction(action).toolTip()
    assert window.changes.kinds_button.toolTip() and window.cancel_button.toolTip()


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return None if at < 0 else text.replace("&&", "")[at + 1].lower()


def test_every_action_is_reachable_from_the_keyboard(make_window, seed):
    window = make_window()
    window.store.add_recent(str(seed[0]), str(seed[1]))
    window.update_recent()
    in_menus = set()

    def walk(menu, where):
        keys = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            in_menus.add(action)
            name = f"{where} > {action.text()}"
            assert _mnemonic(action.text()) or not action.shortcut().isEmpty(), f"{name}: no key"
            if _mnemonic(action.text()):
                keys.append(_mnemonic(action.text()))
            if action.menu() is not None:
                walk(action.menu(), name)
        assert len(keys) == len(set(keys)), f"{where}: mnemonics clash: {sorted(keys)}"

    walk(window.menuBar(), "menu bar")
    missing = [name for name, action in window.named_actions.items() if action not in in_menus]
    assert not missing, f"actions in no menu: {missing}"


def test_panes_are_reachable_by_shortcut_f6_and_tab(qtbot, seed_window):
    window = seed_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.named_actions["focus_changes"].trigger()
    assert window.changes.view.hasFocus()
    window.named_actions["focus_table"].trigger()
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert window.changes.view.hasFocus()
    qtbot.keyClick(window.changes.view, Qt.Key.Key_F6)
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # Tab leaves the table rather than walking its cells
    assert not window.view.hasFocus()


def test_dark_palette_uses_dark_colours(qtbot, make_window, seed, qapp):
    from PySide6.QtGui import QColor, QPalette

    from drift_viewer.app import theme
    from drift_viewer.styles import CHANGE_STYLES

    old = qapp.palette()
    dark = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.Base, "#181818"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(color))
    qapp.setPalette(dark)
    try:
        window = make_window()
        open_and_wait(qtbot, window, *seed)
        assert theme.is_dark(window.view.palette())
        fmt = theme.kind_format(ChangeKind.NAME, window.view.palette())
        assert fmt.background().color().name() == CHANGE_STYLES[ChangeKind.NAME].dark
        image = window.view.viewport().grab().toImage()
        samples = [
            QColor(image.pixel(x, y)).lightness()
            for x in range(0, image.width(), 9)
            for y in range(0, image.height(), 9)
        ]
        assert sum(samples) / len(samples) < 100  # a dark table, whatever row lines the probes fall on
    finally:
        qapp.setPalette(old)
