"""`make bench`: alignment quality against peers, then speed, memory and start-up, as one table with the
targets of issue 5 beside the measured values. See benchmarks/README.md for what each number means.

    python benchmarks/run.py [--quick] [--only quality|peers|speed|bounds|hard]

quality: drift-viewer's scores only; peers: the same datasets for drift-viewer and every peer (F1,
seconds, ratios); speed: the New Testament size series, per-stage times, peak RSS, start-up; hard: DEplain
by domain with the heavy rewrites of issue 11 (benchmarks/hard.py); bounds: cancel and progress per stage
and hostile inputs (benchmarks/bounds.py).
Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# As drift-viewer's CLI does before numpy loads: BLAS thread pools only fight over two shared cores. Set
# here, before the peers import numpy, it holds for every aligner and every child alike.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import peers  # noqa: E402
import quality  # noqa: E402
import seedcase  # noqa: E402
import speed  # noqa: E402
from before_after import SpeedRun, before_after_rows, measure_speed  # noqa: E402
from child import Outcome, run_limited  # noqa: E402
from tablebits import (  # noqa: E402  # noqa: E402
    BEFORE,
    NOTES,
    TARGET_BIBLE,
    TARGET_DEPLAIN,
    TARGET_GROWTH,
    TARGET_HELP,
    TARGET_NT_SECONDS,
    TARGET_RSS_MB,
    TARGET_STARTUP,
    TIMEOUTS,
    Row,
    _short_error,
    _status,
    log,
)

DATA = quality.SHARED_DATA
MARK = ("Anderson", "Haweis", "Noyes", "Twenty", "Tyndale")
QUICK_MARK_PAIRS = (("Anderson", "Twenty"),)
NT_PAIR = ("Haweis", "Noyes")


# --- quality ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    f1: float
    seconds: float
    note: str = ""  # e.g. "20/20 pairs"


def _combine(scores: Sequence[quality.Score]) -> Quality:
    """Micro-average over pairs, seconds summed. The numerators come back from precision x predicted and
    recall x gold, because the pipeline metric's recall does not count the precision's `correct`."""
    predicted = sum(s.predicted for s in scores)
    gold = sum(s.gold for s in scores)
    p = sum(s.precision * s.predicted for s in scores) / predicted if predicted else 0.0
    r = sum(s.recall * s.gold for s in scores) / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Quality(p, r, f, sum(s.seconds for s in scores))


def _deplain(fn: peers.AlignFn) -> Quality:
    return _combine([quality.evaluate_deplain(fn, DATA / "deplain-dev")])


def _bible(folder: str, pairs: Sequence[tuple[str, str]], metric: str, fn: peers.AlignFn) -> Quality:
    evaluate = quality.evaluate_bible_pipeline if metric == "links" else quality.evaluate_bible_verses
    scores = []
    for a, b in pairs:
        pair = quality.load_bible_pair(DATA / folder / f"{a}.tsv", DATA / folder / f"{b}.tsv")
        scores.append(evaluate(None, None, fn, pair))
    return _combine(scores)


def _seed(name: str) -> Quality:
    """Ours through the whole pipeline (compare_files, moved pairs count as links); a peer aligns the
    sentences our segmenter made, timed from segmentation on as the Bible pipeline metric times it."""
    from drift_viewer.engine.load import load_file
    from drift_viewer.engine.model import Options
    from drift_viewer.engine.pipeline import compare_files, make_side

    left_path, right_path = seedcase.SEED_DIR / seedcase.LEFT_FILE, seedcase.SEED_DIR / seedcase.RIGHT_FILE
    if name == "drift-viewer":
        start = time.perf_counter()
        comparison = compare_files(left_path, right_path)
        seconds = time.perf_counter() - start
        left, right, groups = comparison.left, comparison.right, seedcase.comparison_groups(comparison)
    else:
        docs = load_file(left_path), load_file(right_path)
        start = time.perf_counter()
        left, right = (make_side(doc, Options()) for doc in docs)
        groups = peers.ALIGNERS[name]([s.text for s in left.sentences], [s.text for s in right.sentences])
        seconds = time.perf_counter() - start
    s = seedcase.score(left.text, right.text, seedcase.spans_of(left), seedcase.spans_of(right), groups)
    return Quality(s.precision, s.recall, s.f1, seconds, f"{s.pairs}/{s.total} pairs")


@dataclass(frozen=True)
class Dataset:
    key: str  # TIMEOUTS key
    label: str
    run: Callable[[str], Quality]  # aligner name -> score
    target: float | None = None
    headline: bool = False  # counts for "faster than every peer at higher F1"
    peers_too: bool = True


def datasets(quick: bool) -> list[Dataset]:
    mark_pairs = QUICK_MARK_PAIRS if quick else tuple(itertools.combinations(MARK, 2))
    n = len(mark_pairs)
    out = [
        Dataset("deplain", "deplain-dev strict F1", lambda a: _deplain(peers.ALIGNERS[a]), TARGET_DEPLAIN, True),
        Dataset(
            "bible-dev",
            f"bible-dev verse links F1 ({n} pair{'s' * (n > 1)})",
            lambda a: _bible("bible-dev", mark_pairs, "links", peers.ALIGNERS[a]),
            TARGET_BIBLE,
            True,
        ),
        Dataset(
            "bible-dev",
            f"bible-dev verses strict F1 ({n} pair{'s' * (n > 1)})",
            lambda a: _bible("bible-dev", mark_pairs, "verses", peers.ALIGNERS[a]),
        ),
        Dataset(
            "bible-nt",
            "bible-nt verse links F1",
            lambda a: _bible("bible-nt", [NT_PAIR], "links", peers.ALIGNERS[a]),
            TARGET_BIBLE,
            True,
            peers_too=not quick,
        ),
    ]
    if not quick:
        # Ours only: the peers would add two minutes to say what the Mark verses row already says.
        out.append(
            Dataset(
                "bible-nt",
                "bible-nt verses strict F1",
                lambda a: _bible("bible-nt", [NT_PAIR], "verses", peers.ALIGNERS[a]),
                peers_too=False,
            )
        )
    out.append(Dataset("seed", "seed links F1 (hand gold)", _seed))
    return out


def available_peers() -> dict[str, str | None]:
    """Peer name -> None if importable, else why not (the bench extra may be missing)."""
    out: dict[str, str | None] = {}
    for name, module in (("galechurch", "galechurch"), ("sentalign", "sentalign"), ("difflib", "difflib")):
        try:
            __import__(module)
            out[name] = None
        except ImportError:
            out[name] = "not installed (pip install -e '.[bench]')"
    return out


def run_quality(quick: bool, with_peers: bool) -> tuple[list[Dataset], dict[tuple[str, str], Outcome]]:
    import drift_viewer.engine.pipeline  # noqa: F401 - warm imports before forking, so no aligner pays them

    missing = available_peers() if with_peers else {}
    names = ["drift-viewer", *(n for n, why in missing.items() if why is None)]
    results: dict[tuple[str, str], Outcome] = {}
    sets = datasets(quick)
    for ds in sets:
        for name in names if ds.peers_too else names[:1]:
            log(f"{ds.label}: {name}")
            results[(ds.label, name)] = run_limited(ds.run, name, timeout=TIMEOUTS[ds.key])
        for name, why in missing.items():
            if why is not None:
                results[(ds.label, name)] = Outcome(error=why)
    return sets, results


# --- the table --------------------------------------------------------------------------------------

COLUMNS = ("drift-viewer", *peers.PEERS)
# "Faster than every peer at higher F1" is judged against the aligners; difflib is the floor baseline,
# faster than any aligner can be because it only matches identical sentences.
RIVALS = ("galechurch", "sentalign")


def _ratio(value: float, ours: float) -> str:
    return f"({value / ours:.2f}x)" if ours else ""


def quality_rows(sets: list[Dataset], results: dict[tuple[str, str], Outcome], with_peers: bool) -> list[Row]:
    rows: list[Row] = []
    dominated: dict[str, list[str]] = {}  # headline dataset -> why drift-viewer does not beat every peer
    for ds in sets:
        ours = results.get((ds.label, "drift-viewer"))
        f1_cells: dict[str, str] = {}
        sec_cells: dict[str, str] = {}
        for col in COLUMNS if with_peers else COLUMNS[:1]:
            out = results.get((ds.label, col))
            if out is None:
                f1_cells[col] = sec_cells[col] = "-"
                continue
            if not out.ok:
                f1_cells[col] = sec_cells[col] = _short_error(out.error, f"{ds.label}, {col}")
                continue
            q: Quality = out.value
            if col == "drift-viewer" or ours is None or not ours.ok:
                f1_cells[col] = f"{q.f1:.3f} P{q.precision:.2f} R{q.recall:.2f}"
                sec_cells[col] = f"{q.seconds:.2f} s"
                if q.note:
                    f1_cells[col] += f" {q.note}"
                continue
            f1_cells[col] = f"{q.f1:.3f} {_ratio(q.f1, ours.value.f1)}"
            sec_cells[col] = f"{q.seconds:.2f} s {_ratio(q.seconds, ours.value.seconds)}"
            if ds.headline and col in RIVALS:
                mine = ours.value
                why = []
                if q.f1 >= mine.f1:
                    why.append(f"F1 {q.f1:.3f} >= {mine.f1:.3f}")
                if q.seconds <= mine.seconds:
                    why.append(f"{q.seconds:.2f} s <= {mine.seconds:.2f} s (at F1 {q.f1:.3f} vs {mine.f1:.3f})")
                if why:
                    dominated.setdefault(ds.label, []).append(f"{col} {' and '.join(why)}")
        target = status = ""
        if ds.target is not None:
            target = f">= {ds.target:.2f}"
            status = _status(ours.value.f1 >= ds.target) if ours is not None and ours.ok else "n/a"
        rows.append((ds.label, f1_cells, target, status))
        rows.append(("  seconds", sec_cells, "", ""))
    if with_peers:
        headline_ok = all(
            results.get((ds.label, "drift-viewer"), Outcome(error="-")).ok
            for ds in sets
            if ds.headline and ds.peers_too
        )
        for label, who in dominated.items():
            NOTES.append(f"not ahead of every peer on {label}: {'; '.join(who)}")
        status = "n/a" if not headline_ok else _status(not dominated)
        if dominated:
            status += f" ({len(dominated)} of {sum(ds.headline and ds.peers_too for ds in sets)} sets, see notes)"
        rows.append(("faster than every peer at higher F1", {}, "vs " + ", ".join(RIVALS), status))
    return rows


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def speed_rows(
    results: list[speed.SpeedResult], runs: int, cli: tuple[float | None, str | None] | None, startup
) -> list[Row]:
    rows: list[Row] = []
    by = {r.case.label: r for r in results}
    for r in results:
        if r.error:
            cell = _short_error(r.error, f"compare {r.case.label}")
        else:
            cell = f"{r.seconds:.2f} s (cpu {r.cpu_seconds:.2f})  {r.peak_rss_mb:.0f} MB  {r.sentences[0]}/{r.sentences[1]} sent."
            if r.runs < runs:
                cell += f" ({r.runs} run{'s' * (r.runs > 1)})"
        target = status = ""
        if r.case.label == "NT":
            target = f"<= {TARGET_NT_SECONDS:g} s, < {TARGET_RSS_MB:.0f} MB"
            status = "n/a" if r.error else _status(r.seconds <= TARGET_NT_SECONDS and r.peak_rss_mb < TARGET_RSS_MB)
            if not r.error and r.seconds > TARGET_NT_SECONDS and r.peak_rss_mb < TARGET_RSS_MB:
                status += " (time)"
            elif not r.error and r.seconds <= TARGET_NT_SECONDS and r.peak_rss_mb >= TARGET_RSS_MB:
                status += " (memory)"
        rows.append((f"compare {r.case}", {"drift-viewer": cell}, target, status))
    base, big = by.get("NT"), by.get("2x NT")
    for stage in speed.STAGES:
        if base is None or base.error:
            break
        cell = f"{_s(base.stages.get(stage))}"
        if base.seconds and base.stages.get(stage) is not None:
            cell += f" {100 * base.stages[stage] / base.seconds:3.0f}%"
        if big is not None and not big.error and big.stages.get(stage) is not None:
            cell += f" | 2x {_s(big.stages[stage])}"
            if base.stages.get(stage):
                cell += f" ({big.stages[stage] / base.stages[stage]:.2f}x)"
        rows.append((f"  NT stage: {stage}", {"drift-viewer": cell}, "", ""))
    g, g_cpu = speed.growth(results), speed.growth(results, cpu=True)
    rows.append(
        (
            "time growth 2x NT / NT",
            {"drift-viewer": "n/a" if g is None or g_cpu is None else f"{g:.2f}x (cpu {g_cpu:.2f}x)"},
            f"<= {TARGET_GROWTH:g}x",
            "n/a" if g is None else _status(g <= TARGET_GROWTH),
        )
    )
    if cli is not None:
        seconds, error = cli
        cell = _short_error(error, "CLI compare") if error else f"{seconds:.2f} s"
        rows.append(("CLI `drift-viewer compare` NT, wall", {"drift-viewer": cell}, "(info)", ""))
    if startup is not None:
        rows.append(
            (
                "`drift-viewer --help` over bare python",
                {"drift-viewer": f"{startup.help:.3f} s"},
                f"<= {TARGET_HELP:g} s",
                _status(startup.help <= TARGET_HELP),
            )
        )
        profile = ", ".join(f"{name} {ms:.0f} ms" for name, ms in speed.import_profile())
        NOTES.append(
            f"costliest imports behind compare (-X importtime; packages cumulative, drift_viewer self): {profile}"
        )
        rows.append(
            (
                "compare imports over bare python",
                {"drift-viewer": f"{startup.compare_import:.3f} s"},
                f"<= {TARGET_STARTUP:g} s",
                _status(startup.compare_import <= TARGET_STARTUP),
            )
        )
    return rows


def render(sections: list[tuple[str, list[Row]]], columns: Sequence[str]) -> str:
    header = ("metric", *columns, "target", "status")
    table = [header]
    for title, rows in sections:
        table.append((f"== {title}",) + ("",) * (len(header) - 1))
        for metric, cells, target, status in rows:
            table.append((metric, *(cells.get(c, "") for c in columns), target, status))
    widths = [max(len(r[k]) for r in table if not r[0].startswith("== ")) for k in range(len(header))]
    lines = []
    for r in table:
        if r[0].startswith("== "):
            lines.append(r[0])
            continue
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    rule = "-" * max(len(line) for line in lines)
    return "\n".join([rule, lines[0], rule, *lines[1:], rule])


def _revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=speed.ROOT)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "drift_viewer"], capture_output=True, text=True, cwd=speed.ROOT
        )
        if rev.returncode != 0:
            return "unknown (not a git checkout)"
        return rev.stdout.strip() + (" +uncommitted engine changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one Mark pair, no NT peers, 1 run per size, no 2x NT")
    parser.add_argument("--only", choices=("quality", "peers", "speed", "bounds", "hard"), help="one part of the table")
    parser.add_argument(
        "--before",
        default=None,
        help=f"also measure the speed of drift_viewer at this git revision (default {BEFORE}; none with --quick)",
    )
    args = parser.parse_args(argv)
    if args.before is None and not args.quick:
        args.before = BEFORE
    if args.before in ("", "none"):
        args.before = None
    parts = {"quality", "peers", "speed", "bounds", "hard"} if args.only is None else {args.only}
    runs = 1 if args.quick else 3
    started = time.monotonic()
    sections: list[tuple[str, list[Row]]] = []
    with_peers = "peers" in parts

    if parts & {"quality", "peers"}:
        sets, results = run_quality(args.quick, with_peers)
        title = "quality (P/R: precision/recall; peers: value (peer / drift-viewer))"
        sections.append((title, quality_rows(sets, results, with_peers)))

    compared: dict[str, SpeedRun] = {}
    if "speed" in parts:
        with tempfile.TemporaryDirectory(prefix="drift-bench-") as tmp:
            after = measure_speed(Path(tmp), args.quick, runs)
            if args.before:
                tree = speed.export_tree(args.before, Path(tmp))
                if tree is None:
                    NOTES.append(f"before: revision {args.before} could not be exported (git archive)")
                else:
                    compared[f"before {args.before}"] = measure_speed(Path(tmp), args.quick, runs, tree, True)
            compared["after (this tree)"] = after
        title = f"speed & memory: engine compare_files, fresh process per run, least of {runs} run{'s' * (runs > 1)}"
        sections.append((title, speed_rows(after.series, runs, after.cli, after.startup)))
    if "bounds" in parts:
        import bounds

        with tempfile.TemporaryDirectory(prefix="drift-bench-") as tmp:
            rows = bounds.bounds_rows(Path(tmp), args.quick)
        title = "bounded cost (issue 12): cancel and progress per stage, hostile inputs through the CLI (one run each)"
        sections.append((title, rows))

    print(
        f"drift-viewer benchmark  rev {_revision()}  python {platform.python_version()}  "
        f"{os.cpu_count()} cores  {'quick' if args.quick else 'full'}  {time.monotonic() - started:.0f} s"
    )
    print(render(sections, COLUMNS if with_peers else COLUMNS[:1]))
    if compared:
        title = "issue 12, before and after: wall s (cpu s, workers included) and peak RSS; least of the runs"
        print(render([(title, before_after_rows(compared))], list(compared)))
    for note in dict.fromkeys(NOTES):
        print(f"note: {note}")
    if "hard" in parts:
        import hard

        log("hard: DEplain by domain (issue 11)")
        print("\nDEplain strict F1 by domain, deplain-dev + deplain-dev-hard (benchmarks/hard.py):")
        hard.main([] if args.quick else ["--held-out"])  # the held-out calibration check aligns Mark too
    return 0


if __name__ == "__main__":
    sys.exit(main())
