"""The fact table: every name, number, date, percentage, quotation and code of each side with its
counterpart in the aligned group, and whether it survived: same, respelled (a name one or two letters
off), changed (another value in its place), missing (left only) or added (right only).

For same-language pairs and translations alike; a translation's quotations are paired by their order,
as their words cannot be compared. Built from a finished Comparison, so the comparison itself costs
nothing more; the JSON (`facts`) and `--format csv` read it.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from rapidfuzz.distance import Indel

from .. import parallel
from ..lexicon.spelling import british_american
from ..lexicon.titles import TITLES
from ..model import Comparison, GroupKind, Span
from . import factread
from .evidence import headline, lower_words, running_capitals, zipf
from .wording import fold

_NOUNS_CAPITALISED = ("de", "lb")
RESPELT = 0.6  # letters in common (Indel) at which two names are one name respelt
TRANSLITERATED = 0.8  # ... at which a translation's name is the same name (crosscheck's match level)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per ?cent|percent|prozent|pour ?cent|por ?ciento|per ?cento|процент)", re.I)


class FactKind(enum.StrEnum):
    NAME = "name"
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    QUOTE = "quote"
    CODE = "code"


class FactStatus(enum.StrEnum):
    SAME = "same"
    RESPELLED = "respelled"
    CHANGED = "changed"
    MISSING = "missing"
    ADDED = "added"


@dataclass(frozen=True)
class FactRow:
    kind: FactKind
    status: FactStatus
    group: int  # index in Comparison.groups: where to jump to
    left_text: str
    right_text: str
    left: Span | None  # document offsets; None on the side that lacks the fact
    right: Span | None


def fact_table(comparison: Comparison) -> list[FactRow]:
    return Reading(comparison).rows()


# Groups from which the table is read from both ends at once, a forked child taking groups from the front
# and this process from the back (parallel.BothEnds): on the New Testament, ~3 CPU-s of regexes over
# 8,900 groups.
FACTS_BESIDE = 1500


class Reading:
    """The fact table being read: a forked child reads groups from the front from the moment this is made
    (on a book, where forking is safe), this process from the back when `rows` is asked, until the two
    meet. The caller may do other work in between (serialize.py builds the JSON's other keys, the report
    its rows): the child then reads more of the table."""

    def __init__(self, comparison: Comparison) -> None:
        if len(comparison.groups) >= FACTS_BESIDE:
            # Each document's lower-case words (~0.08 CPU-s a book), which any group with a name asks for:
            # read once here, before the child forks, and not once in each process.
            lower_words(comparison.left.text)
            lower_words(comparison.right.text)
        self._groups = parallel.BothEnds(
            partial(_group_rows, comparison), len(comparison.groups), FACTS_BESIDE, _flat, _unflat
        )

    def rows(self) -> list[FactRow]:
        return [row for rows in self._groups.results() for row in rows]

    def stop(self) -> None:
        """End the child, if its rows are not wanted any more (an error elsewhere)."""
        self._groups.stop()


def _flat(rows: list[FactRow]) -> list[tuple]:
    """Rows as plain tuples: they cross the pipe in a third of a dataclass's time."""
    return [
        (r.kind, r.status, r.group, r.left_text, r.right_text, r.left and tuple(r.left), r.right and tuple(r.right))
        for r in rows
    ]


def _unflat(rows: list[tuple]) -> list[FactRow]:
    return [FactRow(k, s, g, lt, rt, lf and Span(*lf), rf and Span(*rf)) for k, s, g, lt, rt, lf, rf in rows]


def _rows(comparison: Comparison, indices: range) -> list[FactRow]:
    """The rows of the groups at `indices`, read here in one pass (what both ends together give)."""
    rows: list[FactRow] = []
    for index in indices:
        rows += _group_rows(comparison, index)
    return rows


def _group_rows(comparison: Comparison, index: int) -> list[FactRow]:
    group = comparison.groups[index]
    if group.kind is GroupKind.MOVED and not group.left:
        return []  # a moved pair is read once, from its left group
    cross = comparison.mode == "cross-lingual"
    languages = (comparison.left.language, comparison.right.language)
    months_read = all(language in factread.MONTH_LANGUAGES for language in languages)
    rows: list[FactRow] = []
    right_indices = comparison.groups[group.partner].right if group.partner is not None else group.right
    lspan, rspan = comparison.left.group_span(group.left), comparison.right.group_span(right_indices)
    ltext = comparison.left.text[lspan.start : lspan.end] if group.left else ""
    rtext = comparison.right.text[rspan.start : rspan.end] if right_indices else ""
    left = _facts(ltext, languages[0], languages[1], cross)
    right = _facts(rtext, languages[1], languages[0], cross)
    if cross:
        _names_seen_across(left, right, languages)
        _names_common_in_one(left, right, ltext, rtext)
    _headline_names(left, ltext, comparison.left.text)
    _headline_names(right, rtext, comparison.right.text)
    _speech_openers(left, ltext, comparison.left.text)
    _speech_openers(right, rtext, comparison.right.text)
    for kind in _KINDS:
        lfacts, rfacts = left.get(kind, _NONE), right.get(kind, _NONE)
        if not (lfacts or rfacts) or (kind is FactKind.DATE and cross and not months_read):
            continue  # none of this kind; or month names of a language the lexicon cannot read: no date is "missing"
        for status, lf, rf in _pair(kind, lfacts, rfacts, cross, (ltext, rtext)):
            rows.append(
                FactRow(
                    kind,
                    status,
                    index,
                    ltext[lf[1] : lf[2]] if lf else "",
                    rtext[rf[1] : rf[2]] if rf else "",
                    Span(lspan.start + lf[1], lspan.start + lf[2]) if lf else None,
                    Span(rspan.start + rf[1], rspan.start + rf[2]) if rf else None,
                )
            )
    return rows


_KINDS = tuple(FactKind)  # iterating the enum itself runs a generator in enum.py, per group
_NONE: list[factread.Fact] = []


def counts(rows: list[FactRow]) -> dict[str, dict[str, int]]:
    """Facts per kind on each side, and rows per status."""
    return {
        "left": dict(sorted(Counter(r.kind.value for r in rows if r.left is not None).items())),
        "right": dict(sorted(Counter(r.kind.value for r in rows if r.right is not None).items())),
        "status": dict(sorted(Counter(r.status.value for r in rows).items())),
    }


def _names_seen_across(
    left: dict[FactKind, list[factread.Fact]], right: dict[FactKind, list[factread.Fact]], languages: tuple
) -> None:
    """A German side of a translation: a capitalised word is a name when the other side, in a language
    that capitalises only names, has it too (or one respelt: Schmidt / Schmitt). Word frequencies cannot
    tell: "Hamburg" and "Peter" are common German words, compounds such as "Hafenplan" are in no list,
    and "Plan" or "Rat" are English words as well."""
    for facts, other, language, other_language in ((left, right, *languages), (right, left, *languages[::-1])):
        if language not in _NOUNS_CAPITALISED or other_language in _NOUNS_CAPITALISED:
            continue
        theirs = [f[0] for f in other.get(FactKind.NAME, [])]
        facts[FactKind.NAME] = [
            f
            for f in facts.get(FactKind.NAME, [])
            if any(Indel.normalized_similarity(f[0], t) >= RESPELT for t in theirs)
        ]


def _names_common_in_one(
    left: dict[FactKind, list[factread.Fact]], right: dict[FactKind, list[factread.Fact]], ltext: str, rtext: str
) -> None:
    """A name the other side writes too, capitalised, is a name on both sides: "María José" is too common
    a Spanish word to be taken for a name on a Spanish side alone, and was listed missing from it beside
    an English side that has it as a name."""
    for facts, other, text in ((left, right, ltext), (right, left, rtext)):
        theirs = {f[0] for f in other.get(FactKind.NAME, [])}
        mine = {f[1] for f in facts.get(FactKind.NAME, [])}
        extra = [
            (factread.latin(w), s, e)
            for w, s, e in factread.name_candidates(text)
            if s not in mine and factread.latin(w) in theirs
        ]
        if extra:
            facts[FactKind.NAME] = sorted(facts.get(FactKind.NAME, []) + extra, key=lambda f: f[1])


_SPEECH_BEFORE = re.compile(r"[:,;]\s*[\"'“‘«„]?$")


def _speech_openers(facts: dict[FactKind, list[factread.Fact]], text: str, document: str) -> None:
    """After a colon or a comma, a capital may open speech that no quote mark opens ("in Isaiah the prophet:
    Behold, I send", "crying in the wilderness, Make ready"), so it proves nothing: a word there is a name
    only if its document never writes it in lower case."""
    if not facts.get(FactKind.NAME):
        return
    lower = lower_words(document)
    facts[FactKind.NAME] = [
        f
        for f in facts[FactKind.NAME]
        if not (_SPEECH_BEFORE.search(text, max(0, f[1] - 4), f[1]) and text[f[1] : f[2]].lower() in lower)
    ]


def _headline_names(facts: dict[FactKind, list[factread.Fact]], text: str, document: str) -> None:
    """In a title-case headline ("Russia Launches Fresh Wave Of Missile Attacks"), a capital proves
    nothing: a word there is a name only where the document also capitalises it in running text.
    Line by line: a group may hold the headline and the paragraph under it (the aligner's 2:1, or a
    hand link), and the headline is still its own line there."""
    if not facts.get(FactKind.NAME):
        return
    lines, start = [], 0
    for line in text.split("\n"):
        if headline(line):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    if not lines:
        return
    known = running_capitals(document)
    facts[FactKind.NAME] = [
        f
        for f in facts[FactKind.NAME]
        if text[f[1] : f[2]].lower() in known or not any(a <= f[1] < b for a, b in lines)
    ]


def _facts(
    text: str, language: str | None, other: str | None, cross: bool = False
) -> dict[FactKind, list[factread.Fact]]:
    if not text:
        return {}
    out: dict[FactKind, list[factread.Fact]] = {FactKind.CODE: factread.codes(text)}
    plain = factread.masked(text)
    numeric_months = factread.numeric_months(plain, language)
    month_at = {start for _, start, _ in numeric_months}
    for fact in factread.numbers(plain, language):
        if fact[1] in month_at:
            continue  # the month of "12.03.2024" is a date fact, as "March" is
        kind = FactKind.PERCENT if _PERCENT_AFTER.match(text, fact[2]) else FactKind.NUMBER
        out.setdefault(kind, []).append(fact)
    out[FactKind.DATE] = sorted(factread.months(text) + numeric_months, key=lambda f: f[1])
    out[FactKind.QUOTE] = [(fold(m.group()[1:-1]).lower(), m.start(), m.end()) for m in factread.QUOTED.finditer(text)]
    # A German side of a translation: every capitalised word, sifted against the other side afterwards.
    every = cross and language in _NOUNS_CAPITALISED and other not in _NOUNS_CAPITALISED
    out[FactKind.NAME] = [
        (factread.latin(w), s, e)
        for w, s, e in factread.name_candidates(text)
        if (every and factread.latin(w)) or (not every and _a_name(w, language, other))
    ]
    return out


@lru_cache(maxsize=1 << 14)
def _a_name(word: str, language: str | None, other: str | None) -> bool:
    """A capitalised word inside a sentence, unless a common word; in German, which capitalises every
    noun, only a word the other side's language (or English) uses too, as names are."""
    if not factread.latin(word) or zipf(word.lower(), language) >= 5.0 or word.lower() in TITLES:
        return False  # a title ("Mayor", "Ms") is a common noun capitalised before the name it titles
    if language in ("de", "lb"):
        return zipf(factread.latin(word), other if other not in ("de", "lb", None) else "en") >= 3.0
    return True


Pairing = tuple[FactStatus, factread.Fact | None, factread.Fact | None]


def _pair(
    kind: FactKind, left: list[factread.Fact], right: list[factread.Fact], cross: bool, texts: tuple[str, str]
) -> Iterator[Pairing]:
    if kind is FactKind.QUOTE and cross:  # words of two languages: paired by their order
        for k in range(max(len(left), len(right))):
            lf, rf = left[k] if k < len(left) else None, right[k] if k < len(right) else None
            yield (FactStatus.SAME if lf and rf else FactStatus.MISSING if lf else FactStatus.ADDED), lf, rf
        return
    rest = list(right)
    lonly = []
    for lf in left:
        match = next((k for k, rf in enumerate(rest) if rf[0] == lf[0]), None)
        if match is None:
            lonly.append(lf)
        else:
            yield FactStatus.SAME, lf, rest.pop(match)
    if kind is FactKind.NAME:
        still = []
        for lf in lonly:
            scores = [Indel.normalized_similarity(lf[0], rf[0]) for rf in rest]
            best = max(range(len(rest)), key=scores.__getitem__, default=None)
            if best is not None and scores[best] >= RESPELT:
                # Across scripts a name's Latin spelling varies, and its endings decline (Эльбруса); in
                # one script, Schmidt / Schmitt is a respelling whatever the languages.
                rf = rest[best]
                scripts = factread.latin_script(texts[0][lf[1] : lf[2]]) != factread.latin_script(
                    texts[1][rf[1] : rf[2]]
                )
                same = (cross and scripts and scores[best] >= TRANSLITERATED) or british_american(
                    lf[0].lower(), rf[0].lower()
                )  # "Defense" / "Defence" Ministry: one word in two house styles
                yield (FactStatus.SAME if same else FactStatus.RESPELLED), lf, rest.pop(best)
            else:
                still.append(lf)
        lonly = still
    if kind is not FactKind.NAME:  # another value in the same place: changed
        while lonly and rest:
            yield FactStatus.CHANGED, lonly.pop(0), rest.pop(0)
    for lf in lonly:
        yield FactStatus.MISSING, lf, None
    for rf in rest:
        yield FactStatus.ADDED, None, rf


def rows_of(comparison: Comparison, indices: range) -> list[FactRow]:
    """The rows of some groups only: a hand edit of three versions reads the groups it made again."""
    return _rows(comparison, indices)
