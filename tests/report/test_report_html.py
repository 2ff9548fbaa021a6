"""The report page read back with an HTML parser: header, summary, ranked list, rows, escaping, round trip."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drift_viewer import __version__, compare_files, compare_texts
from drift_viewer.cli import main
from drift_viewer.engine.model import RISK_ORDER, GroupKind, risk_rank
from drift_viewer.report import render_report, visible_text, write_report
from drift_viewer.report.markup import KIND_CLASSES, kind_class
from drift_viewer.report.page import EXCERPT_CHARS, ROW_CLASSES

from .htmltree import Node, parse

HOSTILE = (
    "Breaking <script>window.__pwned=1;document.title='pwned'</script> news.\n\n"
    "An image <img src=x onerror=\"window.__pwned=2;document.title='pwned'\"> here.\n\n"
    "Close </textarea></div></section></body> tags and {{ 7*7 }} {% if 1 %}jinja{% endif %} too.\n\n"
    '<a href="javascript:window.__pwned=3">click me</a> and a null \x00 byte, escape \x1b too.\n\n'
    "'\"><svg onload=window.__pwned=4> and <!-- comment --> and ]]> done."
)
PLAIN = "Breaking news.\n\nAn image here.\n\nClose tags too.\n\nA link and a byte.\n\nDone."

MOVED_LEFT = (
    "The cat sat on the mat today. Dogs bark loudly at night in the city. Birds sing in the early morning "
    "light. Fish swim in the deep blue sea. The sun rises slowly in the east."
)
MOVED_RIGHT = (
    "Dogs bark loudly at night in the city. Birds sing in the early morning light. Fish swim in the deep "
    "blue sea. The sun rises slowly in the east. The cat sat on the mat today."
)


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "\u2026"


def squeeze(text: str) -> str:
    return "".join(text.split())


def rows_of(page: Node) -> list[Node]:
    return page.find(cls="tbl").find_all("div", cls="r")


def cell(row: Node, side: str) -> Node:
    return row.find("div", cls=side)


@pytest.fixture(scope="module")
def seed_comparison():
    seed = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed"
    left, right = seed / "spun-copy.txt", seed / "rferl-original.txt"
    if not left.is_file():
        pytest.skip("../shared/data/seed is not beside the project")
    return compare_files(left, right)


@pytest.fixture(scope="module")
def seed_page(seed_comparison) -> Node:
    return parse(render_report(seed_comparison))


def test_header_names_both_files_and_the_version(seed_comparison, seed_page):
    docs = seed_page.find("table", id="documents").find("tbody").find_all("tr")
    assert [r.find("td", cls="fn").text() for r in docs] == ["spun-copy.txt", "rferl-original.txt"]
    for row, side in zip(docs, (seed_comparison.left, seed_comparison.right), strict=True):
        cells = [c.text() for c in row.find_all("td")]
        path = Path(side.document.path or "")
        assert path.is_absolute() and cells[1] == str(path)  # provenance: which file, exactly
        assert f"{side.document.size:,} bytes" in cells[2]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", cells[3])
        assert cells[-1] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert seed_page.find(id="version").text() == __version__
    assert "spun-copy.txt" in seed_page.find("title").text()


def test_summary_counts_match_the_comparison(seed_comparison, seed_page):
    assert seed_page.find(id="similarity").text() == f"{seed_comparison.similarity:.1%}"
    counts = seed_comparison.change_counts()
    shown = {
        tr.attrs["data-kind"]: int(tr.find("td").text().replace(",", ""))
        for tr in seed_page.find("table", id="change-counts").find_all("tr")
    }
    assert shown == {k.value: counts.get(k, 0) for k in RISK_ORDER}
    assert int(seed_page.find(id="total-changes").text().replace(",", "")) == sum(counts.values())
    groups = seed_comparison.group_counts()
    rows = {tr.attrs["data-kind"]: int(tr.find("td").text()) for tr in seed_page.find(id="row-counts").find_all("tr")}
    assert rows == {ROW_CLASSES[k]: groups.get(k, 0) for k in GroupKind}


def test_ranked_list_is_in_risk_order_and_links_to_rows(seed_comparison, seed_page):
    ids = {r.attrs["id"] for r in rows_of(seed_page)}
    folds = seed_page.find("section", id="ranked").find_all("details", cls="rk-k")
    lists = [ol for d in folds for ol in d.find_all("ol", cls="rk")]
    by_class = {kind_class(k): k for k in RISK_ORDER}
    kinds = [next(c for c in d.classes if c in by_class) for d in folds]
    assert all("open" in d.attrs for d in folds)
    ranks = [risk_rank(by_class[c]) for c in kinds]
    assert ranks == sorted(ranks) and len(set(kinds)) == len(kinds)
    counts = seed_comparison.change_counts()
    expected = sorted(seed_comparison.iter_changes(), key=lambda ic: risk_rank(ic[1].kind))
    entries = [li for ol in lists for li in ol.find_all("li")]
    assert len(entries) == sum(counts.values())  # every change, none cut
    for li, (index, change) in zip(entries, expected, strict=True):
        href = li.find("a").attrs["href"]
        assert href == f"#g{index + 1}" and href[1:] in ids
        assert li.find("del").text() == visible_text(excerpt(change.left_text))
        assert li.find("ins").text() == visible_text(excerpt(change.right_text))


def test_every_group_is_a_row_with_both_texts(seed_comparison, seed_page):
    rows = rows_of(seed_page)
    assert len(rows) == len(seed_comparison.groups)
    for n, (row, group) in enumerate(zip(rows, seed_comparison.groups, strict=True), start=1):
        assert row.attrs["id"] == f"g{n}"
        assert ROW_CLASSES[group.kind] in row.classes
        assert cell(row, "L").text() == visible_text(seed_comparison.left.group_text(group.left))
        assert cell(row, "R").text() == visible_text(seed_comparison.right.group_text(group.right))
        marks = row.find_all("mark")
        assert len(marks) >= len(group.changes) if group.kind is not GroupKind.MOVED else True
        assert set((row.attrs.get("data-k") or "").split()) == {kind_class(c.kind) for c in group.changes}
        for mark in marks:
            assert set(mark.classes) & set(KIND_CLASSES.values())


def test_each_side_round_trips(seed_comparison, seed_page):
    rows = rows_of(seed_page)
    for side, doc in (("L", seed_comparison.left.text), ("R", seed_comparison.right.text)):
        assert squeeze("".join(cell(r, side).text() for r in rows)) == squeeze(visible_text(doc))


def test_hostile_document_is_text_and_nothing_more():
    comparison = compare_texts(HOSTILE, PLAIN, left_name="<img src=x onerror=alert(1)>.txt")
    html = render_report(comparison)
    page = parse(html)
    assert len(page.find_all("script")) == 1  # ours, and nothing of the document
    assert not page.find_all("img") and not page.find_all("svg") and not page.find_all("textarea")
    for node in page.iter():
        assert not any(name.startswith("on") for name in node.attrs), node
        assert not any("javascript:" in (value or "") for value in node.attrs.values()), node
    assert "\x00" not in html
    rows = rows_of(page)
    left = "".join(cell(r, "L").text() for r in rows)
    assert squeeze(left) == squeeze(visible_text(HOSTILE))
    assert "{{ 7*7 }} {% if 1 %}jinja{% endif %}" in left
    assert "\u2400" in left and "\u241b" in left
    assert page.find("td", cls="fn").text() == "<img src=x onerror=alert(1)>.txt"


def test_policy_allows_only_the_inline_style_and_script():
    html = render_report(compare_texts("a.", "b."))
    page = parse(html)
    csp = page.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "unsafe" not in csp
    # The policy itself is left out: its base64 hashes may hold "//" followed by a letter.
    rest = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert not re.search(r"(?i)(https?:|//[a-z]|@import|url\()", rest)


def test_moved_sentences_link_both_ways():
    comparison = compare_texts(MOVED_LEFT, MOVED_RIGHT)
    moved = [i for i, g in enumerate(comparison.groups) if g.kind is GroupKind.MOVED]
    assert len(moved) == 2
    rows = rows_of(parse(render_report(comparison)))
    a, b = (rows[i] for i in moved)
    assert a.find("a", cls="p").attrs["href"] == f"#{b.attrs['id']}"
    assert b.find("a", cls="p").attrs["href"] == f"#{a.attrs['id']}"
    assert cell(a, "R").text() == "" and cell(b, "L").text() == ""
    assert cell(a, "L").text() == cell(b, "R").text() == "The cat sat on the mat today."


def test_identical_texts_say_so():
    page = parse(render_report(compare_texts("Same text.", "Same text.")))
    assert "the texts are the same" in page.find("section", id="summary").text()
    assert "No changes." in page.find("section", id="ranked").text()


def test_write_report_is_atomic(tmp_path: Path, monkeypatch):
    target = tmp_path / "r.html"
    fixed = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    write_report(compare_texts("a.", "b."), target, generated=fixed)
    assert "2024-01-02 03:04:05 UTC" in target.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["r.html"]

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_report(compare_texts("c.", "d."), target)
    assert "2024-01-02" in target.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["r.html"]


def test_cli_report_command(tmp_path: Path):
    left, right, out = tmp_path / "l.txt", tmp_path / "r.txt", tmp_path / "out.html"
    left.write_text("One. Two.", encoding="utf-8")
    right.write_text("One. Three.", encoding="utf-8")
    assert main(["report", str(left), str(right), "-o", str(out)]) == 1
    assert len(rows_of(parse(out.read_text(encoding="utf-8")))) >= 1


def test_markup_is_lean(seed_page):
    # Classes only: no per-word inline styles, no per-mark attributes beyond the kind's class.
    for node in seed_page.iter():
        assert "style" not in node.attrs, node.tag
    for mark in seed_page.find(cls="tbl").find_all("mark"):
        assert set(mark.attrs) == {"class"}
