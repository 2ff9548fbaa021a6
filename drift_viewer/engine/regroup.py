"""A hand edit of the alignment: some groups replaced by groups a reviewer made, the rest kept as they are.

The new groups are built by the pipeline's own builder (`pipeline.GroupBuilder`: word diff, kinds, moved
pairs, gapped groups), so an edited row reads exactly as a computed one; only they are diffed. They are
placed in reading order: a group whose sentences fit between the kept groups on both sides goes there, and
one that cannot (its left sentences belong before a kept group its right sentences follow) becomes a moved
pair, a one-sided piece at its place on each side, as the aligner shows a moved sentence.

The first edit of a comparison reads the documents' name evidence (0.4 s of CPU on the New Testament)
unless the pipeline that made it ran in this process; `prepare(comparison)` does it ahead, off the GUI
thread if need be. The edits after it take about 6 ms of CPU on the New Testament.

Manual groups carry `manual=True` and, when two-sided, confidence 1.0: the reviewer vouches for the link,
so it is never listed among the weak links a review starts from.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from .align.links import Link
from .model import Comparison, Group
from .pipeline import GroupBuilder, builder_for, weighed

Spec = tuple[tuple[int, ...], tuple[int, ...]]  # (left sentence indices, right sentence indices)

MANUAL_CONFIDENCE = 1.0


class RegroupError(ValueError):
    """The edit does not describe a regrouping of the removed groups' sentences (a programming error of
    the caller: review/edits.py turns every user mistake into an EditError first)."""


def prepare(comparison: Comparison) -> None:
    """Read what the comparison's edits will need (its group builder) now rather than at the first edit."""
    builder_for(comparison)


def regroup(comparison: Comparison, remove: Sequence[int], new: Sequence[Spec]) -> Comparison:
    """The comparison with the groups at `remove` replaced by groups of the sentences in `new`.

    The new groups must hold exactly the removed groups' sentences (each group its own side's: a moved
    piece holds one sentence), and a removed moved piece needs its partner removed too."""
    groups = comparison.groups
    removed = set(remove)
    specs = [(tuple(sorted(left)), tuple(sorted(right))) for left, right in new if left or right]
    _check(comparison, removed, specs)
    build = builder_for(comparison)
    kept = [k for k in range(len(groups)) if k not in removed]
    bounds = _Bounds(groups, kept, sorted(removed))
    gaps: dict[int, list[_New]] = {}  # kept place -> the new items that go just before it, in order
    before = [groups[k] for k in sorted(removed)]
    # Links first, then each side's one-sided sentences at the end of their gaps: a row's deleted
    # sentences show before its inserted ones, as a word diff shows them.
    for spec in sorted(specs, key=_placing_key):
        bounds.place(gaps, _New(spec, build, _score(spec, before)))
    return _finish(comparison, kept, sorted(removed), gaps)


class _New:
    """A new group before its index is known; a moved pair is two of them, each naming the other."""

    def __init__(
        self, spec: Spec, build: GroupBuilder, score: float, piece: str = "", other: _New | None = None
    ) -> None:
        self.left, self.right = spec
        self.build, self.score, self.piece, self.other = build, score, piece, other
        self.built: Group | None = None  # a moved pair's group, diffed once for both pieces

    def split(self) -> tuple[_New, _New]:
        """The two pieces of a moved pair, for a link that cannot sit in reading order."""
        left_piece = _New((self.left, ()), self.build, self.score, "left")
        right_piece = _New(((), self.right), self.build, self.score, "right", left_piece)
        left_piece.other = right_piece
        return left_piece, right_piece

    def group(self, index: dict[int, int]) -> Group:
        if self.piece:
            pair = self if self.piece == "left" else self.other
            assert pair is not None and pair.other is not None
            if pair.built is None:
                links = [Link(pair.left, (), self.score, 1), Link((), pair.other.right, self.score, 0)]
                pair.built = self.build(links[0], links)
            built = pair.built
            own = (self.left, ()) if self.piece == "left" else ((), self.right)
            return replace(
                built,
                left=own[0],
                right=own[1],
                partner=index[id(self.other)],
                confidence=MANUAL_CONFIDENCE,
                manual=True,
            )
        built = self.build(Link(self.left, self.right, self.score), ())
        confidence = MANUAL_CONFIDENCE if self.left and self.right else None
        return replace(built, confidence=confidence, manual=True)


def _score(spec: Spec, removed: list[Group]) -> float:
    """The link score a cross-lingual pair's similarity is (an embedding margin, which the encoder, a
    model seconds to load, is not run again for): the aligner's for a group of the same sentences, else
    the mean of those of the aligner's pairs it takes sentences from, else 0. Same-language groups
    compute theirs from their texts and ignore it."""
    left, right = set(spec[0]), set(spec[1])
    for g in removed:
        if set(g.left) == left and set(g.right) == right:
            return g.similarity
    shared = [g.similarity for g in removed if g.left and g.right and (left & set(g.left) or right & set(g.right))]
    return sum(shared) / len(shared) if shared else 0.0


def _placing_key(spec: Spec) -> tuple[int, int]:
    left, right = spec
    if left and right:
        return (0, left[0])
    return (1, left[0]) if left else (2, right[0])


def _check(comparison: Comparison, removed: set[int], specs: list[Spec]) -> None:
    groups = comparison.groups
    if any(not 0 <= k < len(groups) for k in removed):
        raise RegroupError("a removed group index is out of range")
    for k in removed:
        partner = groups[k].partner
        if partner is not None and partner not in removed:
            raise RegroupError(f"group {k} is a moved piece whose partner {partner} is kept")
    for side, (sentences, n) in enumerate(
        ((lambda g: g.left, len(comparison.left.sentences)), (lambda g: g.right, len(comparison.right.sentences)))
    ):
        old = sorted(i for k in removed for i in sentences(groups[k]))
        made = sorted(i for spec in specs for i in spec[side])
        if old != made:
            name = "left" if side == 0 else "right"
            raise RegroupError(f"the new groups' {name} sentences {made} are not the removed groups' {old}")
        if made and not 0 <= made[0] <= made[-1] < n:
            raise RegroupError("a sentence index is out of range")


class _Bounds:
    """Where a new item can go among the kept groups, found by bisection (a book has 7,000 groups and
    an edit must take well under 100 ms): each side's groups start in reading order."""

    def __init__(self, groups: Sequence[Group], kept: list[int], removed: list[int]) -> None:
        self.groups, self.size, self.removed = groups, len(kept), removed
        self.skip = set(removed)

    def _holds(self, k: int, side: str) -> bool:
        return k not in self.skip and bool(getattr(self.groups[k], side))

    def slots(self, side: str, first: int) -> tuple[int, int]:
        """The gaps (a gap: just before the kept group at that place) after every kept group that starts
        before `first` on `side` and before every one that starts after it."""
        groups = self.groups
        low, high = 0, len(groups)
        while low < high:  # the first kept group on `side` that starts after `first`
            mid = probe = (low + high) // 2
            while probe < high and not self._holds(probe, side):
                probe += 1
            if probe == high:
                high = mid
            elif getattr(groups[probe], side)[0] < first:
                low = probe + 1
            else:
                high = mid
        after = low
        while after < len(groups) and not self._holds(after, side):
            after += 1
        before = low - 1
        while before >= 0 and not self._holds(before, side):
            before -= 1
        return (self._place_of(before) + 1 if before >= 0 else 0), (
            self._place_of(after) if after < len(groups) else self.size
        )

    def _place_of(self, old: int) -> int:
        return old - bisect.bisect_left(self.removed, old)

    def bounds(self, gaps: dict[int, list[_New]], side: str, first: int) -> tuple[Place, Place]:
        """The first and last places (gap, index among the gap's new items) where an item starting at
        `first` on `side` can go: after every item, kept or new, that starts before it there, before
        every one that starts after it."""
        low_gap, high_gap = self.slots(side, first)
        low: Place = (low_gap, 0)
        high: Place = (high_gap, len(gaps.get(high_gap, ())))
        for gap, items in gaps.items():
            for i, item in enumerate(items):
                indices = getattr(item, side)
                if indices and indices[0] < first:
                    low = max(low, (gap, i + 1))
                elif indices and indices[0] > first:
                    high = min(high, (gap, i))
        return low, high

    def place(self, gaps: dict[int, list[_New]], item: _New) -> None:
        """Put a new item at the last place it can go; a link that fits nowhere on both sides at once
        becomes a moved pair."""
        if item.left and item.right:
            left_low, left_high = self.bounds(gaps, "left", item.left[0])
            right_low, right_high = self.bounds(gaps, "right", item.right[0])
            if max(left_low, right_low) <= min(left_high, right_high):
                _insert(gaps, min(left_high, right_high), item)
                return
            left_piece, right_piece = item.split()
            _insert(gaps, left_high, left_piece)
            _insert(gaps, self.bounds(gaps, "right", item.right[0])[1], right_piece)
            return
        side = "left" if item.left else "right"
        _insert(gaps, self.bounds(gaps, side, getattr(item, side)[0])[1], item)


Place = tuple[int, int]  # (gap: before the kept group at that place, index among the gap's new items)


def _insert(gaps: dict[int, list[_New]], place: Place, item: _New) -> None:
    gap, i = place
    gaps.setdefault(gap, []).insert(i, item)


def _finish(comparison: Comparison, kept: list[int], removed: list[int], gaps: dict[int, list[_New]]) -> Comparison:
    groups = comparison.groups
    order: list[Group | _New] = []
    start = 0
    for gap in sorted(gaps):
        order.extend([groups[k] for k in kept[start:gap]])
        order.extend(gaps[gap])
        start = gap
    order.extend([groups[k] for k in kept[start:]])
    new_place = {id(item): k for k, item in enumerate(order) if type(item) is _New}
    sizes = [(gap, len(items)) for gap, items in sorted(gaps.items())]

    def moved_to(old: int) -> int:
        place = old - bisect.bisect_left(removed, old)  # among the kept groups
        return place + sum(n for gap, n in sizes if gap <= place)

    out: list[Group] = []
    for item in order:
        if isinstance(item, _New):
            out.append(item.group(new_place))
        elif item.partner is not None and (partner := moved_to(item.partner)) != item.partner:
            out.append(replace(item, partner=partner))
        else:
            out.append(item)
    left, right = comparison.left, comparison.right
    weight, total = _sums(comparison)
    gone = weighed(groups, left, right, removed)
    made = weighed(out, left, right, sorted(new_place.values()))
    weight, total = weight - gone[0] + made[0], total - gone[1] + made[1]
    edited = replace(comparison, groups=tuple(out), similarity=total / weight if weight else 1.0)
    _kept_sums.append((edited, weight, total))
    del _kept_sums[:-32]
    return edited


# The overall similarity's two sums of the last comparisons edited or made by an edit (an undo goes
# back to one): summing them anew is 16 ms of CPU on a book, the rest of an edit about 3 ms.
_kept_sums: list[tuple[Comparison, float, float]] = []


def _sums(comparison: Comparison) -> tuple[float, float]:
    for kept, weight, total in reversed(_kept_sums):
        if kept is comparison:
            return weight, total
    groups = comparison.groups
    weight, total = weighed(groups, comparison.left, comparison.right, range(len(groups)))
    _kept_sums.append((comparison, weight, total))
    return weight, total
