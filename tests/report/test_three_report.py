"""`drift-viewer report A B C` (issue 14, point 4): three versions in one self-contained page. Read as a
browser without scripts reads it (A beside C with the round trip's drift marked, B beneath each row,
three files in the header, the fact table across all three), then in headless Chromium: axe, Tab
order, the fact filters and sorting with eight columns, and screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import cli

from .htmltree import parse
from .test_accessibility import _axe, _describe, _tab_stops
from .test_browser import _open, _shot

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
FILES = [str(DATA / n) for n in ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt")]


def _cells(table) -> list[list[str]]:
    return [[td.text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]


@pytest.fixture(scope="module")
def back_translation(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("three") / "three.html"
    assert cli.main(["report", *FILES, "-o", str(out)]) == 1  # 1: the versions differ
    return out


def test_report_of_three_files_shows_a_beside_c_with_b_beneath(back_translation):
    tree = parse(back_translation.read_text(encoding="utf-8"))
    assert "en-de.en.txt vs en-de.back.txt through en-de.de.txt" in tree.find("title").text()
    docs = [
        [c.text() for c in tr.child_elements()]
        for tr in tree.find("table", id="documents").find("tbody").find_all("tr")
    ]
    assert [(d[0], d[1]) for d in docs] == [
        ("A", "en-de.en.txt"),
        ("B (middle)", "en-de.de.txt"),
        ("C", "en-de.back.txt"),
    ]
    mode = tree.find(id="mode").text()
    assert "A–B: cross-lingual (en → de)" in mode and "B–C: cross-lingual (de → en)" in mode
    assert "A against C: same-language (en → en)" in mode
    heads = [s.text() for s in tree.find("div", cls="hd").child_elements()]
    assert heads == ["#", "A: en-de.en.txt", "C: en-de.back.txt", "B beneath: en-de.de.txt"]
    rows = tree.find_all("div", cls="r")
    assert [r.attrs["id"] for r in rows] == [f"g{n}" for n in range(1, 11)]
    row2 = tree.find(id="g2")
    left, right, middle = (row2.find("div", cls=c) for c in ("L", "R", "B"))
    assert [m.text() for m in left.find_all("mark")] == ["4.5"] and "nu" in left.find("mark").classes
    assert [m.text() for m in right.find_all("mark")] == ["5.4"]
    assert middle.text() == "Bürgermeister Peter Tschentscher sagte, das Projekt werde 5,4 Milliarden Euro kosten."
    assert middle.attrs["role"] == "cell" and not middle.find_all("mark")  # B is read, not diffed
    ranked = {
        d.find("summary").find("mark").text(): len(d.find_all("li")) for d in tree.find_all("details", cls="rk-k")
    }
    assert ranked["Number"] == 2 and ranked["Name"] == 1 and ranked["Negation"] == 1


def test_fact_table_runs_across_all_three_and_says_where_a_fact_drifted(back_translation):
    tree = parse(back_translation.read_text(encoding="utf-8"))
    section = tree.find("section", id="facts")
    assert _cells(section.find("table", id="fact-differ")) == [
        ["≠ changed", "Number", "4.5 billion", "5,4 Milliarden", "5.4 billion", "≠ changed", "= same", "row 2"],
        ["≠ changed", "Number", "12", "21", "21", "≠ changed", "= same", "row 8"],
        ["≈ respelled", "Name", "Schmidt", "Schmitt", "Schmitt", "≈ respelled", "= same", "row 6"],
    ]
    same = _cells(section.find("table", id="fact-same"))
    assert ["= same", "Date", "March", "März", "March", "= same", "= same", "row 1"] in same
    assert len(same) == 14
    counts = {
        tr.find("th").text(): [td.text() for td in tr.find_all("td")]
        for tr in section.find("table", id="fact-counts").find("tbody").find_all("tr")
    }
    assert counts["Number"] == ["8", "8", "8"] and counts["Name"] == ["5", "5", "5"]


REVISIONS = {
    "a.txt": "The mayor said that 40 people were hurt, and the bridge will reopen in May. Officials met in Kyiv.",
    "b.txt": "The mayor said that 40 people were hurt. The bridge will reopen in May. The storm hit at night. "
    "Officials met in Kyiv.",
    "c.txt": "The mayor said that 44 people were hurt, and the bridge will reopen in May. Officials met in Kiev.",
}


@pytest.fixture
def revisions(tmp_path: Path) -> list[str]:
    for name, text in REVISIONS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in REVISIONS]


def test_a_sentence_only_the_middle_version_has_is_shown_with_the_row_before(revisions, tmp_path: Path):
    out = tmp_path / "r.html"
    assert cli.main(["report", *revisions, "-o", str(out), "--title", "Round trip"]) == 1
    tree = parse(out.read_text(encoding="utf-8"))
    assert tree.find("h1").text() == "Round trip"
    assert [r.attrs["id"] for r in tree.find_all("div", cls="r")] == ["g1", "g2"]  # the A–C rows, as the window
    first = tree.find(id="g1").find("div", cls="B")
    assert first.text() == (
        "The mayor said that 40 people were hurt. The bridge will reopen in May.only in B: The storm hit at night."
    )
    assert first.find("span", cls="bo") and first.find("br")
    assert tree.find("tr", data_kind="bo").find("td").text() == "1"
    facts = _cells(tree.find("table", id="fact-differ"))
    assert ["≠ changed", "Number", "40", "40", "44", "= same", "≠ changed", "row 1"] in facts
    assert ["≈ respelled", "Name", "Kyiv", "Kyiv", "Kiev", "= same", "≈ respelled", "row 2"] in facts


def test_the_text_output_numbers_rows_as_the_report_does(revisions, capsys):
    assert cli.main(["compare", *revisions, "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "row 1 changed: A sentence 1, B sentences 1-2, C sentence 1" in out
    assert "after row 1 B only: no A sentence, B sentence 3, no C sentence" in out
    assert "row 2 changed: A sentence 2, B sentence 4, C sentence 2" in out
    assert "  row 2 name respelled: 'Kyiv' -> 'Kyiv' -> 'Kiev' (A-B same, B-C respelled)" in out


def test_report_to_standard_output_and_identical_versions(tmp_path: Path, capsysbinary):
    same = tmp_path / "same.txt"
    same.write_text("Nothing changed here. Not at all.", encoding="utf-8")
    assert cli.main(["report", str(same), str(same), str(same), "-o", "-"]) == 0
    html = capsysbinary.readouterr().out.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "A and C are the same." in html


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_three_version_report_has_no_serious_axe_violation(browser, back_translation, dark: bool, tmp_path: Path):
    driver = browser(dark=dark, width=1400, height=1000)
    _open(driver, back_translation)
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    bad = _axe(driver)
    assert not bad, _describe(bad)
    driver.execute_script("document.getElementById('g2').scrollIntoView()")
    _shot(driver, tmp_path, f"three-rows-{'dark' if dark else 'light'}.png")


def test_three_version_report_tab_order_filters_and_sorting(browser, back_translation, tmp_path: Path):
    driver = browser(width=1400, height=1000)
    _open(driver, back_translation)
    controls = driver.execute_script(
        "return [...document.querySelectorAll('a[href], button, input, select, summary')]"
        ".filter(e => e.getClientRects().length).map(e => e.id || e.tagName + ':' + (e.getAttribute('href') || e.textContent.slice(0, 30)))"
    )
    stops = _tab_stops(driver, len(controls) + 5)
    assert sorted(s["key"] for s in stops) == sorted(controls)
    assert not [s for s in stops if s["outline"] == "none" or s["width"] < 2]
    # Sorting by Row, the eighth column, sorts by row number (the script finds the last column).
    driver.execute_script("document.querySelector('#fact-differ th:last-child button').click()")
    order = driver.execute_script(
        "return [...document.querySelectorAll('#fact-differ tbody tr')].map(r => r.dataset.g)"
    )
    assert order == ["2", "6", "8"]
    driver.execute_script("document.querySelector('#fact-differ th:nth-child(3) button').click()")  # A, as text
    order = driver.execute_script(
        "return [...document.querySelectorAll('#fact-differ tbody tr')].map(r => r.cells[2].textContent)"
    )
    assert order == ["4.5 billion", "12", "Schmidt"]  # numbers by value (localeCompare numeric)
    driver.execute_script(
        "const s = document.getElementById('f-status'); s.value = 'respelled'; s.dispatchEvent(new Event('change', {bubbles: true}))"
    )
    shown = driver.execute_script(
        "return [...document.querySelectorAll('#facts .ft tbody tr')].filter(r => getComputedStyle(r).display !== 'none').map(r => r.cells[2].textContent)"
    )
    assert shown == ["Schmidt"]
    _shot(driver, tmp_path, "three-facts.png")


def test_without_javascript_every_row_and_its_b_text_shows(browser, back_translation):
    driver = browser(javascript=False, width=1400, height=1000)
    _open(driver, back_translation)
    shown = driver.execute_script(
        "return [...document.querySelectorAll('.tbl .r')].filter(r => r.getClientRects().length)"
        ".map(r => [r.id, getComputedStyle(r.querySelector('.B')).display + ' ' + r.querySelector('.B').textContent])"
    )
    assert [row_id for row_id, _ in shown] == [f"g{n}" for n in range(1, 11)]
    assert shown[1][1] == "block Bürgermeister Peter Tschentscher sagte, das Projekt werde 5,4 Milliarden Euro kosten."
    assert driver.execute_script("return document.getElementById('fctl').hidden") is True
