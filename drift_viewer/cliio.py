"""The command line's input and output: one-line messages on standard error, output written to standard
output or atomically to a file, and standard input read as one side ("-")."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile

STDIN = "-"
STDIN_NAME = "standard input"


class OutputError(Exception):
    """The output could not be written; the message names the path the user gave."""

    def __init__(self, output: str, exc: OSError) -> None:
        super().__init__(f"{output}: cannot be written ({exc.strerror or exc})")


def compare_format(value: str) -> str:
    """`compare --format`'s value; "html" is the one a newcomer tries first, and argparse's "invalid
    choice" would not say where the HTML report is."""
    if value.strip().lower() in ("html", "htm"):
        import argparse

        raise argparse.ArgumentTypeError(
            "the HTML report is its own command: drift-viewer report LEFT RIGHT -o report.html"
        )
    return value


def say(message: str) -> None:
    """One line on stderr. A file name that is not valid UTF-8 is written back as the bytes it was."""
    line = f"drift-viewer: {message}\n"
    buffer = getattr(sys.stderr, "buffer", None)
    if buffer is None:
        sys.stderr.write(line)
        return
    sys.stderr.flush()
    buffer.write(line.encode(sys.stderr.encoding or "utf-8", "surrogateescape"))
    buffer.flush()


def check_output(output: str | None) -> None:
    """Before any work: -o must not name a folder, and its folder must exist."""
    if output is None:
        return
    if os.path.isdir(output):
        raise OutputError(output, IsADirectoryError(0, "it is a folder; give a file name"))
    parent = os.path.dirname(output) or "."
    if not os.path.isdir(parent):
        raise OutputError(output, FileNotFoundError(0, "no such folder"))


def write(text: str, output: str | None) -> None:
    # surrogateescape: a file name that is not valid UTF-8 goes out as the bytes it was (JSON escapes it).
    data = text.encode("utf-8", "surrogateescape")
    if output is None:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()
        return
    try:
        mode = os.stat(output).st_mode
    except OSError:
        mode = 0
    try:
        if mode and not stat.S_ISREG(mode):  # a device or pipe (/dev/stdout, a FIFO): written in place
            with open(output, "wb") as fh:
                fh.write(data)
            return
        target = os.path.abspath(output)
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target))
    except OSError as exc:
        raise OutputError(output, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)  # never leave a half-written file under the user's name
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(output, exc) from None
        raise


def read_stdin(max_bytes: int, side: str) -> bytes:
    """Standard input's bytes for one side ("left" or "right"); a terminal is told how to end its text."""
    from .engine.load import read_stream

    if sys.stdin is None:
        from .engine.errors import InputError

        raise InputError(STDIN_NAME, "is closed")
    if sys.stdin.isatty():
        say(f"reading the {side} text from standard input; end it with Ctrl-D (Ctrl-Z Enter on Windows)")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes below it (an embedding program's StringIO)
        buffer = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
    return read_stream(buffer, STDIN_NAME, max_bytes)
