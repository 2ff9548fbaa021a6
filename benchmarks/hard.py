"""DEplain by domain (issue 11): strict group F1 on deplain-dev + deplain-dev-hard, 53 documents, split
into language learner (39), bible (3), fiction (6) and health (5), drift-viewer beside the published
aligners.

The peers' cells are their published outputs on the same documents: read from `N.pred` files in
`<data>/<folder>/peers/<Peer>/` where such a folder exists, otherwise quoted from issue 11 (marked
"quoted"), since ../shared does not hold the outputs themselves. drift-viewer runs live, with the
engine's default (precision-first) floor and with `--recall` (no confidence floor) beside it.

These rows are in sample: the confidence weights were fitted on these documents. calibrate.py prints the
same table with every document's links rated by weights fitted without it (by document, by domain).

Below it, the calibration check per domain and overall: of the links the engine outputs (default floor)
with confidence >= 0.9, how many are right, beside the lower bands, and the same before this round.
`--held-out` adds it with every document's links rated by weights fitted without that document
(calibrate.py's fit; slower: it aligns the Mark pairs too).

CLI: `python benchmarks/hard.py [--floor X] [--held-out]` prints the tables.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality  # noqa: E402

FOLDERS = ("deplain-dev", "deplain-dev-hard")
DOMAINS = ("all", "language learner", "bible", "fiction", "health")
PEERS = ("MASSalign", "BERTalign", "VecAlign")
# drift-viewer before issue 11 (main at f32b031, measured by this script then), for the before/after.
BEFORE = {
    "all": "0.657 (P 0.63, R 0.69)",
    "language learner": "0.962 (P 0.96, R 0.97)",
    "bible": "0.333 (P 0.34, R 0.33)",
    "fiction": "0.238 (P 0.23, R 0.25)",
    "health": "0.133 (P 0.11, R 0.18)",
}
# drift-viewer before the meaning signal (align/semantic.py; main at 60d0a66, measured by this script then).
BEFORE_MEANING = {
    "all": "0.751 (P 0.87, R 0.66)",
    "language learner": "0.962 (P 0.96, R 0.97)",
    "bible": "0.250 (P 0.75, R 0.15)",
    "fiction": "0.268 (P 0.48, R 0.19)",
    "health": "0.195 (P 0.35, R 0.14)",
}
# drift-viewer before splits were grown (align/grow.py; main at 4589cd0, measured by this script then).
BEFORE_GROW = {
    "all": "0.756 (P 0.86, R 0.67)",
    "language learner": "0.962 (P 0.96, R 0.97)",
    "bible": "0.333 (P 1.00, R 0.20)",
    "fiction": "0.300 (P 0.47, R 0.22)",
    "health": "0.203 (P 0.41, R 0.14)",
}
# drift-viewer before this round (main at 05948fc, measured by this script then).
BEFORE_ROUND = {
    "all": "0.757 (P 0.86, R 0.67)",
    "language learner": "0.962 (P 0.96, R 0.97)",
    "bible": "0.333 (P 1.00, R 0.20)",
    "fiction": "0.306 (P 0.48, R 0.23)",
    "health": "0.203 (P 0.41, R 0.14)",
}
# The hard documents (bible, fiction, health) in two halves, alternating by id within each domain, fixed
# before any move was measured: a move is chosen on one half and confirmed on the other.
HALVES = {
    "hard half A": ("39", "43", "46", "924", "930", "807", "813", "817"),
    "hard half B": ("41", "47", "929", "933", "812", "816"),
}
# Confidence bands of the calibration table: the claim is about the top one.
BANDS = ((0.9, 1.01, ">= 0.9"), (0.5, 0.9, "0.5-0.9"), (0.0, 0.5, "< 0.5"))
# The top band's cells before this round (main at 05948fc, measured by this script then), per table.
BEFORE_CALIBRATION = {
    "shipped weights, in sample": {
        "all": "539 of 556 (96.9%)",
        "language learner": "539 of 555 (97.1%)",
        "bible": "0 of 0",
        "fiction": "0 of 0",
        "health": "0 of 1 (0.0%)",
    },
    "held out by document": {
        "all": "538 of 555 (96.9%)",
        "language learner": "537 of 553 (97.1%)",
        "bible": "0 of 0",
        "fiction": "1 of 1 (100.0%)",
        "health": "0 of 1 (0.0%)",
    },
}
# Issue 11's table (strict F1 and, for "all", P and R), for peers whose outputs are not in ../shared.
QUOTED: dict[str, dict[str, tuple[float, float | None, float | None]]] = {
    "MASSalign": {
        "all": (0.678, 0.84, 0.57),
        "language learner": (0.921, None, None),
        "bible": (0.039, None, None),
        "fiction": (0.030, None, None),
        "health": (0.035, None, None),
    },
    "BERTalign": {
        "all": (0.619, 0.78, 0.51),
        "language learner": (0.872, None, None),
        "bible": (0.074, None, None),
        "fiction": (0.122, None, None),
        "health": (0.037, None, None),
    },
    "VecAlign": {
        "all": (0.481, 0.54, 0.43),
        "language learner": (0.791, None, None),
        "bible": (0.000, None, None),
        "fiction": (0.043, None, None),
        "health": (0.000, None, None),
    },
}


@dataclass(frozen=True)
class Doc:
    folder: str
    name: str
    domain: str
    src: list[str]
    tgt: list[str]
    gold: quality.Groups


def load_docs(data: Path = quality.SHARED_DATA) -> list[Doc]:
    docs = []
    for folder in FOLDERS:
        domains = {d["pair_id"]: d["domain"] for d in json.loads((data / folder / "documents.json").read_text())}
        for name, src, tgt, gold in quality.load_deplain(data / folder):
            docs.append(Doc(folder, name, domains[name], src, tgt, gold))
    return docs


@dataclass(frozen=True)
class Counts:
    correct: int
    predicted: int
    gold: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def doc_counts(gold: Iterable, pred: Iterable) -> Counts:
    g, p = quality._norm(gold), quality._norm(pred)
    return Counts(len(g & p), len(p), len(g))


def by_domain(docs: Sequence[Doc], counts: Sequence[Counts]) -> dict[str, Counts]:
    out = {d: Counts(0, 0, 0) for d in DOMAINS}
    for doc, c in zip(docs, counts, strict=True):
        out["all"] += c
        out[doc.domain] += c
    return out


def by_half(docs: Sequence[Doc], counts: Sequence[Counts]) -> dict[str, Counts]:
    out = {h: Counts(0, 0, 0) for h in HALVES}
    for doc, c in zip(docs, counts, strict=True):
        for h, names in HALVES.items():
            if doc.name in names:
                out[h] += c
    return out


def run_aligner(docs: Sequence[Doc], align_fn: Callable[[list[str], list[str]], Iterable]) -> list[Counts]:
    return [doc_counts(d.gold, align_fn(d.src, d.tgt)) for d in docs]


def peer_counts(docs: Sequence[Doc], peer: str, data: Path = quality.SHARED_DATA) -> list[Counts] | None:
    """A peer's published outputs, if every document has one."""
    out = []
    for d in docs:
        path = data / d.folder / "peers" / peer / f"{d.name}.pred"
        if not path.exists():
            return None
        out.append(doc_counts(d.gold, quality.read_gold(path)))
    return out


def cell(c: Counts) -> str:
    p, r, f = c.prf
    return f"{f:.3f} (P {p:.2f}, R {r:.2f})"


def table(rows: dict[str, dict[str, str]]) -> str:
    header = "| | " + " | ".join(f"{d} ({n})" for d, n in _sizes().items()) + " |"
    lines = [header, "|---" * (len(DOMAINS) + 1) + "|"]
    for name, cells in rows.items():
        lines.append(f"| {name} | " + " | ".join(cells[d] for d in DOMAINS) + " |")
    return "\n".join(lines)


_SIZES: dict[str, int] = {}


def _sizes() -> dict[str, int]:
    return _SIZES or dict.fromkeys(DOMAINS, 0)


def peer_rows(docs: Sequence[Doc]) -> dict[str, dict[str, str]]:
    rows = {}
    for peer in PEERS:
        counts = peer_counts(docs, peer)
        if counts is not None:
            rows[peer] = {d: cell(c) for d, c in by_domain(docs, counts).items()}
            continue
        quoted = QUOTED[peer]
        rows[f"{peer} (quoted)"] = {
            d: f"{f:.3f}" + (f" (P {p:.2f}, R {r:.2f})" if p is not None else "") for d, (f, p, r) in quoted.items()
        }
    return rows


def drift_fn(floor: float | None) -> Callable[[list[str], list[str]], list]:
    """Our groups, a moved pair counted as the pair it stands for (as quality.drift_align does)."""
    rated = rated_fn(floor)

    def fn(left: list[str], right: list[str]) -> list:
        return [(a, b) for a, b, _ in rated(left, right)]

    return fn


def rated_fn(floor: float | None) -> Callable[[list[str], list[str]], list]:
    """Our groups with their confidence: (left, right, confidence), one-sided groups with confidence 0."""
    from drift_viewer.engine.align import align

    def fn(left: list[str], right: list[str]) -> list:
        links = align(left, right) if floor is None else align(left, right, floor=floor)
        return [
            (link.left, link.right if link.partner is None else links[link.partner].right, link.confidence or 0.0)
            for link in links
            if link.partner is None or link.left
        ]

    return fn


@dataclass(frozen=True)
class Band:
    """Links whose confidence falls in a band, and how many of them are right."""

    links: int = 0
    right: int = 0

    def __add__(self, other: Band) -> Band:
        return Band(self.links + other.links, self.right + other.right)

    def __str__(self) -> str:
        return f"{self.right} of {self.links}" + (f" ({100 * self.right / self.links:.1f}%)" if self.links else "")


def doc_bands(gold: Iterable, rated: Iterable[tuple[Sequence[int], Sequence[int], float]]) -> dict[str, Band]:
    """Per confidence band, the two-sided links of one document and how many are exactly a gold group."""
    golds = quality._norm(gold)
    out = {name: Band() for _, _, name in BANDS}
    for a, b, c in rated:
        if not len(a) or not len(b):
            continue
        name = next(n for lo, hi, n in BANDS if lo <= c < hi)
        out[name] += Band(1, int((tuple(a), tuple(b)) in golds))
    return out


def calibration_table(docs: Sequence[Doc], bands: Sequence[dict[str, Band]], title: str) -> str:
    """Rows: `title` per band, then the top band's cells before this round."""
    per: dict[str, dict[str, Band]] = {name: {d: Band() for d in DOMAINS} for _, _, name in BANDS}
    for doc, b in zip(docs, bands, strict=True):
        for name, band in b.items():
            per[name]["all"] += band
            per[name][doc.domain] += band
    rows = {f"{title}, confidence {name}": {d: str(per[name][d]) for d in DOMAINS} for _, _, name in BANDS}
    if title in BEFORE_CALIBRATION:
        rows[f"before this round (05948fc), confidence {BANDS[0][2]}"] = BEFORE_CALIBRATION[title]
    return table(rows)


def held_out_bands(docs: Sequence[Doc]) -> list[dict[str, Band]]:
    """Per document, its links (no floor, as calibrate.py fits them) rated by weights fitted without it."""
    import calibrate

    data = calibrate.cases(docs)
    items = [(c[2], c[3], "deplain", d.name) for d, c in zip(docs, data, strict=True)]
    items += [(mp.x, mp.y, "mark", mp.translations) for mp in calibrate.mark_pairs()]

    def same(a, c) -> bool:  # a Mark pair shares a translation, a DEplain document is itself
        return a[2] == c[2] and (a[3] == c[3] if a[2] == "deplain" else bool(a[3] & c[3]))

    probs = calibrate.held_out(items, same)
    return [
        doc_bands(d.gold, [(a, b, float(p)) for (a, b), p in zip(c[1], pr, strict=True)])
        for d, c, pr in zip(docs, data, probs[: len(docs)], strict=True)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=None, help="confidence floor (default: the engine's)")
    parser.add_argument("--held-out", action="store_true", help="also the calibration check held out by document")
    args = parser.parse_args(argv)
    docs = load_docs()
    for d in DOMAINS:
        _SIZES[d] = sum(1 for doc in docs if d in ("all", doc.domain))
    rows: dict[str, dict[str, str]] = {}
    bands: list[dict[str, Band]] = []
    halves: dict[str, dict[str, str]] = {}
    for label, floor in (("drift-viewer", args.floor), ("drift-viewer --recall", 0.0)):
        rated = [rated_fn(floor)(d.src, d.tgt) for d in docs]
        if not bands:
            bands = [doc_bands(d.gold, r) for d, r in zip(docs, rated, strict=True)]
        counts = [doc_counts(d.gold, [(a, b) for a, b, _ in r]) for d, r in zip(docs, rated, strict=True)]
        rows[label] = {d: cell(c) for d, c in by_domain(docs, counts).items()}
        halves[label] = {h: cell(c) for h, c in by_half(docs, counts).items()}
    rows["drift-viewer before this round (05948fc)"] = BEFORE_ROUND
    rows["drift-viewer before splits grown (4589cd0)"] = BEFORE_GROW
    rows["drift-viewer before meaning (60d0a66)"] = BEFORE_MEANING
    rows["drift-viewer before issue 11 (f32b031)"] = BEFORE
    rows.update(peer_rows(docs))
    print(table(rows))
    print("\nThe hard documents in two halves (choose a move on one, confirm it on the other)")
    print("| | " + " | ".join(f"{h} ({', '.join(names)})" for h, names in HALVES.items()) + " |")
    print("|---" * (len(HALVES) + 1) + "|")
    for label, cells in halves.items():
        print(f"| {label} | " + " | ".join(cells[h] for h in HALVES) + " |")
    print("\nCalibration check: links the engine outputs, right of those in each confidence band (exact gold group)")
    print(calibration_table(docs, bands, "shipped weights, in sample"))
    if args.held_out:
        print("\nThe same, every document's links (no floor) rated by weights fitted without it (calibrate.py)")
        print(calibration_table(docs, held_out_bands(docs), "held out by document"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
