"""A comparison's answer sent as many small pickles, and rebuilt from them. Qt-free.

Why pieces: unpickling is one C call that keeps the GIL; a book's answer (~300k objects) in one piece
would freeze the window for seconds. The child sends the documents, then the sentences and the groups
SENTENCES_PER_CHUNK / GROUPS_PER_CHUNK at a time, so the receiving thread lets the GUI thread in between
two pieces. The changes list goes as (group, change) index pairs, not objects, so that it shares the
received Change objects instead of copying them.
"""

from __future__ import annotations

import dataclasses
import pickle
from array import array
from collections.abc import Callable, Iterator

from ..engine.model import Comparison, Side
from .prepare import ChangeEntry, Prepared

SENTENCES_PER_CHUNK = 400
GROUPS_PER_CHUNK = 40  # a group carries its word diff and changes: ~40 objects


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
