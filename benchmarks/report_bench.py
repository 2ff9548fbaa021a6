"""Report size and speed on a book: the New Testament, Haweis vs Noyes (not part of `make bench`).

    .venv/bin/python benchmarks/report_bench.py [--cache /tmp/nt.pickle] [--out /tmp/nt-report.html]

Prints the comparison time (the engine's, for context), the report's write time and size, and the
time headless Chromium takes to load it and to scroll it from top to bottom.
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

from drift_viewer import compare_texts  # noqa: E402
from drift_viewer.report import write_report  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bible-nt"


def book_text(tsv: Path) -> str:
    """Each chapter's verses joined into a paragraph, chapters separated by blank lines."""
    with tsv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    chapters = groupby(rows, key=lambda r: (r["book"], r["chapter"]))
    return "\n\n".join(" ".join(r["text"].strip() for r in verses) for _, verses in chapters) + "\n"


def comparison(cache: Path | None):
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes()), float("nan")
    start = time.perf_counter()
    result = compare_texts(
        book_text(DATA / "Haweis.tsv"), book_text(DATA / "Noyes.tsv"), left_name="Haweis", right_name="Noyes"
    )
    seconds = time.perf_counter() - start
    if cache:
        cache.write_bytes(pickle.dumps(result))
    return result, seconds


def browse(path: Path) -> tuple[float, float, int]:
    """(load seconds, seconds to scroll the table end to end in 40 steps, rows) in headless Chromium."""
    sys.path.insert(0, str(ROOT / "tests" / "report"))
    from conftest import _driver  # the browser tests' headless Chromium, the same flags

    with tempfile.TemporaryDirectory() as profile:
        driver = _driver(Path(profile))
        try:
            driver.get("about:blank")
            start = time.perf_counter()
            driver.get(path.as_uri())  # returns after the load event
            rows = driver.execute_script("return document.querySelectorAll('.tbl > .r').length")
            load = time.perf_counter() - start
            start = time.perf_counter()
            driver.execute_script(
                "const h = document.documentElement.scrollHeight;"
                "for (let i = 1; i <= 40; i++) { window.scrollTo(0, h * i / 40); document.body.getBoundingClientRect(); }"
            )
            scroll = time.perf_counter() - start
        finally:
            driver.quit()
    return load, scroll, rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, help="pickle the comparison here and reuse it")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "nt-report.html")
    args = parser.parse_args()
    result, compare_seconds = comparison(args.cache)
    start = time.perf_counter()
    write_report(result, args.out)
    write_seconds = time.perf_counter() - start
    size = args.out.stat().st_size
    load, scroll, rows = browse(args.out)
    print(f"groups {len(result.groups):,}, changes {sum(result.change_counts().values()):,}")
    print(f"compare {compare_seconds:.1f} s (engine)")
    print(f"report write {write_seconds:.2f} s, {size / 1e6:.2f} MB -> {args.out}")
    print(f"chromium load {load:.2f} s ({rows:,} rows), scroll end to end in 40 steps {scroll:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
