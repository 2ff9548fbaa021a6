"""Smoke tests of benchmarks/bounds.py and cancel_bench.py on tiny inputs: the hostile pairs are what they
say, the process-tree measure sees a child's memory and exit, and the cancel figures name where the
longest gap lies. No timing is asserted."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import bounds  # noqa: E402
import cancel_bench  # noqa: E402

from drift_viewer.engine.load import document_from_text  # noqa: E402


def test_each_hostile_pair_differs_by_one_edit(tmp_path: Path) -> None:
    cases = bounds.make_hostile(tmp_path, quick=True)
    assert len(cases) == 5
    for case in cases:
        left, right = case.left.read_text(encoding="utf-8"), case.right.read_text(encoding="utf-8")
        assert left != right and abs(len(left) - len(right)) <= 1, case.label
        differing = sum(a != b for a, b in zip(left, right, strict=False))
        assert 1 <= differing <= 4 or case.label.endswith("single line"), case.label


def test_the_tree_measure_sees_a_childs_memory_exit_and_last_words() -> None:
    code = (
        "import subprocess, sys;"
        "subprocess.run([sys.executable, '-c', 'x = bytearray(80_000_000); x[::4096] = b\"1\" * len(x[::4096])']);"
        "sys.exit('drift-viewer: refused, and why')"
    )
    wall, cpu, rss, status, last = bounds._run([sys.executable, "-c", code], timeout=120)
    assert status == 1 and last == "drift-viewer: refused, and why"
    assert rss >= 80, "the grandchild's 80 MB is in the tree's peak"
    assert wall > 0 and cpu > 0


def test_the_full_run_says_per_stage_how_often_it_checked_and_where_the_longest_gap_is() -> None:
    text = " ".join(f"Sentence number {k} tells of the council's {k % 9} plants." for k in range(300))
    left = document_from_text(text, "left")
    right = document_from_text(text.replace("council", "Council", 3), "right")
    run = cancel_bench.full_run(left, right)
    for stage in ("segment", "align", "diff"):
        assert run[stage]["checks"] >= 1, stage
        assert " -> " in run[stage]["gap_sites"], stage
        assert run[stage]["cpu_gap"] >= 0
