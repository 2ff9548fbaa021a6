"""Web pages cut to their main text (load/maintext.py), on saved news pages (tests/engine/data/pages: each
NAME.html has a NAME.gold.txt, "+ " story lines, "~ " lines that may go either way, such as bylines)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.load import load_file
from drift_viewer.engine.load.html import html_to_text
from drift_viewer.engine.load.maintext import keep_main_text
from drift_viewer.engine.segment import segment

PAGES = Path(__file__).resolve().parent / "data" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))
# Lines of the pages' chrome, one or more on every page: none may reach the compared text.
CHROME = re.compile(
    r"^(Home|Home \| News|Startseite|Accueil|World|Privacy.*|.*©.*|Share this.*|Teilen|Partager.*|Accept all|"
    r".*cookies.*|.*Cookies.*|Leave a Reply|Related Articles|Back to top button|Subscribe|Search)$",
    re.MULTILINE,
)


def _gold(name: str) -> list[str]:
    lines = (PAGES / f"{name}.gold.txt").read_text(encoding="utf-8").splitlines()
    return [line[2:] for line in lines if line.startswith("+ ")]


def test_there_are_pages_to_test() -> None:
    assert len(NAMES) >= 5


@pytest.mark.parametrize("name", NAMES)
def test_a_page_keeps_its_story_and_drops_its_chrome(name: str) -> None:
    source = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    whole, _ = html_to_text(source)
    assert CHROME.search(whole), "the page has chrome to drop"
    doc = load_file(PAGES / f"{name}.html")
    paragraphs = doc.text.split("\n\n")
    for line in _gold(name):
        assert line in paragraphs
    assert CHROME.search(doc.text) is None, CHROME.search(doc.text)
    (summary,) = [w for w in doc.warnings if w.startswith("boilerplate dropped")]
    blocks, chars = (int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", summary))
    assert blocks > 5 and chars == len(whole.replace("\n", "")) - len(doc.text.replace("\n", ""))


@pytest.mark.parametrize("name", NAMES)
def test_every_kept_sentence_spans_exactly_its_text_in_the_source(name: str) -> None:
    source = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    doc = load_file(PAGES / f"{name}.html")
    sentences = segment(doc.text, None)
    assert sentences
    for s in sentences:
        start, end = doc.source_offset(s.start), doc.source_offset(s.end)
        spanned, _ = html_to_text(source[start:end])  # the span, its tags and entities read as a browser does
        assert " ".join(spanned.split()) == " ".join(s.text.split()), (s.text, source[start:end])
        assert source[end - 1] == s.text[-1] or source[end - 1] == ";"  # ends on its own last letter (or entity)
    last_script = source.rindex("<script")
    assert doc.source_offset(sentences[-1].end) < last_script


def test_keep_boilerplate_compares_the_whole_page() -> None:
    source = (PAGES / "harbour-republished.html").read_text(encoding="utf-8")
    doc = load_file(PAGES / "harbour-republished.html", keep_boilerplate=True)
    assert doc.text == html_to_text(source)[0]
    assert "Home | News" in doc.text.split("\n\n")
    assert not any("boilerplate" in w for w in doc.warnings)


def test_the_last_sentence_of_a_whole_page_stops_before_its_trailing_script(tmp_path: Path) -> None:
    page = "<html><body><p>Only text. The last one.</p>\n<script>var x = 1;</script>\n</body></html>\n"
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = load_file(path, keep_boilerplate=True)
    last = segment(doc.text, "en")[-1]
    assert page[doc.source_offset(last.start) : doc.source_offset(last.end)] == "The last one."


def test_a_page_without_an_article_is_compared_whole(tmp_path: Path) -> None:
    path = tmp_path / "f.html"
    path.write_text("<p>just a fragment</p>", encoding="utf-8")
    doc = load_file(path)
    assert doc.text == "just a fragment"
    assert doc.warnings == ("no main text found: the whole page is compared",)


# --- matching the extractor's blocks back to the page's lines ------------------------------------------------


def _keep(lines: list[str], blocks: list[str], title: str = "") -> list[str]:
    text = "\n\n".join(lines)
    kept = keep_main_text(text, list(range(len(text) + 1)), blocks, title)
    assert kept is not None
    return kept.text.split("\n\n")


def test_a_menu_word_inside_a_story_block_is_not_kept() -> None:
    lines = ["Home", "Share", "Share prices rose.", "Share", "Privacy"]
    assert _keep(lines, ["Share prices rose."]) == ["Share prices rose."]


def test_a_block_that_joins_two_lines_keeps_both_and_whitespace_does_not_matter() -> None:
    lines = ["Menu", "Offence", "Penalty", "First  report", "Footer"]
    assert _keep(lines, ["Offence Penalty", "First report"]) == ["Offence", "Penalty", "First  report"]


def test_a_paragraph_repeated_in_the_story_is_kept_every_time(tmp_path: Path) -> None:
    story = "".join(
        f"<p>Paragraph {i} of a story long enough for an extractor to call it an article.</p>" for i in range(4)
    )
    again = "<p>This paragraph is printed twice in a row by the careless copy.</p>"
    page = f"<html><body><nav>Home</nav><article><h1>T</h1>{story}{again}{again}{story}</article><footer>© x</footer></body></html>"
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    doc = load_file(path)
    assert doc.text.split("\n\n").count("This paragraph is printed twice in a row by the careless copy.") == 2
    assert doc.text.count("Paragraph 3 of a story") == 2 and "Home" not in doc.text
    assert _keep(["Menu", "A.", "A.", "B.", "B.", "Foot", "A."], ["A.", "B."]) == ["A.", "A.", "B.", "B."]


def test_the_headline_named_by_the_metadata_is_kept() -> None:
    lines = ["Site", "Big news today", "By a reporter", "The story.", "Big news today"]
    assert _keep(lines, ["The story."], "Big news today") == ["Big news today", "The story."]


def test_offsets_of_kept_text_and_the_summary() -> None:
    text = "Menu\n\nStory one.\nStory two.\n\nFooter ©"
    kept = keep_main_text(text, list(range(100, 100 + len(text) + 1)), ["Story one.", "Story two."])
    assert kept is not None
    assert kept.text == "Story one.\nStory two."  # a line break between kept neighbours stays one
    assert kept.offsets[0] == 100 + text.index("Story one.")
    assert kept.offsets[-1] == 100 + text.index("\n\nFooter")
    assert kept.summary() == "boilerplate dropped: 2 blocks, 12 characters"
    assert keep_main_text(text, list(range(len(text) + 1)), ["Nothing of it"]) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Home", "Share", "Share prices rose.", "A.", "B b.", "C.", "©", "Menu"]), max_size=20),
    st.data(),
)
def test_kept_lines_are_the_blocks_lines_in_order(lines: list[str], data: st.DataObject) -> None:
    """Whatever subsequence of the lines the extractor gives back, all of it is kept (their longest common
    subsequence is all of it), and nothing that is not one of its lines (a repeat of a kept line next to
    it may be: _keep_repeats)."""
    chosen = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    blocks = [line for line, c in zip(lines, chosen, strict=True) if c]
    text = "\n\n".join(lines)
    kept = keep_main_text(text, list(range(len(text) + 1)), blocks)
    if not blocks:
        assert kept is None
        return
    assert kept is not None
    out = kept.text.split("\n\n")
    assert set(out) == set(blocks) and len(out) >= len(blocks)
    assert kept.offsets == sorted(kept.offsets)
    for i, ch in enumerate(kept.text):
        assert ch == "\n" or text[kept.offsets[i]] == ch
