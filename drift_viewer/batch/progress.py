"""Progress of a batch: a tqdm bar on a terminal; elsewhere (a log, a CI job, a pipe) one short line each
tenth of the way, so a log of a long job says how far it got without a line per file."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, what: str, total: int, *, stream: TextIO | None = None, bar: bool | None = None) -> None:
        self.what, self.total, self.done = what, total, 0
        self.stream = stream or sys.stderr
        if bar is None:
            bar = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar = None
        self._next_line = 0
        self._printed = -1
        if bar and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=what, unit="file", file=self.stream, dynamic_ncols=True, leave=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
        elif self.total and (self.done >= self._next_line or self.done == self.total):
            self._line()
            self._next_line = self.done + max(1, self.total // 10)

    def _line(self) -> None:
        if self._printed != self.done:
            self.stream.write(f"drift-viewer: {self.what}: {self.done}/{self.total}\n")
            self.stream.flush()
            self._printed = self.done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.total:
            self._line()
