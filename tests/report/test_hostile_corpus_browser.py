"""The hostile corpus's pages, Markdown and text that try to run script, reported and opened in headless
Chromium: nothing runs (no alert, window.__pwned unset), no link, frame or image comes through, and the
report's own script still runs under its policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer.cli import main
from tests.hostile_corpus import build

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

_PROBE = """return {
  pwned: window.__pwned === undefined ? null : window.__pwned,
  title: document.title,
  javascript: [...document.querySelectorAll('[href],[src]')]
      .filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
  embedded: document.querySelectorAll('iframe, object, embed, img, svg image, .tbl svg, .tbl script').length,
  scripts: document.querySelectorAll('script').length,
  ours: !!document.getElementById('ctl') && getComputedStyle(document.getElementById('ctl')).display !== 'none'}"""


@pytest.mark.parametrize("name", ["scripts.html", "injection.md", "injection.txt"])
def test_hostile_markup_in_the_report_runs_nothing(browser, tmp_path: Path, name: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    corpus = build(tmp_path / "corpus")
    report = tmp_path / "r.html"
    title = "<script>window.__pwned='title'</script><img src=x onerror=window.__pwned='img'>"
    assert main(["report", str(corpus["base.txt"]), str(corpus[name]), "-o", str(report), "--title", title]) == 1
    driver = browser()
    driver.get(report.as_uri())
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - the property raises when no dialog is open
    found = driver.execute_script(_PROBE)
    assert found == {"pwned": None, "title": title, "javascript": 0, "embedded": 0, "scripts": 1, "ours": True}
    text = driver.execute_script("return document.querySelector('.tbl').textContent")
    assert "Haines" in text
