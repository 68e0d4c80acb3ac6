"""Reading the dataset: the current version of each table, typed by the declared schemas.

Layout (see :mod:`pipeline.io.sink` for how a version is built and swapped in):
    <out>/<table>  ->  _current/<table>                 (a fixed symlink per table)
    <out>/_current ->  _versions/v000042                (swapped atomically at each commit)
    <out>/_versions/v000042/<table>/run_date=YYYY-MM-DD/part-<run_id>-<batch>.parquet
A version folder holds exactly the current rows, so a plain Parquet reader of ``<out>/<table>``
(pandas, pyarrow.dataset, DuckDB's read_parquet) sees what :func:`load_table` sees. ``load_table``
resolves ``_current`` once, so it reads one consistent version even while a run commits.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from pipeline.io.schemas import TABLES

VERSIONS = "_versions"
CURRENT = "_current"
_PART = re.compile(r"^part-[0-9a-z]+-\d+(?:-\d+)?\.parquet$")
PART_NAME = re.compile(r"^run_date=[^/]+/part-[0-9a-z]+-\d+\.parquet$")  # what a commit may add


class LegacyLayout(RuntimeError):
    """An output folder written before versioned tables; the next run or ``compact`` upgrades it."""


def current_version(out: Path) -> Path | None:
    """The version folder ``<out>/_current`` points to (None for a folder nothing was committed to)."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    return out / VERSIONS / Path(os.readlink(link)).name


def part_files(version: Path, name: str) -> list[Path]:
    """The part files of one table in a version folder, sorted (hidden and temp files never match)."""
    table_dir = version / name
    if not table_dir.is_dir():
        return []
    found = []
    for partition in sorted(table_dir.iterdir()):
        if partition.is_dir() and partition.name.startswith("run_date="):
            found += [p for p in sorted(partition.iterdir()) if _PART.match(p.name)]
    return found


def output_folder(name: str, path: Path) -> Path:
    """The output folder for a path naming either it or one of its tables (``outputs/mentions``)."""
    path = Path(path)
    if path.name == name and not (path / name).exists() and (path.parent / CURRENT).is_symlink():
        return path.parent
    return path


def is_legacy(out: Path) -> bool:
    """True for a folder in the old layout (real table folders and ``_commits`` markers)."""
    return (out / "_commits").is_dir() or any((out / n).is_dir() and not (out / n).is_symlink() for n in TABLES)


_PANDAS_TYPES = {
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def read_arrow(name: str, path: Path, columns: list[str] | None = None) -> pa.Table:
    """The current rows of a table as an Arrow table with the declared schema plus ``run_date``."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; tables: {sorted(TABLES)}")
    out = output_folder(name, Path(path))
    for attempt in range(3):
        try:
            return _read_version(name, out, columns)
        except FileNotFoundError:
            if attempt == 2:
                raise
            # A commit swapped versions and an old one was collected while we read it: read the new one.
    raise AssertionError("unreachable")


def _read_version(name: str, out: Path, columns: list[str] | None) -> pa.Table:
    schema = TABLES[name].append(pa.field("run_date", pa.string()))
    version = current_version(out)
    if version is None and is_legacy(out):
        raise LegacyLayout(f"{out} is in the old layout (before versioned tables); the next "
                           f"`python -m pipeline run` or `compact` on it upgrades it in place")
    files = [str(p) for p in part_files(version, name)] if version is not None else []
    if version is None or not files:
        table = schema.empty_table()
    else:
        partitioning = ds.partitioning(pa.schema([("run_date", pa.string())]), flavor="hive")
        dataset = ds.dataset(files, schema=schema, format="parquet", partitioning=partitioning,
                             partition_base_dir=str(version / name))
        table = dataset.to_table(columns=columns)
    return table.select(columns) if columns is not None else table


def load_table(name: str, path: Path | str = Path("outputs"), latest: bool = True) -> pd.DataFrame:
    """A table of an output folder as a typed pandas DataFrame: exactly its current rows.

    Each document appears once, from the run that last processed it (a changed or reprocessed
    input replaced its old rows at commit). ``latest`` is kept for older callers and changes nothing.
    """
    del latest
    return read_arrow(name, Path(path)).to_pandas(types_mapper=_PANDAS_TYPES.get)
