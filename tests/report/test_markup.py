"""Escaping and highlighting of document text, on tiny literal inputs."""

from __future__ import annotations

from drift_viewer.engine.model import ChangeKind, Span
from drift_viewer.report.markup import side_html, text_html, visible_text

from .htmltree import parse


def test_text_html_escapes_markup_and_quotes():
    assert text_html('<b a="1">&\'') == "&lt;b a=&#34;1&#34;&gt;&amp;&#39;"


def test_control_characters_get_visible_stand_ins():
    assert visible_text("a\x00b\x1bc\x7fd\re\tf\ng\x85") == "a\u2400b\u241bc\u2421d\u240de\tf\ng\x85"
    html = text_html("a\x00b")
    assert "\x00" not in html
    assert parse(html).text() == "a\u2400b"
    assert 'data-n="NUL"' in html and "U+0000" in html


def test_lone_surrogate_becomes_replacement_character():
    assert visible_text("a\udc80b") == "a\ufffdb"
    text_html("a\udc80b").encode("utf-8")  # must not raise


def test_side_html_marks_spans_relative_to_the_group_start():
    html = side_html("Avril Haines said.", 100, [(Span(106, 112), ChangeKind.NAME)])
    assert str(html) == "Avril <mark class=nm>Haines</mark> said."


def test_empty_span_is_an_insertion_point_without_text():
    html = side_html("ab", 0, [(Span(1, 1), ChangeKind.INSERTED)])
    assert parse(str(html)).text() == "ab"
    assert '<mark class="in g"></mark>' in html


def test_bad_spans_cost_a_highlight_never_a_character():
    marks = [(Span(0, 3), ChangeKind.REWORDED), (Span(2, 5), ChangeKind.NAME), (Span(50, 60), ChangeKind.CASE)]
    html = side_html("<abcdef>", 0, marks)
    assert parse(str(html)).text() == "<abcdef>"
    assert html.count("<mark") == 1
