"""The Qt-free helpers: code points to UTF-16 at the edge, cell highlights, the hide-equal filter."""

from __future__ import annotations

from drift_viewer.app.table import cells
from drift_viewer.engine.model import ChangeKind, GroupKind
from drift_viewer.engine.pipeline import compare_texts


def utf16_slice(text: str, start: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * start : 2 * (start + length)].decode("utf-16-le")


def test_utf16_prefix_is_none_without_astral_characters():
    assert cells.utf16_prefix("Haynes — “quoted” é") is None
    assert cells.to_utf16(None, 5) == 5


def test_utf16_prefix_counts_astral_characters_twice():
    prefix = cells.utf16_prefix("a😀b𝄞c")
    assert prefix == [0, 1, 3, 4, 6, 7]


def test_highlight_lands_on_the_changed_word_after_emoji():
    comparison = compare_texts("😀🎉 Avril Haines said so. 😀", "😀🎉 Avril Haynes said so. 😀")
    cell = cells.cell(comparison, 0, cells.LEFT)
    names = [h for h in cell.highlights if h.kind is ChangeKind.NAME]
    assert names and utf16_slice(cell.text, names[0].start, names[0].length) == "Haines"
    right = cells.cell(comparison, 0, cells.RIGHT)
    name = next(h for h in right.highlights if h.kind is ChangeKind.NAME)
    assert utf16_slice(right.text, name.start, name.length) == "Haynes"


def test_one_sided_group_has_an_empty_cell():
    comparison = compare_texts("First one here.\n\nOnly on the left, a whole new sentence.", "First one here.")
    only = [i for i, g in enumerate(comparison.groups) if g.kind is GroupKind.ONLY_LEFT]
    assert only
    assert cells.cell(comparison, only[0], cells.RIGHT).text == ""
    assert cells.cell(comparison, only[0], cells.LEFT).paragraph_start


def test_visible_groups_keeps_equal_rows_around_changes():
    left = "\n\n".join(f"Sentence number {w} is here." for w in "abcdefghij")
    right = left.replace("number f", "number F").replace("number f", "x")
    comparison = compare_texts(left, right.replace("Sentence number f", "Sentence numeral f"))
    changed = [i for i, g in enumerate(comparison.groups) if g.kind is not GroupKind.EQUAL]
    assert changed == [5]
    assert cells.visible_groups(comparison, hide_equal=False) == list(range(10))
    assert cells.visible_groups(comparison, hide_equal=True, equal_around=1) == [4, 5, 6]
    assert cells.visible_groups(comparison, hide_equal=True, equal_around=2) == [3, 4, 5, 6, 7]
