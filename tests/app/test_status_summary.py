"""The status bar's summary on a window too narrow for it: cut with "…", readable whole in its tooltip."""

from __future__ import annotations


def test_a_summary_too_long_for_the_window_keeps_its_whole_text_in_the_tooltip(qtbot, make_window, sample_pair):
    window = make_window()
    window.resize(900, 700)
    original, rewrite = sample_pair
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):  # the summary names B before its counts
        window.open_pair(original, rewrite, str(rewrite))
    label = window.summary_label
    qtbot.waitUntil(lambda: label.width() > 0)
    text = label.text()
    assert text.startswith("three versions: A against C through rewrite.txt") and text.endswith("typography")
    assert label.fontMetrics().horizontalAdvance(text) > label.width()  # it does not fit at 900 px
    assert label.toolTip() == text  # the counts cut off at the edge are still there to read
    window.resize(2400, 700)
    qtbot.waitUntil(lambda: label.width() > label.fontMetrics().horizontalAdvance(text))
    assert label.toolTip() == ""  # nothing hidden, nothing to hover for
