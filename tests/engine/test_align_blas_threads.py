"""The aligner's results must not depend on the caller's BLAS thread pool (a library user's numpy has one
thread per core; the command line sets one thread before numpy loads)."""

from __future__ import annotations

import pytest

from drift_viewer.engine.align import align

threadpoolctl = pytest.importorskip("threadpoolctl")


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]


def test_align_runs_on_one_blas_thread_whatever_the_caller_set() -> None:
    if not _blas_threads():
        pytest.skip("numpy here has no BLAS that threadpoolctl can see")
    seen: list[list[int]] = []
    left = [f"Sentence number {i} tells of the harbour and the ships." for i in range(12)]
    right = [f"Sentence number {i} tells of the harbour and its boats." for i in range(12)]
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        if max(_blas_threads()) < 2:
            pytest.skip("this BLAS cannot run two threads")
        links = align(left, right, check=lambda: seen.append(_blas_threads()))
        after = _blas_threads()
    assert len(links) == 12
    assert seen and all(threads == [1] * len(threads) for threads in seen)
    assert max(after) == 2  # the caller's own setting is given back
