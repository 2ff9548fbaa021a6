"""Where the workers run: a local process pool, or Dask distributed. Both take the same picklable
functions (batch.work) and hand results back as they finish, so the parent streams them to OUT_DIR.

Workers import the engine and render one tiny comparison before their first task (work.warm_up): the
imports and the first Jinja compile are paid once a worker, not once a file.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any


def _apply_all(fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [fn(item) for item in items]


def _pool_worker() -> None:
    # Ctrl+C reaches the whole terminal process group: the parent alone decides to stop, then ends us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .work import warm_up

    warm_up()


class InlineRunner:
    """One worker: this process, with no pool to start (a pool of one costs a second's start and the
    transfer of every result, and buys nothing)."""

    workers = 1

    def __init__(self) -> None:
        from .work import warm_up

        warm_up()

    def run(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield fn(item)

    def close(self, *, abort: bool = False) -> None:
        pass


class PoolRunner:
    """concurrent.futures over processes. Forkserver on Linux: a fork from the parent (which runs a tqdm
    thread) could inherit a lock some thread held; a fresh interpreter per worker would re-import the engine
    for each one. The fork server imports it once (preload) and forks workers from there."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods and sys.platform != "darwin" else "spawn"
        )
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(["drift_viewer.batch.work"])
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_pool_worker)

    def run(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        # A bounded window of submitted tasks: results stream back while the rest wait here, and a stop
        # has little queued work to cancel.
        pending: set[Future] = set()
        todo = iter(items)
        window = self.workers * 4
        for item in todo:
            pending.add(self._pool.submit(fn, item))
            if len(pending) >= window:
                break
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.add(self._pool.submit(fn, nxt))

    def close(self, *, abort: bool = False) -> None:
        if abort:
            # Tasks in flight would run to their end otherwise (shutdown cannot interrupt them).
            processes = list(getattr(self._pool, "_processes", {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(5)
            return
        self._pool.shutdown(wait=True)


class DaskRunner:
    """Dask distributed: `local` starts a LocalCluster of `workers` single-threaded processes (the engine is
    pure Python: threads would share one GIL); an address submits to that scheduler's workers, which must
    have drift-viewer installed and read the input files at the same paths."""

    def __init__(self, address: str, workers: int) -> None:
        import logging

        from distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout=30)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        from .dask_plugin import WarmUp

        self.client.register_plugin(WarmUp(), name="drift-viewer-warm-up")
        self._futures: list[Any] = []

    def run(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        from distributed import as_completed

        # A few items a task: each Dask task costs the worker milliseconds of CPU of its own (measured on
        # 250 copies, one a task: twice the pool's worker CPU), against ~30 ms an item.
        work = list(items)
        size = max(1, min(8, len(work) // (16 * self.workers)))
        chunks = [work[i : i + size] for i in range(0, len(work), size)]
        self._futures = self.client.map(functools.partial(_apply_all, fn), chunks, pure=False)
        for future in as_completed(self._futures):
            yield from future.result()
            future.release()
        self._futures = []

    def close(self, *, abort: bool = False) -> None:
        if abort and self._futures:
            self.client.cancel(self._futures)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
