"""The pipe between the window and its comparison process: frames, the request, the messages. Qt-free.

A frame is a 4-byte little-endian length, then that many bytes. A request is two frames on the
child's stdin, each a pickle: the parent's sys.path, then Request(job, left, right, options). The child
answers on its stdout, one pickle a frame:

    Progress(stage, fraction)      any number of them while the job runs
    Failure(message, path, details, side)   the end of a request that has no answer
    Header(n_left, n_right, n_groups) the start of the answer, whose pieces follow (see `transfer`)

or, for a comparison that shows as it comes (see `stream`; links before groups):

    Aligned(format, n_left, n_right, n_links, mode)   the sides and the links follow, before any word diff
    Built(start, groups)           groups start.. (engine.codec tuples); a later Built for a place replaces it
    Finish(format, n_groups)       the end: the comparison's head, the sorted changes and the summary follow

A window and a child that speak another FORMAT refuse each other's answer with a clear Failure.

There is no cancel message: the parent cancels by killing the child (see `runner`).
"""

from __future__ import annotations

import pickle
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, NamedTuple

from ...engine.model import Options
from ..prepared import Prepared

_LENGTH = struct.Struct("<I")

# (left path, right path, options, progress(stage, fraction)) -> Prepared. A module-level function, so that
# pickle sends it by name: `job.compare_job`, or a test's stand-in.
Job = Callable[[str, str, Options, Callable[[str, float], None]], Prepared]


class Request(NamedTuple):
    job: Job
    left: str
    right: str
    options: Options


class Progress(NamedTuple):
    stage: str
    fraction: float


FORMAT = 2  # of the streamed answer (Aligned .. Finish); 1 was the whole answer alone (Header)


class Aligned(NamedTuple):
    format: int
    n_left: int  # sentences on the left
    n_right: int
    n_links: int  # the rows: one group per link, in this order
    mode: str  # the comparison's mode (translation.CROSS_LINGUAL or not)


class Built(NamedTuple):
    start: int
    groups: list[tuple]  # engine.codec.pack_group tuples for groups start, start + 1, ...


class Finish(NamedTuple):
    format: int
    n_groups: int


class Header(NamedTuple):
    n_left: int  # sentences on the left
    n_right: int
    n_groups: int


@dataclass(frozen=True)
class Failure:
    message: str  # what went wrong, one line
    path: str | None = None  # the file at fault, when there is one
    details: str = ""  # a traceback, for unexpected errors only
    side: int | None = None  # 0 left, 1 right: the side whose file cannot be read, when it is one side


def write_frame(stream: IO[bytes], data: bytes) -> None:
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()  # progress must arrive while the job runs, not when it ends


def read_frame(stream: IO[bytes]) -> bytes:
    """One frame; EOFError when the other end has gone (finished, crashed or killed)."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def send(stream: IO[bytes], message: object) -> None:
    write_frame(stream, pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def receive(stream: IO[bytes]) -> object:
    return pickle.loads(read_frame(stream))


def encode_request(request: Request) -> bytes:
    frames = (pickle.dumps(list(sys.path)), pickle.dumps(request, pickle.HIGHEST_PROTOCOL))
    return b"".join(_LENGTH.pack(len(frame)) + frame for frame in frames)


def read_request(stream: IO[bytes]) -> Request | None:
    """The next request, or None once the parent has closed the pipe. Takes over the parent's sys.path
    before unpickling the job, which may live in a module only that path reaches (a test's fake job)."""
    try:
        sys.path[:] = pickle.loads(read_frame(stream))
        request = pickle.loads(read_frame(stream))
    except EOFError:
        return None
    assert isinstance(request, Request)
    return request
