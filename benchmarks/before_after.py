"""The issue-12 part of the table: before and after (a git revision measured by the same harness) for
1x, 2x, 4x NT and the repeated sentence, with the CLI and start-up figures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import speed
from tablebits import (
    SPEED_BUDGET,
    SPEED_TIMEOUT,
    TARGET_4X_GROWTH,
    TARGET_4X_MB,
    TARGET_ANY_MB,
    TARGET_HELP,
    TARGET_NT_SECONDS,
    TARGET_REPEATED_MB,
    TARGET_REPEATED_SECONDS,
    TARGET_STARTUP,
    Row,
    _short_error,
    _status,
    log,
)

# --- before / after (issue 12) ----------------------------------------------------------------------


@dataclass
class SpeedRun:
    """One tree's speed measurements: the cases, the CLI on the NT, start-up."""

    series: list[speed.SpeedResult]
    cli: tuple[float | None, str | None] | None
    startup: speed.StartupResult | None


def _cell(r: speed.SpeedResult | None, where: str) -> str:
    if r is None:
        return "-"
    if r.error:
        return _short_error(r.error, where)
    return f"{r.seconds:.2f} s (cpu {r.cpu_seconds:.2f})  {r.peak_rss_mb:.0f} MB"


def before_after_rows(runs: dict[str, SpeedRun]) -> list[Row]:
    """Wall, CPU and peak RSS of the cases issue 12 names, for each tree (columns), targets judged on the
    last tree (the one under test)."""
    names = list(runs)
    by = {name: {r.case.label: r for r in run.series} for name, run in runs.items()}
    now = by[names[-1]]
    labels = [label for label in ("NT", "2x NT", "4x NT") if label in now]
    labels += [label for label in now if label.startswith("repeated")]
    rows: list[Row] = []

    def ok(r: speed.SpeedResult | None) -> bool:
        return r is not None and not r.error and r.seconds is not None

    for label in labels:
        cells = {name: _cell(by[name].get(label), f"{name} {label}") for name in names}
        r, target, status = now[label], "", ""
        if label == "NT":
            target = f"<= {TARGET_NT_SECONDS:g} s"
            status = _status(ok(r) and r.seconds <= TARGET_NT_SECONDS) if ok(r) else "n/a"
        elif label == "4x NT":
            target = f"<= {TARGET_4X_MB:.0f} MB"
            status = _status(r.peak_rss_mb <= TARGET_4X_MB) if ok(r) else "n/a"
        elif label.startswith("repeated") and "5 MB" in label:
            target = f"<= {TARGET_REPEATED_SECONDS:g} s, <= {TARGET_REPEATED_MB:.0f} MB"
            if ok(r):
                status = _status(r.seconds <= TARGET_REPEATED_SECONDS and r.peak_rss_mb <= TARGET_REPEATED_MB)
            else:
                status = "n/a"
        rows.append((f"compare {r.case}", cells, target, status))
    for big in ("2x NT", "4x NT"):
        cells, growth = {}, None
        for name in names:
            g, g_cpu = speed.growth(runs[name].series, big), speed.growth(runs[name].series, big, cpu=True)
            cells[name] = "n/a" if g is None or g_cpu is None else f"{g:.2f}x (cpu {g_cpu:.2f}x)"
            growth = g
        if big == "4x NT":
            rows.append((f"time {big} / NT", cells, f"<= {TARGET_4X_GROWTH:g}x", _n(growth, TARGET_4X_GROWTH)))
        else:
            rows.append((f"time {big} / NT", cells, "", ""))
    peaks = {name: [r.peak_rss_mb for r in run.series if ok(r)] for name, run in runs.items()}
    rows.append(
        (
            "peak RSS, largest of any case",
            {name: f"{max(p):.0f} MB" if p else "n/a" for name, p in peaks.items()},
            f"<= {TARGET_ANY_MB:.0f} MB",
            _n(max(peaks[names[-1]]) if peaks[names[-1]] else None, TARGET_ANY_MB),
        )
    )
    cli = {name: run.cli for name, run in runs.items() if run.cli is not None}
    if cli:
        last = runs[names[-1]].cli
        rows.append(
            (
                "CLI compare NT --format json -o, wall",
                {n: _short_error(c[1], f"CLI {n}") if c[1] else f"{c[0]:.2f} s" for n, c in cli.items()},
                f"<= {TARGET_NT_SECONDS:g} s",
                _n(last[0] if last else None, TARGET_NT_SECONDS),
            )
        )
    starts = {name: run.startup for name, run in runs.items() if run.startup is not None}
    if starts:
        last_start = runs[names[-1]].startup
        rows.append(
            (
                "`--help` over bare python",
                {n: f"{st.help:.3f} s" for n, st in starts.items()},
                f"<= {TARGET_HELP:g} s",
                _n(last_start.help if last_start else None, TARGET_HELP),
            )
        )
        rows.append(
            (
                "compare imports over bare python",
                {n: f"{st.compare_import:.3f} s" for n, st in starts.items()},
                f"<= {TARGET_STARTUP:g} s",
                _n(last_start.compare_import if last_start else None, TARGET_STARTUP),
            )
        )
    return rows


def _n(value: float | None, limit: float) -> str:
    return "n/a" if value is None else _status(value <= limit)


def measure_speed(tmp: Path, quick: bool, runs: int, tree: Path = speed.ROOT, only_table: bool = False) -> SpeedRun:
    """The NT size series and the repeated sentence, the CLI and start-up, with drift_viewer from `tree`.
    `only_table`: just the sizes the before/after table shows."""
    fractions = (1 / 4, 1 / 2, 1) if quick else (1 / 8, 1 / 4, 1 / 2, 1, 2, 4)
    if only_table:
        fractions = tuple(f for f in fractions if f >= 1)
    data = tmp / "data"
    data.mkdir(exist_ok=True)
    cases = speed.make_series(data, fractions)
    repeated = speed.make_repeated(data, 1 if quick else 5)
    log(f"speed ({tree}): {', '.join(str(c) for c in [*cases, repeated])}, {runs} run(s) each")
    series = speed.measure_series(cases, runs, SPEED_TIMEOUT, SPEED_BUDGET, tree)
    series += speed.measure_series([repeated], runs, SPEED_TIMEOUT, SPEED_BUDGET, tree)
    nt = next((c for c, r in zip(cases, series, strict=False) if c.label == "NT" and not r.error), None)
    log(f"speed ({tree}): CLI and start-up")
    cli = speed.measure_cli(nt, runs, SPEED_TIMEOUT, tree) if nt is not None else None
    startup = speed.measure_startup(3 if quick else 7, tree)
    return SpeedRun(series, cli, startup)
