"""Every hostile file of tests/hostile_corpus.py through the command line, as a user would run it: a
correct result or one clear line (exit 2), never a traceback, and nothing raw that a terminal would run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drift_viewer.cli import main
from tests.hostile_corpus import BASE, INSIDE_NAME, build, contents

REFUSED = {
    "image.png": "is an image",
    "paper.pdf": "is a PDF document",
    "archive.zip": "is a ZIP archive",
    "program.elf": "is a program",
    "nuls.txt": "looks like a binary file",
}
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", sorted(contents()))
def test_every_hostile_file_gives_a_result_or_one_line(corpus: dict[str, Path], name: str, capsys) -> None:
    path = corpus[name]
    base = path.parent / "base.txt"
    for pair in ((base, path), (path, base)):
        code = main(["compare", *map(str, pair)])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        if name in REFUSED:
            assert code == 2 and captured.out == ""
            assert captured.err == f"drift-viewer: {path}: {captured.err.split(': ', 2)[2]}"
            assert REFUSED[name] in captured.err and captured.err.count("\n") == 1
            continue
        assert code in (0, 1), captured.err
        assert all(line.startswith("drift-viewer: warning: ") for line in captured.err.splitlines())
        assert not _RAW_CONTROL.search(captured.out), "a control character reached the terminal raw"
        assert captured.out.startswith(f"{pair[0].name} (")


@pytest.mark.parametrize("name", sorted(INSIDE_NAME))
def test_a_name_with_an_invisible_or_disguised_letter_is_a_hidden_change(
    corpus: dict[str, Path], name: str, tmp_path: Path
) -> None:
    out = tmp_path / "c.json"
    assert (
        main(
            ["compare", str(corpus["base.txt"]), str(corpus[f"inside_{name}.txt"]), "-o", str(out), "--format", "json"]
        )
        == 1
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    changes = [c for g in data["groups"] for c in g["changes"]]
    assert [(c["kind"], c["left_text"], c["right_text"]) for c in changes] == [
        ("hidden", "Haines", INSIDE_NAME[name].rstrip("\u202c"))
    ] or [(c["kind"], c["left_text"]) for c in changes] == [("hidden", "Haines")]
    names = [f for f in data["facts"]["rows"] if f["kind"] == "name"]
    assert [f["status"] for f in names] == ["same"], names  # one name, never "Haines" respelt as "Hai"
    report = tmp_path / "r.html"
    assert main(["report", str(corpus["base.txt"]), str(corpus[f"inside_{name}.txt"]), "-o", str(report)]) == 1
    page = report.read_text(encoding="utf-8")
    assert "<mark class=iv>" in page  # highlighted as a hidden change
    assert 'class="cc hc"' in page or "class=lk" in page  # and the invisible or disguised letter drawn


def test_the_corpus_has_what_its_name_says(corpus: dict[str, Path]) -> None:
    # A guard against a generator that silently drifts: the base sentence, and each file's defining bytes.
    assert corpus["utf32le.txt"].read_bytes()[:8] == b"M\0\0\0a\0\0\0"
    assert corpus["inside_zwsp.txt"].read_text(encoding="utf-8") == BASE.replace("Haines", "Hai\u200bnes")
    assert len(corpus["many_lines.txt"].read_bytes().splitlines()) == 20_000
