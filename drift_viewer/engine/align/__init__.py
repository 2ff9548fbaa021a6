"""Stage 3, align: two lists of sentence texts in, groups of sentences out.

In: the sentence texts of each side (and their paragraph numbers). Out: `links.Link` groups in document
order, each a run of left sentences facing a run of right sentences with a score; one-sided groups
included, and a one-sided sentence found on the other side too carries its `partner`.

- vectors: hashed tf-idf vectors of character trigrams and word stems, and their cosines
- band: which (left, right) cells the search visits: anchors of rare shared stems, and a band around them
- search: the dynamic programme over group shapes (1-1, 1-n, n-1, 2-2, ...) inside the band
- moves: one-sided sentences on both sides that are the same sentence moved
- short: short one-sided sentences facing each other between aligned neighbours, paired by place
- confidence, rating: a calibrated probability per link, and the floor under which links are undone
- reorder: leftover one-sided sentences linked to their mutual best partners anywhere, as moves
- links: the Link record
"""

from .confidence import FLOOR
from .links import Link
from .search import align

__all__ = ["FLOOR", "Link", "align"]
