"""Smoke test of benchmarks/boilerplate.py (the extractor comparison): its scoring and one page through every
extractor. No figure is asserted beyond what the scoring must satisfy; the numbers come from running it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drift_viewer.engine.load.html import html_to_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import boilerplate  # noqa: E402
import seedpages  # noqa: E402


def test_score_counts_story_boilerplate_and_neutral_sentences() -> None:
    gold = ["+ The council voted. It was late.", "~ By a reporter", "Home"]
    kept = "The council voted.\n\nBy a reporter\n\nShare this"
    assert boilerplate.score(kept, gold, "en") == (1, 1, 2)


def test_every_extractor_runs_on_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("readability")
    page = [p for p in boilerplate.pages() if p[0] == "harbour-original"]
    monkeypatch.setattr(boilerplate, "pages", lambda: page)
    rows = boilerplate.run(runs=1)
    assert [row[1] for row in rows] == list(boilerplate.EXTRACTORS)
    for _name, _label, hits, boiler, story, wall, cpu in rows:
        assert 0 < hits <= story and boiler >= 0 and wall >= 0 and cpu >= 0


def test_seed_pages_hold_the_seed_lines(shared_data: Path) -> None:
    pages = seedpages.seed_pages()
    assert [name for name, _, _ in pages] == ["seed-rferl-original", "seed-spun-copy"]
    for _name, page, gold in pages:
        story = [line[2:] for line in gold if line.startswith("+ ")]
        paragraphs = html_to_text(page)[0].split("\n\n")
        assert len(story) > 10 and all(line in paragraphs for line in story)
        assert page.rstrip().endswith("</html>") and "<script" in page
