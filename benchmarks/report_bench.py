"""Report size and speed on a book: the New Testament, Haweis vs Noyes (not part of `make bench`).

    .venv/bin/python benchmarks/report_bench.py [--pair LEFT RIGHT] [--cache /tmp/nt.pickle]
                                                [--out /tmp/nt-report.html] [--runs 3]

Prints the comparison time (the engine's, for context), the report's write time and size, and what
headless Chromium takes (min of --runs fresh browsers): to paint and load it, to scroll it end to end,
for a j keypress (20 from the top, 20 from the middle), for a k keypress, and to hide and show equal
rows; then, once idle time has made every page of rows, j and hide-equal again. Key and filter times are measured in the page, from the event to the frame after it (two
animation frames), so they include the style, layout and paint the event caused. Beside each figure:
the main thread's script, style and layout seconds from Chromium's Performance metrics.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drift_viewer import compare_files, compare_texts  # noqa: E402
from drift_viewer.report import write_report  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bible-nt"

# Resolves with the milliseconds from now to the frame after the next one, i.e. after the work the
# caller's event handlers queued has been rendered.
_FRAME = (
    "function frame(t0){return new Promise(r=>requestAnimationFrame(()=>setTimeout(()=>r(performance.now()-t0))));}"
)

_KEYS = (
    _FRAME
    + """
const [key, n, done] = arguments;
(async () => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    document.body.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true}));
    times.push(await frame(t0));
  }
  done(times);
})();
"""
)

_HIDE_EQUAL = (
    _FRAME
    + """
const done = arguments[0];
(async () => {
  const box = document.getElementById("hide-eq"), times = [];
  for (const _ of [1, 2]) { const t0 = performance.now(); box.click(); times.push(await frame(t0)); }
  done(times);
})();
"""
)


# Resolves once no page of rows is left in <noscript> (report.js fills them in idle time).
_ALL_ROWS = """
const done = arguments[0];
(function wait() { document.querySelector(".tbl noscript") ? setTimeout(wait, 50) : done(); })();
"""


def book_text(tsv: Path) -> str:
    """Each chapter's verses joined into a paragraph, chapters separated by blank lines."""
    with tsv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    chapters = groupby(rows, key=lambda r: (r["book"], r["chapter"]))
    return "\n\n".join(" ".join(r["text"].strip() for r in verses) for _, verses in chapters) + "\n"


def comparison(cache: Path | None, pair: list[Path] | None):
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes()), float("nan")
    start = time.perf_counter()
    if pair:
        result = compare_files(pair[0], pair[1])
    else:
        result = compare_texts(
            book_text(DATA / "Haweis.tsv"), book_text(DATA / "Noyes.tsv"), left_name="Haweis", right_name="Noyes"
        )
    seconds = time.perf_counter() - start
    if cache:
        cache.write_bytes(pickle.dumps(result))
    return result, seconds


def _metrics(driver) -> dict[str, float]:
    got = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return {m["name"]: m["value"] for m in got}


def _cost(before: dict[str, float], after: dict[str, float]) -> str:
    parts = [
        ("cpu", "ThreadTime"),
        ("script", "ScriptDuration"),
        ("style", "RecalcStyleDuration"),
        ("layout", "LayoutDuration"),
    ]
    return ", ".join(f"{label} {after[key] - before[key]:.2f}" for label, key in parts)


def browse(path: Path) -> dict[str, tuple[float, str]]:
    """Seconds (and the main thread's script/style/layout split) for each step, in one fresh browser."""
    sys.path.insert(0, str(ROOT / "tests" / "report"))
    from conftest import _driver  # the browser tests' headless Chromium, the same flags

    out: dict[str, tuple[float, str]] = {}
    with tempfile.TemporaryDirectory() as profile:
        driver = _driver(Path(profile))
        driver.set_script_timeout(600)
        try:
            driver.get("about:blank")
            driver.execute_cdp_cmd("Performance.enable", {})
            m0 = _metrics(driver)
            start = time.perf_counter()
            driver.get(path.as_uri())  # returns after the load event
            load = time.perf_counter() - start
            m1 = _metrics(driver)
            out["load"] = (load, _cost(m0, m1))
            paint = driver.execute_script(
                "const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');"
                "return p ? p.startTime / 1000 : null"
            )
            out["first paint"] = (paint if paint is not None else float("nan"), "")
            out["rows"] = (driver.execute_script("return document.querySelectorAll('.tbl .r').length"), "")

            def step(name: str, script: str, *args, keep: str = "max") -> None:
                before = _metrics(driver)
                times = driver.execute_async_script(script, *args)
                after = _metrics(driver)
                value = (max(times) if keep == "max" else sorted(times)[len(times) // 2]) / 1000
                out[name] = (value, _cost(before, after))

            step("j from the top (median of 20)", _KEYS, "j", 20, keep="median")
            step("k (median of 5)", _KEYS, "k", 5, keep="median")
            driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
            step("j from the middle (median of 20)", _KEYS, "j", 20, keep="median")
            step("hide equal, then show (slower of the two)", _HIDE_EQUAL)
            # The worst case for the keys: every page made rows (idle time does that after loading).
            start = time.perf_counter()
            driver.execute_async_script(_ALL_ROWS)
            out["every page made rows, after load"] = (time.perf_counter() - start, "")
            driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 3)")
            step("j with every row made (median of 20)", _KEYS, "j", 20, keep="median")
            step("hide equal with every row made", _HIDE_EQUAL)
            before = _metrics(driver)
            start = time.perf_counter()
            driver.execute_script(
                "const h = document.documentElement.scrollHeight;"
                "for (let i = 1; i <= 40; i++) { window.scrollTo(0, h * i / 40); document.body.getBoundingClientRect(); }"
            )
            out["scroll end to end, 40 steps"] = (time.perf_counter() - start, _cost(before, _metrics(driver)))
        finally:
            driver.quit()
    return out


def _print(runs: list[dict[str, tuple[float, str]]]) -> None:
    for name in runs[0]:
        value, cost = min((run[name] for run in runs), key=lambda vc: vc[0])
        if name == "rows":
            print(f"  rows made at first {int(value):,}")
            continue
        print(f"  {name}: {value:.3f} s" + (f"  (main thread: {cost})" if cost else ""))


def _browse_only(paths: list[Path], runs: int) -> int:
    """Each report in turn, `runs` rounds, so a busy machine slows them alike; min per report."""
    results: dict[Path, list[dict[str, tuple[float, str]]]] = {p: [] for p in paths}
    for _ in range(runs):
        for path in paths:
            results[path].append(browse(path))
    for path, got in results.items():
        print(f"{path} ({path.stat().st_size / 1e6:.2f} MB)")
        _print(got)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("LEFT", "RIGHT"), help="two files instead of the TSVs")
    parser.add_argument("--cache", type=Path, help="pickle the comparison here and reuse it")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "nt-report.html")
    parser.add_argument("--runs", type=int, default=3, help="fresh browsers; each figure is the min over them")
    parser.add_argument(
        "--html", type=Path, nargs="+", help="only browse these reports (e.g. one from an older version)"
    )
    args = parser.parse_args()
    if args.html:
        return _browse_only(args.html, args.runs)
    result, compare_seconds = comparison(args.cache, args.pair)
    writes = []
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), time.process_time()
        write_report(result, args.out)
        writes.append((time.perf_counter() - start, time.process_time() - cpu))
    size = args.out.stat().st_size
    print(f"groups {len(result.groups):,}, changes {sum(result.change_counts().values()):,}")
    print(f"compare {compare_seconds:.1f} s (engine)")
    wall, cpu = min(writes)
    print(f"report write {wall:.2f} s (cpu {cpu:.2f} s), {size / 1e6:.2f} MB -> {args.out}")
    _print([browse(args.out) for _ in range(args.runs)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
