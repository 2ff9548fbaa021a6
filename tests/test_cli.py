"""The command line as a user runs it: exit statuses like diff(1), JSON schema, bad input as one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drift_viewer.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drift_viewer", *args], capture_output=True, text=True, timeout=120)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_identical_files_exit_0_and_different_exit_1(tmp_path, capsys):
    a = write(tmp_path / "a.txt", "The cat sat on the mat. It was warm.")
    b = write(tmp_path / "b.txt", "The cat sat on the mat. It was warm.")
    c = write(tmp_path / "c.txt", "The cat sat on the rug. It was warm.")
    assert main(["compare", str(a), str(b)]) == 0
    assert main(["compare", str(a), str(c)]) == 1
    out = capsys.readouterr().out
    assert "[-mat-]{+rug+}" in out and "\x1b[" not in out  # no colour when not a terminal


def test_json_output_follows_the_schema(tmp_path, sample_pair):
    out = tmp_path / "c.json"
    assert main(["compare", str(sample_pair[0]), str(sample_pair[1]), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "drift-viewer/comparison" and data["version"] == 1
    for side, path in (("left", sample_pair[0]), ("right", sample_pair[1])):
        text = path.read_text(encoding="utf-8")
        for sentence in data[side]["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    kinds = {g["kind"] for g in data["groups"]}
    assert {"changed", "only-left", "only-right"} <= kinds | {"only-left", "only-right"} and "changed" in kinds
    left_text = sample_pair[0].read_text(encoding="utf-8")
    for group in data["groups"]:
        assert set(group) >= {"left", "right", "kind", "similarity", "changes"}
        for change in group["changes"]:
            assert left_text[change["left_start"] : change["left_end"]] == change["left_text"]


def test_python_dash_m_matches_the_entry_point(tmp_path, sample_pair):
    result = run("compare", str(sample_pair[0]), str(sample_pair[1]))
    assert result.returncode == 1
    assert result.stdout.startswith("original.txt")
    help_result = run("--help")
    assert help_result.returncode == 0 and "compare" in help_result.stdout


def test_align_presegmented_prints_vecalign_lines(tmp_path):
    a = write(tmp_path / "a.txt", "The cat sat on the mat.\nIt was a very warm day outside.\nBirds sang.\n")
    b = write(tmp_path / "b.txt", "The cat sat on the mat.\nIt was a very warm day outside.\n")
    out = tmp_path / "pred.txt"
    assert main(["align", str(a), str(b), "--presegmented", "-o", str(out)]) == 1
    assert out.read_text().splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[]"]


def test_align_gives_a_moved_sentence_as_one_group_at_its_left_place(tmp_path):
    moved = "The council approved the new harbour budget after a long debate on Tuesday evening."
    rest = ["Alpha one two three four.", "Beta four five six seven.", "Gamma seven eight nine ten."]
    a = write(tmp_path / "a.txt", "\n".join([rest[0], moved, *rest[1:]]) + "\n")
    b = write(tmp_path / "b.txt", "\n".join([*rest, moved]) + "\n")
    for extra in ([], ["--recall"]):
        out = tmp_path / "pred.txt"
        assert main(["align", str(a), str(b), "--presegmented", *extra, "-o", str(out)]) == 1
        assert out.read_text().splitlines() == ["[0]:[0]", "[1]:[3]", "[2]:[1]", "[3]:[2]"]


def test_json_gives_each_link_its_confidence(tmp_path):
    a = write(tmp_path / "a.txt", "The cat sat on the mat.\nIt was a very warm day outside.\nBirds sang.\n")
    b = write(tmp_path / "b.txt", "The cat sat on the mat.\nIt was a very warm day outside today.\n")
    out = tmp_path / "c.json"
    assert main(["compare", str(a), str(b), "--presegmented", "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text())
    assert data["options"]["recall"] is False
    conf = [(g["left"], g["right"], g["confidence"]) for g in data["groups"]]
    assert [c for a_, b_, c in conf if not (a_ and b_)] == [None]
    assert all(0.0 <= c <= 1.0 for a_, b_, c in conf if a_ and b_)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "folder"),
        (lambda d: (d / "bin.dat").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 100) and d / "bin.dat", "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    bad = make(tmp_path)
    good = write(tmp_path / "good.txt", "Fine text.")
    result = run("compare", str(bad), str(good))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(bad) in lines[0]


def test_too_large_file_is_refused(tmp_path):
    big = write(tmp_path / "big.txt", "word " * 1000)
    good = write(tmp_path / "good.txt", "Fine text.")
    result = run("compare", str(big), str(good), "--max-bytes", "100")
    assert result.returncode == 2 and "limit" in result.stderr and "Traceback" not in result.stderr


def test_empty_files_are_identical(tmp_path):
    a = write(tmp_path / "a.txt", "")
    b = write(tmp_path / "b.txt", "")
    assert main(["compare", str(a), str(b)]) == 0


def test_one_megabyte_line_without_punctuation_gives_a_result(tmp_path):
    text = " ".join(f"word{i % 997}" for i in range(150_000))
    a = write(tmp_path / "a.txt", text)
    b = write(tmp_path / "b.txt", text.replace("word5 ", "wort5 ", 3))
    out = tmp_path / "c.json"
    assert main(["compare", str(a), str(b), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    rebuilt = " ".join(s["text"] for s in data["left"]["sentences"])
    assert rebuilt.split() == text.split()
    changes = [c for g in data["groups"] for c in g["changes"]]
    assert len(changes) == 3 and all(c["left_text"] == "word5" for c in changes)


def test_legacy_encoding_is_decoded(tmp_path):
    text = "Die Straße war nass. Über Nacht hatte es geregnet, und die Bäume tropften noch lange."
    a = tmp_path / "latin1.txt"
    a.write_bytes(text.encode("cp1252"))
    b = write(tmp_path / "utf8.txt", text)
    assert main(["compare", str(a), str(b)]) == 0


def test_seed_json_marks_boilerplate_and_name_changes(seed, tmp_path):
    out = tmp_path / "seed.json"
    assert main(["compare", str(seed[0]), str(seed[1]), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    only_left = " ".join(
        data["left"]["sentences"][i]["text"] for g in data["groups"] if g["kind"] == "only-left" for i in g["left"]
    )
    for needle in (
        "Russia Launches Fresh Wave",
        "Also Read",
        "With reports by AP",
        "Leave a Reply",
        "Related Articles",
    ):
        assert needle in only_left
    kinds = {(c["left_text"], c["right_text"]): c["kind"] for g in data["groups"] for c in g["changes"]}
    assert kinds.get(("Haynes", "Haines")) in ("name", "spelling")


def test_text_output_writes_invisible_characters_as_markers():
    from drift_viewer import compare_texts
    from drift_viewer.formats.textout import render_text

    out = render_text(compare_texts("Trojan \u202egnirts\u202c here. Pa\u200bris.", "Trojan string here. Paris."))
    assert "\u202e" not in out and "\u200b" not in out
    assert "⟨RLO⟩gnirts⟨PDF⟩" in out and "Pa⟨ZWSP⟩ris" in out
    assert "warning: left holds 2 bidirectional control characters" in out
    assert "hidden: '\\u202egnirts\\u202c' -> 'string'" in out
