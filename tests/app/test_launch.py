"""launch.take_screenshot: whole-window renders a user would see, at 200% scaling and under a dark palette
(shots.py makes them)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from shots import render

from drift_viewer.app.launch import SCREENSHOT_SIZE


def _lightness(image: QImage, x: int, y: int) -> int:
    return QColor(image.pixel(x, y)).lightness()


def test_200_percent_scaling_renders_at_twice_the_pixels(sample_pair, tmp_path):
    out = tmp_path / "scaled.png"
    done = render(*sample_pair, out, scale=2)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2 * SCREENSHOT_SIZE[0], 2 * SCREENSHOT_SIZE[1])
    # Drawn at 200%, not blank: the table's text gives many distinct antialiasing shades.
    block = {image.pixel(x, y) for x in range(200, 1800, 3) for y in range(300, 1200, 3)}
    assert len(block) > 20


def test_dark_screenshot_is_dark_with_light_text(sample_pair, tmp_path):
    out = tmp_path / "dark.png"
    done = render(*sample_pair, out, dark=True)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    table = [_lightness(image, x, y) for x in range(20, 800, 7) for y in range(120, 800, 7)]
    assert sum(table) / len(table) < 100  # mostly dark background
    assert max(table) > 180  # with light text
