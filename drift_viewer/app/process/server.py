"""The comparison process's main loop: answer requests from the window until it closes the pipe. Qt-free.

Why a process: on a book, the comparison holds the GIL for long stretches a thread cannot share
(whole-text regexes and numpy calls in C, and full garbage collections over a growing heap), and the
window froze for up to a second at a time. In a child process none of that touches the GUI thread.

The child is `python -c "...serve()"` (see `spawn`), not multiprocessing: spawn re-imports the parent's
main module, and a script that opens the window without a __main__ guard would then open windows
recursively. It is started warm and serves one request after another, so a comparison never waits for
a Python start-up and the engine's imports (~0.5-1 s on a loaded machine). The frames: `protocol`.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import IO

from ...engine.errors import DriftError, InputError
from . import protocol, stream, transfer
from .job import SideInputError, warm_up
from .protocol import Failure, Request


def serve() -> None:
    """The child's entry point: warm up, then answer requests until the parent closes the pipe."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print in the engine must not corrupt the frames
    warm_up()
    while (request := protocol.read_request(sys.stdin.buffer)) is not None:
        answer(out, request)  # returns holding nothing: the next book does not share memory with the last


def answer(out: IO[bytes], request: Request) -> None:
    """Run one request's job and send its answer, or a Failure saying why there is none."""

    # The job's progress callable, and the pipeline's hooks for a compare_job (links before groups).
    progress = stream.Stream(lambda data: protocol.write_frame(out, data))
    try:
        prepared = request.job(request.left, request.right, request.options, progress)
    except InputError as exc:
        side = exc.side if isinstance(exc, SideInputError) else None
        protocol.send(out, Failure(exc.reason, exc.path, side=side))
    except DriftError as exc:
        protocol.send(out, Failure(str(exc)))
    except OSError as exc:
        protocol.send(out, Failure(exc.strerror or str(exc), exc.filename))
    except Exception as exc:  # noqa: BLE001 - the window must survive any engine bug
        protocol.send(out, Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
    else:
        if progress.started:
            try:
                progress.finish(prepared)  # checks before it writes anything
            except stream.StreamError as exc:
                protocol.send(out, Failure(f"unexpected error: {exc}"))
        else:  # a job that does not stream (three versions, a test's stand-in): the answer whole
            transfer.send_prepared(lambda data: protocol.write_frame(out, data), prepared)
