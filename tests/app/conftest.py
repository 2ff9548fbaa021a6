from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path, monkeypatch):
    """Every test gets its own settings file and recovery folder (app/review/recovery.py), never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("DRIFT_VIEWER_AUTOSAVE", str(tmp_path / "recovery"))
    yield tmp_path / "settings"


@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    """Records the text of every message box instead of showing it."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def make_window(qtbot, dialogs):
    from drift_viewer.app.window.main_window import MainWindow

    made = []

    def make(quiet: bool = False) -> MainWindow:
        window = MainWindow(quiet=quiet)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.runner.shutdown()
        window.runner.wait(5000)


def open_and_wait(qtbot, window, left, right, timeout: int = 30_000) -> None:
    with qtbot.waitSignal(window.comparison_ready, timeout=timeout):
        window.open_pair(left, right)


@pytest.fixture
def seed_window(qtbot, make_window, seed):
    window = make_window()
    open_and_wait(qtbot, window, *seed)
    return window


@pytest.fixture
def write(tmp_path: Path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
