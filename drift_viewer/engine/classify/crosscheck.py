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

from ..lexicon import MONTHS, WEEKDAYS, number_value
from ..lexicon.negators import count_negations
from ..model import Change, ChangeKind, Span
from .amounts import amounts
from .evidence import zipf


def _is_cjk_scale(word: str) -> bool:
    return not word.isascii() and not any("\u0400" <= ch <= "\u04ff" for ch in word)


# Languages that write a decimal point ("4.5"); the others of the 20 write a decimal comma ("4,5").
POINT_DECIMAL = frozenset({"en", "zh", "ja", "ko", "he", "hi", "th", "ga", "cy", "ms"})
MONTH_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "nl"})  # those lexicon.MONTHS spells
DIGIT_MONTHS = frozenset({"zh", "ja", "ko"})  # 3月: the month is a number
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"«»“”]+[^\s<>\"«»“”.,;:!?)\]]", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A code mixes letters and digits in one token: A320, COVID-19, B2B, ISO-9001; not "3e" or "21st".
_CODE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b")
_ORDINAL_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th|er|re|e|ème|eme|è|te|ten|ter|tes)", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
# Digits grouped by spaces ("1 000 000") first, then digits with any separator between digits.
_SPACED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]?\d)")
_NUMBER = re.compile(r"\d+(?:[.,'’]\d+)*")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Words that scale the number before them: "4.5 billion" = "4,5 Milliarden" = 4.5e9; "120万" = 1.2 million.
SCALES = {
    **dict.fromkeys(["thousand", "tausend", "mille", "mil", "mila", "тысяча", "тысячи", "тысяч", "тыс", "千"], 1e3),
    **dict.fromkeys(["万", "萬", "만"], 1e4),
    **dict.fromkeys(
        [
            "million",
            "millions",
            "mn",
            "mio",
            "million",
            "millionen",
            "millón",
            "millones",
            "milione",
            "milioni",
            "miljoen",
            "miljoenen",
            "миллион",
            "миллиона",
            "миллионов",
            "млн",
        ],
        1e6,
    ),
    **dict.fromkeys(["亿", "億", "억"], 1e8),
    **dict.fromkeys(
        [
            "billion",
            "billions",
            "bn",
            "milliarde",
            "milliarden",
            "mrd",
            "milliard",
            "milliards",
            "miliardo",
            "miliardi",
            "miljard",
            "miljarden",
            "миллиард",
            "миллиарда",
            "миллиардов",
            "млрд",
        ],
        1e9,
    ),
}
_SCALE_AFTER = re.compile(
    r"(?:\s*(" + "|".join(sorted((k for k in SCALES if not _is_cjk_scale(k)), key=len, reverse=True)) + r")\b"
    r"|(" + "|".join(k for k in SCALES if _is_cjk_scale(k)) + "))",
    re.IGNORECASE,
)
_QUOTE_OPEN = '"“„«»‘‚‹「『'
_QUOTED = re.compile(r"[\"“„«»「『][^\"“”„«»「」『』]{2,}[\"”“«»」』]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]\s+|[\"“„«»(\[\-–—]\s*)$")
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
) -> tuple[Change, ...]:
    """The fact checks of one aligned group; `ratio` is the right texts' length over the left's overall."""
    found: list[Change] = []
    lang_l, lang_r = languages
    words_l, _words_r = len(_WORD.findall(ltext)), len(_WORD.findall(rtext))
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
    found += _one_sided(_codes(ltext), _codes(rtext), ChangeKind.CODE, ltext, rtext, lstart, rstart)
    nl, nr = _numbers(_masked(ltext), lang_l), _numbers(_masked(rtext), lang_r)
    if lang_l in MONTH_LANGUAGES and lang_r in DIGIT_MONTHS:
        nl += [(f"{_key(float(f[0].split()[1]))}", f[1], f[2]) for f in _months(ltext)]
    if lang_r in MONTH_LANGUAGES and lang_l in DIGIT_MONTHS:
        nr += [(f"{_key(float(f[0].split()[1]))}", f[1], f[2]) for f in _months(rtext)]
    found += _one_sided(nl, nr, ChangeKind.NUMBER, ltext, rtext, lstart, rstart)
    found += _month_checks(ltext, rtext, lstart, rstart, lang_l, lang_r)
    found += _names(ltext, rtext, lstart, rstart, languages)
    found += _quotes(ltext, rtext, lstart, rstart)
    if _denials(ltext, lang_l) != _denials(rtext, lang_r):
        found.append(_whole(ChangeKind.NEGATION, ltext, rtext, lstart, rstart))
    if not found and _length_outlier(len(ltext), len(rtext), ratio):
        found.append(_whole(ChangeKind.LENGTH, ltext, rtext, lstart, rstart))
    return tuple(sorted(found, key=lambda c: (c.left.start, c.right.start)))


Fact = tuple[str, int, int]  # (what it says, start, end) in a group's text


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


def _codes(text: str) -> list[Fact]:
    out = [(m.group().lower(), m.start(), m.end()) for m in _URL.finditer(text)]
    out += [(m.group().lower(), m.start(), m.end()) for m in _EMAIL.finditer(text) if not _inside(m, out)]
    for m in _CODE.finditer(text):
        if not _inside(m, out) and not _ORDINAL_SUFFIX.fullmatch(m.group()) and not m.group().isdigit():
            out.append((m.group().upper(), m.start(), m.end()))
    return out


def _inside(m: re.Match, facts: list[Fact]) -> bool:
    return any(s <= m.start() and m.end() <= e for _, s, e in facts)


def _masked(text: str) -> str:
    """`text` with URLs, e-mail addresses and codes blanked out: their digits are no amounts."""
    chars = list(text)
    for _, s, e in _codes(text):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _value(token: str, language: str | None) -> float | None:
    """A digit string's value in `language`'s writing: the decimal sign is the last separator when both
    appear, a repeated separator groups thousands, and a lone one before three digits groups thousands
    where it is not the language's decimal sign."""
    token = token.replace("'", "").replace("’", "")
    dots, commas = token.count("."), token.count(",")
    decimal = "." if (language or "en") in POINT_DECIMAL else ","
    if dots and commas:
        decimal = "." if token.rfind(".") > token.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        decimal = "none" if len(token) - token.index(sep) - 1 == 3 and sep != decimal else sep
    elif dots + commas > 1:
        decimal = "none"
    group = {".": ",", ",": ".", "none": ".,"}[decimal]
    for ch in group:
        token = token.replace(ch, "")
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def _key(value: float) -> str:
    return f"{value:.6g}"


def _numbers(text: str, language: str | None) -> list[Fact]:
    """Amounts in digits and in number words (2 and up: "a", "ein", "un" are articles as often as one)."""
    out: list[Fact] = []
    taken = [False] * len(text)

    def add(value: float, s: int, e: int) -> None:
        out.append((_key(value), s, e))
        taken[s:e] = [True] * (e - s)

    for m in _DATE.finditer(text):
        parts = [g for g in m.groups() if g]
        for k, part in enumerate(parts):
            start = m.start(k + 1) if m.group(1) else m.start(k + 4)
            add(float(part), start, start + len(part))
    for m in _SPACED.finditer(text):
        if not any(taken[m.start() : m.end()]):
            add(float(re.sub(r"\D", "", m.group())), m.start(), m.end())
    for m in _NUMBER.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        value = _value(m.group(), language)
        if value is None:
            continue
        end = m.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale is not None:
            value *= SCALES[(scale.group(1) or scale.group(2)).lower()]
            end = scale.end()
        add(value, m.start(), end)
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if any(taken[m.start() : m.end()]) or word in MONTHS:
            continue
        if _cjk(word):  # a run of Han holds its numerals inside words: 三个人
            values: tuple[float, ...] = amounts(re.sub(r"\d+", " ", word))
        else:
            value = number_value(word) if word.isalpha() else None
            values = () if value is None else (value,)
        for value in values:
            if value >= 2 and not (value == 100 and _percent_cent(text, m.start())):
                out.append((_key(value), m.start(), m.end()))
    return out


def _percent_cent(text: str, start: int) -> bool:
    """French and English "pour cent", "per cent": the "cent" says per hundred, not a hundred."""
    before = text[max(0, start - 6) : start].lower().split()
    return bool(before) and before[-1] in ("pour", "per")


def _cjk(word: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in word)


def _month_checks(ltext: str, rtext: str, lstart: int, rstart: int, lang_l, lang_r) -> Iterator[Change]:
    """Month names compared where both languages' months are in the lexicon; against Chinese, Japanese or
    Korean, which write months in digits (3月), a month name counts as its number."""
    named_l, named_r = lang_l in MONTH_LANGUAGES, lang_r in MONTH_LANGUAGES
    if named_l and named_r:
        yield from _one_sided(_months(ltext), _months(rtext), ChangeKind.NUMBER, ltext, rtext, lstart, rstart)


def _months(text: str) -> list[Fact]:
    out = []
    for m in _WORD.finditer(text):
        low = m.group().lower()
        if (
            low in MONTHS
            and (m.group()[:1].isupper() or len(low) >= 4)
            and low not in ("may", "mai", "march", "mars")
            or low in ("may", "mai", "march", "mars")
            and _beside_digit(text, m.start(), m.end())
        ):
            out.append((f"month {MONTHS[low]}", m.start(), m.end()))
    return out


def _beside_digit(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\.?\s*$", text[max(0, start - 6) : start]) or re.match(r"\s*\d", text[end : end + 4]))


@lru_cache(maxsize=1 << 14)
def _latin(word: str) -> str:
    """A word's letters in Latin lower case: "Меркель" -> "merkel", "Müller" -> "muller"."""
    from anyascii import anyascii

    return "".join(ch for ch in anyascii(word).lower() if ch.isalpha())


def _name_candidates(text: str) -> list[Fact]:
    """Capitalised words not opening a sentence, that are no month or weekday: names, and in German nouns."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper() or len(word) < 2 or word.isupper() and len(word) <= 1:
            continue
        if word.lower() in MONTHS or word.lower() in WEEKDAYS or any(ch.isdigit() for ch in word):
            continue
        if _SENTENCE_START.search(text[: m.start()]):
            continue
        out.append((word, m.start(), m.end()))
    return out


def _names(ltext: str, rtext: str, lstart: int, rstart: int, languages) -> Iterator[Change]:
    """A name on each side that the other side lacks, when the two are one name respelt (Haines /
    Haynes, Schmidt / Schmitt) or both are names in either language (a German noun is found in no
    English word list, a name in every one)."""
    lang_l, lang_r = languages
    lnames, rnames = _name_candidates(ltext), _name_candidates(rtext)
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
            used.add(best_k)
            rf = ronly[best_k]
            yield Change(
                ChangeKind.NAME,
                Span(lstart + lf[1], lstart + lf[2]),
                Span(rstart + rf[1], rstart + rf[2]),
                lf[0],
                rf[0],
            )


def _found(name: str, other: str, other_names: list[Fact]) -> bool:
    latin = _latin(name)
    if not latin:
        return True  # nothing to compare by (a script anyascii cannot spell)
    if name in other or latin in _latin(other):
        return True
    return any(
        Indel.normalized_similarity(latin, _latin(f[0])) >= _NAME_MATCH
        for f in other_names
        if f[0][:1] != name[:1] or not name.isascii()
    )


def _pair_score(a: str, b: str, lang_a: str | None, lang_b: str | None) -> float:
    """How surely a (left) and b (right), each missing on the other side, are a name changed: their
    letters' similarity when one name respelt, a token 0.1 when both are names, else 0."""
    la, lb = _latin(a), _latin(b)
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
    lq, rq = list(_QUOTED.finditer(ltext)), list(_QUOTED.finditer(rtext))
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
