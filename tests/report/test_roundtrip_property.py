"""Whatever the text, each side of the report reads back as the document (control characters by
their stand-ins, invisible characters by their markers, whose titles give every code point back;
whitespace aside) and the page stays well formed with exactly one script."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drift_viewer import compare_texts
from drift_viewer.engine.lexicon import hidden
from drift_viewer.report import render_report, visible_text

from .htmltree import Node, parse

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
        # Bidi controls (Trojan Source), zero-width characters, combining marks, emoji sequences, CJK, RTL.
        "\u202egnirts\u202c",
        "\u2066// admin\u2069",
        "\u202a",
        "\u202d",
        "\u2067",
        "\u2068",
        "\u200e",
        "\u061c",
        "Pa\u200bris",
        "P\u0430ris",
        "wo\u200drd",
        "\ufeff",
        "\u00ad",
        "\u2060",
        "\U000e0041",
        "e\u0301\u0302",
        "\u0301",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\U0001f44d\U0001f3fd",
        "\u2764\ufe0f",
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "付凌晖",
        "没有",
        "行わない",
        "שלום",
        "مرحبا",
        "می\u200cخواهم",
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
        cells = [r.find("div", cls=side) for r in rows]
        shown = "".join(cell.text() for cell in cells)
        assert "".join(shown.split()) == "".join(visible_text(doc).split())
        assert not any(ch in hidden.BIDI_CONTROLS for ch in shown)
        # The markers' titles give back exactly the characters they stand for.
        visible, marked = visible_text(doc), set(hidden.marked(doc))
        expected = "".join(doc[i] if i in marked else ch for i, ch in enumerate(visible))
        assert "".join("".join(_recovered(cell) for cell in cells).split()) == "".join(expected.split())


def _recovered(node: Node) -> str:
    """The node's text with each invisible character's marker read back from its title (U+XXXX ...)."""
    if "hc" in node.classes:
        return chr(int((node.attrs.get("title") or "").split()[0][2:], 16))
    return "".join(c if isinstance(c, str) else _recovered(c) for c in node.children)
