"""The one way results cross between processes: a Group as plain tuples, and back.

Pickling NamedTuples and enums calls Python code per object, plain tuples of str, int and float do not:
a book's groups cross from the pipeline's forked workers, and from the window's comparison process, about
6x faster this way (measured on the New Testament). Both use these two functions.
"""

from __future__ import annotations

from .model import Change, ChangeKind, Group, GroupKind, Op, Segment, Span

_OPS = {op.value: op for op in Op}
_CHANGE_KINDS = {kind.value: kind for kind in ChangeKind}
_GROUP_KINDS = {kind.value: kind for kind in GroupKind}


def pack_group(g: Group) -> tuple:
    """A group as plain tuples of str, int and float."""
    return (
        g.left,
        g.right,
        g.kind.value,
        g.similarity,
        tuple((s.op.value, s.text) for s in g.diff),
        tuple((c.kind.value, *c.left, *c.right, c.left_text, c.right_text) for c in g.changes),
        g.partner,
        g.confidence,
        g.manual,
    )


def unpack_group(t: tuple) -> Group:
    left, right, kind, similarity, diff, changes, partner, confidence, manual = t
    return Group(
        left,
        right,
        _GROUP_KINDS[kind],
        similarity,
        tuple([Segment(_OPS[op], text) for op, text in diff]),
        tuple(
            [Change(_CHANGE_KINDS[k], Span(ls, le), Span(rs, re_), lt, rt) for k, ls, le, rs, re_, lt, rt in changes]
        ),
        partner,
        confidence,
        manual,
    )
