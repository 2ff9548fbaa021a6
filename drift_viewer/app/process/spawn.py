"""Starting and stopping the comparison process, and the one warm spare. Standard library only, so that
`main` can start the first child before it imports Qt: the child then loads the engine while Qt loads
and the window opens, and the first comparison finds it ready."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

CHILD_CODE = "from drift_viewer.app.process.server import serve; serve()"
# Where drift_viewer itself is, so the child can import it before it takes over our sys.path.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])


def spawn() -> subprocess.Popen[bytes]:
    """A new comparison process, in a session (and process group) of its own: the pool workers it forks for a
    book (engine/parallel.py) join that group, so `kill` stops them with it, at once. Killing only the child
    left them computing their chunk, then dying on a write to the dead child's pipe with a BrokenPipeError
    traceback each on the window's stderr. A session of its own also keeps the terminal's Ctrl+C from it."""
    return subprocess.Popen(
        [sys.executable, "-c", CHILD_CODE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=PACKAGE_ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")),
        start_new_session=hasattr(os, "killpg"),
    )


def kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the child and any pool workers it has forked (its process group); no-op once it has ended."""
    if process.poll() is not None:
        return
    if hasattr(os, "killpg"):
        try:
            if os.getpgid(process.pid) == process.pid:  # it leads its group, as spawn makes it
                os.killpg(process.pid, signal.SIGKILL)
                return
        except ProcessLookupError:  # gone between poll and kill
            return
    process.kill()


def stop(process: subprocess.Popen[bytes]) -> None:
    kill(process)
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


class Spare:
    """The one idle, warm child, handed between the GUI thread and the runner's pool thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._closed = False

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self._process

    def take(self) -> subprocess.Popen[bytes]:
        """The spare if it is alive, else a new child (that one starts cold)."""
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            return process
        if process is not None:
            stop(process)
        return spawn()

    def give(self, process: subprocess.Popen[bytes] | None) -> None:
        """Keep `process` as the spare (None: start a fresh one); after close, stop it instead."""
        with self._lock:
            if self._closed or self._process is not None:
                extra = process
            else:
                self._process = process if process is not None else spawn()
                extra = None
        if extra is not None:
            stop(extra)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is not None:
            stop(process)
