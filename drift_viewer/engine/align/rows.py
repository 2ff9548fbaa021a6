"""Sentence vectors kept sparse: a long text's dense (n, DIM) float32 rows cost 4 KB a sentence, most of
them zeros (a sentence has some 60 trigrams and stems against 1,024 slots).

`SparseRows` keeps each sentence's (slot, signed weight) entries in the order the dense vectors add them
up, and gives dense rows back on demand by adding them up in that same order, so a row rebuilt here is
bit for bit the row the dense path computes: sparse and dense text align the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SparseRows:
    indptr: np.ndarray  # (n + 1,) int64: row r's entries are indptr[r]:indptr[r + 1]
    slots: np.ndarray  # int16 column of each entry
    weights: np.ndarray  # float32
    dim: int

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.indptr) - 1, self.dim)

    def __len__(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def build(cls, n: int, dim: int, parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> SparseRows:
        """`parts`: (sentence, slot, weight) arrays, added up in this order (a stable sort keeps it)."""
        sent = np.concatenate([p[0] for p in parts]).astype(np.int64)
        order = np.argsort(sent, kind="stable")
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(sent, minlength=n), out=indptr[1:])
        slots = np.concatenate([p[1] for p in parts]).astype(np.int16)[order]
        weights = np.concatenate([p[2] for p in parts]).astype(np.float32)[order]
        return cls(indptr, slots, weights, dim)

    def __getitem__(self, key: slice | np.ndarray) -> np.ndarray:
        """Dense float32 rows: a slice or an array of row numbers."""
        rows = np.arange(len(self))[key] if isinstance(key, slice) else np.asarray(key, dtype=np.int64)
        out = np.zeros((len(rows), self.dim), dtype=np.float32)
        if not len(rows):
            return out
        first, counts = self.indptr[rows], self.indptr[rows + 1] - self.indptr[rows]
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
        pos = np.arange(len(owner), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        pos += np.repeat(first, counts)
        owner *= self.dim
        owner += self.slots[pos]
        np.add.at(out.reshape(-1), owner, self.weights[pos])
        return out
