"""What every part of benchmarks/run.py's table shares: the targets, the row shape, the log, the notes
under the table and the status words (a module of its own so that the before/after part can be one too)."""

from __future__ import annotations

import sys
import time

# Seconds one aligner may spend on one dataset; the peers need about a minute on the New Testament.
TIMEOUTS = {"deplain": 120, "bible-dev": 240, "bible-nt": 240, "seed": 60}
SPEED_TIMEOUT, SPEED_BUDGET = 300, 900
BEFORE = "f32b031"  # main before issue 12 (speed and bounded cost), measured with this same harness

TARGET_DEPLAIN, TARGET_BIBLE = 0.92, 0.95
TARGET_NT_SECONDS, TARGET_RSS_MB, TARGET_GROWTH, TARGET_STARTUP = 2.0, 400.0, 2.3, 0.3
TARGET_HELP = 0.1
TARGET_4X_GROWTH, TARGET_4X_MB = 4.6, 1200.0  # 4x NT against NT; its peak RSS
TARGET_REPEATED_SECONDS, TARGET_REPEATED_MB = 20.0, 600.0  # 5 MB of one sentence repeated
TARGET_ANY_MB = 2000.0  # no run within the default limits goes past this

_STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - _STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


Row = tuple[str, dict[str, str], str, str]  # metric, cells by column, target, status


NOTES: list[str] = []  # why a cell says timeout / error / skipped, printed under the table


def _short_error(error: str, where: str) -> str:
    NOTES.append(f"{where}: {error}")
    return "timeout" if error.startswith("timeout") else "skipped" if error.startswith("skipped") else "error"


def _status(ok: bool) -> str:
    return "met" if ok else "NOT MET"
