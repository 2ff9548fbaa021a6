"""What a translation reviewer checks in a pair of aligned sentences, in place of a word diff (which
means nothing across languages): the facts of each side, read by value, that must survive translating.

- numbers and dates by value, each read with its language's decimal sign: German "4,5" is 4.5 and
  "1.000" is 1000, as English "1,000"; "3. März" is 3 March (months of the lexicon's languages)
- names: capitalised words inside a sentence, compared letter for letter, across scripts through their
  Latin transliteration (anyascii: "Меркель" reads "Merkel'")
- quotations present on one side only; URLs, e-mail addresses and codes (A320, COVID-19) on one side only
- a negation on one side only (lexicon/negators: 20 languages)
- a sentence left untranslated (the same words on both sides)
- a length far from the texts' overall ratio (Gale and Church's delta)

Each finding is a `Change` whose spans cover the fact's words on each side (an empty span at the start
of the other side's text where it has no counterpart), so the window and the report highlight the
facts and nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..lexicon.negators import count_negations
from ..model import Change, ChangeKind, Span
from . import factread
from .evidence import zipf
from .factread import DIGIT_MONTHS, MONTH_LANGUAGES, Fact

_NAME_MATCH = 0.8  # letters in common (Indel) at which two transliterated names are one name
_NAME_RESPELT = 0.6  # ... at which an unmatched name on each side is the same name respelt
NOUN_CAPITALS = frozenset({"de", "lb"})  # languages that capitalise every noun
EXONYM = 4.8  # Zipf frequency of München, London, Москву: names common enough to be translated
COMMON_WORD = 5.0  # Zipf frequency above which a capitalised word is a common word (a title, a noun)
FOREIGN_KNOWN = 3.0  # a name is used in any language: found this often in the other language too
LENGTH_DELTA = 4.0  # Gale-Church standard deviations past which a length is an outlier
LENGTH_MIN = 60  # characters: short lines ("Photo", titles) vary too much to judge
UNTRANSLATED_WORDS = 4  # words: shorter identical lines are names, titles, numbers


def fact_changes(
    ltext: str,
    rtext: str,
    lstart: int,
    rstart: int,
    languages: tuple[str | None, str | None],
    ratio: float,
    documents: tuple[str, str] | None = None,
) -> tuple[Change, ...]:
    """The fact checks of one aligned group; `ratio` is the right texts' length over the left's overall;
    `documents`, both whole texts, to tell a name's own form in each language from a name changed."""
    found: list[Change] = []
    lang_l, lang_r = languages
    words_l, _words_r = len(factread.WORD.findall(ltext)), len(factread.WORD.findall(rtext))
    if words_l >= UNTRANSLATED_WORDS and " ".join(ltext.split()) == " ".join(rtext.split()):
        found.append(
            Change(
                ChangeKind.UNTRANSLATED,
                Span(lstart, lstart + len(ltext)),
                Span(rstart, rstart + len(rtext)),
                ltext,
                rtext,
            )
        )
        return tuple(found)
    found += _one_sided(factread.codes(ltext), factread.codes(rtext), ChangeKind.CODE, ltext, rtext, lstart, rstart)
    nl, nr = factread.numbers(factread.masked(ltext), lang_l), factread.numbers(factread.masked(rtext), lang_r)
    if lang_l in MONTH_LANGUAGES and lang_r in DIGIT_MONTHS:
        nl += [(f"{factread.key(float(f[0].split()[1]))}", f[1], f[2]) for f in factread.months(ltext)]
    if lang_r in MONTH_LANGUAGES and lang_l in DIGIT_MONTHS:
        nr += [(f"{factread.key(float(f[0].split()[1]))}", f[1], f[2]) for f in factread.months(rtext)]
    found += _one_sided(nl, nr, ChangeKind.NUMBER, ltext, rtext, lstart, rstart)
    found += _month_checks(ltext, rtext, lstart, rstart, lang_l, lang_r)
    found += _names(ltext, rtext, lstart, rstart, languages, documents)
    found += _quotes(ltext, rtext, lstart, rstart)
    if _denials(ltext, lang_l) != _denials(rtext, lang_r):
        found.append(_whole(ChangeKind.NEGATION, ltext, rtext, lstart, rstart))
    if not found and _length_outlier(len(ltext), len(rtext), ratio):
        found.append(_whole(ChangeKind.LENGTH, ltext, rtext, lstart, rstart))
    return tuple(sorted(found, key=lambda c: (c.left.start, c.right.start)))


def _whole(kind: ChangeKind, ltext: str, rtext: str, lstart: int, rstart: int) -> Change:
    return Change(kind, Span(lstart, lstart + len(ltext)), Span(rstart, rstart + len(rtext)), ltext, rtext)


def _one_sided(
    left: list[Fact], right: list[Fact], kind: ChangeKind, ltext: str, rtext: str, lstart: int, rstart: int
) -> Iterator[Change]:
    """A change for every fact that one side states and the other does not, paired in order with the
    other side's unmatched facts (4.5 -> 5.4), else facing an empty span."""
    lc, rc = Counter(f[0] for f in left), Counter(f[0] for f in right)
    lonly = _unmatched(left, lc - rc)
    ronly = _unmatched(right, rc - lc)
    for k in range(max(len(lonly), len(ronly))):
        lf = lonly[k] if k < len(lonly) else None
        rf = ronly[k] if k < len(ronly) else None
        lspan = Span(lstart + lf[1], lstart + lf[2]) if lf else Span(lstart, lstart)
        rspan = Span(rstart + rf[1], rstart + rf[2]) if rf else Span(rstart, rstart)
        yield Change(kind, lspan, rspan, ltext[lf[1] : lf[2]] if lf else "", rtext[rf[1] : rf[2]] if rf else "")


def _unmatched(facts: list[Fact], extra: Counter[str]) -> list[Fact]:
    out = []
    left = Counter(extra)
    for fact in reversed(facts):  # the last occurrences are the extra ones, whatever: one each is shown
        if left[fact[0]] > 0:
            left[fact[0]] -= 1
            out.append(fact)
    return out[::-1]


def _month_checks(ltext: str, rtext: str, lstart: int, rstart: int, lang_l, lang_r) -> Iterator[Change]:
    """Month names compared where both languages' months are in the lexicon; against Chinese, Japanese or
    Korean, which write months in digits (3月), a month name counts as its number."""
    named_l, named_r = lang_l in MONTH_LANGUAGES, lang_r in MONTH_LANGUAGES
    if named_l and named_r:
        yield from _one_sided(
            factread.months(ltext), factread.months(rtext), ChangeKind.NUMBER, ltext, rtext, lstart, rstart
        )


def _names(ltext: str, rtext: str, lstart: int, rstart: int, languages, documents=None) -> Iterator[Change]:
    """A name on each side that the other side lacks, when the two are one name respelt (Haines /
    Haynes, Schmidt / Schmitt) or both are names in either language (a German noun is found in no
    English word list, a name in every one).

    With the whole `documents`, only where the other version knows one of the two: a translation that
    writes "Alpes" wherever the original says "Alpen", or "Japonais" where a German noun stood, uses its
    language's words; one that writes "McNaugh-Davis" here and "McNaught-Davis" elsewhere, or "Сидоров"
    where it says "Петров" elsewhere, changed the name in this place."""
    lang_l, lang_r = languages
    lnames, rnames = factread.name_candidates(ltext), factread.name_candidates(rtext)
    lonly = [f for f in lnames if not _found(f[0], rtext, rnames)]
    ronly = [f for f in rnames if not _found(f[0], ltext, lnames)]
    used: set[int] = set()
    for lf in lonly:
        best, best_k = 0.0, -1
        for k, rf in enumerate(ronly):
            if k in used:
                continue
            score = _pair_score(lf[0], rf[0], lang_l, lang_r)
            if score > best:
                best, best_k = score, k
        if best_k >= 0:
            rf = ronly[best_k]
            if documents is not None and _own_words(factread.latin(lf[0]), factread.latin(rf[0]), documents, best):
                continue  # each version keeps to its own word for it
            used.add(best_k)
            yield Change(
                ChangeKind.NAME,
                Span(lstart + lf[1], lstart + lf[2]),
                Span(rstart + rf[1], rstart + rf[2]),
                lf[0],
                rf[0],
            )


def _own_words(left: str, right: str, documents: tuple[str, str], score: float) -> bool:
    """Whether each version uses its own word: neither document writes the other's, and, for one name
    respelt (`score` a similarity), both recur in their document: one use proves no habit, and a name
    said once and respelt is flagged. Two unlike words (a German noun facing a French name) need the
    other version to know one of them to be a name changed."""
    lwords, rwords = _latin_words(documents[0]), _latin_words(documents[1])
    if left in rwords or right in lwords:
        return False
    if score < _NAME_RESPELT:
        return True
    return lwords.get(left, 0) >= 2 and rwords.get(right, 0) >= 2


@lru_cache(maxsize=4)
def _latin_words(document: str) -> dict[str, int]:
    """How often each word of a whole document is used, spelt in Latin letters (as factread.latin spells a
    name); distinct tokens first: a book has ~15k of them in ~180k words."""
    counts: Counter[str] = Counter()
    for token, n in Counter(document.split()).items():
        counts[factread.latin(_TRIM.sub("", token))] += n
    return counts


_TRIM = re.compile(r"^\W+|\W+$")


def _found(name: str, other: str, other_names: list[Fact]) -> bool:
    latin = factread.latin(name)
    if not latin:
        return True  # nothing to compare by (a script anyascii cannot spell)
    if name in other or latin in factread.latin(other):
        return True
    # Letters in common only across scripts, where a name's Latin spelling varies (Петров / Petrov); in
    # one script Gómez / Gomes is a respelling whatever the languages, as the fact table says.
    return any(
        Indel.normalized_similarity(latin, factread.latin(f[0])) >= _NAME_MATCH
        for f in other_names
        if factread.latin_script(f[0]) != factread.latin_script(name)
    )


def _pair_score(a: str, b: str, lang_a: str | None, lang_b: str | None) -> float:
    """How surely a (left) and b (right), each missing on the other side, are a name changed: their
    letters' similarity when one name respelt, a token 0.1 when both are names, else 0."""
    la, lb = factread.latin(a), factread.latin(b)
    if not la or not lb:
        return 0.0
    # A name its language uses very often is a place or a body with a name of its own in each language
    # (München / Munich, España / Spanien, Москва / Moscow): translated, not changed.
    if max(zipf(a.lower(), lang_a), zipf(b.lower(), lang_b)) >= EXONYM:
        return 0.0
    similar = Indel.normalized_similarity(la, lb)
    if similar >= _NAME_RESPELT:
        return similar
    if _name_like(a, la, lang_a, lang_b) and _name_like(b, lb, lang_b, lang_a):
        return 0.1
    return 0.0


def _name_like(word: str, latin: str, language: str | None, other: str | None) -> bool:
    """A capitalised word inside a sentence is a name, unless a common word (a title, a nationality:
    President, German); in German, which capitalises every noun, only one the other language uses too
    (names travel between languages, "Regierung" is in no English word list)."""
    if zipf(word.lower(), language) >= COMMON_WORD:
        return False
    return language not in NOUN_CAPITALS or zipf(latin, other) >= FOREIGN_KNOWN


def _quotes(ltext: str, rtext: str, lstart: int, rstart: int) -> Iterator[Change]:
    lq, rq = list(factread.QUOTED.finditer(ltext)), list(factread.QUOTED.finditer(rtext))
    if bool(lq) == bool(rq):
        return
    for m in lq:
        yield Change(ChangeKind.QUOTE, Span(lstart + m.start(), lstart + m.end()), Span(rstart, rstart), m.group(), "")
    for m in rq:
        yield Change(ChangeKind.QUOTE, Span(lstart, lstart), Span(rstart + m.start(), rstart + m.end()), "", m.group())


_FRENCH_EVER = re.compile(r"\bjamais\b", re.IGNORECASE)
_FRENCH_NE = re.compile(r"\b(?:ne\b|n['’])", re.IGNORECASE)


def _denials(text: str, language: str | None) -> int:
    """Negations of a sentence; French "jamais" without "ne" is "ever" ("la plus grande jamais vue")."""
    count = count_negations(text, language)
    if language == "fr" and _FRENCH_EVER.search(text) and not _FRENCH_NE.search(text):
        count -= len(_FRENCH_EVER.findall(text))
    return max(count, 0)


def _length_outlier(left: int, right: int, ratio: float) -> bool:
    if max(left, right) < LENGTH_MIN or ratio <= 0:
        return False
    mean = (left + right / ratio) / 2
    return abs(right - ratio * left) / (6.8 * ratio * mean) ** 0.5 > LENGTH_DELTA
