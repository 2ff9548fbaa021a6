"""Fit and check the link confidence (drift_viewer/engine/align/confidence.py) on the DEplain documents.

Each predicted link that pairs something (two-sided groups and moved pairs, no floor) is a case; it is
right when exactly its group is in the gold file. A logistic regression over confidence.FEATURES is fitted
(Newton's method, a little L2) and checked honestly: every document's links are rated by weights fitted
without that document (leave one document out) and, harder, without its whole domain (leave one domain
out). The table shows, per confidence bin, how many held-out links fall there and how many are right; the
claim to check is "of the links with confidence >= 0.9, at least 90% are right". Then strict F1 per domain
with the default floor, in sample (weights fitted on everything) and held out.

CLI: `python benchmarks/calibrate.py` prints all that and the weights to paste into confidence.py.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# As the CLI and quality.py do, before numpy loads: the alignment's float32 sums then run in one order, so
# these figures match hard.py's (with OpenBLAS's thread pool, a few DEplain links come out differently).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hard  # noqa: E402
import quality  # noqa: E402

from drift_viewer.engine.align import confidence as conf  # noqa: E402
from drift_viewer.engine.align import rating, search  # noqa: E402

L2 = 1.0
BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    a = np.hstack((x, np.ones((len(x), 1))))
    sw = np.ones(len(x)) if weight is None else weight
    w = np.zeros(a.shape[1])
    reg = np.full(a.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a @ w)))
        grad = a.T @ (sw * (p - y)) + reg * w
        hess = (a * (sw * p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w + b)))


def cases(docs: Sequence[hard.Doc]):
    out = []
    for d in docs:
        links, groups, x = search.link_features(d.src, d.tgt)
        gold = quality._norm(d.gold)
        y = np.array([(tuple(a), tuple(b)) in gold for a, b in groups], dtype=float)
        out.append((links, groups, x, y))
    return out


@dataclass(frozen=True)
class MarkPair:
    """A Mark translation pair through the segmenter; a link is right when all its sentences share
    one verse component (quality.py's pipeline metric, where a finer grouping is no error)."""

    name: str
    translations: frozenset[str]
    groups: list
    x: np.ndarray
    y: np.ndarray
    component: list[int]
    n_left: int
    gold: int


def mark_pairs() -> list[MarkPair]:
    folder = quality.SHARED_DATA / "bible-dev"
    names = sorted(p.stem for p in folder.glob("*.tsv"))
    out = []
    for k, a in enumerate(names):
        for b in names[k + 1 :]:
            pair = quality.load_bible_pair(folder / f"{a}.tsv", folder / f"{b}.tsv")
            lt, ls, lids = quality._sentence_verses(pair.left, "en")
            rt, rs, rids = quality._sentence_verses(pair.right, "en")
            comp = quality._components(
                [frozenset(lids[i] for i in s) for s in ls], [frozenset(rids[i] for i in s) for s in rs]
            )
            n = len(lt)
            sides: dict[int, set[int]] = {}
            for i, c in enumerate(comp):
                sides.setdefault(c, set()).add(0 if i < n else 1)
            gold = sum(1 for c in comp if len(sides[c]) == 2)
            _, groups, x = search.link_features(lt, rt)
            y = np.array([len({comp[i] for i in ga} | {comp[n + j] for j in gb}) == 1 for ga, gb in groups], float)
            out.append(MarkPair(f"{a}-{b}", frozenset((a, b)), groups, x, y, comp, n, gold))
    return out


def mark_f1(pairs: Sequence[MarkPair], probs: Sequence[np.ndarray], floor: float) -> float:
    """quality.evaluate_bible_pipeline's micro F1 over the pairs, on the links kept."""
    correct = predicted = recalled = gold = 0
    for mp, p in zip(pairs, probs, strict=True):
        hit: set[int] = set()
        for (ga, gb), c in zip(mp.groups, p, strict=True):
            if c < floor:
                continue
            for i in ga:
                for j in gb:
                    predicted += 1
                    if mp.component[i] == mp.component[mp.n_left + j]:
                        correct += 1
                        hit.update((i, mp.n_left + j))
        recalled += len(hit)
        gold += mp.gold
    p_, r_ = correct / max(predicted, 1), recalled / max(gold, 1)
    return 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0


def training(items: Sequence, exclude) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights of the items not excluded; each dataset weighs as much in all."""
    chosen = [it for it in items if not exclude(it)]
    x = np.vstack([it[0] for it in chosen])
    y = np.concatenate([it[1] for it in chosen])
    sets = [it[2] for it in chosen for _ in range(len(it[1]))]
    total = {s: sets.count(s) for s in set(sets)}
    w = np.array([len(y) / (len(total) * total[s]) for s in sets])
    return x, y, w


def held_out(items: Sequence, same) -> list[np.ndarray]:
    """Per item (features, labels, dataset, key), its confidences from weights fitted without the items
    `same` says it shares something with."""
    out = []
    for it in items:
        x, y, w = training(items, lambda other, it=it: same(it, other))
        wts, b = fit(x, y, weight=w)
        out.append(predict(it[0], wts, b))
    return out


def reliability(probs: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["| confidence | links | right | share right |", "|---|---|---|---|"]
    for lo, hi in zip(BINS[:-1], BINS[1:], strict=True):
        m = (probs >= lo) & (probs < hi)
        n = int(m.sum())
        lines.append(f"| {lo:.2f}-{min(hi, 1):.2f} | {n} | {int(y[m].sum())} | {y[m].mean() if n else 0:.3f} |")
    top = probs >= 0.9
    lines.append(f"| >= 0.90 | {int(top.sum())} | {int(y[top].sum())} | {y[top].mean() if top.any() else 0:.3f} |")
    return lines


def f1_rows(docs, data, probs, floor: float) -> dict[str, str]:
    counts = []
    for d, (_, groups, _, _y), p in zip(docs, data, probs, strict=True):
        kept = [g for g, c in zip(groups, p, strict=True) if c >= floor]
        counts.append(hard.doc_counts(d.gold, kept))
    return {dom: hard.cell(c) for dom, c in hard.by_domain(docs, counts).items()}


def main() -> int:
    docs = hard.load_docs()
    for dom in hard.DOMAINS:
        hard._SIZES[dom] = sum(1 for doc in docs if dom in ("all", doc.domain))
    data = cases(docs)
    marks = mark_pairs()
    # (features, labels, dataset, what it shares with others: document / domain / translations)
    items = [(c[2], c[3], "deplain", (d.name, d.domain)) for d, c in zip(docs, data, strict=True)]
    items += [(mp.x, mp.y, "mark", mp.translations) for mp in marks]
    x, y, wt = training(items, lambda it: False)
    w, b = fit(x, y, weight=wt)
    print("weights (all):", ", ".join(f"{n} {v:+.3f}" for n, v in zip(conf.FEATURES, w, strict=True)))
    print(f"bias {b:+.3f}; paste: WEIGHTS = np.array([{', '.join(f'{v:.3f}' for v in w)}]); BIAS = {b:.3f}")

    def same_doc(a, c) -> bool:  # a Mark pair shares a translation, a DEplain document is itself
        return a[2] == c[2] and (a[3][0] == c[3][0] if a[2] == "deplain" else bool(a[3] & c[3]))

    def same_domain(a, c) -> bool:  # the whole domain (or for Mark, the whole dataset) held out
        return a[2] == c[2] and (a[3][1] == c[3][1] if a[2] == "deplain" else True)

    by_doc = held_out(items, same_doc)
    by_domain = held_out(items, same_domain)
    shipped = [conf.confidence(it[0]) for it in items]
    nd = len(docs)
    for title, probs in (
        ("held out by document (Mark: by translation)", by_doc),
        ("held out by domain (Mark: the whole of Mark)", by_domain),
        ("shipped weights, in sample", shipped),
    ):
        for label, part in (("DEplain 53", slice(0, nd)), ("Mark 10 pairs", slice(nd, None))):
            yy = np.concatenate([it[1] for it in items[part]])
            print(f"\nreliability, {title}, {label} ({len(yy)} links, {int(yy.sum())} right)")
            print("\n".join(reliability(np.concatenate(probs[part]), yy)))
    rows = {
        "no floor": f1_rows(docs, data, [np.ones(len(c[3])) for c in data], 0.5),
        "floor, shipped (in sample)": f1_rows(docs, data, shipped[:nd], conf.FLOOR),
        "floor, held out by document": f1_rows(docs, data, by_doc[:nd], conf.FLOOR),
        "floor, held out by domain": f1_rows(docs, data, by_domain[:nd], conf.FLOOR),
    }
    print(f"\nDEplain strict F1 with floor {conf.FLOOR} (links rated as in each row)")
    print(hard.table(rows))
    print("\nMark pipeline verse-link F1 (10 pairs, micro):")
    for label, probs in (
        ("no floor", [np.ones(len(mp.y)) for mp in marks]),
        ("shipped", shipped[nd:]),
        ("held out by translation", by_doc[nd:]),
        ("held out: all of Mark", by_domain[nd:]),
    ):
        print(f"  {label:<28} {mark_f1(marks, probs, conf.FLOOR):.3f}")
    print("\nfloor sweep, held out by document: DEplain all / fiction / health F1, Mark pipeline F1")
    for floor in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
        r = f1_rows(docs, data, by_doc[:nd], floor)
        print(
            f"  {floor:.1f}  {r['all']}  {r['fiction']}  {r['health']}  Mark {mark_f1(marks, by_doc[nd:], floor):.3f}"
        )
    _ = rating
    return 0


if __name__ == "__main__":
    sys.exit(main())
