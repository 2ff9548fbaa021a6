"""GUI smoothness on a book: the New Testament in two English translations (Haweis vs Noyes).

Builds two .txt files (each chapter's verses joined into one paragraph, chapters separated by blank
lines), opens them in the window offscreen, and prints
- time to first rows: from open_pair() until the window has painted the aligned rows (with the
  progressive paint, before the word highlights; on a tree without it, the same moment as the next);
- time to first paint: from open_pair() until the window has painted the finished comparison
  (the comparison itself runs in a child process and is reported separately, up to the moment its
  answer reaches the GUI thread);
- the longest GUI-thread stall while the comparison runs and while scrolling top to bottom a page at
  a time, measured by a 10 ms QTimer heartbeat (a stall is the largest gap between two beats); the machine's
  load average is printed too, since on a shared machine it moves every figure.

- time to answer of a second comparison of the same pair (Reload, as after toggling an option), and
  with --seed the same figures for the small seed pair, where process start-up dominates.

CPU seconds (user + system) of the window process and of its comparison child (with the child's pool
workers) are printed beside the wall times: on a loaded machine the wall times alone say little.
`--tree DIR` runs another checkout's drift_viewer (before/after runs of one script).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_bench.py [--pages N] [--seed] [--idle S] [--tree DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if "--tree" in sys.argv:  # before the package is imported: another checkout's drift_viewer
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--tree") + 1]).resolve()))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bible-nt"
SEED = ROOT.parent / "shared" / "data" / "seed"


def build_text(tsv: Path) -> str:
    chapters: dict[tuple[str, str], list[str]] = defaultdict(list)
    order: list[tuple[str, str]] = []
    with tsv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            key = (row["book"], row["chapter"])
            if key not in chapters:
                order.append(key)
            chapters[key].append(row["text"].strip())
    return "\n\n".join(" ".join(chapters[key]) for key in order) + "\n"


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU of this process (pid None), or of process `pid` with its waited-for children
    (the comparison child's pool workers), from /proc: the child is a long-lived process of its own."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


class Heartbeat:
    """Largest gap between 10 ms timer ticks: how long the GUI thread was busy at a stretch."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=10, timeout=self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.gaps: list[tuple[float, float]] = []  # (end time, length) of every gap, to split phases

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.gaps.append((now, now - self.last))
        self.last = now

    def longest_between(self, start: float, end: float) -> float:
        return max((gap for at, gap in self.gaps if start <= at <= end), default=0.0)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.gaps = []
        self.timer.start()

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.longest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="stop after N pages (default: scroll to the end)")
    parser.add_argument("--seed", action="store_true", help="the seed news pair instead of the New Testament")
    parser.add_argument(
        "--idle", type=float, default=0.0, help="seconds the window sits idle before the first open (a user looking)"
    )
    parser.add_argument("--tree", help="import drift_viewer from this checkout (a before/after run)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"missing {DATA}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp(prefix="drift-gui-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    if args.seed:
        left, right = SEED / "spun-copy.txt", SEED / "rferl-original.txt"
    else:
        left, right = tmp / "haweis.txt", tmp / "noyes.txt"
        left.write_text(build_text(DATA / "Haweis.tsv"), encoding="utf-8")
        right.write_text(build_text(DATA / "Noyes.tsv"), encoding="utf-8")

    app = QApplication.instance() or QApplication([])
    from drift_viewer.app.window.main_window import MainWindow

    window = MainWindow(quiet=True)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    idle_until = time.perf_counter() + args.idle
    while time.perf_counter() < idle_until:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    beat = Heartbeat()
    loop = QEventLoop()
    window.comparison_ready.connect(loop.quit)
    window.comparison_failed.connect(lambda failure: (print(failure.message, file=sys.stderr), loop.quit()))
    arrived: list[float] = []  # the answer reaches the GUI thread: the window starts resetting its models
    window.model.modelAboutToBeReset.connect(lambda: arrived.append(time.perf_counter()))
    first_rows: list[float] = []

    def rows_shown() -> None:  # the first reset that brings rows: paint them now, as the first paint does
        if not first_rows and window.model.rowCount():
            window.view.viewport().repaint()
            first_rows.append(time.perf_counter())

    window.model.modelReset.connect(lambda: QTimer.singleShot(0, rows_shown))
    child = window.runner._spare.process  # the warm child this comparison takes
    child_pid = child.pid if child is not None else None
    cpu0 = cpu_seconds(), cpu_seconds(child_pid) if child_pid else 0.0
    beat.start()
    t0 = time.perf_counter()
    window.open_pair(left, right)
    loop.exec()
    window.repaint()  # paint now, synchronously: the first paint of the finished comparison
    app.processEvents()
    t_paint = time.perf_counter()
    stall_compare = beat.stop()
    if window.prepared is None:
        return 2
    t_arrived = arrived[-1]
    cpu_window = cpu_seconds() - cpu0[0]
    cpu_child = cpu_seconds(child_pid) - cpu0[1] if child_pid and Path(f"/proc/{child_pid}").exists() else float("nan")
    comp = window.prepared.comparison
    print(
        f"pair: {len(comp.left.sentences)} vs {len(comp.right.sentences)} sentences, {len(comp.groups)} rows, {len(window.prepared.changes)} changes"
    )
    print(f"comparison (off the GUI thread, answer received): {t_arrived - t0:.2f} s")
    t_rows = first_rows[0] if first_rows else t_paint
    print(f"time to first rows: {t_rows - t0:.2f} s")
    print(
        f"time to first paint: {t_paint - t0:.2f} s (models, panels, placing the view and paint after the answer: {(t_paint - t_arrived) * 1000:.0f} ms)"
    )
    print(
        f"longest GUI stall: while comparing {beat.longest_between(t0, t_arrived) * 1000:.0f} ms, "
        f"showing the answer {beat.longest_between(t_arrived, t_paint + 1) * 1000:.0f} ms (overall {stall_compare * 1000:.0f} ms)"
    )
    print(f"CPU to first paint: window {cpu_window:.2f} s, comparison child and its workers {cpu_child:.2f} s")

    beat.start()
    t0 = time.perf_counter()
    window.reload()
    loop.exec()
    stall_reload = beat.stop()
    print(
        f"second comparison (Reload): answer received {arrived[-1] - t0:.2f} s, "
        f"ready {time.perf_counter() - t0:.2f} s, longest GUI stall {stall_reload * 1000:.0f} ms"
    )

    bar = window.view.verticalScrollBar()
    window.view.scrollToTop()
    app.processEvents()
    pages = 0
    beat.start()
    t_scroll = time.perf_counter()
    while bar.value() < bar.maximum() and (not args.pages or pages < args.pages):
        bar.setValue(bar.value() + bar.pageStep())
        deadline = time.perf_counter() + 0.02  # paint, fit the new rows, let the heartbeat tick
        while time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        pages += 1
    stall_scroll = beat.stop()
    print(
        f"scrolled {pages} pages in {time.perf_counter() - t_scroll:.1f} s; longest GUI stall while scrolling: {stall_scroll * 1000:.0f} ms"
    )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
