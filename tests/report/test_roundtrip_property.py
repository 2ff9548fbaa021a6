"""Whatever the text, each side of the report reads back as the document (control characters by
their stand-ins, whitespace aside) and the page stays well formed with exactly one script."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drift_viewer import compare_texts
from drift_viewer.report import render_report, visible_text

from .htmltree import parse

# Lone surrogates are left out: the engine cannot take them (similarity encodes to UTF-32).
WORDS = st.sampled_from(
    [
        "Haines",
        "55",
        "not",
        "<b>",
        "</div>",
        "&amp;",
        '"',
        "'",
        "{{ x }}",
        "{%",
        "\x00",
        "\x1b",
        "\x7f",
        "é",
        "\u200f",
        ".",
    ]
    + ["the", "cat", "sat", "Dec.", "javascript:", "<script>", "\r", "  ", "\n\n", "\u0085"]
)
TEXTS = st.lists(WORDS, max_size=40).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
def test_any_text_round_trips(left: str, right: str):
    comparison = compare_texts(left, right)
    html = render_report(comparison)
    html.encode("utf-8")  # the file is written as UTF-8
    page = parse(html)
    assert len(page.find_all("script")) == 1
    rows = page.find(cls="tbl").find_all("div", cls="r")
    assert len(rows) == len(comparison.groups)
    for side, doc in (("L", comparison.left.text), ("R", comparison.right.text)):
        shown = "".join(r.find("div", cls=side).text() for r in rows)
        assert "".join(shown.split()) == "".join(visible_text(doc).split())
