"""Batch mode: every copy in a folder checked against the sources it came from. Qt-free.

    runner.run_batch(BatchConfig(...)) -> BatchResult    the whole job (cli's `batch` subcommand)

Nothing is imported here: a worker that needs `work` alone must not pay for Dask or tqdm.

- discovery: the input files of a folder, searched recursively
- shingles: a document's word pairs as 32-bit hashes (run in the workers)
- candidates: MinHash sketches and LSH Ensemble indexes (datasketch) in both directions, so a copy that is
  half its source, or a source inside a longer page, is found; the best few sources per copy
- work: the per-copy task (run in the workers): full comparisons with the candidates, the best one kept,
  its report rendered
- state: OUT_DIR/.batch/done.jsonl, what a rerun skips
- outputs: summary.json, summary.csv, index.html
- executors: a process pool, or Dask distributed (a LocalCluster or an existing scheduler)
- progress: a tqdm bar on a terminal, one quiet line per few percent otherwise
- runner: the job from folders to OUT_DIR
"""
