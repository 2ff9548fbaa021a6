"""Whether a negator carries a difference of meaning, asked of the multilingual sentence encoder.

Between two translations or a text and its rewrite, a denial is often said with a negator on one side
and with other words on the other: "seeing she was not hid" / "seeing that she was discovered",
"believed not" / "infidel", "knew not what to think" / "were in doubt". The negator rules count one
denial on one side and none on the other, exactly as for a "not" slipped into a paraphrase ("for they
were greatly afraid" / "for they were not struck with terror"). Words alone cannot tell the two apart
without knowing antonyms in every language; the sentence encoder (align/encoder.py), trained on
translations, has read enough of them to place a wording near its paraphrase.

So the question is asked of the encoder: the denying side's wording around the change, with and
without its negators, against the other side's wording around its change. If taking the negators away
brings the two closer, they carried a difference the other side does not make: a flip. If it pushes
them apart, the negator belongs to how the other side's meaning is said: a paraphrase, no flip.

It is asked only of a candidate the counting rules already call a flip and whose words differ apart from
the negators (a "not" dropped with nothing else is a flip whatever the encoder thinks: it is weak on
negation and must not overrule the words there). Its 16 languages are what it was trained on; for the
others, for text without spaces between words (the windows below are counted in words), or without the
encoder installed, the rules decide alone. The model is loaded the first time a candidate needs it,
never for a pair with none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from ..lexicon.negators import is_negator

if TYPE_CHECKING:
    import numpy as np

# The encoder's training languages (multilingual USE v3) among ours, written with spaces between words;
# not Turkish, which denies with a verb suffix (gelmedi / geldi) that cannot be taken off a word here.
COVERED = frozenset({"ar", "de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"})
# Words of context on each side of the change: three keep the negator a large share of what is embedded,
# six give the encoder the clause it stands in; their verdicts are summed.
WINDOWS = (3, 6)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_ENGLISH_CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall", "cannot": "can"}
_ELIDED = re.compile(r"^[nN]['’](?=\w)")  # French/Italian "n'était", "n'è"


def _encoder() -> ModuleType:
    # Imported when first asked: the encoder module brings numpy and the aligner, which `compare` loads
    # only when it reaches the alignment (pipeline.py), so that the command starts without them.
    from ..align import encoder

    return encoder


def __getattr__(name: str) -> ModuleType:
    if name == "encoder":  # meaning.encoder, as before the import became lazy
        return _encoder()
    raise AttributeError(name)


_asking = True  # False in a forked worker of a book's comparison: the parent asks (see `hold`)
_held = 0  # questions this process held instead of asking (`held_questions`)


def hold() -> None:
    """Answer "cannot say" from now on in this process, leaving the flip to stand: called in the forked
    workers that classify a book's groups, each of which would load its own copy of the model (2-3 s). The
    parent classifies the groups holding a negation again, with the encoder (pipeline.py)."""
    global _asking
    _asking = False


def held_questions() -> int:
    """How many questions this process has held so far: a group whose build held one is classified again
    by the parent, whatever kind the held answer gave it. Not only a negation's: two flips held in one
    clause undo each other into a rewording, where the encoder, asked, keeps one of them, so that a
    book's kinds would depend on the machine's number of cores."""
    return _held


def load_beside(languages: tuple[str | None, str | None]) -> None:
    """Start loading the encoder in a thread beside the caller's work (encoder.load_beside), where a
    side's language is covered: the pipeline does when its first held question comes back from a
    worker, and asks the held ones as soon as the model is in (`loaded`)."""
    if any((language or "en") in COVERED for language in languages):
        _encoder().load_beside()


def loaded() -> bool:
    """Whether the encoder is loaded in this process, a load started beside finished: asking now waits
    for nothing."""
    return _encoder().loaded()


def joined() -> None:
    """Wait for a load started beside, if any: before this process forks again, or asks."""
    _encoder().wait_loaded()


def without_negators(text: str, language: str | None) -> str:
    """`text` with its negator words taken out ("did not believe" -> "did believe", "doesn't" -> "does",
    "n'était pas" -> "était"), spaces closed up."""

    def drop(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower().replace("’", "'")
        if lower in _ENGLISH_CONTRACTED:
            return _ENGLISH_CONTRACTED[lower]
        if lower.endswith("n't") and len(lower) > 3:
            return word[:-3]
        if _ELIDED.match(word) and language not in (None, "en"):
            return _ELIDED.sub("", word)
        return "" if is_negator(lower, language) else word

    return " ".join(_WORD.sub(drop, text).split())


def _window(text: str, start: int, end: int, words: int) -> str:
    return " ".join(text[:start].split()[-words:] + [text[start:end]] + text[end:].split()[:words])


def negator_carries(
    text: str, span: tuple[int, int], other: str, other_span: tuple[int, int], language: str | None
) -> bool | None:
    """Whether the negators of text[span] (the side that denies more) make a difference of meaning that
    other[other_span] does not: True, a flip; False, part of a paraphrase; None, the encoder cannot say
    (language not covered, no negator word to take away, encoder not installed)."""
    global _held
    if (language or "en") not in COVERED or not _encoder().available():
        return None
    start, end = span
    changed = text[start:end]
    bare = without_negators(changed, language)
    if " ".join(changed.split()) == bare:
        return None  # the denial is in a word's form (a suffix, a prefix): nothing to take away
    if not _asking:
        _held += 1
        return None
    dropped = text[:start] + bare + text[end:]
    windows: list[str] = []
    for words in WINDOWS:
        windows += [
            _window(text, start, end, words),
            _window(dropped, start, start + len(bare), words),
            _window(other, *other_span, words),
        ]
    vectors = _embedded(tuple(windows))
    gain = 0.0
    for n in range(len(WINDOWS)):
        denied, bared, said = vectors[3 * n : 3 * n + 3]
        gain += float(bared @ said) - float(denied @ said)
    return gain > 0


@lru_cache(maxsize=64)
def _embedded(texts: tuple[str, ...]) -> np.ndarray:
    """Cached: a change and its core piece (cutting.py) ask about the same windows."""
    return _encoder().embed(list(texts))
