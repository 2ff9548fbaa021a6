"""A bitext as tab-separated lines: left TAB right, one line per group (formats/bitext.py says which
pairs and how a segment is made one line), no header, UTF-8, "\\n" line ends. A one-sided group has an
empty cell. What aligners (Vecalign, Bleualign, hunalign) and Moses-style tools read: split its columns
and align them again with --presegmented to get the same groups back."""

from __future__ import annotations

from ..engine.model import Comparison
from .bitext import pairs


def to_tsv(comparison: Comparison) -> str:
    return "".join(f"{p.left}\t{p.right}\n" for p in pairs(comparison))
