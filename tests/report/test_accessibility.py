"""The report for people who use a keyboard or a screen reader, in Debian's headless Chromium: no
critical or serious axe-core violation (axe-selenium-python bundles axe-core, so nothing downloads),
a banner, navigation and main landmark, and every control reachable with Tab and visibly focused."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import compare_files
from drift_viewer.report import write_report

from .test_browser import _open, _shot
from .test_browser_pages import long_report  # noqa: F401 (a fixture)

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    left, right = SEED / "rferl-original.txt", SEED / "spun-copy.txt"
    if not left.is_file():
        pytest.skip("../shared/data/seed is not beside the project")
    path = tmp_path_factory.mktemp("seed") / "seed.html"
    write_report(compare_files(left, right), path)
    return path


def _axe(driver) -> list[dict]:
    axe_selenium_python = pytest.importorskip("axe_selenium_python", reason="pip install axe-selenium-python")
    driver.set_script_timeout(300)  # axe takes seconds on a few hundred rows, more on a loaded machine
    axe = axe_selenium_python.Axe(driver)
    axe.inject()  # the bundled axe.min.js, through WebDriver: the page's policy does not apply to it
    results = axe.run()
    return [v for v in results["violations"] if v["impact"] in ("critical", "serious")]


def _describe(violations: list[dict]) -> str:
    return "; ".join(f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in violations)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_seed_report_has_no_serious_axe_violation(browser, seed_report, dark: bool):
    driver = browser(dark=dark)
    _open(driver, seed_report)
    bad = _axe(driver)
    assert not bad, _describe(bad)


def test_long_report_has_no_serious_axe_violation(browser, long_report):  # noqa: F811
    path, _ = long_report
    driver = browser()
    _open(driver, path)
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    bad = _axe(driver)
    assert not bad, _describe(bad)


def test_landmarks(browser, seed_report):
    driver = browser()
    _open(driver, seed_report)
    found = driver.execute_script(
        "return ['body > header', 'body > nav[aria-label]', 'body > main'].map(s => document.querySelectorAll(s).length)"
    )
    assert found == [1, 1, 1]
    inside = driver.execute_script(
        "return ['#summary', '#ranked', '#facts', '#table', '#legend'].every(s => document.querySelector('main ' + s))"
    )
    assert inside


def _tab_stops(driver, limit: int) -> list[dict]:
    """Press Tab until focus comes back round, recording each focused element and how it is drawn."""
    stops: list[dict] = []
    for _ in range(limit):
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent", {"type": "keyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
        )
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent", {"type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
        )
        stop = driver.execute_script(
            "const e = document.activeElement, s = getComputedStyle(e);"
            "if (e === document.body) return null;"
            "return {key: e.id || e.tagName + ':' + (e.getAttribute('href') || e.textContent.slice(0, 30)),"
            " tag: e.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}"
        )
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            break
        stops.append(stop)
    return stops


def test_every_control_is_reached_by_tab_and_shows_focus(browser, seed_report, tmp_path: Path):
    driver = browser()
    _open(driver, seed_report)
    controls = driver.execute_script(
        "return [...document.querySelectorAll('a[href], button, input, select, summary')]"
        ".filter(e => e.getClientRects().length).map(e => e.id || e.tagName + ':' + (e.getAttribute('href') || e.textContent.slice(0, 30)))"
    )
    stops = _tab_stops(driver, len(controls) + 5)
    reached = [s["key"] for s in stops]
    assert sorted(reached) == sorted(controls)
    assert reached[:5] == ["A:#summary", "A:#ranked", "A:#facts", "A:#table", "A:#legend"]  # the page's order, top down
    unfocused = [s for s in stops if s["outline"] == "none" or s["width"] < 2]
    assert not unfocused, unfocused
    _shot(driver, tmp_path, "report-focus.png")
