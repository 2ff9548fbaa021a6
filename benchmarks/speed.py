"""Speed and memory of `compare`, end to end and per stage, on a size series cut from the New Testament
pair (../shared/data/bible-nt), and the start-up cost of the command.

Every measurement is a fresh interpreter (`python speed.py --worker LEFT RIGHT`), so one run's caches
and heap never flatter or burden the next, and its peak RSS (getrusage of the worker itself) is that
run's alone. Stage times come from wrapping the engine functions compare.py calls (load_file, segment,
align, word_diff, changes_of) wherever engine modules hold them, timing each exclusively of the
others; a function that is renamed away shows as n/a and its time lands in "other".
"""

from __future__ import annotations

import csv
import functools
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NT_DIR = ROOT.parent / "shared" / "data" / "bible-nt"
NT_FILES = ("Haweis.tsv", "Noyes.tsv")

STAGE_FUNCTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "load": (("load", "load_file"),),
    "segment": (("segment", "segment"), ("segment", "segment_lines")),
    "align": (("align", "align"),),
    "word diff": (("worddiff", "word_diff"),),
    "classify": (("classify", "changes_of"),),
}
STAGES = (*STAGE_FUNCTIONS, "other")
SLOW_SECONDS = 20.0  # a run this slow is not repeated: its median would only eat the time budget


# --- inputs -----------------------------------------------------------------------------------------


def _chapters(tsv: Path) -> dict[tuple[str, int], list[str]]:
    chapters: dict[tuple[str, int], list[str]] = defaultdict(list)
    with open(tsv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = " ".join(row["text"].split())
            if text:
                chapters[(row["book"], int(row["chapter"]))].append(text)
    return chapters


@dataclass(frozen=True)
class SizeCase:
    label: str  # "1/4 NT", "NT", "2x NT"
    left: Path
    right: Path
    bytes: int  # of the left file

    def __str__(self) -> str:
        return f"{self.label} ({self.bytes / 1e6:.2f} MB)"


def make_series(out_dir: Path, fractions: Sequence[float], nt_dir: Path = NT_DIR) -> list[SizeCase]:
    """Texts of the first `fraction` of the NT's chapters (each chapter a paragraph, as quality.py's
    pipeline metric builds them); fraction 2 is the whole NT twice over."""
    sides = [_chapters(nt_dir / name) for name in NT_FILES]
    common = [key for key in sides[0] if key in sides[1]]
    cases = []
    for fraction in fractions:
        keys = common[: max(1, round(len(common) * min(fraction, 1.0)))]
        repeat = max(1, round(fraction))  # 2x, 4x: the whole NT again, so that every word repeats
        label = (
            "NT"
            if fraction == 1
            else f"{fraction:g}x NT"
            if fraction > 1
            else f"{Fraction(fraction).limit_denominator(64)} NT"
        )
        paths = []
        for name, side in zip(("left", "right"), sides, strict=True):
            text = "\n\n".join(" ".join(side[key]) for key in keys)
            path = out_dir / f"{label.replace(' ', '_').replace('/', '-')}.{name}.txt"
            path.write_text("\n\n".join([text] * repeat) + "\n", encoding="utf-8")
            paths.append(path)
        cases.append(SizeCase(label, paths[0], paths[1], paths[0].stat().st_size))
    return cases


REPEATED = "The council met again on Monday to discuss the new water plant."
REPEATED_EDIT = "The council met once more on Monday to discuss the water plant."


def make_repeated(out_dir: Path, megabytes: float) -> SizeCase:
    """One sentence repeated to `megabytes` a side, the right side with one copy reworded in the middle:
    no word is rare, the hardest input for anchors (boilerplate, refrains, liturgy)."""
    count = int(megabytes * 1e6) // (len(REPEATED) + 1)
    left = [REPEATED] * count
    right = left[: count // 2] + [REPEATED_EDIT] + left[count // 2 + 1 :]
    label = f"repeated sentence {megabytes:g} MB"
    paths = []
    for name, sentences in (("left", left), ("right", right)):
        path = out_dir / f"repeated-{megabytes:g}MB.{name}.txt"
        path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
        paths.append(path)
    return SizeCase(label, paths[0], paths[1], paths[0].stat().st_size)


def export_tree(revision: str, out_dir: Path) -> Path | None:
    """drift_viewer as it was at `revision` (git archive into out_dir), to measure "before" with the same
    harness; None when git or the revision is not there."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", revision, "drift_viewer"], capture_output=True, cwd=ROOT, timeout=60
        )
        if archive.returncode != 0:
            return None
        subprocess.run(["tar", "-x", "-C", str(out_dir)], input=archive.stdout, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return out_dir


# --- the worker (runs in a fresh interpreter) -------------------------------------------------------


class _StageTimers:
    """Exclusive time per stage: a stage called from inside another is not counted twice."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner = [0.0]

    def wrap(self, stage: str, fn: Callable) -> Callable:
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            self._inner.append(0.0)
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.seconds[stage] += elapsed - self._inner.pop()
                self._inner[-1] += elapsed

        return timed


def instrument() -> tuple[_StageTimers, set[str]]:
    """Wrap the stage functions in every loaded drift_viewer module that holds them; the stages found."""
    timers = _StageTimers()
    found = set()
    for stage, candidates in STAGE_FUNCTIONS.items():
        for module_name, attr in candidates:
            try:
                module = importlib.import_module(f"drift_viewer.engine.{module_name}")
            except ImportError:
                continue
            original = getattr(module, attr, None)
            if not callable(original):
                continue
            wrapper = timers.wrap(stage, original)
            for loaded in list(sys.modules.values()):
                if getattr(loaded, "__name__", "").startswith("drift_viewer"):
                    for key, value in list(vars(loaded).items()):
                        if value is original:
                            setattr(loaded, key, wrapper)
                            found.add(stage)
    return timers, found


def worker(left: str, right: str) -> dict:
    import resource

    from drift_viewer.engine import pipeline as compare

    timers, found = instrument()
    marks: dict[str, float] = {}
    start, cpu_start = time.perf_counter(), time.process_time()
    comparison = compare.compare_files(
        left, right, progress=lambda stage, _: marks.setdefault(stage, time.perf_counter())
    )
    total = time.perf_counter() - start
    # Long texts diff in forked workers (engine/fanout.py), whose CPU and wrapped timers this process
    # never sees: count the workers' CPU, and time the word diff + classify stage by its wall clock.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu_start + children.ru_utime + children.ru_stime
    stages: dict[str, float | None] = {s: (timers.seconds[s] if s in found else None) for s in STAGE_FUNCTIONS}
    if not timers.seconds.get("word diff") and "diff" in marks and "done" in marks:
        stages["word diff"] = marks["done"] - marks["diff"]  # classify included
        stages["classify"] = None
    stages["other"] = max(0.0, total - sum(v for v in stages.values() if v is not None))
    return {
        "seconds": total,
        "cpu_seconds": cpu,
        "stages": stages,
        "peak_rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children.ru_maxrss) / 1024,
        "sentences": [len(comparison.left.sentences), len(comparison.right.sentences)],
        "groups": len(comparison.groups),
    }


# --- the parent -------------------------------------------------------------------------------------


def _env(tree: Path = ROOT) -> dict[str, str]:
    # The tree under test first, whatever is installed.
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")  # single-threaded BLAS, as the CLI and the window run the engine
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), env.get("PYTHONPATH", "")]))
    return env


@dataclass
class SpeedResult:
    case: SizeCase
    runs: int = 0
    seconds: float | None = None  # least compare_files wall time in the worker over the runs
    cpu_seconds: float | None = None  # least CPU time of the same (workers included): less swayed by load
    stages: dict[str, float | None] = field(default_factory=dict)  # medians
    peak_rss_mb: float | None = None  # median
    sentences: tuple[int, int] = (0, 0)
    error: str | None = None


def _median_or_none(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def measure_compare(case: SizeCase, runs: int, timeout: float, tree: Path = ROOT) -> SpeedResult:
    """`runs` fresh workers on `case` with drift_viewer from `tree`; the least time of them, since a
    busy machine only ever adds time."""
    result = SpeedResult(case)
    samples = []
    deadline = time.monotonic() + timeout
    for _ in range(runs):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", str(case.left), str(case.right)],
                capture_output=True,
                text=True,
                timeout=remaining,
                env=_env(tree),
            )
        except subprocess.TimeoutExpired:
            if not samples:
                result.error = f"timeout after {timeout:.0f} s"
            break
        if proc.returncode != 0:
            result.error = (proc.stderr.strip().splitlines() or ["worker failed"])[-1][:160]
            return result
        samples.append(json.loads(proc.stdout))
        if samples[-1]["seconds"] > SLOW_SECONDS:
            break
    if samples:
        result.runs = len(samples)
        result.seconds = min(s["seconds"] for s in samples)
        result.cpu_seconds = min(s["cpu_seconds"] for s in samples)
        result.peak_rss_mb = statistics.median(s["peak_rss_mb"] for s in samples)
        result.stages = {st: _median_or_none([s["stages"].get(st) for s in samples]) for st in STAGES}
        result.sentences = tuple(samples[0]["sentences"])
    return result


def measure_series(
    cases: Sequence[SizeCase], runs: int, timeout: float, budget: float, tree: Path = ROOT
) -> list[SpeedResult]:
    """Smallest first; once a size fails or the budget is spent, larger sizes are skipped, not run."""
    out = []
    stop = time.monotonic() + budget
    failed = None
    for case in cases:
        if failed is not None:
            out.append(SpeedResult(case, error=f"skipped: {failed}"))
            continue
        remaining = stop - time.monotonic()
        if remaining <= 1:
            out.append(SpeedResult(case, error="skipped: speed budget spent"))
            continue
        result = measure_compare(case, runs, min(timeout, remaining), tree)
        if result.error:
            failed = f"{case.label} failed"
        out.append(result)
    return out


def _timed(cmd: Sequence[str], timeout: float, tree: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env(tree), cwd=tree)
    return time.perf_counter() - start, proc


def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "drift-viewer"
    return [str(script)] if script.exists() else [sys.executable, "-m", "drift_viewer"]


def measure_cli(case: SizeCase, runs: int, timeout: float, tree: Path = ROOT) -> tuple[float | None, str | None]:
    """Least wall seconds of `drift-viewer compare LEFT RIGHT --format json -o FILE`: start-up, engine and
    the JSON written, as a user waits for it. Exit status 1 means "differences", not failure."""
    times = []
    out = case.left.with_suffix(".out.json")
    for _ in range(runs):
        try:
            seconds, proc = _timed(
                [sys.executable, "-m", "drift_viewer", "compare", str(case.left), str(case.right)]
                + ["--format", "json", "-o", str(out)],
                timeout,
                tree,
            )
        except subprocess.TimeoutExpired:
            return None, f"timeout after {timeout:.0f} s"
        if proc.returncode not in (0, 1):
            return None, (proc.stderr.strip().splitlines() or ["failed"])[-1][:160]
        times.append(seconds)
        if seconds > SLOW_SECONDS:
            break
    return min(times), None


@dataclass(frozen=True)
class StartupResult:
    bare: float  # `python -c pass`
    help: float  # `drift-viewer --help`, minus bare
    compare_import: float  # `import drift_viewer.cli, drift_viewer.engine.pipeline`, minus bare


def measure_startup(runs: int = 5, tree: Path = ROOT) -> StartupResult:
    """Least of `runs` (load only adds time); the difference to a bare interpreter is what drift-viewer
    itself costs."""

    def least_of(cmd: list[str]) -> float:
        _timed(cmd, 60, tree)  # warm the file cache so the first sample is not a disk read
        return min(_timed(cmd, 60, tree)[0] for _ in range(runs))

    bare = least_of([sys.executable, "-c", "pass"])
    help_ = least_of([sys.executable, "-m", "drift_viewer", "--help"])
    imports = least_of([sys.executable, "-c", "import drift_viewer.cli, drift_viewer.engine.pipeline"])
    return StartupResult(bare, help_ - bare, imports - bare)


def _importtime(code: str) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) per line of `python -X importtime -c code`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, timeout=60, env=_env()
    )
    out = []
    for line in proc.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            out.append((parts[2].strip(), int(parts[0]), int(parts[1])))
    return out


def import_profile(top: int = 5) -> list[tuple[str, float]]:
    """The costliest imports behind `compare` that a bare interpreter does not make: third-party
    packages by cumulative milliseconds, drift_viewer modules by their own (self) milliseconds."""
    bare = {name for name, _, _ in _importtime("pass")}
    costs: dict[str, float] = {}
    for name, self_us, cumulative_us in _importtime("import drift_viewer.cli, drift_viewer.engine.pipeline"):
        if name.startswith("drift_viewer"):
            costs[name] = self_us / 1000
        elif "." not in name and not name.startswith("_") and name not in bare:
            costs[name] = max(costs.get(name, 0.0), cumulative_us / 1000)
    return sorted(costs.items(), key=lambda item: -item[1])[:top]


def growth(results: Sequence[SpeedResult], big: str = "2x NT", base: str = "NT", cpu: bool = False) -> float | None:
    by = {r.case.label: r.cpu_seconds if cpu else r.seconds for r in results}
    if by.get(big) and by.get(base):
        return by[big] / by[base]
    return None


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        print(json.dumps(worker(sys.argv[2], sys.argv[3])))
    else:
        sys.exit("usage: speed.py --worker LEFT RIGHT (run benchmarks/run.py --only speed for the table)")
