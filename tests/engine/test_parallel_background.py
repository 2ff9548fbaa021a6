"""Work beside the caller's own (parallel.start, issue 12): the right side segmented and the name
evidence read in a forked child give the comparison the serial path gives; the child's progress reaches
the parent, its errors are raised there, and a cancel while waiting ends it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from drift_viewer.engine import parallel, pipeline
from drift_viewer.engine.errors import Cancelled
from drift_viewer.engine.pipeline import compare_texts
from drift_viewer.engine.serialize import to_dict


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking allowed, as in a command-line run. The engine refuses to fork beside another thread, and
    earlier test modules leave idle daemon threads behind (distributed's offload executor, tqdm's
    monitor): decided when the test runs, not at collection, and those daemons set aside."""
    if parallel._cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("forking beside the caller needs two cores and the fork start method")
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    assert not others, f"non-daemon threads left running by earlier tests: {others}"
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


needs_fork = pytest.mark.usefixtures("forking")


def _texts() -> tuple[str, str]:
    left = "\n\n".join(
        f"Peter met Anna in Rome on day {k}. They did not speak of the {k % 7} ships. Mr. Haines left."
        for k in range(60)
    )
    right = left.replace("Anna", "Anne").replace("did not", "did").replace("Haines", "Haynes")
    return left, right


@needs_fork
def test_the_sides_read_in_a_child_give_the_serial_comparison(monkeypatch) -> None:
    left, right = _texts()
    serial = to_dict(compare_texts(left, right))
    forks: list[bool] = []
    init = parallel.Pending.__init__

    def spy(self, work, fork):
        forks.append(fork)
        init(self, work, fork)

    monkeypatch.setattr(parallel.Pending, "__init__", spy)
    monkeypatch.setattr(pipeline, "BACKGROUND_MIN", 0)
    reports: list[tuple[str, float]] = []
    forked = to_dict(compare_texts(left, right, progress=lambda stage, f: reports.append((stage, f))))
    assert forks[:2] == [True, True], "the right side and the evidence were read in children"
    assert forked == serial
    fractions = [f for _, f in reports]
    assert fractions == sorted(fractions)
    assert len({f for stage, f in reports if stage == "segment" and f > 0.1}) >= 2, "the child's ticks arrive"


@needs_fork
def test_ticks_and_results_come_back_from_the_child() -> None:
    def work(tick):
        tick(0.25)
        tick(0.255)  # less than a percent on: not sent
        tick(0.75)
        return os.getpid()

    seen: list[float] = []
    child = parallel.start(work, 1, 1).result(seen.append)
    assert child != os.getpid()
    assert seen == [0.25, 0.75]


@needs_fork
def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    def work(tick):
        raise ValueError("bad paragraph")

    with pytest.raises(ValueError, match="bad paragraph"):
        parallel.start(work, 1, 1).result()


@needs_fork
def test_a_cancel_while_waiting_stops_the_child() -> None:
    pending = parallel.start(lambda tick: time.sleep(60), 1, 1)
    process = pending._process
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        pending.result(check=check)
    assert calls == 2
    process.join(30)  # killed, not waited for: the kernel tears it down in its own time
    assert process.exitcode == -signal.SIGKILL


def test_below_the_size_nothing_forks_and_the_work_runs_when_asked() -> None:
    ran: list[int] = []
    pending = parallel.start(lambda tick: ran.append(os.getpid()) or 7, 10, 11)
    assert ran == [] and pending._process is None
    assert pending.result() == 7 and ran == [os.getpid()]


@needs_fork
def test_the_fact_table_read_in_a_child_is_the_one_read_here(monkeypatch) -> None:
    from drift_viewer.engine import serialize
    from drift_viewer.engine.classify import facttable

    comparison = compare_texts(*_texts())
    monkeypatch.setattr(facttable, "FACTS_BESIDE", 10**9)
    here = serialize.to_json(comparison)
    monkeypatch.setattr(facttable, "FACTS_BESIDE", 0)
    forks: list[bool] = []
    init = parallel.Pending.__init__
    monkeypatch.setattr(parallel.Pending, "__init__", lambda self, w, fork: forks.append(fork) or init(self, w, fork))
    assert serialize.to_json(comparison) == here
    assert forks == [True]
    assert '"respelled"' in here  # Haines / Haynes: the table is not empty


def _slow_first(k: int) -> int:
    if k == 0:
        time.sleep(60)
    return k


@needs_fork
def test_a_cancel_is_checked_while_the_workers_chunk_is_awaited(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Cancelled()

    chunks = parallel.map_in_chunks(_slow_first, 64, check)
    with pytest.raises(Cancelled):
        next(chunks)  # the first chunk never comes: only the checks while waiting can end this
    chunks.close()  # leaving the pool ends its workers
    assert calls == 3


def _fails_at_five(k: int) -> int:
    if k == 5:
        raise ValueError("group 5 is bad")
    return k * k


@needs_fork
def test_forked_chunks_come_in_order_and_a_workers_error_is_raised_here(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    chunks = list(parallel.map_in_chunks(lambda k: (k, os.getpid()), 200))
    assert [hi for hi, _ in chunks] == sorted(hi for hi, _ in chunks) and chunks[-1][0] == 200
    results = [r for _, chunk in chunks for r in chunk]
    assert [k for k, _ in results] == list(range(200))
    assert os.getpid() not in {pid for _, pid in results} and len({pid for _, pid in results}) >= 2
    with pytest.raises(ValueError, match="group 5 is bad"):
        list(parallel.map_in_chunks(_fails_at_five, 200))


@needs_fork
def test_the_paragraph_languages_read_in_the_child_are_not_read_again(monkeypatch) -> None:
    from drift_viewer.engine.segment import language

    english = " ".join(
        f"He said that it was not for them on day {k}, and she was there with her mother." for k in range(4)
    )
    danish = " ".join(
        f"Han sagde at det ikke var noget for dem den {k}. dag, og hun var der med sin mor." for k in range(4)
    )
    left = "\n\n".join([english, danish] * 3)
    right = left.replace("mother", "father").replace("mor", "far")
    serial = to_dict(compare_texts(left, right))
    monkeypatch.setattr(language, "_PARAGRAPHS", {})
    monkeypatch.setattr(language, "_held", 0)
    asked: list[str] = []
    detect = language.detect_language

    def counted(text: str, default: str = "en") -> str:
        asked.append(text)
        return detect(text, default)

    monkeypatch.setattr(language, "detect_language", counted)
    monkeypatch.setattr(pipeline, "BACKGROUND_MIN", 0)
    forked = to_dict(compare_texts(left, right))
    assert forked["groups"] == serial["groups"] and forked["languages"] == serial["languages"]
    right_paragraphs = {p for p in right.split("\n\n") if p not in left.split("\n\n")}
    assert right_paragraphs, "the right side has paragraphs of its own"
    # This process detected the left side's paragraphs; the child detected the right side's and sent them
    # back, so the kind rules' pass over the paragraphs asked for none of them here.
    assert not right_paragraphs & set(asked)
    assert right_paragraphs <= {p for p, _ in language._PARAGRAPHS}
