"""The report marks weak links: class "wk" and a title saying how sure the link is."""

from __future__ import annotations

import json
from pathlib import Path

from drift_viewer.cli import main
from drift_viewer.engine import weak

from .htmltree import parse


def test_weak_rows_carry_a_class_and_a_title(tmp_path: Path, shared_data: Path):
    folder = shared_data / "deplain-dev-hard"
    left, right = str(folder / "46.src"), str(folder / "46.tgt")
    out, data = tmp_path / "r.html", tmp_path / "r.json"
    assert main(["report", left, right, "--presegmented", "-o", str(out)]) == 1
    assert main(["compare", left, right, "--presegmented", "--format", "json", "-o", str(data)]) == 1
    groups = json.loads(data.read_text(encoding="utf-8"))["groups"]
    expected = {
        f"g{k + 1}" for k, g in enumerate(groups) if g["confidence"] is not None and g["confidence"] < weak.SURE
    }
    assert expected
    rows = [n for n in parse(out.read_text(encoding="utf-8")).iter() if n.tag == "div" and "r" in n.classes]
    assert len(rows) == len(groups)
    marked = {str(n.attrs["id"]) for n in rows if "wk" in n.classes}
    assert marked == expected
    assert all("Weak link: confidence" in str(n.attrs["title"]) for n in rows if "wk" in n.classes)
