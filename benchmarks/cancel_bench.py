"""How fast a cancel takes effect, stage by stage, on the NT pair (issue 12: within 0.3 s at any stage,
progress moving within every stage).

Two measurements, each in this process through the engine API (compare_documents with progress and
should_cancel):
- one full run that records when every check (should_cancel call) and every progress report comes: the
  longest stretch without a check in a stage is the worst wait a cancel can have there;
- runs cancelled at points inside each stage: the time from the first should_cancel that answers True
  to the Cancelled exception reaching the caller.

    python benchmarks/cancel_bench.py [--points 0.3,0.7]

Wall clock: on a loaded machine every figure stretches with the load (the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import speed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drift_viewer.engine.errors import Cancelled  # noqa: E402
from drift_viewer.engine.load import load_file  # noqa: E402
from drift_viewer.engine.pipeline import compare_documents  # noqa: E402

STAGES = {"segment": (0.0, 0.2), "align": (0.2, 0.6), "diff": (0.6, 1.0)}


def _stage_of(fraction: float) -> str:
    return next((name for name, (lo, hi) in STAGES.items() if lo <= fraction < hi), "done")


def _site() -> str:
    """Where the engine asked: the first two drift_viewer frames above the check or progress closure."""
    names = []
    frame = sys._getframe(2)
    while frame is not None and len(names) < 2:
        code = frame.f_code
        if "drift_viewer" in code.co_filename and code.co_name not in ("check", "tick", "report", "<lambda>"):
            names.append(f"{Path(code.co_filename).stem}.{code.co_name}")
        frame = frame.f_back
    return " < ".join(names) or "?"


def full_run(left, right) -> dict[str, dict]:
    """Per stage: checks, distinct progress values, the longest gap between checks (wall, and this
    process's CPU: on a loaded machine the CPU gap is the wall gap a quiet one would show; work in forked
    workers is awaited with a check every 50 ms) with the places either side of it, and between reports."""
    t0, c0 = time.perf_counter(), time.process_time()
    checks: list[tuple[float, float, str]] = []
    reports: list[tuple[float, str, float, float]] = []  # wall, stage, fraction, CPU

    def should_cancel() -> bool:
        checks.append((time.perf_counter() - t0, time.process_time() - c0, _site()))
        return False

    def progress(stage: str, fraction: float) -> None:
        reports.append((time.perf_counter() - t0, stage, fraction, time.process_time() - c0))

    compare_documents(left, right, progress=progress, should_cancel=should_cancel)
    end = time.perf_counter() - t0
    out: dict[str, dict] = {}
    firsts = [next(r for r in reports if r[1] == stage) for stage in (*STAGES, "done")]
    for (start, stage, _, cpu_start), (stop, _, _, cpu_stop) in zip(firsts, firsts[1:], strict=False):
        inside = [c for c in checks if start <= c[0] <= stop]
        edges = [(start, cpu_start, "stage start"), *inside, (stop, cpu_stop, "stage end")]
        pairs = list(zip(edges, edges[1:], strict=False))
        wall_gap = max(b[0] - a[0] for a, b in pairs)
        worst = max(pairs, key=lambda ab: ab[1][1] - ab[0][1])
        shown = [r[0] for r in reports if r[1] == stage]
        out[stage] = {
            "seconds": stop - start,
            "checks": len(inside),
            "values": len({r[2] for r in reports if r[1] == stage}),
            "check_gap": wall_gap,
            "cpu_gap": worst[1][1] - worst[0][1],
            "gap_sites": f"{worst[0][2]} -> {worst[1][2]}",
            "progress_gap": max(b - a for a, b in zip([*shown, stop], [*shown, stop][1:], strict=False)),
        }
    out["all"] = {"seconds": end}
    return out


def cancelled_at(left, right, stage: str, point: float) -> tuple[float, float]:
    """Cancel once progress passes `point` of `stage`'s share: (when asked, seconds until Cancelled)."""
    lo, hi = STAGES[stage]
    target = lo + point * (hi - lo)
    asked_at: float | None = None
    t0 = time.perf_counter()
    wanted = False

    def progress(name: str, fraction: float) -> None:
        nonlocal wanted
        if name == stage and fraction >= target:
            wanted = True

    def should_cancel() -> bool:
        nonlocal asked_at
        if wanted and asked_at is None:
            asked_at = time.perf_counter()
        return wanted

    try:
        compare_documents(left, right, progress=progress, should_cancel=should_cancel)
    except Cancelled:
        done = time.perf_counter()
        assert asked_at is not None
        return asked_at - t0, done - asked_at
    raise RuntimeError(f"no cancel at {stage} {point}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", default="0.1,0.5,0.9", help="where in each stage to cancel (shares of it)")
    parser.add_argument("--no-cancels", action="store_true", help="only the full run's gaps")
    parser.add_argument("--json", nargs=2, metavar=("LEFT", "RIGHT"), help="this pair, one JSON line (bounds.py)")
    args = parser.parse_args(argv)
    if args.json:
        return _json_line(*args.json, [float(p) for p in args.points.split(",")])
    with tempfile.TemporaryDirectory() as tmp:
        nt = speed.make_series(Path(tmp), [1])[0]
        left, right = load_file(nt.left), load_file(nt.right)
        print(f"NT pair, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
        run = full_run(left, right)
        print(f"full run {run['all']['seconds']:.2f} s wall")
        print(
            f"{'stage':8} {'seconds':>8} {'checks':>7} {'values':>7} {'no check: wall':>15} {'cpu':>8}"
            f" {'without progress':>17}  longest CPU gap between"
        )
        for stage in STAGES:
            r = run[stage]
            print(
                f"{stage:8} {r['seconds']:8.2f} {r['checks']:7.0f} {r['values']:7.0f}"
                f" {r['check_gap']:13.3f} s {r['cpu_gap']:6.3f} s {r['progress_gap']:15.3f} s  {r['gap_sites']}"
            )
        if args.no_cancels:
            return 0
        print("cancelled runs: when the cancel was asked, and how long until Cancelled reached the caller")
        for stage in STAGES:
            for point in (float(p) for p in args.points.split(",")):
                asked, took = cancelled_at(left, right, stage, point)
                print(f"  {stage:8} at {point:.0%} of it (t = {asked:5.2f} s): {took * 1000:6.0f} ms")
    return 0


def _json_line(left_path: str, right_path: str, points: list[float]) -> int:
    """The full run's per-stage figures and, per stage, the slowest cancel at `points`, as one JSON line."""
    left, right = load_file(left_path), load_file(right_path)
    run = full_run(left, right)
    for stage in STAGES:
        run[stage]["cancel"] = max(cancelled_at(left, right, stage, point)[1] for point in points)
    print(json.dumps(run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
