"""Ctrl+C on a real batch with a pool of two workers: a clean stop, and the rerun resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from drift_viewer.batch.state import DONE, STATE_DIR

from .conftest import HARBOUR, write

ROOT = Path(__file__).resolve().parents[2]
COPIES = 200


def test_sigint_stops_cleanly_and_rerun_resumes(tmp_path):
    sources, copies, out = tmp_path / "sources", tmp_path / "copies", tmp_path / "out"
    write(sources / "harbour.txt", HARBOUR)
    # Enough copies that the batch is still running when the signal lands, even on a loaded machine.
    for n in range(COPIES):
        write(copies / f"copy-{n:03d}.txt", HARBOUR.replace("1998", str(1000 + n)))
    command = [
        sys.executable,
        "-m",
        "drift_viewer",
        "batch",
        str(sources),
        str(copies),
        "-o",
        str(out),
        "--workers",
        "2",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    job = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    log = out / STATE_DIR / DONE
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and job.poll() is None:
        if log.is_file() and log.read_text(encoding="utf-8").count("\n") >= 1:
            break
        time.sleep(0.05)
    assert job.poll() is None, "the batch ended before it could be interrupted"
    job.send_signal(signal.SIGINT)
    _, err = job.communicate(timeout=60)
    assert job.returncode == 2
    assert "stopped:" in err and "run the same command again" in err
    assert "Traceback" not in err
    finished = log.read_text(encoding="utf-8").splitlines()
    assert 1 <= len(finished) < COPIES and not (out / "summary.json").exists()
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1  # every copy differs (a year changed), and none failed
    assert f"({len([line for line in finished if line.strip()])} from the last run)" in again.stderr
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))["pairs"]
    assert len(rows) == COPIES and all(r["source"] == "harbour.txt" and r["counts"].get("number") for r in rows)
