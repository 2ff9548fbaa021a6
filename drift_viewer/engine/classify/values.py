"""Values of numbers and dates in a wording: digits with any separator, number words, percentages,
months and weekdays, numeric dates, acronyms. FORMAT is the same value written otherwise, NUMBER another.
"""

from __future__ import annotations

import re

from ..lexicon import ABBREVIATIONS, MONTHS, NUMBER_WORDS, PERCENT_WORDS, STOPWORDS, WEEKDAYS, number_value
from ..lexicon.magnitudes import PLURAL_MAGNITUDES, plural_magnitude
from ..lexicon.numbers import MONTH_OR_WORD

# A thousands separator: "1,000", "1.000", "1 000" (thin or no-break space) all write 1000.
_GROUPED = re.compile(r"(?<=\d)[,.' \u00a0\u202f\u2009](?=\d{3}(?!\d))")
# "per hundred" said in two words: English, French, Spanish, Italian, Portuguese, Greek.
PERCENT = re.compile(r"\b(?:per|pour) cent\b|\bpor ciento\b|\b(?:per|por) cento\b|\bτοις εκατό\b", re.IGNORECASE)


# A minus sign is part of the value it stands before: "-0.3%" / "0.3%" is growth turned into a fall. A
# hyphen counts as one only where it cannot join words or numbers (COVID-19, 2020-21, pages 10-15).
_NEGATIVE = re.compile(r"(?:(?<![\w.,/\-−])[-−]|\b(?:minus|moins|menos|meno|минус|мінус|eksi)\s+)(?=\d)", re.I)
SIGN_WORDS = frozenset({"minus", "moins", "menos", "meno", "минус", "мінус", "eksi"})


_NEGATIVE_BEFORE = re.compile(_NEGATIVE.pattern.replace("(?=\\d)", "$"), re.I)


def sign_start(text: str, start: int) -> int | None:
    """Where the minus sign of the number at `start` begins, or None when it has none."""
    m = _NEGATIVE_BEFORE.search(text, max(0, start - 8), start)
    return m.start() if m else None


def negative_signs(text: str) -> int:
    """How many numbers in `text` carry a minus sign, written as a sign or a word ("-15", "minus 15")."""
    return len(_NEGATIVE.findall(text))


def format_key(words: list[str]) -> tuple[str, ...]:
    """Words with values in place of numbers, months and percent signs, in order-free form. A sign word
    before a number is left out: the signs are compared on their own (negative_signs), and "minus 15" /
    "-15" is one value."""
    key = []
    for n, w in enumerate(words):
        if w in SIGN_WORDS and n + 1 < len(words) and number_value(words[n + 1]) is not None:
            continue
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


def spelt_out(words: list[str], other: list[str]) -> list[str]:
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


_BETWEEN_DIGITS = re.compile(r"(?<=\d)[.,](?=\d)")


def number_form(text: str) -> str:
    """Digits with thousands separators dropped, the decimal comma a point, no spaces: 3,5 % -> 3.5%."""
    return _GROUPED.sub("", text).replace(",", ".").replace(" ", "")


def point_dropped(x: str, y: str) -> bool:
    """Whether `y` is `x` with a decimal point or comma between digits dropped: 1.5 -> 15, another value."""
    x, y = x.replace(" ", ""), y.replace(" ", "")
    return len(x) == len(y) + 1 and any(x[: m.start()] + x[m.end() :] == y for m in _BETWEEN_DIGITS.finditer(x))


def same_order(va: list[str], vb: list[str]) -> bool:
    """Whether two or more numbers keep their order: "3 to 5" -> "5 to 3" is another score, while a
    date's parts may move ("3 March 2024" / "March 3, 2024" keep 3 before 2024 anyway)."""
    na = numbers_in_order(va)
    if len(na) < 2 or any(w in MONTHS for w in va):
        return True
    return na == numbers_in_order(vb)


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


def acronym(short: list[str], long: list[str]) -> bool:
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


def numbers_sorted(words: list[str]) -> list[float]:
    return sorted(numbers_in_order(words))


def numbers_in_order(words: list[str]) -> list[float]:
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


def magnitudes(words: list[str]) -> list[float]:
    """The plural magnitude words' values ("thousands", "Tausende", "тысячи"), sorted: counted apart from
    the numbers, so "by hundreds" / "a hundred deep" faces the group's amounts (amounts.py reads both
    as 100) while "Thousands" / "Hundreds" is another amount."""
    return sorted(v for v in map(plural_magnitude, words) if v is not None)


def values_sorted(words: list[str]) -> list[float]:
    """Numbers and plural magnitudes together, sorted."""
    return sorted(numbers_in_order(words) + magnitudes(words))


ONE_AS_ARTICLE = ({"a", "one"}, {"an", "one"})
_VALUE_WORDS = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(NUMBER_WORDS)
    | frozenset(PLURAL_MAGNITUDES)
    | PERCENT_WORDS
    | {"per", "pour", "por", "τοις"}
)
# Chinese and Japanese numerals, which open a word (三人, 五座) that no word list holds.
_CJK_NUMERAL = re.compile("[二两兩三四五六七八九十百千万萬亿億]")
DIGIT = re.compile(r"\d|%")


# Lower-case month names that are mostly other words; French, Spanish, Italian and Dutch write the rest
# lower-case ("3 avril", "4 de abril").
_WORDS_FIRST = frozenset({"march", "august", "mars", "sept", "mayo"})


# Month names that are as often other words ("May I", "March on", "Mars' hill"): a month only beside a
# number or after a word that introduces a date.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mars", "mai"}) | MONTH_OR_WORD
_BEFORE_A_DATE = frozenset({"in", "on", "of", "since", "until", "till", "by", "early", "late", "mid", "next", "last"})


_SUFFIXED = re.compile(r"['’]\w+$")


def _a_date(words: list[str], n: int) -> bool:
    before = words[n - 1].lower() if n else ""
    after = words[n + 1] if n + 1 < len(words) else ""
    return before in _BEFORE_A_DATE or before[:1].isdigit() or after[:1].isdigit()


def dates(words: list[str]) -> list[tuple[str, int]]:
    """Month and weekday names, capitalised or of four letters or more: "may" is mostly a verb, "May" a
    month, and "May" opening a sentence a verb again unless a number or "in"/"on" stands by it."""
    out = []
    for n, w in enumerate(words):
        low = w.lower()
        if low not in MONTHS and low not in WEEKDAYS:
            low = _SUFFIXED.sub("", low)  # Turkish "Mart'ta", "Cuma'dan": the case ending after an apostrophe
        if low in _AMBIGUOUS_MONTHS and not _a_date(words, n):
            continue
        beside_a_number = (n and words[n - 1][:1].isdigit()) or (n + 1 < len(words) and words[n + 1][:1].isdigit())
        if w[:1].isupper() or (len(low) >= 4 and low not in _WORDS_FIRST) or beside_a_number:
            if low in MONTHS:
                out.append(("month", MONTHS[low]))
            elif low in WEEKDAYS:
                out.append(("weekday", WEEKDAYS[low]))
    return sorted(out)


def has_value(words: list[str], text: str) -> bool:
    """Whether a wording holds a number, a month or a percent: only then are FORMAT and NUMBER possible."""
    if DIGIT.search(text) is not None or not _VALUE_WORDS.isdisjoint(words):
        return True
    if any(number_value(w) is not None for w in words if "-" in w or "und" in w):
        return True  # "twenty-two", "einundzwanzig": one word of tens and units
    if _CJK_NUMERAL.search(text) is not None and any(
        number_value(w) is not None or plural_magnitude(w) is not None for w in words
    ):
        return True  # 三人 / 四人, 数千人 / 数百人
    return ("'" in text or "’" in text) and not _VALUE_WORDS.isdisjoint(_SUFFIXED.sub("", w) for w in words)


# Korean native numerals in the form they take before a counter, and the counters: 세 and 네 alone are also
# "three" and "yes"/"your", so only a counter after them says they count (세 명 "three people").
_KO_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
              "스무": 20, "서른": 30, "마흔": 40, "쉰": 50}  # fmt: skip
_KO_COUNTERS = (
    "명",
    "개",
    "살",
    "마리",
    "권",
    "대",
    "채",
    "곳",
    "가지",
    "번",
    "시간",
    "달",
    "병",
    "잔",
    "장",
    "벌",
    "그루",
)


def korean_count(a: str, b: str, after_left: str, after_right: str) -> bool:
    """Whether `a` and `b` are two Korean native numerals of different values, each before a counter."""
    x, y = _KO_NATIVE.get(a.strip()), _KO_NATIVE.get(b.strip())
    if x is None or y is None or x == y:
        return False
    return after_left.lstrip().startswith(_KO_COUNTERS) and after_right.lstrip().startswith(_KO_COUNTERS)
