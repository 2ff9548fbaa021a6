"""A bad path on the command line, driven through the real entry point (cli.main → run_app → the window's
event loop): the good side stays open, the window says which side failed, and Open asks only for that one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from drift_viewer import cli
from drift_viewer.app import launch
from drift_viewer.app.window.main_window import MainWindow


@pytest.fixture
def run_cli(qtbot, monkeypatch, dialogs):
    """cli.main(argv) with the window's event loop replaced by a wait for its first answer; returns the window."""
    windows: list[MainWindow] = []
    real_build_window = launch.build_window

    def build_window(*args, **kwargs) -> MainWindow:
        window = real_build_window(*args, **kwargs)
        windows.append(window)
        qtbot.addWidget(window)
        return window

    def exec_until_answered(app) -> int:
        qtbot.waitUntil(lambda: not windows[-1].runner.busy, timeout=30_000)
        return 0

    monkeypatch.setattr(launch, "build_window", build_window)
    monkeypatch.setattr(QApplication, "exec", exec_until_answered)

    def run(argv: list[str]) -> MainWindow:
        assert cli.main(argv) == 0
        return windows[-1]

    yield run
    for window in windows:
        window.runner.shutdown()
        window.runner.wait(5000)


@pytest.mark.parametrize("bad_side", [0, 1])
def test_one_missing_path_keeps_the_good_side_and_names_the_bad_one(
    qtbot, run_cli, seed, tmp_path, dialogs, monkeypatch, bad_side
):
    missing = tmp_path / "nope.txt"
    paths = [str(seed[0]), str(seed[1])]
    good, paths[bad_side] = paths[1 - bad_side], str(missing)
    side = ("left", "right")[bad_side]
    window = run_cli(paths)

    assert dialogs == [f"Cannot read the {side} file “nope.txt”: no such file\n{missing}"]
    assert (window.left_path, window.right_path)[1 - bad_side] == good
    assert (window.left_path, window.right_path)[bad_side] is None
    assert window.summary_label.text().startswith(f"Cannot read the {side} file “nope.txt”")
    assert f"Open a {side} file" in window.summary_label.text()
    assert "—" in window.windowTitle()
    assert (
        (window.files_label.text().split("  ⇄  ")[1 - bad_side])
        == ("spun-copy.txt", "rferl-original.txt")[1 - bad_side]
    )
    if bad_side == 1:
        window.resize(1200, 800)
        window.grab().save(str(tmp_path / "bad-right.png"))  # to look at: tests/app keeps no golden images

    # Open asks once, for the side that failed, and the pair compares.
    asked: list[str] = []

    def choose(parent, title, start, filters):
        asked.append(title)
        return (str((seed[0], seed[1])[bad_side]), "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions[f"open_{side}"].trigger()
    assert len(asked) == 1 and side.capitalize() in asked[0]
    assert window.files_label.text() == "spun-copy.txt  ⇄  rferl-original.txt"


def test_two_missing_paths_keep_nothing(run_cli, tmp_path, dialogs):
    window = run_cli([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert "the left file “a.txt”" in dialogs[0]  # the left is read first
    assert window.left_path is None and window.right_path == str(tmp_path / "b.txt")


def test_a_bad_side_while_a_pair_is_on_screen_keeps_that_pair(qtbot, run_cli, seed, tmp_path, dialogs):
    window = run_cli([str(seed[0]), str(seed[1])])
    before = window.prepared
    assert before is not None
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.open_side(0, tmp_path / "gone.txt")
    assert dialogs == [f"Cannot read the left file “gone.txt”: no such file\n{tmp_path / 'gone.txt'}"]
    assert window.prepared is before and (window.left_path, window.right_path) == (str(seed[0]), str(seed[1]))
    assert window.summary_label.text() != "" and not window.summary_label.text().startswith("Cannot")
