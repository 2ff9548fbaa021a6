"""Runs back to text: the Segments of a word diff, whitespace placed so each change reads on its own."""

from __future__ import annotations

from ..model import Op, Segment
from .runs import ANCHOR, EQ, FIXED, Run

# Enum members bound once: in Python 3.11 each `Op.DELETE` is a slow class-attribute lookup, and these run per segment.
_EQUAL_OP, _DELETE_OP, _INSERT_OP = Op.EQUAL, Op.DELETE, Op.INSERT


def emit(items: list[Run], ta: list[str], tb: list[str]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    add = segments.append

    def flush(same: str, dels: str, ins: str) -> None:
        """Close a changed run: the equal text before it, then its deletion, then its insertion."""
        if same:
            add(Segment(_EQUAL_OP, same))
        if dels:
            add(Segment(_DELETE_OP, dels))
        if ins:
            add(Segment(_INSERT_OP, ins))

    dels = ins = ""
    same = ""  # equal text not yet added: it grows until a change follows it
    join = "".join
    after_anchor = False
    for what, i1, i2, j1, j2 in items:
        if what != EQ and (dels and ins if what == ANCHOR else after_anchor and i2 > i1 and j2 > j1):
            # A name or number pair split out of a rewording stays a change of its own where it touches
            # another change: "Capernaum;" -> "Caparnaum." is a name change and a punctuation change, not
            # one rewording. Only where the neighbour has words on both sides: the cutter sees a new change
            # begin where a deletion follows an insertion, and a one-sided neighbour would split one way
            # round and not the other (B against A must mirror A against B).
            flush(same, dels, ins)
            same = dels = ins = ""
        after_anchor = what == ANCHOR
        if what == EQ:
            text = ta[i1] if i2 - i1 == 1 else join(ta[i1:i2])
            if dels or ins:
                flush(same, dels, ins)
                dels = ins = ""
                same = text
            else:
                same += text
            continue
        a = ta[i1] if i2 - i1 == 1 else join(ta[i1:i2])
        b = tb[j1] if j2 - j1 == 1 else join(tb[j1:j2])
        if a[:1].isspace() and b[:1].isspace():
            word = a.lstrip()
            if what == FIXED and word == b.lstrip():
                # Only the space before the word changed ("\n\nWashington" / "Washington").
                dels += a[: len(a) - len(word)]
                ins += b[: len(b) - len(word)]
                a = b = ""
                lead = word
            else:
                # The shared space before a change is unchanged; keeping it equal also keeps this
                # change apart from the one before it.
                n = 0
                limit = min(len(a), len(b))
                while n < limit and a[n] == b[n] and a[n].isspace():
                    n += 1
                lead, a, b = a[:n], a[n:], b[n:]
            if not lead:
                dels += a
                ins += b
            elif dels or ins:
                flush(same, dels, ins)
                same = lead
                dels, ins = a, b
            else:
                same += lead
                dels, ins = a, b
        else:
            dels += a
            ins += b
    if dels or ins:
        flush(same, dels, ins)
    elif same:
        add(Segment(_EQUAL_OP, same))
    return tuple(segments)
