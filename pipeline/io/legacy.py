"""Upgrading an output folder of the old layout (real table folders plus ``_commits`` markers).

Why: nightly datasets written before versioned tables must keep working. The old protocol counted a
part once its batch's marker existed and skipped parts a compaction superseded; the upgrade keeps
exactly those rows, one per document (the newest run of each source), builds the first version from
them and turns each table folder into the symlink of the new layout. It runs under the run's lock and
can be interrupted at any point: the old folders are moved aside only after the first version is current.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.io.catalog import CURRENT, current_version
from pipeline.io.migrations import LEGACY_NAMES, upgrade
from pipeline.io.schemas import TABLES

_PART = re.compile(r"^part-(?P<run>[0-9a-z]+)-(?P<batch>\d+)\.parquet$")
ASIDE = "_legacy"


def _committed_parts(out: Path, name: str) -> list[Path]:
    commits = out / "_commits"
    done = {p.name for p in commits.iterdir()} if commits.is_dir() else set()
    gone: set[str] = set()
    for marker in commits.glob("c*") if commits.is_dir() else []:
        gone |= {line.removeprefix("supersedes ") for line in marker.read_text(encoding="utf-8").splitlines()
                 if line.startswith("supersedes ")}
    found = []
    for path in sorted((out / name).glob("run_date=*/part-*.parquet")):
        m = _PART.match(path.name)
        if not m:
            continue
        key = f"{m['run']}-{m['batch']}"
        if (key in done or f"{m['run']}-all" in done) and str(path.relative_to(out)) not in gone:
            found.append(path)
    return found


def legacy_rows(out: Path) -> list[tuple[str, dict[str, list[dict[str, object]]]]]:
    """The rows the old layout at ``out`` counts, one document per source, as (part name, rows by table)."""
    if current_version(out) is not None:
        return []  # already upgraded; only the folders are left to tidy (see finish_upgrade)
    parts = {name: [p for folder in _folders(out, name) for p in _committed_parts(out, folder)] for name in TABLES}
    # Each part is read with the schema it was written with, then upgraded to the current one.
    tables = {name: [upgrade(name, pq.read_table(p).append_column("run_date", pa.array(
        [p.parent.name.removeprefix("run_date=")] * pq.read_metadata(p).num_rows, pa.string())))
        for p in paths] for name, paths in parts.items() if paths}
    keep = _newest_per_source(tables.get("documents", []))
    by_date: dict[str, dict[str, list[dict[str, object]]]] = {}
    for name, frames in tables.items():
        for frame in frames:
            for row in frame.to_pylist():
                if "doc_id" in row and name != "errors" and (row["doc_id"], str(row["run_id"])) not in keep:
                    continue
                date = str(row.pop("run_date"))
                by_date.setdefault(date, {}).setdefault(name, []).append(row)
    batches = [(f"run_date={date}/part-legacy-{k:06d}.parquet", rows)
               for k, (date, rows) in enumerate(sorted(by_date.items()))]
    return batches or [("run_date=none/part-legacy-000000.parquet", {})]


def _folders(out: Path, name: str) -> list[str]:
    """The old-layout folders holding table ``name``: its own, and the names it had in older versions."""
    return [n for n in (name, *LEGACY_NAMES.get(name, ())) if (out / n).is_dir() and not (out / n).is_symlink()]


def finish_upgrade(out: Path) -> None:
    """Once the first version is current: move the old folders aside, link the tables, delete the old files."""
    aside = out / ASIDE
    aside.mkdir(exist_ok=True)
    for name in TABLES:
        for old in _folders(out, name):
            (out / old).rename(aside / old)
        folder = out / name
        if not folder.is_symlink():
            folder.symlink_to(f"{CURRENT}/{name}")
    if (out / "_commits").is_dir():
        (out / "_commits").rename(aside / "_commits")
    shutil.rmtree(aside)


def _newest_per_source(frames: list[pa.Table]) -> set[tuple[str, str]]:
    """(doc_id, run_id) of the newest run of each source, and of each doc_id."""
    if not frames:
        return set()
    docs = pa.concat_tables(frames).select(["doc_id", "source", "run_id"])
    docs = docs.set_column(2, "run_id", pc.cast(docs["run_id"], pa.string()))
    newest: dict[str, tuple[str, str]] = {}
    for row in sorted(docs.to_pylist(), key=lambda r: r["run_id"]):
        newest[row["source"]] = (row["doc_id"], row["run_id"])
    by_doc: dict[str, str] = {}
    for doc_id, run_id in newest.values():
        by_doc[doc_id] = max(run_id, by_doc.get(doc_id, ""))
    return set(by_doc.items())
