"""Review marks: a row, or one change in it, marked checked, accepted or disputed, with a note.

A mark is keyed by the texts it was made on, not by row numbers: the row's own sentences (a
`RowKey`), and for a change its two wordings too (a `ChangeKey`). So a mark stays on its row when an
edit elsewhere renumbers the rows, when the comparison is run again with other options, and when a
file changed elsewhere; it is orphaned (listed, never dropped) when its row's sentences are no longer
grouped so, or its change is no longer there. Rows with the very same texts ("Amen." against "Amen.")
are told apart by where their first sentences are: the nearest one gets the mark.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..engine.model import Comparison


class MarkStatus(enum.StrEnum):
    CHECKED = "checked"  # looked at, nothing said about it
    ACCEPTED = "accepted"  # the change is right / allowed
    DISPUTED = "disputed"  # the change is wrong, or needs an answer


@dataclass(frozen=True)
class Mark:
    status: MarkStatus
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", MarkStatus(self.status))  # "checked" reads as CHECKED


@dataclass(frozen=True)
class RowKey:
    left: tuple[str, ...]  # the row's own sentence texts, per side
    right: tuple[str, ...]
    # Only to tell rows with equal texts apart: the first sentence's index per side (-1 for none), and
    # the text of the sentence before it ("" for none), which still holds once the file changed above.
    at: tuple[int, int]
    before: tuple[str, str] = ("", "")

    @classmethod
    def of(cls, c: Comparison, row: int) -> RowKey:
        g = c.groups[row]
        left, right = c.left.sentences, c.right.sentences
        return cls(
            tuple(left[i].text for i in g.left),
            tuple(right[j].text for j in g.right),
            (g.left[0] if g.left else -1, g.right[0] if g.right else -1),
            (
                left[g.left[0] - 1].text if g.left and g.left[0] else "",
                right[g.right[0] - 1].text if g.right and g.right[0] else "",
            ),
        )

    @property
    def texts(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.left, self.right

    def to_json(self) -> dict[str, Any]:
        return {"left": list(self.left), "right": list(self.right), "at": list(self.at), "before": list(self.before)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowKey:
        at, before = data.get("at", [-1, -1]), data.get("before", ["", ""])
        return cls(
            tuple(map(str, data["left"])),
            tuple(map(str, data["right"])),
            (int(at[0]), int(at[1])),
            (str(before[0]), str(before[1])),
        )


@dataclass(frozen=True)
class ChangeKey:
    row: RowKey
    left_text: str  # the change's wordings: its kind may differ under other options, its words do not
    right_text: str
    nth: int = 0  # which of the row's changes with these wordings (0 nearly always)

    @classmethod
    def of(cls, c: Comparison, row: int, change_index: int) -> ChangeKey:
        changes = c.groups[row].changes
        change = changes[change_index]
        nth = sum(
            1
            for other in changes[:change_index]
            if (other.left_text, other.right_text) == (change.left_text, change.right_text)
        )
        return cls(RowKey.of(c, row), change.left_text, change.right_text, nth)

    def to_json(self) -> dict[str, Any]:
        return {**self.row.to_json(), "change": [self.left_text, self.right_text, self.nth]}


Key = RowKey | ChangeKey


def key_from_json(data: dict[str, Any]) -> Key:
    row = RowKey.from_json(data)
    if "change" in data:
        left_text, right_text, nth = data["change"]
        return ChangeKey(row, str(left_text), str(right_text), int(nth))
    return row


class RowMarks(NamedTuple):
    """The marks found on one row: its own, and its changes' by change index."""

    row: Mark | None
    changes: dict[int, Mark]


class Marks(Mapping[Key, Mark]):
    """An immutable mapping of keys to marks; every change returns a new Marks."""

    def __init__(self, items: Mapping[Key, Mark] | None = None) -> None:
        self._items: dict[Key, Mark] = dict(items or {})
        self._last: tuple[Comparison, dict[int, RowMarks]] | None = None

    def __getitem__(self, key: Key) -> Mark:
        return self._items[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Marks) and self._items == other._items

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Marks({self._items!r})"

    def with_mark(self, key: Key, mark: Mark) -> Marks:
        return Marks({**self._items, key: mark})

    def without(self, key: Key) -> Marks:
        return Marks({k: m for k, m in self._items.items() if k != key})

    def for_row(self, c: Comparison, row: int) -> Mark | None:
        found = self._attached(c).get(row)
        return None if found is None else found.row

    def for_change(self, c: Comparison, row: int, i: int) -> Mark | None:
        found = self._attached(c).get(row)
        return None if found is None else found.changes.get(i)

    def _attached(self, c: Comparison) -> dict[int, RowMarks]:
        """attach(c)'s rows, kept for the last comparison asked about: the window asks for every row it
        paints, and both are immutable."""
        if self._last is None or self._last[0] is not c:
            self._last = (c, self.attach(c)[0])
        return self._last[1]

    def attach(self, c: Comparison) -> tuple[dict[int, RowMarks], list[tuple[Key, Mark]]]:
        """Every mark on its row of `c` (row -> its marks), and the marks with no row (or change) there,
        in the order they were made. Each stored row key goes to at most one row: the nearest of the rows
        with its texts."""
        if not self._items:
            return {}, []
        rows_with: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
        keys = {k.row if isinstance(k, ChangeKey) else k for k in self._items}
        wanted = {k.texts for k in keys}
        for row in range(len(c.groups)):
            row_key = RowKey.of(c, row)
            if row_key.texts in wanted:
                rows_with.setdefault(row_key.texts, []).append(row)
        place: dict[RowKey, int] = {}
        pairs = sorted((_distance(k, RowKey.of(c, row)), row, k) for k in keys for row in rows_with.get(k.texts, []))
        used: set[int] = set()
        for _, row, k in pairs:
            if k not in place and row not in used:
                place[k] = row
                used.add(row)
        attached: dict[int, RowMarks] = {}
        orphaned: list[tuple[Key, Mark]] = []
        for key, mark in self._items.items():
            on = place.get(key.row if isinstance(key, ChangeKey) else key)
            if on is None:
                orphaned.append((key, mark))
                continue
            found = attached.setdefault(on, RowMarks(None, {}))
            if isinstance(key, RowKey):
                attached[on] = found._replace(row=mark)
                continue
            index = _change_index(c, on, key)
            if index is None:
                orphaned.append((key, mark))
            else:
                found.changes[index] = mark
        return {row: marks for row, marks in attached.items() if marks.row or marks.changes}, orphaned

    def to_json(self) -> list[dict[str, Any]]:
        return [{**key.to_json(), "status": m.status.value, "note": m.note} for key, m in self._items.items()]

    @classmethod
    def from_json(cls, data: list[dict[str, Any]]) -> Marks:
        return cls({key_from_json(item): Mark(MarkStatus(item["status"]), str(item.get("note", ""))) for item in data})


def _distance(a: RowKey, b: RowKey) -> tuple[int, int]:
    """How unlike two rows of equal texts are: sentences before them that differ, then how far apart."""
    differ = sum(x != y for x, y in zip(a.before, b.before, strict=True))
    return differ, sum(abs(x - y) for x, y in zip(a.at, b.at, strict=True) if x >= 0 and y >= 0)


def _change_index(c: Comparison, row: int, key: ChangeKey) -> int | None:
    seen = 0
    for i, change in enumerate(c.groups[row].changes):
        if (change.left_text, change.right_text) == (key.left_text, key.right_text):
            if seen == key.nth:
                return i
            seen += 1
    return None


def marks_json(marks: Marks, c: Comparison) -> list[dict[str, Any]]:
    """The marks as the comparison JSON carries them: each on its group (0-based, as the JSON counts)
    and change index, or, orphaned, with "group": null and the texts it was made on."""
    attached, orphaned = marks.attach(c)
    out: list[dict[str, Any]] = []
    for row in sorted(attached):
        found = attached[row]
        if found.row is not None:
            out.append({"group": row, "change": None, "status": found.row.status.value, "note": found.row.note})
        for i in sorted(found.changes):
            m = found.changes[i]
            out.append({"group": row, "change": i, "status": m.status.value, "note": m.note})
    for key, m in orphaned:
        row_key = key.row if isinstance(key, ChangeKey) else key
        out.append(
            {
                "group": None,
                "change": None,
                "status": m.status.value,
                "note": m.note,
                "left": list(row_key.left),
                "right": list(row_key.right),
            }
        )
    return out


def describe(mark: Mark) -> str:
    """One line for a tooltip or a report cell: "Disputed: the source says 45"."""
    label = mark.status.value.capitalize()
    return f"{label}: {mark.note}" if mark.note else label
