"""The comparison's child process side: Qt-free, and its chunked answer rebuilds the same Prepared."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys

from drift_viewer.app import compute, transfer
from drift_viewer.app.prepare import prepare
from drift_viewer.engine.pipeline import compare_texts


def test_the_child_side_never_loads_qt():
    code = "import sys, drift_viewer.app.compute; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"


def test_chunked_answer_rebuilds_the_prepared_comparison(monkeypatch):
    monkeypatch.setattr(transfer, "GROUPS_PER_CHUNK", 2)
    monkeypatch.setattr(transfer, "SENTENCES_PER_CHUNK", 3)
    left = "\n\n".join(f"Avril Haines said {n} people came. It was not {n + 1}." for n in range(7))
    right = left.replace("Haines said 3", "Haynes said 3").replace("not 5", "never 6")
    prepared = prepare(compare_texts(left, right))
    wire = io.BytesIO()
    transfer.send_prepared(compute.FrameWriter(wire), prepared)
    wire.seek(0)
    header = pickle.loads(compute.read_frame(wire))
    pieces = list(transfer.receive_prepared(lambda: compute.read_frame(wire), header))
    assert wire.read() == b""
    assert all(p is None for p in pieces[:-1]) and len(pieces) > 5
    rebuilt = pieces[-1]
    assert rebuilt == prepared
    assert [e.change for e in rebuilt.changes] == [e.change for e in prepared.changes]
    group = rebuilt.changes[0].group
    assert any(c is rebuilt.changes[0].change for c in rebuilt.comparison.groups[group].changes)  # shared, not copied
