"""What the workers run: a file's word pairs, and one copy's comparisons. Picklable in and out, no Qt,
no Dask: the same functions run in the process pool and on Dask workers.

A copy is compared with each of its candidates (the source on the left, as the original, the copy on
the right); among the candidates whose paired sentences keep enough of what they say to be versions of one text
(match.KEPT_FLOOR), the one that explains most of the copy is its source (match.Match.explained). The report is rendered here and travels back as a string, so the
workers need no access to OUT_DIR: only the inputs must be readable at the same paths.
"""

from __future__ import annotations

import os
import resource
import sys
from dataclasses import dataclass, field

import numpy as np

from ..engine.errors import DriftError
from ..engine.load import load_file
from ..engine.model import DEFAULT_MAX_BYTES, RISK_ORDER, Comparison, Document, Options
from ..engine.pipeline import compare_documents
from .match import KEPT_FLOOR, Match, match_of
from .shingles import shingle_hashes


@dataclass(frozen=True)
class Shingled:
    path: str
    hashes: np.ndarray | None
    error: str | None = None


@dataclass(frozen=True)
class CopyTask:
    copy: str  # relative to COPIES_DIR
    copy_path: str
    candidates: tuple[tuple[str, str], ...]  # (relative to SOURCES_DIR, path), best first
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class Outcome:
    """One copy's row, before the parent writes it. `report_html` is None without a source or on error."""

    copy: str
    source: str | None = None
    similarity: float = 0.0
    kept: float = 0.0  # match.Match.share of the chosen source
    counts: dict[str, int] = field(default_factory=dict)
    identical: bool = False
    error: str | None = None
    report_html: str | None = None
    worker: tuple[str, int, float] = ("", 0, 0.0)  # (worker id, its peak resident bytes, its CPU seconds so far)


def _peak_rss() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux says KiB, macOS bytes


def _worker_id() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


def warm_up() -> None:
    """Import what a comparison and a report need, once per worker, before the first task."""
    from ..report import render_report  # noqa: F401  (Jinja and the templates' code)

    compare_documents(_tiny("warm"), _tiny("warm up"), Options())


def _tiny(text: str) -> Document:
    from ..engine.load import document_from_text

    return document_from_text(f"{text}.", "warm")


def shingle_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Shingled:
    try:
        return Shingled(path, shingle_hashes(load_file(path, max_bytes=max_bytes).text))
    except Exception as exc:  # one file, whatever broke, never stops the batch
        return Shingled(path, None, _message(exc, path))


def shingle_files(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Shingled]:
    """Several files a task: reading one is a few milliseconds, about what a task costs to send."""
    return [shingle_file(path, max_bytes) for path in paths]


def _message(exc: BaseException, path: str) -> str:
    if isinstance(exc, DriftError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or path}: {exc.strerror or exc}"
    return f"{path}: could not be compared ({type(exc).__name__}: {exc})"


def compare_copy(task: CopyTask) -> Outcome:
    outcome = Outcome(task.copy)
    try:
        copy = load_file(task.copy_path, max_bytes=task.max_bytes)
        best: tuple[Match, str, Comparison] | None = None
        trouble = []
        for rel, path in task.candidates:
            try:
                source = load_file(path, max_bytes=task.max_bytes)
            except (DriftError, OSError) as exc:
                trouble.append(_message(exc, path))
                continue
            comparison = compare_documents(source, copy, Options())
            match = match_of(comparison)
            # Versions of one text only (the floor), and of those the one that explains most of the copy.
            if match.share >= KEPT_FLOOR and (best is None or match.explained > best[0].explained):
                best = (match, rel, comparison)
        if best is not None:
            from ..report import render_report

            match, outcome.source, comparison = best
            outcome.kept = round(match.share, 4)
            outcome.similarity = round(comparison.similarity, 4)
            counts = comparison.change_counts()
            outcome.counts = {str(kind): counts[kind] for kind in RISK_ORDER if counts[kind]}
            outcome.identical = comparison.identical
            outcome.report_html = render_report(comparison)
        elif trouble and len(trouble) == len(task.candidates):
            outcome.error = "; ".join(trouble)
    except Exception as exc:  # an engine bug on one odd file is that file's error, not the batch's
        outcome.error = _message(exc, task.copy_path)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    outcome.worker = (_worker_id(), _peak_rss(), usage.ru_utime + usage.ru_stime)
    return outcome
