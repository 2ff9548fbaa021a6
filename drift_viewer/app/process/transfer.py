"""A comparison's answer sent as many small frames, and rebuilt from them. Qt-free.

Why pieces: unpickling is one C call that keeps the GIL; a book's answer (~300k objects) in one piece
would freeze the window for seconds. After the Header, the child sends the documents, then the
sentences and the groups SENTENCES_PER_CHUNK / GROUPS_PER_CHUNK at a time, so the receiving thread lets
the GUI thread in between two pieces. `stream` sends the same pieces as they are made (these helpers). Groups cross as the engine's plain tuples (`engine.codec`, the one
codec for results between processes). The changes list goes as (group, change) index pairs, not
objects, so that it shares the received Change objects instead of copying them.
"""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ...engine.codec import pack_group, unpack_group
from ...engine.model import Comparison, Group, Sentence, Side
from ..prepared import ChangeEntry, Prepared
from .protocol import Header

SENTENCES_PER_CHUNK = 400
GROUPS_PER_CHUNK = 40  # a group carries its word diff and changes: ~40 objects


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dumper(write: Callable[[bytes], None]) -> Callable[[object], None]:
    return lambda obj: write(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))


def head(comp: Comparison) -> Comparison:
    """The comparison without its sentences and groups, which cross in pieces."""
    return dataclasses.replace(comp, left=bare(comp.left), right=bare(comp.right), groups=())


def bare(side: Side) -> Side:
    return dataclasses.replace(side, sentences=())


def send_sentences(write: Callable[[bytes], None], left: Side, right: Side) -> None:
    dump = _dumper(write)
    for side in (left, right):
        for chunk in _chunks(side.sentences, SENTENCES_PER_CHUNK):
            dump(chunk)


def send_tail(write: Callable[[bytes], None], prepared: Prepared) -> None:
    """What follows the groups: where each sorted change sits, and the summary."""
    comp = prepared.comparison
    # Where each sorted change sits: groups[g].changes[k]. Changes are compared by identity below.
    where = {id(change): (group, k) for group, g in enumerate(comp.groups) for k, change in enumerate(g.changes)}
    order = array("i")
    for entry in prepared.changes:
        order.extend(where[id(entry.change)])
    write(order.tobytes())
    # Three versions' summary (B's side and the three-way facts) is one piece: a book's B is ~1/3 of the answer.
    _dumper(write)((prepared.group_kinds, prepared.counts, prepared.middle, prepared.middle_name, prepared.three))


def send_prepared(write: Callable[[bytes], None], prepared: Prepared) -> None:
    """The Header, then the answer's pieces, each through `write` as one frame."""
    comp = prepared.comparison
    dump = _dumper(write)
    dump(Header(len(comp.left.sentences), len(comp.right.sentences), len(comp.groups)))
    dump(head(comp))
    send_sentences(write, comp.left, comp.right)
    for chunk in _chunks(comp.groups, GROUPS_PER_CHUNK):
        dump([pack_group(group) for group in chunk])
    send_tail(write, prepared)


def receive_sides(read: Callable[[], bytes], left: Side, right: Side, counts: tuple[int, int]) -> Iterator[Side | None]:
    """The two sides' sentences after their bare sides: yields None after each piece, then the left
    side and the right side, whole."""
    whole = []
    for side, count in zip((left, right), counts, strict=True):
        sentences: list[Sentence] = []
        while len(sentences) < count:
            sentences.extend(pickle.loads(read()))
            yield None
        whole.append(dataclasses.replace(side, sentences=tuple(sentences)))
    yield from whole


def receive_tail(
    read: Callable[[], bytes], head_: Comparison, left: Side, right: Side, groups: Sequence[Group]
) -> Iterator[Prepared | None]:
    """The sorted changes and the summary, after the groups: yields None now and then, then the Prepared."""
    order = array("i")
    order.frombytes(read())
    group_kinds, counts, middle, middle_name, three = pickle.loads(read())
    changes = []
    for i in range(0, len(order), 2):
        group = order[i]
        changes.append(ChangeEntry(group, groups[group].changes[order[i + 1]]))
        if i % 4096 == 0:
            yield None
    comparison = dataclasses.replace(head_, left=left, right=right, groups=tuple(groups))
    yield Prepared(comparison, tuple(changes), group_kinds, counts, middle, middle_name, three)


def receive_prepared(read: Callable[[], bytes], header: Header) -> Iterator[Prepared | None]:
    """Rebuilds the answer a piece at a time from the frames after `header`: yields None after each
    piece (a point where the caller may stop), then the Prepared."""
    head_: Comparison = pickle.loads(read())
    sides: list[Side] = []
    for piece in receive_sides(read, head_.left, head_.right, (header.n_left, header.n_right)):
        if piece is None:
            yield None
        else:
            sides.append(piece)
    groups: list[Group] = []
    while len(groups) < header.n_groups:
        groups.extend(map(unpack_group, pickle.loads(read())))
        yield None
    yield from receive_tail(read, head_, sides[0], sides[1], groups)
