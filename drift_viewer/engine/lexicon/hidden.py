"""Invisible and look-alike characters: what the report, the window and the text output draw as markers,
and what makes two wordings differ only by what a reader cannot see.

- `INVISIBLE`: format characters (Unicode category Cf) and default-ignorable code points (bidi controls
  and isolates, zero-width space and joiners, word joiner, BOM, soft hyphen, variation selectors, Hangul
  fillers, tag characters). The set is written out as ranges, because `unicodedata` has no
  Default_Ignorable_Code_Point and scanning all code points for Cf costs 0.15 s at import;
  tests/engine/test_hidden.py checks the ranges against `unicodedata`. Prepended concatenation marks
  (U+0600 ARABIC NUMBER SIGN, ...) are Cf but drawn as visible signs, so they are left out.
- `marked(text)`: where a text holds an invisible character that is drawn as a marker. Not marked, as
  they do visible work there: a zero-width joiner inside an emoji sequence, a variation selector after a
  symbol or emoji, the tag characters of a flag (🏴 + tags + cancel tag), and a zero-width (non-)joiner
  between two letters of a script that joins (Arabic, Syriac, Indic, Myanmar, Khmer, Mongolian).
- `hidden_difference(a, b)`: two wordings equal once marked characters are taken out and homoglyphs
  (a letter of one script that looks like a letter of another, per Unicode's confusables.txt as the
  confusable-homoglyphs package ships it) are read as the letter they imitate; or wordings whose bidi
  controls differ, which can show text in another order than it is stored.
- `lookalikes(text)`: letters of one script disguised inside a word of another (the Cyrillic а of
  "Pаris"), which the report outlines and the window draws in red, with `lookalike_note` as their title.
- `bidi_controls(text)` / `bidi_warning`: the bidi controls a document holds, for the warning in the
  report's header and the window's status bar.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache

_INVISIBLE_RANGES = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
INVISIBLE = re.compile(f"[{_INVISIBLE_RANGES}]")
# Control characters (Cc) other than tab and the line breaks: an ESC starts a terminal escape sequence, a
# BEL or a backspace hides in a word ("sa\x1bid" reads as "said"). Marked like the invisible characters.
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # not NEL (U+0085), a line break
MARKED_RANGES = _INVISIBLE_RANGES + _CONTROLS  # what `marked` may find, for a character class elsewhere
_MARKED = re.compile(f"[{MARKED_RANGES}]")
_C0_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]

# Explicit bidi formatting: embeddings, overrides, isolates and their terminators. They reorder what
# follows; the marks (LRM, RLM, ALM) only change how neutral characters next to them are placed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")

SHORT_NAMES = {
    "\u00ad": "SHY",
    "\u034f": "CGJ",
    "\u061c": "ALM",
    "\u180e": "MVS",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2060": "WJ",
    "\u2061": "FA",
    "\u2062": "IT",
    "\u2063": "IS",
    "\u2064": "IP",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\ufeff": "BOM",
}
# The visible stand-in of a marked character: one code point for one, so offsets and spans hold.
BIDI_SYMBOL = "\u21c4"  # ⇄
INVISIBLE_SYMBOL = "\u2b1a"  # ⬚ DOTTED SQUARE

# Letters of scripts whose spelling uses ZWJ / ZWNJ between letters (Persian می‌خواهم, Hindi क्‍ष).
_JOINING = ((0x0600, 0x0DFF), (0x1000, 0x109F), (0x1780, 0x18AF), (0xA8E0, 0xA8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
_ZW_JOINERS = frozenset("\u200c\u200d")
_VARIATION = frozenset("\ufe0e\ufe0f")


def short_name(char: str) -> str:
    """A marker's short label: "RLO", "ZWSP", "VS16", or "U+E0041"."""
    name = SHORT_NAMES.get(char)
    if name is not None:
        return name
    code = ord(char)
    if code < 0x20:
        return _C0_NAMES[code]
    if code == 0x7F:
        return "DEL"
    if 0xFE00 <= code <= 0xFE0F:
        return f"VS{code - 0xFE00 + 1}"
    if 0xE0100 <= code <= 0xE01EF:
        return f"VS{code - 0xE0100 + 17}"
    return f"U+{code:04X}"


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': what a marker's tooltip or title says."""
    return f"U+{ord(char):04X} {unicodedata.name(char, short_name(char))}"


def symbol(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"
    return BIDI_SYMBOL if char in BIDI_CONTROLS or char in BIDI_MARKS else INVISIBLE_SYMBOL


def _emoji(char: str) -> bool:
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2190 <= code <= 0x21FF
        or 0x2300 <= code <= 0x23FF
        or 0x2B00 <= code <= 0x2BFF
        or unicodedata.category(char) == "So"
    )


def _joining_letter(char: str) -> bool:
    code = ord(char)
    return any(a <= code <= b for a, b in _JOINING) and unicodedata.category(char)[0] in "LM"


def _in_use(text: str, i: int) -> bool:
    """Whether the invisible text[i] does visible work where it stands (see the module docstring)."""
    char = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if char in _VARIATION:
        return bool(before) and (_emoji(before) or before in "#*0123456789")
    if char == "\u200d" and before and after:
        # 👨‍👩 and 👁️‍🗨️ (the joiner may follow a variation selector or a skin tone)
        previous = text[i - 2] if before in _VARIATION and i >= 2 else before
        if _emoji(previous) and _emoji(after):
            return True
    if char in _ZW_JOINERS and before and after:
        return _joining_letter(before) and _joining_letter(after)
    if "\U000e0020" <= char <= "\U000e007f":
        start = i
        while start and "\U000e0020" <= text[start - 1] <= "\U000e007e":
            start -= 1
        end = i
        while end < len(text) and "\U000e0020" <= text[end] <= "\U000e007e":
            end += 1
        return start > 0 and text[start - 1] == "\U0001f3f4" and end < len(text) and text[end] == "\U000e007f"
    return False


@lru_cache(maxsize=1 << 14)
def marked(text: str) -> tuple[int, ...]:
    """Offsets (code points) of the invisible and control characters of `text` drawn as markers."""
    if text.isascii() and (text.isprintable() or not _MARKED.search(text)):
        return ()
    return tuple(m.start() for m in _MARKED.finditer(text) if not _in_use(text, m.start()))


def shown(text: str) -> str:
    """`text` with each marked character replaced by its one-code-point symbol (offsets unchanged)."""
    return _replace_marked(text, symbol)


def escaped(text: str) -> str:
    """`text` with each marked character written as ⟨RLO⟩, ⟨ZWSP⟩, ... (for the terminal)."""
    return _replace_marked(text, lambda ch: f"\u27e8{short_name(ch)}\u27e9")


def _replace_marked(text: str, render: Callable[[str], str]) -> str:
    positions = marked(text)
    if not positions:
        return text
    chars = list(text)
    for i in positions:
        chars[i] = render(chars[i])
    return "".join(chars)


def without_marked(text: str) -> str:
    """`text` without the characters `marked` finds: what a reader sees, less the markers."""
    return _without_marked(text)


def _without_marked(text: str) -> str:
    positions = marked(text)
    if not positions:
        return text
    drop = set(positions)
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


@cache
def _confusables() -> tuple[dict, object]:
    # Imported on first use: 20 ms of JSON that a text without a non-ASCII change never needs.
    from confusable_homoglyphs import categories, confusables

    return confusables.confusables_data, categories.alias


def _plain(glyph: str) -> str:
    # The package wraps right-to-left homoglyphs in LRM marks so they print in order; they are no part of it.
    return glyph.strip("\u200e\u200f")


@lru_cache(maxsize=1 << 14)
def prototype(char: str) -> str:
    """The character `char` imitates per confusables.txt (itself if none, or if ASCII).

    The package lists, for each source character, its prototype alone, and for each prototype all its
    sources; a pair that names only each other is read as one class whose member is the smaller."""
    if char.isascii():
        return char
    data, _ = _confusables()
    entries = data.get(char)
    if not entries or len(entries) != 1:
        return char  # not confusable, or a prototype that many characters imitate
    target = _plain(entries[0]["c"])
    back = data.get(target)
    if back is not None and len(back) == 1 and _plain(back[0]["c"]) == char:
        return min(char, target, key=lambda c: (not c.isascii(), len(c), c))
    return target


def _script(char: str) -> str:
    _, alias = _confusables()
    return alias(char)  # type: ignore[operator]


def homoglyphs_only(a: str, b: str) -> bool:
    """Same length, and every differing letter a look-alike from another script: Pаris (Cyrillic а) / Paris."""
    if a == b or len(a) != len(b) or (a.isascii() and b.isascii()):
        return False
    for x, y in zip(a, b, strict=True):
        if x != y and (prototype(x) != prototype(y) or _script(x) == _script(y)):
            return False
    return True


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
_NO_SCRIPT = frozenset(["COMMON", "INHERITED"])


def lookalikes(text: str) -> tuple[int, ...]:
    """Offsets of letters disguised as another script's inside a word of that script: the Cyrillic а
    of "Pаris", the Latin o of "Мoсква". Only words that mix ASCII letters with others are read (a
    disguise copies a Latin word, or puts Latin letters into a word of another script); a word wholly
    in one script ("Париж") and a letter with no look-alike there ("Zürich") are left alone."""
    if text.isascii():
        return ()
    found: list[int] = []
    for m in _LETTER_RUN.finditer(text):
        word = m.group()
        if word.isascii() or not _ASCII_LETTER.search(word):
            continue
        scripts = [_script(ch) for ch in word]
        counts = Counter(s for s in scripts if s not in _NO_SCRIPT)
        if len(counts) < 2:
            continue
        main = counts.most_common(1)[0][0]  # a tie goes to the script the word starts in
        found += (
            m.start() + i
            for i, (ch, s) in enumerate(zip(word, scripts, strict=True))
            if s != main and s not in _NO_SCRIPT and _imitates(ch, main)
        )
    return tuple(found)


def _imitates(char: str, script: str) -> bool:
    """`char` looks like a letter of `script`: its prototype is one, or one of that script has it as prototype."""
    target = prototype(char)
    if target != char and all(_script(c) in (script, *_NO_SCRIPT) for c in target):
        return True
    data, _ = _confusables()
    return any(_script(_plain(entry["c"])) == script for entry in data.get(char, ()) if len(_plain(entry["c"])) == 1)


def lookalike_note(char: str) -> str:
    """A look-alike letter's tooltip or title: 'U+0430 CYRILLIC SMALL LETTER A in a word of another script,
    where it passes for 'a''."""
    target = prototype(char)
    seen = f", where it passes for {target!r}" if target != char else ""
    return f"{describe(char)} in a word of another script{seen}"


def _bidi(text: str) -> list[str]:
    return [ch for ch in text if ch in BIDI_CONTROLS]


@lru_cache(maxsize=1 << 14)
def hidden_difference(a: str, b: str) -> bool:
    """Whether two wordings differ only in what a reader cannot see (see the module docstring)."""
    if a == b or (a.isascii() and b.isascii() and not marked(a) and not marked(b)):
        return False
    pa, pb = _without_marked(a), _without_marked(b)
    if pa == pb:
        return True  # only invisible characters differ
    if pa.strip() and pb.strip() and _bidi(a) != _bidi(b):
        return True  # the bidi controls differ: what is shown may not be what is stored
    return homoglyphs_only(pa, pb)


def bidi_controls(text: str) -> Counter[str]:
    """How many of each explicit bidi control (embedding, override, isolate) `text` holds. The marks
    (LRM, RLM, ALM) are left out: right-to-left text uses them everywhere, and they reorder no words."""
    if text.isascii():
        return Counter()
    return Counter(_BIDI_CONTROL.findall(text))  # one C scan: a book's text is read on the GUI thread


def bidi_warning(text: str, name: str) -> str | None:
    """One sentence for a document that holds bidi controls (None if it holds none)."""
    found = bidi_controls(text)
    if not found:
        return None
    total = sum(found.values())
    listed = ", ".join(f"{short_name(ch)} ×{n}" for ch, n in found.most_common())
    noun = "character" if total == 1 else "characters"
    return (
        f"{name} holds {total} bidirectional control {noun} ({listed}): its text may be shown in another "
        "order than it is stored, as in a Trojan Source attack."
    )
