"""Writing the dataset: every commit builds a new version folder and swaps one symlink.

Why versions: plain Parquet readers (pandas, pyarrow.dataset, DuckDB) read every file they find, so the
folder they read must hold exactly the current rows at every instant, through reprocesses, changed
inputs, crashes and compactions. A commit therefore builds ``_versions/.building-vN`` beside the current
version (hard links to the unchanged parts, rewritten copies of the parts that lose rows, new parts),
renames it to ``vN`` and atomically replaces the symlink ``_current`` with one pointing at it. Until
that one ``rename`` nothing a reader can see has changed; after it, everything has. A crash leaves at
most a ``.building`` folder, removed by the next run. Old versions stay readable for a while
(:data:`RETAIN_SECONDS`) so a reader that resolved ``_current`` finishes on a consistent snapshot.

Rows are replaced per document: a document is its ``source`` (file path, ``file#id`` for a JSON-lines
record); its content hash decides whether it is processed again. Errors rows are replaced per source.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.io.catalog import CURRENT, PART_NAME, VERSIONS, current_version, is_legacy, part_files
from pipeline.io.legacy import finish_upgrade, legacy_rows
from pipeline.io.schemas import TABLES

RETAIN_SECONDS = 600
RETAIN_MAX = 32  # old versions kept at most, however recent (each holds a link per part)
STATE = "_state.json"
_BUILDING = ".building-"
# A table without rows keeps one zero-row part, so plain readers get its columns (DuckDB's glob would fail).
EMPTY = "run_date=none/part-empty-000000.parquet"


def to_arrow(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows to a table with the declared schema (missing columns become nulls)."""
    return pa.Table.from_pylist(rows, schema=TABLES[name])


def _link(source: Path, target: Path) -> None:
    """A hard link (no copy of the data); a copy where the filesystem has no hard links."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_part(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


@dataclass
class DocEntry:
    source: str
    content_sha: str
    fingerprint: str
    part: str  # "run_date=YYYY-MM-DD/part-....parquet", the same name in every table


@dataclass
class Index:
    """What the current version holds, kept in memory by the one process that writes."""

    docs: dict[str, DocEntry] = field(default_factory=dict)  # doc_id -> entry
    by_source: dict[str, str] = field(default_factory=dict)  # source -> doc_id
    part_docs: dict[str, set[str]] = field(default_factory=dict)  # part -> doc_ids
    error_parts: dict[str, set[str]] = field(default_factory=dict)  # source -> parts holding its errors rows
    part_sources: dict[str, set[str]] = field(default_factory=dict)  # part -> sources of its errors rows
    noted: dict[str, str] = field(default_factory=dict)  # source -> content sha of an input that failed

    def add_doc(self, doc_id: str, entry: DocEntry) -> None:
        self.docs[doc_id] = entry
        self.by_source[entry.source] = doc_id
        self.part_docs.setdefault(entry.part, set()).add(doc_id)

    def drop_doc(self, doc_id: str) -> None:
        entry = self.docs.pop(doc_id, None)
        if entry is not None:
            if self.by_source.get(entry.source) == doc_id:
                del self.by_source[entry.source]
            self.part_docs.get(entry.part, set()).discard(doc_id)

    def add_error(self, source: str, part: str) -> None:
        self.error_parts.setdefault(source, set()).add(part)
        self.part_sources.setdefault(part, set()).add(source)

    def drop_errors(self, source: str) -> None:
        for part in self.error_parts.pop(source, set()):
            self.part_sources.get(part, set()).discard(source)


def _rel(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def load_index(version: Path | None) -> Index:
    """Build the in-memory index from a version's documents and errors parts (ids only, never text)."""
    index = Index()
    if version is None:
        return index
    for path in part_files(version, "documents"):
        cols = pq.read_table(path, columns=["doc_id", "source", "content_sha", "fingerprint"]).to_pylist()
        for row in cols:
            index.add_doc(row["doc_id"], DocEntry(row["source"], row["content_sha"], str(row["fingerprint"]),
                                                  _rel(path)))
    for path in part_files(version, "errors"):
        for source in set(pq.read_table(path, columns=["source"]).column("source").to_pylist()):
            index.add_error(source, _rel(path))
    state = version / STATE
    if state.is_file():
        index.noted = json.loads(state.read_text(encoding="utf-8")).get("noted", {})
    return index


@dataclass
class Change:
    """One commit: new rows by table, and what they replace."""

    rows: Mapping[str, list[dict[str, Any]]]
    part: str  # "run_date=.../part-<run>-<batch>.parquet" for the new rows
    drop_docs: set[str] = field(default_factory=set)  # doc_ids whose rows go (every table)
    drop_sources: set[str] = field(default_factory=set)  # sources whose errors rows go
    noted: Mapping[str, str | None] = field(default_factory=dict)  # source -> failed content sha (None: forget)


class Dataset:
    """An output folder opened for writing (the caller holds its lock)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.recovered = recover(out)
        self.version = current_version(out)
        self.index = load_index(self.version)
        if is_legacy(out):
            for part, rows in legacy_rows(out):
                self.commit(Change(rows, part))
            finish_upgrade(out)

    def _next_name(self) -> str:
        versions = self.out / VERSIONS
        numbers = [int(p.name[1:]) for p in versions.glob("v*") if p.name[1:].isdigit()] if versions.is_dir() else []
        return f"v{max(numbers, default=0) + 1:06d}"

    def commit(self, change: Change) -> None:
        """Build the next version with ``change`` applied and swap it in (one atomic rename)."""
        if not PART_NAME.match(change.part):
            raise ValueError(f"not a part name readers recognise: {change.part!r}")
        name = self._next_name()
        build = self.out / VERSIONS / f"{_BUILDING}{name}"
        if build.exists():
            shutil.rmtree(build)
        build.mkdir(parents=True)
        drop_docs = {d for d in change.drop_docs if d in self.index.docs}
        touched = {self.index.docs[d].part for d in drop_docs}
        touched |= {p for s in change.drop_sources for p in self.index.error_parts.get(s, ())}
        renamed: dict[str, str] = {}
        stem = change.part.split("/")[-1].removesuffix(".parquet")
        for k, part in enumerate(sorted(touched)):
            renamed[part] = f"{part.split('/')[0]}/{stem}-{k + 1}.parquet"
        for table, schema in TABLES.items():
            (build / table).mkdir()
            for path in part_files(self.version, table) if self.version is not None else []:
                rel = _rel(path)
                if rel == EMPTY:
                    continue
                target = build / table / renamed.get(rel, rel)
                target.parent.mkdir(exist_ok=True)
                if rel not in renamed:
                    _link(path, target)
                    continue
                kept = _without(table, pq.read_table(path, schema=schema), drop_docs, change.drop_sources)
                if kept.num_rows:
                    _write_part(kept, target)
            if change.rows.get(table):
                _write_part(to_arrow(table, list(change.rows[table])), build / table / change.part)
            self._keep_columns(build, table)
        noted = dict(self.index.noted)
        for source, sha in change.noted.items():
            if sha is None:
                noted.pop(source, None)
            else:
                noted[source] = sha
        (build / STATE).write_text(json.dumps({"noted": noted}, ensure_ascii=False, sort_keys=True),
                                   encoding="utf-8")
        final = self.out / VERSIONS / name
        os.rename(build, final)
        _swap(self.out, final)
        self.version = final
        self._update_index(change, drop_docs, renamed, noted)
        collect_garbage(self.out)

    def _keep_columns(self, build: Path, table: str) -> None:
        """Give a table with no parts its zero-row part (linked from the current version when it has one)."""
        if part_files(build, table):
            return
        target = build / table / EMPTY
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = self.version / table / EMPTY if self.version is not None else None
        if previous is not None and previous.is_file():
            _link(previous, target)
        else:
            _write_part(TABLES[table].empty_table(), target)

    def _update_index(self, change: Change, drop_docs: set[str], renamed: dict[str, str],
                      noted: dict[str, str]) -> None:
        index = self.index
        for doc_id in drop_docs:
            index.drop_doc(doc_id)
        for source in change.drop_sources:
            index.drop_errors(source)
        for old, new in renamed.items():
            for doc_id in index.part_docs.pop(old, set()):
                index.docs[doc_id].part = new
                index.part_docs.setdefault(new, set()).add(doc_id)
            for source in index.part_sources.pop(old, set()):
                index.error_parts[source].discard(old)
                index.add_error(source, new)
        for row in change.rows.get("documents", []):
            index.add_doc(row["doc_id"], DocEntry(row["source"], row["content_sha"], row["fingerprint"], change.part))
        for row in change.rows.get("errors", []):
            index.add_error(row["source"], change.part)
        index.noted = noted

    def compact(self, compact_id: str) -> dict[str, int]:
        """Merge each table partition's parts into one; rows are unchanged. Returns parts merged per table."""
        if self.version is None:
            return {}
        groups: dict[str, list[str]] = {}
        for table in TABLES:
            for path in part_files(self.version, table):
                if _rel(path) == EMPTY:
                    continue
                groups.setdefault(path.parent.name, [])
                if path.name not in groups[path.parent.name]:
                    groups[path.parent.name].append(path.name)
        merge = {partition: names for partition, names in groups.items() if len(names) > 1}
        if not merge:
            return {}
        name = self._next_name()
        build = self.out / VERSIONS / f"{_BUILDING}{name}"
        build.mkdir(parents=True)
        merged: dict[str, int] = {}
        renamed: dict[str, str] = {}
        for k, partition in enumerate(sorted(merge)):
            for base in merge[partition]:
                renamed[f"{partition}/{base}"] = f"{partition}/part-{compact_id}-{k:06d}.parquet"
        for table, schema in TABLES.items():
            (build / table).mkdir()
            pending: dict[str, list[Path]] = {}
            for path in part_files(self.version, table):
                rel = _rel(path)
                if rel == EMPTY:
                    continue
                if rel in renamed:
                    pending.setdefault(renamed[rel], []).append(path)
                else:
                    (build / table / path.parent.name).mkdir(exist_ok=True)
                    _link(path, build / table / rel)
            for target, paths in pending.items():
                _write_part(pa.concat_tables(pq.read_table(p, schema=schema) for p in paths), build / table / target)
                merged[table] = merged.get(table, 0) + len(paths)
            self._keep_columns(build, table)
        if (self.version / STATE).is_file():
            _link(self.version / STATE, build / STATE)
        final = self.out / VERSIONS / name
        os.rename(build, final)
        _swap(self.out, final)
        self.version = final
        self._update_index(Change({}, ""), set(), {k: v for k, v in renamed.items()}, self.index.noted)
        collect_garbage(self.out)
        return merged


def _without(table: str, data: pa.Table, drop_docs: set[str], drop_sources: set[str]) -> pa.Table:
    """A part's rows minus those of the replaced documents (and, for errors, of the replaced sources)."""
    keep = None
    if "doc_id" in data.column_names and drop_docs:
        keep = pc.invert(pc.fill_null(pc.is_in(data["doc_id"], pa.array(sorted(drop_docs))), False))
    if table == "errors" and drop_sources:
        by_source = pc.invert(pc.is_in(data["source"], pa.array(sorted(drop_sources))))
        keep = by_source if keep is None else pc.and_(keep, by_source)
    return data if keep is None else data.filter(keep)


def _swap(out: Path, version: Path) -> None:
    """Point ``_current`` at ``version`` in one rename, then make sure every table's symlink exists."""
    for table in TABLES:  # fixed links, made before the first swap so they never go missing after it
        link = out / table
        if not link.is_symlink() and not link.exists():
            os.symlink(f"{CURRENT}/{table}", link)
    tmp = out / f".{CURRENT}-{os.getpid()}"
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(f"{VERSIONS}/{version.name}", tmp)
    os.replace(tmp, out / CURRENT)
    _fsync_dir(out)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def collect_garbage(out: Path, retain_seconds: float = RETAIN_SECONDS, retain_max: int = RETAIN_MAX) -> list[Path]:
    """Remove versions superseded more than ``retain_seconds`` ago, and any beyond the newest ``retain_max``
    old ones (the current version and its predecessor always stay)."""
    current = current_version(out)
    folder = out / VERSIONS
    if current is None or not folder.is_dir():
        return []
    versions = sorted(p for p in folder.iterdir() if p.name.startswith("v") and p.name[1:].isdigit())
    removed = []
    now = time.time()
    old = [v for v in versions if v.name < current.name]
    for k, (older, newer) in enumerate(itertools.pairwise([*old, current])):
        if newer.name == current.name:
            break  # keep the one before the current version
        if now - newer.stat().st_mtime > retain_seconds or len(old) - k > retain_max:
            shutil.rmtree(older)
            removed.append(older)
    return removed


def recover(out: Path) -> list[Path]:
    """Remove what a killed run left: half-built versions, versions never swapped in, temp symlinks."""
    removed: list[Path] = []
    folder = out / VERSIONS
    current = current_version(out)
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        never_current = path.name.startswith("v") and (current is None or path.name > current.name)
        if path.name.startswith(_BUILDING) or never_current:
            shutil.rmtree(path)
            removed.append(path)
    for tmp in out.glob(f".{CURRENT}-*"):
        tmp.unlink()
        removed.append(tmp)
    return removed


def write_batch(out: Path, run_id: str, run_date: str, batch: int, rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Commit one batch of rows as they are (no replacement): for tests and small tools."""
    Dataset(out).commit(Change(rows, f"run_date={run_date}/part-{run_id}-{batch:06d}.parquet"))


def compact(out: Path, compact_id: str) -> dict[str, int]:
    return Dataset(out).compact(compact_id)


def replaced_by(index: Index, docs: Iterable[tuple[str, str]]) -> set[str]:
    """doc_ids a batch of (doc_id, source) replaces: the same content reprocessed, or the source's old version."""
    gone = set()
    for doc_id, source in docs:
        if doc_id in index.docs:
            gone.add(doc_id)
        old = index.by_source.get(source)
        if old is not None:
            gone.add(old)
    return gone
