"""The batch's three summaries: summary.json, summary.csv and index.html, riskiest pair first.

A row: {"copy": relative to COPIES_DIR, "source": relative to SOURCES_DIR or null, "similarity": float,
"counts": {change kind: count}, "report": relative to OUT_DIR or null, "error": message or null}.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from ..atomic import write_atomic
from ..engine.model import RISK_ORDER

SCHEMA = "drift-viewer/batch"
VERSION = 1
ROW_KEYS = ("copy", "source", "similarity", "counts", "report", "error")


def row_order(row: dict) -> tuple:
    """Differing pairs by their riskiest changes (the most names changed first, then numbers, ...), then
    copies with no source, then failures, then pairs with no difference."""
    counts = row.get("counts") or {}
    if row.get("error"):
        group = 2
    elif row.get("source") is None:
        group = 1
    elif not counts:
        group = 3
    else:
        group = 0
    return (group, tuple(-counts.get(str(k), 0) for k in RISK_ORDER), row.get("similarity", 0.0), row["copy"])


def sorted_rows(rows: list[dict]) -> list[dict]:
    return sorted(({k: row.get(k) for k in ROW_KEYS} for row in rows), key=row_order)


def summary_json(rows: list[dict], sources: str, copies: str) -> str:
    # "sources" and "copies" (the two folders, absolute) let a reader, the window's Open Batch Results,
    # find the files the relative paths name.
    data = {"schema": SCHEMA, "version": VERSION, "sources": sources, "copies": copies, "pairs": rows}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def summary_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["copy", "source", "similarity", "report", "error", *(str(k) for k in RISK_ORDER)])
    for row in rows:
        counts = row["counts"] or {}
        writer.writerow(
            [
                row["copy"],
                row["source"] or "",
                f"{row['similarity']:.4f}",
                row["report"] or "",
                row["error"] or "",
                *(counts.get(str(k), 0) for k in RISK_ORDER),
            ]
        )
    return out.getvalue()


def write_summaries(out_dir: Path, rows: list[dict], sources: str, copies: str) -> list[dict]:
    from .index_page import index_html

    ordered = sorted_rows(rows)
    write_atomic(out_dir / "summary.json", summary_json(ordered, os.path.abspath(sources), os.path.abspath(copies)))
    write_atomic(out_dir / "summary.csv", summary_csv(ordered))
    write_atomic(out_dir / "index.html", index_html(ordered))
    return ordered


def read_summary(path: str | os.PathLike[str]) -> dict:
    """A summary.json, checked: ValueError with a reason a user can read otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not a UTF-8 text file") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f'{path}: not a drift-viewer batch summary (no "schema": "{SCHEMA}")')
    if data.get("version") != VERSION:
        raise ValueError(f"{path}: summary version {data.get('version')!r}; this drift-viewer reads version {VERSION}")
    pairs = data.get("pairs")
    if not isinstance(pairs, list) or not all(isinstance(p, dict) and isinstance(p.get("copy"), str) for p in pairs):
        raise ValueError(f'{path}: "pairs" is not a list of rows with a "copy"')
    return data
