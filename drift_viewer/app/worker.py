"""Comparisons run in a warm child process (see `compute` for why), watched from a pool thread; each
request carries a token and only the newest one's answer counts.

The runner starts a child as soon as it is created and keeps one spare: a request takes it, and gives it
back once answered. A new request cancels the running one (its process is killed, and a fresh spare
started in its place, as after a crash); an answer that arrives for an older token is dropped, so a
slow, stale comparison can never overwrite a newer one.
"""

from __future__ import annotations

import gc
import pickle
import subprocess
import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..engine.model import Options
from . import child, compute, transfer
from .compute import Failure

__all__ = ["CompareRunner", "Failure"]


class _Signals(QObject):
    progress = Signal(int, str, float)  # token, stage, fraction
    finished = Signal(int, object)  # token, Prepared
    failed = Signal(int, object)  # token, Failure
    cancelled = Signal(int)


class _Spare:
    """The one idle, warm child, handed between the GUI thread and the pool thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._closed = False

    def take(self) -> subprocess.Popen:
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            return process
        if process is not None:
            child.stop(process)
        return child.adopt_early() or child.spawn()

    def give(self, process: subprocess.Popen | None) -> None:
        """Keep `process` as the spare (None: start a fresh one); after close, stop it instead."""
        with self._lock:
            if self._closed or self._process is not None:
                extra = process
            else:
                self._process = process if process is not None else child.adopt_early() or child.spawn()
                extra = None
        if extra is not None:
            child.stop(extra)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is not None:
            child.stop(process)


class _Task(QRunnable):
    def __init__(
        self, token: int, left: str, right: str, options: Options, signals: _Signals, job: compute.Job, spare: _Spare
    ) -> None:
        super().__init__()
        self.token, self.left, self.right, self.options = token, left, right, options
        self.signals, self.job, self.spare = signals, job, spare
        self._lock = threading.Lock()
        self._cancelled = False
        self._process: subprocess.Popen | None = None

    def cancel(self) -> None:
        """From the GUI thread: kill the child; the watching thread then reads EOF and ends."""
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.poll() is None:
                self._process.kill()

    def run(self) -> None:
        emit = self.signals
        reusable = False  # the child answered and waits for the next request
        try:
            with self._lock:
                if self._cancelled:
                    return
            process = self.spare.take()
            with self._lock:
                self._process = process
                if self._cancelled:  # cancelled while the spare was being taken
                    return
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(compute.request(self.job, self.left, self.right, self.options))
            process.stdin.flush()
            reusable = self._watch(process)
        except Exception as exc:  # noqa: BLE001 - the window must survive any failure to start or read
            if not self._cancelled:
                emit.failed.emit(self.token, Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
        finally:
            if self._process is not None:
                if reusable and not self._cancelled:
                    self.spare.give(self._process)
                else:
                    child.stop(self._process)
                    self.spare.give(None)  # a fresh child warms up while the user looks at the answer

    def _watch(self, process: subprocess.Popen) -> bool:
        """Relay the child's messages until its answer; True if the child can take another request."""
        emit, stream = self.signals, process.stdout
        while True:
            try:
                message = pickle.loads(compute.read_frame(stream))
            except EOFError:
                if not self._cancelled:
                    code = process.wait()
                    emit.failed.emit(self.token, Failure(f"the comparison process stopped (exit code {code})"))
                return False
            kind = message[0]
            if kind == "progress":
                emit.progress.emit(self.token, message[1], message[2])
            elif kind == "failed":
                emit.failed.emit(self.token, message[1])
                return True
            elif kind == "cancelled":
                emit.cancelled.emit(self.token)
                return True
            else:
                try:
                    result = self._receive(stream, message)
                except EOFError:
                    emit.failed.emit(
                        self.token, Failure(f"the comparison process stopped (exit code {process.wait()})")
                    )
                    return False
                if result is not None:
                    emit.finished.emit(self.token, result)
                    return True
                return False

    def _receive(self, stream, header: tuple):
        # A full collection would walk every object received so far, holding the GIL: none while
        # receiving, then the answer is frozen out of all later ones (it holds no cycles; freeing it
        # when the next comparison replaces it is plain reference counting).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for piece in transfer.receive_prepared(lambda: compute.read_frame(stream), header):
                if piece is not None:
                    gc.freeze()
                    return piece
            return None
        except EOFError:
            if self._cancelled:
                return None  # killed while sending
            raise  # the child died mid-answer: _watch reports it
        finally:
            if was_enabled:
                gc.enable()


class CompareRunner(QObject):
    """Starts comparisons and re-emits only the current request's signals."""

    progress = Signal(str, float)
    finished = Signal(object)  # Prepared
    failed = Signal(object)  # Failure
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, job: compute.Job = compute.compare_job) -> None:
        super().__init__(parent)
        self.job = job  # runs in the child; tests swap in slow or broken jobs (module-level, so picklable)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # a cancelled task ends once its child is killed; never two books at once
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._token = 0
        self._task: _Task | None = None
        self._spare = _Spare()
        self._spare.give(None)  # the child imports the engine while the window opens

    def shutdown(self) -> None:
        """Cancel any comparison and stop the spare child (the window is closing)."""
        self.cancel()
        self._spare.close()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, left: str, right: str, options: Options) -> int:
        self._cancel_current()
        self._token += 1
        task = _Task(self._token, left, right, options, self._signals, self.job, self._spare)
        task.setAutoDelete(False)  # we keep a reference to cancel it
        self._task = task
        self._pool.start(task)
        self.busy_changed.emit(True)
        return self._token

    def cancel(self) -> None:
        if self._task is not None:
            self._cancel_current()
            self.busy_changed.emit(False)
            self.cancelled.emit()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _cancel_current(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._token += 1  # whatever the old task still sends is now stale
            self._task = None

    def _current(self, token: int) -> bool:
        return self._task is not None and token == self._token

    def _on_progress(self, token: int, stage: str, fraction: float) -> None:
        if self._current(token):
            self.progress.emit(stage, fraction)

    def _on_finished(self, token: int, result: object) -> None:
        if self._current(token):
            self._task = None
            self.busy_changed.emit(False)
            self.finished.emit(result)

    def _on_failed(self, token: int, failure: object) -> None:
        if self._current(token):
            self._task = None
            self.busy_changed.emit(False)
            self.failed.emit(failure)

    def _on_cancelled(self, token: int) -> None:
        if self._current(token):
            self._task = None
            self.busy_changed.emit(False)
            self.cancelled.emit()
