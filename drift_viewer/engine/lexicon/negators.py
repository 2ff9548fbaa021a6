"""How many negations a text states, in 30 languages, and whether one word is another negated.

count_negations is called once per aligned sentence group, on each side, so that a change only counts as a
polarity flip when the two sides deny a different number of times: a negator that moved, or "caught
nothing" -> "did not catch anything", is no flip. So the count follows how each language denies rather than
counting negator words: a two-part or concord negation ("ne ... pas", "No vino nadie", "Никто не пришёл") is
one, "nor"-type words only count when nothing before them denied, and "not only" or "no matter" deny
nothing (negators_data explains the kinds). "without" words are left to the caller (ABSENCE_WORDS).

Languages written without spaces are counted by characters and endings: Chinese negators minus a list of
compounds that do not deny (非常 "very", 未来 "future", 别人 "others"); Japanese negative endings after a
verb or adjective minus words that only look like them (少ない "few", まず "first"); Korean 안/못/않/없/아니
forms. Turkish verbs deny with the suffix -me/-ma, found by its shapes (gelmedi, gelmiyor, gelmez).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .negators_data import (
    ABSENCE,
    ALONE_IDIOMS,
    CONCESSIVE,
    CONTINUING,
    EN_CONTRACTED,
    EXPLETIVE_CONTEXT,
    HEAD,
    IDIOMS,
    JA_IRREGULAR,
    JA_NEG_ENDINGS,
    JA_NEGATIVE,
    JA_NOT_DENYING,
    JA_POS_ENDINGS,
    KO_NEGATIVE_STARTS,
    KO_NOT_DENYING,
    LANGUAGES,
    MARKER,
    NWORD,
    PARTNER,
    PREFIXES,
    PRESENCE,
    TR_NOT_VERBS,
    TR_VERB_NEGATIVE,
    UNION_EXCLUDED,
    UNION_OWN_ONLY,
    WH,
    ZH_ALSO,
    ZH_NEGATORS,
    ZH_NOT_DENYING,
    kinds,
)

__all__ = [
    "ABSENCE_WORDS",
    "LANGUAGES",
    "NEGATION_WORDS",
    "PRESENCE_WORDS",
    "count_negations",
    "is_negator",
    "negated_pair",
]

NEGATION_WORDS: dict[str, frozenset[str]] = {lang: frozenset(kinds(lang)) for lang in LANGUAGES}
ABSENCE_WORDS: dict[str, frozenset[str]] = {lang: frozenset(w.split()) for lang, w in ABSENCE.items()}
PRESENCE_WORDS: dict[str, frozenset[str]] = {lang: frozenset(w.split()) for lang, w in PRESENCE.items()}

# Words (letters, with inner apostrophes: "don't", "n'est"), sentence ends, clause breaks.
# Indic vowel signs and viramas are marks, not \w: without them "नहीं" would read as "नह".
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0963\u0980-\u0de3])"
_TOKEN = re.compile(rf"({_LETTER}+(?:'{_LETTER}+)*)|([.!?;…\n؟。！？]+)|([,:،、，：()\[\]—–\"«»„“”]+)")
_WORD = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")
# Vietnamese "không" / "chưa" closing a question ask for a yes or no ("Anh có đi không?"): no denial.
_VI_QUESTION = re.compile(r"\b(?:không|chưa)\s*\?")
_SENTENCE, _CLAUSE = ".", ","
# Arabic harakat and tatweel, Hebrew niqqud: not letters to \w, they would split words.
_POINTING = dict.fromkeys([*range(0x064B, 0x0653), 0x0640, *range(0x0591, 0x05C8)])
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_TR_FOLD = str.maketrans({"I": "ı", "İ": "i"})

_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TR_VERB_NEGATIVE = re.compile(TR_VERB_NEGATIVE)
_JA_NOT_DENYING = re.compile(JA_NOT_DENYING)
_JA_NEGATIVE = re.compile(JA_NEGATIVE)


class _Table(NamedTuple):
    kinds: dict[str, int]
    idioms: frozenset[tuple[str, str]]
    english: bool  # n't contractions
    french: bool  # n' elision, ne ... que, expletive ne
    slavic: bool  # "кто бы ни": concessive, no denial
    concord_across_clauses: bool  # Slavic n-words always take a не/nie later: "Ни он, ни она не пришли"
    turkish: bool
    afrikaans: bool  # "nie ... nie": the second closes the denial


@cache
def _table(language: str | None) -> _Table:
    if language is None:
        # The union: where a word has different kinds, the one that counts least eagerly in concord wins.
        merged: dict[str, int] = {}
        rank = {CONTINUING: 5, MARKER: 4, NWORD: 3, HEAD: 2, PARTNER: 1}
        for lang in LANGUAGES:
            if lang in ("zh", "ja", "ko") or lang in UNION_OWN_ONLY:
                continue  # counted by their scripts' own rules, or too like other languages' words
            for word, kind in kinds(lang).items():
                if word not in UNION_EXCLUDED and rank[kind] > rank.get(merged.get(word, 0), 0):
                    merged[word] = kind
        pairs = "|".join(IDIOMS.values())
        return _Table(merged, _pairs(pairs), True, True, True, False, False, False)
    return _Table(
        kinds(language),
        _pairs(IDIOMS.get(language, "")),
        language == "en",
        language == "fr",
        language in ("ru", "uk"),
        language in ("ru", "uk", "pl", "cs", "sk"),
        language == "tr",
        language == "af",
    )


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((p.split()[0], p.split()[1]) for p in text.split("|") if p)


def _normal(text: str, language: str | None) -> str:
    if language == "tr":
        text = text.translate(_TR_FOLD)
    text = text.lower().translate(_FOLD)
    if language in (None, "ar", "he"):
        text = text.translate(_POINTING)
    if language == "vi":
        text = _VI_QUESTION.sub("?", text)
    return text


def count_negations(text: str, language: str | None) -> int:
    """How many negations `text` states (see the module docstring); `language` an ISO 639-1 code, None
    when unknown (the union of the word lists, less words common elsewhere, and the scripts' own rules)."""
    if language == "zh":
        return _count_zh(text)
    if language == "ja":
        return _count_ja(text)
    if language == "ko":
        return _count_ko(text)
    count = _count_words(_normal(text, language), _table(language if language in NEGATION_WORDS else None))
    if language is None or language not in NEGATION_WORDS:
        if _HANGUL.search(text):
            count += _count_ko(text)
        if _KANA.search(text):
            count += _count_ja(text)
        elif _HAN.search(text):
            count += _count_zh(text)
    return count


def is_negator(word: str, language: str | None) -> bool:
    """Whether `word` (one word or, for zh/ja/ko, one segmented token) is a negator, concord words included."""
    if language in ("zh", "ja", "ko"):
        return count_negations(word, language) > 0 or word in NEGATION_WORDS[language]
    w = _normal(word, language)
    table = _table(language if language in NEGATION_WORDS else None)
    return w in table.kinds or _special_kind(w, table) > 0


# --- words ----------------------------------------------------------------------------------------------


def _special_kind(w: str, table: _Table) -> int:
    """Kind of a word no list can hold: contractions, elisions, Turkish verb forms."""
    if table.english and (w.endswith("n't") or w == "cannot"):
        return HEAD
    if table.french and w.startswith("n'") and w != "n'importe":
        return MARKER
    if table.turkish and w not in TR_NOT_VERBS and _TR_VERB_NEGATIVE.search(w):
        return MARKER
    return 0


def _words(text: str) -> list[str]:
    out = []
    for m in _TOKEN.finditer(text):
        out.append(m.group(1) or (_SENTENCE if m.group(2) else _CLAUSE))
    return out


def _count_words(text: str, table: _Table) -> int:
    # Most sentence groups deny nothing: a set test settles them without the walk below. Turkish verb
    # forms are found per word, so Turkish always takes the walk.
    if (
        not table.turkish
        and table.kinds.keys().isdisjoint(_WORD.findall(text))
        and not (table.english and "n't" in text)
        and not (table.french and "n'" in text)
    ):
        return 0
    words = _words(text)
    known = table.kinds
    count = 0
    sentence_denies = clause_denies = pending = False
    french_ne = 0  # index + 1 of a counted French "ne" still waiting for its partner (pas, jamais, ...)
    open_nie = False  # an Afrikaans denial whose closing "nie" has not come yet
    expletive = False
    for i, w in enumerate(words):
        if w in (_SENTENCE, _CLAUSE):
            if french_ne and expletive:
                count -= 1  # "avant qu'il ne parte": the ne of a subordinate clause denies nothing
            french_ne, expletive = 0, False
            clause_denies = False
            if w == _SENTENCE or not table.concord_across_clauses:
                pending = False
            if w == _SENTENCE:
                sentence_denies = open_nie = False
            continue
        kind = known.get(w) or _special_kind(w, table)
        if not kind:
            if french_ne and (w == "que" or w.startswith("qu'")):
                count -= 1  # "il n'y a que toi": ne ... que is "only"
                french_ne = 0
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if ((prev, w) in table.idioms or (w, nxt) in table.idioms) and not _alone(words, i):
            continue
        if table.slavic and w in ("ни", "не", "ні") and _concessive(words, i):
            continue
        if kind == PARTNER:
            french_ne = 0
            continue
        if table.afrikaans and kind == HEAD and w != "nee":
            if w == "nie" and open_nie:
                open_nie = False  # "nie hier nie": the close of the denial made before
                continue
            open_nie = True
        if kind == HEAD:
            count += 1
        elif kind == MARKER:
            if pending:
                pending = False  # agrees with the n-word before it
            else:
                count += 1
                if table.french and (w == "ne" or w.startswith("n'")):
                    french_ne = i + 1
                    expletive = any(x in EXPLETIVE_CONTEXT for x in words[max(0, i - 4) : i])
        elif kind == NWORD:
            if not clause_denies:
                count += 1
                pending = True
            french_ne = 0
        elif kind == CONTINUING:
            if not sentence_denies:
                count += 1
                pending = True
            french_ne = 0
        clause_denies = sentence_denies = True
    if french_ne and expletive:
        count -= 1
    return count


def _alone(words: list[str], i: int) -> bool:
    """Whether the negator words[i] and the next word are "not alone", not the "not only" idiom
    (negators_data.ALONE_IDIOMS). "Not only" leads to what it is about and to a "but (also)"; "not
    alone" is said of the subject, at the end of its clause but for the verbs these languages put last
    ("nicht allein lassen wollen", "je bent niet alleen")."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    goes_on = ALONE_IDIOMS.get((words[i], nxt))
    if goes_on is None:
        return False
    sentence = []
    for w in words[i + 2 :]:
        if w == _SENTENCE:
            break
        sentence.append(w)
    if goes_on.intersection(sentence):
        return False
    clause = sentence.index(_CLAUSE) if _CLAUSE in sentence else len(sentence)
    return clause <= 2


def _concessive(words: list[str], i: int) -> bool:
    """ "что бы ни случилось", "хто б не прийшов": whatever, whoever; no denial."""
    prev = words[i - 1] if i else ""
    before = words[i - 2] if i > 1 else ""
    if prev in CONCESSIVE:
        return before in WH
    return words[i] == "ни" and prev in WH  # "куда ни глянь"


# --- Chinese ----------------------------------------------------------------------------------------------

_ZH_CUT = re.compile("|".join(sorted(ZH_NOT_DENYING.split(), key=len, reverse=True)))
# 也不 / 亦不 after a denial: "既不…也不", neither … nor, one denial.
_ZH_SENTENCE = re.compile(r"[。！？；!?;\n]")


def _count_zh(text: str) -> int:
    count = 0
    for sentence in _ZH_SENTENCE.split(_ZH_CUT.sub("・", text)):
        denied = False
        prev = ""
        for ch in sentence:
            if ch in ZH_NEGATORS:
                if not (denied and prev in ZH_ALSO):
                    count += 1
                # 没有: one denial, 有 is the verb. 不 after 并/从: still one.
                denied = True
            prev = ch
    return count


# --- Japanese ---------------------------------------------------------------------------------------------


def _count_ja(text: str) -> int:
    return len(_JA_NEGATIVE.findall(_JA_NOT_DENYING.sub("・", text)))


# --- Korean -----------------------------------------------------------------------------------------------

_KO_WORD = re.compile(r"[\uac00-\ud7af]+")


def _count_ko(text: str) -> int:
    count = 0
    prev = ""
    for w in _KO_WORD.findall(text):
        if w in ("안", "못", "마") or w.startswith(KO_NEGATIVE_STARTS):
            count += 1
        elif w.startswith(("아니", "아닌", "아닙", "아냐", "아뇨")):
            # 아니면 "or else", 아니나 다를까 "as expected", 뿐만 아니라 "not only": no denial.
            count += not w.startswith(("아니면", "아니나")) and not prev.endswith(("뿐만", "뿐"))
        elif "없" in w:
            count += not w.endswith("없이") and not w.startswith(KO_NOT_DENYING)  # 없이: without
        prev = w
    return count


# --- one word negated -------------------------------------------------------------------------------------


def negated_pair(a: str, b: str, language: str | None) -> bool:
    """Whether word `a` is word `b` negated in its own morphology: Czech nemá/má, Polish niemożliwy/możliwy,
    Turkish gelmedi/geldi, Japanese 行わない/行う, Korean 없다/있다, Chinese 没有/有, and the denying prefixes
    of other languages (unhappy/happy, unmöglich/möglich). `a` may also be a negator word + " " + `b`."""
    a, b = _normal(a.strip(), language), _normal(b.strip(), language)
    if not a or not b or a == b:
        return False
    head, _, rest = a.partition(" ")
    if rest == b and is_negator(head, language):
        return True
    if language == "tr":
        return _tr_pair(a, b)
    if language == "ja":
        return _ja_pair(a, b)
    if language == "ko":
        return _ko_pair(a, b)
    if language == "en" and (EN_CONTRACTED.get(a) == b or a == b + "n't"):
        return True
    if language in ("cs", "sk") and (a, b) == ("není", "je"):
        return True  # the one irregular ne- form: "je" (is) has "není" (is not)
    if language == "zh" and (_ZH_CUT.search(a) or count_negations(b, "zh")):
        return False  # 不过/过, 未来/来: a compound that does not deny
    prefixes = PREFIXES.get(language or "", ()) if language else ("un", "non", "ne", "nie", "не")
    minimum = 1 if language in ("zh", "ar") else 2
    return any(a.startswith(p) and a[len(p) :] == b and len(b) >= minimum for p in prefixes)


def _tr_pair(a: str, b: str) -> bool:
    """geldi/gelmedi, yapıyor/yapmıyor, okuyor/okumuyor, gelecek/gelmeyecek, gelir/gelmez, gelirim/gelmem."""
    for k in range(2, min(len(a), len(b)) + 1):
        if a[:k] != b[:k]:
            break
        neg, pos = a[k:], b[k:]
        if not neg.startswith("m"):
            continue
        if neg == "m" + pos and pos[:1] in "ıiuü":  # yap-ıyor / yap-mıyor
            return True
        if len(neg) > 1 and neg[1] in "aeıiuü":
            if neg[2:] == pos or (neg[2:3] == "y" and neg[3:] == pos):  # gel-di / gel-me-di, gel-ecek / gel-mey-ecek
                return True
            aorist = re.fullmatch(r"[ıiuüae]?r(.*)", pos)  # gel-ir-sin / gel-mez-sin, gel-ir-im / gel-mem
            if aorist and (neg[2:] == "z" + aorist.group(1) or (aorist.group(1)[-1:] == "m" and neg[2:] == "m")):
                return True
    return False


def _ja_pair(a: str, b: str) -> bool:
    """行わない/行う, 書かなかった/書いた, 食べない/食べる, ありません/あります, 良くない/良い, しない/する:
    the same stem (kanji and kana) up to its last kana, which the negative form may change (う -> わ)."""
    neg = next((a[: -len(e)] for e in JA_NEG_ENDINGS if a.endswith(e) and len(a) > len(e)), None)
    if neg is None or _count_ja(b) or _JA_NOT_DENYING.search(a):  # 少ない "few" is no negated 少
        return False
    stem = JA_IRREGULAR.get(b)
    if stem is None:
        stem = next((b[: -len(e)] for e in JA_POS_ENDINGS if b.endswith(e) and len(b) > len(e)), None)
        if stem is None:  # dictionary form: its last kana is the ending (行う -> 行, 食べる -> 食べ, 良い -> 良)
            stem = b[:-1] if _KANA.match(b[-1]) else b
    if neg == stem:  # 食べ/食べ, あり/あり, し/し
        return True
    # Godan verbs change the stem's last kana (行わ/行, 書か/書い), adjectives take く (良く/良).
    shared = neg[:-1]
    telling = _HAN.search(shared) is not None or len(shared) >= 2
    return telling and _KANA.match(neg[-1]) is not None and shared in (stem, stem[:-1])


def _ko_pair(a: str, b: str) -> bool:
    """없다/있다 (재미없다/재미있다), 아니다/이다 (아닙니다/입니다), 안 가다/가다, 먹지 않았다/먹었다."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if a.startswith(("안", "못")) and a[1:] == b:
        return True
    if "없" in a and a.replace("없", "있", 1) == b:
        return True
    if a[:2] in ("아니", "아닙", "아닌") and b[:1] in ("이", "입", "인") and a[2:] == b[1:]:
        return True
    for marker in ("지않", "지못"):
        at = a.find(marker)
        if at > 0:
            stem = a[:at]
            return b.startswith(stem[:-1]) and len(b) > len(stem) - 1 and _same_onset_vowel(stem[-1], b[len(stem) - 1])
    return False


def _same_onset_vowel(x: str, y: str) -> bool:
    """Hangul syllables with the same initial and vowel (가/갔, 먹/먹): a stem before a contracted ending."""
    ox, oy = ord(x) - 0xAC00, ord(y) - 0xAC00
    if not (0 <= ox < 11172 and 0 <= oy < 11172):
        return False
    if ox // 28 == oy // 28:
        return True
    return x == "하" and y in "했해"  # 하 + 였 -> 했
