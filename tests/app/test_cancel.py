"""Cancelling a real, long comparison while its pool workers run (engine/parallel.py forks them inside the
comparison process): nothing on stderr, no worker left behind, and the status bar says so."""

from __future__ import annotations

import os
import signal
import time

import pytest

from drift_viewer.app.process import spawn


@pytest.fixture
def nt_pair(shared_data):
    return shared_data / "bible-nt" / "Haweis.tsv", shared_data / "bible-nt" / "Noyes.tsv"


def _children_of(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start_long_comparison(qtbot, window, nt_pair, capfd):
    """Reload the New Testament pair and return (child, its pool workers) once the pool's first chunk is back."""
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):  # a first answer: the child is warm
        window.open_pair(*nt_pair)
    capfd.readouterr()
    diffing: list[float] = []

    def on_progress(stage: str, fraction: float) -> None:
        if stage == "diff" and fraction > 0.6:  # the first chunk came back from the pool
            diffing.append(fraction)

    window.runner.progress.connect(on_progress)
    window.named_actions["reload"].trigger()
    qtbot.waitUntil(lambda: bool(diffing), timeout=60_000)
    child = window.runner._task._process
    workers = _children_of(child.pid)
    if not workers:
        pytest.skip("the comparison ran in one process (one core): no pool workers to stop")
    return child, workers


def _wait_gone(workers: set[int]) -> bool:
    deadline = time.monotonic() + 15  # orphaned workers would finish their chunk, then write to a dead pipe
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)  # let anything they print arrive
    return not any(_alive(w) for w in workers)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the pool workers through /proc")
def test_cancelling_a_long_comparison_is_silent_and_stops_its_workers(qtbot, make_window, nt_pair, capfd):
    window = make_window()
    child, workers = _start_long_comparison(qtbot, window, nt_pair, capfd)
    with qtbot.waitSignal(window.runner.cancelled, timeout=5_000):
        window.cancel_button.click()  # what Esc does too
    assert window.runner.wait(5_000)
    assert _wait_gone(workers)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipeError" not in err and "ForkPoolWorker" not in err, err
    assert window.summary_label.text().startswith("Cancelled. Still showing the last comparison: similarity")
    assert window.prepared is not None and not window.cancel_button.isVisibleTo(window)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the pool workers through /proc")
def test_workers_of_a_crashed_child_end_quietly(qtbot, make_window, nt_pair, capfd, dialogs):
    window = make_window()
    child, workers = _start_long_comparison(qtbot, window, nt_pair, capfd)
    with qtbot.waitSignal(window.comparison_failed, timeout=10_000):
        os.kill(child.pid, signal.SIGKILL)  # the child alone, as a segfault would end it: its workers live on
    assert _wait_gone(workers)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipeError" not in err and "ForkPoolWorker" not in err, err
    assert dialogs and "exit code -9" in dialogs[0]


def test_stop_kills_the_childs_whole_group(qtbot):
    child = spawn.spawn()
    try:
        assert os.getpgid(child.pid) == child.pid  # its own group: its pool workers go with it
    finally:
        spawn.stop(child)
