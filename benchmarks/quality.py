"""Alignment quality on the shared data: DEplain (strict groups) and the Bible (verse links).

Every evaluation takes an `align_fn(left: list[str], right: list[str]) -> list[(left_indices,
right_indices)]` so peers (Gale-Church, sentalign, ...) can be scored the same way as ours.

Metrics
- DEplain strict: a predicted group with both sides non-empty counts only if exactly that group is in
  the gold file; one-sided groups are not scored. Precision = correct / predicted, recall = correct /
  gold, micro-averaged over documents (the same as ../shared/tools/score_alignment.py).
- Bible verses (`evaluate_bible_verses`): align the two verse lists directly (one verse a unit); gold
  is one 1-1 group per verse id present on both sides, scored strictly as above. Verses merged or
  left out in one translation make this gold approximate at the edges, so 1.0 is not reachable.
- Bible pipeline (`evaluate_bible_pipeline`): each chapter's verses are joined by spaces into one
  paragraph, chapters separated by blank lines; both texts go through the real segmenter
  (drift_viewer.engine.segment.segment), then align_fn. Each sentence gets the set of verse ids its
  character span overlaps. Sentence and verse boundaries need not coincide, so the gold is the
  finest monotone grouping consistent with the verses: connect every left and right sentence that
  share a verse id; the connected components (contiguous runs on both sides, since verses are in
  order) are the gold groups, the coarsest grouping the verses vouch for (two sentences inside
  one verse may well be two 1-1 pairs, which the verses cannot tell). So:
    precision = share of predicted links (every (l, r) in left x right of each two-sided predicted
                group) whose two sentences lie in the same component;
    recall    = share of sentences in two-sided components that get at least one such correct link.
  Grouping finer than the verses is not punished, grouping across components costs precision,
  and leaving a sentence unlinked or linked only wrongly costs recall. (Counting every pair whose
  verse sets intersect as a gold link would make 1.0 unreachable: with staggered boundaries, left A
  covering verses 1-2 and B covering 3, right C covering 1 and D covering 2-3, no monotone grouping
  links A-C, A-D and B-D without also linking B-C.)

Moved pairs count as the 1-1 groups they stand for (see `drift_align`).

CLI: `python benchmarks/quality.py [--deplain DIR] [--bible-dev DIR] [--bible-nt DIR] [--quick]`
prints precision / recall / F1 / seconds per dataset for drift_viewer's aligner; `--speed` instead
times align() alone on bible-nt and doubled bible-nt, with the peak memory of a fresh process.
"""

from __future__ import annotations

import argparse
import ast
import csv
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Before numpy loads, as the CLI does: threaded BLAS on small products only fights other processes.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from drift_viewer.engine import segment as segment_mod  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"

Groups = list[tuple[tuple[int, ...], tuple[int, ...]]]
AlignFn = Callable[[list[str], list[str]], Iterable[tuple[Sequence[int], Sequence[int]]]]
VerseId = tuple[str, int, int]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    seconds: float = 0.0
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def line(self, name: str) -> str:
        return (
            f"{name:<28} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"{self.seconds:7.2f} s  (correct {self.correct} / predicted {self.predicted} / gold {self.gold})"
        )


def _prf(correct: int, predicted: int, gold: int, seconds: float = 0.0) -> Score:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, seconds, correct, predicted, gold)


def _norm(groups: Iterable[tuple[Sequence[int], Sequence[int]]]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(a), tuple(b)) for a, b in groups if len(a) and len(b)}


# --- DEplain ---------------------------------------------------------------------------------------


def read_gold(path: Path) -> Groups:
    groups: Groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            left, right = line.split(":")
            groups.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return groups


def _lines(path: Path) -> list[str]:
    # Exactly one sentence a line: indices in the gold files count lines, blank ones included.
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def load_deplain(data_dir: Path | str = SHARED_DATA / "deplain-dev") -> list[tuple[str, list[str], list[str], Groups]]:
    """(name, source sentences, target sentences, gold groups) per document, sorted by name."""
    data_dir = Path(data_dir)
    docs = []
    for gold in sorted(data_dir.glob("*.gold"), key=lambda p: (len(p.stem), p.stem)):
        name = gold.stem
        docs.append((name, _lines(data_dir / f"{name}.src"), _lines(data_dir / f"{name}.tgt"), read_gold(gold)))
    return docs


def score_strict(
    gold_groups_per_doc: Sequence[Iterable[tuple[Sequence[int], Sequence[int]]]],
    pred_groups_per_doc: Sequence[Iterable[tuple[Sequence[int], Sequence[int]]]],
) -> tuple[float, float, float]:
    """Micro-averaged strict (precision, recall, F1) over two-sided groups."""
    s = _strict(gold_groups_per_doc, pred_groups_per_doc)
    return s.precision, s.recall, s.f1


def _strict(gold_docs, pred_docs, seconds: float = 0.0) -> Score:
    correct = predicted = n_gold = 0
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        g, p = _norm(gold), _norm(pred)
        correct += len(g & p)
        predicted += len(p)
        n_gold += len(g)
    return _prf(correct, predicted, n_gold, seconds)


def evaluate_deplain(align_fn: AlignFn, data_dir: Path | str = SHARED_DATA / "deplain-dev") -> Score:
    docs = load_deplain(data_dir)
    preds = []
    start = time.perf_counter()
    for _, src, tgt, _ in docs:
        preds.append(list(align_fn(src, tgt)))
    seconds = time.perf_counter() - start
    return _strict([d[3] for d in docs], preds, seconds)


def deplain_errors(align_fn: AlignFn, data_dir: Path | str = SHARED_DATA / "deplain-dev"):
    """Per document: (name, missed gold groups, wrong predicted groups), for looking at failures."""
    out = []
    for name, src, tgt, gold in load_deplain(data_dir):
        g, p = _norm(gold), _norm(align_fn(src, tgt))
        out.append((name, sorted(g - p), sorted(p - g)))
    return out


# --- Bible -----------------------------------------------------------------------------------------


def read_verses(path: Path | str) -> list[tuple[VerseId, str]]:
    verses = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = " ".join(row["text"].split())
            if text:
                verses.append(((row["book"], int(row["chapter"]), int(row["verse"])), text))
    return verses


@dataclass(frozen=True)
class BibleSide:
    verses: list[tuple[VerseId, str]]
    text: str  # chapters as paragraphs, the input of the pipeline metric
    verse_spans: list[tuple[int, int]]  # [start, end) of each verse in `text`


@dataclass(frozen=True)
class BiblePair:
    left: BibleSide
    right: BibleSide


def _bible_side(verses: list[tuple[VerseId, str]]) -> BibleSide:
    parts: list[str] = []
    spans = []
    pos = 0
    chapter = None
    for vid, text in verses:
        sep = "" if chapter is None else (" " if vid[:2] == chapter else "\n\n")
        chapter = vid[:2]
        parts.append(sep)
        pos += len(sep)
        spans.append((pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    return BibleSide(verses, "".join(parts), spans)


def load_bible_pair(left_tsv: Path | str, right_tsv: Path | str) -> BiblePair:
    return BiblePair(_bible_side(read_verses(left_tsv)), _bible_side(read_verses(right_tsv)))


def evaluate_bible_verses(left_tsv, right_tsv, align_fn: AlignFn, pair: BiblePair | None = None) -> Score:
    pair = pair or load_bible_pair(left_tsv, right_tsv)
    lids = [v for v, _ in pair.left.verses]
    rids = [v for v, _ in pair.right.verses]
    rpos = {v: j for j, v in enumerate(rids)}
    gold = [((i,), (rpos[v],)) for i, v in enumerate(lids) if v in rpos]
    start = time.perf_counter()
    pred = list(align_fn([t for _, t in pair.left.verses], [t for _, t in pair.right.verses]))
    return _strict([gold], [pred], time.perf_counter() - start)


def _sentence_verses(side: BibleSide, language: str) -> tuple[list[str], list[frozenset[int]], list[VerseId]]:
    """Sentence texts and, per sentence, the indices (into a shared verse-id table) it overlaps."""
    sentences = segment_mod.segment(side.text, language)
    starts = [s for s, _ in side.verse_spans]
    ids = [v for v, _ in side.verses]
    sets = []
    k = 0
    for sent in sentences:
        while k + 1 < len(starts) and side.verse_spans[k][1] <= sent.start:
            k += 1
        covered = set()
        j = k
        while j < len(starts) and starts[j] < sent.end:
            if side.verse_spans[j][1] > sent.start:
                covered.add(j)
            j += 1
        sets.append(frozenset(covered))
    return [s.text for s in sentences], sets, ids


def _components(lsets: list[frozenset], rsets: list[frozenset]) -> list[int]:
    """Component id of each left sentence, then of each right one (offset by len(lsets))."""
    parent = list(range(len(lsets) + len(rsets)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[VerseId, int] = {}
    for k, verses in enumerate(list(lsets) + list(rsets)):
        for v in verses:
            if v in owner:
                parent[find(k)] = find(owner[v])
            else:
                owner[v] = k
    return [find(k) for k in range(len(parent))]


def evaluate_bible_pipeline(
    left_tsv, right_tsv, align_fn: AlignFn, pair: BiblePair | None = None, language: str = "en"
) -> Score:
    """Segment chapter paragraphs, align, score sentence links by shared verse ids (see module doc)."""
    pair = pair or load_bible_pair(left_tsv, right_tsv)
    start = time.perf_counter()
    ltexts, lsets_local, lids = _sentence_verses(pair.left, language)
    rtexts, rsets_local, rids = _sentence_verses(pair.right, language)
    seg_seconds = time.perf_counter() - start
    lsets = [frozenset(lids[k] for k in s) for s in lsets_local]
    rsets = [frozenset(rids[k] for k in s) for s in rsets_local]

    component = _components(lsets, rsets)
    n = len(lsets)
    sides: dict[int, set[int]] = defaultdict(set)
    for k, c in enumerate(component):
        sides[c].add(0 if k < n else 1)
    gold = [k for k, c in enumerate(component) if len(sides[c]) == 2]

    start = time.perf_counter()
    pred = list(align_fn(ltexts, rtexts))
    seconds = time.perf_counter() - start + seg_seconds
    correct = predicted = 0
    recalled: set[int] = set()
    for a, b in pred:
        if not len(a) or not len(b):
            continue
        for i in a:
            for j in b:
                predicted += 1
                if component[i] == component[n + j]:
                    correct += 1
                    recalled.update((i, n + j))
    p = correct / predicted if predicted else 0.0
    r = len(recalled) / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, seconds, correct, predicted, len(gold))


# --- CLI -------------------------------------------------------------------------------------------


def drift_align(left: list[str], right: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Our groups; a moved pair (two one-sided links naming each other) is the pair it stands for,
    as the viewer shows it and as gold files list it (DEplain pairs sentences across reorderings)."""
    from drift_viewer.engine.align import align

    links = align(left, right)
    out = []
    for link in links:
        if link.partner is None:
            out.append((link.left, link.right))
        elif link.left:
            out.append((link.left, links[link.partner].right))
    return out


def align_speed(nt_dir: Path | str = SHARED_DATA / "bible-nt", repeats: int = 3) -> list[str]:
    """align() alone on bible-nt verses and segmented sentences, and on both doubled: best CPU and
    wall seconds of `repeats` runs (the machine is shared: compare ratios within one run), and the
    peak RSS of a fresh process aligning the doubled verses."""
    from drift_viewer.engine.align import align

    pair = load_bible_pair(Path(nt_dir) / "Haweis.tsv", Path(nt_dir) / "Noyes.tsv")
    verses = ([t for _, t in pair.left.verses], [t for _, t in pair.right.verses])
    sentences = tuple([s.text for s in segment_mod.segment(side.text, "en")] for side in (pair.left, pair.right))
    lines = []
    for name, (left, right) in (("verses", verses), ("sentences", sentences)):
        for k in (1, 2):
            cpu = wall = float("inf")
            for _ in range(repeats):
                c0, w0 = time.process_time(), time.perf_counter()
                align(left * k, right * k)
                cpu, wall = min(cpu, time.process_time() - c0), min(wall, time.perf_counter() - w0)
            lines.append(
                f"align NT {name} x{k} ({len(left) * k} x {len(right) * k}): CPU {cpu:.3f} s  wall {wall:.3f} s"
            )
    child = (
        "import resource, sys; sys.path[:0] = sys.argv[1:3]; import quality; "
        "from drift_viewer.engine.align import align; "
        "p = quality.load_bible_pair(sys.argv[3] + '/Haweis.tsv', sys.argv[3] + '/Noyes.tsv'); "
        "align([t for _, t in p.left.verses] * 2, [t for _, t in p.right.verses] * 2); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", child, str(ROOT), str(Path(__file__).parent), str(nt_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines.append(f"align NT verses x2: peak RSS {out.stdout.strip()} MB (fresh process)")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deplain", type=Path, default=SHARED_DATA / "deplain-dev")
    parser.add_argument("--bible-dev", type=Path, default=SHARED_DATA / "bible-dev")
    parser.add_argument("--bible-nt", type=Path, default=SHARED_DATA / "bible-nt")
    parser.add_argument("--quick", action="store_true", help="DEplain and one Mark pair only")
    parser.add_argument("--speed", action="store_true", help="only time align() on bible-nt (x1, x2) and its memory")
    args = parser.parse_args(argv)

    if args.speed:
        print("\n".join(align_speed(args.bible_nt)))
        return 0

    print(evaluate_deplain(drift_align, args.deplain).line("deplain-dev strict"))
    mark_pairs = [("Anderson", "Twenty")]
    if not args.quick:
        names = sorted(p.stem for p in args.bible_dev.glob("*.tsv"))
        mark_pairs = [(a, b) for k, a in enumerate(names) for b in names[k + 1 :]]
    for a, b in mark_pairs:
        pair = load_bible_pair(args.bible_dev / f"{a}.tsv", args.bible_dev / f"{b}.tsv")
        print(evaluate_bible_verses(None, None, drift_align, pair).line(f"Mark {a}-{b} verses"))
        print(evaluate_bible_pipeline(None, None, drift_align, pair).line(f"Mark {a}-{b} pipeline"))
    if not args.quick:
        pair = load_bible_pair(args.bible_nt / "Haweis.tsv", args.bible_nt / "Noyes.tsv")
        print(evaluate_bible_verses(None, None, drift_align, pair).line("NT Haweis-Noyes verses"))
        print(evaluate_bible_pipeline(None, None, drift_align, pair).line("NT Haweis-Noyes pipeline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
