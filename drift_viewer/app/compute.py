"""The comparison's child process and its framed pipe protocol. Qt-free: the child never loads Qt.

Why a process: on a book, the comparison holds the GIL for long stretches a thread cannot share
(whole-text regexes and numpy calls in C, and full garbage collections over a growing heap), and the
window froze for up to a second at a time. In a child process none of that touches the GUI thread.

The child is `python -c "...serve()"` (started by `child`), not multiprocessing: spawn re-imports the parent's main module,
and a script that opens the window without a __main__ guard would then open windows recursively.
It is started warm, when the window starts, and serves one request after another, so a comparison
never waits for a Python start-up and the engine's imports (~0.5-1 s on a loaded machine).
Each request is two frames on the child's stdin, the parent's sys.path and (job, left, right, options);
the child answers on its stdout in frames (4-byte little-endian length, then bytes), each a pickle:
("progress", stage, fraction), ("failed", Failure), ("cancelled",), or the answer: ("result", n_left,
n_right, n_groups) followed by the pieces described in `transfer`. The parent cancels by killing it
(and starts another); the child ends when its stdin closes.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from ..engine.errors import Cancelled, DriftError, InputError
from ..engine.load import load_file
from ..engine.model import Options
from ..engine.pipeline import compare_documents
from .prepare import Prepared, prepare
from .transfer import send_prepared

Job = Callable[..., Prepared]  # (left path, right path, options, progress, should_cancel) -> Prepared


@dataclass(frozen=True)
class Failure:
    message: str  # what went wrong, one line
    path: str | None = None  # the file at fault, when there is one
    details: str = ""  # a traceback, for unexpected errors only


def compare_job(left: str, right: str, options: Options, progress, should_cancel) -> Prepared:
    """The real job: read both files, compare, and sort the changes here rather than in the window."""
    comparison = compare_documents(
        load_file(left, max_bytes=options.max_bytes),
        load_file(right, max_bytes=options.max_bytes),
        options,
        progress=progress,
        should_cancel=should_cancel,
    )
    return prepare(comparison)


_LENGTH = struct.Struct("<I")


class FrameWriter:
    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def send_bytes(self, data: bytes) -> None:
        self.stream.write(_LENGTH.pack(len(data)))
        self.stream.write(data)
        self.stream.flush()  # progress must arrive while the job runs, not when it ends


def read_frame(stream: BinaryIO) -> bytes:
    """One frame; EOFError when the child has gone (finished, crashed or killed)."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def request(job: Job, left: str, right: str, options: Options) -> bytes:
    """Two frames: the parent's sys.path first, since unpickling the job may import from it."""
    frames = (pickle.dumps(list(sys.path)), pickle.dumps((job, left, right, options), pickle.HIGHEST_PROTOCOL))
    return b"".join(_LENGTH.pack(len(frame)) + frame for frame in frames)


def serve() -> None:
    """The child's entry point: warm up, then answer requests until the parent closes the pipe."""
    channel = FrameWriter(os.fdopen(os.dup(1), "wb"))
    os.dup2(2, 1)  # a stray print in the engine must not corrupt the frames
    warm_up()
    requests = sys.stdin.buffer
    while True:
        try:
            path = pickle.loads(read_frame(requests))
            sys.path[:] = path  # before the job's frame: unpickling the job may import from it
            job, left, right, options = pickle.loads(read_frame(requests))
        except EOFError:
            return
        child_main(channel, job, left, right, options)


def warm_up() -> None:
    """One tiny comparison, so that first-call costs (lazy imports, compiled regexes) are paid while the
    user is still looking at the window, not on their first request."""
    from ..engine.pipeline import compare_texts

    prepare(compare_texts("Avril Haines said 3 people came.", "Avril Haynes said 4 people came."))


def child_main(conn, job: Job, left: str, right: str, options: Options) -> None:
    """Runs the job and sends its answer, or why there is none."""

    def send(*message) -> None:
        conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))

    try:
        prepared = job(left, right, options, lambda stage, fraction: send("progress", stage, fraction), lambda: False)
    except Cancelled:
        send("cancelled")
    except InputError as exc:
        send("failed", Failure(exc.reason, exc.path))
    except DriftError as exc:
        send("failed", Failure(str(exc)))
    except OSError as exc:
        send("failed", Failure(exc.strerror or str(exc), exc.filename))
    except Exception as exc:  # noqa: BLE001 - the window must survive any engine bug
        send("failed", Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
    else:
        send_prepared(conn, prepared)
        del prepared  # the next request must not hold the last book's answer while it builds its own
