"""The window when work goes wrong or is stopped: cancel, stale answers, unreadable files, crashes, bugs."""

from __future__ import annotations

import fake_jobs

from drift_viewer.app.table.model import CellRole
from drift_viewer.engine.model import ChangeKind, Options


def utf16_slice(text: str, start: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * (start + length)].decode("utf-16-le")


def highlighted(window, row: int, column: int) -> list[tuple[str, ChangeKind]]:
    cell = window.model.index(row, column).data(CellRole)
    return [(utf16_slice(cell.text, h.start, h.length), h.kind) for h in cell.highlights]


# --- background work and errors ------------------------------------------------------------------


def test_cancel_stops_the_comparison_and_keeps_the_old_one(qtbot, seed_window, seed, monkeypatch):
    window = seed_window
    before = window.prepared
    monkeypatch.setattr(window.runner, "job", fake_jobs.slow_job)
    window.named_actions["reload"].trigger()
    assert window.cancel_button.isVisibleTo(window) and window.progress_bar.isVisibleTo(window)
    qtbot.wait(100)
    with qtbot.waitSignal(window.runner.cancelled, timeout=5_000):
        window.cancel_button.click()
    assert window.runner.wait(5_000)
    assert window.prepared is before
    assert not window.cancel_button.isVisibleTo(window)


def test_a_newer_request_wins_over_a_stale_one(qtbot, make_window, seed, write):
    window = make_window()
    other = write("other.txt", "Something else entirely, a sentence or two.")
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.open_pair(seed[0], seed[1])
        window.open_pair(seed[0], other)
    assert window.runner.wait(10_000)
    qtbot.wait(50)
    assert window.prepared.comparison.right.document.name == "other.txt"


def test_a_binary_file_gives_a_dialog_and_keeps_the_comparison(qtbot, seed_window, seed, tmp_path, dialogs):
    window = seed_window
    before = window.prepared
    binary = tmp_path / "picture.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.open_side(1, binary)
    assert len(dialogs) == 1 and "picture.bin" in dialogs[0]
    assert window.prepared is before and window.right_path == str(seed[1])  # Reload re-reads what is shown
    assert window.model.rowCount() == len(before.comparison.groups)


def test_a_crashed_comparison_process_becomes_a_dialog(qtbot, seed_window, monkeypatch, dialogs):
    window = seed_window
    before = window.prepared
    monkeypatch.setattr(window.runner, "job", fake_jobs.dying_job)
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.named_actions["reload"].trigger()
    assert "exit code 3" in dialogs[0] and window.prepared is before and not window.runner.busy


def test_a_too_large_file_names_the_file(qtbot, make_window, seed, monkeypatch, dialogs):
    window = make_window()
    monkeypatch.setattr(window, "options", lambda: Options(max_bytes=100))
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.open_pair(*seed)
    assert "spun-copy.txt" in dialogs[0]


def test_an_engine_bug_becomes_a_dialog(qtbot, seed_window, monkeypatch, dialogs):
    window = seed_window

    monkeypatch.setattr(window.runner, "job", fake_jobs.broken_job)
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.named_actions["reload"].trigger()
    assert "boom" in dialogs[0]
    assert window.isVisible() and window.prepared is not None
