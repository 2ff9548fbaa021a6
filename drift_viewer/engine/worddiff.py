"""Word-level diff of two texts with diff-match-patch.

diff-match-patch diffs characters; fed words it would show "Ha[y->i]nes". So each token (a word, a run of
whitespace, or one punctuation mark) is mapped to one private character, diffed, and mapped back, the
same trick as its own diff_linesToChars. Diff_Timeout is 0: with a time-out, results would depend on
machine load.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .model import Op, Segment

# Words keep inner apostrophes, hyphens, dots and commas together ("don't", "U.S", "3.5", "1,000"), so a
# respelling replaces one token, not three.
_TOKEN = re.compile(r"\w+(?:[.,'’\-]\w+)*|\s+|[^\w\s]")


def tokenize(text: str) -> list[str]:
    """Split into tokens whose concatenation is exactly `text`."""
    tokens = _TOKEN.findall(text)
    # The pattern covers every character; this guards the exact-rebuild promise if it ever does not.
    if sum(map(len, tokens)) != len(text):
        raise AssertionError("tokenizer lost characters")
    return tokens


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


def word_diff(left: str, right: str) -> tuple[Segment, ...]:
    """Diff two texts word by word; EQUAL+DELETE rebuild `left`, EQUAL+INSERT rebuild `right`."""
    if left == right:
        return (Segment(Op.EQUAL, left),) if left else ()
    table: dict[str, str] = {}
    vocab: list[str] = []

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            char = table.get(token)
            if char is None:
                # Private-use and beyond: any code point works, dmp only compares them.
                char = chr(0xF0000 + len(vocab)) if len(vocab) < 0xFFFD else chr(0x100000 + len(vocab) - 0xFFFD)
                table[token] = char
                vocab.append(token)
            chars.append(char)
        return "".join(chars)

    def decode(chars: str) -> str:
        return "".join(vocab[(ord(c) - 0xF0000) if ord(c) < 0x100000 else ord(c) - 0x100000 + 0xFFFD] for c in chars)

    a, b = encode(tokenize(left)), encode(tokenize(right))
    # No semantic clean-up: on word tokens it would fuse "Haines alluded" into one run and hide the
    # name change inside a rewording.
    diffs = _DMP.diff_main(a, b, False)
    return _merge(Segment(Op(op), decode(chars)) for op, chars in diffs if chars)


def _merge(segments) -> tuple[Segment, ...]:
    """Join neighbours with the same op and put DELETE before INSERT inside each changed run."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].op is seg.op:
            out[-1] = Segment(seg.op, out[-1].text + seg.text)
        else:
            out.append(seg)
    # dmp may emit INSERT, DELETE; a stable order makes changes easy to read.
    i = 0
    while i < len(out) - 1:
        if out[i].op is Op.INSERT and out[i + 1].op is Op.DELETE:
            out[i], out[i + 1] = out[i + 1], out[i]
            i = max(i - 1, 0)
        else:
            i += 1
    return tuple(out)
