"""Sentence vectors for alignment: tf-idf weighted character trigrams and word stems, hashed with signs.

Why this shape:
- Character trigrams survive respelling, inflection and light rewording (Haines/Haynes, Defence/
  Defense, German compounds); word stems (the first five letters) reward shared vocabulary even
  when word order changes. Both are weighted by idf over the two texts, so "the", "und", "de" count
  for little and names and numbers for a lot.
- Features are hashed into D dimensions with a random sign (the "hashing trick"): collisions then
  cancel in expectation instead of inflating every similarity, and dense vectors let the band of
  cross products be computed with a few matrix products instead of one Python call per pair.
- A group of consecutive sentences is the sum of their vectors, so its similarity needs only dot
  products that are already computed (see align.py).
Everything is vectorised over the whole text; no Python loop runs per character or per pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from .rows import SparseRows

DIM = 1024
STEM = 5  # letters of a word kept as its stem
WORD_WEIGHT = 1.6  # a shared stem counts for more than one shared trigram
_PAIR_CHUNK = 2048
# Above this many sentences a side keeps its vectors sparse (rows.py): 4 KB a sentence dense, some 450
# bytes sparse. Below it dense rows are cheap and their slices need no rebuilding.
DENSE_ROWS = 16_384
_NORM_CHUNK = 4096


@dataclass(frozen=True)
class Features:
    """Per side: hashed tf-idf vectors (rows not normalised), their squared norms, lengths, stems."""

    vectors: np.ndarray | SparseRows  # (n, DIM) float32, dense or rebuilt dense on indexing
    norms2: np.ndarray  # (n,) float64, |vector|^2
    lengths: np.ndarray  # (n,) float64, characters
    stem_ids: np.ndarray  # (k,) feature id of each word-stem occurrence, in text order
    stem_sentence: np.ndarray  # (k,) its sentence


@cache  # built on first use, not on import: the command's start-up stays short
def _word_char_table() -> np.ndarray:
    c = np.arange(0x10000, dtype=np.int64)
    ascii_alnum = ((c >= 48) & (c <= 57)) | ((c >= 97) & (c <= 122)) | ((c >= 65) & (c <= 90))
    # Above Latin-1 punctuation nearly everything used in DE/EN/FR text is a letter; carve out the
    # punctuation blocks (typographic quotes and dashes) and the two Latin-1 operators.
    high = (c >= 0xC0) & (c != 0xD7) & (c != 0xF7)
    punct = ((c >= 0x2000) & (c <= 0x2E7F)) | ((c >= 0x3000) & (c <= 0x303F)) | (c == 0xFEFF) | (c >= 0xD800)
    return ascii_alnum | (high & ~punct)


FEATURE_BITS = 20  # feature ids: hashed n-grams; collisions at this size are rare enough to ignore
_M1, _M2, _M3 = np.uint32(0x9E3779B1), np.uint32(0x85EBCA77), np.uint32(0xC2B2AE3D)
_SHIFT = np.uint32(32 - FEATURE_BITS)


# Characters of sentences read at once: the arrays over every character take some 40 bytes each, so a
# block holds ~40 MB whatever the text's size, and a cancel is checked between blocks (~0.05 s apart).
_RAW_BLOCK = 1 << 20


def _raw_features(
    sentences: Sequence[str], check: Callable[[], None] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(feature ids, sentence ids) of character trigrams, then of word stems, in text order. Read a block
    of sentences at a time: no feature crosses a sentence, so the blocks' results joined are the whole's."""
    blocks, start, size = [], 0, 0
    for k, text in enumerate(sentences):
        size += len(text) + 1
        if size >= _RAW_BLOCK:
            blocks.append((start, k + 1))
            start, size = k + 1, 0
    if start < len(sentences) or not blocks:
        blocks.append((start, len(sentences)))
    if len(blocks) == 1:
        return _raw_block(sentences)
    parts = []
    for a, b in blocks:
        tri_ids, tri_sent, stem_ids, stem_sent = _raw_block(sentences[a:b])
        parts.append((tri_ids, tri_sent + a, stem_ids, stem_sent + a))
        if check:
            check()
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))  # type: ignore[return-value]


def _raw_block(sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    if not sentences:
        e32, ei = np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
        return e32, ei, e32, ei
    lowered = [s.lower() for s in sentences]
    joined = "\x00".join(lowered) + "\x00"
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    lens = np.fromiter((len(s) + 1 for s in lowered), dtype=np.int64, count=len(lowered))
    owner = np.repeat(np.arange(len(lowered), dtype=np.int32), lens)
    word = _word_char_table()[np.minimum(codes, 0xFFFF)] | (codes > 0xFFFF)
    # Collapse every run of non-word characters into one space so punctuation and spacing changes
    # do not change the trigrams; the separators go, owner changes mark sentence boundaries.
    keep = word.copy()
    keep[1:] |= word[:-1]
    keep &= codes != 0
    c = np.where(word, codes, np.uint32(32))[keep]
    o = owner[keep]
    with np.errstate(over="ignore"):
        if len(c) >= 3:
            same = o[:-2] == o[2:]
            tri = ((c[:-2] * _M1) ^ (c[1:-1] * _M2) ^ (c[2:] * _M3) ^ (c[1:-1] >> np.uint32(3))) * _M1
            tri_ids, tri_sent = (tri >> _SHIFT)[same], o[:-2][same]
        else:
            tri_ids, tri_sent = np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int32)
        # Word stems: hash of the first STEM letters of each word.
        wchar = c != 32
        start_mask = wchar.copy()
        start_mask[1:] &= ~wchar[:-1] | (o[1:] != o[:-1])
        starts = np.flatnonzero(start_mask)
        h = np.full(len(starts), 0x2545F491, dtype=np.uint32)
        alive = np.ones(len(starts), dtype=bool)
        cpad = np.concatenate((c, np.full(STEM, 32, dtype=np.uint32)))
        opad = np.concatenate((o, np.full(STEM, -1, dtype=np.int32)))
        for k in range(STEM):
            ch = cpad[starts + k]
            alive &= (ch != 32) & (opad[starts + k] == o[starts])
            h = np.where(alive, (h ^ ch) * _M2 + np.uint32(k), h)
        stem_ids = (h * _M3) >> _SHIFT
    return tri_ids, tri_sent, stem_ids, o[starts]


@cache
def _slots() -> tuple[np.ndarray, np.ndarray]:
    """Each feature id's dimension and sign in the hashed vectors."""
    with np.errstate(over="ignore"):
        mixed = np.arange(1 << FEATURE_BITS, dtype=np.uint32) * _M3
    slot = ((mixed >> np.uint32(32 - 10)) % DIM).astype(np.int32)
    sign = np.where(mixed & np.uint32(1 << 12), 1.0, -1.0).astype(np.float32)
    return slot, sign


_ADD_CHUNK = 1 << 20  # occurrences per unbuffered add, to bound the index temporaries


def _add_rows(out: np.ndarray, fid: np.ndarray, sent: np.ndarray, weight: np.ndarray) -> None:
    """Add each occurrence's signed weight into its sentence's row at its feature's slot, straight
    into float32 rows: no sort and no float64 (n, DIM) temporary."""
    flat_out = out.reshape(-1)
    for a in range(0, len(fid), _ADD_CHUNK):
        f = fid[a : a + _ADD_CHUNK]
        flat = sent[a : a + _ADD_CHUNK].astype(np.int64)
        flat *= DIM
        flat += _slots()[0][f]
        np.add.at(flat_out, flat, weight[a : a + _ADD_CHUNK])


def featurize(
    left: Sequence[str], right: Sequence[str], check: Callable[[], None] | None = None
) -> tuple[Features, Features]:
    """Vectors for both sides; idf is shared so that the same word weighs the same on each side.

    idf counts occurrences rather than sentences (no sort needed), and tf is the raw count. `check`
    (cancellation) runs between the sides: each takes ~0.15 s on a book.
    """
    n, m = len(left), len(right)
    lt, ls, lw, lws = _raw_features(left, check)
    if check:
        check()
    rt, rs, rw, rws = _raw_features(right, check)
    if check:
        check()
    stem_tag = np.uint32(1 << (FEATURE_BITS - 1))
    lw, rw = lw ^ stem_tag, rw ^ stem_tag  # keep stems and trigrams apart (a stray collision is harmless)
    counts = np.bincount(np.concatenate((lt, rt, lw, rw)), minlength=1 << FEATURE_BITS).astype(np.float32)
    total = np.float32(n + m)
    sides = []
    for tri, tsent, stem, ssent, texts in ((lt, ls, lw, lws, left), (rt, rs, rw, rws, right)):
        parts = []
        for ids, sent, factor in ((tri, tsent, 1.0), (stem, ssent, WORD_WEIGHT)):
            weight = np.log1p(total / counts[ids])
            weight *= _slots()[1][ids]
            weight *= np.float32(factor)
            parts.append((ids, sent, weight))
        vecs: np.ndarray | SparseRows
        if len(texts) > DENSE_ROWS:
            vecs = SparseRows.build(len(texts), DIM, [(sent, _slots()[0][ids], w) for ids, sent, w in parts])
            norms2 = np.concatenate(
                [_squared_norms(vecs[a : a + _NORM_CHUNK]) for a in range(0, len(texts), _NORM_CHUNK)]
            )
        else:
            vecs = np.zeros((len(texts), DIM), dtype=np.float32)
            for ids, sent, weight in parts:
                _add_rows(vecs, ids, sent, weight)
            norms2 = _squared_norms(vecs)
        lengths = np.fromiter((len(s) for s in texts), dtype=np.float64, count=len(texts))
        sides.append(Features(vecs, norms2, lengths, stem, ssent))
    return sides[0], sides[1]


def _squared_norms(vecs: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", vecs, vecs).astype(np.float64)  # float32 sums: 3x faster


def dense(f: Features, lo: int, hi: int) -> Features:
    """Sentences lo..hi-1 of a side as a side of their own, with dense vectors (stems renumbered)."""
    keep = (f.stem_sentence >= lo) & (f.stem_sentence < hi)
    vecs = f.vectors[lo:hi]
    return Features(vecs, f.norms2[lo:hi], f.lengths[lo:hi], f.stem_ids[keep], f.stem_sentence[keep] - lo)


def pair_cosines(left: Features, right: Features, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Cosines of the sentence pairs (p[k], q[k]), a chunk at a time: gathering every pair's rows
    at once would copy 8 KB a pair."""
    out = np.empty(len(p))
    for a in range(0, len(p), _PAIR_CHUNK):
        b = a + _PAIR_CHUNK
        out[a:b] = np.einsum("ij,ij->i", left.vectors[p[a:b]], right.vectors[q[a:b]])
    return out / np.sqrt(np.maximum(left.norms2[p] * right.norms2[q], 1e-12))


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    d = float(np.dot(a, b))
    na, nb = float(np.dot(a, a)), float(np.dot(b, b))
    return d / np.sqrt(na * nb) if na > 0 and nb > 0 else 0.0
