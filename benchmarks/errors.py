"""Issue 11's error analysis: what drift-viewer's groups get wrong against the DEplain gold, by domain.

Every two-sided gold group the output misses gets one class, the first that applies. First what no
monotone, contiguous search can find:
- gapped: a side is not contiguous (gold skips an inserted explanation or aside inside the group);
- shape: contiguous, but of a shape the search does not try (search.GROUP_SHAPES);
- order: it crosses another gold group (a reordered passage);
then what the output did with its sentences:
- floored: none of them is linked, and without the confidence floor the exact group was linked (the
  floor undid a right link);
- abstained: none of them is linked, and the search never proposed the group (sub-classed by what
  the search linked them in before the floor: abstained/over-merge ... abstained/wrong partner, or
  abstained/none);
- over-merge / under-merge / wrong size: a link overlaps it on both sides and is a superset / a
  subset / neither (an explanation or a neighbour swallowed, a split cut short);
- wrong partner: its sentences are linked, but to nothing of the group's other side.

Every false link gets one class too:
- one-sided in gold: one of its sides holds only sentences gold puts in no group (an inserted
  explanation, a dropped sentence);
- wrong size: it overlaps a gold group on both sides;
- wrong partner: neither.

Beside the counts, the ceiling: the F1 of a domain if every missed group of that class were found, with
nothing else changed, which bounds what a move attacking the class can give.

CLI: `python benchmarks/errors.py` prints both tables (default floor; `--floor X` to change it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hard  # noqa: E402

Group = tuple[tuple[int, ...], tuple[int, ...]]
MISSED = (
    "gapped",
    "shape",
    "order",
    "floored",
    "abstained",
    "over-merge",
    "under-merge",
    "wrong size",
    "wrong partner",
)
FALSE = ("one-sided in gold", "wrong size", "wrong partner")
COLUMNS = ("bible", "fiction", "health", "language learner")


def _groups(groups: Iterable) -> list[Group]:
    return [(tuple(a), tuple(b)) for a, b in groups if len(a) and len(b)]


def _contiguous(side: Sequence[int]) -> bool:
    return all(b == a + 1 for a, b in zip(side, side[1:], strict=False))


def crosses(group: Group, others: Iterable[Group]) -> bool:
    """The group and another lie in opposite orders on the two sides."""
    a, b = group
    return any(
        (min(a2) > max(a) and max(b2) < min(b)) or (max(a2) < min(a) and min(b2) > max(b))
        for a2, b2 in others
        if (a2, b2) != group
    )


def classify_missed(
    gold: Iterable, pred: Iterable, unfloored: Iterable = (), shapes: Iterable[tuple[int, int]] | None = None
) -> Counter:
    """Per MISSED class, how many gold groups not in `pred` fall in it. `unfloored`: the output without
    the floor; `shapes`: the (left, right) sizes the search tries (default: search.GROUP_SHAPES)."""
    if shapes is None:
        from drift_viewer.engine.align.search import GROUP_SHAPES as shapes
    tried = set(shapes)
    golds, links = _groups(gold), _groups(pred)
    loose = _groups(unfloored)
    found, before_floor = set(links), set(loose)
    at_left = {i: k for k, (a, _) in enumerate(links) for i in a}
    at_right = {j: k for k, (_, b) in enumerate(links) for j in b}
    out: Counter = Counter()
    for g in golds:
        if g in found:
            continue
        a, b = g
        touched = {at_left[i] for i in a if i in at_left} | {at_right[j] for j in b if j in at_right}
        if not (_contiguous(a) and _contiguous(b)):
            kind = "gapped"
        elif (len(a), len(b)) not in tried:
            kind = "shape"
        elif crosses(g, golds):
            kind = "order"
        elif not touched:
            kind = "floored" if g in before_floor else "abstained"
            if kind == "abstained":
                near = [x for x in loose if set(x[0]) & set(a) or set(x[1]) & set(b)]
                out["abstained/" + (_overlap_kind(g, near) if near else "none")] += 1
        else:
            kind = _overlap_kind(g, [links[k] for k in sorted(touched)])
        out[kind] += 1
    return out


def _overlap_kind(g: Group, touching: list[Group]) -> str:
    a, b = set(g[0]), set(g[1])
    for la, lb in touching:
        if set(la) & a and set(lb) & b:
            if set(la) >= a and set(lb) >= b:
                return "over-merge"
            if set(la) <= a and set(lb) <= b:
                return "under-merge"
            return "wrong size"
    return "wrong partner"


def classify_false(gold: Iterable, pred: Iterable) -> Counter:
    """Per FALSE class, how many links of `pred` not in the gold fall in it."""
    golds = _groups(gold)
    known = set(golds)
    in_left = {i for a, _ in golds for i in a}
    in_right = {j for _, b in golds for j in b}
    out: Counter = Counter()
    for a, b in _groups(pred):
        if (a, b) in known:
            continue
        if not set(a) & in_left or not set(b) & in_right:
            out["one-sided in gold"] += 1
        elif any(set(a) & set(ga) and set(b) & set(gb) for ga, gb in golds):
            out["wrong size"] += 1
        else:
            out["wrong partner"] += 1
    return out


def ceiling(counts: hard.Counts, found: int) -> float:
    """F1 with `found` more right links and nothing else changed."""
    return hard.Counts(counts.correct + found, counts.predicted + found, counts.gold).prf[2]


def tables(docs: Sequence[hard.Doc], floored: Sequence, unfloored: Sequence) -> str:
    missed = {c: Counter() for c in COLUMNS}
    wrong = {c: Counter() for c in COLUMNS}
    counts = {c: hard.Counts(0, 0, 0) for c in COLUMNS}
    for doc, pred, loose in zip(docs, floored, unfloored, strict=True):
        missed[doc.domain] += classify_missed(doc.gold, pred, loose)
        wrong[doc.domain] += classify_false(doc.gold, pred)
        counts[doc.domain] += hard.doc_counts(doc.gold, pred)
    head = "| | " + " | ".join(COLUMNS) + " |\n" + "|---" * (len(COLUMNS) + 1) + "|"
    lines = ["Missed gold groups (ceiling F1 if the class were all found)", head]
    lines.append(
        "| gold groups (found) | " + " | ".join(f"{counts[c].gold} ({counts[c].correct})" for c in COLUMNS) + " |"
    )
    for kind in MISSED:
        cells = [f"{missed[c][kind]} ({ceiling(counts[c], missed[c][kind]):.3f})" for c in COLUMNS]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
        if kind == "abstained":
            for sub in ("over-merge", "under-merge", "wrong size", "wrong partner", "none"):
                lines.append(
                    f"| … before the floor: {sub} | "
                    + " | ".join(str(missed[c][f"{kind}/{sub}"]) for c in COLUMNS)
                    + " |"
                )
    lines.append("| F1 now | " + " | ".join(f"{counts[c].prf[2]:.3f}" for c in COLUMNS) + " |")
    lines += ["", "False links", head]
    lines.append(
        "| links (wrong) | "
        + " | ".join(f"{counts[c].predicted} ({counts[c].predicted - counts[c].correct})" for c in COLUMNS)
        + " |"
    )
    for kind in FALSE:
        lines.append(f"| {kind} | " + " | ".join(str(wrong[c][kind]) for c in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=None, help="confidence floor (default: the engine's)")
    args = parser.parse_args(argv)
    docs = hard.load_docs()
    floored = [hard.drift_fn(args.floor)(d.src, d.tgt) for d in docs]
    unfloored = [hard.drift_fn(0.0)(d.src, d.tgt) for d in docs]
    print(tables(docs, floored, unfloored))
    return 0


if __name__ == "__main__":
    sys.exit(main())
