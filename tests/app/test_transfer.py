"""The answer in pieces: the chunked frames rebuild the same Prepared, sharing its Change objects."""

from __future__ import annotations

import io

from drift_viewer.app.prepared import prepare
from drift_viewer.app.process import protocol, transfer
from drift_viewer.engine.pipeline import compare_texts


def test_chunked_answer_rebuilds_the_prepared_comparison(monkeypatch):
    monkeypatch.setattr(transfer, "GROUPS_PER_CHUNK", 2)
    monkeypatch.setattr(transfer, "SENTENCES_PER_CHUNK", 3)
    left = "\n\n".join(f"Avril Haines said {n} people came. It was not {n + 1}." for n in range(7))
    right = left.replace("Haines said 3", "Haynes said 3").replace("not 5", "never 6")
    prepared = prepare(compare_texts(left, right))
    wire = io.BytesIO()
    transfer.send_prepared(lambda data: protocol.write_frame(wire, data), prepared)
    wire.seek(0)
    header = protocol.receive(wire)
    assert isinstance(header, protocol.Header)
    pieces = list(transfer.receive_prepared(lambda: protocol.read_frame(wire), header))
    assert wire.read() == b""
    assert all(p is None for p in pieces[:-1]) and len(pieces) > 5
    rebuilt = pieces[-1]
    assert rebuilt == prepared
    assert [e.change for e in rebuilt.changes] == [e.change for e in prepared.changes]
    group = rebuilt.changes[0].group
    assert any(c is rebuilt.changes[0].change for c in rebuilt.comparison.groups[group].changes)  # shared, not copied
