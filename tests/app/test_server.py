"""The comparison process's side: Qt-free, and one request answered in frames."""

from __future__ import annotations

import io
import subprocess
import sys

import fake_jobs

from drift_viewer.app.process import protocol, server, transfer
from drift_viewer.app.process.job import compare_job
from drift_viewer.engine.model import Options


def test_the_child_side_never_loads_qt():
    code = "import sys, drift_viewer.app.process.server; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"


def _frames(wire: io.BytesIO) -> list[object]:
    wire.seek(0)
    messages = []
    while wire.tell() < len(wire.getvalue()):
        messages.append(protocol.receive(wire))
        if isinstance(messages[-1], protocol.Header):
            pieces = list(transfer.receive_prepared(lambda: protocol.read_frame(wire), messages[-1]))
            messages.append(pieces[-1])
    return messages


def test_an_answer_is_progress_then_the_header_and_its_pieces(seed):
    wire = io.BytesIO()
    server.answer(wire, protocol.Request(compare_job, str(seed[0]), str(seed[1]), Options()))
    messages = _frames(wire)
    assert isinstance(messages[0], protocol.Progress) and messages[0].stage == "segment"
    header, prepared = messages[-2], messages[-1]
    assert isinstance(header, protocol.Header) and header.n_groups == len(prepared.comparison.groups) > 0


def test_a_failing_job_is_one_failure_frame(tmp_path):
    wire = io.BytesIO()
    server.answer(wire, protocol.Request(fake_jobs.broken_job, "a", "b", Options()))
    [failure] = _frames(wire)
    assert isinstance(failure, protocol.Failure) and "ZeroDivisionError" in failure.message and failure.details
    wire = io.BytesIO()
    missing = str(tmp_path / "missing.txt")
    server.answer(wire, protocol.Request(compare_job, missing, missing, Options()))
    [failure] = _frames(wire)
    assert isinstance(failure, protocol.Failure) and failure.path == missing


def test_a_request_carries_the_parents_path_first(monkeypatch):
    request = protocol.Request(compare_job, "left.txt", "right.txt", Options(ignore_case=True))
    monkeypatch.setattr(sys, "path", [*sys.path, "/somewhere/else"])
    wire = io.BytesIO(protocol.encode_request(request))
    monkeypatch.setattr(sys, "path", list(sys.path[:-1]))
    assert protocol.read_request(wire) == request
    assert sys.path[-1] == "/somewhere/else"
    assert protocol.read_request(wire) is None  # the parent closed the pipe
