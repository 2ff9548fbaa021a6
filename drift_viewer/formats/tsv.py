"""A bitext as tab-separated lines: left TAB right, one line per group (formats/bitext.py says which
pairs and how a segment is made one line), no header, UTF-8, "\\n" line ends. A one-sided group has an
empty cell. What aligners (Vecalign, Bleualign, hunalign) and Moses-style tools read: split its columns
and align them again with --presegmented to get the same groups back. Three versions (A against C, B
the middle one) give three columns: A, B, C."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.model import Comparison
from .bitext import pairs, rows_three

if TYPE_CHECKING:
    from ..engine.triple import TripleSummary


def to_tsv(comparison: Comparison, three: TripleSummary | None = None) -> str:
    """With `three` (three versions, `comparison` being A against C): A TAB B TAB C, one line per row, a
    sentence of B alone on a line of its own after the row it is shown with."""
    if three is not None:
        return "".join(f"{r.a}\t{r.b}\t{r.c}\n" for r in rows_three(comparison, three))
    return "".join(f"{p.left}\t{p.right}\n" for p in pairs(comparison))
