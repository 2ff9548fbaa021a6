"""`report A B C` and `align A B C` (found by integ3): a third file is refused in words that say what to
run instead, not with argparse's bare 'unrecognized arguments'."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import cli

DATA = Path(__file__).resolve().parent / "engine" / "data" / "translation"
A, B, C = (str(DATA / name) for name in ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt"))


@pytest.mark.parametrize("command", [["report", "-o", "OUT"], ["align"]])
def test_report_and_align_refuse_three_versions_saying_what_takes_them(command, tmp_path, capsys):
    argv = [command[0], A, B, C, *[str(tmp_path / "r.html") if a == "OUT" else a for a in command[1:]]]
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert f"{command[0]} takes two versions" in err and "drift-viewer compare A B C" in err
    assert not (tmp_path / "r.html").exists()
