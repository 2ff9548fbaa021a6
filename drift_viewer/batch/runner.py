"""The batch job from folders to OUT_DIR: read every file's word pairs (in the workers), find each copy's
candidate sources (here), compare each copy with its candidates (in the workers), and write each report
and state line as its result arrives, then the summaries.
"""

from __future__ import annotations

import functools
import os
import resource
import sys
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..engine.errors import DriftError
from ..engine.model import DEFAULT_MAX_BYTES
from . import outputs
from .candidates import find_candidates
from .discovery import find_inputs
from .progress import Progress
from .state import DoneLog, fingerprint
from .work import CopyTask, Outcome, Shingled, compare_copy, shingle_files

REPORTS = "reports"


class BatchError(DriftError):
    """A batch that cannot start: a folder missing, nothing to compare, OUT_DIR not writable."""


@dataclass(frozen=True)
class BatchConfig:
    sources: str
    copies: str
    out: str
    workers: int | None = None  # default: the cores this process may use
    dask: str | None = None  # "local", or a scheduler address such as tcp://10.0.0.5:8786
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: bool | None = None  # a bar; None: when stderr is a terminal
    stream: TextIO | None = None  # where progress goes (stderr)


@dataclass
class BatchStats:
    files: int = 0
    compared: int = 0  # copies compared in this run (not taken from the state)
    reused: int = 0
    read_seconds: float = 0.0
    candidate_seconds: float = 0.0
    compare_seconds: float = 0.0
    parent_peak: int = 0  # bytes
    worker_peaks: dict[str, int] = field(default_factory=dict)  # worker id -> bytes
    worker_cpu: dict[str, float] = field(default_factory=dict)  # worker id -> CPU seconds (its whole life)


@dataclass
class BatchResult:
    rows: list[dict]  # as in summary.json, riskiest first (those finished, when interrupted)
    stats: BatchStats
    interrupted: bool = False

    @property
    def exit_status(self) -> int:
        """diff(1)'s: 2 trouble (a file failed, or the job was stopped), 1 some copy differs from its source
        or has none, 0 every copy is its source."""
        if self.interrupted or any(r["error"] for r in self.rows):
            return 2
        return 1 if any(r["source"] is None or r["counts"] for r in self.rows) else 0


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _inputs(folder: str, what: str, out: Path) -> list[str]:
    if not os.path.isdir(folder):
        raise BatchError(f"{folder}: {'no such folder' if not os.path.exists(folder) else 'not a folder'} ({what})")
    found = find_inputs(folder)
    # OUT_DIR inside an input folder: its reports must not come back as inputs on a rerun.
    root = Path(folder).resolve()
    try:
        inside = out.resolve().relative_to(root).as_posix()
    except ValueError:
        return found
    if inside == ".":  # OUT_DIR is the folder itself: its reports and index are not inputs
        return [f for f in found if not f.startswith(f"{REPORTS}/") and f != "index.html"]
    return [f for f in found if not f.startswith(inside + "/")]


def _executor(config: BatchConfig) -> Any:
    from .executors import DaskRunner, InlineRunner, PoolRunner

    workers = config.workers or default_workers()
    if config.dask:
        return DaskRunner(config.dask, workers)
    return PoolRunner(workers) if workers > 1 else InlineRunner()


def _report_path(copy: str) -> str:
    return f"{REPORTS}/{copy}.html"


def _row(outcome: Outcome, report: str | None) -> dict:
    return {
        "copy": outcome.copy,
        "source": outcome.source,
        "similarity": outcome.similarity,
        "counts": outcome.counts,
        "report": report,
        "error": outcome.error,
    }


def run_batch(config: BatchConfig) -> BatchResult:
    out = Path(config.out)
    sources = _inputs(config.sources, "SOURCES_DIR", out)
    copies = _inputs(config.copies, "COPIES_DIR", out)
    if not copies:
        raise BatchError(f"{config.copies}: no .txt, .md, .html or .docx files in it (COPIES_DIR)")
    try:
        (out / REPORTS).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{config.out}: cannot be written ({exc.strerror or exc})") from None
    stats = BatchStats(files=len(sources) + len(copies))
    executor = _executor(config)
    log = DoneLog(out)
    rows: dict[str, dict] = {}
    try:
        return _run(config, executor, log, sources, copies, rows, stats)
    except BrokenProcessPool:
        # A worker killed from outside (out of memory, a signal): what finished is kept for the rerun.
        executor.close(abort=True)
        executor = None
        raise BatchError("a worker process died (out of memory?); run the same command again to resume") from None
    except KeyboardInterrupt:
        executor.close(abort=True)
        executor = None
        stats.parent_peak = _peak_rss()
        return BatchResult(outputs.sorted_rows(list(rows.values())), stats, interrupted=True)
    finally:
        log.close()
        if executor is not None:
            executor.close()


def _path(folder: str, rel: str) -> str:
    return os.path.abspath(os.path.join(folder, rel))


def _run(
    config: BatchConfig,
    executor: Any,
    log: DoneLog,
    sources: list[str],
    copies: list[str],
    rows: dict[str, dict],
    stats: BatchStats,
) -> BatchResult:
    stream = config.stream or sys.stderr
    start = time.perf_counter()
    paths = [_path(config.sources, s) for s in sources] + [_path(config.copies, c) for c in copies]
    read = Progress("reading", len(paths), stream=stream, bar=config.progress)
    shingled: dict[str, Shingled] = {}
    size = max(1, min(64, len(paths) // (8 * executor.workers)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    for results in executor.run(functools.partial(shingle_files, max_bytes=config.max_bytes), chunks):
        for result in results:
            shingled[result.path] = result
        read.advance(len(results))
    read.close()
    stats.read_seconds = time.perf_counter() - start

    source_sets = {}
    for rel in sources:
        got = shingled[_path(config.sources, rel)]
        if got.hashes is not None:
            source_sets[rel] = got.hashes
        else:
            stream.write(f"drift-viewer: warning: source skipped: {got.error}\n")
    copy_sets = {}
    for rel in copies:
        got = shingled[_path(config.copies, rel)]
        if got.hashes is None:
            rows[rel] = _row(Outcome(rel, error=got.error), None)
        else:
            copy_sets[rel] = got.hashes
    start = time.perf_counter()
    found = find_candidates(source_sets, copy_sets)
    stats.candidate_seconds = time.perf_counter() - start

    done = log.read()
    tasks, keys = [], {}
    for rel in copy_sets:
        candidates = tuple((c.source, _path(config.sources, c.source)) for c in found[rel])
        key = fingerprint(_path(config.copies, rel), [p for _, p in candidates])
        previous = done.get(rel)
        if previous is not None and previous.get("key") == key and _report_kept(Path(config.out), previous):
            rows[rel] = {k: previous.get(k) for k in outputs.ROW_KEYS}
            stats.reused += 1
            continue
        keys[rel] = key
        tasks.append(CopyTask(rel, _path(config.copies, rel), candidates, config.max_bytes))
    start = time.perf_counter()
    bar = Progress("comparing", len(tasks), stream=stream, bar=config.progress)
    for outcome in _results(executor, tasks):
        report = None
        if outcome.report_html is not None:
            report = _report_path(outcome.copy)
            target = Path(config.out, report)
            target.parent.mkdir(parents=True, exist_ok=True)
            outputs.write_atomic(target, outcome.report_html)
        row = _row(outcome, report)
        rows[outcome.copy] = row
        if outcome.error is None:
            log.append({**row, "key": keys[outcome.copy]})
        worker, peak, cpu = outcome.worker
        stats.worker_peaks[worker] = max(peak, stats.worker_peaks.get(worker, 0))
        stats.worker_cpu[worker] = max(cpu, stats.worker_cpu.get(worker, 0.0))
        stats.compared += 1
        bar.advance()
    bar.close()
    stats.compare_seconds = time.perf_counter() - start
    ordered = outputs.write_summaries(Path(config.out), list(rows.values()), config.sources, config.copies)
    stats.parent_peak = _peak_rss()
    return BatchResult(ordered, stats)


def _report_kept(out: Path, row: dict) -> bool:
    return row.get("report") is None or (out / row["report"]).is_file()


def _results(executor: Any, tasks: list[CopyTask]) -> Iterator[Outcome]:
    # Long copies first: the last minutes of a batch are not spent waiting on one big file.
    tasks = sorted(tasks, key=lambda t: -_size(t.copy_path))
    yield from executor.run(compare_copy, tasks)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _peak_rss() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
