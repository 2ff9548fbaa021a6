"""Markdown read as Markdown (load/markdown.py): the prose without its markup, offsets into the source."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.load import load_file
from drift_viewer.engine.load.markdown import markdown_to_text
from drift_viewer.engine.segment import segment

DOC = """---
title: Harbour tunnel
tags: [transport]
---
# Harbour tunnel *approved*

The council voted **31 to 12** for the [tunnel](https://example.com/t_(1) "The plan").
It will open in `2031` &amp; cost \\*£1.4bn\\*.

## What happens next

- Work starts in 2027.
- Tolls of £2.50 for cars.
  Buses go free.

1. First the survey.
2. Then the tender.

> “People have waited long enough,” said Amira Haddad.

```python
opening = 2031
```

| Year | Step |
|------|------|
| 2027 | Dig |

![The northern portal](portal.jpg) Photo: City Council.
"""

PARAGRAPHS = [
    "Harbour tunnel approved",
    "The council voted 31 to 12 for the tunnel. It will open in 2031 & cost *£1.4bn*.",
    "What happens next",
    "Work starts in 2027.",
    "Tolls of £2.50 for cars. Buses go free.",
    "First the survey.",
    "Then the tender.",
    "“People have waited long enough,” said Amira Haddad.",
    "opening = 2031",
    "Year",
    "Step",
    "2027",
    "Dig",
    "Photo: City Council.",
]


def test_markup_stays_out_and_blocks_are_paragraphs() -> None:
    text, _ = markdown_to_text(DOC)
    assert text.split("\n\n") == PARAGRAPHS


def test_every_character_points_at_itself_in_the_source() -> None:
    text, offsets = markdown_to_text(DOC)
    assert len(offsets) == len(text) + 1 and offsets == sorted(offsets)
    for i, ch in enumerate(text):
        if not ch.isspace():
            # "&" stands for "&amp;", where it points; every other character is as written
            assert DOC[offsets[i]] == ch, (i, ch, DOC[offsets[i] - 5 : offsets[i] + 5])
    assert DOC[offsets[text.index("&")] :].startswith("&amp;")
    assert DOC[: offsets[-1]].endswith("Photo: City Council.")


def test_no_sentence_holds_markup() -> None:
    text, _ = markdown_to_text(DOC)
    for sentence in segment(text, "en"):
        assert not re.search(r"\*\*|\]\(|^#|^[-*] |```|https?:", sentence.text), sentence.text


def test_bullet_style_and_list_numbers_are_not_text(tmp_path: Path) -> None:
    dash = "# Steps\n\n- one thing\n- another thing\n\n1. first\n2. second\n"
    star = "Steps\n=====\n\n* one thing\n* another thing\n\n3) first\n4) second\n"
    (tmp_path / "a.md").write_text(dash, encoding="utf-8")
    (tmp_path / "b.markdown").write_text(star, encoding="utf-8")
    a, b = load_file(tmp_path / "a.md"), load_file(tmp_path / "b.markdown")
    assert a.text == b.text == "Steps\n\none thing\n\nanother thing\n\nfirst\n\nsecond"
    assert a.format == "markdown"


def test_crlf_file_offsets_point_into_the_file(tmp_path: Path) -> None:
    source = "# Title\r\n\r\nSome *text* here.\r\nNext line.\r\n"
    path = tmp_path / "w.md"
    path.write_bytes(source.encode("utf-8"))
    doc = load_file(path)
    assert doc.text == "Title\n\nSome text here. Next line."
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert source[doc.source_offset(i)] == ch
    assert source[: doc.source_offset(len(doc.text))].endswith("Next line.")


def test_a_link_title_is_not_taken_for_the_text_after_it() -> None:
    source = 'See [the plan](x.html "a plan for the city") for the city.'
    text, offsets = markdown_to_text(source)
    assert text == "See the plan for the city."
    assert offsets[text.index(" for") + 1] == source.index(") for") + 2  # the "for" after the link
    assert source[: offsets[text.index(" for")]].endswith("plan")  # a span ending before it ends on "plan"


def test_inline_html_and_html_blocks() -> None:
    source = "Before <b>bold</b> after.\n\n<div class='note'><p>Inside &amp; out.</p></div>\n"
    text, offsets = markdown_to_text(source)
    assert text == "Before bold after.\n\nInside & out."
    assert source[offsets[text.index("Inside")] :].startswith("Inside")


_PIECES = [
    *("# ", "- ", "* ", "1. ", "> ", "**", "_", "`", "~~s~~", "\\*", "\\\n", "  \n", "word", " ", "\n", "\n\n"),
    *("[a](b)", "![c](d)", "[x][r]", "\n[r]: http://u\n", "&amp;", "&copy;", "<b>", "</b>", "---\n", "Title\n===\n"),
    *("|a|b|\n|-|-|\n|c|d|\n", "```\ncode\n```\n", "    indented\n"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_offsets_are_ordered_and_in_range(source: str) -> None:
    text, offsets = markdown_to_text(source)
    assert len(offsets) == len(text) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(source) for o in offsets)
    for i, ch in enumerate(text):  # each character is the one written there, or the entity standing for it
        assert ch.isspace() or source[offsets[i]] in (ch, "&")
