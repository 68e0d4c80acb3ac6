"""Reading the dataset: which parts are committed, and typed tables for notebooks.

Layout (one dataset across nights, hive-partitioned by run date):
    <out>/<table>/run_date=YYYY-MM-DD/part-<run_id>-<batch>.parquet
    <out>/_commits/<run_id>-<batch>          (written after all parts of a batch)
A part counts once its batch's commit marker exists (see :mod:`pipeline.io.sink` for the writes);
parts of uncommitted batches and parts a compaction superseded are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from pipeline.io.schemas import TABLES

COMMITS = "_commits"
_PART = re.compile(r"^part-(?P<run>[0-9a-z]+)-(?P<batch>\d+)\.parquet$")


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


def parts(table_dir: Path) -> Iterable[tuple[Path, str]]:
    for path in sorted(table_dir.glob("run_date=*/part-*.parquet")):
        m = _PART.match(path.name)
        if m:
            yield path, f"{m['run']}-{m['batch']}"


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
    files = [str(p) for p, key in parts(table_dir)
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


