"""Where the table starts: the most rows of the riskiest kind near the top, the top itself on a tie."""

from __future__ import annotations

from drift_viewer.app.window.opening import closest_respelling, opening_offset

NONE, TOP, OTHER = (0, 0), (1, 0), (0, 1)


def test_everything_fits_stays_at_the_top():
    assert opening_offset([50, 50, 50], [TOP, NONE, TOP], viewport=400) == 0


def test_scrolls_the_least_that_shows_more_of_the_riskiest_rows():
    heights = [100] * 10
    scores = [NONE, TOP, NONE, NONE, NONE, TOP, TOP, NONE, NONE, NONE]
    # From the top, rows 0-3 show one name; from row 3, rows 3-6 show two.
    assert opening_offset(heights, scores, viewport=400) == 300


def test_a_tie_keeps_the_top_of_the_text():
    heights = [100] * 10
    scores = [TOP, NONE, NONE, NONE, TOP, NONE, NONE, NONE, NONE, NONE]
    assert opening_offset(heights, scores, viewport=400) == 0


def test_other_risky_rows_break_ties_between_equal_name_counts():
    heights = [100] * 10
    scores = [TOP, NONE, NONE, NONE, NONE, OTHER, NONE, NONE, NONE, NONE]
    assert opening_offset(heights, scores, viewport=400) == 0  # moving loses the name: names count first
    scores = [NONE, TOP, NONE, NONE, OTHER, NONE, NONE, NONE, NONE, NONE]
    assert opening_offset(heights, scores, viewport=400) == 100  # rows 1-4: the name and the quote


def test_never_more_than_one_screen_down():
    heights = [100] * 20
    scores = [NONE] * 15 + [TOP] * 5
    assert opening_offset(heights, scores, viewport=400) == 0


def test_a_one_letter_respelling_is_the_change_to_select():
    pairs = [("Russian", "Russia's"), ("Haynes", "Haines"), ("Kyiv", "")]
    assert closest_respelling(pairs) == 1
    assert closest_respelling([("Joe Biden", "Biden"), ("Kyiv", "Kiev"), ("Oduya", "Oduja")]) == 2
    assert closest_respelling([("Oduya", "Oduja"), ("Tomas", "Thomas")]) == 0  # a tie: reading order
    assert closest_respelling([]) == 0
