"""Negations made of two words, one change: French "ne ... pas", Catalan "no ... pas", Afrikaans "nie ...
nie", French "ne ... plus de" / "des".

The word diff cuts "ne veut pas" / "veut" into two deletions with the verb between them, and each looks
like a negator dropped; but the language says one denial with both words, so a reader must check one flip,
not two. Two changes of a group join when they stand in one clause, the first a NEGATION, the second a
negation or a change whose words hold a negator (a partner such as "pas", "plus" that never denies alone),
both taking their words from the same side, and the joined wordings differ by one denial at most, counted
by the language's own rules: "ne mange jamais et ne boit pas" / "mange et boit" denies twice, so the two
flips stay two.
"""

from __future__ import annotations

import re

from ..lexicon.negators import is_negator, negated_pair
from ..model import Change, ChangeKind, Span
from .negation import Languages, denials

_NEGATION = ChangeKind.NEGATION
# A change that may be a negation's second word: the rules give a bare "pas" (Catalan) DELETED, and
# "plus de" / "des" REWORDED, and inside a quotation QUOTE ("«Мы не теряем надежды»" / "«Мы теряем надежду»").
_PARTNER_KINDS = frozenset({_NEGATION, ChangeKind.DELETED, ChangeKind.INSERTED, ChangeKind.REWORDED, ChangeKind.QUOTE})
# A clause break between the two words: they belong to two statements.
_BREAK = re.compile(r"[.!?;:,。！？；：，؟،\n]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def joined(changes: list[Change], left: str, right: str, base: tuple[int, int], languages: Languages) -> list[Change]:
    """`changes` (one group's, in order, spans absolute) with each two-word negation made one change, and
    two flips that undo each other in one clause made one rewording; `left` and `right` are the group's
    texts, starting at `base` in their documents."""
    if sum(c.kind is _NEGATION for c in changes) == 0 or len(changes) < 2:
        return changes
    out: list[Change] = []
    for change in changes:
        if out and _same_clause(out[-1], change, left, right, base):
            if _one_denial(out[-1], change, left, right, base, languages):
                out[-1] = _merge(out[-1], change, left, right, base, _NEGATION)
                continue
            if _undone(out[-1], change, left, right, base, languages):
                out[-1] = _merge(out[-1], change, left, right, base, ChangeKind.REWORDED)
                continue
        out.append(change)
    return out


def _same_clause(x: Change, y: Change, left: str, right: str, base: tuple[int, int]) -> bool:
    between_l = left[x.left.end - base[0] : y.left.start - base[0]]
    between_r = right[x.right.end - base[1] : y.right.start - base[1]]
    return not (_BREAK.search(between_l) or _BREAK.search(between_r))


def _denier(change: Change, languages: Languages) -> int | None:
    """The side (0 left, 1 right) on which a NEGATION change denies: the side that holds its words, or
    the one whose wording denies more, or whose word is the other's negated in its own form."""
    a, b = change.left_text, change.right_text
    if a.strip() and not b.strip():
        return 0
    if b.strip() and not a.strip():
        return 1
    dx = denials(a, languages[0]) - denials(b, languages[1])
    if dx:
        return 0 if dx > 0 else 1
    if negated_pair(a, b, languages[0]):
        return 0  # "Neviděl" / "Viděl", "imposible" / "posible"
    if negated_pair(b, a, languages[1]):
        return 1
    return None


def _joint(x: Change, y: Change, left: str, right: str, base: tuple[int, int]) -> tuple[str, str]:
    return (
        left[x.left.start - base[0] : y.left.end - base[0]],
        right[x.right.start - base[1] : y.right.end - base[1]],
    )


def _one_denial(x: Change, y: Change, left: str, right: str, base: tuple[int, int], languages: Languages) -> bool:
    if x.kind is not _NEGATION or y.kind not in _PARTNER_KINDS:
        return False
    side = _denier(x, languages)
    if side is None:
        return False
    words = _WORD.findall((y.left_text, y.right_text)[side])
    other = _WORD.findall((y.right_text, y.left_text)[side])
    if any(is_negator(w, languages[1 - side]) for w in other):
        return False  # a negator on the other side: one that moved
    if not any(is_negator(w, languages[side]) for w in words) and not _object_case(words, other, languages[side]):
        return False
    joint_l, joint_r = _joint(x, y, left, right, base)
    difference = denials(joint_l, languages[0]) - denials(joint_r, languages[1])
    return difference == (1 if side == 0 else -1)


def _undone(x: Change, y: Change, left: str, right: str, base: tuple[int, int], languages: Languages) -> bool:
    """Two flips in one clause, one denying on each side, whose joined wordings deny alike once the words
    that deny by their shape count: "Es imposible" / "No es posible", "jest niemożliwe" / "nie jest
    możliwe". The denial moved from a prefix to a negator; the statement is the same."""
    if x.kind is not _NEGATION or y.kind is not _NEGATION:
        return False
    sides = _denier(x, languages), _denier(y, languages)
    if None in sides or sides[0] == sides[1]:
        return False
    joint_l, joint_r = _joint(x, y, left, right, base)
    # A word negated in its own form (imposible / posible, niemożliwe / możliwe) denies once on its side,
    # whether or not the frequency rules of implicit.py read it so.
    shaped = [0, 0]
    for c in (x, y):
        if denials(c.left_text, languages[0]) == denials(c.right_text, languages[1]):  # no negator word moved
            if negated_pair(c.left_text, c.right_text, languages[0]):
                shaped[0] += 1
            elif negated_pair(c.right_text, c.left_text, languages[1]):
                shaped[1] += 1
    return denials(joint_l, languages[0]) + shaped[0] == denials(joint_r, languages[1]) + shaped[1]


# Languages whose denied verb takes its object in another case: Polish "nie podniesie podatków" (genitive) /
# "podniesie podatki" (accusative), Russian "не видел машины" / "видел машину", Finnish "ei ostanut autoa"
# (partitive) / "osti auton". The object's new ending is part of the flip, not a word of its own changed.
_OBJECT_CASE = frozenset({"pl", "ru", "uk", "cs", "sk", "be", "lt", "lv", "fi", "et"})


def _object_case(words: list[str], other: list[str], language: str | None) -> bool:
    """One word on each side, the same stem with another ending, in a language of `_OBJECT_CASE`."""
    if language not in _OBJECT_CASE or len(words) != 1 or len(other) != 1:
        return False
    a, b = words[0].lower(), other[0].lower()
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return a != b and stem >= 3 and max(len(a), len(b)) - stem <= 3


def _merge(x: Change, y: Change, left: str, right: str, base: tuple[int, int], kind: ChangeKind) -> Change:
    """One change over both, its spans without the spaces at their ends (the dropped word's side took
    them with it)."""
    ls = _trimmed(left, x.left.start, y.left.end, base[0])
    rs = _trimmed(right, x.right.start, y.right.end, base[1])
    return Change(
        kind, ls, rs, left[ls.start - base[0] : ls.end - base[0]], right[rs.start - base[1] : rs.end - base[1]]
    )


def _trimmed(text: str, start: int, end: int, base: int) -> Span:
    piece = text[start - base : end - base]
    if not piece.strip():
        return Span(start, end)
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return Span(start, end)
