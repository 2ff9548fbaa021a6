"""Which language a text is in: py3langid's naive Bayes model over byte n-grams, with a script and stopword
guess when the package is missing.

The answer picks pysbd's rule set (sentences.supported maps codes pysbd lacks to English) and the
negation lexicon (lexicon.negators), so it has to tell apart close neighbours: Danish, Norwegian and
Swedish, Russian and Ukrainian, Czech and Polish. Stopwords alone do that poorly; py3langid ships its
model in the wheel (nothing is downloaded), classifies 60 KB in ~15 ms, but inflates the model in ~1-3 s,
so it is loaded on the first call, not on import, and kept restricted to our languages in the user's
cache folder (langid_model.py).
"""

from __future__ import annotations

import re
import string
from collections import Counter
from functools import cache
from typing import Any

from .stopwords import STOPWORDS

# The languages drift-viewer has negation lexicons for, pysbd's rule sets, and a few common languages with
# neither: an Estonian or Latvian text then comes back as itself (English rules, the union of negators)
# rather than as the nearest of ours. Of the last two groups, el, hi, sk, af, ca, fi, hu, id, ro and vi have
# negators of their own (lexicon/negators_data.py); af is told from Dutch (checked on Dutch news
# sentences, every one kept as nl). Left out on purpose, because each takes texts from one of ours:
# nn (Nynorsk scores within a few percent of Bokmål), gl (Portuguese), wuu/yue (Chinese), lb (German),
# ary/arz (Arabic), hbo (Hebrew), oc (French).
_OURS = "en de fr es it pt nl sv da no pl cs ru uk tr ar he zh ja ko"
_PYSBD = "am bg el fa hi hy kk mr my sk ur"
_OTHERS = "af ca et fi hr hu id lt lv ro sl th vi"
LANGUAGES = tuple(f"{_OURS} {_PYSBD} {_OTHERS}".split())
_ALIASES = {"no": "nb"}  # the model says "no"; the Bokmål lexicon and ISO 639-1 say "nb"
# What a user may give as the language: exactly the codes detection can answer, so naming the language
# never reaches a rule set that detecting it could not.
SUPPORTED = tuple(sorted(_ALIASES.get(code, code) for code in LANGUAGES))


def language_code(given: str) -> str | None:
    """The supported code `given` names (case and a region tag ignored: "EN-gb" is "en"; "no" is "nb"),
    or None when drift-viewer has no rules for it."""
    base = given.strip().replace("_", "-").split("-")[0].lower()
    code = _ALIASES.get(base, base)
    return code if code in SUPPORTED else None


_SAMPLE = 20_000  # characters read from each of three places: start, middle, end
_MIN_LETTERS = 20  # fewer letters than this tell nothing ("12345", a heading): the default stands
# A guess must beat the default by this much log-likelihood per byte of text, so that a short paragraph
# that reads about as well in the document's language keeps it. Real neighbours differ by more: a Danish
# paragraph scores ~0.3-0.5 a byte above Norwegian.
_MARGIN_PER_BYTE = 0.05
PARAGRAPH_MIN = 200  # shorter paragraphs are not worth a guess of their own: too few n-grams, too many calls


@cache
def _identifier() -> Any | None:
    """py3langid restricted to LANGUAGES, or None when it is not installed."""
    try:
        import py3langid  # noqa: F401
    except ImportError:
        return None
    from .langid_model import load_identifier

    return load_identifier(LANGUAGES)


_ASCII_LETTERS = string.ascii_letters.encode()


def _letters(text: str) -> int:
    if text.isascii():  # the letters of ASCII are A-Z and a-z: deleting them in bytes is one C pass
        raw = text.encode()
        return len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    return sum(map(str.isalpha, text))  # a C loop: a generator here took 0.4 s on a book


_SCRIPT_RES = (
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
)
_SHORT_SCRIPTS = {code: code for code, _ in _SCRIPT_RES}


def _script_of(text: str) -> str:
    return next((code for code, pattern in _SCRIPT_RES if pattern.search(text)), "")


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language `text` is in; `default` when the text is too short or not telling."""
    if len(text) > 3 * _SAMPLE:
        middle = len(text) // 2
        text = text[:_SAMPLE] + " " + text[middle : middle + _SAMPLE] + " " + text[-_SAMPLE:]
    letters = _letters(text)
    if letters < _MIN_LETTERS:
        # Too short for the model, but some scripts belong to one language of ours: a kana says Japanese
        # however few letters there are (a CJK sentence of 15 characters says a lot).
        return _SHORT_SCRIPTS.get(_script_of(text), default)
    sure = _clear_guess(text, letters)
    if sure is not None:
        return sure  # the model costs ~0.5-0.8 s to load; a page of prose rarely needs it
    identifier = _identifier()
    if identifier is None:
        return _guess_without_model(text, default)
    ranked = identifier.rank(text)
    best, best_score = ranked[0]
    best = _ALIASES.get(best, best)
    if best == default:
        return best
    default_score = next((s for lang, s in ranked if _ALIASES.get(lang, lang) == default), None)
    if default_score is not None and best_score - default_score < _MARGIN_PER_BYTE * len(text.encode()):
        return default
    return str(best)


def detect_paragraph_language(text: str, start: int, end: int, default: str) -> str:
    """The language of text[start:end], for documents that change language; `default` (the document's
    language) for paragraphs under PARAGRAPH_MIN characters, where a guess costs more than it tells."""
    if end - start < PARAGRAPH_MIN:
        return default
    paragraph = text[start:end]
    key = (paragraph, default)
    found = _PARAGRAPHS.get(key)
    if found is None:
        found = detect_language(paragraph, default)
        _hold(key, found)
    return found


def _hold(key: tuple[str, str], found: str) -> None:
    global _held
    if key in _PARAGRAPHS:
        return
    if _held + len(key[0]) > _PARAGRAPHS_MAX:
        _PARAGRAPHS.clear()
        _held = 0
    _PARAGRAPHS[key] = found
    _held += len(key[0])


def paragraph_answers() -> dict[tuple[str, str], str]:
    """The paragraph languages held ((paragraph, default) -> language): what a forked child that
    segmented a document sends back, so that its parent does not detect them again."""
    return dict(_PARAGRAPHS)


def remember_paragraphs(answers: dict[tuple[str, str], str]) -> None:
    for key, found in answers.items():
        _hold(key, found)


# Paragraph languages already detected: segmentation reads every long paragraph's language, and the
# kind rules ask for the same paragraphs again (pipeline._paragraph_languages). Bounded by the characters
# it holds (_held), emptied when full.
_PARAGRAPHS: dict[tuple[str, str], str] = {}
_PARAGRAPHS_MAX = 4_000_000
_held = 0


# --- without py3langid: scripts, then stopwords -----------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = (
    # (language, characters of its script); the first whose share of the letters is large enough wins.
    # Kana before Han: Japanese is written with both, Chinese with Han only.
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)
_ANY_SCRIPT = re.compile("[" + "".join(pattern.pattern[1:-1] for _, pattern in _SCRIPTS) + "]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")  # letters Ukrainian has and Russian lacks
_RUSSIAN = re.compile(r"[ыэъЫЭЪ]")  # and the other way round
# Letters only one of the Latin-script languages uses (lower case); each counts as a stopword hit, since
# a short Czech or Turkish sentence may hold only a couple of listed stopwords.
_LETTER_HINTS = {"cs": "řůě", "pl": "łąęśźż", "tr": "ğış", "es": "ñ¿¡", "pt": "ãõ", "da": "æ", "nb": "æ"}


def _hits(words: Counter[str], stop: frozenset[str]) -> int:
    """How many of the counted words are stopwords of `stop`: the set intersection runs in C, over the
    smaller side, where a sum over every stopword asked the Counter for each (0.2 s a book)."""
    return sum([words[w] for w in words.keys() & stop])


_CLEAR_HITS = 40  # stopword hits of the leading language: a few lines of running prose
_CLEAR_LEAD = 3.0  # times the runner-up's hits: neighbours (da/nb/sv, es/pt, cs/pl) stay to the model


def _clear_guess(text: str, letters: int) -> str | None:
    """The language when a script or the stopwords leave no doubt, else None (then the model decides).
    `letters`: how many letters `text` has (at least _MIN_LETTERS)."""
    if _ANY_SCRIPT.search(text):  # else no script below has a character in it: none can win
        for lang, script in _SCRIPTS:
            if len(script.findall(text)) >= letters * (0.1 if lang == "ja" else 0.5):
                return None if lang in ("ru", "zh") else lang  # ru/uk and zh/ja need a closer look
    words = Counter(map(str.lower, _WORD.findall(text)))
    scores = sorted(((_hits(words, stop), lang) for lang, stop in STOPWORDS.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= _CLEAR_HITS and best >= _CLEAR_LEAD * second else None


def _guess_without_model(text: str, default: str) -> str:
    letters = _letters(text)
    for lang, script in _SCRIPTS:
        found = len(script.findall(text))
        # Japanese mixes kana into Han text at a third of the letters or more; other scripts dominate.
        if found >= letters * (0.1 if lang == "ja" else 0.5):
            if lang == "ru":
                return "uk" if len(_UKRAINIAN.findall(text)) > len(_RUSSIAN.findall(text)) else "ru"
            return lang
    words = Counter(map(str.lower, _WORD.findall(text)))
    scores = {lang: _hits(words, stop) for lang, stop in STOPWORDS.items()}
    lower = text.lower()
    for lang, hints in _LETTER_HINTS.items():
        scores[lang] += sum(lower.count(c) for c in hints)
    best = max(scores, key=lambda lang: scores[lang])
    # Short texts share words across languages ("a", "de", "in"); demand a clear lead before leaving the default.
    if scores[best] < 3 or scores[best] <= scores.get(default, 0) * 1.2:
        return default
    return best
