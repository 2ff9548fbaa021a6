"""Smoke tests of the benchmark harness (benchmarks/) on tiny inputs: the pieces run and fit together.
No timing is asserted; `make bench` is where numbers come from."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import child  # noqa: E402
import peers  # noqa: E402
import run  # noqa: E402
import seedcase  # noqa: E402
import speed  # noqa: E402

LEFT = ["The cat sat on the mat.", "It was a sunny day.", "Birds sang in the trees.", "Then it rained."]
RIGHT = ["The cat sat on a mat.", "It was sunny.", "A dog barked.", "Birds sang in the trees.", "Then it rained."]


def _covers(groups, n: int, m: int) -> None:
    lefts = [i for a, _ in groups for i in a]
    rights = [j for _, b in groups for j in b]
    assert sorted(lefts) == list(range(n))
    assert sorted(rights) == list(range(m))


@pytest.mark.parametrize("name", ["drift-viewer", "galechurch", "sentalign", "difflib"])
def test_every_aligner_covers_both_sides(name: str) -> None:
    if name in ("galechurch", "sentalign"):
        pytest.importorskip(name)
    groups = peers.ALIGNERS[name](LEFT, RIGHT)
    _covers(groups, len(LEFT), len(RIGHT))
    _covers(peers.ALIGNERS[name](LEFT, []), len(LEFT), 0)


def test_difflib_pairs_replaced_rows_in_order() -> None:
    groups = peers.difflib_align(["a", "b", "c"], ["a", "x", "y", "c"])
    assert groups == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,))]


def test_galechurch_survives_a_huge_sentence() -> None:
    # Uncapped, one sentence far longer than anything opposite leaves galechurch with no alignment at all.
    pytest.importorskip("galechurch")
    left = ["word " * 400, "short one.", "another."]
    right = ["tiny.", "short one.", "another."]
    _covers(peers.galechurch_align(left, right), 3, 3)


def test_hashed_vectors_are_unit_and_reproducible() -> None:
    vecs = peers.hashed_ngram_vectors(["Hello world", "hello  WORLD", "", "x"])
    assert vecs.shape == (4, peers.HASH_DIM)
    assert np.allclose(np.linalg.norm(vecs[[0, 1, 3]], axis=1), 1.0)
    assert np.allclose(vecs[0], vecs[1])  # case and spacing do not matter
    assert not vecs[2].any()
    assert np.array_equal(vecs, peers.hashed_ngram_vectors(["Hello world", "hello  WORLD", "", "x"]))


def test_seed_gold_excerpts_are_in_the_files(shared_data: Path) -> None:
    left = (shared_data / "seed" / seedcase.LEFT_FILE).read_text(encoding="utf-8")
    right = (shared_data / "seed" / seedcase.RIGHT_FILE).read_text(encoding="utf-8")
    for lx, rx in seedcase.GOLD:
        assert seedcase.locate(left, lx)[1] > seedcase.locate(left, lx)[0]
        assert seedcase.locate(right, rx)[1] > seedcase.locate(right, rx)[0]


def test_seed_score_counts_links_against_components() -> None:
    left_text, right_text = "A one. B two. Extra.", "A uno. B dos."
    left_spans, right_spans = [(0, 6), (7, 13), (14, 20)], [(0, 6), (7, 13)]
    gold = (("A one.", "A uno."), ("B two.", "B dos."))
    original, seedcase.GOLD = seedcase.GOLD, gold
    try:
        perfect = seedcase.score(
            left_text, right_text, left_spans, right_spans, [((0,), (0,)), ((1,), (1,)), ((2,), ())]
        )
        crossed = seedcase.score(left_text, right_text, left_spans, right_spans, [((0, 1), (0, 1))])
    finally:
        seedcase.GOLD = original
    assert (perfect.precision, perfect.recall, perfect.pairs) == (1.0, 1.0, 2)
    assert crossed.precision == 0.5 and crossed.recall == 1.0


def test_run_limited_reports_value_error_and_timeout() -> None:
    assert child.run_limited(sum, [1, 2], timeout=30).value == 3
    assert "ZeroDivisionError" in child.run_limited(lambda: 1 / 0, timeout=30).error
    start = time.monotonic()
    assert child.run_limited(time.sleep, 30, timeout=0.5).error.startswith("timeout")
    assert time.monotonic() - start < 10


def _tiny_nt(folder: Path) -> Path:
    for name, word in zip(speed.NT_FILES, ("Jesus wept.", "Jesus cried."), strict=True):
        rows = ["book\tchapter\tverse\ttext"]
        rows += [f"John\t{c}\t{v}\t{word} Verse {c}:{v} here." for c in (1, 2, 3, 4) for v in (1, 2)]
        (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_speed_series_and_worker(tmp_path: Path) -> None:
    cases = speed.make_series(tmp_path, (1 / 2, 1, 2), nt_dir=_tiny_nt(tmp_path))
    assert [c.label for c in cases] == ["1/2 NT", "NT", "2x NT"]
    assert cases[0].left.read_text().count("\n\n") == 1  # two of four chapters, a paragraph each
    assert cases[2].bytes > cases[1].bytes > cases[0].bytes
    result = speed.measure_compare(cases[1], runs=1, timeout=120)
    assert result.error is None, result.error
    assert result.seconds is not None and result.cpu_seconds is not None and result.peak_rss_mb
    assert result.sentences[0] > 0
    assert set(result.stages) == set(speed.STAGES)
    assert result.stages["align"] is not None  # the instrumentation found the aligner


def test_table_renders_rows_and_combines_scores() -> None:
    combined = run._combine(
        [run.quality.Score(1.0, 0.5, 0.667, 1.0, 2, 2, 4), run.quality.Score(0.5, 1.0, 0.667, 2.0, 1, 2, 2)]
    )
    assert combined.precision == pytest.approx(0.75) and combined.recall == pytest.approx(4 / 6)
    assert combined.seconds == 3.0
    text = run.render([("section", [("metric a", {"drift-viewer": "0.9"}, ">= 0.8", "met")])], ["drift-viewer"])
    assert "metric a" in text and "met" in text and "== section" in text


def test_import_profile_names_modules() -> None:
    profile = speed.import_profile()
    assert profile and all(isinstance(name, str) and ms >= 0 for name, ms in profile)


def test_repeated_sentence_case_repeats_one_sentence_with_one_edit(tmp_path: Path) -> None:
    case = speed.make_repeated(tmp_path, 0.01)
    left, right = case.left.read_text(), case.right.read_text()
    assert left.count(speed.REPEATED) == len(left) // (len(speed.REPEATED) + 1) > 100
    assert right.count(speed.REPEATED_EDIT) == 1 and right.count(speed.REPEATED) == left.count(speed.REPEATED) - 1
    assert case.label == "repeated sentence 0.01 MB"


def test_before_tree_is_exported_and_measured_like_the_current_one(tmp_path: Path) -> None:
    tree = speed.export_tree("HEAD", tmp_path)
    if tree is None:
        pytest.skip("not a git checkout")
    assert (tree / "drift_viewer" / "engine" / "pipeline.py").exists()
    assert speed.export_tree("no-such-revision-anywhere", tmp_path / "x") is None
    cases = speed.make_series(tmp_path, (1,), nt_dir=_tiny_nt(tmp_path))
    result = speed.measure_compare(cases[0], runs=1, timeout=120, tree=tree)
    assert result.error is None, result.error
    assert result.sentences[0] > 0


def test_before_after_table_judges_the_tree_under_test() -> None:
    def result(label: str, seconds: float, mb: float) -> speed.SpeedResult:
        case = speed.SizeCase(label, Path("l"), Path("r"), 1000)
        return speed.SpeedResult(case, 1, seconds, seconds, {}, mb, (1, 1))

    before = run.SpeedRun([result("NT", 7.0, 240), result("4x NT", 68.0, 5800)], None, None)
    after = run.SpeedRun([result("NT", 1.5, 200), result("4x NT", 5.0, 600)], None, None)
    rows = {
        metric: (cells, target, status)
        for metric, cells, target, status in run.before_after_rows({"before": before, "after": after})
    }
    cells, _, status = rows["time 4x NT / NT"]
    assert cells["before"].startswith("9.71x") and cells["after"].startswith("3.33x") and status == "met"
    assert rows["peak RSS, largest of any case"][0]["before"] == "5800 MB"
    assert rows["peak RSS, largest of any case"][2] == "met"
    nt = next(v for k, v in rows.items() if k.startswith("compare NT"))
    assert nt[2] == "met" and "7.00 s" in nt[0]["before"]
