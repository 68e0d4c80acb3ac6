"""Parquet dataset layout, crash-safe writes and typed reads.

Layout (one dataset across nights, hive-partitioned by run date):
    <out>/<table>/run_date=YYYY-MM-DD/part-<run_id>-<batch>.parquet
    <out>/_commits/<run_id>-<batch>          (written after all parts of a batch)
A part is written to a hidden temp file and renamed into place, so no reader
ever sees a half-written file; a batch counts once its commit marker exists.
Parts of uncommitted batches (a run killed between renames) are removed by
:func:`recover` at the start of the next run and ignored by :func:`load_table`.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.schemas import TABLES

COMMITS = "_commits"
_PART = re.compile(r"^part-(?P<run>[0-9a-z]+)-(?P<batch>\d+)\.parquet$")
# documents go last: a batch whose documents part is visible is complete.
WRITE_ORDER = ("sentences", "tokens", "mentions", "figures", "delegates", "errors", "runs", "documents")


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


def committed(out: Path) -> set[str]:
    folder = out / COMMITS
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def is_committed(key: str, done: set[str]) -> bool:
    """A batch part is committed by its own marker, a compacted part by its compaction's ``-all`` marker."""
    return key in done or f"{key.split('-')[0]}-all" in done


def superseded(out: Path) -> set[str]:
    """Part files (relative to ``out``) that a committed compaction replaced."""
    folder = out / COMMITS
    gone: set[str] = set()
    for marker in folder.glob("c*") if folder.is_dir() else []:
        lines = marker.read_text(encoding="utf-8").splitlines()
        gone.update(line.removeprefix("supersedes ") for line in lines if line.startswith("supersedes "))
    return gone


def _parts(table_dir: Path) -> Iterable[tuple[Path, str]]:
    for path in sorted(table_dir.glob("run_date=*/part-*.parquet")):
        m = _PART.match(path.name)
        if m:
            yield path, f"{m['run']}-{m['batch']}"


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
        for path, key in _parts(table_dir):
            if not is_committed(key, done):
                path.unlink()
                removed.append(path)
    return removed


def _table_dir(name: str, path: Path) -> tuple[Path, Path]:
    """(table folder, output folder) for a path naming either of them."""
    path = Path(path)
    if (path / name).is_dir() or (path / COMMITS).is_dir():
        return path / name, path
    if path.name == name:
        return path, path.parent
    return path / name, path


_PANDAS_TYPES = {
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def read_arrow(name: str, path: Path) -> pa.Table:
    """All committed rows of a table as an Arrow table with the declared schema plus ``run_date``."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {sorted(TABLES)}")
    table_dir, out = _table_dir(name, path)
    schema = TABLES[name].append(pa.field("run_date", pa.string()))
    done, gone = committed(out), superseded(out)
    files = [str(p) for p, key in _parts(table_dir)
             if is_committed(key, done) and str(p.relative_to(out)) not in gone] if table_dir.is_dir() else []
    if not files:
        return schema.empty_table()
    partitioning = ds.partitioning(pa.schema([("run_date", pa.string())]), flavor="hive")
    dataset = ds.dataset(files, schema=schema, format="parquet", partitioning=partitioning,
                         partition_base_dir=str(table_dir))
    return dataset.to_table()


def load_table(name: str, path: Path | str = Path("outputs"), latest: bool = True) -> pd.DataFrame:
    """A table of a run folder or output folder as a typed pandas DataFrame.

    With ``latest`` (the default) rows of documents that a later run processed
    again are left out, so each document appears once, from its newest run.
    """
    table = read_arrow(name, Path(path))
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    if latest and "doc_id" in frame.columns and name != "errors" and len(frame):
        docs = read_arrow("documents", _table_dir(name, Path(path))[1]).select(["doc_id", "run_id"]).to_pandas()
        docs["run_id"] = docs["run_id"].astype(str)
        newest = docs.sort_values("run_id", kind="stable").drop_duplicates("doc_id", keep="last")
        keep = set(zip(newest["doc_id"], newest["run_id"], strict=True))
        mask = [(d, str(r)) in keep for d, r in zip(frame["doc_id"], frame["run_id"], strict=True)]
        frame = frame[mask].reset_index(drop=True)
    return frame


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
            parts = [p for p, key in _parts(partition.parent) if p.parent == partition and is_committed(key, done)
                     and str(p.relative_to(out)) not in gone]
            if len(parts) < 2:
                continue
            table = pa.concat_tables(pq.read_table(p, schema=schema) for p in parts)
            _atomic_write(table, partition / f"part-{compact_id}-{seq:06d}.parquet")
            lines += [f"supersedes {p.relative_to(out)}" for p in parts]
            merged[name] = merged.get(name, 0) + len(parts)
            seq += 1
    if lines:
        # One marker commits every merged part and supersedes the old ones at once.
        (out / COMMITS / f"{compact_id}-all").write_text("\n".join(lines) + "\n", encoding="utf-8")
        recover(out)
    return merged
