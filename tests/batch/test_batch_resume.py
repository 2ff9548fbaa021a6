"""Rerunning a batch: finished pairs are skipped while their files are unchanged; failures are retried."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from drift_viewer.batch.runner import BatchConfig, run_batch
from drift_viewer.batch.state import DONE, STATE_DIR

from .conftest import COMET


def _batch(sources: Path, copies: Path, out: Path):
    return run_batch(BatchConfig(str(sources), str(copies), str(out), workers=1, progress=False))


def test_rerun_skips_finished_pairs_and_redoes_changed_ones(corpus, tmp_path):
    sources, copies = corpus
    out = tmp_path / "out"
    first = _batch(sources, copies, out)
    assert first.stats.compared == 4 and first.stats.reused == 0  # the broken .docx never reaches a worker
    again = _batch(sources, copies, out)
    assert again.stats.compared == 0 and again.stats.reused == 4
    assert again.rows == first.rows
    # A copy edited since: compared again, the others still reused.
    comet = copies / "comet.txt"
    comet.write_text(COMET.replace("nine nights", "six nights"), encoding="utf-8")
    os.utime(comet, ns=(comet.stat().st_atime_ns, comet.stat().st_mtime_ns + 10**9))
    third = _batch(sources, copies, out)
    assert third.stats.compared == 1 and third.stats.reused == 3
    row = next(r for r in third.rows if r["copy"] == "comet.txt")
    assert row["counts"].get("number") == 1


def test_interrupted_batch_resumes(corpus, tmp_path, monkeypatch):
    """Ctrl+C while the second report is written: the job says it stopped, keeps the first pair, and a rerun
    does only the rest."""
    from drift_viewer.batch import runner

    sources, copies = corpus
    out = tmp_path / "out"
    real = runner.outputs.write_atomic
    calls = []

    def interrupt_at_second_report(path, text):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(path, text)

    monkeypatch.setattr(runner.outputs, "write_atomic", interrupt_at_second_report)
    stopped = _batch(sources, copies, out)
    assert stopped.interrupted and stopped.exit_status == 2
    assert not (out / "summary.json").exists()
    monkeypatch.undo()
    resumed = _batch(sources, copies, out)
    assert resumed.stats.reused == 1 and resumed.stats.compared == 3
    assert (out / "summary.json").is_file() and len(resumed.rows) == 5


def test_torn_state_line_is_ignored(corpus, tmp_path):
    sources, copies = corpus
    out = tmp_path / "out"
    _batch(sources, copies, out)
    log = out / STATE_DIR / DONE
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(json.loads(line)["key"] for line in lines)
    log.write_text("\n".join(lines[:2]) + "\n" + lines[2][: len(lines[2]) // 2], encoding="utf-8")  # killed mid-write
    again = _batch(sources, copies, out)
    assert again.stats.reused == 2 and again.stats.compared == 2
    assert all(json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()[3:])


def test_out_dir_inside_the_copies_folder_is_not_read_back(corpus):
    sources, copies = corpus
    for out in (copies / "results", copies):
        first = _batch(sources, copies, out)
        again = _batch(sources, copies, out)
        assert len(first.rows) == len(again.rows) == 5, out
        assert not any(r["copy"].endswith(".html.html") or r["copy"] == "index.html" for r in again.rows)
        shutil.rmtree(out / "reports")
        shutil.rmtree(out / STATE_DIR)
        for name in ("index.html", "summary.json", "summary.csv"):
            (out / name).unlink()
