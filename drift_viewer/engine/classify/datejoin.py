"""A date written in two forms is one change: "3 March 2024" / "03/03/2024", "3 de marzo de 2024" /
"03/03/2024", "3 марта 2024 года" / "03.03.2024", Czech "3. března 2024" / "3. 3. 2024", "2024年3月3日" / "2024-03-03".

The word diff matches the digits the two forms share ("3" in "March 3, 2024" and "3/3/2024") and cuts the
rest into a deletion, a punctuation change and a number change; each piece alone says the wrong thing.
A reader must check one date. So the changes that lie inside a date on each side are joined into one:
FORMAT when the two forms can name the same day, NUMBER naming both dates when they cannot. A day and
month written with slashes or hyphens reads either way round (3/4 is 3 April in most of the world and
March 4 in the United States); either reading that matches the other side's date makes it the same day.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import MONTHS
from ..model import Change, ChangeKind, Span

Day = tuple[int, int, int | None]  # (day, month, year or None)

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) >= 3), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?\.?"
_YEAR = r"(?P<y>\d{4})"
# Words a date carries in its language beside its numbers: Spanish "de", Portuguese "de", Russian "года"
# / "г.", Polish "r." / "roku", Czech and Slovak none, Turkish "yılı".
_TAIL = r"(?:\s+(?:года|году|г\.|року|р\.|roku|r\.|yılı|yılında))?"
_NAMED = re.compile(
    rf"(?<![\w.])(?:{_DAY}\s+(?:de\s+)?(?P<m>{_MONTH})\.?(?:,?\s+(?:de\s+|del\s+)?{_YEAR}{_TAIL})?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?)(?!\w)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\w.,/-])(?:(?P<a>\d{1,2})(?P<sep>[./-]|\.\s)(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))" + _TAIL + r"(?![\w/-])"
)
_CJK = re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]")


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


@lru_cache(maxsize=64)
def date_spans(text: str) -> tuple[tuple[int, int, frozenset[Day]], ...]:
    """Each date in `text`: (start, end, the days it can name)."""
    out: list[tuple[int, int, frozenset[Day]]] = []
    for m in _NAMED.finditer(text):
        month = MONTHS.get((m.group("m") or m.group("m2")).lower())
        day = int(m.group("d") or m.group("d2"))
        year = m.group("y") or m.group("y2")
        if month is not None and _valid(day, month):
            out.append((m.start(), m.end(), frozenset({(day, month, int(year) if year else None)})))
    for m in _NUMERIC.finditer(text):
        if m.group("iy"):
            day, month = int(m.group("id")), int(m.group("im"))
            days = {(day, month, int(m.group("iy")))} if _valid(day, month) else set()
        else:
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            days = {(x, y, year) for x, y in ((a, b), (b, a)) if _valid(x, y)}
            if m.group("sep")[0] == ".":
                days = {(a, b, year)} if _valid(a, b) else set()  # the dotted form is always day first
        if days:
            out.append((m.start(), m.end(), frozenset(days)))
    for m in _CJK.finditer(text):
        day, month = int(m.group("d")), int(m.group("m"))
        if _valid(day, month):
            out.append((m.start(), m.end(), frozenset({(day, month, int(m.group("y")))})))
    return tuple(out)


def _within(span: Span, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end if span.start != span.end else start < span.start < end


_ONE_PART = re.compile(r"\s*\w+\.?\s*")
_COSMETIC = frozenset({ChangeKind.FORMAT, ChangeKind.PUNCTUATION, ChangeKind.TYPOGRAPHY, ChangeKind.CASE})


def _told_apart(pieces: list[Change]) -> bool:
    """Whether the pieces of a changed date already say it: number changes of one part for one part (a day
    for a day, a month for a month), and the rest only the same parts written otherwise."""
    numbers = [c for c in pieces if c.kind is ChangeKind.NUMBER]
    return all(_ONE_PART.fullmatch(c.left_text) and _ONE_PART.fullmatch(c.right_text) for c in numbers) and all(
        c.kind is ChangeKind.NUMBER or c.kind in _COSMETIC for c in pieces
    )


def _widened(text: str, start: int, end: int, base: int) -> tuple[int, int]:
    while start and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return base + start, base + end


def dates_joined(changes: list[Change], left: str, right: str, base: tuple[int, int]) -> list[Change]:
    """`changes` (one group's, in order, spans absolute) with those inside one date on each side made one
    change; `left` and `right` are the group's texts, starting at `base` in their documents."""
    if not changes:
        return changes
    left_dates, right_dates = date_spans(left), date_spans(right)
    if not left_dates or not right_dates:
        return changes
    for ls, le, ldays in left_dates:
        for rs, re_, rdays in right_dates:
            if (None in {d[2] for d in ldays}) != (None in {d[2] for d in rdays}):
                continue  # a year said on one side only: not the same date in another form
            lo, hi = base[0] + ls, base[0] + le
            ro, ri = base[1] + rs, base[1] + re_
            touching = [n for n, c in enumerate(changes) if _overlaps(c.left, lo, hi) or _overlaps(c.right, ro, ri)]
            if not touching or touching != list(range(touching[0], touching[-1] + 1)):
                continue
            # A piece may take the space before or after the date with it (" March" deleted).
            wl, wr = _widened(left, ls, le, base[0]), _widened(right, rs, re_, base[1])
            if not all(_within(changes[n].left, *wl) and _within(changes[n].right, *wr) for n in touching):
                continue
            same = not ldays.isdisjoint(rdays)
            if len(touching) == 1 and (changes[touching[0]].kind is ChangeKind.NUMBER) != same:
                continue  # already one change of the right kind ("3" / "4" names both values)
            if not same and _told_apart([changes[n] for n in touching]):
                continue  # "December 4" / "Dec. 5": the month abbreviated (format), the day changed (4 / 5)
            kind = ChangeKind.FORMAT if same else ChangeKind.NUMBER
            joint = Change(kind, Span(lo, hi), Span(ro, ri), left[ls:le], right[rs:re_])
            return dates_joined(changes[: touching[0]] + [joint] + changes[touching[-1] + 1 :], left, right, base)
    return changes
