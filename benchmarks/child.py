"""Run one measurement in a forked child with a time limit, so a slow or crashing aligner costs its own
row of the table and not the whole benchmark."""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Outcome:
    value: Any = None
    error: str | None = None  # "timeout after N s", or the exception's last line

    @property
    def ok(self) -> bool:
        return self.error is None


def _child(conn, fn: Callable[..., Any], args: tuple) -> None:
    try:
        conn.send(Outcome(fn(*args)))
    except BaseException as exc:  # SystemExit and MemoryError too: the parent must hear back
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        conn.send(Outcome(error=last[:160]))
    finally:
        conn.close()


def run_limited(fn: Callable[..., Any], *args: Any, timeout: float) -> Outcome:
    """fn(*args) in a forked child; its result must pickle. Fork keeps the parent's warm imports, so
    import time is not charged to whichever aligner runs first."""
    if timeout <= 0:
        return Outcome(error="skipped: out of time")
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if recv.poll(timeout):
            try:
                return recv.recv()
            except EOFError:
                proc.join(5)
                return Outcome(error=f"child died (exit {proc.exitcode})")
        return Outcome(error=f"timeout after {timeout:.0f} s")
    finally:
        recv.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
