"""The report of a reviewed comparison (a project's): manual links badged, a Review column and list with
the marks and their notes, in headless Chromium with and without JavaScript, and axe-clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer.cli import main
from drift_viewer.engine.pipeline import compare_files
from drift_viewer.report import render_report, write_report
from drift_viewer.review import edits
from drift_viewer.review.marks import ChangeKey, Mark, Marks, MarkStatus, RowKey
from drift_viewer.review.project import project_of, save_project

from .htmltree import parse
from .test_accessibility import _axe, _describe
from .test_browser import _open, _shot

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
NOTE = "Oduja? The council <site> spells it Oduya & says so."


def _reviewed():
    c = compare_files(SAMPLES / "original.txt", SAMPLES / "rewrite.txt")
    c, unlink = edits.unlink_row(c, 0)
    c, link = edits.link_rows(c, 0, 1)  # the headline pair, linked again by hand
    mayor = next(k for k, g in enumerate(c.groups) if any("Oduja" in ch.right_text for ch in g.changes))
    oduja = next(i for i, ch in enumerate(c.groups[mayor].changes) if "Oduja" in ch.right_text)
    negation = next(k for k, g in enumerate(c.groups) if any(ch.left_text == "not" for ch in g.changes))
    marks = Marks().with_mark(RowKey.of(c, mayor), Mark(MarkStatus.CHECKED, "Date confirmed."))
    marks = marks.with_mark(ChangeKey.of(c, mayor, oduja), Mark(MarkStatus.DISPUTED, NOTE))
    marks = marks.with_mark(ChangeKey.of(c, negation, 0), Mark(MarkStatus.ACCEPTED))
    return c, [unlink, link], marks, mayor


@pytest.fixture(scope="module")
def reviewed_report(tmp_path_factory) -> tuple[Path, int]:
    c, _, marks, mayor = _reviewed()
    path = tmp_path_factory.mktemp("review") / "review.html"
    write_report(c, path, marks=marks)
    return path, mayor


def test_the_page_carries_manual_links_marks_and_escaped_notes(reviewed_report):
    path, mayor = reviewed_report
    html = path.read_text(encoding="utf-8")
    assert "The council &lt;site&gt; spells it Oduya &amp; says so." in html and "<site>" not in html
    tree = parse(html)
    assert tree is not None
    row = html[html.index(f'id="g{mayor + 1}"') :].split("\n", 1)[0]
    assert 'class="mk checked">Checked' in row and 'class="mk disputed">Disputed' in row
    first = html[html.index('id="g1"') :].split("\n", 1)[0]
    assert 'class="man"' in first
    assert html.count('role="columnheader">Review<') == 1
    assert 'id="review-counts"' in html and 'href="#review"' in html


def test_a_report_without_marks_has_no_review_parts():
    c, *_ = _reviewed()
    html = render_report(c)
    assert 'id="review"' not in html and 'class="V"' not in html
    assert 'class="man"' in html  # manual links are badged whatever the marks


def test_marks_that_found_no_row_are_listed(tmp_path):
    c, _, marks, _ = _reviewed()
    other = compare_files(SAMPLES / "original.txt", SAMPLES / "original.txt")
    html = render_report(other, marks=marks)
    assert "Marks with no row" in html and "Oduya &amp; says so." in html


def test_report_command_on_a_project(tmp_path):
    c, done, marks, _ = _reviewed()
    project = save_project(tmp_path / "r.drift", project_of(c, done, marks))
    out = tmp_path / "r.html"
    assert main(["report", str(project.path), "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert "The council &lt;site&gt; spells it Oduya &amp; says so." in html and 'class="man"' in html


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_review_report_in_chromium_is_axe_clean(browser, reviewed_report, tmp_path, dark):
    from selenium.webdriver.common.by import By

    path, mayor = reviewed_report
    driver = browser(dark=dark, width=1400, height=1000)
    _open(driver, path)
    row = driver.find_element(By.ID, f"g{mayor + 1}")
    review = row.find_element(By.CSS_SELECTOR, ".V")
    assert review.is_displayed() and "Disputed" in review.text and "Oduya & says so." in review.text
    assert driver.find_element(By.CSS_SELECTOR, "#g1 .man").text == "manual"
    shade = "dark" if dark else "light"
    _shot(driver, tmp_path, f"review-report-{shade}-top.png")
    driver.execute_script("document.getElementById('review').scrollIntoView()")
    _shot(driver, tmp_path, f"review-report-{shade}-review.png")
    driver.execute_script("document.getElementById('g1').scrollIntoView()")
    _shot(driver, tmp_path, f"review-report-{shade}-rows.png")
    bad = _axe(driver)
    assert not bad, _describe(bad)


def test_review_report_without_javascript_shows_every_mark(browser, reviewed_report, tmp_path):
    from selenium.webdriver.common.by import By

    path, mayor = reviewed_report
    driver = browser(javascript=False, width=1400, height=1000)
    _open(driver, path)
    assert not driver.find_element(By.ID, "ctl").is_displayed()
    cells = driver.find_elements(By.CSS_SELECTOR, ".r .V .mk")
    assert sorted(c.text for c in cells) == ["Accepted", "Checked", "Disputed"]
    links = driver.find_elements(By.CSS_SELECTOR, ".rv-list a")
    assert [a.get_attribute("href").rsplit("#", 1)[1] for a in links][:1] == [f"g{mayor + 1}"]
    driver.execute_script(f"document.getElementById('g{mayor + 1}').scrollIntoView()")
    _shot(driver, tmp_path, "review-report-nojs-rows.png")
