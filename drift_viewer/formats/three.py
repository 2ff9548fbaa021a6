"""Three versions (engine/triple.py) as text and as JSON.

Text: a head naming the three files and each pair's mode, then one block per row where A and C differ,
with A against C diffed inline (the round trip's drift) and B beneath; then the facts that did not come
back from A to C, with their B wording. Rows are numbered by their A–C group, as in the window and the
report; a row of B alone is "after row N". JSON: the rows (sentence indices of each version, 0-based), the
three-way fact table with offsets into each file, B's sentences, and the whole A–C comparison in the
pair schema (engine/serialize.py) under "a_c".
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..engine.classify.facttable import FactStatus
from ..engine.lexicon.hidden import escaped
from ..engine.model import Comparison, GroupKind, Side, Span, risk_rank
from ..engine.serialize import _side, to_dict
from ..engine.triple import Triple, TripleFact, TripleSummary, summarize
from ..wording import plural
from .textout import BOLD, DIM, GREEN, RED, inline_diff, painter

if TYPE_CHECKING:
    from ..review.marks import Marks

SCHEMA = "drift-viewer-three"
SCHEMA_VERSION = 1


def _sides(triple: Triple) -> tuple[Side, Side, Side]:
    return triple.ab.left, triple.ab.right, triple.bc.right


def _sentences(name: str, indices: tuple[int, ...]) -> str:
    if not indices:
        return f"no {name} sentence"
    if len(indices) == 1:
        return f"{name} sentence {indices[0] + 1}"
    return f"{name} sentences {indices[0] + 1}-{indices[-1] + 1}"


def render_three_text(triple: Triple, *, color: bool = False) -> str:
    paint = painter(color)

    a, b, c = _sides(triple)
    lines = [
        " -> ".join(f"{escaped(s.document.name)} ({plural(len(s.sentences), 'sentence')})" for s in (a, b, c)),
        f"A-B {triple.ab.mode} ({a.language} -> {b.language}), B-C {triple.bc.mode} ({b.language} -> {c.language}), "
        f"A against C {triple.ac.mode}",
        f"similarity A-C {triple.ac.similarity:.1%}",
    ]
    if triple.ac.identical:
        alone = sum(len(row.b) for row in triple.rows if row.group is None)
        dropped = sum(1 for row in triple.rows if row.group is not None and not row.b)  # rows C restored
        lines.append(
            "A and C are identical"
            + (f"; B dropped {plural(dropped, 'row')} that C restored" if dropped else "")
            + (f"; B has {plural(alone, 'sentence')} of its own" if alone else "")
        )
    counts = triple.ac.change_counts()
    if counts:
        ranked = sorted(counts.items(), key=lambda kv: risk_rank(kv[0]))
        lines.append("changes A -> C: " + ", ".join(f"{k.value} {n}" for k, n in ranked))
    summary = summarize(triple)
    facts = summary.facts
    lost = [f for f in facts if f.a is not None and f.ac is not FactStatus.SAME]
    lines.append(
        f"facts: {plural(sum(f.a is not None for f in facts), 'fact')} in A, {len(lost)} not back the same in C"
    )
    lines.append("")
    for n, row in enumerate(triple.rows):
        group = triple.ac.groups[row.group] if row.group is not None else None
        if group is not None and group.kind is GroupKind.EQUAL:
            continue
        where = ", ".join(_sentences(name, ix) for name, ix in (("A", row.a), ("B", row.b), ("C", row.c)))
        # Rows numbered as the window and the report number them: by the A–C group (model.row_number).
        label = (
            f"row {row.group + 1} {group.kind.value}"
            if row.group is not None and group is not None
            else f"after row {summary.group_of(n) + 1} B only"
        )
        lines.append(paint(BOLD, f"{label}: {where}"))
        if group is None:
            pass
        elif group.kind is GroupKind.ONLY_LEFT:
            lines.append("  A - " + paint(RED, escaped(a.group_text(row.a))))
        elif group.kind is GroupKind.ONLY_RIGHT:
            lines.append("  C + " + paint(GREEN, escaped(c.group_text(row.c))))
        else:
            lines.append("  A/C " + inline_diff(group.diff, paint).replace("\n", "\n      "))
        lines.append("  B   " + (paint(DIM, escaped(b.group_text(row.b))) if row.b else "(none)"))
        for change in group.changes if group else ():
            lines.append(paint(DIM, f"    {change.kind.value}: {change.left_text!r} -> {change.right_text!r}"))
        lines.append("")
    if lost:
        lines.append("facts not back the same (A -> B -> C):")
        for f in lost:
            lines.append(
                f"  row {summary.group_of(f.row) + 1} {f.kind.value} {(f.ac or FactStatus.MISSING).value}: "
                f"{f.a_text!r} -> {f.b_text!r} -> {f.c_text!r} (A-B {_status(f.ab)}, B-C {_status(f.bc)})"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def _status(status: FactStatus | None) -> str:
    return status.value if status else "none"


def _offsets(side: Side, span: Span | None) -> tuple[int | None, int | None]:
    if span is None:
        return None, None
    return side.document.source_offset(span.start), side.document.source_offset(span.end)


def _fact(f: TripleFact, sides: tuple[Side, Side, Side]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": f.kind.value, "row": f.row}
    for name, text, span, side in zip("abc", (f.a_text, f.b_text, f.c_text), (f.a, f.b, f.c), sides, strict=True):
        start, end = _offsets(side, span)
        out |= {f"{name}_text": text, f"{name}_start": start, f"{name}_end": end}
    return out | {"a_b": _status(f.ab), "b_c": _status(f.bc), "a_c": _status(f.ac)}


def three_to_dict(triple: Triple, version: str = "", marks: Marks | None = None) -> dict[str, Any]:
    return summary_to_dict(triple.ac, summarize(triple), version, marks)


def summary_to_dict(
    ac: Comparison, summary: TripleSummary, version: str = "", marks: Marks | None = None
) -> dict[str, Any]:
    """The JSON of three versions from the A–C comparison and what B adds (the window holds only these)."""
    sides = (ac.left, summary.b, ac.right)
    facts = summary.facts
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "generator": f"drift-viewer {version}".strip(),
        "modes": {"a_b": summary.modes[0], "b_c": summary.modes[1], "a_c": ac.mode},
        "languages": {name: side.language for name, side in zip("abc", sides, strict=True)},
        "similarity": {
            "a_b": round(summary.similarity[0], 4),
            "b_c": round(summary.similarity[1], 4),
            "a_c": round(ac.similarity, 4),
        },
        "rows": [
            {"row": n + 1, "a": list(r.a), "b": list(r.b), "c": list(r.c), "a_c_group": r.group}
            for n, r in enumerate(summary.rows)
        ],
        "facts": {
            "counts": {
                "a_c": dict(sorted(Counter(_status(f.ac) for f in facts if f.a is not None).items())),
            },
            "rows": [_fact(f, sides) for f in facts],
        },
        "b": _side(summary.b),
        # A review's marks are on the A–C rows (review/marks.py), under "a_c" as a pair's JSON has them.
        "a_c": to_dict(ac, version, _marks(marks, ac)),
    }


def _marks(marks: Marks | None, ac: Comparison) -> list[dict[str, Any]] | None:
    if not marks:
        return None
    from ..review.marks import marks_json

    return marks_json(marks, ac)


def three_to_json(triple: Triple, version: str = "", marks: Marks | None = None) -> str:
    return json.dumps(three_to_dict(triple, version, marks), ensure_ascii=False, indent=1) + "\n"
