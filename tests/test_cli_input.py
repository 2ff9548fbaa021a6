"""Web pages and Markdown through the command line, as a user runs it (cli.main with real arguments)."""

from __future__ import annotations

import json
from pathlib import Path

from drift_viewer.cli import main

PAGES = Path(__file__).resolve().parent / "engine" / "data" / "pages"
ORIGINAL, COPY = PAGES / "harbour-original.html", PAGES / "harbour-republished.html"


def _pairs(data: dict) -> list[tuple[str, str]]:
    """(left text, right text) of every group with both sides."""
    left, right = data["left"]["sentences"], data["right"]["sentences"]
    return [
        (" ".join(left[i]["text"] for i in g["left"]), " ".join(right[j]["text"] for j in g["right"]))
        for g in data["groups"]
        if g["left"] and g["right"]
    ]


def _compare(tmp_path: Path, *extra: str) -> dict:
    out = tmp_path / "c.json"
    assert main(["compare", str(ORIGINAL), str(COPY), "--format", "json", "-o", str(out), *extra]) == 1
    return json.loads(out.read_text(encoding="utf-8"))


def test_menus_are_not_compared_by_default(tmp_path: Path) -> None:
    data = _compare(tmp_path)
    pairs = _pairs(data)
    assert ("Home", "Home | News") not in pairs
    every_text = [s["text"] for side in ("left", "right") for s in data[side]["sentences"]]
    assert not [t for t in every_text if t in ("Home", "Home | News", "World", "Privacy") or "©" in t]
    # the story's own changes are all still there
    kinds = {c["kind"] for g in data["groups"] for c in g["changes"]}
    assert {"number", "negation"} <= kinds
    assert any("£1.4bn" in a and "£1.6bn" in b for a, b in pairs)
    for side in ("left", "right"):
        (summary,) = [w for w in data[side]["warnings"] if w.startswith("boilerplate dropped:")]
        assert "blocks" in summary and "characters" in summary


def test_keep_boilerplate_compares_the_menus_too(tmp_path: Path) -> None:
    pairs = _pairs(_compare(tmp_path, "--keep-boilerplate"))
    assert ("Home", "Home | News") in pairs


def test_sentence_offsets_point_into_the_html(tmp_path: Path) -> None:
    data = _compare(tmp_path)
    source = COPY.read_text(encoding="utf-8")
    last = data["right"]["sentences"][-1]
    assert source[last["start"] : last["end"]] == last["text"]
    assert last["end"] < source.rindex("<script")


def test_the_report_says_what_was_dropped(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(ORIGINAL), str(COPY), "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert "boilerplate dropped:" in html and "harbour-republished.html" in html


def test_markdown_bullet_style_is_no_change(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# Plan\n\n- Dig the **tunnel**.\n- Open it in [2031](http://x) or later.\n", encoding="utf-8")
    b.write_text("# Plan\n\n* Dig the *tunnel*.\n* Open it in [2031](http://y) or later.\n", encoding="utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    capsys.readouterr()
    b.write_text("# Plan\n\n* Dig the *tunnel*.\n* Open it in [2032](http://y) or later.\n", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    changes = [c for g in data["groups"] for c in g["changes"]]
    assert [(c["left_text"], c["right_text"]) for c in changes] == [("2031", "2032")]
    source = a.read_text(encoding="utf-8")
    assert source[changes[0]["left_start"] : changes[0]["left_end"]] == "2031"
