"""Three versions (issue 14, point 4): an original A, its translation B and its back-translation C (or
three revisions), aligned through the middle version.

A is aligned with B and B with C, each as a pair is (cross-lingual where the languages differ). Every
sentence of B then sits in one A–B group and one B–C group: the groups that share a B sentence are one
row, so a row holds the A, B and C sentences that say the same thing, however each pair split or merged
them. A row's A and C are then compared as a pair is (word by word when A and C share a language, as an
original and its back-translation do): that is the drift the round trip made, a Comparison of A against
C like any other, which the text, JSON, report and window can show. Rows with B only (a sentence the
translation added and the back-translation dropped) have no A–C group.

The fact table runs across all three: each fact of A with its counterpart in B (A–B table) and that one's
in C (B–C table), and whether A's fact came back in C (A–C table).

    rows: TripleRow(a, b, c, group)   sentence indices of each version; group: index in ac.groups or None
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from . import translation
from .align.links import Link
from .classify.evidence import NameEvidence
from .classify.facttable import FactKind, FactStatus, fact_table
from .model import Comparison, Document, Group, Options, Side, Span
from .pipeline import _group, _overall, align_sentences, compare_documents

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class TripleRow:
    a: tuple[int, ...]
    b: tuple[int, ...]
    c: tuple[int, ...]
    group: int | None  # its group in Triple.ac; None for a row of B alone


@dataclass(frozen=True)
class Triple:
    ab: Comparison
    bc: Comparison
    ac: Comparison  # A against C along the rows: the round trip's drift
    rows: tuple[TripleRow, ...]

    @property
    def identical(self) -> bool:
        return self.ac.identical and all(row.group is not None for row in self.rows)


@dataclass(frozen=True)
class TripleFact:
    kind: FactKind
    row: int  # index in Triple.rows
    a_text: str
    b_text: str
    c_text: str
    a: Span | None
    b: Span | None
    c: Span | None
    ab: FactStatus | None  # A's fact against B's (None: neither has it)
    bc: FactStatus | None
    ac: FactStatus | None  # did A's fact come back in C


def compare_three(
    a: Document, b: Document, c: Document, options: Options | None = None, *, progress: Progress | None = None
) -> Triple:
    options = options or Options()
    report = progress or (lambda stage, fraction: None)
    ab = compare_documents(a, b, options, progress=lambda s, f: report(s, f / 2))
    bc = compare_documents(b, c, options, progress=lambda s, f: report(s, 0.5 + f / 2))
    auto = dataclasses.replace(options, cross_lingual=None)
    cross = translation.choose_mode(ab.left, bc.right, auto) == translation.CROSS_LINGUAL
    rows = join_gaps(chain(ab, bc), ab.left, bc.right, cross)
    ac = _a_against_c(ab, bc, rows, options)
    numbered = []
    k = 0
    for row in rows:
        if row.a or row.c:
            numbered.append(dataclasses.replace(row, group=k))
            k += 1
        else:
            numbered.append(row)
    return Triple(ab, bc, ac, tuple(numbered))


def chain(ab: Comparison, bc: Comparison) -> list[TripleRow]:
    """The rows: A–B and B–C groups joined where they share a B sentence (a moved pair is one group)."""
    nodes = len(ab.groups) + len(bc.groups)
    parent = list(range(nodes))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        parent[find(x)] = find(y)

    offset = len(ab.groups)
    in_ab: dict[int, int] = {}
    for i, g in enumerate(ab.groups):
        if g.partner is not None:
            union(i, g.partner)
        for k in g.right:
            in_ab[k] = i
    for j, g in enumerate(bc.groups):
        if g.partner is not None:
            union(offset + j, offset + g.partner)
        for k in g.left:
            if k in in_ab:
                union(in_ab[k], offset + j)
    members: dict[int, tuple[set[int], set[int], set[int]]] = {}
    place: dict[
        int, tuple[float, int]
    ] = {}  # where each row goes: its first B sentence, else after the last one before it
    for n, (groups, a_of, c_of) in enumerate(((ab.groups, "left", None), (bc.groups, None, "right"))):
        last_b = -1.0
        for i, g in enumerate(groups):
            root = find(i + n * offset)
            sets = members.setdefault(root, (set(), set(), set()))
            b_side = g.right if n == 0 else g.left
            sets[1].update(b_side)
            if a_of:
                sets[0].update(g.left)
            if c_of:
                sets[2].update(g.right)
            if b_side:
                last_b = float(b_side[0])
            key = (min(b_side) if b_side else last_b + 0.5, n)
            place[root] = min(place.get(root, key), key)
    order = sorted(members, key=lambda root: (place[root], min(members[root][0] | members[root][2], default=-1)))
    out = []
    for root in order:
        a, b, c = (tuple(sorted(s)) for s in members[root])
        out.append(TripleRow(a, b, c, None))
    return out


def join_gaps(rows: list[TripleRow], a: Side, c: Side, cross: bool) -> list[TripleRow]:
    """Sentences of A and of C that no sentence of B carries, between the same two B sentences, linked
    where A and C, aligned with each other, link them: a sentence B dropped and C restored is one row (A
    and C equal, B missing), not an A-only row and a C-only row. The chain cannot see it, because it joins
    rows only through B. A and C are aligned whole, not gap by gap: the aligner's confidence needs the
    text around a link (a lone sentence facing a lone sentence would be linked whatever it says), and only
    its links that lie inside one gap are taken."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and not rows[j].b:
            j += 1
        if any(r.a for r in rows[i:j]) and any(r.c for r in rows[i:j]):
            runs.append((i, j))
        i = j + 1 if j == i else j
    if not runs:
        return rows
    texts = [s.text for s in a.sentences], [s.text for s in c.sentences]
    linked: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for left, right in align_sentences(*texts, cross_lingual=cross, language=None):
        if left and right:
            linked.update(dict.fromkeys(left, (tuple(left), tuple(right))))
    out: list[TripleRow] = []
    done = 0
    for i, j in runs:
        out += rows[done:i]
        done = j
        in_a = {k for r in rows[i:j] for k in r.a}
        in_c = {k for r in rows[i:j] for k in r.c}
        joined = [
            link
            for link in dict.fromkeys(linked[k] for k in sorted(in_a) if k in linked)
            if in_a.issuperset(link[0]) and in_c.issuperset(link[1])
        ]
        used_a = {k for left, _ in joined for k in left}
        used_c = {k for _, right in joined for k in right}
        mine = [(left[0], TripleRow(left, (), right, None)) for left, right in joined]
        mine += [(k, TripleRow((k,), (), (), None)) for k in sorted(in_a - used_a)]
        gap = [row for _, row in sorted(mine, key=lambda item: item[0])]
        for k in sorted(in_c - used_c, reverse=True):  # C's own, before the first link of a later C sentence
            at = next((n for n, row in enumerate(gap) if row.c and row.c[0] > k), len(gap))
            gap.insert(at, TripleRow((), (), (k,), None))
        out += gap
    out += rows[done:]
    return out


def _a_against_c(ab: Comparison, bc: Comparison, rows: list[TripleRow], options: Options) -> Comparison:
    left, right = ab.left, bc.right
    # A and C are compared by their own languages, whatever --cross-lingual said about the pairs.
    auto = dataclasses.replace(options, cross_lingual=None)
    mode = translation.choose_mode(left, right, auto)
    languages = (left.language, right.language)
    links = [Link(row.a, row.c, 0.0) for row in rows if row.a or row.c]
    groups: list[Group] = []
    if mode == translation.CROSS_LINGUAL:
        ratio = translation.length_ratio(left, right)
        for link in links:
            if link.left and link.right:
                groups.append(translation.pair_group(link, left, right, languages, ratio))
            else:
                groups.append(_group(link, links, left, right, auto))
    else:
        evidence = NameEvidence.of(left.text, right.text, languages)
        groups = [_group(link, links, left, right, auto, evidence, languages) for link in links]
    return Comparison(left, right, tuple(groups), auto, _overall(groups, left, right), mode)


def triple_facts(triple: Triple) -> list[TripleFact]:
    """Each fact of A with its counterparts in B and C, then the facts of B and C that A's do not lead
    to; in row order."""
    ab, bc, ac = fact_table(triple.ab), fact_table(triple.bc), fact_table(triple.ac)
    bc_by_b = {(r.kind, r.left): r for r in bc if r.left is not None}
    ac_by_a = {(r.kind, r.left): r for r in ac if r.left is not None}
    where = RowFinder((triple.ab.left, triple.ab.right, triple.bc.right), triple.rows)
    out: list[TripleFact] = []
    for r in ab:
        following = bc_by_b.pop((r.kind, r.right), None) if r.right is not None else None
        back = ac_by_a.get((r.kind, r.left)) if r.left is not None else None
        c_span = following.right if following else (back.right if back else None)
        c_text = following.right_text if following else (back.right_text if back else "")
        row = where.row(0, r.left) if r.left is not None else where.row(1, r.right)
        out.append(
            TripleFact(
                r.kind,
                row,
                r.left_text,
                r.right_text,
                c_text,
                r.left,
                r.right,
                c_span,
                r.status,
                following.status if following else None,
                back.status if back else None,
            )
        )
    # B's facts the A–B table did not list (a German side's names depend on the other language), and C's
    # that B lacks.
    rest = list(bc_by_b.values()) + [r for r in bc if r.left is None]
    for r in rest:
        row = where.row(1, r.left) if r.left is not None else where.row(2, r.right)
        out.append(TripleFact(r.kind, row, "", r.left_text, r.right_text, None, r.left, r.right, None, r.status, None))
    out.sort(key=lambda f: f.row)
    return out


class RowFinder:
    """The row holding a span of version 0 (A), 1 (B) or 2 (C)."""

    def __init__(self, sides: tuple[Side, Side, Side], rows: tuple[TripleRow, ...]) -> None:
        self.starts = [[s.start for s in side.sentences] for side in sides]
        self.rows: list[dict[int, int]] = [{}, {}, {}]
        for n, row in enumerate(rows):
            for version, indices in enumerate((row.a, row.b, row.c)):
                self.rows[version].update(dict.fromkeys(indices, n))

    def row(self, version: int, span: Span | None) -> int:
        if span is None:
            return -1
        sentence = bisect_right(self.starts[version], span.start) - 1
        return self.rows[version].get(sentence, -1)


@dataclass(frozen=True)
class TripleSummary:
    """Three versions as the report and the window show them, beside the A–C comparison (which they hold
    already): B's side, its sentences per A–C group, the three-way facts, the two pairs' modes. What
    crosses from the comparison process to the window without the A–B and B–C comparisons, whose groups
    nothing shows."""

    b: Side
    rows: tuple[TripleRow, ...]
    b_of: tuple[tuple[int, ...], ...]  # per A–C group: its row's B sentences
    # Rows of B alone (a sentence the middle version added and the third dropped) have no A–C group: each
    # is shown with the group before it (the first group when none is), as (group, B sentences).
    b_alone: tuple[tuple[int, tuple[int, ...]], ...]
    facts: tuple[TripleFact, ...]
    modes: tuple[str, str]  # A–B, B–C
    similarity: tuple[float, float]
    notes: tuple[str, ...]  # the A–B and B–C aligners' notes (no sentence encoder installed)
    shown_with: tuple[int, ...]  # per row of the triple, the A–C group it is shown with
    # The rows as the alignments chained them, before any hand edit: B follows edits from these
    # (engine/triple_edit.py), so the rows after some edits depend on the edited groups, not on the order
    # of the edits, as they do when a project's edits are made again. () when `rows` are those.
    chained: tuple[TripleRow, ...] = ()

    def group_of(self, triple_row: int) -> int:
        """The A–C group a row of the triple is shown with; -1 for a fact no row holds (row -1)."""
        return self.shown_with[triple_row] if 0 <= triple_row < len(self.shown_with) else -1


def summarize(triple: Triple) -> TripleSummary:
    b_of, alone, shown_with = placement(triple.rows, len(triple.ac.groups))
    return TripleSummary(
        triple.ab.right,
        triple.rows,
        b_of,
        alone,
        tuple(triple_facts(triple)),
        (triple.ab.mode, triple.bc.mode),
        (triple.ab.similarity, triple.bc.similarity),
        tuple(dict.fromkeys(triple.ab.notes + triple.bc.notes)),
        shown_with,
    )


def placement(rows: tuple[TripleRow, ...], groups: int):
    """(b_of, b_alone, shown_with) of TripleSummary: B's sentences per A–C group, the rows of B alone with
    the group each is shown with (the one before, the first when none is), and each row's group."""
    b_of: list[tuple[int, ...]] = [()] * groups
    alone: list[tuple[int, tuple[int, ...]]] = []
    shown_with: list[int] = []
    last = -1
    for row in rows:
        if row.group is not None:
            b_of[row.group] = row.b
            last = row.group
        else:
            alone.append((max(last, 0), row.b))
        shown_with.append(row.group if row.group is not None else max(last, 0))
    return tuple(b_of), tuple(alone), tuple(shown_with)
