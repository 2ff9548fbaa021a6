"""The report's layout in Debian's headless Chromium, as a reader on a wide screen and on a narrow one
sees it: file names whole, no page that scrolls sideways, a kind's box style only on its marks, and a
printed legend that asks for no pointer."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import compare_files
from drift_viewer.report import write_report

LEFT = (
    'The mayor said: "We have waited long enough." The harbour will reopen on April 2. '
    "The bridge cost 4.5 million euros."
)
RIGHT = (
    'The mayor said: "We have waited far too long." The harbor will reopen on 2 April. '
    "The bridge cost 5.4 million euros."
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    # A path as long as a newsroom's: the header's table has to share its width with it and the SHA-256.
    folder = tmp_path / "newsroom-archive-2026" / "verification-desk" / "harbour-bridge-story"
    folder.mkdir(parents=True)
    (folder / "council-minutes.txt").write_text(LEFT, encoding="utf-8")
    (folder / "republished-copy.txt").write_text(RIGHT, encoding="utf-8")
    comparison = compare_files(folder / "council-minutes.txt", folder / "republished-copy.txt")
    path = tmp_path / "report.html"
    write_report(comparison, path)
    return path


def _lines(driver, selector: str) -> list[int]:
    """How many lines each matching element's text takes on screen."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => {"
        " const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size; })",
        selector,
    )


def _breaks(driver, selector: str) -> list[str]:
    """The character before each line break inside the matching elements' text."""
    return driver.execute_script(
        "const out = []; for (const e of document.querySelectorAll(arguments[0])) {"
        " const t = e.firstChild, r = document.createRange(); let top = null;"
        " for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1);"
        "  const y = Math.round(r.getBoundingClientRect().top);"
        "  if (top !== null && y > top) out.push(t.data[i - 1]); top = y; } }"
        " return out;",
        selector,
    )


def test_a_wide_window_breaks_file_names_only_where_words_end(browser, page: Path):
    driver = browser(width=1400, height=900)
    driver.get(page.as_uri())
    # Was "council-minu / tes.txt": the name gave its width to the path and the SHA-256, letter by letter.
    assert set(_breaks(driver, "#documents td.fn")) <= {"-", " "}


def test_a_narrow_window_never_scrolls_the_page_sideways(browser, page: Path):
    driver = browser(width=600, height=900)
    driver.get(page.as_uri())
    wide, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert wide <= inner  # the eight-column file table pushed the page to about 660 px
    # Each file reads as labelled lines; the labels come from the cells, so a reader still knows what is what.
    labels = driver.execute_script(
        "return [...document.querySelectorAll('#documents tbody tr:first-child td[data-l]')]"
        ".map(td => getComputedStyle(td, '::before').content)"
    )
    assert labels == ['"Path: "', '"Size: "', '"Modified: "', '"Encoding: "', '"Sentences: "', '"SHA-256: "']
    assert _lines(driver, "#facts .ft td:nth-child(2)") and set(_lines(driver, "#facts .ft td:nth-child(2)")) == {1}


def test_a_kind_drawn_as_a_box_outlines_its_marks_only(browser, page: Path):
    driver = browser()
    driver.get(page.as_uri())
    styles = driver.execute_script(
        "return ['mark.sp', 'details.rk-k.sp', 'mark.fm', 'details.rk-k.fm'].map(s => {"
        " const e = document.querySelector(s); return e && getComputedStyle(e).outlineStyle; })"
    )
    # The fold listing every spelling change was drawn inside a box too, as if it were one changed word.
    assert styles == ["solid", "none", "solid", "none"]


def test_the_printed_legend_asks_no_one_to_point_or_hover(browser, page: Path):
    driver = browser()
    driver.get(page.as_uri())
    legend = "return document.getElementById('legend').innerText"
    on_screen = driver.execute_script(legend)
    assert "point at it to see the name" in on_screen and "Hover for its code" in on_screen
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    on_paper = driver.execute_script(legend)
    assert "point at it" not in on_paper and "Hover" not in on_paper  # paper has no pointer
    assert "Each change is marked by colour and by an underline style." in on_paper
