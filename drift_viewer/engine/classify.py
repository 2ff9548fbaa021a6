"""Cutting a word diff into changes and naming each change's kind.

A change's kind comes from its two wordings plus two facts about where it stands: inside a quotation
(a changed quotation is a misquote) and at a sentence start (where a capital letter says nothing about a
name). Rules run from the most cosmetic to the most telling, so e.g. "does not" -> "didn't" is neither
typography nor a negation flip but a rewording.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from . import context
from .lexicon import (
    ABBREVIATIONS,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    STOPWORDS,
    TYPO_FOLD,
    WEEKDAYS,
    british_american,
    number_value,
)
from .model import Change, ChangeKind, Op, Options, Segment, Span

_RUNS = re.compile(r"-{2,}|\.{2,}")
_NOT_ALNUM = re.compile(r"[\W_]+")
_WORDS = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['\-]\w+)*")
# Dots that abbreviate rather than end a sentence: "U.S.", "e.g.", "Ms.", "Dec.".
_ABBREVIATION = re.compile(
    r"(?<!\w)(?:\w\.){2,}|(?<!\w)\w\.\w|(?<!\w)[A-Z][a-z]{0,2}\.|(?<!\w)(?:etc|vs|approx|incl|sept|janv|févr|juil)\.",
    re.IGNORECASE,
)
_ABBREVIATED_BEFORE = re.compile(r"(?<!\w)(?:[A-Z][a-z]{0,2}|\w(?:\.\w)+|[Ss]ept|etc|vs|approx)$")
_HYPHENATED = re.compile(r"\w-\w")
# A thousands separator: "1,000", "1.000", "1 000" (thin or no-break space) all write 1000.
_GROUPED = re.compile(r"(?<=\d)[,.' \u00a0\u202f\u2009](?=\d{3}(?!\d))")
_PERCENT = re.compile(r"\b(?:per|pour) cent\b", re.IGNORECASE)


def _fold(text: str) -> str:
    """Typography folded and spaces collapsed: what is left differs in more than looks."""
    folded = " ".join(text.translate(TYPO_FOLD).split())
    if "--" in folded or ".." in folded:
        folded = _RUNS.sub(lambda m: m.group()[0], folded)
    return folded


def _bare(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def _plain_letters(word: str) -> str:
    """Accents and ß dropped: "café"/"cafe" and "daß"/"dass" are spellings of one word."""
    decomposed = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _format_key(words: list[str]) -> tuple[str, ...]:
    """Words with values in place of numbers, months and percent signs, in order-free form."""
    key = []
    for w in words:
        date = _numeric_date(w)
        if date is not None:
            day, month, year = date
            key += [f"\x01{day:g}", f"\x01month {month:g}", f"\x01{year:g}"]
            continue
        value = number_value(w)
        if value is not None:
            key.append(f"\x01{value:g}")
        elif w in MONTHS:
            key.append(f"\x01month {MONTHS[w]}")
        elif w in WEEKDAYS:
            key.append(f"\x01weekday {WEEKDAYS[w]}")
        elif w in PERCENT_WORDS:
            key.append("\x01%")
        else:
            key.append(w)
    return tuple(sorted(key))


# After these "one" is a pronoun, not a count: "no one", "the one", "every one".
_PRONOUN_ONE_AFTER = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "some"})


_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]{1,3})")


def _spelt_out(words: list[str], other: list[str]) -> list[str]:
    """`words` with short forms the other side spells out written out too: "2bn" -> "2 billion"
    against "2 billion"; "m" stays "m" (metres) unless the other side says "million"."""
    out = []
    for w in words:
        m = _AMOUNT.fullmatch(w)
        number, short = m.groups() if m else ("", w)
        longs = ABBREVIATIONS.get(short)
        full = next((x for x in other if x in longs), None) if longs else None
        if full is None:
            out.append(w)
        else:
            out.extend((number, full) if number else (full,))
    return out


_WORD_SPACE = re.compile(r"[^\W\d_] [^\W\d_]")
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[.,](?=\d)")


def _number_form(text: str) -> str:
    """Digits with thousands separators dropped, the decimal comma a point, no spaces: 3,5 % -> 3.5%."""
    return _GROUPED.sub("", text).replace(",", ".").replace(" ", "")


def _point_dropped(x: str, y: str) -> bool:
    """Whether `y` is `x` with a decimal point or comma between digits dropped: 1.5 -> 15, another value."""
    x, y = x.replace(" ", ""), y.replace(" ", "")
    return len(x) == len(y) + 1 and any(x[: m.start()] + x[m.end() :] == y for m in _BETWEEN_DIGITS.finditer(x))


def _same_order(va: list[str], vb: list[str]) -> bool:
    """Whether two or more numbers keep their order: "3 to 5" -> "5 to 3" is another score, while a
    date's parts may move ("3 March 2024" / "March 3, 2024" keep 3 before 2024 anyway)."""
    na = _numbers_in_order(va)
    if len(na) < 2 or any(w in MONTHS for w in va):
        return True
    return na == _numbers_in_order(vb)


_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _numeric_date(word: str) -> tuple[float, float, float] | None:
    """(day, month, year) of "3.3.2024" (German) or "2024-03-03" (ISO); slashes are left out, as
    3/4 is 3 April or March 4 depending on the country."""
    m = _DOTTED_DATE.fullmatch(word)
    if m:
        day, month, year = m.groups()
    else:
        m = _ISO_DATE.fullmatch(word)
        if m is None:
            return None
        year, month, day = m.groups()
    if not 1 <= int(month) <= 12:
        return None
    return float(day), float(month), float(year)


def _acronym(short: list[str], long: list[str]) -> bool:
    """Whether `short` is one all-capital word made of the initials of `long`'s capitalised words:
    EU / European Union, WHO / World Health Organization."""
    if len(short) != 1 or len(long) < 2:
        return False
    word = short[0]
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    return "".join(w[0] for w in long if w[:1].isupper()) == word and all(
        w[:1].isupper() or w.lower() in STOPWORDS for w in long
    )


def _numbers(words: list[str]) -> list[float]:
    return sorted(_numbers_in_order(words))


def _numbers_in_order(words: list[str]) -> list[float]:
    values = []
    prev = ""
    for w in words:
        whole = number_value(w) if "-" in w and not w[:1].isdigit() else None
        for part in (w,) if whole is not None else w.split("-") if "-" in w else (w,):
            value = number_value(part)
            if value is not None and not (part == "one" and prev.lower() in _PRONOUN_ONE_AFTER):
                values.append(value)
        prev = w
    return values


_ONE_AS_ARTICLE = ({"a", "one"}, {"an", "one"})
_VALUE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(NUMBER_WORDS) | PERCENT_WORDS | {"per", "pour"}
_DIGIT = re.compile(r"\d|%")
_CONTRACTED_NOT = re.compile(r"n't\b|\bn'")


# Lower-case month names that are mostly other words; French, Spanish, Italian and Dutch write the rest
# lower-case ("3 avril", "4 de abril").
_WORDS_FIRST = frozenset({"march", "august", "mars", "sept", "mayo"})


def _dates(words: list[str]) -> list[tuple[str, int]]:
    """Month and weekday names, capitalised or of four letters or more: "may" is mostly a verb, "May" a
    month."""
    out = []
    for w in words:
        low = w.lower()
        if w[:1].isupper() or (len(low) >= 4 and low not in _WORDS_FIRST):
            if low in MONTHS:
                out.append(("month", MONTHS[low]))
            elif low in WEEKDAYS:
                out.append(("weekday", WEEKDAYS[low]))
    return sorted(out)


# "not only", "nicht nur", "non seulement" add, they do not deny.
_NOT_DENYING = frozenset({"only", "just", "merely", "nur", "seulement"})
_NOT = frozenset({"not", "nicht", "non"})


def _negative(words: list[str], text: str) -> bool:
    if "'" in text and _CONTRACTED_NOT.search(text) is not None:
        return True
    if NEGATIONS.isdisjoint(words):
        return False
    last = len(words) - 1
    return any(
        w in NEGATIONS and (n == last or w not in _NOT or words[n + 1] not in _NOT_DENYING) for n, w in enumerate(words)
    )


# Negative prefixes: "unsuccessful" says "not successful", "unmöglich" "nicht möglich".
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Only these surely deny when added to a word: "ingrafted", "disannul" say the same as the bare word.
_DENYING = ("un", "non")


def _prefixed_negation(
    positive: list[str], negative: list[str], prefixes: tuple[str, ...] = _NEGATIVE_PREFIXES
) -> bool:
    """Whether a word of `positive` is a word of `negative` with a negative prefix: the same denial."""
    plain = set(negative)
    return any(
        w.startswith(p) and len(w) - len(p) >= 4 and w[len(p) :].lstrip("-") in plain
        for w in positive
        for p in prefixes
    )


def _has_value(words: list[str], text: str) -> bool:
    """Whether a wording holds a number, a month or a percent: only then are FORMAT and NUMBER possible."""
    return _DIGIT.search(text) is not None or not _VALUE_WORDS.isdisjoint(words)


_NOT_SPELT, _EDITED, _VARIANT = 0, 1, 2


def _spelling_pair(x: str, y: str) -> int:
    """How surely lower-cased `x` and `y` are one word spelt two ways.

    _VARIANT: a known pattern (hyphen, accents or ß, British/American ending); _EDITED: one letter more
    or less in a long word ("judgement"/"judgment"), which for a capitalised word rather says NAME."""
    if abs(len(x) - len(y)) > 3 or x[:1] != y[:1]:
        return _NOT_SPELT
    if x.replace("-", "") == y.replace("-", "") or _plain_letters(x) == _plain_letters(y) or british_american(x, y):
        return _VARIANT
    # Only an inserted or dropped letter: a swapped one mostly makes another word ("these"/"those").
    # And not at the end either: "persecuted"/"persecute" is another form of the word.
    if (
        abs(len(x) - len(y)) == 1
        and min(len(x), len(y)) >= 5
        and not (x.startswith(y) or y.startswith(x))
        and Levenshtein.distance(x, y) == 1
    ):
        return _EDITED
    return _NOT_SPELT


def kind_of(left: str, right: str, inside_quote: bool = False) -> ChangeKind:
    """The kind of one change from its two wordings (either may be empty)."""
    return _kind(left, right, inside_quote, False)


class _Wording(NamedTuple):
    """What the rules read of one side's wording; computed once per distinct wording, as the same
    words ("the", ",", "and") face many different partners."""

    folded: str
    bare: str
    words: list[str]
    lowers: list[str]  # word by word: lower() may lengthen a word ("İ"), never split it
    low: str
    negative: bool
    valued: bool


@lru_cache(maxsize=1 << 16)
def _wording(text: str) -> _Wording:
    folded = _fold(text)
    words = _WORDS.findall(folded)
    lowers = [w.lower() for w in words]
    low = folded.lower()
    return _Wording(folded, _bare(folded), words, lowers, low, _negative(lowers, low), _has_value(lowers, low))


@lru_cache(maxsize=1 << 16)
def _kind(
    left: str, right: str, inside_quote: bool, sentence_start: bool, values: bool = True, noun: bool = False
) -> ChangeKind:
    """`values` False reads numbers and dates as plain words: they are in the other wording's sentence.
    `noun`: the wording follows a German article, where every noun is capitalised."""
    sa, sb = _wording(left), _wording(right)
    fa, fb = sa.folded, sb.folded
    if fa == fb or (sa.words == sb.words and fa.replace(" ", "") == fb.replace(" ", "")):
        return ChangeKind.TYPOGRAPHY  # also « Nous / "Nous: only the spacing French puts inside quotes
    ba, bb = sa.bare, sb.bare
    if ba == bb:
        if _DIGIT.search(fa):
            if _numbers(sa.words) == _numbers(sb.words) or _number_form(fa) == _number_form(fb):
                return ChangeKind.FORMAT  # 1,000 / 1000, 1 000 / 1.000, 3.5% / 3,5 %
            if _point_dropped(fa, fb) or _point_dropped(fb, fa):
                return ChangeKind.NUMBER  # 1.5 / 15
        if fa.replace(".", "") == fb.replace(".", "") and _ABBREVIATION.search(
            fa if fa.count(".") > fb.count(".") else fb
        ):
            return ChangeKind.FORMAT
        if fa.replace("-", "") == fb.replace("-", "") and _HYPHENATED.search(fa if "-" in fa else fb):
            return ChangeKind.SPELLING  # re-open / reopen
        if _WORD_SPACE.search(fa if fa.count(" ") > fb.count(" ") else fb) and fa.replace(" ", "") == fb.replace(
            " ", ""
        ):
            return ChangeKind.SPELLING  # per cent / percent, any more / anymore
        return ChangeKind.PUNCTUATION
    if ba.lower() == bb.lower():
        if fa.replace("-", "").lower() == fb.replace("-", "").lower() and _HYPHENATED.search(fa if "-" in fa else fb):
            return ChangeKind.SPELLING  # Fahrgäste / Fahr-Gäste: a compound split, not a case change
        return ChangeKind.CASE
    wa, wb = sa.words, sb.words
    la, lb = sa.lowers, sb.lowers
    if sa.negative != sb.negative and not (_prefixed_negation(la, lb) if sb.negative else _prefixed_negation(lb, la)):
        return ChangeKind.NEGATION
    if _acronym(wa, wb) or _acronym(wb, wa):
        return ChangeKind.FORMAT  # EU / European Union
    if len(la) == len(lb) == 1 and (_prefixed_negation(la, lb, _DENYING) or _prefixed_negation(lb, la, _DENYING)):
        return ChangeKind.NEGATION  # successful / unsuccessful
    if len(la) == len(lb) == 1 and (_abbreviates(sa.low, la[0], lb[0]) or _abbreviates(sb.low, lb[0], la[0])):
        return ChangeKind.FORMAT  # Mio. / Millionen, approx. / approximately
    if len(la) == len(lb) == 1 and (lb[0] in ABBREVIATIONS.get(la[0], ()) or la[0] in ABBREVIATIONS.get(lb[0], ())):
        return ChangeKind.FORMAT  # Dr / Doctor, m / million
    if values and (sa.valued or sb.valued):
        pa, pb = _PERCENT.sub("percent", sa.low), _PERCENT.sub("percent", sb.low)
        va = _WORDS.findall(pa) + ["%"] * pa.count("%")
        vb = _WORDS.findall(pb) + ["%"] * pb.count("%")
        va, vb = _spelt_out(va, vb), _spelt_out(vb, va)
        if va and vb:
            key_a, key_b = _format_key(va), _format_key(vb)
            if key_a == key_b and any(k[0] == "\x01" for k in key_a) and _same_order(va, vb):
                return ChangeKind.FORMAT
            if _numbers(va) != _numbers(vb) or _dates(sa.words) != _dates(sb.words) or not _same_order(va, vb):
                if {la[0], lb[0]} in _ONE_AS_ARTICLE and len(la) == len(lb) == 1:
                    return ChangeKind.FORMAT  # a third / one third
                return ChangeKind.NUMBER
    named = _name_or_spelling(wa, wb, la, lb, sentence_start, noun)
    if named is not None:
        return named
    if inside_quote and (la or lb):
        return ChangeKind.QUOTE
    if not la:
        return ChangeKind.INSERTED if lb else ChangeKind.PUNCTUATION
    if not lb:
        return ChangeKind.DELETED
    return ChangeKind.REWORDED


def _name_or_spelling(
    wa: list[str], wb: list[str], la: list[str], lb: list[str], sentence_start: bool, noun: bool = False
) -> ChangeKind | None:
    """NAME if the changed words are capitalised words replaced, SPELLING if they are respellings.

    A known spelling pattern wins even on a capital (German nouns, "Defence"/"Defense"); otherwise a
    capitalised word replaced is a NAME, except the first word of a sentence, which must be spelt alike
    and be no function word to count as one."""
    if not wa or len(wa) != len(wb):
        return None
    kind = None
    for n, (x, y, xl, yl) in enumerate(zip(wa, wb, la, lb, strict=True)):
        if xl == yl:
            continue
        spelt = _spelling_pair(xl, yl)
        if _inflected(xl, yl) or _compound_head(xl, yl):
            return None  # Reparatur / Reparaturen, Russia / Russian: another form, not another name
        if spelt == _VARIANT and not (x[:1].isupper() and y[:1].isupper() and _doubled(xl, yl)):
            kind = kind or ChangeKind.SPELLING
        elif x[:1].isupper() and y[:1].isupper():
            if (
                n == 0
                and sentence_start
                and not (
                    Levenshtein.normalized_similarity(xl, yl) >= 0.6 and xl not in STOPWORDS and yl not in STOPWORDS
                )
            ):
                return None
            if n == 0 and noun and Levenshtein.normalized_similarity(xl, yl) < 0.75:
                return None  # die Kosten / die Ausgaben: a German noun swapped, not a name respelt
            kind = ChangeKind.NAME
        elif spelt == _EDITED:
            kind = kind or ChangeKind.SPELLING
        else:
            return None
    return kind


# Endings that make another form of the same word in English, German and French (plural, case, gender,
# adjective); a name respelt keeps its length or changes inside, not only by such a tail.
_INFLECTIONS = frozenset({"s", "es", "e", "en", "n", "er", "ern", "em", "ens", "in", "innen", "ne", "nes"})


def _doubled(x: str, y: str) -> bool:
    """Whether one ends in a doubled letter where the other has it once: O'Neill / O'Neil, Russell /
    Russel. On a capitalised word that is a respelt name; house styles double inside ("Councillor")."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 2 and long == short + short[-1]


def _compound_head(x: str, y: str) -> bool:
    """Whether one is a compound ending in the other: Zwischenmahlzeit / Mahlzeit, OECD-Land / Land.
    A German noun narrowed or widened, not a name; short heads are left out ("Anne" / "Joanne")."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 5 and len(long) >= len(short) + 3 and long.endswith(short)


def _inflected(x: str, y: str) -> bool:
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 5 and long.startswith(short) and long[len(short) :] in _INFLECTIONS


def _abbreviates(low: str, short: str, long: str) -> bool:
    """Whether `short`, written with a full stop in `low`, abbreviates `long`: its letters in order, same
    first one."""
    if not short or len(short) + 2 > len(long) or short[0] != long[0] or not low.rstrip().endswith(short + "."):
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


_BULLET = re.compile(r"^[-*•·‣◦–—](?:\s+|$)")
_DEFAULTS = Options()
# Enum members bound once: in Python 3.11 each `Op.DELETE` is a slow class-attribute lookup, and these run per segment.
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT
_TYPOGRAPHY, _PUNCTUATION, _FORMAT = ChangeKind.TYPOGRAPHY, ChangeKind.PUNCTUATION, ChangeKind.FORMAT
_NUMBER = ChangeKind.NUMBER


def changes_of(
    diff: tuple[Segment, ...], left_base: int, right_base: int, options: Options = _DEFAULTS
) -> tuple[Change, ...]:
    """Cut a diff into maximal non-equal runs and classify each; offsets are made absolute."""
    if len(diff) <= 1 and (not diff or diff[0].op is _EQUAL):
        return ()
    left_text = "".join([s.text for s in diff if s.op is not _INSERT])
    right_text = "".join([s.text for s in diff if s.op is not _DELETE])
    quotes_left = context.quoted(left_text) if context.QUOTE_RE.search(left_text) else None
    quotes_right = context.quoted(right_text) if context.QUOTE_RE.search(right_text) else None
    filtering = options.ignore_case or options.ignore_punctuation or options.ignore_typography
    out: list[Change] = []
    lpos = rpos = 0
    dl = ins = ""
    last = len(diff) - 1
    for n, seg in enumerate(diff):
        op = seg.op
        if op is _DELETE:
            dl += seg.text
            if n < last:
                continue
        elif op is _INSERT:
            ins += seg.text
            if n < last:
                continue
        if dl or ins:
            ls, rs = lpos, rpos
            lpos += len(dl)
            rpos += len(ins)
            kind = _change(dl, ins, ls, lpos, rs, rpos, left_text, right_text, quotes_left, quotes_right, options)
            if kind is not None and not (filtering and _ignored(kind, dl, ins, options)):
                out.append(
                    Change(
                        kind, Span(left_base + ls, left_base + lpos), Span(right_base + rs, right_base + rpos), dl, ins
                    )
                )
            dl = ins = ""
        if op is _EQUAL:
            lpos += len(seg.text)
            rpos += len(seg.text)
    return tuple(out)


def _change(
    dl: str,
    ins: str,
    ls: int,
    le: int,
    rs: int,
    re_: int,
    left_text: str,
    right_text: str,
    quotes_left: list[tuple[int, int]] | None,
    quotes_right: list[tuple[int, int]] | None,
    options: Options,
) -> ChangeKind | None:
    """The kind of one change in its place; None for a whitespace change the options ignore."""
    a, b = dl.strip(), ins.strip()
    if a == b:
        # Only the spacing differs (the word diff keeps words whole, so the words are equal).
        return None if options.ignore_whitespace else _TYPOGRAPHY
    if options.ignore_whitespace and dl.split() == ins.split():
        return None
    inside = bool(quotes_left and context.inside(quotes_left, ls, le)) or bool(
        quotes_right and context.inside(quotes_right, rs, re_)
    )
    first = ls + len(dl) - len(dl.lstrip())
    start = a[:1].isupper() and context.sentence_start(left_text, first)
    noun = a[:1].isupper() and not start and context.after_article(left_text, first)
    kind = _kind(a, b, inside, start, True, noun)
    if kind is _NUMBER and _value_moved(a, b, left_text, right_text):
        kind = _kind(a, b, inside, start, False, noun)
    if (
        kind is _PUNCTUATION
        and (a or b) == "."
        and not (a and b)
        and le < len(left_text)
        and _ABBREVIATED_BEFORE.search(left_text, max(0, ls - 12), ls)
    ):
        # "Ms." / "Ms": only the dot of an abbreviation changed, inside a sentence.
        kind = _FORMAT
    elif (
        kind is _PUNCTUATION
        and _BULLET.sub("", a) == _BULLET.sub("", b)
        and context.line_start(left_text, first)
        and context.line_start(right_text, rs + len(ins) - len(ins.lstrip()))
    ):
        kind = _TYPOGRAPHY  # "- Roads closed" / "Roads closed": a list item marked otherwise
    return kind


def _values(text: str) -> tuple[list[float], list[tuple[str, int]]]:
    w = _wording(text)
    return _numbers(w.lowers), _dates(w.words)


def _value_moved(a: str, b: str, left_text: str, right_text: str) -> bool:
    """Whether the numbers and dates of a change only stand elsewhere in the other side's sentence:
    "The" -> "On Tuesday, the" when "on Tuesday" left the end of the same sentence. Only when one
    wording holds no value at all, so two numbers swapped ("3 to 5" -> "5 to 3") stay NUMBER."""
    va, vb = _values(a), _values(b)
    if (va[0] or va[1]) and (vb[0] or vb[1]):
        return False
    return _values(left_text) == _values(right_text)


def _ignored(kind: ChangeKind, dl: str, ins: str, options: Options) -> bool:
    if options.ignores(kind) or (options.ignore_punctuation and kind is _TYPOGRAPHY):
        return True
    return _ignored_difference(dl, ins, options)


def _ignored_difference(dl: str, ins: str, options: Options) -> bool:
    """Whether the two wordings differ only in what the options ignore, taken together."""
    if not (options.ignore_case or options.ignore_punctuation or options.ignore_typography):
        return False
    a, b = dl, ins
    if options.ignore_typography or options.ignore_punctuation:
        a, b = _fold(a), _fold(b)
    if options.ignore_punctuation:
        a, b = _bare(a), _bare(b)
    if options.ignore_case:
        a, b = a.lower(), b.lower()
    if options.ignore_whitespace or options.ignore_punctuation:
        a, b = "".join(a.split()), "".join(b.split())
    return a == b
