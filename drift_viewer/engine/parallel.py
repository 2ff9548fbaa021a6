"""Running the per-group work of a long comparison on every core.

Word diffs and their classification are pure Python (diff-match-patch is), so threads would queue on one
GIL. Forked children get the aligned texts for free, copy-on-write, and only their results travel back.
Fork is used only where it is safe: a POSIX system, several cores, and a process with a single thread
(a fork from a threaded process can inherit a lock some other thread held). Elsewhere, and for short
texts where starting workers costs more than it saves, the work runs in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

# Below this many items, two forks and the transfer of results cost about what they save (measured on the
# New Testament: ~0.1 s of overhead against ~0.25 ms of work an item).
MIN_ITEMS = 1500
CHUNKS_PER_WORKER = 32  # several chunks a worker, so that progress moves between them (a 64th of a book's
# groups: ~0.05 s of work); cancellation is checked while a chunk is awaited too

SERIAL_CHUNK = 64  # items between progress reports and cancellation checks in this process (~50 ms)
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _quiet_worker(parent: int) -> None:
    """Workers leave stopping to their parent, silently. Ctrl+C reaches the terminal's whole process group: the
    parent alone handles it (and kills the workers when it stops). And on Linux a worker dies with its
    parent: killed without a word if the parent is (the window kills a cancelled comparison's whole process
    group anyway, but a crashed or OOM-killed parent would leave its workers computing, then each printing a
    BrokenPipeError traceback, or, had they been made to die of SIGPIPE instead, one stuck for ever on the
    result queue's lock the first one died holding)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl to call: the parent's group kill is the only way
            return
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(0)


def workers_for(count: int, min_items: int | None = None) -> int:
    if count < (MIN_ITEMS if min_items is None else min_items) or not _can_fork():
        return 1
    return min(_cores(), 4)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _can_fork() -> bool:
    return (
        _cores() >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon  # pool workers may not have children of their own
    )


def map_in_chunks(
    work: Callable[[int], Any], count: int, check: Callable[[], None] | None = None, min_items: int | None = None
) -> Iterator[tuple[int, list[Any]]]:
    """Yield (items done so far, results) for work(0) .. work(count - 1), in order, chunk by chunk.
    `check` (cancellation) runs every _POLL seconds while the workers' next chunk is awaited. Items
    heavier than a word diff's can be forked for from fewer of them (`min_items`)."""
    workers = workers_for(count) if min_items is None else workers_for(count, min_items)
    bounds = _bounds(count, max(1, workers * CHUNKS_PER_WORKER) if workers > 1 else -(-count // SERIAL_CHUNK))
    if workers == 1:
        for lo, hi in bounds:
            yield hi, [work(k) for k in range(lo, hi)]
        return
    yield from _forked(work, bounds, workers, check)


def _forked(
    work: Callable[[int], Any], bounds: Sequence[tuple[int, int]], workers: int, check: Callable[[], None] | None
) -> Iterator[tuple[int, list[Any]]]:
    """Worker w computes chunks w, w + workers, ... and pipes each back as it is done. Processes and pipes
    of our own rather than a multiprocessing Pool: a Pool's exit joins its three helper threads, which
    took 0.15-0.3 s of a cancel on a book; a worker of ours is killed at once. The pipes are drained as
    results come, whichever worker sends, so no worker waits on a full pipe for the parent."""
    from multiprocessing import connection  # here, not with the command: sockets and hmac load with it

    context = multiprocessing.get_context("fork")
    readers: list[Any] = []
    processes: list[Any] = []
    finished = False
    try:
        for w in range(workers):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(
                target=_run_chunks, args=(work, bounds[w::workers], writer, os.getpid()), daemon=True
            )
            process.start()
            writer.close()
            readers.append(reader)
            processes.append(process)
        waiting = [deque[list[Any]]() for _ in range(workers)]
        expected = [len(bounds[w::workers]) for w in range(workers)]
        open_readers = set(range(workers))
        for k, (_, hi) in enumerate(bounds):
            w = k % workers
            while not waiting[w]:
                ready = connection.wait([readers[r] for r in open_readers], _POLL)
                if not ready and check is not None:
                    check()
                for done in ready:
                    r = readers.index(done)
                    waiting[r].append(_receive(readers[r], processes[r]))
                    expected[r] -= 1
                    if not expected[r]:
                        open_readers.discard(r)
            yield hi, waiting[w].popleft()
        finished = True
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()  # a cancel or an error: its remaining chunks are not wanted
            if finished:
                process.join()
            # else: not waited for here. A killed worker that shared a book's heap takes the kernel a
            # while to tear down (up to a second under load); multiprocessing reaps it on its next start.
        for reader in readers:
            reader.close()


def _receive(reader: Any, process: Any) -> list[Any]:
    try:
        what, value = reader.recv()
    except EOFError:
        process.join()
        raise RuntimeError(f"a worker stopped (exit code {process.exitcode})") from None
    if what == "error":
        raise value
    return value


def _run_chunks(work: Callable[[int], Any], bounds: Sequence[tuple[int, int]], writer: Any, parent: int) -> None:
    _quiet_worker(parent)
    try:
        for lo, hi in bounds:
            writer.send(("result", [work(k) for k in range(lo, hi)]))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        _send_error(writer, error)
    finally:
        writer.close()


def _send_error(writer: Any, error: BaseException) -> None:
    try:
        writer.send(("error", error))
    except Exception:  # an exception that cannot be pickled: its text still tells
        writer.send(("error", RuntimeError(repr(error))))


def _bounds(count: int, chunks: int) -> Sequence[tuple[int, int]]:
    step = -(-count // chunks) if count else 1
    return [(lo, min(lo + step, count)) for lo in range(0, count, step)]


# --- one piece of work beside this process's own -------------------------------------------------------

T = TypeVar("T")
Tick = Callable[[float], None]
_POLL = 0.05  # seconds between cancellation checks while waiting for a background result
_TICK_STEP = 0.01  # the least progress a background tick is sent for (a pipe holds 64 kB)


class Pending(Generic[T]):
    """`work(tick)` running in a forked child (or, where forking is unsafe, run here when asked for), its
    result piped back. Its ticks (progress, 0..1) are relayed to the waiting parent, which alone checks
    for cancellation: a child cannot see the parent's cancel flag change."""

    def __init__(self, work: Callable[[Tick], T], fork: bool) -> None:
        self._work = work
        self._process: Any = None
        if fork:
            context = multiprocessing.get_context("fork")
            self._reader, writer = context.Pipe(duplex=False)
            self._process = context.Process(target=_run_one, args=(work, writer, os.getpid()), daemon=True)
            self._process.start()
            writer.close()

    def result(self, tick: Tick | None = None, check: Callable[[], None] | None = None) -> T:
        if self._process is None:
            return self._work(tick or (lambda done: None))
        try:
            while True:
                if not self._reader.poll(_POLL):
                    if check is not None:
                        check()
                    continue
                try:
                    what, value = self._reader.recv()
                except EOFError:
                    raise RuntimeError(f"a background worker stopped (exit code {self._process.exitcode})") from None
                if what == "tick":
                    if tick is not None:
                        tick(value)
                    if check is not None:
                        check()
                    continue
                self._process.join()  # it has sent its answer and is ending
                if what == "error":
                    raise value
                return value
        finally:
            self.stop()

    def stop(self) -> None:
        """End the child, if it still runs (a cancel, an error elsewhere): its result is not wanted."""
        if self._process is not None:
            if self._process.exitcode is None:
                self._process.kill()  # not waited for: see _forked
            self._reader.close()
            self._process = None


def start(work: Callable[[Tick], T], size: int, min_size: int) -> Pending[T]:
    """Start `work` beside the caller's own, in a forked child, when `size` is worth a fork (at least
    `min_size`) and forking is safe; otherwise it runs when its result is asked for."""
    return Pending(work, size >= min_size and _can_fork())


def _run_one(work: Callable[[Tick], Any], writer: Any, parent: int) -> None:
    _quiet_worker(parent)
    sent = -1.0

    def tick(done: float) -> None:
        nonlocal sent
        if done - sent >= _TICK_STEP:
            writer.send(("tick", done))
            sent = done

    try:
        writer.send(("result", work(tick)))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        _send_error(writer, error)
    finally:
        writer.close()


# --- items from both ends: a child from the front, this process from the back ---------------------------


class BothEnds(Generic[T]):
    """work(0) .. work(count - 1), a forked child taking items from the front from the moment this is
    made, and this process from the back when `results` is asked, until the two meet: however much
    other work this process does in between (or the child's core is given to others), neither waits
    for the other longer than one item. Where forking is unsafe or `count` is below `min_size`, every
    item is worked here. `pack` turns the child's results into what crosses the pipe cheaply, `unpack`
    turns them back."""

    def __init__(
        self,
        work: Callable[[int], T],
        count: int,
        min_size: int,
        pack: Callable[[T], Any] = lambda value: value,
        unpack: Callable[[Any], T] = lambda value: value,
    ) -> None:
        self._work, self._unpack = work, unpack
        fork = count >= min_size and _can_fork()
        # [front, back): the items nobody has taken, and a lock, as both ends move them: in shared memory,
        # made before the fork (a system without POSIX semaphores works every item here).
        self._ends: Any = [0, count]
        self._lock: Any = threading.Lock()
        if fork:
            try:
                self._ends, self._lock = multiprocessing.RawArray("q", [0, count]), multiprocessing.Lock()
            except (ImportError, OSError):
                fork = False
        self._front = Pending(self._from_front(work, pack), fork)

    def _from_front(self, work: Callable[[int], T], pack: Callable[[T], Any]) -> Callable[[Tick], list[Any]]:
        def run(tick: Tick) -> list[Any]:
            out = []
            while (k := self._take(0)) is not None:
                out.append(pack(work(k)))
            return out

        return run

    def _take(self, end: int) -> int | None:
        with self._lock:
            front, back = self._ends[0], self._ends[1]
            if front >= back:
                return None
            if end == 0:
                self._ends[0] = front + 1
                return front
            self._ends[1] = back - 1
            return back - 1

    def results(self) -> list[T]:
        try:
            back = []
            while (k := self._take(1)) is not None:
                back.append(self._work(k))
            front = [self._unpack(value) for value in self._front.result()]
        finally:
            self._front.stop()
        return front + back[::-1]

    def stop(self) -> None:
        """End the child, if its results are not wanted any more (an error elsewhere)."""
        self._front.stop()
