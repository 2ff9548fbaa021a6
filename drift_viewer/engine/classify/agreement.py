"""A number changed and the word it counts, agreeing with it, are one change: "1 hour" / "2 hours",
"24 часа" / "48 часов", "24 godziny" / "48 godzin", "1 Stunde" / "2 Stunden".

A noun after a number takes the number's grammatical number, and in Slavic languages a case that depends
on the number too (Russian 2-4 take the genitive singular, 5 and up the genitive plural). When the number
changes, its unit's word changes with it, and the word diff shows that as a rewording beside the number
change. But the unit is the same (both words name one unit of the CLDR list, lexicon/units.py), so a
reader has one fact to check: the number change takes the unit's word into its span.
"""

from __future__ import annotations

from ..lexicon.magnitudes import plural_magnitude
from ..lexicon.units import unit_ids
from ..model import Change, ChangeKind, Span

_NUMBER = ChangeKind.NUMBER
# What the unit's new form is called by the word rules: "hour" / "hours" REWORDED, "Stunde" / "Stunden"
# and "milliard" / "milliards" perhaps SPELLING.
_FORM_KINDS = frozenset({ChangeKind.REWORDED, ChangeKind.SPELLING, ChangeKind.CASE})


def _same_unit(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if not a or not b or " " in a or " " in b:
        return False
    la, lb = a.lower(), b.lower()
    scale = plural_magnitude(la)
    if scale is not None and scale == plural_magnitude(lb):
        return True  # "5 миллионов" / "2 миллиона": one scale in the case each number takes
    return not unit_ids(a).isdisjoint(unit_ids(b))


def units_joined(changes: list[Change], left: str, right: str, base: tuple[int, int]) -> list[Change]:
    """`changes` (one group's, in order, spans absolute) with each number change and the unit word
    right after it, in another form of the same unit (or scale), made one number change."""
    if len(changes) < 2 or all(c.kind is not _NUMBER for c in changes):
        return changes
    out: list[Change] = []
    for change in changes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind is _NUMBER
            and change.kind in _FORM_KINDS
            and not left[prev.left.end - base[0] : change.left.start - base[0]].strip()
            and not right[prev.right.end - base[1] : change.right.start - base[1]].strip()
            and _same_unit(change.left_text, change.right_text)
        ):
            ls, rs = Span(prev.left.start, change.left.end), Span(prev.right.start, change.right.end)
            out[-1] = Change(
                _NUMBER,
                ls,
                rs,
                left[ls.start - base[0] : ls.end - base[0]],
                right[rs.start - base[1] : rs.end - base[1]],
            )
            continue
        out.append(change)
    return out
