"""Issue 11, third round: the candidate moves measured before building them, on the 53 DEplain documents,
in sample (the shipped confidence weights) and held out by document (every document's links rated by
weights fitted without it, as benchmarks/calibrate.py does). Each probe adds to (or takes from) the
engine's own output, so a probe that cannot gain here would not gain in the engine either.

- leftovers: non-monotone candidates for the sentences the output leaves one-sided: (a) the pass that
  ships (reorder.py) without its floor, (b) a second monotone search over the one-sided sentences alone
  (a moved passage keeps its inner order), (c) every simplified sentence given to its best partner
  anywhere (the ceiling of best-partner assignment).
- grow: a 1-k link grown by adjacent one-sided sentences whose best partner anywhere is the link's
  single sentence (a split's further pieces), on the right side only, on both, with one skip: the
  variants measured before align/grow.py (which grows on the side with the shorter sentences, when the
  single sentence is longer than its pieces) was built; on today's engine they start from its output.
- core: a link the floor undoes, replaced by its sub-group of highest confidence when that passes the
  floor (an over-merge that swallowed an explanation or a neighbour).
- margin: extra confidence features refitted (Vecalign/LASER-style margin against each sentence's
  nearest neighbours, share of members whose best partner is in the group), held out by document.
- abstain: a higher floor only where the words are weak (semantic.py's gate), held out by document.

CLI: `python benchmarks/probes.py [probe ...]` (default: all) prints one line per variant: strict F1,
right/linked per domain.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

# As the CLI and quality.py do, before numpy loads: the alignment's float32 sums then run in one order, so
# these figures match hard.py's (with OpenBLAS's thread pool, a few DEplain links come out differently).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibrate  # noqa: E402
import hard  # noqa: E402

from drift_viewer.engine.align import confidence as conf  # noqa: E402
from drift_viewer.engine.align import search, semantic  # noqa: E402
from drift_viewer.engine.align.confidence import features  # noqa: E402
from drift_viewer.engine.align.vectors import Features, featurize  # noqa: E402

Group = tuple[tuple[int, ...], tuple[int, ...]]


class Doc:
    """A document with what the probes read: its output (default floor and none), the blended cosines."""

    def __init__(self, doc: hard.Doc) -> None:
        self.doc = doc
        lf, rf = featurize(doc.src, doc.tgt)
        _, self.ev, self.lf, self.rf = search._with_meaning(lf, rf, doc.src, doc.tgt, None, None)
        self.cos = _unit(self.lf) @ _unit(self.rf).T
        self.weak = self.ev.match - self.ev.background < semantic.WEAK_SCALE
        self.run()

    def run(self) -> None:
        self.links = search.align(self.doc.src, self.doc.tgt)
        self.loose = search.align(self.doc.src, self.doc.tgt, floor=0.0)
        self.groups = groups_of(self.links)


def _unit(f: Features) -> np.ndarray:
    v = np.asarray(f.vectors, dtype=np.float64)
    return v / np.sqrt(np.maximum(f.norms2, 1e-12))[:, None]


def groups_of(links) -> list[Group]:
    return [
        (x.left, x.right if x.partner is None else links[x.partner].right)
        for x in links
        if x.left and (x.right or x.partner is not None)
    ]


def line(label: str, docs: Sequence[Doc], preds: Sequence[Sequence[Group]]) -> str:
    counts = hard.by_domain(
        [d.doc for d in docs], [hard.doc_counts(d.doc.gold, p) for d, p in zip(docs, preds, strict=True)]
    )
    cells = [f"{dom[:8]} {c.prf[2]:.3f} ({c.correct}/{c.predicted})" for dom, c in counts.items()]
    return f"{label:<34} " + "  ".join(cells)


@contextmanager
def weights(w: np.ndarray, b: float):
    old = conf.WEIGHTS, conf.BIAS
    conf.WEIGHTS, conf.BIAS = w, b
    try:
        yield
    finally:
        conf.WEIGHTS, conf.BIAS = old


def held_out_weights(
    docs: Sequence[Doc], extra: Callable[[Doc, list], np.ndarray] | None = None, mark: bool = True
) -> list:
    """Per document, (weights, bias) fitted without it on DEplain and (with `mark`) the Mark pairs, as
    calibrate.py does; `extra` adds feature columns, then fit on DEplain alone (`mark` False)."""
    items = []
    for d in docs:
        _, groups, x = search.link_features(d.doc.src, d.doc.tgt)
        gold = {(tuple(a), tuple(b)) for a, b in d.doc.gold}
        y = np.array([g in gold for g in groups], dtype=float)
        if extra is not None:
            x = np.hstack((x, extra(d, groups)))
        items.append((x, y, "deplain", d.doc.name))
    for mp in MARK if mark else ():
        items.append((mp.x, mp.y, "mark", mp.name))
    out = []
    for it in items[: len(docs)]:
        x, y, w = calibrate.training(items, lambda other, it=it: other[3] == it[3])
        out.append((calibrate.fit(x, y, weight=w), it))
    return out


MARK: list = []


def rerun_held_out(docs: Sequence[Doc], fitted: list) -> None:
    for d, ((w, b), _) in zip(docs, fitted, strict=True):
        with weights(w, b):
            d.run()


# --- the probes -------------------------------------------------------------------------------------


def solo(groups: Sequence[Group], n: int, m: int) -> tuple[list[int], list[int]]:
    used_l = {i for a, _ in groups for i in a}
    used_r = {j for _, b in groups for j in b}
    return [i for i in range(n) if i not in used_l], [j for j in range(m) if j not in used_r]


def second_pass(d: Doc) -> list[Group]:
    """The monotone search again, over the one-sided sentences alone, its links rated and floored."""
    left, right = solo(d.groups, len(d.doc.src), len(d.doc.tgt))
    if len(left) < 2 or len(right) < 2:
        return []
    found, _ = search._monotone(_rows(d.lf, left), _rows(d.rf, right), None)
    new = [(tuple(left[i] for i in x.left), tuple(right[j] for j in x.right)) for x in found if x.left and x.right]
    if not new:
        return []
    values = conf.confidence(features(new, d.lf, d.rf, d.ev, apart=True))
    return [g for g, c in zip(new, values, strict=True) if c >= conf.FLOOR]


def _rows(f: Features, idx: list[int]) -> Features:
    pos = np.full(len(f.lengths), -1)
    pos[idx] = np.arange(len(idx))
    keep = pos[f.stem_sentence] >= 0
    return Features(
        np.asarray(f.vectors)[idx], f.norms2[idx], f.lengths[idx], f.stem_ids[keep], pos[f.stem_sentence[keep]]
    )


def assignment(d: Doc) -> list[Group]:
    best = d.cos.argmax(axis=0)
    return [((i,), tuple(np.flatnonzero(best == i).tolist())) for i in sorted(set(best.tolist()))]


def grow(d: Doc, sides: Sequence[int] = (1,), skip: int = 0) -> list[Group]:
    out = list(d.groups)
    for side in sides:
        c = d.cos if side == 1 else d.cos.T
        flipped = out if side == 1 else [(b, a) for a, b in out]
        used = {j for _, b in flipped for j in b}
        best = c.argmax(axis=0)
        grown = []
        for a, b in flipped:
            if len(a) == 1 and b[-1] - b[0] == len(b) - 1:
                pieces = list(b)
                for step in (1, -1):
                    j, skipped = (b[-1] if step == 1 else b[0]) + step, 0
                    while 0 <= j < c.shape[1] and j not in used:
                        if best[j] == a[0]:
                            pieces.append(j)
                            used.add(j)
                        elif skipped < skip:
                            skipped += 1
                        else:
                            break
                        j += step
                b = tuple(sorted(pieces))
            grown.append((a, b))
        out = grown if side == 1 else [(b, a) for a, b in grown]
    return out


def core(d: Doc) -> list[Group]:
    """Links the floor undid, replaced by their best sub-group where that passes the floor."""
    left, right = solo(d.groups, len(d.doc.src), len(d.doc.tgt))
    free_l, free_r = set(left), set(right)
    out = list(d.groups)
    for x in d.loose:
        if not (x.left and x.right) or len(x.left) + len(x.right) < 3:
            continue
        if not (set(x.left) <= free_l and set(x.right) <= free_r):
            continue
        subs = [(a, b) for a in _runs(x.left) for b in _runs(x.right) if (a, b) != (x.left, x.right)]
        values = conf.confidence(features(subs, d.lf, d.rf, d.ev, np.zeros(len(subs))))
        k = int(np.argmax(values))
        if values[k] >= conf.FLOOR:
            out.append(subs[k])
    return out


def _runs(side: tuple[int, ...]) -> list[tuple[int, ...]]:
    return [side[a:b] for a in range(len(side)) for b in range(a + 1, len(side) + 1)]


def margin_columns(d: Doc, groups: list) -> np.ndarray:
    """Per group: its members' best cosine inside it above their mean cosine with their 4 nearest
    neighbours (a margin as in Vecalign/LASER mining), scaled; and the share of members whose best
    partner anywhere is in the group."""
    c = d.cos
    near_l = np.sort(c, axis=1)[:, -min(4, c.shape[1]) :].mean(axis=1)
    near_r = np.sort(c, axis=0)[-min(4, c.shape[0]) :, :].mean(axis=0)
    best_l, best_r = c.argmax(axis=1), c.argmax(axis=0)
    rows = []
    for a, b in groups:
        block = c[np.ix_(a, b)]
        margins = np.concatenate((block.max(axis=1) - near_l[list(a)], block.max(axis=0) - near_r[list(b)]))
        share = np.mean([best_l[i] in b for i in a] + [best_r[j] in a for j in b])
        rows.append((margins.mean() / d.ev.scale, share))
    return np.array(rows).reshape(-1, 2)


def floor_rows(docs: Sequence[Doc], fitted: list, floors: Sequence[float]) -> list[str]:
    """Links of link_features rated held out, floored at 0.3 and at `floor` where the words are weak."""
    out = []
    for floor in floors:
        preds = []
        for d, ((w, b), it) in zip(docs, fitted, strict=True):
            _, groups, _ = search.link_features(d.doc.src, d.doc.tgt)
            p = calibrate.predict(it[0], w, b)
            cut = floor if d.weak else conf.FLOOR
            preds.append([g for g, v in zip(groups, p, strict=True) if v >= cut])
        out.append(line(f"abstain: floor {floor:.1f} where weak", docs, preds))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    probes = ("leftovers", "grow", "core", "margin", "abstain")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", nargs="*", help=f"any of {', '.join(probes)} (default: all)")
    args = parser.parse_args(argv)
    args.probe = args.probe or list(probes)
    if set(args.probe) - set(probes):
        parser.error(f"unknown probe: {', '.join(sorted(set(args.probe) - set(probes)))}")
    docs = [Doc(d) for d in hard.load_docs()]
    MARK.extend(calibrate.mark_pairs())
    fitted = held_out_weights(docs)

    def variants(tag: str) -> None:
        print(line(f"engine ({tag})", docs, [d.groups for d in docs]))
        if "leftovers" in args.probe:
            print(line(f"leftovers: reorder, no floor ({tag})", docs, [groups_of(d.loose) for d in docs]))
            print(line(f"leftovers: 2nd monotone ({tag})", docs, [d.groups + second_pass(d) for d in docs]))
            print(line("leftovers: best-partner assignment", docs, [assignment(d) for d in docs]))
        if "grow" in args.probe:
            for sides, skip in (((1,), 0), ((1,), 1), ((0, 1), 0)):
                print(line(f"grow: sides {sides} skip {skip} ({tag})", docs, [grow(d, sides, skip) for d in docs]))
        if "core" in args.probe:
            print(line(f"core ({tag})", docs, [core(d) for d in docs]))

    variants("in sample")
    rerun_held_out(docs, fitted)
    variants("held out")
    if "margin" in args.probe:
        # Both fitted on DEplain alone: the Mark pairs have no dense cosines here to read a margin from.
        print(line("margin: base features, DEplain fit (held out)", docs, _refit_groups(docs, None)))
        print(line("margin: + margin, share, DEplain fit (held out)", docs, _refit_groups(docs, margin_columns)))
    if "abstain" in args.probe:
        print("\n".join(floor_rows(docs, fitted, (0.2, 0.3, 0.4, 0.5, 0.6))))
    return 0


def _refit_groups(docs: Sequence[Doc], extra) -> list[list[Group]]:
    """link_features' links rated by weights fitted without their document, floored."""
    fitted = held_out_weights(docs, extra, mark=False)
    out = []
    for d, ((w, b), it) in zip(docs, fitted, strict=True):
        _, groups, _ = search.link_features(d.doc.src, d.doc.tgt)
        p = calibrate.predict(it[0], w, b)
        out.append([g for g, v in zip(groups, p, strict=True) if v >= conf.FLOOR])
    return out


if __name__ == "__main__":
    sys.exit(main())
