"""The command line as a newcomer meets it (issue 13): each subcommand's own usage line, - for standard
input, --language checked against the languages drift-viewer has rules for."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from drift_viewer.cli import COMMANDS, main

LEFT = "The cat sat on the mat. It was warm. Birds sang."
RIGHT = "The cat sat on the rug. It was warm. Birds sang."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "drift_viewer", *args], input=stdin, capture_output=True, timeout=120)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LEFT, encoding="utf-8")
    b.write_text(RIGHT, encoding="utf-8")
    return a, b


def _exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as info:
        main(argv)
    return int(info.value.code or 0)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    # A real text stream over bytes, as a pipe gives: the command must read its .buffer, not decode it.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- usage lines -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_subcommand_help_shows_its_own_usage(command: str, capsys) -> None:
    assert _exit([command, "--help"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(f"usage: drift-viewer {command} LEFT RIGHT")
    assert "[LEFT RIGHT]" not in out and "--screenshot" not in out  # nothing of the top-level usage
    assert "- reads standard input" in out


def test_a_stray_word_is_the_subcommands_error_under_its_usage(pair, capsys) -> None:
    # The garbled case: "drift-viewer align LEFT RIGHT --presegmented compare [-h] ...".
    assert _exit(["align", *map(str, pair), "--presegmented", "compare"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "usage: drift-viewer align LEFT RIGHT [--format vecalign|tmx|tsv] [--presegmented] [-o FILE] [options]",
        "drift-viewer align: error: unrecognized arguments: compare",
    ]


def test_compare_format_html_points_at_the_report_command(pair, capsys) -> None:
    assert _exit(["compare", *map(str, pair), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "drift-viewer report LEFT RIGHT -o report.html" in err
    assert "invalid choice" not in err


def test_a_missing_argument_names_the_subcommand(capsys) -> None:
    assert _exit(["report", "a.txt", "b.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: drift-viewer report LEFT RIGHT [THIRD] -o REPORT.html")
    assert "drift-viewer report: error: the following arguments are required: -o/--output" in err


def test_top_level_help_lists_every_subcommand(capsys) -> None:
    assert _exit(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"drift-viewer {command} LEFT RIGHT" in out


def test_top_level_help_lists_batch_among_the_commands(capsys) -> None:
    assert _exit(["--help"]) == 0
    out = capsys.readouterr().out
    listed = out[out.index("positional arguments:") : out.index("options:")]
    assert re.search(r"^    batch +\S", listed, re.MULTILINE)  # it was missing: handed to its own parser first


def test_every_option_says_what_it_does(capsys) -> None:
    """Each subcommand's --help, batch's too: no option without a help text, none cut off mid-sentence."""
    for command in [*sorted(COMMANDS), "batch"]:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        options = out[out.index("options:") :]
        bare = re.findall(r"^  (--?[\w-]+(?: \S+)?)\n(?!  {10,}\S)", options, re.MULTILINE)
        assert bare == [], f"{command}: options without help: {bare}"  # compare's --color had none
        helps = " ".join(options.split())
        assert " is --" not in helps and not re.search(r"\bis (?=--|$)", helps), command
    main_help = " ".join(
        subprocess.run(
            [sys.executable, "-m", "drift_viewer", "compare", "--help"], capture_output=True, text=True, timeout=60
        ).stdout.split()
    )
    assert "is larger (default: 50 MB)" in main_help  # was "... (a .docx unzipped, HTML entities expanded) is"


# --- standard input ----------------------------------------------------------------------------------


def test_dash_reads_the_left_side_from_standard_input(pair, tmp_path, monkeypatch) -> None:
    data = LEFT.encode("utf-8")
    _stdin(monkeypatch, data)
    out = tmp_path / "c.json"
    assert main(["compare", "-", str(pair[1]), "--format", "json", "-o", str(out)]) == 1
    result = json.loads(out.read_text(encoding="utf-8"))
    left = result["left"]
    assert left["name"] == "standard input" and left["path"] is None and left["modified"] is None
    assert left["size"] == len(data) and left["sha256"] == hashlib.sha256(data).hexdigest()
    assert [s["text"] for s in left["sentences"]] == ["The cat sat on the mat.", "It was warm.", "Birds sang."]
    changes = [c for g in result["groups"] for c in g["changes"]]
    assert [(c["left_text"], c["right_text"]) for c in changes] == [("mat", "rug")]


def test_dash_on_the_right_through_a_pipe(pair) -> None:
    result = run("compare", str(pair[0]), "-", stdin=RIGHT.encode("utf-8"))
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.startswith("a.txt (3 sentences) vs standard input (3 sentences)")
    assert "[-mat-]{+rug+}" in out
    same = run("compare", str(pair[0]), "-", stdin=LEFT.encode("utf-8"))
    assert same.returncode == 0 and same.stderr == b""


def test_standard_input_is_decoded_like_a_file_and_its_warnings_name_it(pair, monkeypatch, capsys) -> None:
    text = "Die Straße war nass. Über Nacht hatte es geregnet, und die Bäume tropften noch lange."
    _stdin(monkeypatch, text.encode("cp1252"))
    right = pair[1].with_name("de.txt")
    right.write_text(text, encoding="utf-8")
    assert main(["compare", "-", str(right)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("drift-viewer: warning: standard input: ") and "cp1252" in err


def test_both_sides_on_standard_input_is_refused(pair, capsys) -> None:
    assert _exit(["compare", "-", "-"]) == 2
    err = capsys.readouterr().err
    assert "drift-viewer compare: error: only one side can be - (standard input)" in err
    assert "Traceback" not in err


def test_binary_standard_input_is_one_line(pair) -> None:
    result = run("compare", "-", str(pair[1]), stdin=b"\x00\x01\x02\xff\xfe\x00" * 100)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drift-viewer: standard input: ") and "binary" in lines[0]


def test_standard_input_over_the_limit_is_refused(pair, monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b"word " * 100)
    assert main(["compare", "-", str(pair[1]), "--max-bytes", "100"]) == 2
    assert capsys.readouterr().err == "drift-viewer: standard input: is over the 100-byte limit\n"


def test_report_from_standard_input_says_so_in_its_header(pair, tmp_path, monkeypatch) -> None:
    _stdin(monkeypatch, LEFT.encode("utf-8"))
    out = tmp_path / "r.html"
    assert main(["report", "-", str(pair[1]), "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert '<td class="fn">standard input</td><td class="path" data-l="Path">standard input</td>' in page
    assert f'<td class="path" data-l="Path">{pair[1].resolve()}</td>' in page


def test_dash_as_output_is_standard_output(pair, capsys) -> None:
    assert main(["compare", *map(str, pair), "--format", "csv", "-o", "-"]) == 1
    assert capsys.readouterr().out.startswith("row,group_kind,change_kind,")
    assert not Path("-").exists()


def test_the_window_refuses_standard_input(capsys) -> None:
    assert _exit(["-", "b.txt"]) == 2
    assert "the window cannot read standard input" in capsys.readouterr().err


# --- --language ------------------------------------------------------------------------------------


def test_an_unknown_language_is_refused_with_the_supported_codes(pair, capsys) -> None:
    assert _exit(["compare", *map(str, pair), "--language", "zz-garbage"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: drift-viewer compare ")
    line = err.splitlines()[-1]
    assert line.startswith("drift-viewer compare: error: argument --language: 'zz-garbage' is not a language")
    for code in ("en", "de", "fr", "ru", "zh", "ja", "nb"):
        assert f" {code}," in line or f" {code}, or" in line
    assert "Traceback" not in err


@pytest.mark.parametrize(("given", "code"), [("en", "en"), ("EN-gb", "en"), ("pt_BR", "pt"), ("no", "nb")])
def test_a_language_is_read_as_its_supported_code(pair, tmp_path, given: str, code: str) -> None:
    out = tmp_path / "c.json"
    assert main(["compare", *map(str, pair), "--language", given, "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["options"]["language"] == code
    assert data["left"]["language"] == code == data["right"]["language"]


def test_align_checks_the_language_too(pair, capsys) -> None:
    assert _exit(["align", *map(str, pair), "--language", "klingon"]) == 2
    assert "drift-viewer align: error: argument --language: 'klingon'" in capsys.readouterr().err


def test_the_readme_lists_exactly_the_supported_languages() -> None:
    from drift_viewer.engine.segment.language import SUPPORTED

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`--language` takes the (\d+) codes language detection can answer: `([a-z\s]+)`", readme)
    assert listed is not None
    assert int(listed.group(1)) == len(SUPPORTED) and tuple(listed.group(2).split()) == SUPPORTED
