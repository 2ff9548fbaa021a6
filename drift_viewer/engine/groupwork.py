"""The per-group stage of a comparison: every aligned group's word diff and classification, on every
core for a book (parallel.map_in_chunks), with the sentence encoder's negation questions asked here.

A forked worker does not load the encoder (each would load its own, ~1 CPU-s); it holds the question
(classify/meaning.py), and this process classifies the groups holding a negation again, with the
encoder's verdict. The encoder loads in a thread of this process as soon as the first such group comes
back, while the workers go on with the rest of the book and this process would only wait for their
chunks; the held groups are classified again as they arrive once it is in. On the New Testament that
took the load (1 CPU-s) and 59 groups (0.9 CPU-s) off the end of the stage, where one core did them
alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import classify, codec, parallel
from .model import Group

if TYPE_CHECKING:
    from .align import Link

Build = Callable[["Link", Sequence["Link"]], Group]


# The share of the stage's progress the groups' first pass takes; the rest moves while the groups held
# for the encoder's verdict (a book's negations, ~15 ms each once the model is in) are classified again.
LOOP_SHARE = 0.95


def build_groups(
    build: Build,
    links: Sequence[Link],
    languages: tuple[str | None, str | None],
    check: Callable[[], None],
    tick: Callable[[float], None],
    built: Callable[[int, Sequence[Group | None]], None] | None = None,
) -> list[Group]:
    """build(link, links) for every link, in order; `tick` gets the share done, `built` each chunk of
    groups as it is done (start, groups), a group still waiting for the encoder's verdict as None."""
    groups: list[Group] = []
    total = max(len(links), 1)
    # Results cross from forked workers as codec tuples; in this process they need no packing.
    serial = parallel.workers_for(len(links)) == 1
    parent = os.getpid()

    def work(k: int) -> Group | tuple[tuple, bool]:
        if serial:
            return build(links[k], links)
        if os.getpid() != parent:
            classify.hold_meaning()  # in a forked worker: the encoder is asked here instead
        asked = classify.held_questions()
        return codec.pack_group(build(links[k], links)), classify.held_questions() != asked

    held: list[int] = []  # groups whose build held a question, to classify again with the encoder's verdict
    for done, chunk in parallel.map_in_chunks(work, len(links), check):
        start = len(groups)
        if serial:
            groups.extend(chunk)
        else:
            groups.extend(codec.unpack_group(packed) for packed, _ in chunk)
            held += [start + i for i, (_, asked) in enumerate(chunk) if asked]
            if held:
                classify.load_meaning_beside(languages)  # once, in a thread: the workers are forked
            if classify.meaning_loaded():
                _again(held, groups, build, links, check)
        if built is not None:
            waiting = set(held)  # their kinds are not known yet: None, for the caller not to show them
            built(start, [None if k in waiting else groups[k] for k in range(start, len(groups))])
        check()
        tick(LOOP_SHARE * done / total)
    # No thread left behind: this process forks again (the fact table). Not on a cancel, which must not
    # wait for the load: the thread then ends on its own, and a fork asked for before it has is refused
    # (parallel._can_fork), the work done here instead.
    classify.meaning_joined()
    left = len(held)
    _again(held, groups, build, links, check, lambda k: tick(LOOP_SHARE + (1 - LOOP_SHARE) * k / left))
    tick(1.0)
    return groups


def _again(
    held: list[int],
    groups: list[Group],
    build: Build,
    links: Sequence[Link],
    check,
    moved: Callable[[int], None] | None = None,
) -> None:
    for n, k in enumerate(held):
        check()
        groups[k] = build(links[k], links)  # with the encoder's verdict (classify/meaning.py)
        if moved is not None:
            moved(n + 1)
    held.clear()
