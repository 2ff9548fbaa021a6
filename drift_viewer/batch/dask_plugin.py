"""The Dask worker plugin that warms a worker up once, when it joins (see executors.DaskRunner)."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class WarmUp(WorkerPlugin):
    def setup(self, worker) -> None:  # type: ignore[no-untyped-def]
        from .work import warm_up

        warm_up()
