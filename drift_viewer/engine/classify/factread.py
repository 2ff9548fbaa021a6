"""Reading the facts of a text: numbers and dates by value in each language's writing, names (and
their Latin spelling across scripts), URLs, e-mail addresses and codes, quotations. Each fact is
(what it says, start, end); two facts say the same when their first items are equal.

Used by the translation checks (crosscheck.py) and the fact table (facttable.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import MONTHS, WEEKDAYS, number_value
from ..lexicon.hidden import MARKED_RANGES, without_marked
from ..lexicon.numbers import MONTH_OR_WORD
from ..lexicon.titles import TITLES
from .amounts import amounts
from .values import sign_start


def _is_cjk_scale(word: str) -> bool:
    return not word.isascii() and not any("\u0400" <= ch <= "\u04ff" for ch in word)


# Languages that write a decimal point ("4.5"); the others of the 20 write a decimal comma ("4,5").
POINT_DECIMAL = frozenset({"en", "zh", "ja", "ko", "he", "hi", "th", "ga", "cy", "ms"})
# Those lexicon.MONTHS spells: by hand, and the CLDR's (lexicon/calendar_data.py).
MONTH_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "pl", "cs", "ru", "uk", "tr"})
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
# What every _DATE match and every _SPACED match contains (4.3.2024, 2024-03-04; 1 000): the cheap test first.
_DATE_HINT = re.compile(r"\d[./-]\d")
_SPACED_HINT = re.compile(r"\d[ \u00a0\u202f\u2009]\d")
# What every minus sign values.sign_start finds holds, in its case-blind reading: the sign or a sign word.
_SIGN_HINT = re.compile(r"[-−]|minus|moins|menos|meno|минус|мінус|eksi", re.IGNORECASE)
# Invisible and control characters inside a word are part of it: "Hai\u200bnes" is one name (its key,
# `latin`, drops them: the same name as "Haines"; the hidden change is the word diff's), not "Hai" respelt.
_JOIN = rf"(?:[-'’]|[{MARKED_RANGES}]+)"
WORD = re.compile(rf"\w+(?:{_JOIN}\w+)*")
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
QUOTED = re.compile(r"[\"“„«»「『][^\"“”„«»「」『』]{2,}[\"”“«»」』]")
# What may stand before a word that opens a sentence, a line or a quotation. A stop may be followed by
# closing quotes ('." He'); a straight or ambiguous quote mark opens a quotation only where it touches
# the word ('"We') and closes one where a space parts them ('," Blinken told'): there the word goes on
# the sentence and its capital is its own.
_SENTENCE_START = re.compile(r"(?:[.!?:;…][\"”»’')\]]*\s+|\n\s*|[“„«(\[]\s*|[\"»]|[\-–—]\s*)$")

Fact = tuple[str, int, int]  # (what it says, start, end) in a text


@lru_cache(maxsize=1 << 12)
def codes(text: str) -> list[Fact]:
    """URLs, e-mail addresses and codes (letters and digits in one token), in order."""
    out: list[Fact] = []
    if "://" in text or "www." in text:
        out += [(m.group().lower(), m.start(), m.end()) for m in _URL.finditer(text)]
    if "@" in text:
        out += [(m.group().lower(), m.start(), m.end()) for m in _EMAIL.finditer(text) if not _inside(m, out)]
    if not _DIGIT.search(text):
        return out
    for m in _CODE.finditer(text):
        if not _inside(m, out) and not _ORDINAL_SUFFIX.fullmatch(m.group()) and not m.group().isdigit():
            out.append((m.group().upper(), m.start(), m.end()))
    return out


_DIGIT = re.compile(r"\d")


def _inside(m: re.Match, facts: list[Fact]) -> bool:
    return any(s <= m.start() and m.end() <= e for _, s, e in facts)


def masked(text: str) -> str:
    """`text` with URLs, e-mail addresses and codes blanked out: their digits are no amounts."""
    found = codes(text)
    if not found:
        return text  # most sentences hold no code: no copy of their characters
    chars = list(text)
    for _, s, e in found:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


@lru_cache(maxsize=1 << 14)
def value_of(token: str, language: str | None) -> float | None:
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


def key(value: float) -> str:
    return f"{value:.6g}"


def numbers(text: str, language: str | None) -> list[Fact]:
    """Amounts in digits and in number words (2 and up: "a", "ein", "un" are articles as often as one)."""
    out: list[Fact] = []
    taken = bytearray(len(text))

    def add(value: float, s: int, e: int) -> None:
        out.append((key(value), s, e))
        taken[s:e] = b"\x01" * (e - s)

    # Each digit pattern scans the whole text (a lookbehind at every position: 0.2 s on a book's
    # groups); most sentences have no digit at all.
    digits = _DIGIT.search(text) is not None
    # A date and a spaced number each hold a digit beside a separator and another digit: where none such
    # pair is, their patterns (a word boundary or a lookbehind tried at every position) need not scan.
    for m in _DATE.finditer(text) if digits and _DATE_HINT.search(text) else ():
        parts = [g for g in m.groups() if g]
        for k, part in enumerate(parts):
            start = m.start(k + 1) if m.group(1) else m.start(k + 4)
            add(float(part), start, start + len(part))

    # A minus sign or sign word anywhere, or no number here can carry one (one search, not one a number).
    may_sign = digits and _SIGN_HINT.search(text) is not None

    def signed(value: float, s: int) -> tuple[float, int]:
        sign = sign_start(text, s) if may_sign else None  # -0.3% / 0.3% is growth turned into a fall
        return (-value, sign) if sign is not None else (value, s)

    for m in _SPACED.finditer(text) if digits and _SPACED_HINT.search(text) else ():
        if not any(taken[m.start() : m.end()]):
            add(*signed(float(re.sub(r"\D", "", m.group())), m.start()), m.end())
    for m in _NUMBER.finditer(text) if digits else ():
        if any(taken[m.start() : m.end()]):
            continue
        value = value_of(m.group(), language)
        if value is None:
            continue
        end = m.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale is not None:
            value *= SCALES[(scale.group(1) or scale.group(2)).lower()]
            end = scale.end()
        add(*signed(value, m.start()), end)
    for m in WORD.finditer(text) if _spells_a_number(text) else ():
        low = m.group().lower()
        values = () if low in _NO_VALUE else _word_values(low)
        if not values or any(taken[m.start() : m.end()]):
            continue
        for value in values:
            if value >= 2 and not (value == 100 and _percent_cent(text, m.start())):
                out.append((key(value), m.start(), m.end()))
    return out


# Words known to state no amount: a set difference in C skips them (a book's 180k words, few thousand
# distinct, where a cached call a word cost 0.2 s on the New Testament). Cleared when it grows past a
# vocabulary's size.
_NO_VALUE: set[str] = set()


def _spells_a_number(text: str) -> bool:
    words = _lower_words(text) - _NO_VALUE
    if len(_NO_VALUE) > 1 << 18:
        _NO_VALUE.clear()
    found = False
    for word in words:
        if _word_values(word):
            found = True
        else:
            _NO_VALUE.add(word)
    return found


@lru_cache(maxsize=1 << 16)
def _word_values(word: str) -> tuple[float, ...]:
    """The amounts one word states: "seven", "vierundzwanzig"; a run of Han holds its numerals inside
    words (三个人). Cached: a book has a few thousand distinct words in a few hundred thousand."""
    if word in MONTHS:
        return ()
    if _CJK.search(word):
        return amounts(re.sub(r"\d+", " ", word))
    value = number_value(word) if word.isalpha() else None
    return () if value is None else (value,)


_CJK = re.compile("[\u3400-\u9fff]")


def _percent_cent(text: str, start: int) -> bool:
    """French and English "pour cent", "per cent": the "cent" says per hundred, not a hundred."""
    before = text[max(0, start - 6) : start].lower().split()
    return bool(before) and before[-1] in ("pour", "per")


def _cjk(word: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in word)


def numeric_months(text: str, language: str | None) -> list[Fact]:
    """The month of each date written in digits whose order is sure: "12.03.2024" (day first), ISO
    "2024-03-12", "12/25/2024" or "25/12/2024", where a part over 12 can only be the day, and "12/03/2024"
    in a language other than English, which all write the day first. The month is a date fact like
    "March", so "12 March 2024" / "12.03.2024" keeps its month, not a number 3 in place of a number 24.
    English "03/04/2024" is left as numbers: its order depends on the country."""
    out: list[Fact] = []
    for m in _DATE.finditer(text) if _DIGIT.search(text) else ():
        if m.group(5):
            at = 5
        elif text[m.end(1)] == "." or int(m.group(1)) > 12 >= int(m.group(2)):
            at = 2
        elif int(m.group(2)) > 12 >= int(m.group(1)):
            at = 1
        elif language not in (None, "en"):
            at = 2
        else:
            continue
        month = int(m.group(at))
        if 1 <= month <= 12:
            out.append((f"month {month}", m.start(at), m.end(at)))
    return out


def months(text: str) -> list[Fact]:
    """Month names that name a month: beside a number ("3 March", "März 2024"), after a word that
    introduces a date ("in March", "im Mai", "en octobre"), or in lower case as French and Spanish write
    them; a capitalised month name of another language alone is a name ("Avril Haines")."""
    return list(_months(text))


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The distinct words of `text` in lower case; numbers, months and names of one text all ask."""
    return frozenset(WORD.findall(text.lower()))


@lru_cache(maxsize=8)
def _months(text: str) -> tuple[Fact, ...]:
    out: list[Fact] = []
    if MONTHS.keys().isdisjoint(_lower_words(text)):
        return ()
    for m in WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if low not in MONTHS or len(low) < 3:
            continue
        before = text[max(0, m.start() - 8) : m.start()].split()
        dated = _beside_digit(text, m.start(), m.end()) or (bool(before) and before[-1].lower() in _DATE_WORDS)
        if dated or (word.islower() and len(low) >= 4 and low not in _WORDS_TOO):
            out.append((f"month {MONTHS[low]}", m.start(), m.end()))
    return tuple(out)


# Words after which a month name is a date: "in March", "im Mai", "en mai", "de marzo", "di maggio".
_DATE_WORDS = frozenset(
    [
        "in",
        "on",
        "of",
        "since",
        "until",
        "till",
        "by",
        "early",
        "late",
        "mid",
        "next",
        "last",
        "this",
        "im",
        "seit",
        "bis",
        "ab",
        "anfang",
        "ende",
        "mitte",
        "en",
        "de",
        "del",
        "depuis",
        "jusqu'en",
        "fin",
        "début",
        "desde",
        "hasta",
        "di",
        "dal",
        "fino",
        "sinds",
        "tot",
    ]
)
_WORDS_TOO = frozenset({"march", "august", "mars", "sept", "mayo"}) | MONTH_OR_WORD  # also other words


def _beside_digit(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\.?\s*$", text[max(0, start - 6) : start]) or re.match(r"\s*\d", text[end : end + 4]))


@lru_cache(maxsize=1 << 14)
def latin_script(word: str) -> bool:
    """Whether every letter of `word` is a Latin one (Basic Latin to Latin Extended-B)."""
    return all(ord(ch) < 0x250 for ch in word if ch.isalpha())


@lru_cache(maxsize=1 << 14)
def latin(word: str) -> str:
    """A word's letters in Latin lower case: "Меркель" -> "merkel", "Müller" -> "muller". Invisible
    characters go first: anyascii spells tag characters (U+E0065) as the letters they tag. Cached: a
    book's names recur (16k calls on the New Testament's fact table, a few thousand distinct)."""
    from anyascii import anyascii

    return "".join(ch for ch in anyascii(without_marked(word)).lower() if ch.isalpha())


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a word at `start` opens a sentence, a line or a quotation: its capital proves nothing."""
    before = text[max(0, start - 4) : start]
    if start <= 4 and not text[:start].strip():
        return True
    found = _SENTENCE_START.search(before)
    if found is None:
        return False
    stop = max(0, start - 4) + found.start()
    lead = _TITLE_BEFORE.search(text, max(0, stop - 12), stop) if text[stop : stop + 1] == "." else None
    if lead is not None and lead.group(1).lower() in TITLES:
        return False  # "Ms. Ines Varga", "Dr. Kim": the stop abbreviates a title, the name goes on
    return not _INITIAL.search(text, 0, stop + 1)


_TITLE_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,4})$")


# A full stop after a lone capital ends an initial or an initialism ("U.S. Secretary", "J. Smith"), not a
# sentence: the next word's capital is its own.
_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]\.$")


def name_candidates(text: str) -> list[Fact]:
    """Capitalised words not opening a sentence, that are no date: names, and in German nouns."""
    out = []
    dates: set[int] | None = None
    blocks = () if text.isascii() else tuple(sorted({ord(ch) >> 8 for ch in set(text) if ch > "\x7f" and ch.isupper()}))
    for m in (_capitalised(blocks) if blocks else _ASCII_CAPITALISED).finditer(text):
        word = m.group()
        if len(word) < 2 or word.lower() in WEEKDAYS or (not word.isalpha() and any(map(str.isdigit, word))):
            continue
        if dates is None:
            dates = {start for _, start, _ in months(text)}
        if m.start() in dates or _opens_sentence(text, m.start()):
            continue
        out.append((word, m.start(), m.end()))
    return out


# The same where every capital of the text is A-Z, as in most Latin-script text: a pattern that opens
# with a small class is searched for that class first (0.06 s on a book's groups against 0.15 s).
_ASCII_CAPITALISED = re.compile(rf"[A-Z](?<!\w.)(?<!\w[-'’].)\w*(?:{_JOIN}\w+)*")


@lru_cache(maxsize=64)
def _capitalised(blocks: tuple[int, ...]) -> re.Pattern[str]:
    """The WORD matches that begin with a capital, found in C: a WORD match starts at a word character
    that no word character precedes, nor one joined to it by a hyphen or apostrophe. (A Python test of
    every word cost 0.3 s on a book.) Only the capitals of ASCII and of the 256-code-point `blocks` the
    text's own capitals fall in: no other can start a match there, and listing every capital of Unicode
    took 0.1-0.14 s (a book's "Æneas" asked for it)."""
    ranges: list[list[int]] = []
    codes = (c for block in (0, *[b for b in blocks if b]) for c in range(block << 8, (block + 1) << 8))
    for ch in filter(str.isupper, map(chr, codes)):
        code = ord(ch)
        if ch.isalnum():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    capitals = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(r"(?<!\w)(?<!\w[-'’])(?=[" + capitals + "])" + WORD.pattern)
