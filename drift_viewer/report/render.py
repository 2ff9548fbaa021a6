"""Templates in, one HTML string out; and the atomic write."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from .._version import __version__
from ..atomic import write_atomic
from ..engine.classify.facttable import FactKind, FactStatus
from ..engine.model import RISK_ORDER, Comparison
from ..styles import CHANGE_STYLES
from . import page
from .markup import kind_class

if TYPE_CHECKING:
    from ..review.marks import Marks

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "report"


# _env and _assets are cached for the process: the environment, its compiled templates and the
# assets' hashes are ~24 ms of a report's render (0.5 ms once cached, measured on the sample), paid once
# however many reports the window exports. They depend on nothing but the files in TEMPLATES.
@cache
def _env() -> jinja2.Environment:
    if not TEMPLATES.is_dir():
        raise FileNotFoundError(f"the report templates are missing: {TEMPLATES} (resources/report beside the package)")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template here is HTML or CSS inside HTML; .j2 names defeat select_autoescape
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def _assets() -> tuple[str, str, str]:
    """(css, js, csp): the inline style and script, and a policy that lets only those two run."""
    css = (
        _env()
        .get_template("report.css.j2")
        .render(
            styles=[(kind_class(k), CHANGE_STYLES[k]) for k in RISK_ORDER],
            fact_statuses=[s.value for s in FactStatus],
            fact_kinds=[k.value for k in FactKind],
        )
        .strip()
    )
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8").strip()
    # Hashes rather than 'unsafe-inline': even a markup injection could not run a script of its own.
    csp = (
        f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return css, js, csp


def render_report(
    comparison: Comparison, *, generated: datetime | None = None, title: str | None = None, marks: Marks | None = None
) -> str:
    """The report page for `comparison`; `generated` (default: now) is the time printed in its header,
    `title` (default: "Drift report") its heading; `marks`, a review's marks (review/marks.py), add a
    Review column and list."""
    css, js, csp = _assets()
    values = page.page_values(comparison, __version__, generated, title, marks)
    return _env().get_template("report.html.j2").render(css=Markup(css), js=Markup(js), csp=csp, **values)


def write_report(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    generated: datetime | None = None,
    title: str | None = None,
    marks: Marks | None = None,
) -> None:
    """Write the report to `path` through a temporary file beside it, so `path` is never half-written."""
    write_atomic(path, render_report(comparison, generated=generated, title=title, marks=marks))
