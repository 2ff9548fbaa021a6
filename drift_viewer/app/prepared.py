"""The answer the window shows: a Comparison with its changes sorted once, off the GUI thread, so that
showing a book costs the GUI nothing. Qt-free: the comparison process calls `prepare` right after
`compare_documents` (process.job), and `process.transfer` carries the result to the window."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..engine.lexicon.hidden import bidi_controls, escaped
from ..engine.model import Change, ChangeKind, Comparison, risk_rank
from ..wording import plural


@dataclass(frozen=True)
class ChangeEntry:
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


def prepare(comparison: Comparison, middle: tuple[str, ...] = (), middle_name: str = "") -> Prepared:
    entries = [ChangeEntry(group, change) for group, change in comparison.iter_changes()]
    entries.sort(key=lambda e: (risk_rank(e.change.kind), e.group))
    group_kinds: list[ChangeKind | None] = []
    for group in comparison.groups:
        group_kinds.append(min((c.kind for c in group.changes), key=risk_rank) if group.changes else None)
    counts = Counter(e.kind for e in entries)
    return Prepared(comparison, tuple(entries), tuple(group_kinds), counts, middle, middle_name)


def summary(prepared: Prepared) -> str:
    """One line for the status bar: similarity, sentence counts and changes by kind, riskiest first; first
    of all a warning for each side that holds bidi controls (which can show text out of its order), and
    each warning loading gave (a guessed encoding)."""
    comp = prepared.comparison
    parts = [
        f"⚠ {escaped(side.document.name)} holds {plural(sum(found.values()), 'bidi control character')}"
        for side in (comp.left, comp.right)
        if (found := bidi_controls(side.text))
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
