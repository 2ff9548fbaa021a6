"""Progress: a bar where a person watches, a few plain lines in a log."""

from __future__ import annotations

import io

from drift_viewer.batch.progress import Progress


def test_quiet_lines_are_about_one_a_tenth():
    out = io.StringIO()
    bar = Progress("comparing", 100, stream=out, bar=False)
    for _ in range(100):
        bar.advance()
    bar.close()
    lines = out.getvalue().splitlines()
    assert lines[0] == "drift-viewer: comparing: 1/100" and lines[-1] == "drift-viewer: comparing: 100/100"
    assert 10 <= len(lines) <= 12 and len(set(lines)) == len(lines)


def test_a_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    bar = Progress("reading", 3, stream=out)
    for _ in range(3):
        bar.advance()
    bar.close()
    assert "reading" in out.getvalue() and "3/3" in out.getvalue() and "drift-viewer:" not in out.getvalue()
