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


def test_batch_on_a_running_scheduler_by_address(corpus, tmp_path, capsys):
    """`--dask tcp://HOST:PORT`: the tasks go to an existing scheduler's workers, results come back to OUT_DIR."""
    import json
    import logging

    from distributed import LocalCluster

    from drift_viewer import cli

    sources, copies = corpus
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        status = cli.main(["batch", str(sources), str(copies), "-o", str(out), "--dask", address])
    assert status == 2  # the broken .docx
    rows = {r["copy"]: r for r in json.loads((out / "summary.json").read_text(encoding="utf-8"))["pairs"]}
    assert rows["orchard-page.html"]["source"] == "science/orchard.md"
    assert (out / rows["orchard-page.html"]["report"]).is_file()
    assert "5 copies" in capsys.readouterr().err
