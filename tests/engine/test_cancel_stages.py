"""Cancellation and progress inside every stage of the engine: a cancel asked while a stage runs is
honoured at the stage's next check, before the next stage starts, and progress moves within each stage.
Counted in callback calls, not seconds."""

from __future__ import annotations

import random

import pytest

from drift_viewer.engine.errors import Cancelled
from drift_viewer.engine.pipeline import compare_texts

STAGES = ("segment", "align", "diff", "done")
START = {"segment": 0.0, "align": 0.2, "diff": 0.6}


def _texts() -> tuple[str, str]:
    rng = random.Random(11)
    vocab = ["".join(rng.choice("abcdefghiklmnoprstuvwz") for _ in range(rng.randint(3, 9))) for _ in range(800)]
    sentences = [" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 14))).capitalize() + "." for _ in range(300)]
    edited = [s.replace("a", "o", 1) if k % 3 == 0 else s for k, s in enumerate(sentences)]
    paragraphs = lambda ss: "\n\n".join(" ".join(ss[k : k + 10]) for k in range(0, len(ss), 10))  # noqa: E731
    return paragraphs(sentences), paragraphs(edited)


@pytest.mark.parametrize("stage", ["segment", "align", "diff"])
def test_a_cancel_asked_mid_stage_is_honoured_at_the_next_check(stage: str) -> None:
    reports: list[tuple[str, float]] = []
    asked = False
    checks_after = 0

    def progress(name: str, fraction: float) -> None:
        nonlocal asked
        reports.append((name, fraction))
        if name == stage and fraction > START[stage]:
            asked = True  # the user presses Cancel while this stage is under way

    def should_cancel() -> bool:
        nonlocal checks_after
        checks_after += asked
        return asked

    left, right = _texts()
    with pytest.raises(Cancelled):
        compare_texts(left, right, progress=progress, should_cancel=should_cancel)
    assert checks_after == 1, "the first check after the request stops the comparison"
    later = STAGES[STAGES.index(stage) + 1 :]
    assert not [name for name, _ in reports if name in later], "the next stage never started"


def test_progress_moves_within_every_stage_and_never_goes_back() -> None:
    reports: list[tuple[str, float]] = []
    left, right = _texts()
    compare_texts(left, right, progress=lambda name, fraction: reports.append((name, fraction)))
    fractions = [f for _, f in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    for stage, start in START.items():
        within = {f for name, f in reports if name == stage and f > start}
        assert len(within) >= 3, (stage, sorted(within))
