"""The report in a real browser (Debian's headless Chromium): scripts run under the page's policy,
filters hide and show rows, keys move between changes, a hostile document runs nothing, and the page
still shows everything with JavaScript off. Screenshots land in tmp_path, and also in
$DRIFT_REPORT_SHOTS when that is set, for a person to look at."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drift_viewer import compare_texts
from drift_viewer.engine.model import ChangeKind, GroupKind
from drift_viewer.report import visible_text, write_report
from drift_viewer.styles import CHANGE_STYLES

from .test_report_html import HOSTILE, MOVED_LEFT, MOVED_RIGHT, PLAIN


def _css_rgb(hex_colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))


LEFT = (
    "Avril Haines said on Dec. 4 that 55 people were hurt. The talks will not resume. "
    "The weather was mild. Officials met in Kyiv on Monday.\n\n" + MOVED_LEFT
)
RIGHT = (
    "Avril Haynes said on December 4 that 45 people were hurt. The talks will resume. "
    "The weather was mild. Officials met in Kiev on Monday.\n\n" + MOVED_RIGHT
)


def _shot(driver, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    keep = os.environ.get("DRIFT_REPORT_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)
    return path


def _open(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.execute_script("return document.readyState")


def _shown_rows(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('.tbl .r')].filter(r => getComputedStyle(r).display !== 'none')"
        ".map(r => r.id)"
    )


@pytest.fixture
def report(tmp_path: Path) -> tuple[Path, object]:
    comparison = compare_texts(LEFT, RIGHT, left_name="before.txt", right_name="after.txt")
    path = tmp_path / "report.html"
    write_report(comparison, path)
    return path, comparison


def test_filters_hide_and_show_rows(browser, report, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path, comparison = report
    driver = browser()
    _open(driver, path)
    assert driver.find_element(By.ID, "ctl").is_displayed(), "the inline script did not run (policy hash?)"
    every = [f"g{i + 1}" for i in range(len(comparison.groups))]
    assert _shown_rows(driver) == every
    _shot(driver, tmp_path, "report-light-top.png")

    boxes = driver.find_elements(By.CSS_SELECTOR, "#ctl input[data-k]")
    assert boxes
    for box in boxes:
        box.click()
    unchanged = [f"g{i + 1}" for i, g in enumerate(comparison.groups) if not g.changes]
    assert _shown_rows(driver) == unchanged
    assert "f-nm" in driver.execute_script("return document.documentElement.className")

    name_box = driver.find_element(By.CSS_SELECTOR, "#ctl input[data-k=nm]")
    name_box.click()
    with_names = [
        f"g{i + 1}" for i, g in enumerate(comparison.groups) if any(c.kind.value == "name" for c in g.changes)
    ]
    assert with_names and set(with_names) <= set(_shown_rows(driver))

    for box in boxes:
        if not box.is_selected():
            box.click()
    assert _shown_rows(driver) == every
    driver.find_element(By.ID, "hide-eq").click()
    equal = {f"g{i + 1}" for i, g in enumerate(comparison.groups) if g.kind is GroupKind.EQUAL}
    assert equal and set(_shown_rows(driver)) == set(every) - equal
    assert "Showing" in driver.find_element(By.ID, "shown").text


def test_keys_step_through_changes(browser, report, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path, comparison = report
    driver = browser()
    _open(driver, path)
    body = driver.find_element(By.TAG_NAME, "body")
    changed = [f"g{i + 1}" for i, g in enumerate(comparison.groups) if g.kind is not GroupKind.EQUAL]
    seen = []
    for _ in range(len(changed)):
        body.send_keys("j")
        seen.append(driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id"))
    assert seen == changed
    body.send_keys("k")
    assert driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id") == changed[-2]
    _shot(driver, tmp_path, "report-light-table.png")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshots_in_both_schemes(browser, report, tmp_path: Path, dark: bool):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path, _ = report
    driver = browser(dark=dark)
    _open(driver, path)
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") != dark
    name_mark = driver.execute_script("return getComputedStyle(document.querySelector('.tbl mark.nm')).backgroundColor")
    colour = _css_rgb(CHANGE_STYLES[ChangeKind.NAME].dark if dark else CHANGE_STYLES[ChangeKind.NAME].light)
    assert name_mark == colour  # the palette of styles.py, the one source of kind colours
    scheme = "dark" if dark else "light"
    _shot(driver, tmp_path, f"report-{scheme}-top.png")
    driver.execute_script("document.getElementById('table').scrollIntoView()")
    # The kind's name, the cue that needs neither colour nor underline, shows on pointing at a mark.
    mark = driver.find_element(By.CSS_SELECTOR, ".tbl mark.nm")
    ActionChains(driver).move_to_element(mark).perform()
    assert driver.execute_script("return getComputedStyle(arguments[0], '::after').content", mark) == '"Name"'
    _shot(driver, tmp_path, f"report-{scheme}-table.png")


def test_hostile_document_runs_nothing_and_shows_its_text(browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "hostile.html"
    write_report(compare_texts(HOSTILE, PLAIN, left_name="<b onmouseover=x>evil</b>.txt"), path)
    driver = browser()
    _open(driver, path)
    assert driver.execute_script("return window.__pwned") is None
    assert driver.title.startswith("Drift report: <b onmouseover=x>evil</b>.txt vs")
    assert driver.find_element(By.ID, "ctl").is_displayed()  # our script did run
    left = driver.execute_script(
        "return [...document.querySelectorAll('.tbl .r > .L')].map(c => c.textContent).join('')"
    )
    assert "".join(left.split()) == "".join(visible_text(HOSTILE).split())
    first = driver.find_element(By.CSS_SELECTOR, "#g1 > .L").text
    assert "<script>window.__pwned=1;document.title='pwned'</script>" in first
    assert not driver.find_elements(
        By.CSS_SELECTOR, ".tbl img, .tbl svg, .tbl script, .tbl textarea, .tbl a[href^=javascript]"
    )
    _shot(driver, tmp_path, "report-hostile.png")


def test_without_javascript_everything_shows(browser, report, tmp_path: Path):
    from selenium.webdriver.common.by import By

    path, comparison = report
    driver = browser(javascript=False)
    _open(driver, path)
    assert not driver.find_element(By.ID, "ctl").is_displayed()
    assert len(_shown_rows_nojs(driver)) == len(comparison.groups)


def _shown_rows_nojs(driver) -> list[object]:
    from selenium.webdriver.common.by import By

    return [r for r in driver.find_elements(By.CSS_SELECTOR, ".tbl .r") if r.is_displayed()]


def test_moved_link_jumps_to_partner(browser, report):
    from selenium.webdriver.common.by import By

    path, comparison = report
    driver = browser()
    _open(driver, path)
    moved = [i for i, g in enumerate(comparison.groups) if g.kind is GroupKind.MOVED]
    first = driver.find_element(By.ID, f"g{moved[0] + 1}")
    first.find_element(By.CSS_SELECTOR, "a.p").click()
    assert driver.execute_script("return location.hash") == f"#g{moved[1] + 1}"
    assert driver.find_element(By.CSS_SELECTOR, ".r.cur").get_attribute("id") == f"g{moved[1] + 1}"


def test_print_media_hides_controls_and_keeps_rows_whole(browser, report):
    path, comparison = report
    driver = browser(dark=True)
    _open(driver, path)
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": "print", "features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    style = driver.execute_script(
        "const r = getComputedStyle(document.querySelector('.tbl .r'));"
        "return [getComputedStyle(document.getElementById('ctl')).display, r.breakInside,"
        " getComputedStyle(document.body).backgroundColor]"
    )
    assert style == ["none", "avoid", "rgb(255, 255, 255)"]  # paper is white even for a dark-mode reader
    assert driver.print_page()  # Chromium lays it out on A4 without complaint


def test_ranked_link_shows_a_row_a_filter_hid(browser, report):
    from selenium.webdriver.common.by import By

    path, comparison = report
    driver = browser()
    _open(driver, path)
    for box in driver.find_elements(By.CSS_SELECTOR, "#ctl input[data-k]"):
        box.click()
    negation = next(i for i, g in enumerate(comparison.groups) if any(c.kind.value == "negation" for c in g.changes))
    row = driver.find_element(By.ID, f"g{negation + 1}")
    assert not row.is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "details.rk-k.ng").is_displayed()  # filtered out too
    driver.execute_script("location.hash = arguments[0]", f"#g{negation + 1}")  # as a bookmark or moved link would
    assert row.is_displayed()
    assert "cur" in row.get_attribute("class")


def test_ranked_lists_of_outlined_kinds_get_no_box(browser, tmp_path: Path):
    """Spelling and Format marks are outlined; their ranked list, whose <details> carries the kind's class
    for the filters, must not draw that outline round the whole list."""
    comparison = compare_texts(
        "Viktor Orbán spoke on 4 May. It was $1.2bn.", "Viktor Orban spoke on 4 May. It was $1.2 billion."
    )
    path = tmp_path / "outlined.html"
    write_report(comparison, path)
    driver = browser()
    _open(driver, path)
    styles = driver.execute_script(
        "return [...document.querySelectorAll('details.rk-k.sp, details.rk-k.fm')]"
        ".map(d => getComputedStyle(d).outlineStyle)"
    )
    assert styles == ["none", "none"]
    mark = driver.execute_script("return getComputedStyle(document.querySelector('.tbl mark.sp')).outlineStyle")
    assert mark == "solid"  # the marks themselves keep it
