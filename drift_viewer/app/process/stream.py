"""A comparison's answer sent as it is made, so that the window shows the aligned rows seconds before the
word diff ends (links before groups). Qt-free.

Child side, `Stream`: the job's progress callable, and the pipeline's `aligned` and `built` hooks
(engine.pipeline.compare_documents). Once the sentences are aligned it sends Aligned, the two sides and
the links; then each chunk of groups as Built as the word diff makes them; at the end, the groups that
changed since they were sent or were never sent (a row whose kinds wait for the sentence encoder's
verdict is sent once it is in), then Finish, the comparison's head, the sorted changes and the summary (`transfer.send_tail`).

Window side, `Receiver`: rebuilds the same pieces. The final Prepared is equal to the one the whole
answer (`transfer.send_prepared`) would have carried: the same groups, the same sides.

Frames: protocol's Aligned, Built and Finish, which carry protocol.FORMAT.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ...engine.codec import pack_group, unpack_group
from ...engine.model import Comparison, Group, Options, Side
from ..prepared import Prepared
from . import transfer
from .protocol import FORMAT, Aligned, Built, Finish, Progress

if TYPE_CHECKING:
    from ...engine.align import Link

LINKS_PER_CHUNK = 2000  # a link is four small tuples: ~20 objects


class StreamError(Exception):
    """The frames do not make an answer this window can read (another FORMAT, or out of order)."""


# One row as the links give it before any word diff: (left sentences, right sentences, partner, confidence).
RowLink = tuple[tuple[int, ...], tuple[int, ...], int | None, float | None]


class Partial(NamedTuple):
    """The aligned rows of a comparison being made: enough to show every row's text, no highlights."""

    left: Side
    right: Side
    links: tuple[RowLink, ...]
    mode: str
    options: Options


class Stream:
    """The child's side: called as progress(stage, fraction), and `aligned` / `built` by the pipeline."""

    def __init__(self, write: Callable[[bytes], None]) -> None:
        self._write = write
        self.started = False  # Aligned is out: the answer ends with `finish`, not transfer.send_prepared
        self._sent: list[Group | None] = []  # the group sent for each row, to find those replaced since

    def _dump(self, obj: object) -> None:
        self._write(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))

    def __call__(self, stage: str, fraction: float) -> None:
        self._dump(Progress(stage, fraction))

    def aligned(self, left: Side, right: Side, links: Sequence[Link], mode: str) -> None:
        self.started = True
        self._sent = [None] * len(links)
        self._dump(Aligned(FORMAT, len(left.sentences), len(right.sentences), len(links), mode))
        self._dump((transfer.bare(left), transfer.bare(right)))
        transfer.send_sentences(self._write, left, right)
        for start in range(0, len(links), LINKS_PER_CHUNK):
            self._dump([(k.left, k.right, k.partner, k.confidence) for k in links[start : start + LINKS_PER_CHUNK]])

    def built(self, start: int, groups: Sequence[Group | None]) -> None:
        # A row whose kinds wait for the sentence encoder's verdict (None: engine/groupwork.py) is sent when
        # it is known, at the latest at the end: the window must never show a kind it will take back.
        rows = range(start, start + len(groups))
        self._send_rows([k for k in rows if groups[k - start] is not None], groups, start)

    def _send_rows(self, rows: Iterable[int], groups: Sequence[Group | None], offset: int) -> None:
        """Rows `rows` (ascending) of `groups` (which starts at row `offset`), consecutive ones in one frame."""
        run: list[int] = []

        def flush() -> None:
            if run:
                chosen = [groups[k - offset] for k in run]
                if any(group is None for group in chosen):
                    raise StreamError("a row waiting for the encoder's verdict was to be sent")
                self._dump(Built(run[0], [pack_group(group) for group in chosen if group is not None]))
                for k, group in zip(run, chosen, strict=True):
                    self._sent[k] = group
                run.clear()

        for k in rows:
            if run and (run[-1] != k - 1 or len(run) >= transfer.GROUPS_PER_CHUNK):
                flush()
            run.append(k)
        flush()

    def finish(self, prepared: Prepared) -> None:
        groups = prepared.comparison.groups
        if len(groups) != len(self._sent):  # never for the pipeline's answer; a job may prepare another
            raise StreamError(f"{len(groups)} groups answer {len(self._sent)} aligned rows")
        # Never sent (waiting for the encoder), or replaced since (classified again with its verdict).
        self._send_rows([k for k, group in enumerate(groups) if self._sent[k] is not group], groups, 0)
        self._dump(Finish(FORMAT, len(groups)))
        self._dump(transfer.head(prepared.comparison))
        transfer.send_tail(self._write, prepared)


class Receiver:
    """The window's side of one streamed answer, from its Aligned message on."""

    def __init__(self, read: Callable[[], bytes], aligned: Aligned, options: Options) -> None:
        if aligned.format != FORMAT:
            raise StreamError(
                f"the comparison process sends answers in format {aligned.format}, this window reads format {FORMAT}"
            )
        self._read, self.aligned, self.options = read, aligned, options
        self.groups: list[Group | None] = [None] * aligned.n_links
        self.left: Side | None = None
        self.right: Side | None = None

    def _load(self) -> object:
        return pickle.loads(self._read())

    def rows(self) -> Iterator[Partial | None]:
        """The sides and the links: yields None after each piece, then the Partial."""
        head = self.aligned
        bare: tuple[Side, Side] = self._load()  # type: ignore[assignment]
        left, right = bare
        sides: list[Side] = []
        for piece in transfer.receive_sides(self._read, left, right, (head.n_left, head.n_right)):
            if piece is None:
                yield None
            else:
                sides.append(piece)
        self.left, self.right = sides
        links: list[RowLink] = []
        while len(links) < head.n_links:
            links.extend(self._load())  # type: ignore[arg-type]
            yield None
        yield Partial(self.left, self.right, tuple(links), head.mode, self.options)

    def built(self, message: Built) -> tuple[int, list[Group]]:
        end = message.start + len(message.groups)
        if self.left is None or not 0 <= message.start <= end <= len(self.groups):
            raise StreamError(f"groups {message.start}..{end} do not fit the {len(self.groups)} aligned rows")
        groups = [unpack_group(t) for t in message.groups]
        self.groups[message.start : end] = groups
        return message.start, groups

    def finish(self, message: Finish) -> Iterator[Prepared | None]:
        """The end of the answer: yields None now and then, then the Prepared."""
        if message.format != FORMAT or message.n_groups != len(self.groups) or None in self.groups:
            missing = sum(g is None for g in self.groups)
            raise StreamError(f"the answer ended with {missing} of {len(self.groups)} rows never sent")
        assert self.left is not None and self.right is not None
        head: Comparison = self._load()  # type: ignore[assignment]
        groups: list[Group] = self.groups  # type: ignore[assignment]
        yield from transfer.receive_tail(self._read, head, self.left, self.right, groups)
