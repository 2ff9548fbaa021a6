"""Edit injection for the change-kind benchmark (kinds.py): known edits of each risk kind (name, number,
negation, quote) and of distractor kinds, applied to a text with every edit's span recorded in both the
original and the edited text.

Two sources of edits:
- hand-written: benchmarks/kinds_data/<lang>.json lists a text (paragraphs) and explicit find/replace edits;
- automatic: `inject` finds candidate edits in a real English (Mark) or German (DEplain) text with simple,
  language-specific rules and picks about one per three sentences with a seeded RNG.

Spans are half-open code-point offsets. An edit's `left`/`right` span is its *core*: the replaced text with
the common prefix and suffix of find and replace trimmed off and then widened to whole words, so that the
context a hand-written `find` carries to be unique does not make unrelated changes look like hits.
"""

from __future__ import annotations

import csv
import json
import random
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from kinds_finders import FINDERS, PROFILES, Doc, Planned, Profile, read_doc

BENCH = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
HAND = BENCH / "kinds_data"
MARK_A = ("Anderson", "Noyes")
MARK_B = (("Anderson", "Noyes"), ("Haweis", "Twenty"))  # left as it is, right edited
DEPLAIN_A_DOCS = 10
SEED = 1
RISK_KINDS = ("name", "number", "negation", "quote")
DISTRACTOR_SUBS = ("common-word", "sentence-start", "punctuation", "case", "number-form")
EDITS_PER_SENTENCE = 1 / 3  # the density for the automatic edits

# --- edits and their application ---------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """An applied edit: core spans in the original (left) and the edited (right) text."""

    kind: str
    sub: str
    left: tuple[int, int]
    right: tuple[int, int]
    left_text: str
    right_text: str
    full_right: tuple[int, int]  # where the whole replacement landed (for checking the injector)

    @property
    def label(self) -> str:
        return f"{self.kind}/{self.sub}" if self.sub else self.kind


@dataclass(frozen=True)
class Injected:
    name: str  # e.g. "hand:de", "mark:Noyes", "deplain:39"
    language: str
    original: str
    edited: str
    edits: tuple[Edit, ...]


def _widens(ch: str) -> bool:
    """Whether a core span grows over this character: letters and digits of spaced scripts, not Han or
    kana, whose runs are whole clauses."""
    if not ch.isalnum():
        return False
    name = unicodedata.name(ch, "")
    return not name.startswith(("CJK", "HIRAGANA", "KATAKANA"))


def _core(old: str, new: str) -> tuple[int, int]:
    """(prefix, suffix) lengths that old and new share and that stay out of the core, cut back so that
    the core never starts or ends inside a word."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    while p > 0 and _widens(old[p - 1]) and any(p < len(x) - s and _widens(x[p]) for x in (old, new)):
        p -= 1
    while s > 0 and _widens(old[-s]) and any(len(x) - s > p and _widens(x[-s - 1]) for x in (old, new)):
        s -= 1
    return p, s


def apply_edits(name: str, language: str, text: str, planned: list[Planned]) -> Injected:
    planned = sorted(planned, key=lambda e: (e.start, e.end))
    for a, b in zip(planned, planned[1:], strict=False):
        if b.start < a.end:
            raise ValueError(f"{name}: overlapping edits at {a.start} and {b.start}")
    pieces: list[str] = []
    edits: list[Edit] = []
    pos = shift = 0
    for e in planned:
        pieces.append(text[pos : e.start])
        old = text[e.start : e.end]
        p, s = _core(old, e.replacement)
        right_start = e.start + shift
        left = (e.start + p, e.end - s)
        right = (right_start + p, right_start + len(e.replacement) - s)
        core_old, core_new = old[p : len(old) - s], e.replacement[p : len(e.replacement) - s]
        full = (right_start, right_start + len(e.replacement))
        edits.append(Edit(e.kind, e.sub, left, right, core_old, core_new, full))
        pieces.append(e.replacement)
        shift += len(e.replacement) - len(old)
        pos = e.end
    pieces.append(text[pos:])
    return Injected(name, language, text, "".join(pieces), tuple(edits))


# --- hand-written texts ----------------------------------------------------------------------------------


def load_hand(path: Path) -> tuple[str, str, list[dict]]:
    """(language, text, edits) of one kinds_data file; paragraphs are joined by blank lines."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = unicodedata.normalize("NFC", "\n\n".join(data["paragraphs"]))
    return data["language"], text, data["edits"]


def hand_case(path: Path) -> Injected:
    language, text, raw = load_hand(path)
    planned = []
    for e in raw:
        find, replace = unicodedata.normalize("NFC", e["find"]), unicodedata.normalize("NFC", e["replace"])
        if text.count(find) != 1:
            raise ValueError(f"{path.name}: find {find!r} occurs {text.count(find)} times")
        start = text.index(find)
        planned.append(Planned(e["kind"], e.get("sub", ""), start, start + len(find), replace))
    return apply_edits(f"hand:{language}", language, text, planned)


# --- real texts --------------------------------------------------------------------------------------------


def mark_chapters(tsv: Path) -> dict[int, str]:
    """Chapter number -> its verses joined by spaces (as speed.py builds its texts)."""
    verses: dict[int, list[str]] = defaultdict(list)
    with open(tsv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = " ".join(row["text"].split())
            if text:
                verses[int(row["chapter"])].append(text)
    return {k: unicodedata.normalize("NFC", " ".join(v)) for k, v in verses.items()}


def mark_text(tsv: Path, chapters: list[int] | None = None) -> str:
    by_chapter = mark_chapters(tsv)
    return "\n\n".join(by_chapter[k] for k in (chapters or sorted(by_chapter)))


def _lines(path: Path) -> list[str]:
    return [unicodedata.normalize("NFC", " ".join(x.split())) for x in path.read_text(encoding="utf-8").splitlines()]


def _paragraphs(lines: list[str], size: int = 5) -> str:
    lines = [x for x in lines if x]
    return "\n\n".join(" ".join(lines[i : i + size]) for i in range(0, len(lines), size))


def deplain_src(folder: Path, doc: str) -> str:
    return _paragraphs(_lines(folder / f"{doc}.src"))


def deplain_pair(folder: Path, doc: str, size: int = 5) -> tuple[str, str, list[tuple[int, int]]]:
    """(original, plain rewrite, spans of the rewrite's aligned sentences): paragraphs of about `size`
    original sentences, both sides cut at the same gold-alignment boundaries so that paragraph i of one
    side is the rewrite of paragraph i of the other. Edits go only into aligned sentences: one the gold
    gives no counterpart cannot be checked against anything."""
    src, tgt = _lines(folder / f"{doc}.src"), _lines(folder / f"{doc}.tgt")
    groups = []
    for line in (folder / f"{doc}.gold").read_text(encoding="utf-8").splitlines():
        left, right = line.split(":")
        groups.append((json.loads(left), json.loads(right)))
    groups.sort(key=lambda g: (min(g[0]), min(g[1])))
    cuts_src, cuts_tgt = [0], [0]
    hi_src = hi_tgt = -1
    for i, (a, b) in enumerate(groups):
        hi_src, hi_tgt = max(hi_src, *a), max(hi_tgt, *b)
        later = groups[i + 1 :]
        # cut only where nothing after this group reaches back before it, on either side
        if (
            later
            and hi_src + 1 - cuts_src[-1] >= size
            and all(min(x[0]) > hi_src and min(x[1]) > hi_tgt for x in later)
        ):
            cuts_src.append(hi_src + 1)
            cuts_tgt.append(hi_tgt + 1)
    aligned = {j for _, b in groups for j in b}
    left, _ = _chunks(src, cuts_src)
    right, spans = _chunks(tgt, cuts_tgt)
    return left, right, [span for j, span in spans.items() if j in aligned]


def _chunks(lines: list[str], cuts: list[int]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Lines joined by spaces within a chunk and blank lines between chunks, and each line's span."""
    bounds = [*cuts, len(lines)]
    paragraphs, spans, pos = [], {}, 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        kept = [j for j in range(a, b) if lines[j]]
        if not kept:
            continue
        if paragraphs:
            pos += 2
        parts = []
        for j in kept:
            if parts:
                pos += 1
            spans[j] = (pos, pos + len(lines[j]))
            parts.append(lines[j])
            pos += len(lines[j])
        paragraphs.append(" ".join(parts))
    return "\n\n".join(paragraphs), spans


# --- automatic edits: choice ----------------------------------------------------------------------------


def _seed(seed: int, name: str) -> int:
    """A per-document seed that does not depend on the order documents are read in."""
    return zlib.crc32(f"{seed}:{name}".encode())


def plan(
    doc: Doc,
    profile: Profile,
    rng: random.Random,
    regions: list[tuple[int, int]] | None = None,
    lower_elsewhere: frozenset[str] = frozenset(),
) -> list[Planned]:
    """About one edit per three sentences, categories in turn, at most one edit per sentence; quote edits
    only inside quotations and every other edit outside them; only inside `regions` when given. A name is
    never a word the other version writes in lower case ("Synagogue" where the other says "synagogue")."""
    pools: dict[str, list[Planned]] = {}
    for category, finder in FINDERS.items():
        found = list(finder(doc, profile, rng))
        if category == "name" and lower_elsewhere:
            found = [e for e in found if doc.text[e.start : e.end].lower() not in lower_elsewhere]
        if category != "name":  # find_names interleaves its names itself
            rng.shuffle(found)
        keep_quoted = category == "quote"
        pools[category] = [
            e
            for e in found
            if doc.in_quote(e.start, e.end) == keep_quoted
            and (regions is None or any(a <= e.start and e.end <= b for a, b in regions))
        ]
    target = round(len(doc.starts) * EDITS_PER_SENTENCE)
    used: set[int] = set()
    chosen: list[Planned] = []
    while len(chosen) < target and any(pools.values()):
        for pool in pools.values():
            while pool:
                e = pool.pop(0)
                if doc.sentence(e.start) not in used and doc.sentence(max(e.start, e.end - 1)) not in used:
                    used.update({doc.sentence(e.start), doc.sentence(max(e.start, e.end - 1))})
                    chosen.append(e)
                    break
            if len(chosen) >= target:
                break
    return chosen


def inject(
    name: str,
    text: str,
    language: str,
    seed: int = 1,
    regions: list[tuple[int, int]] | None = None,
    other: str = "",
) -> Injected:
    """`other`: the text this one is compared with in setting B, whose lower-case words are no names."""
    profile = PROFILES[language]
    doc = read_doc(text, profile.quotes)
    rng = random.Random(_seed(seed, name))
    lower = frozenset(w for w in re.findall(r"[^\W\d_]+", other) if w[0].islower())
    return apply_edits(name, language, text, plan(doc, profile, rng, regions, lower))


def tally(injected: Injected) -> Counter[str]:
    return Counter(e.label for e in injected.edits)


@dataclass(frozen=True)
class Case:
    setting: str  # "A" or "B"
    source: str  # "hand", "mark", "deplain"
    left: str  # the text compared against the edited one: the original (A) or the other translation (B)
    injected: Injected

    @property
    def name(self) -> str:
        return self.injected.name if self.setting == "A" else f"{self.injected.name} (paraphrase)"


# --- benchmark cases ----------------------------------------------------------------------------------


def hand_cases(lang: str | None) -> list[Case]:
    cases = []
    for path in sorted(HAND.glob("*.json")):
        if lang is None or path.stem == lang:
            injected = hand_case(path)
            cases.append(Case("A", "hand", injected.original, injected))
    return cases


def mark_cases(seed: int = SEED) -> list[Case]:
    folder = DATA / "bible-dev"
    cases = []
    for name in MARK_A:
        text = mark_text(folder / f"{name}.tsv")
        cases.append(Case("A", "mark", text, inject(f"mark:{name}", text, "en", seed)))
    for left_name, right_name in MARK_B:
        # chapters both translations have, so the two texts are the same passage
        left_ch, right_ch = (
            mark_chapters(folder / f"{left_name}.tsv"),
            mark_chapters(folder / f"{right_name}.tsv"),
        )
        common = sorted(set(left_ch) & set(right_ch))
        left, right = (
            mark_text(folder / f"{left_name}.tsv", common),
            mark_text(folder / f"{right_name}.tsv", common),
        )
        edited = inject(f"mark:{left_name}>{right_name}", right, "en", seed, other=left)
        cases.append(Case("B", "mark", left, edited))
    return cases


def deplain_docs(folder: Path) -> list[str]:
    return sorted((p.stem for p in folder.glob("*.src")), key=int)


def deplain_cases(seed: int = SEED) -> list[Case]:
    folder = DATA / "deplain-dev"
    docs = deplain_docs(folder)
    # setting A takes the longest originals: the most sentences to place edits in
    longest = sorted(docs, key=lambda d: (-len(deplain_src(folder, d)), int(d)))[:DEPLAIN_A_DOCS]
    cases = []
    for doc in sorted(longest, key=int):
        text = deplain_src(folder, doc)
        cases.append(Case("A", "deplain", text, inject(f"deplain:{doc}", text, "de", seed)))
    for doc in docs:
        src, tgt, aligned = deplain_pair(folder, doc)
        cases.append(Case("B", "deplain", src, inject(f"deplain:{doc}.src>tgt", tgt, "de", seed, aligned, other=src)))
    return cases
