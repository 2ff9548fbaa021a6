"""Hand edits of the alignment on three versions: the reviewer edits the rows the window shows, A against
C, and B follows them.

A row of three versions is the A, B and C sentences the A–B and B–C alignments chained through B
(engine/triple.py). An edit of A–C (review/edits.py, as on a pair) regroups A's and C's sentences; each of
B's sentences then goes with the new group that holds most of the A and C sentences of its old row;
on a tie, the one holding A's, the original B translates (then the earliest). So a row the reviewer
unlinks keeps B beside A; a sentence moved off a row leaves B with the sentences that stayed, or with A's
sentence when one of A and one of C part; rows joined show B's sentences of both.
This is an edit of the A–B and B–C links too: after it, A–B links each group's A sentences to its B
sentences, and B–C links those to its C sentences. Rows of B alone stay alone, shown with the group
that now holds the row before them.

The three-way facts keep their A–B and B–C statuses (those comparisons are not edited); whether A's fact
came back in C is read again for the groups the edit made, as the pair's fact table reads them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from .classify.facttable import rows_of
from .model import Comparison
from .triple import RowFinder, TripleFact, TripleRow, TripleSummary, placement


def rechain(rows: tuple[TripleRow, ...], after: Comparison) -> tuple[TripleRow, ...]:
    """The rows of three versions after an edit of A–C gave `after`'s groups."""
    a_in: dict[int, int] = {}
    c_in: dict[int, int] = {}
    for index, group in enumerate(after.groups):
        a_in.update(dict.fromkeys(group.left, index))
        c_in.update(dict.fromkeys(group.right, index))
    b_of: list[list[int]] = [[] for _ in after.groups]
    alone: dict[int, list[tuple[int, ...]]] = {}  # group shown with -> its rows of B alone, in order
    last = -1
    for row in rows:
        of_a = [a_in[k] for k in row.a if k in a_in]
        votes = Counter(of_a + [c_in[k] for k in row.c if k in c_in])
        if not votes:
            if row.b:
                alone.setdefault(last, []).append(row.b)
            continue
        home = min(votes, key=lambda g: (-votes[g], g not in of_a, g))
        b_of[home] += row.b
        last = max(last, home)
    out: list[TripleRow] = []
    for b in alone.get(-1, ()):
        out.append(TripleRow((), b, (), None))
    for index, group in enumerate(after.groups):
        out.append(TripleRow(group.left, tuple(sorted(b_of[index])), group.right, index))
        for b in alone.get(index, ()):
            out.append(TripleRow((), b, (), None))
    return tuple(out)


def edited_summary(
    summary: TripleSummary, before: Comparison, after: Comparison, span: tuple[int, int, int] | None = None
) -> TripleSummary:
    """`summary` (of three versions whose A–C comparison was `before`) after an edit made `after`.
    `span` (first, old_end, new_end): the edit replaced before's groups first..old_end-1 by after's
    first..new_end-1 and left the others alone; None: read every group's facts again (edits re-applied
    to a fresh comparison)."""
    rows = rechain(summary.chained or summary.rows, after)
    b_of, alone, shown_with = placement(rows, len(after.groups))
    first, new_end = (span[0], span[2]) if span is not None else (0, len(after.groups))
    back = {(r.kind, r.left): r for r in rows_of(after, range(first, new_end)) if r.left is not None}
    made = range(first, new_end)
    where = RowFinder((after.left, summary.b, after.right), rows)
    facts: list[TripleFact] = []
    for f in summary.facts:
        row = where.row(0, f.a) if f.a is not None else where.row(1, f.b) if f.b is not None else where.row(2, f.c)
        if f.a is not None and 0 <= row < len(rows) and rows[row].group in made:
            found = back.get((f.kind, f.a))
            f = dataclasses.replace(f, ac=found.status if found else None)
            if f.bc is None:  # C's counterpart was found through A–C, not through B
                f = dataclasses.replace(f, c=found.right if found else None, c_text=found.right_text if found else "")
        facts.append(dataclasses.replace(f, row=row))
    facts.sort(key=lambda f: f.row)
    return dataclasses.replace(
        summary,
        rows=rows,
        b_of=b_of,
        b_alone=alone,
        facts=tuple(facts),
        shown_with=shown_with,
        chained=summary.chained or summary.rows,
    )
