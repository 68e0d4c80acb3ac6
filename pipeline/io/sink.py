"""Writing the dataset: crash-safe parts, commit markers, recovery and compaction.

Layout (one dataset across nights, hive-partitioned by run date):
    <out>/<table>/run_date=YYYY-MM-DD/part-<run_id>-<batch>.parquet
    <out>/_commits/<run_id>-<batch>          (written after all parts of a batch)
A part is written to a hidden temp file and renamed into place, so no reader
ever sees a half-written file; a batch counts once its commit marker exists.
Parts of uncommitted batches (a run killed between renames) are removed by
:func:`recover` at the start of the next run and ignored by readers (:mod:`pipeline.io.catalog`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.io.catalog import COMMITS, committed, is_committed, parts, superseded
from pipeline.io.schemas import TABLES

# documents go last: a batch whose documents part is visible is complete.
WRITE_ORDER = ("sentences", "tokens", "mentions", "figures", "people", "errors", "runs", "documents")


def to_arrow(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows to a table with the declared schema (missing columns become nulls)."""
    return pa.Table.from_pylist(rows, schema=TABLES[name])


def _atomic_write(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_batch(out: Path, run_id: str, run_date: str, batch: int, rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Write one batch of rows of every table, then its commit marker."""
    for name in WRITE_ORDER:
        if rows.get(name):
            part = out / name / f"run_date={run_date}" / f"part-{run_id}-{batch:06d}.parquet"
            _atomic_write(to_arrow(name, rows[name]), part)
    marker = out / COMMITS / f"{run_id}-{batch:06d}"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("ok\n", encoding="utf-8")


def recover(out: Path) -> list[Path]:
    """Remove temp files, parts of uncommitted batches and parts a compaction replaced; return them."""
    done = committed(out)
    removed: list[Path] = []
    for rel in sorted(superseded(out)):
        if (out / rel).exists():
            (out / rel).unlink()
            removed.append(out / rel)
    for name in TABLES:
        table_dir = out / name
        if not table_dir.is_dir():
            continue
        for tmp in table_dir.glob("run_date=*/.tmp-*"):
            tmp.unlink()
            removed.append(tmp)
        for path, key in parts(table_dir):
            if not is_committed(key, done):
                path.unlink()
                removed.append(path)
    return removed


def compact(out: Path, compact_id: str) -> dict[str, int]:
    """Merge the committed parts of each table partition into one file; content is unchanged.

    The merged part is committed by a marker that lists the parts it supersedes,
    so readers never count a row twice; the old parts are then deleted (and a
    crash before that is finished by :func:`recover`). Returns parts merged per table.
    """
    done, gone = committed(out), superseded(out)
    merged: dict[str, int] = {}
    lines: list[str] = []
    seq = 0
    for name, schema in TABLES.items():
        for partition in sorted((out / name).glob("run_date=*")) if (out / name).is_dir() else []:
            current = [p for p, key in parts(partition.parent) if p.parent == partition and is_committed(key, done)
                       and str(p.relative_to(out)) not in gone]
            if len(current) < 2:
                continue
            table = pa.concat_tables(pq.read_table(p, schema=schema) for p in current)
            _atomic_write(table, partition / f"part-{compact_id}-{seq:06d}.parquet")
            lines += [f"supersedes {p.relative_to(out)}" for p in current]
            merged[name] = merged.get(name, 0) + len(current)
            seq += 1
    if lines:
        # One marker commits every merged part and supersedes the old ones at once.
        (out / COMMITS / f"{compact_id}-all").write_text("\n".join(lines) + "\n", encoding="utf-8")
        recover(out)
    return merged
