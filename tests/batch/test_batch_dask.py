"""The same batch on a Dask LocalCluster: the same rows as the process pool."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from drift_viewer.batch.runner import BatchConfig, run_batch  # noqa: E402


def test_small_batch_on_a_local_cluster(corpus, tmp_path):
    sources, copies = corpus
    on_dask = run_batch(
        BatchConfig(str(sources), str(copies), str(tmp_path / "dask"), workers=1, dask="local", progress=False)
    )
    on_pool = run_batch(BatchConfig(str(sources), str(copies), str(tmp_path / "pool"), workers=1, progress=False))
    assert on_dask.rows == on_pool.rows
    assert {r["copy"]: r["source"] for r in on_dask.rows}["news/harbour-copy.txt"] == "harbour.txt"
    assert (tmp_path / "dask" / "reports" / "news" / "harbour-copy.txt.html").is_file()
    assert len(on_dask.stats.worker_peaks) == 1  # one worker did every pair, and said how much memory it took
    assert on_dask.exit_status == 2  # the broken .docx
