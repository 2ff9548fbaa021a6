"""Word-level diff of two texts: whole words in, whole words out, never "Ha[y->i]nes".

How it works
- Tokens and their keys (tokens.py): words with the whitespace before them, compared lower-cased and
  typography-folded.
- diff-match-patch diffs the keys, each mapped to one private-use character (its own diff_linesToChars
  trick, applied to words), with Diff_Timeout 0 so the result never depends on machine load;
  matching.py shows it only the words both sides share, between patience anchors, and keeps the match
  count a longest common subsequence's. Its opcodes cut the texts into equal runs and changed runs
  (runs.Run). A matched pair whose raw tokens still differ is a change of its own (case, typography,
  spacing).
- Readability (readable.py): inside a changed run, a capitalised pair spelt alike or a pair of numbers is split out
  so a name or number change never hides inside a rewording; then short unchanged runs of function
  words or commas between two rewordings are absorbed, so "the exact opposite" -> "exactly the contrary"
  reads as one change, not confetti.
- Emitting (emit.py): runs back to Segments.

Segments follow diff-match-patch's data model (model.Op has its values): EQUAL+DELETE texts rebuild the
left text exactly, EQUAL+INSERT the right; DELETE comes before INSERT inside each changed run.
"""

from __future__ import annotations

from ..model import Op, Segment
from . import matching
from .emit import emit
from .readable import anchor, fuse
from .runs import CHANGE, EQ, FIXED, Run
from .tokens import keys, tokenize


def word_diff(left: str, right: str) -> tuple[Segment, ...]:
    """Diff two texts word by word; EQUAL+DELETE rebuild `left`, EQUAL+INSERT rebuild `right`."""
    if left == right:
        return (Segment(Op.EQUAL, left),) if left else ()
    if not left:
        return (Segment(Op.INSERT, right),)
    if not right:
        return (Segment(Op.DELETE, left),)
    ta, tb = tokenize(left), tokenize(right)
    ka, kb = keys(ta), keys(tb)
    items = _items(ta, tb, ka, kb)
    if len(items) > 1:
        items = fuse(anchor(items, ta, tb, ka, kb), ta, tb, ka, kb)
    return emit(items, ta, tb)


# diff-match-patch over word keys, each mapped to one private-use character (its own
# diff_linesToChars trick, applied to words); see matching.py for how it is given less to do.
_opcodes = matching.opcodes


def _items(ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[Run]:
    items: list[Run] = []
    for tag, i1, i2, j1, j2 in _opcodes(ka, kb):
        if tag != "equal":
            if items and items[-1].what == CHANGE:
                last = items[-1]
                items[-1] = Run(CHANGE, last.i1, i2, last.j1, j2)  # a delete then an insert: one change
            else:
                items.append(Run(CHANGE, i1, i2, j1, j2))
        elif ta[i1:i2] == tb[j1:j2]:
            items.append(Run(EQ, i1, i2, j1, j2))
        else:
            # Same words, but some differ in case, typography or the space before them.
            start = i1
            for i in range(i1, i2):
                j = j1 + i - i1
                if ta[i] != tb[j]:
                    if i > start:
                        items.append(Run(EQ, start, i, j1 + start - i1, j))
                    items.append(Run(FIXED, i, i + 1, j, j + 1))
                    start = i + 1
            if start < i2:
                items.append(Run(EQ, start, i2, j1 + start - i1, j2))
    return items
