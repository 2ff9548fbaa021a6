"""The window's side of the comparison process (the one Qt module here): `CompareRunner` sends a request to
a warm child (see `server` for why a process) and a pool thread relays the child's frames as signals.

The runner starts with a child, the one `main` started before Qt or a new one, and keeps one spare: a
request takes it, and gives it back once answered. Each request carries a token and only the newest
one's signals get through. A new request or Cancel kills the running child (a fresh spare starts in its
place, as after a crash); whatever the killed child had still sent is stale and dropped, so a slow,
stale comparison can never overwrite a newer one.
"""

from __future__ import annotations

import functools
import gc
import subprocess
import threading
import traceback
from typing import IO

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...engine.model import Options
from ..prepared import Prepared
from . import protocol, spawn, transfer
from .job import compare_job, three_job
from .protocol import Aligned, Built, Failure, Finish, Header, Job, Progress, Request
from .stream import Receiver, StreamError


class _Signals(QObject):
    """From the pool thread to the GUI thread (queued), each with the request's token."""

    progress = Signal(int, str, float)  # token, stage, fraction
    aligned = Signal(int, object)  # token, stream.Partial: the rows, before any word diff
    built = Signal(int, int, object)  # token, start, list[Group]: groups start.. of those rows
    finished = Signal(int, object)  # token, Prepared
    failed = Signal(int, object)  # token, Failure


class _QuietCollector:
    """No cyclic collection while an answer arrives; then freeze what is alive, the answer included.
    A full collection walks every tracked object holding the GIL: with the New Testament's answer in
    memory (~310k objects) that is 140 ms of frozen window, measured, whenever one happens to run while
    the user scrolls. The answer holds no cycles, so frozen it is still freed by reference counting when
    the next one replaces it. A streamed answer arrives over seconds, from its rows to its end."""

    def __init__(self) -> None:
        self._was_enabled: bool | None = None  # while paused: whether to enable it again

    def pause(self) -> None:
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def resume(self, freeze: bool) -> None:
        if self._was_enabled is None:
            return
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None
        if freeze:
            gc.freeze()


class _Task(QRunnable):
    """One request: runs on the pool thread from sending it to the child's last frame."""

    def __init__(self, token: int, request: Request, signals: _Signals, spare: spawn.Spare) -> None:
        super().__init__()
        self.token, self.request, self.signals, self.spare = token, request, signals, spare
        self._lock = threading.Lock()
        self._cancelled = False
        self._process: subprocess.Popen[bytes] | None = None

    def cancel(self) -> None:
        """From the GUI thread: kill the child; the pool thread then reads EOF and ends."""
        with self._lock:
            self._cancelled = True
            if self._process is not None:
                spawn.kill(self._process)  # with its pool workers

    def run(self) -> None:
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
            process.stdin.write(protocol.encode_request(self.request))
            process.stdin.flush()
            reusable = self._watch(process, process.stdout)
        except Exception as exc:  # noqa: BLE001 - the window must survive any failure to start or read
            if not self._cancelled:
                self._fail(Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
        finally:
            if self._process is not None:
                if reusable and not self._cancelled:
                    self.spare.give(self._process)
                else:
                    spawn.stop(self._process)
                    self.spare.give(None)  # a fresh child warms up while the user looks at the answer

    def _fail(self, failure: Failure) -> None:
        self.signals.failed.emit(self.token, failure)

    def _watch(self, process: subprocess.Popen[bytes], stream: IO[bytes]) -> bool:
        """Relay the child's messages until the end of its answer; True if it can take another request."""
        read = lambda: protocol.read_frame(stream)  # noqa: E731
        receiver: Receiver | None = None
        quiet = _QuietCollector()
        try:
            while True:
                message = protocol.receive(stream)
                if isinstance(message, Progress):
                    self.signals.progress.emit(self.token, message.stage, message.fraction)
                    continue
                if isinstance(message, Failure):
                    self._fail(message)
                    return True
                if isinstance(message, Aligned):
                    quiet.pause()  # until the answer is whole (_QuietCollector)
                    receiver = Receiver(read, message, self.request.options)
                    partial = self._drain(receiver.rows())
                    if partial is None:
                        return False
                    self.signals.aligned.emit(self.token, partial)
                    continue
                if isinstance(message, Built):
                    if receiver is None:
                        raise StreamError("groups came before their rows")
                    start, groups = receiver.built(message)
                    self.signals.built.emit(self.token, start, groups)
                    continue
                if isinstance(message, Finish):
                    if receiver is None:
                        raise StreamError("the end of an answer that never started")
                    prepared = self._drain(receiver.finish(message))
                else:
                    assert isinstance(message, Header), message
                    quiet.pause()
                    prepared = self._drain(transfer.receive_prepared(read, message))
                if prepared is None:  # cancelled while receiving
                    return False
                quiet.resume(freeze=True)
                self.signals.finished.emit(self.token, prepared)
                return True
        except EOFError:  # the child died, or was killed
            if not self._cancelled:
                self._fail(Failure(f"the comparison process stopped (exit code {process.wait()})"))
            return False
        except StreamError as exc:  # a child of another version: say so, and start a fresh one
            if not self._cancelled:
                self._fail(Failure(f"the comparison process's answer cannot be read: {exc}"))
            return False
        finally:
            quiet.resume(freeze=False)

    def _drain(self, pieces):
        for piece in pieces:
            if self._cancelled:
                return None
            if piece is not None:
                return piece
        return None


class CompareRunner(QObject):
    """Starts comparisons and re-emits only the current request's signals."""

    progress = Signal(str, float)
    aligned = Signal(object)  # stream.Partial: the rows of the comparison being made, before its word diff
    built = Signal(int, object)  # start, list[Group]: the word diff of rows start.., as it is made
    finished = Signal(object)  # Prepared
    failed = Signal(object)  # Failure
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, first_child: subprocess.Popen[bytes] | None = None) -> None:
        super().__init__(parent)
        self.job: Job = compare_job  # runs in the child; tests swap in slow or broken ones (see protocol.Job)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # a cancelled task ends once its child is killed; never two books at once
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.aligned.connect(self._on_aligned)
        self._signals.built.connect(self._on_built)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._token = 0
        self._task: _Task | None = None
        self._spare = spawn.Spare()
        self._spare.give(first_child)  # None: a new child imports the engine while the window opens

    def shutdown(self) -> None:
        """Cancel any comparison and stop the spare child (the window is closing)."""
        self.cancel()
        self._spare.close()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, left: str, right: str, options: Options, third: str | None = None, loading=None) -> int:
        """`third`: three versions, `left` A, `right` B (the middle) and `third` C (job.three_job).
        `loading`: how to read the files (review.project.Loading), None for the defaults."""
        self._cancel_current()
        self._token += 1
        job: Job = self.job if third is None else functools.partial(three_job, third)
        if loading is not None:  # the real jobs take it; tests' stand-ins never see a project
            job = functools.partial(job, loading=loading)  # type: ignore[call-arg]
        task = _Task(self._token, Request(job, left, right, options), self._signals, self._spare)
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

    def _on_aligned(self, token: int, partial: object) -> None:
        if self._current(token):
            self.aligned.emit(partial)

    def _on_built(self, token: int, start: int, groups: object) -> None:
        if self._current(token):
            self.built.emit(start, groups)

    def _on_finished(self, token: int, result: Prepared) -> None:
        if self._current(token):
            self._task = None
            self.busy_changed.emit(False)
            self.finished.emit(result)

    def _on_failed(self, token: int, failure: Failure) -> None:
        if self._current(token):
            self._task = None
            self.busy_changed.emit(False)
            self.failed.emit(failure)
