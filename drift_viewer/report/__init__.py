"""The self-contained HTML report: one file that opens offline and carries the whole comparison.

    render_report(comparison) -> str     the page
    write_report(comparison, path)       the page, written atomically

Templates, CSS and script live in resources/report/; see `markup` for how document text is escaped
and which characters are shown by a stand-in.
"""

from __future__ import annotations

from .markup import visible_text
from .render import render_report, write_report

__all__ = ["render_report", "write_report", "visible_text"]
