"""The report's fact section (issue 14, point 3): read from the HTML as a browser without scripts would,
then driven in headless Chromium (filters, sorting, a link to its row), and with JavaScript off. The
seed report's axe check (test_accessibility.py) covers the section too."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drift_viewer import cli
from drift_viewer.engine.classify.facttable import fact_table
from drift_viewer.engine.pipeline import compare_files
from drift_viewer.report import render_report, write_report

from .htmltree import parse

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"


def _cells(table) -> list[list[str]]:
    return [[td.text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]


@pytest.fixture(scope="module")
def en_de():
    return compare_files(DATA / "en-de.en.txt", DATA / "en-de.de.txt")


def test_section_lists_every_fact_differing_first_with_links(en_de):
    tree = parse(render_report(en_de))
    section = tree.find("section", id="facts")
    differ = _cells(section.find("table", id="fact-differ"))
    assert differ == [
        ["≠ changed", "Number", "4.5 billion", "5,4 Milliarden", "row 2"],
        ["≠ changed", "Number", "12", "21", "row 8"],
        ["≈ respelled", "Name", "Schmidt", "Schmitt", "row 6"],
    ]
    links = [a.attrs["href"] for a in section.find("table", id="fact-differ").find_all("a")]
    assert links == ["#g2", "#g8", "#g6"] and all(tree.find(id=h[1:]) for h in links)  # each row exists
    # The facts that are the same: in a closed fold, inside <noscript> (markup for a browser without scripts).
    fold = section.find("details", id="fact-same-fold")
    assert "open" not in fold.attrs and fold.find("noscript")
    rows = fact_table(en_de)
    assert len(_cells(fold.find("table", id="fact-same"))) == sum(r.status.value == "same" for r in rows)
    assert ["Date", "March", "März"] in [c[1:4] for c in _cells(fold.find("table"))]
    counts = {
        tr.find("th").text(): [td.text() for td in tr.find_all("td")]
        for tr in section.find(id="fact-counts").find("tbody").find_all("tr")
    }
    assert counts["Name"] == ["5", "5"] and counts["Number"] == ["8", "8"]
    assert tree.find("nav").find("a", href="#facts")


def test_a_same_language_report_has_facts_and_a_pair_without_any_says_so(tmp_path: Path):
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Minister Avril Haines said 55% of the staff left.\n", encoding="utf-8")
    right.write_text("Minister Avril Haynes said 45% of the staff left.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert cli.main(["report", str(left), str(right), "-o", str(out)]) == 1  # diff(1): differences
    differ = _cells(parse(out.read_text(encoding="utf-8")).find("table", id="fact-differ"))
    assert ["≠ changed", "Percentage", "55", "45", "row 1"] in differ
    assert ["≈ respelled", "Name", "Haines", "Haynes", "row 1"] in differ
    left.write_text("the staff left.\n", encoding="utf-8")
    right.write_text("the staff went.\n", encoding="utf-8")
    assert cli.main(["report", str(left), str(right), "-o", str(out)]) == 1  # diff(1): differences
    assert "No names, numbers, dates" in parse(out.read_text(encoding="utf-8")).find("section", id="facts").text()


def _shot(driver, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert driver.save_screenshot(str(path))
    keep = os.environ.get("DRIFT_REPORT_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)


def _visible(driver) -> list[list[str]]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#facts .ft tbody tr')].filter(r => r.checkVisibility())"
        ".map(r => [...r.cells].map(c => c.textContent))"
    )


def test_filter_sort_and_jump_in_chromium(browser, en_de, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    path = tmp_path / "facts.html"
    write_report(en_de, path)
    driver = browser()
    driver.get(path.as_uri())
    assert driver.find_element(By.ID, "fctl").is_displayed(), "the script did not run"
    assert len(_visible(driver)) == 3  # the same facts are folded
    Select(driver.find_element(By.ID, "f-status")).select_by_value("same")
    same = _visible(driver)
    assert same and {row[0] for row in same} == {"= same"}
    assert driver.find_element(By.ID, "f-shown").text == f"Showing {len(same)} facts"
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("date")
    assert [row[1:4] for row in _visible(driver)] == [["Date", "March", "März"], ["Date", "April", "April"]]
    Select(driver.find_element(By.ID, "f-status")).select_by_value("")
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("")
    # Sorting the differing facts by row, then back.
    header = driver.find_element(By.CSS_SELECTOR, "#fact-differ th button[data-c='4']")
    header.click()
    assert [row[4] for row in _visible(driver)[:3]] == ["row 2", "row 6", "row 8"]
    assert header.find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"
    header.click()
    assert [row[4] for row in _visible(driver)[:3]] == ["row 8", "row 6", "row 2"]
    _shot(driver, tmp_path, "report-facts-sorted.png")
    # A fact's link selects its row in the side-by-side table.
    driver.find_element(By.CSS_SELECTOR, "#fact-differ a[href='#g6']").click()
    assert driver.execute_script("return location.hash") == "#g6"
    assert driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id") == "g6"


def test_without_javascript_every_fact_reads(browser, en_de, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "facts.html"
    write_report(en_de, path)
    driver = browser(javascript=False)
    driver.get(path.as_uri())
    assert not driver.find_element(By.ID, "fctl").is_displayed()
    assert len(_visible(driver)) == 3
    driver.find_element(By.CSS_SELECTOR, "#fact-same-fold > summary").click()  # a plain <details>
    assert len(_visible(driver)) == len(fact_table(en_de))
    _shot(driver, tmp_path, "report-facts-nojs.png")
