"""Which words of two texts match: diff-match-patch's diff over word keys, given less to do.

diff-match-patch is the diff engine (the product fixes it), but its bisect costs O(N·D) in pure Python,
and reworded groups have a large D. Two cuts keep its answer a longest common subsequence:
- Words found on one side only can never match, so it only sees the words both sides share: a longest
  common subsequence of those is one of the whole texts, over shorter strings with a far smaller D.
- Patience anchors: words found exactly once on each side, in their longest chain that keeps order on
  both sides, are matched first and diff-match-patch runs on the gaps between them. Anchored diffs read
  better (a rare word lines up with its twin), but anchors may cost a few matches; when they do (a
  rapidfuzz LCS count says so), the group is diffed whole instead, so the result is always minimal.

Opcodes are difflib's shape: (tag, i1, i2, j1, j2), tag "equal", "delete" or "insert", covering both key
lists in order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import compress, islice, repeat
from operator import is_not, lt

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

try:  # the C++ implementation of the same algorithm: the same diffs, 4x faster
    from fast_diff_match_patch import diff as _fast_diff
except ImportError:  # pragma: no cover - a platform without its wheel
    _fast_diff = None

Opcode = tuple[str, int, int, int, int]

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # a time-out would make the diff depend on how busy the machine is
_BASE = 0xF0000  # supplementary private use: never a character of a real word key
_PRIVATE_USE = 0x10FFFF - _BASE


def opcodes(ka: list[str], kb: list[str]) -> list[Opcode]:
    """Equal runs of a longest common subsequence of `ka` and `kb`, with the runs between them."""
    n, m = len(ka), len(kb)
    if ka == kb:
        return [("equal", 0, n, 0, m)] if n else []
    shared = set(ka).intersection(kb)
    if not shared or len(shared) > _PRIVATE_USE:
        # Past the private-use code points no group is readable word by word anyway: one change.
        return [op for op in (("delete", 0, n, 0, 0), ("insert", n, n, 0, m)) if op[2] > op[1] or op[4] > op[3]]
    # Any code assignment gives the same diff: diff-match-patch only compares characters for equality.
    codes = dict(zip(shared, map(chr, range(_BASE, _BASE + len(shared))), strict=True))
    # Each key's code, None for a key one side only has; the lookups, the joins and the positions of
    # the shared keys run in C.
    ca, cb = list(map(codes.get, ka)), list(map(codes.get, kb))
    ia = list(compress(range(n), map(is_not, ca, repeat(None))))
    ib = list(compress(range(m), map(is_not, cb, repeat(None))))
    a = "".join(filter(None, ca))  # type: ignore[arg-type]  # the Nones are filtered out
    b = "".join(filter(None, cb))  # type: ignore[arg-type]
    ps: list[int] = []
    qs: list[int] = []
    # Where several longest common subsequences tie, diff-match-patch's pick depends on which text comes
    # first. Diffing in one fixed order (by the key lists, not the codes, which follow set order) makes
    # B against A the mirror of A against B.
    if ka <= kb:
        _anchored(a, b, ps, qs)
    else:
        _anchored(b, a, qs, ps)
    return _runs([ia[p] for p in ps], [ib[q] for q in qs], n, m)


def _runs(xs: list[int], ys: list[int], n: int, m: int) -> list[Opcode]:
    """Opcodes from matched positions (increasing on both sides)."""
    out: list[Opcode] = []
    i = j = k = 0
    count = len(xs)
    while k < count:
        x, y = xs[k], ys[k]
        if x > i:
            out.append(("delete", i, x, j, j))
        if y > j:
            out.append(("insert", x, x, j, y))
        e = k + 1
        while e < count and xs[e] == x + e - k and ys[e] == y + e - k:
            e += 1
        i, j = x + e - k, y + e - k
        out.append(("equal", x, i, y, j))
        k = e
    if i < n:
        out.append(("delete", i, n, j, j))
    if j < m:
        out.append(("insert", n, n, j, m))
    return out


def _anchored(a: str, b: str, ps: list[int], qs: list[int]) -> None:
    """Append to `ps`, `qs` the positions diff-match-patch matches in `a`, `b`, diffing between patience
    anchors when that stays minimal."""
    count_a, count_b = Counter(a), Counter(b)
    unique = [c for c, k in count_a.items() if k == 1 and count_b[c] == 1]
    if not unique:
        _matched(a, b, 0, 0, ps, qs)
        return
    chain = _increasing(sorted([(a.index(c), b.index(c)) for c in unique]))
    start = len(ps)
    pi = pj = 0
    for i, j in (*chain, (len(a), len(b))):
        if i > pi and j > pj:
            _matched(a[pi:i], b[pj:j], pi, pj, ps, qs)
        ps.append(i)
        qs.append(j)
        pi, pj = i + 1, j + 1
    del ps[-1], qs[-1]  # the end sentinel
    if 2 * (len(ps) - start) < Indel.similarity(a, b):
        del ps[start:], qs[start:]
        _matched(a, b, 0, 0, ps, qs)


def _matched(a: str, b: str, p: int, q: int, ps: list[int], qs: list[int]) -> None:
    """Append the positions (offset by `p`, `q`) that diff-match-patch's diff of `a` and `b` keeps equal."""
    if a == b or (len(a) == 1 == len(b)) or set(a).isdisjoint(b):
        # Nothing for diff-match-patch to choose.
        if a == b:
            ps.extend(range(p, p + len(a)))
            qs.extend(range(q, q + len(b)))
        return
    for op, size in _diff(a, b):
        if op == 0:
            ps.extend(range(p, p + size))
            qs.extend(range(q, q + size))
            p += size
            q += size
        elif op < 0:
            p += size
        else:
            q += size


_OPS = {"=": 0, "-": -1, "+": 1}


def _diff(a: str, b: str) -> list[tuple[int, int]]:
    """diff-match-patch's diff of `a` and `b` as (op, length): 0 equal, -1 deleted, 1 inserted."""
    if _fast_diff is not None:
        return [(_OPS[op], size) for op, size in _fast_diff(a, b, timelimit=0, checklines=False, cleanup="No")]
    return python_diff(a, b)


def python_diff(a: str, b: str) -> list[tuple[int, int]]:
    """The pure-Python diff-match-patch, the one used where the C++ one is not installed."""
    return [(op, len(text)) for op, text in _DMP.diff_main(a, b, False)]


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of `pairs` (sorted by first member, first members distinct) rising in the second."""
    seconds = [j for _, j in pairs]
    if all(map(lt, seconds, islice(seconds, 1, None))):
        # Rising throughout: all of them are the one longest chain. Two texts in the same order, as ~70 %
        # of a book's groups are, need no search.
        return list(pairs)
    tails: list[int] = []  # tails[k]: the smallest second member ending a chain of k + 1 pairs
    ends: list[int] = []  # index in pairs of that chain's last pair
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        back.append(ends[k - 1] if k else -1)
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k] = j
            ends[k] = n
    chain = []
    n = ends[-1]
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    chain.reverse()
    return chain
