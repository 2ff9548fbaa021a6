"""The reviewer's edits of an alignment, as pure functions on an immutable Comparison.

Rows are group indices, 0-based as in the model (`model.row_number` gives the number people see). Each
function returns the edited comparison and the `Edit` that records it. An Edit holds what the edit left
behind, the groups it made, with each sentence's index and text, so it can be applied again to a
comparison of the same files (a project reopened) or of files that changed since: there each sentence is
found again by its text, and an edit one of whose sentences is gone no longer applies.

A row's own sentences are its group's: a moved sentence's row holds its one sentence. Editing one piece
of a moved pair leaves the other piece's sentence on its own, one-sided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..engine.model import Comparison, Side, row_number
from ..engine.regroup import Spec, regroup

LINK_ROWS = "link-rows"
UNLINK_ROW = "unlink-row"
MOVE_SENTENCE = "move-sentence"
LINK_SENTENCES = "link-sentences"
OPS = (LINK_ROWS, UNLINK_ROW, MOVE_SENTENCE, LINK_SENTENCES)


class EditError(ValueError):
    """An edit that makes no sense here; the message is for the user, one sentence."""


@dataclass(frozen=True)
class EditGroup:
    """One group an edit made: its sentence indices and, in the same order, their texts."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    left_texts: tuple[str, ...]
    right_texts: tuple[str, ...]
    # The text of the sentence before the group's first one, per side ("" for none): which of several
    # equal sentences ("Amen.") it was, once the file changed above it.
    before: tuple[str, str] = ("", "")

    def to_json(self) -> dict[str, Any]:
        return {
            "left": [[i, t] for i, t in zip(self.left, self.left_texts, strict=True)],
            "right": [[i, t] for i, t in zip(self.right, self.right_texts, strict=True)],
            "before": list(self.before),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EditGroup:
        left = [(int(i), str(t)) for i, t in data["left"]]
        right = [(int(i), str(t)) for i, t in data["right"]]
        before = data.get("before", ["", ""])
        return cls(
            tuple(i for i, _ in left),
            tuple(i for i, _ in right),
            tuple(t for _, t in left),
            tuple(t for _, t in right),
            (str(before[0]), str(before[1])),
        )


@dataclass(frozen=True)
class Edit:
    op: str  # one of OPS: what the reviewer did, for the undo menu and the project file
    groups: tuple[EditGroup, ...]  # the groups it left, in reading order

    def describe(self) -> str:
        return {
            LINK_ROWS: "Link rows",
            UNLINK_ROW: "Unlink row",
            MOVE_SENTENCE: "Move sentence",
            LINK_SENTENCES: "Link sentences",
        }.get(self.op, self.op)

    def to_json(self) -> dict[str, Any]:
        return {"op": self.op, "groups": [g.to_json() for g in self.groups]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Edit:
        op = data["op"]
        if op not in OPS:
            raise ValueError(f"unknown edit {op!r}")
        return cls(op, tuple(EditGroup.from_json(g) for g in data["groups"]))


def link_rows(c: Comparison, first: int, last: int) -> tuple[Comparison, Edit]:
    """Rows first..last, neighbours, become one group of all their sentences."""
    _row(c, first)
    _row(c, last)
    if last <= first:
        raise EditError("Choose at least two neighbouring rows to link.")
    rows = range(first, last + 1)
    left = tuple(i for k in rows for i in c.groups[k].left)
    right = tuple(i for k in rows for i in c.groups[k].right)
    return _apply(c, LINK_ROWS, rows, [(left, right)])


def unlink_row(c: Comparison, row: int) -> tuple[Comparison, Edit]:
    """The row's group becomes one-sided sentences, one row each (a moved pair: both its pieces)."""
    g = c.groups[_row(c, row)]
    rows = [row] if g.partner is None else [row, g.partner]
    left = [i for k in rows for i in c.groups[k].left]
    right = [i for k in rows for i in c.groups[k].right]
    if len(left) + len(right) < 2:
        raise EditError(f"Row {row_number(row)} is not linked to anything.")
    return _apply(c, UNLINK_ROW, rows, [((i,), ()) for i in left] + [((), (j,)) for j in right])


def move_sentence(c: Comparison, row: int, side: str, toward: int) -> tuple[Comparison, Edit]:
    """The row's first (toward -1) or last (toward +1) sentence on `side` joins the neighbouring row."""
    g = c.groups[_row(c, row)]
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right', not {side!r}")
    if toward not in (-1, 1):
        raise ValueError(f"toward must be -1 or +1, not {toward!r}")
    own = g.left if side == "left" else g.right
    if not own:
        raise EditError(f"Row {row_number(row)} has no {side} sentence to move.")
    target = row + toward
    if not 0 <= target < len(c.groups):
        where = "above" if toward < 0 else "below"
        raise EditError(f"Row {row_number(row)} has no row {where} it to move a sentence into.")
    sentence = own[0] if toward < 0 else own[-1]
    source, into = c.groups[row], c.groups[target]

    def without(indices: tuple[int, ...], s: str) -> tuple[int, ...]:
        return tuple(i for i in indices if not (s == side and i == sentence))

    def plus(indices: tuple[int, ...], s: str) -> tuple[int, ...]:
        return tuple(sorted(indices + (sentence,))) if s == side else indices

    specs = [
        (without(source.left, "left"), without(source.right, "right")),
        (plus(into.left, "left"), plus(into.right, "right")),
    ]
    return _apply(c, MOVE_SENTENCE, [row, target], specs)


def link_sentences(c: Comparison, left_sentence: int, right_sentence: int) -> tuple[Comparison, Edit]:
    """The two sentences become a group of their own, wherever they are (a moved pair when their places
    are out of order); what their rows held besides stays, without them."""
    if not 0 <= left_sentence < len(c.left.sentences) or not 0 <= right_sentence < len(c.right.sentences):
        raise EditError("There is no such sentence to link.")
    a, b = _home(c, "left", left_sentence), _home(c, "right", right_sentence)
    if a == b and c.groups[a].left == (left_sentence,) and c.groups[a].right == (right_sentence,):
        raise EditError("These two sentences are already linked.")
    if c.groups[a].partner == b and c.groups[b].partner == a:
        raise EditError("These two sentences are already linked, as a moved sentence.")
    rows = sorted({a, b})
    specs: list[Spec] = [((left_sentence,), (right_sentence,))]
    for k in rows:
        g = c.groups[k]
        specs.append((tuple(i for i in g.left if i != left_sentence), tuple(j for j in g.right if j != right_sentence)))
    return _apply(c, LINK_SENTENCES, rows, specs)


def apply_edit(c: Comparison, edit: Edit) -> Comparison | None:
    """The edit made again on `c`, its sentences found by their texts; None when one of them is gone.

    Where `c` groups the sentences otherwise than when the edit was made (the files changed, so the
    aligner did too), the groups holding them are replaced, and their other sentences left one-sided."""
    done = reapply(c, edit)
    return None if done is None else done[0]


def reapply(c: Comparison, edit: Edit) -> tuple[Comparison, Edit] | None:
    """apply_edit, with the edit as recorded on `c` (its sentences' indices there): what a project
    saved again holds."""
    found = _locate(c, edit)
    if found is None:
        return None
    specs = list(found)
    rows = {_home(c, "left", i) for left, _ in specs for i in left}
    rows |= {_home(c, "right", j) for _, right in specs for j in right}
    rows |= {p for k in rows if (p := c.groups[k].partner) is not None}
    used = ({i for s in specs for i in s[0]}, {j for s in specs for j in s[1]})
    for k in sorted(rows):
        g = c.groups[k]
        specs += [((i,), ()) for i in g.left if i not in used[0]]
        specs += [((), (j,)) for j in g.right if j not in used[1]]
    return regroup(c, sorted(rows), specs), _record(c, edit.op, specs)


def reapply_all(c: Comparison, edits: Iterable[Edit]) -> tuple[Comparison, list[Edit], list[Edit]]:
    """Each edit in turn on a fresh comparison of the files: (the comparison edited, the edits that found
    their sentences by text, recorded again on it, the edits that did not)."""
    kept: list[Edit] = []
    unapplied: list[Edit] = []
    for edit in edits:
        done = reapply(c, edit)
        if done is None:
            unapplied.append(edit)
        else:
            c, again = done
            kept.append(again)
    return c, kept, unapplied


def _locate(c: Comparison, edit: Edit) -> list[Spec] | None:
    """The edit's groups with their sentence indices in `c`: the same index where its text is the same,
    else the nearest sentence with that text, counting from where the edit's previous sentence was found
    (an insertion above shifts a whole stretch alike)."""
    specs: list[Spec] = []
    taken: tuple[set[int], set[int]] = (set(), set())
    shift = [0, 0]
    for eg in edit.groups:
        spec: list[tuple[int, ...]] = []
        for s, (side, indices, texts) in enumerate(
            ((c.left, eg.left, eg.left_texts), (c.right, eg.right, eg.right_texts))
        ):
            out = []
            for n, (i, text) in enumerate(zip(indices, texts, strict=True)):
                before = eg.before[s] if n == 0 else texts[n - 1]
                j = _find(side, text, before, i + shift[s], taken[s])
                if j is None:
                    return None
                shift[s] = j - i
                taken[s].add(j)
                out.append(j)
            spec.append(tuple(out))
        specs.append((spec[0], spec[1]))
    return specs


def _find(side: Side, text: str, before: str, near: int, taken: set[int]) -> int | None:
    """The sentence with `text`: at `near` if it is there, else the nearest one after a sentence with
    the text `before`, else the nearest one."""
    sentences = side.sentences

    def fits(k: int) -> bool:
        return sentences[k].text == text and k not in taken and _before(side, k) == before

    if 0 <= near < len(sentences) and fits(near):
        return near
    hits = [k for k, s in enumerate(sentences) if s.text == text and k not in taken]
    return min(hits, key=lambda k: (not fits(k), abs(k - near), k)) if hits else None


def _before(side: Side, k: int) -> str:
    return side.sentences[k - 1].text if k > 0 else ""


def _home(c: Comparison, side: str, sentence: int) -> int:
    """The row that holds a sentence on `side`. By bisection: each side's rows start in reading order,
    and a book has 7,000 of them; rows with nothing on that side are stepped over."""
    groups = c.groups
    low, high = 0, len(groups)
    while low < high:
        mid = probe = (low + high) // 2
        while probe < high and not getattr(groups[probe], side):
            probe += 1
        if probe == high:
            high = mid
        elif getattr(groups[probe], side)[0] <= sentence:
            low = probe + 1
        else:
            high = mid
    k = low - 1
    while k >= 0 and not getattr(groups[k], side):
        k -= 1
    if k >= 0 and sentence in getattr(groups[k], side):
        return k
    # A gapped group can hold a sentence past the start of the next one: look everywhere.
    return next(k for k, g in enumerate(groups) if sentence in getattr(g, side))


def _row(c: Comparison, row: int) -> int:
    if not 0 <= row < len(c.groups):
        raise EditError(f"There is no row {row_number(row)}.")
    return row


def _apply(c: Comparison, op: str, rows: Iterable[int], specs: Sequence[Spec]) -> tuple[Comparison, Edit]:
    """Replace `rows` (with the partners of the moved pieces among them, whose sentences stay on their
    own) by `specs`."""
    remove = set(rows)
    specs = [s for s in specs if s[0] or s[1]]
    for k in sorted(remove):
        partner = c.groups[k].partner
        if partner is not None and partner not in remove:
            remove.add(partner)
            g = c.groups[partner]
            specs.append((g.left, g.right))
    edited = regroup(c, sorted(remove), specs)
    return edited, _record(c, op, specs)


def _record(c: Comparison, op: str, specs: Sequence[Spec]) -> Edit:
    def text(side: Side, indices: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(side.sentences[i].text for i in indices)

    tidy = [(tuple(sorted(left)), tuple(sorted(right))) for left, right in specs]
    ordered = sorted(tidy, key=lambda s: (s[0][0] if s[0] else -1, s[1][0] if s[1] else -1))
    return Edit(
        op,
        tuple(
            EditGroup(
                left,
                right,
                text(c.left, left),
                text(c.right, right),
                (_before(c.left, left[0]) if left else "", _before(c.right, right[0]) if right else ""),
            )
            for left, right in ordered
        ),
    )
