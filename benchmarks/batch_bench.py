"""Batch mode on a corpus built from ../shared/data (batch_corpus.py): finding sources (recall, false
matches) on 1,000 sources x 1,000 copies; pairs per second with 1 and 2 workers and on a Dask
LocalCluster; peak memory of the parent and of each worker; the cost of candidate finding at 250 / 500 /
1,000 documents a side. Not part of `make bench` (about 10 minutes on two loaded cores).

    python benchmarks/batch_bench.py                 # everything
    python benchmarks/batch_bench.py --only candidates
    python benchmarks/batch_bench.py --speed-size 250   # the corpus size of the speed runs
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_corpus import build  # noqa: E402

from drift_viewer.batch.candidates import find_candidates  # noqa: E402
from drift_viewer.batch.discovery import find_inputs  # noqa: E402
from drift_viewer.batch.runner import BatchConfig, run_batch  # noqa: E402
from drift_viewer.batch.work import shingle_file  # noqa: E402

MB = 1 << 20


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def score(truth: dict[str, str | None], rows: list[dict]) -> dict:
    found = {r["copy"]: r["source"] for r in rows}
    with_source = [c for c, s in truth.items() if s]
    right = sum(found.get(c) == truth[c] for c in with_source)
    matched = [c for c in truth if found.get(c)]
    wrong = [c for c in matched if found[c] != truth[c]]
    return {
        "copies": len(truth),
        "with_source": len(with_source),
        "recall": right / len(with_source),
        "matches": len(matched),
        "false_matches": len(wrong),
        "false_match_rate": len(wrong) / max(1, len(matched)),
        "wrong": [(c, truth[c], found[c]) for c in wrong],
        "missed": [c for c in with_source if found.get(c) is None],
    }


def one_run(corpus: Path, out: Path, workers: int, dask: str | None) -> dict:
    """One batch in a fresh process, so the parent's peak memory is this run's alone."""
    import subprocess

    args = [sys.executable, __file__, "--one", str(corpus), str(out), str(workers), dask or "-"]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _one_run_here(corpus: Path, out: Path, workers: int, dask: str | None) -> dict:
    cpu, wall = _cpu(), time.perf_counter()
    result = run_batch(
        BatchConfig(
            str(corpus / "sources"), str(corpus / "copies"), str(out), workers=workers, dask=dask, progress=False
        )
    )
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    s = result.stats
    return {
        "workers": workers,
        "dask": dask,
        "pairs": s.compared,
        "wall_s": round(wall, 1),
        "parent_cpu_s": round(cpu, 1),
        "read_s": round(s.read_seconds, 1),
        "candidates_s": round(s.candidate_seconds, 1),
        "compare_s": round(s.compare_seconds, 1),
        "pairs_per_s": round(s.compared / s.compare_seconds, 2) if s.compare_seconds else None,
        "parent_peak_mb": round(s.parent_peak / MB),
        "worker_peaks_mb": sorted(round(v / MB) for v in s.worker_peaks.values()),
        # Each worker's CPU over its life (start-up and reading included; in-process for one worker).
        "worker_cpu_s": sorted(round(v, 1) for v in s.worker_cpu.values()),
        "rows": result.rows,
    }


def candidates_series(tmp: Path, sizes=(250, 500, 1000), repeats: int = 2) -> list[dict]:
    out = []
    for n in sizes:
        corpus = tmp / f"c{n}"
        truth = build(corpus, n)
        src = {r: shingle_file(str(corpus / "sources" / r)).hashes for r in find_inputs(corpus / "sources")}
        cop = {r: shingle_file(str(corpus / "copies" / r)).hashes for r in find_inputs(corpus / "copies")}
        best_wall = best_cpu = math.inf
        found = {}
        for _ in range(repeats):
            cpu, wall = time.process_time(), time.perf_counter()
            found = find_candidates(src, cop)  # type: ignore[arg-type]
            best_wall, best_cpu = min(best_wall, time.perf_counter() - wall), min(best_cpu, time.process_time() - cpu)
        hit = sum(1 for c, s in truth.items() if s and s in [x.source for x in found.get(c, [])])
        out.append(
            {
                "documents_a_side": n,
                "wall_s": round(best_wall, 2),
                "cpu_s": round(best_cpu, 2),
                "candidates_a_copy": round(sum(len(v) for v in found.values()) / len(found), 2),
                "true_source_among_candidates": round(hit / sum(1 for s in truth.values() if s), 4),
            }
        )
    first, last = out[0], out[-1]
    growth = math.log(last["cpu_s"] / first["cpu_s"]) / math.log(last["documents_a_side"] / first["documents_a_side"])
    out.append({"cpu_growth_exponent": round(growth, 2), "quadratic_would_be": 2.0})
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("quality", "speed", "candidates"))
    parser.add_argument("--speed-size", type=int, default=250)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--one", nargs=4, metavar=("CORPUS", "OUT", "WORKERS", "DASK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        corpus, out, workers, dask = args.one
        print(json.dumps(_one_run_here(Path(corpus), Path(out), int(workers), None if dask == "-" else dask)))
        return 0
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.only in (None, "quality"):
            corpus = tmp / "full"
            truth = build(corpus)
            run = one_run(corpus, tmp / "out-full", 2, None)
            figures["quality"] = {**score(truth, run.pop("rows")), "run": run}
            print("quality:", json.dumps(figures["quality"], indent=1), file=sys.stderr)
        if args.only in (None, "speed"):
            corpus = tmp / "speed"
            build(corpus, args.speed_size)
            runs = []
            for workers, dask in ((1, None), (2, None), (2, "local")):
                run = one_run(corpus, tmp / f"out-{workers}-{dask}", workers, dask)
                run.pop("rows")
                runs.append(run)
                print("speed:", json.dumps(run), file=sys.stderr)
            figures["speed"] = runs
        if args.only in (None, "candidates"):
            figures["candidates"] = candidates_series(tmp)
            print("candidates:", json.dumps(figures["candidates"], indent=1), file=sys.stderr)
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    q = figures.get("quality")
    if q:
        ok = q["recall"] >= 0.98 and q["false_match_rate"] <= 0.02
        print(
            f"targets: recall {q['recall']:.3f} (>= 0.98), false matches {q['false_match_rate']:.3f} (<= 0.02): {'met' if ok else 'NOT met'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
