"""Stage 4, word diff: the two texts of an aligned group in, diff-match-patch style Segments out.

In: two strings (a group's left and right text). Out: a tuple of `model.Segment` (EQUAL, DELETE,
INSERT) with whole words only: EQUAL+DELETE rebuild the left text, EQUAL+INSERT the right.

- diff: word_diff, the stage's entry point, and the first cut into runs
- tokens: words with their whitespace, and the keys they are compared by
- matching: which words match (diff-match-patch over word keys, patience anchors, LCS check)
- runs: the Run record the passes hand each other
- readable: splitting names and numbers out of rewordings, fusing confetti into one change
- emit: runs back to Segments
"""

from .diff import word_diff
from .tokens import tokenize

__all__ = ["tokenize", "word_diff"]
