"""CompareRunner and its warm child: started with the runner, reused, replaced after a cancel or a crash;
only the newest request's answer counts."""

from __future__ import annotations

import fake_jobs
import pytest

from drift_viewer.app.process import spawn
from drift_viewer.app.process.runner import CompareRunner
from drift_viewer.engine.model import Options


@pytest.fixture
def runner(qtbot):
    made = CompareRunner()
    yield made
    made.shutdown()
    made.wait(5000)


def _pid(qtbot, runner, seed) -> str:
    with qtbot.waitSignal(runner.failed, timeout=30_000) as blocker:
        runner.start(str(seed[0]), str(seed[1]), Options())
    return blocker.args[0].message


def test_the_child_is_started_with_the_runner_and_reused(qtbot, runner, seed):
    spare = runner._spare.process
    assert spare is not None and spare.poll() is None  # warming up before any request
    runner.job = fake_jobs.pid_job
    first = _pid(qtbot, runner, seed)
    assert first == f"pid {spare.pid}"
    assert runner.wait(5000)
    assert _pid(qtbot, runner, seed) == first


def test_a_real_answer_leaves_the_child_ready_for_the_next(qtbot, runner, seed):
    with qtbot.waitSignal(runner.finished, timeout=30_000) as blocker:
        runner.start(str(seed[0]), str(seed[1]), Options())
    assert blocker.args[0].comparison.groups
    assert runner.wait(5000)  # the task gives the child back after it reports
    spare = runner._spare.process
    runner.job = fake_jobs.pid_job
    assert _pid(qtbot, runner, seed) == f"pid {spare.pid}"


@pytest.mark.parametrize("how", ["cancel", "crash"])
def test_a_new_child_replaces_a_cancelled_or_crashed_one(qtbot, runner, seed, how):
    runner.job = fake_jobs.pid_job
    first = _pid(qtbot, runner, seed)
    assert runner.wait(5000)
    if how == "cancel":
        runner.job = fake_jobs.slow_job
        with qtbot.waitSignal(runner.progress, timeout=30_000):
            runner.start(str(seed[0]), str(seed[1]), Options())
        runner.cancel()
    else:
        runner.job = fake_jobs.dying_job
        with qtbot.waitSignal(runner.failed, timeout=30_000):
            runner.start(str(seed[0]), str(seed[1]), Options())
    assert runner.wait(5000)
    runner.job = fake_jobs.pid_job
    spare = runner._spare.process
    second = _pid(qtbot, runner, seed)
    assert second != first and second == f"pid {spare.pid}"


def test_shutdown_stops_the_spare(qtbot, seed):
    runner = CompareRunner()
    spare = runner._spare.process
    runner.shutdown()
    assert spare.wait(5) is not None
    assert runner._spare.process is None


def test_the_runner_adopts_the_child_the_launcher_started_before_qt(qtbot, seed):
    early = spawn.spawn()  # as main.run_app does before it imports Qt
    runner = CompareRunner(first_child=early)
    try:
        assert runner._spare.process is early
        runner.job = fake_jobs.pid_job
        assert _pid(qtbot, runner, seed) == f"pid {early.pid}"
    finally:
        runner.shutdown()
        runner.wait(5000)
