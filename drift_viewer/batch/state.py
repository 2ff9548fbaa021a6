"""What a rerun skips: OUT_DIR/.batch/done.jsonl, one line per finished copy, appended and flushed as each
finishes, so Ctrl+C, a crash or a killed job loses at most the copies in flight.

A line is reused only while its inputs are what they were: the copy and its candidate sources, by size
and modification time, and the program's version. A copy that failed is not recorded: a rerun tries again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from .._version import __version__

STATE_DIR = ".batch"
DONE = "done.jsonl"


def fingerprint(copy_path: str, candidates: Iterable[str]) -> str:
    parts = [__version__]
    for path in (copy_path, *candidates):
        try:
            st = os.stat(path)
            parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}\0missing")
    return "\n".join(parts)


class DoneLog:
    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.path = Path(out_dir, STATE_DIR, DONE)
        self._fh: TextIO | None = None

    def read(self) -> dict[str, dict]:
        """copy -> its recorded row (with its "key"). A torn last line, from a job killed mid-write, is skipped."""
        found: dict[str, dict] = {}
        try:
            text = self.path.read_text(encoding="utf-8", errors="surrogateescape")
        except FileNotFoundError:
            return found
        for line in text.splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("copy"), str):
                found[row["copy"]] = row
        return found

    def append(self, row: dict) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A torn line left by a killed job must not glue itself to the first new one.
            needs_newline = (
                self.path.exists() and self.path.stat().st_size and not self.path.read_bytes().endswith(b"\n")
            )
            self._fh = self.path.open("a", encoding="utf-8", errors="surrogateescape")
            if needs_newline:
                self._fh.write("\n")
        self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
