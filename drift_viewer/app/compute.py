"""The comparison's child process and the wire format of its answer. Qt-free: the child never loads Qt.

Why a process: on a book, the comparison holds the GIL for long stretches a thread cannot share
(whole-text regexes and numpy calls in C, and full garbage collections over a growing heap), and the
window froze for up to a second at a time. In a child process none of that touches the GUI thread.

Why chunks: unpickling is one C call that keeps the GIL; a book's answer (~300k objects) in one piece
would freeze the window for seconds. The child sends it in small pickles (documents, then sentences,
then groups, SENTENCES_PER_CHUNK / GROUPS_PER_CHUNK at a time) so the receiving thread lets the GUI
thread in between two pieces. The changes list is sent as (group, change) index pairs, not objects, so
it shares the received Change objects instead of copying them.

The child is `python -c "...serve()"`, not multiprocessing: spawn re-imports the parent's main module,
and a script that opens the window without a __main__ guard would then open windows recursively.
The parent writes two frames to the child's stdin, its sys.path and (job, left, right, options);
the child answers on its stdout in frames (4-byte little-endian length, then bytes), each a pickle:
("progress", stage, fraction), ("failed", Failure), ("cancelled",), or the answer: ("result", n_left,
n_right, n_groups) followed by the pieces described in `send_prepared`. The parent cancels by killing it.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import struct
import sys
import traceback
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..engine.compare import compare_documents
from ..engine.errors import Cancelled, DriftError, InputError
from ..engine.load import load_file
from ..engine.model import Comparison, Options, Side
from .prepare import ChangeEntry, Prepared, prepare

SENTENCES_PER_CHUNK = 400
GROUPS_PER_CHUNK = 40  # a group carries its word diff and changes: ~40 objects
Job = Callable[..., Prepared]  # (left path, right path, options, progress, should_cancel) -> Prepared


@dataclass(frozen=True)
class Failure:
    message: str  # what went wrong, one line
    path: str | None = None  # the file at fault, when there is one
    details: str = ""  # a traceback, for unexpected errors only


def compare_job(left: str, right: str, options: Options, progress, should_cancel) -> Prepared:
    """The real job: read both files, compare, and sort the changes here rather than in the window."""
    comparison = compare_documents(
        load_file(left, max_bytes=options.max_bytes),
        load_file(right, max_bytes=options.max_bytes),
        options,
        progress=progress,
        should_cancel=should_cancel,
    )
    return prepare(comparison)


CHILD_CODE = "from drift_viewer.app.compute import serve; serve()"
_LENGTH = struct.Struct("<I")


class FrameWriter:
    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def send_bytes(self, data: bytes) -> None:
        self.stream.write(_LENGTH.pack(len(data)))
        self.stream.write(data)
        self.stream.flush()  # progress must arrive while the job runs, not when it ends

    def close(self) -> None:
        self.stream.close()


def read_frame(stream: BinaryIO) -> bytes:
    """One frame; EOFError when the child has gone (finished, crashed or killed)."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def request(job: Job, left: str, right: str, options: Options) -> bytes:
    """Two frames: the parent's sys.path first, since unpickling the job may import from it."""
    frames = (pickle.dumps(list(sys.path)), pickle.dumps((job, left, right, options), pickle.HIGHEST_PROTOCOL))
    return b"".join(_LENGTH.pack(len(frame)) + frame for frame in frames)


def serve() -> None:
    """The child's entry point."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print in the engine must not corrupt the frames
    sys.path[:] = pickle.loads(read_frame(sys.stdin.buffer))
    job, left, right, options = pickle.loads(read_frame(sys.stdin.buffer))
    child_main(FrameWriter(channel), job, left, right, options)


def child_main(conn, job: Job, left: str, right: str, options: Options) -> None:
    """Runs the job and sends its answer, or why there is none."""

    def send(*message) -> None:
        conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))

    try:
        prepared = job(left, right, options, lambda stage, fraction: send("progress", stage, fraction), lambda: False)
    except Cancelled:
        send("cancelled")
    except InputError as exc:
        send("failed", Failure(exc.reason, exc.path))
    except DriftError as exc:
        send("failed", Failure(str(exc)))
    except OSError as exc:
        send("failed", Failure(exc.strerror or str(exc), exc.filename))
    except Exception as exc:  # noqa: BLE001 - the window must survive any engine bug
        send("failed", Failure(f"unexpected error: {exc!r}", None, traceback.format_exc()))
    else:
        send_prepared(conn, prepared)
    finally:
        conn.close()


def _chunks(items: tuple, size: int) -> Iterator[tuple]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def send_prepared(conn, prepared: Prepared) -> None:
    comp = prepared.comparison
    dump = lambda obj: conn.send_bytes(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))  # noqa: E731
    dump(("result", len(comp.left.sentences), len(comp.right.sentences), len(comp.groups)))
    bare = lambda side: dataclasses.replace(side, sentences=())  # noqa: E731
    dump(dataclasses.replace(comp, left=bare(comp.left), right=bare(comp.right), groups=()))
    for side in (comp.left, comp.right):
        for chunk in _chunks(side.sentences, SENTENCES_PER_CHUNK):
            dump(chunk)
    for chunk in _chunks(comp.groups, GROUPS_PER_CHUNK):
        dump(chunk)
    # Where each sorted change sits: groups[g].changes[k]. Changes are compared by identity below.
    where = {id(change): (group, k) for group, g in enumerate(comp.groups) for k, change in enumerate(g.changes)}
    order = array("i")
    for entry in prepared.changes:
        order.extend(where[id(entry.change)])
    conn.send_bytes(order.tobytes())
    dump((prepared.group_kinds, prepared.counts))


def receive_prepared(recv_bytes: Callable[[], bytes], header: tuple) -> Iterator[Prepared | None]:
    """Rebuilds the answer a piece at a time: yields None after each piece (a point where the caller may
    check for cancellation), then the Prepared."""
    _, n_left, n_right, n_groups = header
    load = lambda: pickle.loads(recv_bytes())  # noqa: E731
    head: Comparison = load()
    sides: list[Side] = []
    for bare, count in ((head.left, n_left), (head.right, n_right)):
        sentences: list = []
        while len(sentences) < count:
            sentences.extend(load())
            yield None
        sides.append(dataclasses.replace(bare, sentences=tuple(sentences)))
    groups: list = []
    while len(groups) < n_groups:
        groups.extend(load())
        yield None
    order = array("i")
    order.frombytes(recv_bytes())
    group_kinds, counts = load()
    changes = []
    for i in range(0, len(order), 2):
        group = order[i]
        changes.append(ChangeEntry(group, groups[group].changes[order[i + 1]]))
        if i % 4096 == 0:
            yield None
    comparison = dataclasses.replace(head, left=sides[0], right=sides[1], groups=tuple(groups))
    yield Prepared(comparison, tuple(changes), group_kinds, counts)
