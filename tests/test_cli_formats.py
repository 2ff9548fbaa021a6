"""What `compare` and `report` write (issue 13): one 1-based row numbering in text, CSV, Markdown and the
report (JSON keeps 0-based indices and carries `row`), CSV safe to open in a spreadsheet, a Markdown
summary whose document text cannot become markup, provenance, --title, and counts that agree in number."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from drift_viewer.cli import main
from drift_viewer.report.markup import kind_class


def _htmltree():
    # By path: a dependency installs a top-level `tests` package into site-packages, which shadows this
    # folder (no __init__.py) unless a test package happened to put the project on sys.path first.
    spec = importlib.util.spec_from_file_location("_htmltree", Path(__file__).parent / "report" / "htmltree.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


parse = _htmltree().parse


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def outputs(tmp_path: Path, left: Path, right: Path, *extra: str) -> dict[str, str]:
    """Every output of one comparison, as written by the command."""
    found = {}
    for fmt in ("text", "json", "csv", "md"):
        out = tmp_path / f"out.{fmt}"
        assert main(["compare", str(left), str(right), "--format", fmt, "-o", str(out), *extra]) == 1
        found[fmt] = out.read_bytes().decode("utf-8")
    report = tmp_path / "r.html"
    assert main(["report", str(left), str(right), "-o", str(report), *extra]) == 1
    found["report"] = report.read_text(encoding="utf-8")
    return found


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def seed_outputs(seed, tmp_path) -> dict[str, str]:
    return outputs(tmp_path, *seed)


# --- one row numbering -----------------------------------------------------------------------------


def test_every_output_numbers_rows_as_the_report_does(seed_outputs) -> None:
    data = json.loads(seed_outputs["json"])
    groups = data["groups"]
    assert [g["row"] for g in groups] == list(range(1, len(groups) + 1))  # JSON: row = index + 1
    page = parse(seed_outputs["report"])
    report_rows = {int(r.attrs["id"][1:]): r for r in page.find_all("div", cls="r")}
    assert sorted(report_rows) == [g["row"] for g in groups]
    for g in groups:  # the report's row N is the JSON's group N - 1
        assert kind_class_of_row(report_rows[g["row"]]) == g["kind"]

    # text: one "row N kind:" head per group that is not equal, N as in the report
    heads = re.findall(r"^row (\d+) ([a-z-]+):", seed_outputs["text"], flags=re.M)
    assert [(int(n), kind) for n, kind in heads] == [(g["row"], g["kind"]) for g in groups if g["kind"] != "equal"]
    # the first rows of the seed pair: the spun copy's headline has no counterpart, then Blinken's sentence
    assert heads[0] == ("1", "only-left") and "row 2 changed: left sentence 2, right sentence 1" in seed_outputs["text"]

    # CSV: each change on its group's row, and the report marks that change's kind in that row
    rows = csv_rows(seed_outputs["csv"])
    expected = [
        (g["row"], c["kind"], c["left_text"])
        for g in groups
        if not (g["kind"] == "moved" and not g["left"])
        for c in g["changes"]
    ]
    assert [(int(r["row"]), r["change_kind"], r["left_text"]) for r in rows] == expected
    for r in rows:
        assert kind_class(r["change_kind"]) in report_rows[int(r["row"])].attrs["data-k"].split()

    # Markdown: "Row N" entries agree with the CSV's rows for the same change
    listed = re.findall(r"^- Row (\d+): \*\*(.+?)\*\* → ", seed_outputs["md"], flags=re.M)
    names = {(r["row"], r["left_text"]) for r in rows if r["change_kind"] == "name"}
    assert ("2", "Anthony") in names and ("2", "Anthony") in set(listed)


def kind_class_of_row(row) -> str:
    cls = next(c for c in row.classes if c != "r")
    return {"eq": "equal", "ch": "changed", "mv": "moved", "ol": "only-left", "or": "only-right"}[cls]


# --- CSV -------------------------------------------------------------------------------------------

HOSTILE_LEFT = "The total was 5 units. He typed a formula. Email the desk today. Add one more."
HOSTILE_RIGHT = (
    'The total was -5 units. He typed =HYPERLINK("http://x","y") a formula. Email @desk today. '
    'Add +1 more, "quoted"\nline.'
)


def test_csv_is_rfc4180_utf8_with_one_line_per_change(seed, seed_outputs, tmp_path) -> None:
    raw = (tmp_path / "out.csv").read_bytes()
    raw.decode("utf-8")  # UTF-8, strict
    assert raw.startswith(
        b"row,group_kind,change_kind,left_text,right_text,left_start,left_end,right_start,right_end\r\n"
    )
    assert raw.count(b"\n") == raw.count(b"\r\n")  # CRLF line ends (a line break inside a quoted field too)
    rows = csv_rows(seed_outputs["csv"])
    data = json.loads(seed_outputs["json"])
    assert len(rows) == sum(data["counts"]["changes"].values())
    left_text = seed[0].read_text(encoding="utf-8")
    right_text = seed[1].read_text(encoding="utf-8")
    for r in rows:  # offsets are code points into each file, as in the JSON
        left = left_text[int(r["left_start"]) : int(r["left_end"])]
        right = right_text[int(r["right_start"]) : int(r["right_end"])]
        assert r["left_text"] in (left, "'" + left) and r["right_text"] in (right, "'" + right)


def test_csv_cells_cannot_run_as_formulas(tmp_path) -> None:
    left = write(tmp_path / "l.txt", HOSTILE_LEFT)
    right = write(tmp_path / "r.txt", HOSTILE_RIGHT)
    out = tmp_path / "c.csv"
    assert main(["compare", str(left), str(right), "--format", "csv", "-o", str(out)]) == 1
    rows = csv_rows(out.read_text(encoding="utf-8"))
    cells = [r[col] for r in rows for col in ("left_text", "right_text")]
    risky = [c for c in cells if c.lstrip("'").lstrip()[:1] in ("=", "+", "-", "@")]
    assert len(risky) >= 3  # the pair holds "-5", "=HYPERLINK(", "@desk", "+1"
    for cell in risky:
        assert cell.startswith("'")
    for cell in cells:
        if not cell.startswith("'"):
            assert cell.lstrip()[:1] not in ("=", "+", "-", "@", "\t", "\r")
    # quotes, commas and a line break inside a cell come back whole through a CSV reader
    right_text = HOSTILE_RIGHT
    for r in rows:
        shown = r["right_text"]
        stored = right_text[int(r["right_start"]) : int(r["right_end"])]
        assert shown == stored or shown == "'" + stored
    assert any("\n" in r["right_text"] for r in rows) and any('"' in r["right_text"] for r in rows)


def test_csv_writes_invisible_characters_as_markers(tmp_path) -> None:
    left = write(tmp_path / "l.txt", "Meet in Paris today.")
    right = write(tmp_path / "r.txt", "Meet in Pa\u200bris today.")
    out = tmp_path / "c.csv"
    assert main(["compare", str(left), str(right), "--format", "csv", "-o", str(out)]) == 1
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert [(r["change_kind"], r["left_text"], r["right_text"]) for r in rows] == [("hidden", "Paris", "Pa⟨ZWSP⟩ris")]


# --- Markdown --------------------------------------------------------------------------------------


def test_markdown_summary_counts_then_the_changes_that_matter(seed, seed_outputs) -> None:
    md = seed_outputs["md"]
    data = json.loads(seed_outputs["json"])
    counts = data["counts"]["changes"]
    table = dict(re.findall(r"^\| ([A-Z][a-z]+(?: [a-z]+)?) \| ([\d,]+) \|$", md, flags=re.M))
    assert table["Name"] == str(counts["name"]) and table["Quotation"] == str(counts["quote"])
    assert table["Typography"] == str(counts["typography"])
    assert f"{sum(counts.values())} changes." in md
    for side, path in (("Left", seed[0]), ("Right", seed[1])):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert re.search(rf"^\| {side} \| {re.escape(path.name)} \| \d+ \| `{digest}` \|$", md, flags=re.M)
    # the changes that matter, with both sentences; spelling and below are only counted
    matter = md.split("### Changes that matter", 1)[1]
    kinds = re.findall(r"^#### (\w+) \((\d+)\)$", matter, flags=re.M)
    assert kinds == [("Name", str(counts["name"])), ("Quotation", str(counts["quote"]))]
    assert "- Row 2: **Anthony** → **Antony**" in matter
    entry = matter[matter.index("- Row 2: **Anthony**") :].splitlines()
    assert entry[1].startswith("  - Left: Washington sees no signs") and "Anthony Blinken" in entry[1]
    assert entry[2].startswith("  - Right: Washington sees no signs") and "Antony Blinken" in entry[2]
    assert "Spelling" not in matter and "Typography" not in matter


def test_markdown_document_text_cannot_become_markup(tmp_path) -> None:
    left = write(tmp_path / "l.txt", "Avril Haines said it was *not* [a](http://evil) <b>fine</b> & $5 | ok.")
    right = write(tmp_path / "r.txt", "Avril Haynes said it was *not* [a](http://evil) <b>fine</b> & $5 | ok.")
    out = tmp_path / "s.md"
    assert main(["compare", str(left), str(right), "--format", "md", "-o", str(out)]) == 1
    md = out.read_text(encoding="utf-8")
    assert "1 change." in md and "(1)" in md  # one change, said so
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<b>" not in html and "<a " not in html and "<em>" not in html
    tree = parse(html)
    items = [li.text() for li in tree.find_all("li")]
    assert "Left: Avril Haines said it was *not* [a](http://evil) <b>fine</b> & $5 | ok." in items
    assert "Right: Avril Haynes said it was *not* [a](http://evil) <b>fine</b> & $5 | ok." in items


def test_markdown_title(tmp_path, capsys) -> None:
    left = write(tmp_path / "l.txt", "The cat sat on the mat.")
    right = write(tmp_path / "r.txt", "The cat sat on the rug.")
    out = tmp_path / "s.md"
    assert main(["compare", str(left), str(right), "--format", "md", "--title", "Check *7*", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8").startswith("## Check \\*7\\*\n")
    with pytest.raises(SystemExit) as info:
        main(["compare", str(left), str(right), "--title", "Check"])
    assert info.value.code == 2 and "--title is for --format md" in capsys.readouterr().err


def test_markdown_for_identical_files_says_so(tmp_path) -> None:
    left = write(tmp_path / "l.txt", "One sentence.")
    out = tmp_path / "s.md"
    assert main(["compare", str(left), str(left), "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "the texts are the same" in md and "Changes that matter" not in md
    assert "| Left | l.txt | 1 |" in md


# --- provenance, title, plurals --------------------------------------------------------------------


def test_json_and_report_carry_provenance(seed, seed_outputs) -> None:
    data = json.loads(seed_outputs["json"])
    page = parse(seed_outputs["report"])
    header = page.find("table", id="documents").find("tbody").find_all("tr")
    for side, path, row in zip(("left", "right"), seed, header, strict=True):
        st = os.stat(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        entry = data[side]
        assert entry["path"] == str(path.resolve()) and Path(entry["path"]).is_absolute()
        assert entry["size"] == st.st_size and entry["encoding"] == "utf-8" and entry["sha256"] == digest
        assert entry["modified"] == datetime.fromtimestamp(st.st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        cells = [c.text() for c in row.find_all("td")]
        assert cells[0] == path.name and cells[1] == str(path.resolve()) and cells[-1] == digest
        assert entry["modified"].replace("T", " ").replace("Z", " UTC") == cells[3]


def test_report_title(seed, tmp_path) -> None:
    out = tmp_path / "r.html"
    title = "Spun copy vs RFE/RL <b>check</b>"
    assert main(["report", *map(str, seed), "-o", str(out), "--title", title]) == 1
    page = parse(out.read_text(encoding="utf-8"))
    assert page.find("h1").text() == title and page.find("title").text() == title
    assert page.find("h1").find_all("b") == []  # the title is text, not markup
    plain = tmp_path / "p.html"
    assert main(["report", *map(str, seed), "-o", str(plain)]) == 1
    assert parse(plain.read_text(encoding="utf-8")).find("h1").text() == "Drift report"


def test_one_is_singular_everywhere(tmp_path) -> None:
    left = write(tmp_path / "a.txt", "The cat sat on the mat.")
    right = write(tmp_path / "b.txt", "The cat sat on the rug.")
    found = outputs(tmp_path, left, right)
    assert found["text"].startswith("a.txt (1 sentence) vs b.txt (1 sentence)\n")
    assert "1 row (1 changed); 1 change." in found["md"]
    page = parse(found["report"])
    assert re.sub(r"\s+", " ", page.find("p", cls="sim").text()).endswith(", 1 change.")
    assert "1 sentences" not in found["text"] + found["md"] + found["report"]
    assert " 1 changes" not in found["text"] + found["md"] + found["report"]


def test_window_status_line_agrees_in_number() -> None:
    from drift_viewer import compare_texts
    from drift_viewer.app.prepared import prepare, summary

    one = summary(prepare(compare_texts("The cat sat on the \u202emat.", "The cat sat on the rug.")))
    assert "1 ⇄ 1 sentence " in one + " " and "holds 1 bidi control character" in one
    assert "characters" not in one and "sentences" not in one
    many = summary(prepare(compare_texts("A cat sat. It sat.", "A cat sat.")))
    assert "2 ⇄ 1 sentences" in many
