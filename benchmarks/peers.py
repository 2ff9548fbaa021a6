"""Peer aligners behind one signature, `align_fn(left, right) -> [(left_indices, right_indices), ...]`, the
one benchmarks/quality.py scores, so every aligner is measured on the same sentences the same way.

- galechurch: Gale & Church (1993), sentence lengths only (Rust core from the `galechurch` package).
- sentalign: Vecalign's dynamic programme (Thompson & Koehn 2019, `sentalign` package) over the vectors
  made here: hashed character 3- and 4-grams, because the benchmark must not download an embedding model.
- difflib: the standard library's SequenceMatcher over whole sentences, the way a line diff lines texts up.
- drift-viewer: ours, through the engine's public `align_sentences`.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Sequence

import numpy as np

Groups = list[tuple[tuple[int, ...], tuple[int, ...]]]
AlignFn = Callable[[list[str], list[str]], Groups]


def drift_viewer_align(left: list[str], right: list[str]) -> Groups:
    from drift_viewer.engine.pipeline import align_sentences

    return [(tuple(a), tuple(b)) for a, b in align_sentences(left, right)]


# --- galechurch -------------------------------------------------------------------------------------


# This port scores a bead whose length mismatch underflows the normal tail as infinite (the C original
# caps it at 2500), and one such sentence leaves it with no alignment at all: Mark in the Twentieth
# Century NT has a 1,600-character sentence. Then it runs again on lengths capped at 200 characters,
# where every sentence keeps a finite bead whatever faces it (near 250 that fails); both runs count in
# its time.
GALECHURCH_MAX_LENGTH = 200


def galechurch_align(left: list[str], right: list[str]) -> Groups:
    import galechurch

    if not left or not right:
        return _one_sided(left, right)

    def lengths(sentences: list[str], cap: int) -> list[str]:
        # Gale-Church reads nothing but each sentence's length without spaces (galechurch's char_length),
        # so a run of "x" that long is the same input.
        return ["x" * min(len(s.replace(" ", "")), cap) for s in sentences]

    # The default cap (50M DP cells) refuses the New Testament as one block; the DP itself copes.
    cells = max((len(left) + 1) * (len(right) + 1), 50_000_000)
    block = galechurch.align(left, right, max_block_size=cells)
    if not block.beads:
        cap = GALECHURCH_MAX_LENGTH
        block = galechurch.align(lengths(left, cap), lengths(right, cap), max_block_size=cells)
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end))) for b in block.beads
    ]


# --- sentalign (Vecalign) ---------------------------------------------------------------------------

HASH_DIM = 512
_NGRAMS = (3, 4)


def hashed_ngram_vectors(texts: Sequence[str], dim: int = HASH_DIM) -> np.ndarray:
    """Bag of hashed character n-grams per text, L2-normalised, shape (len(texts), dim).

    Vectorised over the whole batch (Vecalign encodes every overlap of up to 8 sentences, so tens of
    thousands of strings for the New Testament); the hash is arithmetic on code points, so runs are
    reproducible whatever PYTHONHASHSEED is."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not texts:
        return out
    # One code-point array for the batch; a 0 before each text keeps n-grams from spanning two texts.
    padded = ["\0 " + " ".join(t.lower().split()) + " " for t in texts]
    joined = "".join(padded)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    for n in _NGRAMS:
        if len(codes) < n:
            continue
        h = np.zeros(len(codes) - n + 1, dtype=np.int64)
        for k in range(n):
            h = (h * 1_000_003 + codes[k : len(codes) - n + 1 + k]) % 2_147_483_647
        valid = np.ones(len(h), dtype=bool)
        for k in range(n):
            valid &= codes[k : len(codes) - n + 1 + k] != 0
        idx = rows[: len(h)][valid] * dim + (h[valid] * 2_654_435_761 % 4_294_967_296) % dim
        out += np.bincount(idx, minlength=len(texts) * dim).reshape(len(texts), dim).astype(np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def sentalign_align(left: list[str], right: list[str]) -> Groups:
    from sentalign import sentalign

    if not left or not right:
        return _one_sided(left, right)
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        # sentalign's sparse-cost step warns of an invalid cast on nearly every document; noise here.
        warnings.simplefilter("ignore", RuntimeWarning)
        result = sentalign(left, right, hashed_ngram_vectors)
    return [(tuple(a.src_indices), tuple(a.tgt_indices)) for a in result.alignments]


# --- difflib ----------------------------------------------------------------------------------------


def difflib_align(left: list[str], right: list[str]) -> Groups:
    """Equal runs pair 1-1; a replaced run pairs its rows 1-1 in order, leftovers one-sided, as a
    side-by-side line diff shows it (one n-m group per replaced run would turn a whole translation
    into a single group)."""
    groups: Groups = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        groups.extend(((i1 + k,), (j1 + k,)) for k in range(paired))
        groups.extend(((i,), ()) for i in range(i1 + paired, i2))
        groups.extend(((), (j,)) for j in range(j1 + paired, j2))
    return groups


def _one_sided(left: Sequence[str], right: Sequence[str]) -> Groups:
    return [((i,), ()) for i in range(len(left))] + [((), (j,)) for j in range(len(right))]


PEERS: dict[str, AlignFn] = {
    "galechurch": galechurch_align,
    "sentalign": sentalign_align,
    "difflib": difflib_align,
}
ALIGNERS: dict[str, AlignFn] = {"drift-viewer": drift_viewer_align, **PEERS}
