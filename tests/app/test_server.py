"""The comparison process's side: Qt-free, and one request answered in frames."""

from __future__ import annotations

import io
import subprocess
import sys

import fake_jobs

from drift_viewer.app.process import protocol, server, stream, transfer
from drift_viewer.app.process.job import compare_job
from drift_viewer.engine.model import Options


def test_the_child_side_never_loads_qt():
    code = "import sys, drift_viewer.app.process.server; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"


def _frames(wire: io.BytesIO) -> list[object]:
    """The messages on `wire`, each answer's pieces rebuilt: a Header or a Finish is followed by its Prepared,
    an Aligned by its stream.Partial."""
    wire.seek(0)
    messages = []
    read = lambda: protocol.read_frame(wire)  # noqa: E731
    receiver = None
    while wire.tell() < len(wire.getvalue()):
        message = protocol.receive(wire)
        messages.append(message)
        if isinstance(message, protocol.Header):
            messages.append(list(transfer.receive_prepared(read, message))[-1])
        elif isinstance(message, protocol.Aligned):
            receiver = stream.Receiver(read, message, Options())
            messages.append(list(receiver.rows())[-1])
        elif isinstance(message, protocol.Built):
            assert receiver is not None
            receiver.built(message)
        elif isinstance(message, protocol.Finish):
            assert receiver is not None
            messages.append(list(receiver.finish(message))[-1])
    return messages


def test_an_answer_is_progress_then_the_rows_then_groups_as_they_are_made(seed):
    wire = io.BytesIO()
    server.answer(wire, protocol.Request(compare_job, str(seed[0]), str(seed[1]), Options()))
    messages = _frames(wire)
    assert isinstance(messages[0], protocol.Progress) and messages[0].stage == "segment"
    kinds = [type(m).__name__ for m in messages]
    aligned = kinds.index("Aligned")
    # The rows go out once the sentences are aligned, before the word diff's progress and its groups.
    assert "Built" not in kinds[:aligned] and "diff" not in [m.stage for m in messages[:aligned] if hasattr(m, "stage")]
    assert kinds[aligned + 1] == "Partial" and kinds.index("Built") > aligned and kinds[-2] == "Finish"
    partial, prepared = messages[aligned + 1], messages[-1]
    assert len(partial.links) == messages[aligned].n_links == len(prepared.comparison.groups) > 0
    assert [(g.left, g.right) for g in prepared.comparison.groups] == [(k[0], k[1]) for k in partial.links]
    assert partial.left == prepared.comparison.left and partial.right == prepared.comparison.right


def test_a_job_that_does_not_stream_sends_the_answer_whole(seed):
    wire = io.BytesIO()
    server.answer(wire, protocol.Request(fake_jobs.whole_job, str(seed[0]), str(seed[1]), Options()))
    messages = _frames(wire)
    header, prepared = messages[-2], messages[-1]
    assert isinstance(header, protocol.Header) and header.n_groups == len(prepared.comparison.groups) > 0
    assert not any(isinstance(m, protocol.Aligned | protocol.Built) for m in messages)


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
