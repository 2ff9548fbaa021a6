"""Comparisons run on a pool thread; each request carries a token and only the newest one's answer counts.

A new request cancels the running one through its should_cancel flag; an answer that arrives for an
older token is dropped, so a slow, stale comparison can never overwrite a newer one.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..engine.compare import compare_documents
from ..engine.errors import Cancelled, DriftError, InputError
from ..engine.load import load_file
from ..engine.model import Options
from .prepare import prepare


@dataclass(frozen=True)
class Failure:
    message: str  # what went wrong, one line
    path: str | None = None  # the file at fault, when there is one
    details: str = ""  # a traceback, for unexpected errors only


class _Signals(QObject):
    progress = Signal(int, str, float)  # token, stage, fraction
    finished = Signal(int, object)  # token, Prepared
    failed = Signal(int, object)  # token, Failure
    cancelled = Signal(int)


class _Task(QRunnable):
    def __init__(self, token: int, left: str, right: str, options: Options, signals: _Signals) -> None:
        super().__init__()
        self.token, self.left, self.right, self.options = token, left, right, options
        self.signals = signals
        self.cancel_flag = threading.Event()

    def run(self) -> None:
        emit = self.signals
        try:
            left = load_file(self.left, max_bytes=self.options.max_bytes)
            right = load_file(self.right, max_bytes=self.options.max_bytes)
            comparison = compare_documents(
                left,
                right,
                self.options,
                progress=lambda stage, fraction: emit.progress.emit(self.token, stage, fraction),
                should_cancel=self.cancel_flag.is_set,
            )
            if self.cancel_flag.is_set():
                raise Cancelled()
            result = prepare(comparison)
        except Cancelled:
            emit.cancelled.emit(self.token)
        except InputError as exc:
            emit.failed.emit(self.token, Failure(exc.reason, exc.path))
        except DriftError as exc:
            emit.failed.emit(self.token, Failure(str(exc)))
        except OSError as exc:
            emit.failed.emit(self.token, Failure(exc.strerror or str(exc), exc.filename))
        except Exception as exc:  # noqa: BLE001 - the window must survive any engine bug
            emit.failed.emit(self.token, Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
        else:
            emit.finished.emit(self.token, result)


class CompareRunner(QObject):
    """Starts comparisons and re-emits only the current request's signals."""

    progress = Signal(str, float)
    finished = Signal(object)  # Prepared
    failed = Signal(object)  # Failure
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # a cancelled task stops at its next check; never run two books at once
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._token = 0
        self._task: _Task | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, left: str, right: str, options: Options) -> int:
        self._cancel_current()
        self._token += 1
        task = _Task(self._token, left, right, options, self._signals)
        task.setAutoDelete(False)  # we keep a reference to set its cancel flag
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
            self._task.cancel_flag.set()
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
