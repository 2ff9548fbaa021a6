"""Words a translation keeps as they are: numbers, names, codes, some loanwords. They anchor the
cross-lingual alignment where the encoder hesitates (a list of years and heights, a bibliography).

Anchor words are those both documents use (case folded; digits with their separators dropped, so
"5,642", "5642" and "5 642" are one anchor), leaving out short words, which are function words
of one language and another ("die", "la", "in"), and words in many sentences. Each sentence gets a
0/1 vector of its anchors, hashed into `DIM` slots; a group's is the sum of its sentences', and two
groups' agreement is the Dice overlap of their anchors.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

DIM = 256
MIN_LETTERS = 4  # shorter words are function words in some language
MAX_SHARE = 0.02  # an anchor in more of a side's sentences than this is a common word there
_TOKEN = re.compile(r"\d+(?:[.,' \u00a0\u202f]\d+)*|[^\W\d_]+")
_SEPARATORS = re.compile(r"[.,' \u00a0\u202f]")


def _tokens(text: str) -> set[str]:
    out = set()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            out.add(_SEPARATORS.sub("", token))
        elif len(token) >= MIN_LETTERS:
            out.add(token.casefold())
    return out


def anchor_vectors(left: Sequence[str], right: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(n, DIM) and (m, DIM) float32 0/1 vectors of each sentence's anchors."""
    lt, rt = [_tokens(t) for t in left], [_tokens(t) for t in right]
    ldf, rdf = Counter(w for s in lt for w in s), Counter(w for s in rt for w in s)
    limit_l, limit_r = max(2, MAX_SHARE * len(lt)), max(2, MAX_SHARE * len(rt))
    shared = {w for w in ldf.keys() & rdf.keys() if ldf[w] <= limit_l and rdf[w] <= limit_r}
    slot = {w: zlib.crc32(w.encode("utf-8")) % DIM for w in shared}
    return _vectors(lt, slot), _vectors(rt, slot)


def _vectors(tokens: list[set[str]], slot: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(tokens), DIM), dtype=np.float32)
    for i, words in enumerate(tokens):
        for w in words:
            k = slot.get(w)
            if k is not None:
                out[i, k] = 1.0
    return out
