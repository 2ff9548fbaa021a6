"""Invisible characters in the report: drawn as markers with their code point in the title, never raw
(in the HTML or in Chromium's innerText), a hidden-characters change ranked, and a warning in the
header for a document that holds bidi controls."""

from __future__ import annotations

from pathlib import Path

from drift_viewer import compare_texts, render_report
from drift_viewer.engine.lexicon import hidden
from drift_viewer.engine.model import ChangeKind
from drift_viewer.report import write_report
from drift_viewer.report.markup import side_html, text_html

from .htmltree import parse

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
HOSTILE_LEFT = (
    "Trojan \u202egnirts\u202c here. We met in P\u0430ris on Monday. Access user\u202e \u2066// admin\u2069 only. "
    f"The co\u00adoperation was a su\u200bccess. A family {FAMILY} waved \u2764\ufe0f.\n\n"
    "Persian spelling keeps its joiner: می\u200cخواهم. Nothing else changed."
)
HOSTILE_RIGHT = (
    "Trojan string here. We met in Paris on Monday. Access user only. "
    f"The cooperation was a success. A family {FAMILY} waved \u2764\ufe0f.\n\n"
    "Persian spelling keeps its joiner: می\u200cخواهم. Nothing else changed."
)
# What must never reach a reader raw: bidi controls and marks, zero-width characters, BOM, soft hyphen.
RAW = set(hidden.BIDI_CONTROLS | hidden.BIDI_MARKS) | set("\u200b\u2060\ufeff\u00ad")


def _comparison():
    return compare_texts(HOSTILE_LEFT, HOSTILE_RIGHT, left_name="copied\u202etxt.exe", right_name="source.txt")


def test_text_html_marks_invisible_characters():
    html = text_html("a\u202eb\u200bc")
    assert "\u202e" not in html and "\u200b" not in html
    assert 'title="U+202E RIGHT-TO-LEFT OVERRIDE"' in html and 'data-n="RLO"' in html
    assert 'title="U+200B ZERO WIDTH SPACE"' in html and 'data-n="ZWSP"' in html
    assert text_html(FAMILY) == FAMILY  # an emoji sequence stays one picture
    # A mark cut at a span boundary still sees the joiner's neighbours in the whole text.
    assert str(side_html(FAMILY, 0, [])) == FAMILY


def test_hostile_report_has_no_raw_invisible_character_and_warns():
    comparison = _comparison()
    kinds = [(c.kind, c.left_text) for _, c in comparison.iter_changes()]
    assert kinds == [
        (ChangeKind.HIDDEN, "\u202egnirts\u202c"),
        (ChangeKind.HIDDEN, "P\u0430ris"),
        (ChangeKind.DELETED, "\u202e \u2066// admin\u2069"),  # words deleted: the header warns of the controls
        (ChangeKind.HIDDEN, "co\u00adoperation was a su\u200bccess"),
    ]
    html = render_report(comparison)
    assert not RAW & set(html)
    page = parse(html)
    warnings = page.find("header").find_all("p", cls="warn")
    assert len(warnings) == 1 and "RLO ×2" in warnings[0].text() and "copied" in warnings[0].text()
    ranked = page.find("details", cls="iv")
    assert "Hidden characters" in ranked.text()
    assert page.find("tr", data_kind="hidden").text().endswith("3")


def test_plain_report_has_no_warning():
    page = parse(render_report(compare_texts("The cat sat.", "The dog sat.")))
    assert not page.find("header").find_all("p", cls="warn")


def test_chromium_inner_text_shows_markers_never_raw_characters(browser, tmp_path: Path):
    path = tmp_path / "hostile.html"
    write_report(_comparison(), path)
    driver = browser()
    driver.get(path.as_uri())
    text = driver.execute_script("return document.body.innerText")
    table = driver.execute_script("return document.querySelector('.tbl').innerText")
    raw = sorted(f"U+{ord(ch):04X}" for ch in RAW & set(text))
    assert not raw, raw
    assert hidden.BIDI_SYMBOL in table and hidden.INVISIBLE_SYMBOL in table
    assert "gnirts" in table  # the stored order, not the displayed "string"
    assert FAMILY in table and "می\u200cخواهم" in table  # joiners doing visible work stay
    assert driver.execute_script("return document.querySelector('header .warn').offsetHeight") > 0
    titles = driver.execute_script("return [...document.querySelectorAll('.tbl .hc')].map(e => e.title)")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in titles and "U+00AD SOFT HYPHEN" in titles
    shot = tmp_path / "report-hidden.png"
    assert driver.save_screenshot(str(shot))


def test_lookalike_letters_are_outlined_with_their_name(tmp_path: Path):
    html = render_report(
        compare_texts("We met in Paris. Avril Haines spoke.", "We met in P\u0430ris. Avril Hain\u0435s spoke.")
    )
    page = parse(html)
    outlined = page.find_all("span", cls="lk")
    letters = [span.text() for span in outlined]
    # each disguised letter once in the side-by-side table (the ranked lists may repeat them)
    assert "\u0430" in letters and "\u0435" in letters
    assert all(letter in ("\u0430", "\u0435") for letter in letters)
    titles = {span.attrs["title"] for span in outlined}
    assert any(t.startswith("U+0430 CYRILLIC SMALL LETTER A") for t in titles)
    # the letter itself stays in the text: copying the row gives what the file holds
    assert "P<span class=lk" in html
