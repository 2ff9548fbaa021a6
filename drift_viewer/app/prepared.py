"""The answer the window shows: a Comparison with its changes sorted once, off the GUI thread, so that
showing a book costs the GUI nothing. Qt-free: the comparison process calls `prepare` right after
`compare_documents` (process.job), and `process.transfer` carries the result to the window."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..engine.lexicon.hidden import bidi_controls, escaped
from ..engine.model import Change, ChangeKind, Comparison, Group, GroupKind, risk_rank
from ..wording import plural

if TYPE_CHECKING:
    from ..engine.triple import TripleSummary


class ChangeEntry(NamedTuple):
    # A NamedTuple: a hand edit renumbers the entries after it, a few tens of thousands on a book, and a
    # NamedTuple is built in a third of a frozen dataclass's time.
    group: int
    change: Change

    @property
    def kind(self) -> ChangeKind:
        return self.change.kind


@dataclass(frozen=True)
class Prepared:
    comparison: Comparison
    changes: tuple[ChangeEntry, ...]  # every change once, riskiest kind first, then in reading order
    group_kinds: tuple[ChangeKind | None, ...]  # per group, its riskiest change kind (None: unchanged)
    counts: Counter[ChangeKind]
    # Three versions (engine/triple.py): the comparison is A against C, and these are B's text beside
    # each of its groups ("" where B has none) and B's file name; empty for a pair.
    middle: tuple[str, ...] = ()
    middle_name: str = ""
    three: TripleSummary | None = None  # three versions: B's side, the rows, the three-way facts (report, project)


_RANK = {kind: risk_rank(kind) for kind in ChangeKind}


def _sort_key(entry: ChangeEntry) -> tuple[int, int]:
    return _RANK[entry.change.kind], entry.group


def _group_kind(group: Group) -> ChangeKind | None:
    return min((c.kind for c in group.changes), key=_RANK.__getitem__) if group.changes else None


def prepare(
    comparison: Comparison, middle: tuple[str, ...] = (), middle_name: str = "", three: TripleSummary | None = None
) -> Prepared:
    entries = [ChangeEntry(group, change) for group, change in comparison.iter_changes()]
    entries.sort(key=_sort_key)
    group_kinds = tuple(_group_kind(group) for group in comparison.groups)
    counts = Counter(e.kind for e in entries)
    return Prepared(comparison, tuple(entries), group_kinds, counts, middle, middle_name, three)


def prepare_edited(before: Prepared, comparison: Comparison, first: int, old_end: int, new_end: int) -> Prepared:
    """`prepare(comparison)` for a hand edit that replaced groups first..old_end-1 of `before` by groups
    first..new_end-1 of `comparison` (the rest the same, shifted): the untouched changes keep their sorted
    order, so only the new groups' changes are sorted in. On the NT pair (37,732 changes) a full prepare
    costs ~0.19 s of an edit's time, this ~0.02 s."""
    shift = new_end - old_end
    entries, groups = before.changes, comparison.groups
    fresh: dict[ChangeKind, list[ChangeEntry]] = {}
    for g in range(first, new_end):
        if not (groups[g].kind is GroupKind.MOVED and not groups[g].left):  # a moved pair counts on its left half
            for change in groups[g].changes:
                fresh.setdefault(change.kind, []).append(ChangeEntry(g, change))
    kept: list[ChangeEntry] = []
    lo = 0
    for kind in sorted(set(before.counts) | set(fresh), key=_RANK.__getitem__):
        # Entries are sorted by (kind's rank, group): each kind is one run with its groups ascending, so the
        # stretch the edit replaced is found by bisection, the new groups' changes go in its place, and
        # the rest is sliced (at C speed), not sorted again.
        rank = _RANK[kind]
        end = bisect_right(entries, (rank, len(before.comparison.groups)), lo, key=_sort_key)
        cut = bisect_left(entries, (rank, first), lo, end, key=_sort_key)
        resume = bisect_left(entries, (rank, old_end), cut, end, key=_sort_key)
        kept += entries[lo:cut]
        kept += fresh.get(kind, ())
        kept += [ChangeEntry(g + shift, c) for g, c in entries[resume:end]] if shift else entries[resume:end]
        lo = end
    group_kinds = (
        before.group_kinds[:first]
        + tuple(_group_kind(groups[g]) for g in range(first, new_end))
        + before.group_kinds[old_end:]
    )
    old_groups = before.comparison.groups
    counts = Counter(before.counts)
    counts.subtract(
        c.kind
        for g in range(first, old_end)
        if not (old_groups[g].kind is GroupKind.MOVED and not old_groups[g].left)
        for c in old_groups[g].changes
    )
    counts.update({kind: len(found) for kind, found in fresh.items()})
    middle, three = before.middle, before.three
    if three is not None:  # three versions: B follows the edited rows (engine/triple_edit.py)
        from ..engine.triple_edit import edited_summary

        three = edited_summary(three, before.comparison, comparison, (first, old_end, new_end))
        middle = middle_texts(three)
    return Prepared(comparison, tuple(kept), group_kinds, +counts, middle, before.middle_name, three)


def prepare_three(comparison: Comparison, three: TripleSummary, middle_name: str) -> Prepared:
    """Three versions: A against C, with B's text beside each row."""
    return prepare(comparison, middle_texts(three), middle_name, three)


def reprepared(prepared: Prepared, comparison: Comparison) -> Prepared:
    """`prepare` of `comparison`, which edits re-applied to `prepared`'s (a project reopened, a
    recompute): three versions keep B, which follows the edited rows."""
    if prepared.three is None:
        return prepare(comparison)
    from ..engine.triple_edit import edited_summary
    from .table.rowdiff import group_span

    # The facts are read again from the first to the last group the edits changed, not over the whole
    # book (about 3 CPU-s on the New Testament).
    span = group_span(prepared.comparison.groups, comparison.groups)
    three = edited_summary(prepared.three, prepared.comparison, comparison, span)
    return prepare_three(comparison, three, prepared.middle_name)


def middle_texts(three: TripleSummary) -> tuple[str, ...]:
    """B's text beside each A–C row; a row of B alone is shown with the row before, as the report does."""
    middle = [three.b.group_text(ix) if ix else "" for ix in three.b_of]
    for group, ix in three.b_alone:
        if group >= len(middle):  # no A–C row at all
            continue
        middle[group] += ("\n" if middle[group] else "") + "(only in B) " + three.b.group_text(ix)
    return tuple(middle)


@lru_cache(maxsize=4)
def _bidi_controls(text: str):
    # The status line is rebuilt after every hand edit; scanning a book for bidi controls costs ~20 ms.
    return bidi_controls(text)


def summary(prepared: Prepared) -> str:
    """One line for the status bar: similarity, sentence counts and changes by kind, riskiest first; first
    of all a warning for each side that holds bidi controls (which can show text out of its order), and
    each warning loading gave (a guessed encoding)."""
    comp = prepared.comparison
    parts = [
        f"⚠ {escaped(side.document.name)} holds {plural(sum(found.values()), 'bidi control character')}"
        for side in (comp.left, comp.right)
        if (found := _bidi_controls(side.text))
    ]
    # What loading had to decide (a guessed code page, bytes shown as U+FFFD): never silently.
    parts += [
        f"⚠ {escaped(side.document.name)}: {escaped(warning)}"
        for side in (comp.left, comp.right)
        for warning in side.document.warnings
    ]
    if prepared.middle_name:
        parts.append(f"three versions: A against C through {escaped(prepared.middle_name)}")
    parts += [f"⚠ {escaped(note)}" for note in comp.notes]  # the aligner's: no sentence encoder installed
    if comp.mode == "cross-lingual":
        parts.append(f"translation {comp.left.language} → {comp.right.language}: facts checked")
    parts += [
        f"similarity {comp.similarity:.1%}",
        # "1 ⇄ 1 sentence", but "3 ⇄ 1 sentences": the noun counts both sides
        f"{len(comp.left.sentences):,} ⇄ {len(comp.right.sentences):,} sentence"
        + ("" if len(comp.left.sentences) == len(comp.right.sentences) == 1 else "s"),
    ]
    if not prepared.counts:
        parts.append("no changes")
    else:
        kinds = sorted(prepared.counts, key=risk_rank)
        parts.append(", ".join(f"{prepared.counts[k]} {k.value}" for k in kinds))
    return "   ·   ".join(parts)
