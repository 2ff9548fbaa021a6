"""index.html in headless Chromium (Debian's, driven by Selenium): the filter and the column sort work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drift_viewer.batch.runner import BatchConfig, run_batch

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture
def driver(tmp_path: Path):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("chromium and chromium-driver not installed: run `make browser`")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield d
    d.quit()


def _shown(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        r.find_elements(By.TAG_NAME, "td")[1].text
        for r in driver.find_elements(By.CSS_SELECTOR, "#pairs tbody tr")
        if r.is_displayed()
    ]


def test_index_filters_and_sorts(corpus, tmp_path, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    sources, copies = corpus
    out = tmp_path / "out"
    run_batch(BatchConfig(str(sources), str(copies), str(out), workers=1, progress=False))
    driver.get((out / "index.html").as_uri())
    riskiest_first = _shown(driver)
    assert riskiest_first[0] == "news/harbour-copy.txt" and len(riskiest_first) == 5
    assert driver.find_element(By.ID, "count").text == "5 of 5 pairs"
    driver.find_element(By.ID, "q").send_keys("orchard")
    assert _shown(driver) == ["orchard-page.html"]
    driver.find_element(By.ID, "q").clear()
    driver.find_element(By.ID, "q").send_keys(" ")  # an input event with an empty filter
    driver.find_element(By.ID, "q").clear()
    Select(driver.find_element(By.ID, "kind")).select_by_value("nosource")
    assert _shown(driver) == ["buns.txt"]
    Select(driver.find_element(By.ID, "kind")).select_by_value("")
    copy_header = driver.find_elements(By.CSS_SELECTOR, "#pairs thead th")[1]
    copy_header.click()
    assert _shown(driver) == sorted(riskiest_first)
    copy_header.click()
    assert _shown(driver) == sorted(riskiest_first, reverse=True)
    link = driver.find_element(By.LINK_TEXT, "news/harbour-copy.txt")
    link.click()
    assert driver.current_url.endswith("reports/news/harbour-copy.txt.html")
