"""Which legacy 8-bit code page a run of bytes is in, judged by the language its letters make.

Each code page is read as each language it was made for; a reading scores the log-likelihood of its
letters under that language's letter frequencies (`letters.py`), every byte counted once: a letter rare in
the language, a control character or an unassigned byte costs as much as a rare letter, typographic
punctuation little. So "très" read as cp1252 (è, common in French) beats "trčs" read as cp1250 (č in a
text whose other letters are French). cp1252 comes first and wins ties: German umlauts and ß are the
same bytes in cp1250, and Western European text is the common case.

The scores are a 256-byte histogram times a table per (code page, language): a dot product, so a book
split into paragraphs costs little.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from .letters import GROUPS, frequencies

# (code page, group, prior), most used first: on equal evidence the first wins. The prior (nats) is what a
# rarer code page must win by: a short text ("œuvre") reads as a plausible word in several of them.
CODE_PAGES: tuple[tuple[str, str, float], ...] = (
    ("cp1252", "western", 0.0),
    ("cp1250", "central", 2.0),
    ("cp1251", "cyrillic", 2.0),
    ("koi8-r", "cyrillic", 2.0),
    ("cp1253", "greek", 2.0),
    ("cp1254", "turkish", 2.0),
    ("cp1257", "baltic", 2.0),
    ("cp1255", "hebrew", 2.0),
    ("cp1256", "arabic", 2.0),
    ("iso8859-2", "central", 4.0),
    ("koi8-u", "cyrillic", 4.0),
    ("iso8859-5", "cyrillic", 6.0),
    ("cp866", "cyrillic", 6.0),
    ("mac-cyrillic", "cyrillic", 8.0),
    ("iso8859-7", "greek", 4.0),
    ("mac-roman", "western", 8.0),
    ("mac-latin2", "central", 8.0),
    ("cp850", "western", 8.0),
)
SCRIPTS = {
    "western": "Western European",
    "central": "Central European",
    "cyrillic": "Cyrillic",
    "greek": "Greek",
    "turkish": "Turkish",
    "baltic": "Baltic",
    "hebrew": "Hebrew",
    "arabic": "Arabic",
}
# Non-letters that legacy text holds: quotes, dashes, no-break space, currency and common signs.
_PLAUSIBLE = frozenset("\u00a0‘’‚“”„‹›«»–—…•·°§¶©®™€£¥¢×÷±¹²³½¼¾¡¿†‡‰¦¨´¸¯ªº")
_RARE = 2e-6  # a letter written less often than this (per letter) in a language is rare in it
_COMMON_IN_GROUP = 3e-4  # ... unless some language of the code page's group writes it this often
_LOG_RARE = math.log(1e-7)
_LOG_PUNCT = math.log(1e-3)
_TIE = 3.0  # nats: what another code page must beat cp1252 (or one earlier in the list) by


@dataclass(frozen=True)
class Reading:
    encoding: str
    language: str
    score: float  # log-likelihood, nats
    script: str


@cache
def _tables() -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """Columns (encoding, language, group) and the 256 x columns matrix of per-byte log-likelihoods."""
    columns: list[tuple[str, str, str]] = []
    vectors = []
    for encoding, group, _ in CODE_PAGES:
        chars = [bytes([b]).decode(encoding, "replace") for b in range(256)]
        for language in GROUPS[group]:
            freq = frequencies(language)
            vec = np.zeros(256)
            for b, ch in enumerate(chars):
                if ch.isalpha():
                    vec[b] = math.log(max(freq.get(ch.lower(), 0.0), 1e-7))
                elif b >= 0x80:
                    vec[b] = _LOG_PUNCT if ch in _PLAUSIBLE else _LOG_RARE
            columns.append((encoding, language, group))
            vectors.append(vec)
    return columns, np.stack(vectors, axis=1)


def histogram(data: bytes) -> np.ndarray:
    return np.bincount(np.frombuffer(data, dtype=np.uint8), minlength=256).astype(np.float64)


def per_encoding(counts: np.ndarray) -> list[Reading]:
    """Each code page's reading of bytes with this histogram, in its best language; CODE_PAGES order."""
    columns, matrix = _tables()
    scores = counts @ matrix
    prior = {name: cost for name, _, cost in CODE_PAGES}
    best: dict[str, Reading] = {}
    for (encoding, language, group), score in zip(columns, scores, strict=True):
        score -= prior[encoding]
        if encoding not in best or score > best[encoding].score:
            best[encoding] = Reading(encoding, language, float(score), group)
    return [best[name] for name, _, _ in CODE_PAGES]


def choose(candidates: list[Reading]) -> Reading:
    """The best reading; one earlier in CODE_PAGES keeps the lead unless a later one wins by _TIE."""
    top = max(r.score for r in candidates)
    return next(r for r in candidates if r.score >= top - _TIE)


def readings(counts: np.ndarray) -> list[Reading]:
    """Every code page's best reading of bytes with this histogram, the chosen one first."""
    candidates = per_encoding(counts)
    first = choose(candidates)
    return [first] + sorted((r for r in candidates if r is not first), key=lambda r: -r.score)


def pooled(histograms: list[np.ndarray]) -> str:
    """The one code page that reads all these paragraphs best, each paragraph in its own language (a
    French quotation in an English text is not English letters)."""
    per_piece = [per_encoding(counts) for counts in histograms]
    totals = [
        Reading(r.encoding, r.language, sum(p[i].score for p in per_piece), r.script)
        for i, r in enumerate(per_piece[0])
    ]
    return choose(totals).encoding


def best_reading(data: bytes) -> Reading:
    return readings(histogram(data))[0]


_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")


def rare_share(text: str, reading: Reading) -> float:
    """Share of the non-ASCII characters of `text` (as read) that are implausible: letters rare in the
    reading's language (and not common elsewhere in its group), control characters, unassigned bytes,
    odd symbols. A run of non-ASCII characters holding one counts wholly: stray bytes come in clumps
    ("ÿþ€"), while an accent sits alone in a word."""
    freq = frequencies(reading.language)
    group = [frequencies(lang) for lang in GROUPS[reading.script]]
    odd = {ch for ch in set(text) if ord(ch) > 0x7F and _implausible(ch, freq, group)}
    if not odd:
        return 0.0
    total = rare = 0
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        total += len(run)
        if not odd.isdisjoint(run):
            rare += len(run)
    return rare / total if total else 0.0


def _implausible(ch: str, freq: dict[str, float], group: list[dict[str, float]]) -> bool:
    if ch.isalpha():
        low = ch.lower()
        return freq.get(low, 0.0) < _RARE and all(f.get(low, 0.0) < _COMMON_IN_GROUP for f in group)
    return ch not in _PLAUSIBLE
