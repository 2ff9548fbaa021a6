"""Issue 12's bounded-cost rows of `make bench`: hostile inputs through the command line (peak RSS of the
whole process tree, CPU beside wall), and cancellation and progress stage by stage (cancel_bench.py).

Hostile inputs, each a pair with one edit in the middle, sized within the default --max-bytes:
- one-character lines (200,000), many tiny paragraphs (400,000 "Hi."), a single line of one word
  repeated (50 MB, the default --max-bytes), short lines repeated (20 MB), one enormous word without
  spaces (5 MB).
A case is met when the command ends (a result, or a one-line refusal that says what was limited, exit
2) within the time limit and its peak RSS stays within TARGET_ANY_MB.

Cancellation: on the NT pair, in a fresh process through the API, the longest stretch between two
checks of `should_cancel` in each stage, as CPU time of the process (on a loaded machine the wall gap
stretches with the load; the CPU gap is what a quiet machine would wait) with the wall gap beside, and
the slowest cancel asked in the middle of each stage (wall). Progress: the distinct values each stage
reports, and its longest wall stretch without a report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import speed
from tablebits import TARGET_ANY_MB, Row, _status, log

from drift_viewer.engine.model import DEFAULT_MAX_BYTES

TARGET_CANCEL = 0.3  # seconds from a cancel to the comparison stopping, at any stage
HOSTILE_TIMEOUT = 600.0
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Hostile:
    label: str
    left: Path
    right: Path


def make_hostile(out: Path, quick: bool) -> list[Hostile]:
    """The cases, written into `out` (a tenth of the size with `quick`)."""
    scale = 10 if quick else 1
    cases = []

    def pair(label: str, name: str, left: str, right: str) -> None:
        paths = [out / f"{name}.{side}.txt" for side in ("left", "right")]
        for path, text in zip(paths, (left, right), strict=True):
            path.write_text(text, encoding="utf-8")
        cases.append(Hostile(label, *paths))

    n = 200_000 // scale
    lines = [chr(97 + (k * 7919) % 26) for k in range(n)]
    edited = lines[: n // 2] + ["Z"] + lines[n // 2 + 1 :]
    pair(f"{n:,} one-character lines", "chars", "\n".join(lines) + "\n", "\n".join(edited) + "\n")
    n = 400_000 // scale
    pair(
        f"{n:,} tiny paragraphs",
        "paras",
        "Hi.\n\n" * n,
        "Hi.\n\n" * (n // 2) + "Ho.\n\n" + "Hi.\n\n" * (n - n // 2 - 1),
    )
    # The largest file the default --max-bytes lets in: one line of one word, nothing to anchor on.
    n = (DEFAULT_MAX_BYTES // 5 - 1) // scale
    pair(
        f"{n * 5 / 1e6:g} MB single line",
        "line",
        "word " * n + "\n",
        "word " * (n // 2) + "ward " + "word " * (n - n // 2 - 1),
    )
    n = 20_000_000 // 13 // scale
    short = "The cat sat.\n"
    pair(
        f"{n * 13 / 1e6:g} MB of short repeated lines",
        "short",
        short * n,
        short * (n // 2) + "The dog sat.\n" + short * (n - n // 2 - 1),
    )
    n = 5_000_000 // scale
    pair(
        f"{n / 1e6:g} MB word without spaces",
        "word",
        "a" * n + "\n",
        "a" * (n // 2) + "b" + "a" * (n - n // 2 - 1) + "\n",
    )
    return cases


def _run(cmd: list[str], timeout: float) -> tuple[float, float, float, int | None, str]:
    """wall s, CPU s and peak RSS MB of the process tree (wait4: the child and its waited descendants),
    exit status (None on a timeout), the last stderr line."""
    start = time.perf_counter()
    with open(HERE / ".bounds-stderr", "w+b") as err_file:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, env=speed._env(), cwd=speed.ROOT)
        status: int | None = None
        while True:
            pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(code)
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                pid, code, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = status if status is not None else -9  # reaped here, not by Popen
        err_file.seek(0)
        lines = err_file.read().decode("utf-8", "replace").strip().splitlines()
    (HERE / ".bounds-stderr").unlink(missing_ok=True)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, status, (lines or [""])[-1][:200]


def hostile_rows(tmp: Path, quick: bool) -> list[Row]:
    folder = tmp / "hostile"
    folder.mkdir(exist_ok=True)
    rows: list[Row] = []
    for case in make_hostile(folder, quick):
        log(f"bounds: {case.label}")
        out = folder / "out.json"
        cmd = [sys.executable, "-m", "drift_viewer", "compare", str(case.left), str(case.right)]
        wall, cpu, rss, status, last = _run([*cmd, "--format", "json", "-o", str(out)], HOSTILE_TIMEOUT)
        if status is None:
            cell, ok = f"timeout after {HOSTILE_TIMEOUT:.0f} s (cpu {cpu:.1f})  {rss:.0f} MB", False
        else:
            what = "result" if status in (0, 1) else f"exit {status}: {last}"
            cell, ok = f"{wall:.1f} s (cpu {cpu:.1f})  {rss:.0f} MB  {what}", status in (0, 1, 2)
        rows.append(
            (
                f"compare {case.label}",
                {"drift-viewer": cell},
                f"ends, <= {TARGET_ANY_MB:.0f} MB",
                _status(ok and rss <= TARGET_ANY_MB),
            )
        )
    return rows


def cancel_rows(left: Path, right: Path, label: str, points: str = "0.5") -> list[Row]:
    log(f"bounds: cancel and progress on {label}")
    proc = subprocess.run(
        [sys.executable, str(HERE / "cancel_bench.py"), "--points", points, "--json", str(left), str(right)],
        capture_output=True,
        text=True,
        env=speed._env(),
        timeout=1800,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1][:160]
        return [(f"cancel on {label}", {"drift-viewer": f"error: {last}"}, "", "n/a")]
    run = json.loads(proc.stdout)
    rows: list[Row] = []
    for stage in ("segment", "align", "diff"):
        r = run[stage]
        cell = (
            f"cpu gap {r['cpu_gap']:.3f} s (wall {r['check_gap']:.2f} s; {r['checks']} checks)"
            f"  cancel at 50%: {r['cancel']:.2f} s wall  [{r['gap_sites']}]"
        )
        ok = r["cpu_gap"] <= TARGET_CANCEL
        rows.append((f"cancel within {label} {stage}", {"drift-viewer": cell}, f"<= {TARGET_CANCEL:g} s", _status(ok)))
    for stage in ("segment", "align", "diff"):
        r = run[stage]
        cell = (
            f"{r['values']} values, longest wall stretch without one {r['progress_gap']:.2f} s of {r['seconds']:.1f} s"
        )
        rows.append((f"progress within {label} {stage}", {"drift-viewer": cell}, "moves", _status(r["values"] >= 3)))
    return rows


def bounds_rows(tmp: Path, quick: bool) -> list[Row]:
    data = tmp / "bounds"
    data.mkdir(exist_ok=True)
    nt = speed.make_series(data, [1])[0]
    rows = cancel_rows(nt.left, nt.right, "NT")
    rows.append(("  (load average at the end)", {"drift-viewer": f"{os.getloadavg()[0]:.1f}"}, "", ""))
    return rows + hostile_rows(tmp, quick)
