"""The three-version report's fact section: each fact of A with its counterparts in B and C
(engine.triple.triple_facts), with the status of the round trip (A against C) and of each step (A→B,
B→C), so a reviewer sees where a fact drifted: in the translation, or on the way back.

It keeps the two-version section's ids, classes and folds (report/facts.py, facts_three.html.j2), so the
page's filters and sorting work unchanged: a row's class carries its round-trip status and its kind.
"""

from __future__ import annotations

from markupsafe import Markup

from ..engine.classify.facttable import FactKind, FactStatus
from ..engine.triple import TripleFact, TripleSummary
from ..factlook import KIND_LABEL, STATUS_MARK, STATUS_ORDER, STATUS_RANK, colour_of, status_label
from .facts import Choice, _cell
from .markup import kind_class

HELP = {
    FactStatus.SAME: "came back the same in C",
    FactStatus.RESPELLED: "came back in C spelt another way",
    FactStatus.CHANGED: "came back in C with another value",
    FactStatus.MISSING: "in A, not back in C",
    FactStatus.ADDED: "not in A: added on the way",
}


def overall(fact: TripleFact) -> FactStatus:
    """The round trip's status: did A's fact come back in C; a fact A lacks was added on the way."""
    if fact.a is not None:
        return fact.ac or FactStatus.MISSING
    return FactStatus.ADDED


def differs(fact: TripleFact) -> bool:
    """A fact that came back the same can still have differed in B (the translation is what is read)."""
    return overall(fact) is not FactStatus.SAME or any(s not in (None, FactStatus.SAME) for s in (fact.ab, fact.bc))


def _step(status: FactStatus | None) -> str:
    if status is None:  # neither version of the step has it
        return '<td class="none">—</td>'
    return f'<td class="st">{STATUS_MARK[status]} {status.value}</td>'


def _row(fact: TripleFact, group: int) -> str:
    status = overall(fact)
    colour = colour_of(status, fact.kind)
    cls = f"fs {kind_class(colour)}" if colour is not None else "fs"
    where = HELP[status] if fact.a is not None or fact.c is not None else "only in B: added in the middle version"
    link = f'<a href="#g{group + 1}">row {group + 1}</a>' if group >= 0 else "—"
    return (
        f'<tr class="s-{status.value} k-{fact.kind.value}" data-g="{group + 1}">'
        f'<td><span class="{cls}" title="{where}">{status_label(status)}</span></td>'
        f"<td>{KIND_LABEL[fact.kind]}</td>{_cell(fact.a_text)}{_cell(fact.b_text)}{_cell(fact.c_text)}"
        f"{_step(fact.ab)}{_step(fact.bc)}"
        f'<td class="num">{link}</td></tr>'
    )


def three_fact_values(summary: TripleSummary) -> dict:
    facts = sorted(summary.facts, key=lambda f: (STATUS_RANK[overall(f)] if differs(f) else 99, f.row))
    differ = [f for f in facts if differs(f)]
    same = [f for f in facts if not differs(f)]

    def rows(found: list[TripleFact]) -> Markup:
        return Markup("\n".join(_row(f, summary.group_of(f.row)) for f in found))

    return {
        "fact_total": len(facts),
        "fact_kinds": [
            (KIND_LABEL[k], *(sum(getattr(f, v) is not None for f in facts if f.kind is k) for v in "abc"))
            for k in FactKind
            if any(f.kind is k for f in facts)
        ],
        "fact_statuses": [Choice(s.value, status_label(s), sum(overall(f) is s for f in facts)) for s in STATUS_ORDER],
        "fact_kind_choices": [
            Choice(k.value, KIND_LABEL[k], sum(f.kind is k for f in facts))
            for k in FactKind
            if any(f.kind is k for f in facts)
        ],
        "fact_differ": rows(differ),
        "fact_differ_count": len(differ),
        "fact_same": rows(same),
        "fact_same_count": len(same),
    }
