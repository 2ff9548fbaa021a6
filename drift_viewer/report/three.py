"""The report of three versions (`drift-viewer report A B C`): the two-version page (report.html.j2) on
the A–C comparison, the round trip's drift word by word, with B's sentences beneath each row, the three
files in the header, and the fact section across all three (three_facts.py).

Rows are the A–C comparison's groups, numbered as the window numbers them, so a mark made in the window
names the same row here; the ranked lists, the review column and the page's script are the pair's. A
row of B alone (a sentence the middle version added and the third dropped) has no A–C group: its text
is shown in the B part of the row before it, labelled as such.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from markupsafe import Markup

from .._version import __version__
from ..atomic import write_atomic
from ..engine.model import Comparison, GroupKind
from ..engine.triple import TripleSummary
from ..styles import GROUP_LABELS
from . import page
from .markup import text_html
from .paging import PAGE_ROWS, pages
from .three_facts import three_fact_values

if TYPE_CHECKING:
    from ..review.marks import Marks


@dataclass(frozen=True)
class ThreeRow(page.Row):
    middle: Markup = Markup("")  # B's sentences of the row, and any row of B alone shown with it


def _middle(summary: TripleSummary) -> list[Markup]:
    b = summary.b
    out = [[text_html(b.group_text(ix))] if ix else [] for ix in summary.b_of]
    for group, ix in summary.b_alone:
        if 0 <= group < len(out):
            out[group].append(f'<span class="bo">only in B:</span> {text_html(b.group_text(ix))}')
    return [Markup("<br>".join(parts)) for parts in out]


def three_values(
    ac: Comparison,
    summary: TripleSummary,
    version: str,
    generated: datetime | None = None,
    title: str | None = None,
    marks: Marks | None = None,
) -> dict:
    kinds = page.kind_counts(ac)
    middle = _middle(summary)
    rows: list[page.Row] = [ThreeRow(**vars(page._row(ac, i, g)), middle=middle[i]) for i, g in enumerate(ac.groups)]
    review = None
    if marks is not None:
        from .review import review_values

        review = review_values(ac, marks)
        rows = [replace(row, review=review.cells.get(i, Markup(""))) for i, row in enumerate(rows)]
    a, b, c = ac.left.document, summary.b.document, ac.right.document
    header = page.header_values(ac, version, generated, title)
    warnings = header["load_warnings"] + [page.shown(f"{b.name}: {w}") for w in b.warnings]
    warnings += [page.shown(n) for n in summary.notes if n not in ac.notes]
    group_counts = ac.group_counts()
    languages = (ac.left.language, summary.b.language, ac.right.language)
    return {
        **header,
        "docs": [
            page._doc("A", a, len(ac.left.sentences)),
            page._doc("B (middle)", b, len(summary.b.sentences)),
            page._doc("C", c, len(ac.right.sentences)),
        ],
        "load_warnings": warnings,
        "translation": "",
        "three": {
            "names": [Markup(text_html(page.shown(d.name))) for d in (a, b, c)],
            "pairs": [
                ("A–B", summary.modes[0], languages[0], languages[1], f"{summary.similarity[0]:.1%}"),
                ("B–C", summary.modes[1], languages[1], languages[2], f"{summary.similarity[1]:.1%}"),
                ("A against C", ac.mode, languages[0], languages[2], f"{ac.similarity:.1%}"),
            ],
            "b_alone": [(group + 1, len(ix)) for group, ix in summary.b_alone],
        },
        "review": review,
        "manual": any(g.manual for g in ac.groups),
        "similarity": f"{ac.similarity:.1%}",
        "identical": ac.identical,  # the two ends; B's sentences of its own are said beside it
        "groups": [(page.ROW_CLASSES[k], GROUP_LABELS[k], group_counts.get(k, 0)) for k in GroupKind],
        "kinds": kinds,
        "total_changes": sum(k.count for k in kinds),
        "ranked": page.ranked(ac, kinds),
        "n_rows": len(rows),
        "pages": [(p, page.row_index(p)) for p in pages(rows, PAGE_ROWS)],
        **three_fact_values(summary),
    }


def render_three_report(
    ac: Comparison,
    summary: TripleSummary,
    *,
    generated: datetime | None = None,
    title: str | None = None,
    marks: Marks | None = None,
) -> str:
    """The page for three versions: `ac` the A–C comparison, `summary` what B adds (engine.triple.summarize)."""
    from .render import _assets, _env

    css, js, csp = _assets()
    values = three_values(ac, summary, __version__, generated, title, marks)
    return _env().get_template("report.html.j2").render(css=Markup(css), js=Markup(js), csp=csp, **values)


def write_three_report(
    ac: Comparison,
    summary: TripleSummary,
    path: str | os.PathLike[str],
    *,
    generated: datetime | None = None,
    title: str | None = None,
    marks: Marks | None = None,
) -> None:
    write_atomic(path, render_three_report(ac, summary, generated=generated, title=title, marks=marks))
