"""benchmarks/hard.py's calibration check: links counted in their confidence band, right only when the
group is exactly a gold group, summed per domain and overall (hand-made groups, no shared data)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import hard  # noqa: E402


def _doc(name: str, domain: str, gold: list) -> hard.Doc:
    return hard.Doc("test", name, domain, [], [], gold)


def test_links_fall_in_their_band_and_only_exact_groups_are_right() -> None:
    gold = [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,))]
    rated = [
        ((0,), (0, 1), 0.95),  # right, top band
        ((1,), (2, 3), 0.9),  # wrong size: top band, not right
        ((2,), (3,), 0.6),  # right, middle band
        ((3,), (), 0.0),  # one-sided: not a link
        ((4,), (5,), 0.1),  # wrong partner, bottom band
    ]
    bands = hard.doc_bands(gold, rated)
    assert bands[">= 0.9"] == hard.Band(2, 1)
    assert bands["0.5-0.9"] == hard.Band(1, 1)
    assert bands["< 0.5"] == hard.Band(1, 0)
    assert str(bands[">= 0.9"]) == "1 of 2 (50.0%)"
    assert str(hard.Band()) == "0 of 0"


def test_the_table_sums_each_domain_and_all() -> None:
    docs = [_doc("1", "fiction", []), _doc("2", "fiction", []), _doc("3", "health", [])]
    top = [hard.Band(4, 3), hard.Band(6, 6), hard.Band(1, 0)]
    bands = [{">= 0.9": b, "0.5-0.9": hard.Band(), "< 0.5": hard.Band(2, 1)} for b in top]
    for d in hard.DOMAINS:
        hard._SIZES[d] = sum(1 for doc in docs if d in ("all", doc.domain))
    text = hard.calibration_table(docs, bands, "in sample")
    row = next(line for line in text.splitlines() if line.startswith("| in sample, confidence >= 0.9 |"))
    cells = [c.strip() for c in row.strip("|").split("|")][1:]
    by = dict(zip(hard.DOMAINS, cells, strict=True))
    assert by["all"] == "9 of 11 (81.8%)"
    assert by["fiction"] == "9 of 10 (90.0%)"
    assert by["health"] == "0 of 1 (0.0%)"
    assert by["bible"] == "0 of 0"
    low = next(line for line in text.splitlines() if line.startswith("| in sample, confidence < 0.5 |"))
    assert "3 of 6 (50.0%)" in low
    # A title with a measured before row gets it under its bands.
    assert "before this round" in hard.calibration_table(docs, bands, "shipped weights, in sample")


def test_the_halves_split_every_hard_domain_and_leave_out_the_learner_texts() -> None:
    a, b = (set(names) for names in hard.HALVES.values())
    assert not a & b
    docs = [_doc(n, "fiction", []) for n in sorted(a | b)] + [_doc("1", "language learner", [])]
    counts = [hard.Counts(1, 2, 3) for _ in docs]
    halves = hard.by_half(docs, counts)
    assert halves["hard half A"] == hard.Counts(len(a), 2 * len(a), 3 * len(a))
    assert halves["hard half B"] == hard.Counts(len(b), 2 * len(b), 3 * len(b))
