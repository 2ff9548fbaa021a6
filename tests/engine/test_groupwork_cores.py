"""A book's kinds must not depend on the machine's number of cores: on two cores forked workers hold the
sentence encoder's negation questions and the parent asks them (engine/groupwork.py), on one core the
same process asks them as it goes. Two held flips in one clause had undone each other into a rewording
in the workers, where the encoder, asked, keeps them: Matthew 13:13 came out otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drift_viewer.engine import parallel

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="needs two cores and CPU affinity to compare a forked run with a one-core run",
)

MOVED = (
    "Therefore I speak to them in parables: that seeing, they may not see; and hearing, they may not hear nor understand.",
    "Therefore I speak to them in parables, because seeing they see not, and hearing they hear not, nor understand.",
)
PLACES = ("harbour", "market", "temple", "garden", "valley", "river", "mountain", "village")


def _book(side: int) -> str:
    lines = []
    for k in range(parallel.MIN_ITEMS + 100):
        place = PLACES[k % len(PLACES)]
        verb = ("walked to", "went down to")[side]
        lines.append(f"On day {k} the {k % 7 + 2} travellers {verb} the {place} near the {k % 13}th gate.")
        if k == 700:
            lines.append(MOVED[side])
    return "\n\n".join(lines) + "\n"


def _compare(tmp_path: Path, one_core: bool) -> dict:
    left, right, out = tmp_path / "l.txt", tmp_path / "r.txt", tmp_path / f"out{int(one_core)}.json"
    left.write_text(_book(0), encoding="utf-8")
    right.write_text(_book(1), encoding="utf-8")
    cores = sorted(os.sched_getaffinity(0))

    def pin() -> None:
        if one_core:
            os.sched_setaffinity(0, cores[:1])

    cmd = [sys.executable, "-m", "drift_viewer", "compare", str(left), str(right), "--format", "json", "-o", str(out)]
    done = subprocess.run(cmd, preexec_fn=pin, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_one_core_and_two_cores_give_the_same_kinds(tmp_path: Path) -> None:
    forked, serial = _compare(tmp_path, one_core=False), _compare(tmp_path, one_core=True)
    assert len(forked["groups"]) > parallel.MIN_ITEMS  # the forked path ran
    kinds = [[c["kind"] for c in g.get("changes", [])] for g in serial["groups"]]
    assert any("negation" in k for k in kinds) or any("deleted" in k for k in kinds)
    assert forked["groups"] == serial["groups"]
    assert forked["facts"] == serial["facts"]
