"""A report long enough to come in pages (report/paging.py), in Debian's headless Chromium: rows after
the first page wait in <noscript> and become rows when needed; navigation, filters, links and the
folded lists work across pages, and without JavaScript every row still shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import compare_texts
from drift_viewer.engine.model import ChangeKind, GroupKind
from drift_viewer.report import visible_text, write_report
from drift_viewer.report.paging import LIST_FIRST, PAGE_ROWS

from .htmltree import parse
from .test_browser import _open, _shot

N = 2 * PAGE_ROWS + 60  # three pages, the last one short
SAME = "Entry {} of the ledger says the committee discussed the harbour budget at length."
EDITED = "Entry {} of the ledger says the council reviewed the harbour budget at length."
LEFT = " ".join(SAME.format(i) for i in range(N))
RIGHT = " ".join((SAME if i % 2 == 0 else EDITED).format(i) for i in range(N))

ROWS = "return [...document.querySelectorAll('.tbl .r')]"


@pytest.fixture(scope="module")
def long_report(tmp_path_factory) -> tuple[Path, object]:
    comparison = compare_texts(LEFT, RIGHT, left_name="ledger-a.txt", right_name="ledger-b.txt")
    assert len(comparison.groups) == N and sum(comparison.change_counts().values()) > LIST_FIRST
    path = tmp_path_factory.mktemp("long") / "long.html"
    write_report(comparison, path)
    return path, comparison


def _all_rows_made(driver) -> None:
    driver.set_script_timeout(30)
    driver.execute_async_script(
        "const done = arguments[0];"
        "(function wait() { document.querySelector('.tbl noscript') ? setTimeout(wait, 20) : done(); })();"
    )


def _changed(comparison) -> list[str]:
    return [f"g{i + 1}" for i, g in enumerate(comparison.groups) if g.kind is not GroupKind.EQUAL]


def test_later_pages_are_noscript_markup_in_the_file(long_report):
    path, comparison = long_report
    page = parse(path.read_text(encoding="utf-8"))
    pages = page.find(cls="tbl").find_all("div", cls="pg")
    assert len(pages) == 3
    assert not pages[0].find_all("noscript")
    for pg in pages[1:]:
        (wrapper,) = pg.find_all("noscript")
        assert wrapper.find_all("div", cls="r")
    sizes = [len(pg.find_all("div", cls="r")) for pg in pages]
    assert sizes == [PAGE_ROWS, PAGE_ROWS, N - 2 * PAGE_ROWS]
    # The per-page index the script reads instead of the rows: group class, then kinds.
    index = ";".join(pg.attrs["data-r"] for pg in pages).split(";")
    assert index == [("eq" if g.kind is GroupKind.EQUAL else "ch rw") for g in comparison.groups]


def test_every_row_arrives_in_order_with_its_text(browser, long_report):
    path, comparison = long_report
    driver = browser()
    _open(driver, path)
    _all_rows_made(driver)
    ids = driver.execute_script(ROWS + ".map(r => r.id)")
    assert ids == [f"g{i + 1}" for i in range(N)]
    left = driver.execute_script(ROWS + ".map(r => r.querySelector('.L').textContent).join(' ')")
    assert left.split() == visible_text(comparison.left.text).split()
    assert driver.execute_script("return document.querySelectorAll('.tbl .pg > .r').length") == N


def test_a_link_to_a_row_not_yet_made_shows_it(browser, long_report, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path, _ = long_report
    driver = browser()
    target = f"g{N - 5}"  # on the last page, which the script has not made rows of at load
    driver.get(path.as_uri() + "#" + target)
    row = driver.find_element(By.ID, target)
    assert row.is_displayed() and "cur" in row.get_attribute("class")
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", row)
    assert 0 <= top < driver.execute_script("return innerHeight")
    _shot(driver, tmp_path, "report-long-linked.png")


def test_keys_cross_page_boundaries(browser, long_report):
    from selenium.webdriver.common.by import By

    path, comparison = long_report
    driver = browser()
    _open(driver, path)
    changed = _changed(comparison)
    start = changed.index(f"g{PAGE_ROWS}")  # the last row of the first page is a change
    driver.execute_script("location.hash = arguments[0]", f"#g{PAGE_ROWS}")  # as the ranked list's link does
    body = driver.find_element(By.TAG_NAME, "body")
    seen = []
    for _ in range(4):
        body.send_keys("j")
        seen.append(driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id"))
    assert seen == changed[start + 1 : start + 5]
    assert driver.execute_script("return document.activeElement.id") == seen[-1]  # focus follows, for screen readers
    for _ in range(5):
        body.send_keys("k")
    assert driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id") == changed[start - 1]


def test_hide_equal_counts_and_hides_across_pages(browser, long_report):
    from selenium.webdriver.common.by import By

    path, comparison = long_report
    driver = browser()
    _open(driver, path)
    driver.find_element(By.ID, "hide-eq").click()
    changed = _changed(comparison)
    assert driver.find_element(By.ID, "shown").text == f"Showing {len(changed)} of {N} rows"
    _all_rows_made(driver)  # pages made after the click obey it too
    shown = driver.execute_script(ROWS + ".filter(r => getComputedStyle(r).display !== 'none').map(r => r.id)")
    assert shown == changed
    driver.find_element(By.ID, "hide-eq").click()
    assert len(driver.execute_script(ROWS + ".filter(r => getComputedStyle(r).display !== 'none')")) == N


def test_a_folded_list_opens_with_every_entry(browser, long_report):
    from selenium.webdriver.common.by import By

    path, comparison = long_report
    driver = browser()
    _open(driver, path)
    entries = "return document.querySelectorAll('details.rk-k.rw li').length"
    assert driver.execute_script(entries) == LIST_FIRST
    fold = driver.find_element(By.CSS_SELECTOR, "details.rk-k.rw details.rk-p > summary")
    assert fold.text == f"Reworded changes {LIST_FIRST + 1}–{N // 2} of {N // 2}"
    fold.click()
    assert driver.execute_script(entries) == comparison.change_counts()[ChangeKind.REWORDED] == N // 2
    last = driver.find_elements(By.CSS_SELECTOR, "details.rk-k.rw li")[-1]
    assert last.is_displayed() and last.find_element(By.TAG_NAME, "a").get_attribute("href").endswith(f"#g{N}")


def test_without_javascript_every_page_shows(browser, long_report):
    path, comparison = long_report
    driver = browser(javascript=False)
    _open(driver, path)
    shown = driver.execute_script(ROWS + ".filter(r => r.getClientRects().length).map(r => r.id)")
    assert shown == [f"g{i + 1}" for i in range(N)]
    folded = driver.execute_script("return document.querySelectorAll('details.rk-p li').length")
    assert folded == N // 2 - LIST_FIRST  # in the closed fold, as markup


def test_an_empty_comparison_still_gets_its_controls(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "empty.html"
    write_report(compare_texts("", "", left_name="a.txt", right_name="b.txt"), path)
    driver = browser()
    _open(driver, path)
    assert driver.find_element(By.ID, "shown").text == "Showing 0 of 0 rows"  # the script ran to the end
    driver.find_element(By.TAG_NAME, "body").send_keys("j")  # nothing to go to, and no error
    assert not driver.find_elements(By.CSS_SELECTOR, ".r.cur")
