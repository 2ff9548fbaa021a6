"""Words of languages written without spaces: Chinese (rjieba) and Japanese (SudachiPy, core dictionary).

A regex sees a whole clause of Han or kana as one word, so 增长4.9% / 增长5.9% would be one reworded clause
and 付凌晖 / 付玲晖, 没有, 行わない / 行う would disappear inside it. Only the runs that hold Han or kana (with
the letters and digits glued to them: 增长4.9%, iPhone15发布) are handed to a segmenter; all other text keeps
the caller's regex, so its tokens do not change. Korean is written with spaces and is left to the regex.

A run is Japanese when the text it comes from holds kana (a kanji-only run such as 東京都 is still Japanese
in a Japanese sentence), otherwise Chinese. Both segmenters return the run's exact characters; that is
checked anyway, since the word diff must rebuild its texts exactly.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Callable
from functools import cache, lru_cache

_KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d"
_HAN = "\u3005-\u3007\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CLASS = f"[{_HAN}{_KANA}]"
CJK = re.compile(_CJK_CLASS)
# One range holding every Han and kana character: searched about twice as fast as the exact class, so most
# non-CJK text (Latin, Greek, Cyrillic, Arabic) is ruled out at ~5 ms a megabyte.
_MAYBE_CJK = re.compile("[\u3005-\U0003134f]")
KANA = re.compile(f"[{_KANA}]")
# A run: word characters around at least one Han/kana character, with the marks inside a number (4.9, 5%)
# so that 增长4.9% is cut by the segmenter (增长|4.9%), not by the regex (增长4|.|9|%).
_NUMBER_MARK = r"(?<=\d)[.,．](?=\d)|(?<=\d)[%％]"
RUN = re.compile(rf"(?:(?!{_CJK_CLASS})\w|{_NUMBER_MARK})*{_CJK_CLASS}(?:\w|{_NUMBER_MARK})*")
# SudachiPy refuses one input over 49,149 bytes; at most 4 bytes a character, this many stay below it.
_SUDACHI_CHARS = 12_000


def has_cjk(text: str) -> bool:
    """Whether `text` holds Han or kana; the one check non-CJK text pays."""
    if text.isascii():
        return False
    maybe = _MAYBE_CJK.search(text)
    return maybe is not None and CJK.search(text, maybe.start()) is not None


# The segmenters are imported on first use, not with this module: sudachipy maps a 190 MB dictionary and
# both load native code, which `drift-viewer --help` and every comparison without Han or kana should not pay.
@cache
def _chinese() -> Callable[[str], list[str]] | None:
    try:
        import rjieba
    except ImportError:
        _missing("rjieba")
        return None
    return rjieba.cut  # type: ignore[no-any-return]


_SUDACHI_LOCK = threading.Lock()  # a Sudachi tokenizer is not safe to share between threads


@cache
def _japanese() -> Callable[[str], list[str]] | None:
    tokenizer = _sudachi_tagger()
    if tokenizer is None:
        _missing("sudachipy")
        return None

    def cut(text: str) -> list[str]:
        with _SUDACHI_LOCK:
            return [m.surface() for m in tokenizer.tokenize(text)]

    return cut


# jieba's tags for proper nouns: persons (nr, with its foreign and given-name variants), and places,
# organisations and other proper nouns, where its dictionary also files common nouns (城市 "city" is ns).
_ZH_PERSON = frozenset({"nr", "nrt", "nrfg"})
_ZH_PROPER = _ZH_PERSON | {"ns", "nt", "nz"}
PERSON, PROPER = 2, 1


@lru_cache(maxsize=1 << 12)
def proper_noun(word: str, japanese: bool) -> int:
    """PERSON if the segmenter's dictionary and model take `word` (Han or kana, no spaces) as a whole for a
    person's name (付凌晖, 岸田), PROPER for another proper noun (北京, 東京, but also jieba's 城市), else 0.
    Script has no capitals to say so; this is what the segmenters' part-of-speech tags are for."""
    if not word or not CJK.search(word):
        return 0
    if japanese:
        tagger = _sudachi_tagger()
        if tagger is None:
            return 0
        with _SUDACHI_LOCK:
            parts = [m.part_of_speech() for m in tagger.tokenize(word)]
        if not parts or any(p[1] != "固有名詞" for p in parts):
            return 0
        return PERSON if all(p[2] == "人名" for p in parts) else PROPER
    try:
        import rjieba
    except ImportError:
        return 0
    tags = [tag for _, tag in rjieba.tag(word)]
    if not tags or any(tag not in _ZH_PROPER for tag in tags):
        return 0
    return PERSON if all(tag in _ZH_PERSON for tag in tags) else PROPER


@cache
def _sudachi_tagger():  # type: ignore[no-untyped-def]
    """The one Sudachi tokenizer of the process, for words (`_japanese`) and their tags (`proper_noun`).
    Mode C: the longest units (東京都, 1400万), closest to what a reader calls a word."""
    try:
        from sudachipy import Dictionary, SplitMode
    except ImportError:
        return None
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C)


def _missing(package: str) -> None:
    # A broken install should not stop a comparison: the runs stay whole, as before this module existed.
    warnings.warn(f"{package} is not installed: CJK text is compared clause by clause", stacklevel=3)


@lru_cache(maxsize=1 << 15)
def cut(run: str, japanese: bool) -> tuple[str, ...]:
    """The words of one run, whose concatenation is exactly `run`."""
    segmenter = _japanese() if japanese else _chinese()
    if segmenter is None:
        return (run,)
    if japanese and len(run) > _SUDACHI_CHARS:
        words = [w for i in range(0, len(run), _SUDACHI_CHARS) for w in segmenter(run[i : i + _SUDACHI_CHARS])]
    else:
        words = segmenter(run)
    if "".join(words) != run or not all(words):
        return (run,)
    return tuple(words)


def split(text: str, other: Callable[[str], list[str]]) -> list[str]:
    """`text` in pieces, in order: `other` cuts the stretches between runs, a segmenter each run into its
    words and marks as they are (增长, 4.9%, 1400万, ない)."""
    pieces: list[str] = []
    for piece, is_run in _stretches(text):
        pieces += cut(piece, is_run == _JA) if is_run else other(piece)
    return pieces


def split_words(text: str, words: re.Pattern[str]) -> list[str]:
    """`words.findall(text)`, except that each run is first cut by its segmenter, so that a Han or kana
    clause gives its words (付凌晖, 没有, ない) instead of one word."""
    if not has_cjk(text):
        return words.findall(text)
    found: list[str] = []
    for piece, is_run in _stretches(text):
        if is_run:
            for w in cut(piece, is_run == _JA):
                found += words.findall(w)
        else:
            found += words.findall(piece)
    return found


_ZH, _JA = 1, 2


def _stretches(text: str) -> list[tuple[str, int]]:
    """`text` as consecutive (stretch, 0) between runs and (run, _ZH or _JA)."""
    language = _JA if KANA.search(text) is not None else _ZH
    out: list[tuple[str, int]] = []
    pos = 0
    for m in RUN.finditer(text):
        start, end = m.span()
        if start > pos:
            out.append((text[pos:start], 0))
        out.append((m.group(), language))
        pos = end
    if pos < len(text):
        out.append((text[pos:], 0))
    return out
