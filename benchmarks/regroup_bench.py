"""How long one hand edit of the alignment takes on the New Testament (issue 15: <= 100 ms).

Each edit is timed from a fresh copy of the comparison's groups' state (edits are pure), min of several
runs, CPU time beside wall time. The first edit of a comparison also reads the documents' name evidence
(regroup._builder caches it for the edits after): timed apart.

    python benchmarks/regroup_bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_bench import DATA, build_text  # noqa: E402

from drift_viewer.engine import pipeline  # noqa: E402
from drift_viewer.engine.pipeline import compare_texts  # noqa: E402
from drift_viewer.review import edits  # noqa: E402


def timed(call, runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    c = compare_texts(build_text(DATA / "Haweis.tsv"), build_text(DATA / "Noyes.tsv"))
    middle = len(c.groups) // 2
    row = next(k for k in range(middle, len(c.groups)) if c.groups[k].left and c.groups[k].right)
    g = c.groups[row]
    far_right = c.groups[row + 300].right[0] if c.groups[row + 300].right else c.right.sentences[-1].start
    print(f"NT: {len(c.groups)} groups, {len(c.left.sentences)}/{len(c.right.sentences)} sentences")

    def first() -> None:
        pipeline._builders.clear()
        edits.unlink_row(c, row)

    wall, cpu = timed(first, max(3, args.runs // 2))
    print(f"first edit (name evidence read): wall {wall * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms")
    cases = {
        "link_rows (2 rows)": lambda: edits.link_rows(c, row, row + 1),
        "unlink_row": lambda: edits.unlink_row(c, row),
        "move_sentence": lambda: edits.move_sentence(c, row, "left", 1),
        "link_sentences (a move 300 rows away)": lambda: edits.link_sentences(c, g.left[0], far_right),
    }
    for name, call in cases.items():
        call()  # the builder is cached for the comparison
        wall, cpu = timed(call, args.runs)
        print(f"{name}: wall {wall * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms")
    _, edit = edits.link_sentences(c, g.left[0], far_right)
    wall, cpu = timed(lambda: edits.apply_edit(c, edit), args.runs)
    print(f"apply_edit (re-applied on reopen): wall {wall * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms")


if __name__ == "__main__":
    main()
