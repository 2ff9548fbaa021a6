"""Starting the comparison's child process (see `compute`). Standard library only, so that the launcher
can start the child before it imports Qt: the child then loads the engine while Qt loads and the window
opens, and the first comparison finds it ready."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

CHILD_CODE = "from drift_viewer.app.compute import serve; serve()"
# Where drift_viewer itself is, so the child can import it before it takes over our sys.path.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])

_early: subprocess.Popen | None = None
_early_lock = threading.Lock()


def spawn() -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD_CODE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=PACKAGE_ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")),
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def start_early() -> None:
    """Start a child for the first comparison runner to adopt (the launcher calls this first thing)."""
    global _early
    with _early_lock:
        if _early is None:
            _early = spawn()


def adopt_early() -> subprocess.Popen | None:
    """The child start_early() started, once; None if there is none or it has died."""
    global _early
    with _early_lock:
        process, _early = _early, None
    if process is not None and process.poll() is not None:
        stop(process)
        return None
    return process
