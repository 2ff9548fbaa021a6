"""pysbd's decisions, emulated one candidate sentence end at a time (see sentences.py for how they are used).

Each rule names the pysbd rule it stands for. Positions are offsets into one paragraph.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import NamedTuple

from pysbd.languages import LANGUAGE_CODES
from pysbd.lists_item_replacer import ListItemReplacer

from ..lexicon import MONTHS

_QUOTE_CAP = 3000  # quotations longer than this are not protected (keeps the quote scan linear)

STOPS = ".!?。．！？…"
CLOSERS = "\"'”’“»«›」』)]"
# A run of stops and closing quotes (French » may follow a space; German »...« and Swiss ‹...› close with «
# and ›, Chinese and Japanese with 」 and 』). Before whitespace or the end it is a
# candidate end; inside a token (U.S., 3.5, "Go."Next) it is doubtful unless pysbd's rule that a period
# between ASCII word characters is no end applies; before , ; : it is no end.
STOP_RUN = re.compile(r"[.!?。．！？…]+((?:[\"'”’“»«›」』)\]]|[ \u00a0\u202f]»)*)")
ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# A closing quote or bracket before whitespace: `(See above) The` and "1)" list items end sentences in pysbd.
_CLOSER_BEFORE_SPACE = re.compile(r"[\"'”)»«](?=\s)")
QUOTE_PAREN = re.compile(r'["”]\s\(')  # cheap test before the costly pattern below
PARENS_BETWEEN_QUOTES = re.compile(r'["”]\s\(.*\)\s["“]', re.DOTALL)
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-z]{1,4})\)")
_QUOTE_END = frozenset("\"'“”’»«›」』")
_WRAPPERS = "\"'“”„‘’«»()[]"
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PAREN_NEXT = re.compile(r"\s+\(")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
# A day written as an ordinal, as Czech, Slovak, Danish, Norwegian, Finnish and others write it: "3. března
# 2024", "3. 3. 2024", "3. marts". A lower-case month name or the date's next number follows the stop.
_DAY_ORDINAL_NEXT = re.compile(r"\s(?:[^\W\d_A-Z]+|\d{1,2}\.\s?\d{4}(?!\d))")
_YEAR_NEXT = re.compile(r"\s\d{4}(?!\d)")
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}\.\s\d{1,2}$")
_DE_MONTH = re.compile(r"\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)")
_LETTER_DOT = re.compile(r"\s[a-z]\.")
_DIGIT_DOT = re.compile(r"\d\.[\s)]")
LIST_PARAGRAPH = 5000  # up to this length a paragraph that may hold a list goes to pysbd whole
_MULTI_PERIOD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+")
_REOPENED = frozenset(["U.S", "U.K", "E.U", "U.S.A"])  # pysbd's replace_abbreviation_as_sentence_boundary
_ROMAN = frozenset(ListItemReplacer.ROMAN_NUMERALS)

# Multi-part abbreviations whose periods never end a sentence, beyond what pysbd knows.
_NEVER_CUT = {  # no leading look-behind, so re can skip ahead to the first letter; _never_cut checks the word start
    "fr": re.compile(r"(?:p\. ?ex\.|c\.-à-d\.|N\. ?B\.)"),
    "de": re.compile(r"(?:z\. ?B\.|d\. ?h\.|i\. ?d\. ?R\.|u\. ?U\.|o\. ?ä\.)"),
    "en": re.compile(r"(?:e\. ?g\.|i\. ?e\.)(?= [a-z])"),
}

CUT, NOCUT, UNSURE = "cut", "nocut", "unsure"


# --- pysbd's protected quotations --------------------------------------------------------------------


@cache
def _quote_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """pysbd's BetweenPunctuation spans: stops inside them are not ends."""
    n = _QUOTE_CAP
    patterns = [
        rf"‘(?<=\s‘)(?:[^’]|’[a-zA-Z]){{1,{n}}}’",  # the quote first: re then skips ahead to it fast
        rf'"[^"\\]{{1,{n}}}"',
        rf"\[[^\]\\]{{1,{n}}}\]",
        rf"\([^()\\]{{1,{n}}}\)",
        rf"«[^»\\]{{1,{n}}}»",
        rf"--[^-]{{0,{n}}}--",
        rf"“[^”\\]{{1,{n}}}”",
    ]
    if language == "de":
        patterns += [rf"„[^“\\]{{1,{n}}}“", rf",,[^“\\]{{1,{n}}}“"]
    return tuple(re.compile(p) for p in patterns)


_SINGLE_QUOTED = re.compile(rf"'(?<=\s')(?:[^']|'[a-zA-Z]){{0,{_QUOTE_CAP}}}'")
_LEADING_APOSTROPHE = re.compile(rf"'(?<=\s')(?:[^']|'[a-zA-Z]){{0,{_QUOTE_CAP}}}'\S")


class Quotes(NamedTuple):
    """pysbd's protected spans in a paragraph: merged (for "is this inside?") and as found (to rebuild
    the context of a stretch that starts inside one)."""

    starts: list[int]
    ends: list[int]
    spans: list[tuple[int, int]]


def protected(text: str, language: str) -> Quotes:
    spans = [m.span() for p in _quote_patterns(language) for m in p.finditer(text)]
    # pysbd skips straight single quotes when a word starts with an apostrophe and none closes ('tis).
    if "'" in text and not (_LEADING_APOSTROPHE.search(text) and not re.search(r"'\s", text)):
        spans += [m.span() for m in _SINGLE_QUOTED.finditer(text)]
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return Quotes(starts, ends, spans)


def quote_marks_around(text: str, quoted: Quotes, start: int, end: int) -> tuple[str, str]:
    """Marks to put around text[start:end] so that pysbd sees the protected spans it is inside of:
    their openers before (outermost first; a space first where pysbd's rule wants one), their closers
    after (innermost first)."""
    k = bisect.bisect_left(quoted.spans, (end, -1))
    before, after = [], []
    for s, e in reversed(quoted.spans[max(0, k - 50) : k]):
        if s < start < e:
            mark = text[s : s + 2] if text.startswith(",,", s) else text[s]
            before.append(" " + mark if mark in "'‘" else mark)
        if s < end < e:
            after.append(text[e - 2 : e] if text.startswith("--", e - 2) else text[e - 1])
    return "".join(reversed(before)), "".join(after)


def _inside(quoted: Quotes, pos: int) -> bool:
    """Whether pos is inside a protected span (its closing quote is not)."""
    k = bisect.bisect_right(quoted.starts, pos) - 1
    return k >= 0 and pos < quoted.ends[k] - 1


# --- classifying one candidate end ---------------------------------------------------------------------


@cache
def _abbreviations(language: str) -> frozenset[str]:
    abbr = LANGUAGE_CODES[language].Abbreviation
    words = [*abbr.ABBREVIATIONS, *abbr.PREPOSITIVE_ABBREVIATIONS, *abbr.NUMBER_ABBREVIATIONS]
    return frozenset(w.strip().lower() for w in words)


@lru_cache(maxsize=1 << 16)
def _word_kind(word: str, language: str) -> str:
    """What precedes a full stop: plain, number, short-number, abbr (right after whitespace), or other."""
    core = word.strip(_WRAPPERS)
    if len(core) == 1:
        return "letter" if core.isascii() and core.isalpha() and word.startswith(core) else "other"
    if not core:
        return "other"
    if _MULTI_PERIOD.fullmatch(core) and word.endswith(core):
        return "multi"
    if _NUMBER.fullmatch(core):
        return "short-number" if len(core) <= 2 else "number"
    if not _PLAIN_WORD.fullmatch(core) or core.lower() in _ROMAN:
        return "other"
    if core == word and core.lower() in _abbreviations(language):
        return "abbr"
    return "plain"


def verdict(text: str, m: re.Match[str], language: str, quoted: Quotes) -> str:
    """CUT, NOCUT or UNSURE for a run of stops (and closers) followed by whitespace."""
    closers = m.group(1)
    stop = text[m.start() : m.start(1)]
    after = m.end()
    nxt = text[after + 1] if after + 1 < len(text) else ""
    quote = closers.strip()
    if quote and stop[-1] in ".!?…" and len(quote) == 1 and quote in _QUOTE_END:
        # pysbd's post-pass splits `." The`; we also split after ’ and », which it forgets. It cannot see
        # a ' inside another quotation or brackets, where it has been replaced by a placeholder.
        if nxt.isupper() and not (quote == "'" and _inside(quoted, m.start(1))):
            return CUT
        if stop[-1] in "!?" and nxt.islower():
            return NOCUT  # pysbd never ends at ! or ? before a quote but in that post-pass
    if _inside(quoted, m.start()):
        return NOCUT
    if closers:
        return UNSURE
    if stop == "?":
        return CUT
    if stop == "!":
        if text[max(0, m.start() - 5) : m.start()].endswith(("Yahoo", "Yum")):
            return UNSURE
        return NOCUT if "a" <= nxt <= "z" else CUT
    if stop in ("…", "..."):
        return CUT if nxt.isupper() else (NOCUT if nxt.islower() else UNSURE)
    if stop != ".":
        return UNSURE
    # Words are short: look back a little, or a paragraph without tabs makes rfind("\t") quadratic.
    before = text[max(0, m.start() - 64) : m.start()]
    word = before[max(before.rfind(" "), before.rfind("\n"), before.rfind("\t")) + 1 :]
    if len(word) <= 2 and word.isdigit() and _day_before_month(text, m.start(), after):
        return NOCUT
    kind = _word_kind(word, language)
    if kind == "short-number":
        return _after_short_number(text, word, after, nxt, language)
    if kind == "plain" or kind == "number":
        if kind == "number" and language == "de" and _DE_MONTH.match(text, after):
            return NOCUT  # pysbd's German date rule: "1989. Oktober" is not cut either
        if nxt.isdigit() and _LIST_NUMBER.match(text, after + 1):
            return UNSURE  # a numbered list may start here
        return CUT
    if kind == "abbr":
        return _after_abbreviation(text, word, after, nxt, language)
    if kind == "multi":
        return _after_multi_period(text, word, after, language)
    if kind == "letter":
        return _after_letter(text, word, after, nxt, language)
    return UNSURE


def _after_multi_period(text: str, word: str, after: int, language: str) -> str:
    """U.S., e.g., a.m.: pysbd keeps every period of single letters joined by periods, but re-opens
    "U.S." before a sentence starter ("U.S. The ...") and "a.m." before a capital."""
    core = word.strip(_WRAPPERS)
    if core in _REOPENED and _starts_sentence(text, after, language):
        return CUT
    if core in ("a.m", "p.m", "A.M") or (core == "P.M" and text[after - 5 : after - 4] == " "):
        return CUT if text[after].isspace() and "A" <= text[after + 1 : after + 2] <= "Z" else NOCUT
    return NOCUT


def _after_letter(text: str, word: str, after: int, nxt: str, language: str) -> str:
    """One letter and a period: an initial (J. Smith), a list item (a. b. c.) or a word like "p."."""
    if _has_letter_list(text):
        return UNSURE
    if text[after - 3 : after - 2].isspace() or after == 2:
        if word.isupper():
            # pysbd's single-letter rule; "I." is re-opened before a sentence starter, like "U.S.".
            return CUT if word == "I" and _starts_sentence(text, after, language) else NOCUT
        if language == "de":
            return NOCUT
        if word in _abbreviations(language):
            return _after_abbreviation(text, word, after, nxt, language)
        return CUT
    return UNSURE


def _starts_sentence(text: str, after: int, language: str) -> bool:
    return bool(_starter_pattern(language).match(text, after))


@cache
def _starter_pattern(language: str) -> re.Pattern[str]:
    starters = LANGUAGE_CODES[language].AbbreviationReplacer.SENTENCE_STARTERS
    alternatives = "|".join(map(re.escape, starters))
    return re.compile(rf"\s(?:{alternatives})\s") if starters else re.compile(r"(?!)")


@lru_cache(maxsize=4)
def _has_letter_list(text: str) -> bool:
    """Whether pysbd's ListItemReplacer may see an a. b. c. list (two letters next to each other in the
    alphabet, each alone before a period)."""
    letters = {m.group()[-2] for m in _LETTER_DOT.finditer(" " + text)}
    return any(chr(ord(c) + 1) in letters for c in letters)


def may_hold_a_list(para: str) -> bool:
    return (_DIGIT_DOT.search(para) is not None and _has_numbered_list(para)) or _has_letter_list(para)


def _after_short_number(text: str, word: str, after: int, nxt: str, language: str) -> str:
    """ "9. " is a list item when the paragraph counts 1. 2. 3.; else a German ordinal, or an English end."""
    if word != word.strip(_WRAPPERS) or _has_numbered_list(text):
        return UNSURE
    if after == len(word) + 1:
        return NOCUT  # pysbd's start-of-line number rules: "15. The" opening a paragraph is a list item
    if language == "de":
        return NOCUT if after - len(word) - 2 >= 0 and text[after - len(word) - 2].isspace() else UNSURE
    return CUT if nxt.isupper() else UNSURE


def _day_before_month(text: str, stop: int, after: int) -> bool:
    """Whether the stop at `stop` after a one- or two-digit number ends a day or month written as an
    ordinal: a lower-case month name ("3. března") or the rest of a dotted date ("3. 3. 2024") follows."""
    m = _DAY_ORDINAL_NEXT.match(text, after)
    if m is None:
        return (
            _YEAR_NEXT.match(text, after) is not None and _DAY_BEFORE.search(text, max(0, stop - 8), stop) is not None
        )
    word = m.group()[1:]
    return word[:1].isdigit() or word in MONTHS


@lru_cache(maxsize=4)
def _has_numbered_list(text: str) -> bool:
    """Whether pysbd's ListItemReplacer sees a numbered list: two neighbouring "N." with consecutive N."""
    numbers = [int(n) for n in re.findall(ListItemReplacer.NUMBERED_LIST_REGEX_1, text)]
    return any(b == a + 1 or {a, b} == {0, 9} for a, b in zip(numbers, numbers[1:], strict=False))


def _after_abbreviation(text: str, word: str, after: int, nxt: str, language: str) -> str:
    """A full stop after an abbreviation that follows whitespace: pysbd's AbbreviationReplacer."""
    abbr = LANGUAGE_CODES[language].Abbreviation
    lowered = word.lower()
    if language == "de" or lowered in abbr.PREPOSITIVE_ABBREVIATIONS:
        decision = NOCUT  # German keeps every listed abbreviation before whitespace
    elif lowered in abbr.NUMBER_ABBREVIATIONS:
        decision = NOCUT if nxt.isdigit() or _PAREN_NEXT.match(text, after) else CUT
    else:
        following = text[after + 1 : after + 3]
        lower_next = "a" <= nxt <= "z" or nxt.isdigit() or nxt == "("
        decision = NOCUT if lower_next or following in ("I ", "I'") else CUT
    if decision == NOCUT and word.endswith("I"):
        return UNSURE  # pysbd re-opens "...I." before a sentence starter
    return decision


def parens_between_quotes(para: str) -> list[int]:
    """pysbd breaks the line around each parenthesis between `" (` and the last `) "`."""
    m = PARENS_BETWEEN_QUOTES.search(para)
    if m is None:
        return []
    span = para[m.start() : m.end()]
    spots = [m.start() + k.start() for k in re.finditer(r"\s(?=\()", span)]
    spots += [m.start() + k.start() for k in re.finditer(r"(?<=\))\s", span)]
    return sorted(spots)


def open_parentheses(para: str, cuts: list[int], unsure: list[int]) -> list[int]:
    """pysbd takes "(" at a sentence start up to the next ")" before a capital as one sentence, stops and
    all; so no cut between such a "(" and ")" is certain: pysbd decides that stretch."""
    for at in unsure:
        if para[at] == ")":
            first_open = para.find("(", para.rfind(")", 0, at) + 1, at)
            if first_open >= 0:
                cuts = [c for c in cuts if not first_open < c <= at]
    return cuts


def unsure_without_stop(para: str) -> tuple[list[int], bool]:
    """Spots without a stop where pysbd may still end a sentence: a quotation or parenthesis that starts a
    sentence and is followed by a capital (`(See above) The`), and "1)" / "a)" list markers (reported
    apart: pysbd's list rules look at the whole paragraph)."""
    spots = []
    list_marker = False
    for m in _CLOSER_BEFORE_SPACE.finditer(para):
        at = m.start()
        before = para[at - 1 : at]
        if para[at] == ")":
            word_start = at
            while word_start > 0 and not para[word_start - 1].isspace() and para[word_start - 1] != "(":
                word_start -= 1
            if _LIST_MARKER.fullmatch(para, word_start, at + 1):
                spots.append(at)
                list_marker = True
                continue
        if para[at + 2 : at + 3].isupper() and before != "," and (before not in STOPS or para[at] == ")"):
            spots.append(at)
    return spots, list_marker


# An abbreviation or a street name ("Goethestr.") with a full stop before a number: "approx. 5", "p. 12",
# "ca. 30". Only listed ones: plain-language German opens sentences with digits ("zu sich. 40 Prozent").
# A list item number ("item. 2. Next") is left to the list rules.
_BEFORE_NUMBER = re.compile(r"(?<![\w.])([^\W\d_]+)\.(?= \d)(?! \d{1,2}[.)]\s)")
_STOP_BEFORE_DIGIT = re.compile(r"\. \d")
# "Jan. 2024", "Sept. 12": a month cut short, before its day or year.
_SHORT_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez"]
    + ["janv", "févr", "avr", "juil", "déc"]
)
_NUMBER_ABBREVIATIONS = frozenset(
    ["approx", "ca", "env", "p", "pp", "s", "ss", "vol", "no", "nr", "abs", "art", "tel", "fig", "ch", "chap", "sec"]
)


def never_cut(para: str, language: str) -> set[int]:
    """Offsets just after each period of the multi-part abbreviations in _NEVER_CUT (and after its space),
    and of a short abbreviation before a number."""
    spots: set[int] = set()
    # _BEFORE_NUMBER tries a look-behind at every position (0.09 s a book); a full stop, a space and a
    # digit, which each of its matches holds, are found first by a literal scan.
    if _STOP_BEFORE_DIGIT.search(para):
        for m in _BEFORE_NUMBER.finditer(para):
            word = m.group(1)
            low = word.lower()
            listed = low in _NUMBER_ABBREVIATIONS or low in _abbreviations(language)
            if (word[0].islower() and listed) or (low.endswith("str") and len(low) > 3) or low in _SHORT_MONTHS:
                spots.update((m.end(), m.end() + 1))
    pattern = _NEVER_CUT.get(language)
    if pattern is None:
        return spots
    for m in pattern.finditer(para):
        if m.start() and para[m.start() - 1].isalnum():
            continue
        for i in range(m.start(), m.end()):
            if para[i] == ".":
                spots.update((i + 1, i + 2))
    return spots
