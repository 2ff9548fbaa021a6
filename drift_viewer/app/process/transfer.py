"""A comparison's answer sent as many small frames, and rebuilt from them. Qt-free.

Why pieces: unpickling is one C call that keeps the GIL; a book's answer (~300k objects) in one piece
would freeze the window for seconds. After the Header, the child sends the documents, then the
sentences and the groups SENTENCES_PER_CHUNK / GROUPS_PER_CHUNK at a time, so the receiving thread lets
the GUI thread in between two pieces. Groups cross as the engine's plain tuples (`engine.codec`, the one
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


def send_prepared(write: Callable[[bytes], None], prepared: Prepared) -> None:
    """The Header, then the answer's pieces, each through `write` as one frame."""
    comp = prepared.comparison

    def dump(obj: object) -> None:
        write(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))

    dump(Header(len(comp.left.sentences), len(comp.right.sentences), len(comp.groups)))
    bare = lambda side: dataclasses.replace(side, sentences=())  # noqa: E731
    dump(dataclasses.replace(comp, left=bare(comp.left), right=bare(comp.right), groups=()))
    for side in (comp.left, comp.right):
        for chunk in _chunks(side.sentences, SENTENCES_PER_CHUNK):
            dump(chunk)
    for chunk in _chunks(comp.groups, GROUPS_PER_CHUNK):
        dump([pack_group(group) for group in chunk])
    # Where each sorted change sits: groups[g].changes[k]. Changes are compared by identity below.
    where = {id(change): (group, k) for group, g in enumerate(comp.groups) for k, change in enumerate(g.changes)}
    order = array("i")
    for entry in prepared.changes:
        order.extend(where[id(entry.change)])
    write(order.tobytes())
    # Three versions' summary (B's side and the three-way facts) is one piece: a book's B is ~1/3 of the answer.
    dump((prepared.group_kinds, prepared.counts, prepared.middle, prepared.middle_name, prepared.three))


def receive_prepared(read: Callable[[], bytes], header: Header) -> Iterator[Prepared | None]:
    """Rebuilds the answer a piece at a time from the frames after `header`: yields None after each
    piece (a point where the caller may stop), then the Prepared."""
    load = lambda: pickle.loads(read())  # noqa: E731
    head: Comparison = load()
    sides: list[Side] = []
    for bare, count in ((head.left, header.n_left), (head.right, header.n_right)):
        sentences: list[Sentence] = []
        while len(sentences) < count:
            sentences.extend(load())
            yield None
        sides.append(dataclasses.replace(bare, sentences=tuple(sentences)))
    groups: list[Group] = []
    while len(groups) < header.n_groups:
        groups.extend(map(unpack_group, load()))
        yield None
    order = array("i")
    order.frombytes(read())
    group_kinds, counts, middle, middle_name, three = load()
    changes = []
    for i in range(0, len(order), 2):
        group = order[i]
        changes.append(ChangeEntry(group, groups[group].changes[order[i + 1]]))
        if i % 4096 == 0:
            yield None
    comparison = dataclasses.replace(head, left=sides[0], right=sides[1], groups=tuple(groups))
    yield Prepared(comparison, tuple(changes), group_kinds, counts, middle, middle_name, three)
