"""Which sources a copy may have come from: MinHash sketches of word pairs, LSH Ensemble indexes.

Containment, not resemblance: a copy that is the first half of its source shares half of the source's
word pairs but nearly all of its own; a copy inside a longer page shares nearly all of the source's. So
there are two indexes (datasketch's MinHashLSHEnsemble answers "which indexed sets contain most of this
query"): sources queried with each copy (the copy is inside the source) and copies queried with each
source (the source is inside the copy). Each query costs about the number of keys in the LSH buckets
it hits, not the number of documents, which keeps candidate finding sub-quadratic (measured in
benchmarks/batch_bench.py at 250 / 500 / 1,000 documents).

Word pairs held by many sources ("of the", "und die") are dropped first, as passim drops frequent
n-grams: a pair held by k sources says little about which one a copy came from, and would make k
candidates for every copy that holds it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSHEnsemble

NUM_PERM = 64
# The share of one side's word pairs the other must hold for a pair to be a candidate. Low on purpose: a
# translation or a heavy rewording keeps few of its source's word pairs (Tyndale's 1526 spelling against
# Haweis: 0.12 of them on some passages); the full comparison decides among the few candidates.
CONTAINMENT = 0.1
BEST_FEW = 3  # full comparisons per copy, at most


@dataclass(frozen=True)
class Candidate:
    source: str
    score: float  # estimated containment, the larger of copy-in-source and source-in-copy


def _identity(value: int) -> int:
    return int(value)


def frequent_cap(n_sources: int) -> int:
    """Word pairs held by more sources than this are dropped: √n keeps the candidates any one word pair
    can give a copy below √n, and never fewer than 16 sources, so a phrase a few texts quote stays."""
    return max(16, math.isqrt(n_sources))


def drop_frequent(sources: list[np.ndarray], others: list[np.ndarray], cap: int) -> list[np.ndarray]:
    """Every set (sources, then others) without the hashes more than `cap` sources hold. Counted over the
    sources only: sixty copies of one wire story share its word pairs, which is what finds their source."""
    if not sources:
        return [*sources, *others]
    values, counts = np.unique(np.concatenate(sources), return_counts=True)
    frequent = values[counts > cap]
    kept = []
    for hashes in (*sources, *others):
        rare = hashes[~np.isin(hashes, frequent)]
        # A text of only common phrases keeps them all: better a weak candidate than none.
        kept.append(rare if rare.size else hashes)
    return kept


def sketch(hashes: np.ndarray) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
    m.update_batch(hashes.tolist())
    return m


def _ensemble(sketches: Mapping[str, tuple[MinHash, int]]) -> MinHashLSHEnsemble | None:
    entries = [(key, m, size) for key, (m, size) in sketches.items() if size > 0]
    if not entries:
        return None
    index = MinHashLSHEnsemble(threshold=CONTAINMENT, num_perm=NUM_PERM, num_part=4, m=4)
    index.index(entries)
    return index


def _containment(a: tuple[MinHash, int], b: tuple[MinHash, int]) -> float:
    """max(|A∩B|/|A|, |A∩B|/|B|) from the sketches: |A∩B| = J (|A| + |B|) / (1 + J)."""
    (ma, na), (mb, nb) = a, b
    j = ma.jaccard(mb)
    shared = j * (na + nb) / (1 + j)
    return min(1.0, shared / max(1, min(na, nb)))


def find_candidates(sources: Mapping[str, np.ndarray], copies: Mapping[str, np.ndarray]) -> dict[str, list[Candidate]]:
    """For every copy, its best few sources by estimated containment (best first; [] for none)."""
    kept = drop_frequent(list(sources.values()), list(copies.values()), frequent_cap(len(sources)))
    sketches = [(sketch(hashes), int(hashes.size)) for hashes in kept]
    src = dict(zip(sources, sketches[: len(sources)], strict=True))
    cop = dict(zip(copies, sketches[len(sources) :], strict=True))
    pairs: dict[str, set[str]] = {key: set() for key in copies}
    by_source = _ensemble(src)
    if by_source is not None:
        for key, (m, size) in cop.items():
            if size:
                pairs[key].update(by_source.query(m, size))
    by_copy = _ensemble(cop)
    if by_copy is not None:
        for key, (m, size) in src.items():
            if size:
                for copy in by_copy.query(m, size):
                    pairs[copy].add(key)
    found = {}
    for copy, keys in pairs.items():
        scored = sorted(
            (Candidate(s, _containment(cop[copy], src[s])) for s in keys), key=lambda c: (-c.score, c.source)
        )
        scored = [c for c in scored if c.score >= CONTAINMENT]
        # A candidate holding under half the word pairs the best one holds is not worth a full comparison.
        found[copy] = [c for c in scored[:BEST_FEW] if c.score >= scored[0].score / 2]
    return found
