"""Stand-ins for process.job.compare_job, run in the comparison's child process (so they live at module level,
where pickle can find them by name)."""

from __future__ import annotations

import os
import time


def slow_job(left, right, options, progress):
    for step in range(3000):
        progress("align", step / 3000)
        time.sleep(0.01)
    raise AssertionError("never cancelled")


def broken_job(left, right, options, progress):
    raise ZeroDivisionError("boom")


def dying_job(left, right, options, progress):
    progress("segment", 0.1)
    os._exit(3)  # as a segfault in a C extension would: no answer, no exception


def pid_job(left, right, options, progress):
    """Says which process ran it, as a failure the window shows."""
    from drift_viewer.engine.errors import DriftError

    raise DriftError(f"pid {os.getpid()}")


def whole_job(left, right, options, progress):
    """The real comparison, answered whole at the end (as before the progressive paint): its progress
    callable is not the server's stream, so the pipeline's early looks are off."""
    from drift_viewer.app.process.job import compare_job

    return compare_job(left, right, options, lambda stage, fraction: progress(stage, fraction))
