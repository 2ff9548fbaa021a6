"""Link confidence: every link that pairs something carries a calibrated probability, and the default
floor leaves a sentence one-sided when no partner is convincing."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from drift_viewer.engine.align import align
from drift_viewer.engine.align.confidence import FLOOR
from drift_viewer.engine.align.moves import MIN_COSINE

ROOT = Path(__file__).resolve().parents[2]

S = [
    "The committee approved the new budget for the coming year after a long debate.",
    "Farmers in the northern valley reported a record harvest of apples this autumn.",
    "The museum will reopen in March with an exhibition of medieval manuscripts.",
    "Heavy snow closed the mountain pass for three days last week.",
    "A local bakery won the national prize for its sourdough bread.",
    "Scientists measured unusually warm water temperatures off the coast.",
]


def _bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import calibrate
    import hard

    return calibrate, hard


def test_light_edits_link_with_high_confidence_and_one_sided_groups_have_none() -> None:
    right = [s.replace("the", "a", 1) for s in S] + ["An entirely new closing remark about nothing here."]
    links = align(S, right)
    paired = [link for link in links if link.left and link.right]
    assert len(paired) == len(S)
    assert all(link.confidence is not None and link.confidence >= 0.9 for link in paired), paired
    assert [link.confidence for link in links if not link.right] == []
    assert [link.confidence for link in links if not link.left] == [None]


def test_confidence_is_the_same_both_ways() -> None:
    right = [S[0], S[1] + " " + S[2].lower(), S[3].replace("three", "four"), "Something else.", S[5]]
    ab = {(link.left, link.right): link.confidence for link in align(S, right)}
    ba = {(link.right, link.left): link.confidence for link in align(right, S)}
    assert ab == ba


def test_the_floor_trades_recall_for_precision_on_heavy_rewrites(shared_data: Path) -> None:
    _, hard = _bench()
    docs = [d for d in hard.load_docs(shared_data) if d.folder == "deplain-dev-hard"]
    default = hard.run_aligner(docs, hard.drift_fn(None))
    recall = hard.run_aligner(docs, hard.drift_fn(0.0))
    total_default, total_recall = sum(default, hard.Counts(0, 0, 0)), sum(recall, hard.Counts(0, 0, 0))
    assert total_default.predicted < total_recall.predicted
    assert total_default.prf[0] > total_recall.prf[0] + 0.1, (total_default, total_recall)
    # Undone links leave their sentences one-sided: every sentence is still in exactly one group.
    d = docs[0]
    links = align(d.src, d.tgt)
    assert sorted(i for link in links for i in link.left) == list(range(len(d.src)))
    assert all(link.confidence >= FLOOR or link.score >= MIN_COSINE for link in links if link.left and link.right)


def test_held_out_confidence_is_calibrated_on_deplain(shared_data: Path) -> None:
    """Each document's links rated by weights fitted without it: of those at 0.9 or more, 90% are right."""
    calibrate, hard = _bench()
    docs = hard.load_docs(shared_data)
    data = calibrate.cases(docs)
    items = [(c[2], c[3], "deplain", (d.name, d.domain)) for d, c in zip(docs, data, strict=True)]
    probs = np.concatenate(calibrate.held_out(items, lambda a, b: a[3][0] == b[3][0]))
    right = np.concatenate([c[3] for c in data])
    top = probs >= 0.9
    assert top.sum() >= 300
    assert right[top].mean() >= 0.9, right[top].mean()
    low = probs < 0.3
    assert right[low].mean() < 0.5, right[low].mean()


def test_a_higher_floor_keeps_only_surer_links(shared_data: Path) -> None:
    _, hard = _bench()
    d = next(d for d in hard.load_docs(shared_data) if d.domain == "health")
    counts = []
    for floor in (0.0, FLOOR, 0.9):
        links = align(d.src, d.tgt, floor=floor)
        paired = [link for link in links if link.left and link.right]
        # Kept: sure enough, or alike enough as wholes to need no context.
        assert all(link.confidence >= floor or link.score >= MIN_COSINE for link in paired)
        counts.append(len(paired))
    assert counts[0] > counts[1] > counts[2], counts
