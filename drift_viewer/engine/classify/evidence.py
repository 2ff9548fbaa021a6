"""Which capitalised words are names, from evidence in the two documents rather than from a capital letter.

A capital letter says "name" only where the language does not require it. A sentence or a quoted speech
starts with one, a title-case headline puts one on every word, and German gives one to every noun, so a
capital there proves nothing. The evidence used instead:

- a word the documents also write in lower case is a common word, whatever its capital here ("Master"
  is the master of "the master of the house"; "Ghost" is the ghost of "gave up the ghost");
- a word written capitalised right after another word, with no punctuation between them, in a line that
  is not title case, is capitalised for itself: a name ("said to Peter", "Avril Haines");
- failing both, a word rare in its language (word frequencies from wordfreq) may be a name respelt, never
  a frequent one ("Truly" opening a sentence is the adverb).

Built once per comparison from both sides' texts; the classifier asks it only about changes its rules
already call NAME.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..lexicon import plain_letters
from . import wordlists
from .names import DECLINING, adjective_of, declined, inflected

_POSSESSIVE = re.compile(r"['’]s?$")
_LINE_WORD = re.compile(r"[^\W\d_]{4,}")
_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
_WORD_IN = re.compile(_WORD)
_SENTENCE_CLOSERS = frozenset(".!?:;,\"”»)’'")
_HEADLINE = 300  # characters: a title-case line is a headline or a menu item, never a paragraph

# Languages that capitalise every noun: a capital after a word is the noun's, not a name's.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
# Zipf frequency (log10 of uses per billion words) from which a word is common in its language: ten uses
# per million words, about one every few pages of ordinary prose. A name that frequent ("Peter", "Paris")
# is written capitalised mid-sentence somewhere in a real document, so evidence finds it anyway.
COMMON_ZIPF = 4.0
# Caseless scripts with no tagger for names in the packages we ship (zh and ja have theirs: lexicon/cjk.py).
_UNTAGGED_CASELESS = frozenset({"ar", "he", "fa", "ur"})
# One character of a two-character name (山本 / 山元) is half of it: names in these scripts are short.
CASELESS_RESPELT = 0.5
RESPELT = 0.6  # normalised Levenshtein similarity from which two words read as one word respelt


@lru_cache(maxsize=32)
def _frequencies(language: str) -> dict[str, float] | None:
    """wordfreq's 'small' list (words of zipf >= 3, ~30k a language, 10 ms to load), or None."""
    packed = wordlists.small(language)
    if packed is not None:
        return packed
    try:
        import wordfreq  # imported here: 0.25 s of imports (langcodes, ftfy) that only name changes need
    except ImportError:  # pragma: no cover - a declared dependency; tolerate a broken install
        return None
    try:
        return wordfreq.get_frequency_dict(language, wordlist="small")
    except (LookupError, ValueError, OSError):
        return None  # a language wordfreq has no list for


def zipf(word: str, language: str | None) -> float:
    freqs = _frequencies(language or "en")
    if freqs is None:
        return 0.0
    f = freqs.get(word.lower())
    return math.log10(f) + 9 if f else 0.0


def _caseless(word: str) -> bool:
    """A word of letters that have no case (Han, kana, Hangul, Arabic, Hebrew, ...)."""
    return word[:1].isalpha() and word.lower() == word.upper()


def _title_case(line: str) -> bool:
    """A headline or menu line: most longer words capitalised, and no stop at its end (a sentence full of
    names ends with one)."""
    if line.rstrip()[-1:] in _SENTENCE_CLOSERS:
        return False
    words = _LINE_WORD.findall(line)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) * 2 >= len(words)


def _scan(text: str) -> tuple[set[str], set[str]]:
    """(lower-cased words written capitalised right after a word, words written in lower case).

    On whitespace-split tokens, distinct ones first: a book has ~180k words but ~15k distinct tokens, and
    this runs in 0.03 s a megabyte where a word regex takes 0.13 s."""
    capitalised: set[str] = set()
    for line in text.split("\n"):
        tokens = line.split()
        if len(tokens) < 2 or (len(line) <= _HEADLINE and _title_case(line)):
            continue
        # The capitalised tokens after the first, found by C loops (map, compress); Python sees those only.
        upper = compress(range(1, len(tokens)), map(str.isupper, map(itemgetter(0), tokens[1:])))
        capitalised.update([tokens[n] for n in upper if tokens[n - 1][-1].isalnum()])
    capitalised = {w for w in map(_word_of, capitalised) if w and not (len(w) > 1 and w.isupper())}
    return {w.lower() for w in capitalised}, set(lower_words(text))


@lru_cache(maxsize=4)
def lower_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case somewhere (on distinct tokens: ~15k on a book). Cached: the
    fact table asks of a whole document once a group."""
    return frozenset(w for w in map(_word_of, set(text.split())) if w[:1].islower())


def headline(text: str) -> bool:
    """Whether `text` is a title-case line (a headline, a menu item), where every word wears a capital."""
    return "\n" not in text.strip() and len(text) <= _HEADLINE and _title_case(text)


@lru_cache(maxsize=4)
def running_capitals(text: str) -> frozenset[str]:
    """The words (lower-cased) `text` writes capitalised right after another word outside headlines:
    capitalised for themselves. Cached: the fact table asks once a headline, of a whole document."""
    return frozenset(_scan(text)[0])


def _capital_uses(text: str) -> dict[str, int]:
    """How often each capitalised word (lower-cased) is written in `text`: counted on distinct
    whitespace tokens (~15k on a book) rather than on every token (~180k)."""
    counts: dict[str, int] = {}
    for token, n in Counter(text.split()).items():
        if token[:1].isupper() or token[1:2].isupper():
            word = _word_of(token)
            if word[:1].isupper() and not (len(word) > 1 and word.isupper()):
                low = word.lower()
                counts[low] = counts.get(low, 0) + n
    return counts


def _respelt_names(
    uses: dict[str, int], names: frozenset[str], lower: frozenset[str], language: str | None = None
) -> frozenset[str]:
    """The capitalised words a document uses once, never in lower case, one letter off a name (two for
    long words) and not its inflection ("Jew" / "Jews") nor its case ("Tusk" / "Tuska"): a name respelt."""
    by_length: dict[int, list[str]] = {}
    for name in names - lower:
        by_length.setdefault(len(name), []).append(name)
    found = set()
    for low, n in uses.items():
        if n != 1 or len(low) < 4 or low in lower:
            continue
        limit = 1 if len(low) < 8 else 2
        near = [name for k in range(len(low) - limit, len(low) + limit + 1) for name in by_length.get(k, ())]
        # The edit distance first, over all the names in one C call with a cut-off, where most names fail.
        close = process.extract(low, near, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
        if any(
            name != low and not _inflection(name, low) and not declined(name, low, language) for name, _, _ in close
        ):
            found.add(low)
    return frozenset(found)


def _inflection(a: str, b: str) -> bool:
    """One is the other inflected, with a possessive ending or as its adjective: "Jew" / "Jews", "Christ" /
    "Christ's", "Israel" / "Israeli", "America" / "American"."""
    a, b = _POSSESSIVE.sub("", a), _POSSESSIVE.sub("", b)
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (long.startswith(short) and long[len(short) :] in ("s", "es", "n", "e", "en", "er")) or adjective_of(a, b)


def _stems_alike(x: str, y: str) -> bool:
    """Whether two words are alike before the ending they share. Rarity alone calls a word a name, and in
    a language that builds its words with case endings (names.DECLINING) most forms are rare: "Muutamme" /
    "Kumoamme" (we change / we repeal) share "-amme" and nothing else, while a name respelt keeps its stem
    (Scholz / Scholtz, Песков / Песоков)."""
    shared = 0
    while shared < min(len(x), len(y)) and x[-1 - shared] == y[-1 - shared]:
        shared += 1
    sx, sy = x[: len(x) - shared], y[: len(y) - shared]
    return not (sx and sy) or Levenshtein.normalized_similarity(sx, sy) >= RESPELT


def _word_of(token: str) -> str:
    """The word of a whitespace token: punctuation around it dropped ("(Peter," -> "Peter")."""
    m = _WORD_IN.search(token)
    return m.group() if m else ""


@dataclass(frozen=True)
class NameEvidence:
    capitalised: frozenset[str]  # lower-cased words written capitalised after another word
    lower: frozenset[str]  # words written in lower case somewhere
    languages: tuple[str | None, str | None]  # of the left and the right side
    texts: tuple[str, str] = ("", "")  # both documents, to count a caseless word's uses
    respelt: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # names respelt, per side
    forms: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # capitalised words, per side

    @classmethod
    def of(cls, left: str, right: str, languages: tuple[str | None, str | None] = (None, None)) -> NameEvidence:
        left_capitalised, left_lower = _scan(left)
        right_capitalised, right_lower = _scan(right)
        capitalised = frozenset(left_capitalised | right_capitalised)
        lower = frozenset(left_lower | right_lower)
        uses = (_capital_uses(left), _capital_uses(right))
        # Names to be respelt: those written capitalised after a word, and rare capitalised words the
        # documents use more than once ("Eutychus" opening two sentences is a name all the same).
        recurring = frozenset(
            w
            for side, lang in zip(uses, languages, strict=True)
            for w, n in side.items()
            if n >= 2 and w not in lower and zipf(w, lang) < COMMON_ZIPF
        )
        respelt = tuple(
            _respelt_names(side, capitalised | recurring, lower, lang)
            for side, lang in zip(uses, languages, strict=True)
        )
        forms = (frozenset(uses[0]), frozenset(uses[1]))
        return cls(capitalised, lower, languages, (left, right), (respelt[0], respelt[1]), forms)

    def respelt_name_in(self, text: str, side: int) -> bool:
        """Whether `text` (a rewording's words on side 0 or 1) holds a name respelt (`_respelt_names`).
        Inside a paraphrase the respelt name rarely faces its old spelling, so the word diff cannot pair
        them; the documents still can."""
        respelt = self.respelt[side]
        if respelt:
            for token in text.split():  # a loop, not any() over a generator: asked twice a change
                if token[:1].isupper() and _word_of(token).lower() in respelt:
                    return True
        return False

    def caseless_name(self, x: str, y: str) -> bool:
        """Whether one word replaced by another in a script without capitals (Arabic, Hebrew, Chinese,
        Japanese, Korean) is a name respelt. No capital can tell, so what a name does instead: it recurs
        (a story names its people more than once), one of the two spellings is not a common word of the
        language, and the two are spelt alike (李海燕 / 李海艳, البرغوثي / البرغوتي)."""
        if not (x and y) or x == y or not (_caseless(x) and _caseless(y)) or " " in x or " " in y:
            return False
        if self._tagged_proper(x, y):
            return True
        if Levenshtein.normalized_similarity(x, y) < CASELESS_RESPELT:
            return False
        if self._unlisted_respelling(x, y):
            return True
        left_lang, right_lang = self.languages
        if min(zipf(x, left_lang), zipf(y, right_lang)) >= COMMON_ZIPF:
            return False
        left, right = self.texts
        return left.count(x) >= 2 or right.count(y) >= 2

    def _unlisted_respelling(self, x: str, y: str) -> bool:
        """Arabic-script and Hebrew: a word said once, respelt inside (بلينكن / بلينكين, בלינקן / בלינקין),
        where neither spelling is among the language's listed words (wordfreq's ~30k of zipf 3 and up). No
        tagger exists for these scripts and news names a person once; what is left is that a name,
        above all a foreign one transliterated, is not a listed word, and that a respelling keeps the word's
        ends where grammar changes them (clitic prefixes و ب ل ה ו, endings ة ات ים ות). A letter
        interchanged by usage (ى / ي, ة / ه, أ / ا) is a spelling, not a name."""
        left_lang, right_lang = self.languages
        if left_lang not in _UNTAGGED_CASELESS or right_lang not in _UNTAGGED_CASELESS:
            return False
        if min(len(x), len(y)) < 4 or x[0] != y[0] or x[-1] != y[-1] or plain_letters(x) == plain_letters(y):
            return False
        if _frequencies(left_lang) is None or _frequencies(right_lang) is None:
            return False  # no list to tell a listed word by
        return zipf(x, left_lang) == 0 and zipf(y, right_lang) == 0

    def _tagged_proper(self, x: str, y: str) -> bool:
        """Chinese and Japanese: both words are persons' names by the segmenter's tags (付凌晖 / 付玲晖, 岸田 /
        岸本), which holds for a name said once, as news says a full name; or both other proper nouns
        that are not common words (the tags also file 城市 "city" as a place)."""
        languages = set(self.languages)
        if not languages & {"zh", "ja"}:
            return False
        from ..lexicon.cjk import PERSON, proper_noun

        japanese = "ja" in languages
        kinds = proper_noun(x, japanese), proper_noun(y, japanese)
        if kinds == (PERSON, PERSON):
            return True
        left_lang, right_lang = self.languages
        return all(kinds) and max(zipf(x, left_lang), zipf(y, right_lang)) < COMMON_ZIPF

    def confirms(self, pairs: list[tuple[str, str]]) -> bool:
        """Whether the capitalised pairs (left word, right word) of a change the rules call NAME hold a name.

        Respelt (similar) pairs need one side to be a name, replacements ("Peter" -> "Simon") both."""
        return any(self._pair_is_name(x, y) for x, y in pairs)

    def _pair_is_name(self, x: str, y: str) -> bool:
        xl, yl = x.lower(), y.lower()
        if xl in self.lower or yl in self.lower:
            return False  # one of them is a common word written with a capital here
        left_lang, right_lang = self.languages
        if declined(xl, yl, left_lang) or declined(xl, yl, right_lang):
            return False  # one name in two cases: the sentence's grammar picks the case, in any document
        if inflected(_POSSESSIVE.sub("", xl), _POSSESSIVE.sub("", yl)):
            # A name and its inflection (Pharisee / Pharisees, Jew / Jews) are one name: grammar picks the
            # form, and a document uses both. A name respelt by one ending (Planas / Plana) shows as each
            # side keeping to its own form. Every German noun inflects so: never a name there.
            if left_lang in _NOUNS_CAPITALISED or right_lang in _NOUNS_CAPITALISED:
                return False
            if xl in self.forms[1] or yl in self.forms[0]:
                return False
        if left_lang in _NOUNS_CAPITALISED or right_lang in _NOUNS_CAPITALISED:
            # Every noun is capitalised: only a respelling of a word that is not a common word is a name.
            return self._respelt(xl, yl) and min(zipf(xl, left_lang), zipf(yl, right_lang)) < COMMON_ZIPF
        x_named, y_named = xl in self.capitalised, yl in self.capitalised
        if self._respelt(xl, yl):
            if x_named or y_named:
                return True
            rare = max(zipf(xl, left_lang), zipf(yl, right_lang)) < COMMON_ZIPF
            return rare and (not ({left_lang, right_lang} & DECLINING) or _stems_alike(xl, yl))
        return x_named and y_named

    @staticmethod
    def _respelt(x: str, y: str) -> bool:
        return Levenshtein.normalized_similarity(x, y) >= RESPELT
