"""Fixtures for the report tests: an HTML parser that collects what a reader sees, and Debian's
headless Chromium driven by Selenium (never a downloaded browser)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _driver(tmp_path: Path, *, dark: bool = False, javascript: bool = True, width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # An explicit driver path keeps Selenium Manager from looking for (or downloading) a browser.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if dark:
        driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
        )
    return driver


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Callable[..., object]]:
    """A factory for headless Chromium drivers; skips when Debian's chromium is not installed."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not installed: run `make browser` (apt-get install chromium chromium-driver)"
        )
    drivers = []

    def make(**kwargs):
        driver = _driver(tmp_path / f"d{len(drivers)}", **kwargs)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()
