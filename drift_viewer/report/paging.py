"""How the report splits a book into pages so that it opens quickly and still reads without JavaScript.

Rows come in pages of PAGE_ROWS. The first page is plain markup; every later page's rows sit inside a
<noscript> element. A browser without JavaScript parses that as markup and shows every row; a browser
with JavaScript keeps it as one text node, which costs almost nothing to parse, and report.js turns a
page into rows when it comes near the view, when navigation needs it, or in idle time. On the New
Testament pair this is what takes the load from seconds to a fraction of one (benchmarks/report_bench.py).

Each page carries its rows' classes (`data-r`: "ch rw dl;eq;..."), so the script can filter, count and
step between changes without turning pages into rows first.

The "changes that matter" lists are complete: each kind shows its first LIST_FIRST entries, and the rest
follow in folds of LIST_FOLD, closed and kept in <noscript> the same way until opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

PAGE_ROWS = 100
LIST_FIRST = 100
LIST_FOLD = 1000

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    first: int  # 1-based number of the first item
    items: Sequence[T]

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1


def pages(items: Sequence[T], size: int, first_size: int | None = None) -> list[Page[T]]:
    """`items` cut into pages of `size` (the first one of `first_size`); no empty page."""
    head = size if first_size is None else first_size
    out = [Page(1, items[:head])] if items else []
    for start in range(head, len(items), size):
        out.append(Page(start + 1, items[start : start + size]))
    return out
