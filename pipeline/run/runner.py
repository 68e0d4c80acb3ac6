"""The runner: ingest -> stages -> write, in bounded batches, under a lock.

Why it is small: the work lives in the stages; the runner only streams inputs
in batches (memory stays flat), decides per input whether there is work
(a document is its source; its content hash and the pipeline fingerprint decide
whether it is processed again; an input that failed with the same content is
recorded once and skipped), and commits each finished batch as a new version of
the dataset (see :mod:`pipeline.io.sink`), replacing the rows it supersedes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tqdm import tqdm

from pipeline.io.rows import bundle_rows, error_row
from pipeline.io.sink import Change, Dataset, Index, replaced_by
from pipeline.io.sources import discover, read_grouped
from pipeline.records import Bundle, DocError, Document
from pipeline.run.config import Config
from pipeline.run.executors import execute_batches
from pipeline.run.versions import versions, versions_json
from pipeline.stages import check_chain

log = logging.getLogger("pipeline")


class LockHeld(RuntimeError):
    """Another run holds the output folder."""


@dataclass
class RunResult:
    run_id: str
    n_inputs: int = 0
    n_documents: int = 0
    n_skipped: int = 0
    n_known_failed: int = 0
    n_errors: int = 0
    n_warnings: int = 0
    n_mentions: int = 0
    n_chars: int = 0
    wall_seconds: float = 0.0
    max_error_rate: float = 1.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def error_rate(self) -> float:
        """Failed share of this run's inputs (inputs skipped as unchanged or known-failed do not count)."""
        return self.n_errors / self.n_inputs if self.n_inputs else 0.0

    @property
    def no_input(self) -> bool:
        return self.n_documents == 0 and self.n_skipped == 0 and self.n_known_failed == 0

    @property
    def status(self) -> str:
        """ok: nothing failed; partial: some inputs failed within the error budget; failed: otherwise."""
        if self.no_input or self.error_rate > self.max_error_rate:
            return "failed"
        return "partial" if self.n_errors else "ok"


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by time: 20261122t201500-1a2b."""
    return f"{now or datetime.now(UTC):%Y%m%dt%H%M%S}{secrets.token_hex(2)}"


def fingerprint(config: Config) -> str:
    """Config hash + package and model versions: a document is redone when any of them changes."""
    payload = json.dumps({"config": config.digest(), "versions": versions(config)}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _error_sha(e: DocError) -> str:
    """What identifies a failure's input: its content hash, else what was said about it."""
    return e.content_sha or hashlib.sha256(f"{e.error_type}:{e.message}".encode()).hexdigest()


@dataclass
class _Triage:
    """Decides, input by input, what this run does; counts what it skips."""

    index: Index
    fp: str
    full: bool
    retry_failed: bool
    result: RunResult
    seen: set[str] = field(default_factory=set)

    def known(self, source: str, sha: str | None) -> bool:
        return not self.retry_failed and sha is not None and self.index.noted.get(source) == sha

    def vanished(self, jsonl: str, items: list[Document | DocError]) -> tuple[set[str], set[str]]:
        """(doc_ids, sources) of a JSON-lines file's records and line errors that its current content lacks."""
        now = {item.source for item in items}
        prefixes = (f"{jsonl}#", f"{jsonl}:")
        docs = {doc_id for source, doc_id in self.index.by_source.items()
                if source.startswith(prefixes) and source not in now}
        sources = {source for source in self.index.error_parts if source.startswith(prefixes) and source not in now}
        return docs, sources

    def group(self, items: list[Document | DocError]) -> tuple[list[Document], list[DocError]]:
        docs: list[Document] = []
        errors: list[DocError] = []
        warnings: list[DocError] = []
        for item in items:
            if isinstance(item, DocError):
                if item.level != "error":
                    warnings.append(item)
                elif self.known(item.source, _error_sha(item)):
                    self.result.n_known_failed += 1
                else:
                    errors.append(item)
                continue
            doc = item
            prev = self.index.by_source.get(doc.source)
            if not self.full and prev == doc.doc_id and self.index.docs[prev].fingerprint == self.fp:
                self.result.n_skipped += 1
            elif self.known(doc.source, doc.content_sha):
                self.result.n_known_failed += 1
            elif doc.doc_id in self.seen or (doc.doc_id in self.index.docs
                                             and self.index.docs[doc.doc_id].source != doc.source):
                self.result.n_skipped += 1
                errors.append(DocError(doc.source, "ingest", "DuplicateContent",
                                       f"same content as an earlier input (doc_id {doc.doc_id})", doc_id=doc.doc_id,
                                       level="warning", content_sha=doc.content_sha))
            else:
                self.seen.add(doc.doc_id)
                docs.append(doc)
        # A warning travels with its document: written only when that document is processed now.
        sources = {d.source for d in docs}
        errors += [w for w in warnings if w.source in sources or any(s.startswith(f"{w.source}#") for s in sources)]
        return docs, errors


def execute(inputs: Sequence[Path], out: Path, config: Config, overrides: Sequence[str] = (), full: bool = False,
            wait_for_lock: float = 0.0, progress: bool | None = None, retry_failed: bool = False,
            run_id: str | None = None, on_dashboard: Callable[[str], None] | None = None) -> RunResult:
    """Process ``inputs`` into the dataset at ``out``; return the run summary (also kept in ``runs``)."""
    check_chain(config.stages)  # before any input is read or any model loaded
    started = datetime.now(UTC)
    run_id = run_id or new_run_id(started)
    run_date = f"{started:%Y-%m-%d}"
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / ".lock"))
    try:
        lock.acquire(timeout=wait_for_lock)
    except Timeout as exc:
        raise LockHeld(f"another run is writing to {out} (lock {out / '.lock'}); use --wait to queue") from exc
    try:
        dataset = Dataset(out)
        fp = fingerprint(config)
        result = RunResult(run_id, max_error_rate=config.run.max_error_rate)
        t0 = time.perf_counter()
        try:
            _process(inputs, dataset, config, fp, run_id, run_date, full, retry_failed, progress, result,
                     on_dashboard)
        except BaseException:
            # Stopped (SIGTERM, Ctrl-C) or crashed: what was committed stays; say so in the runs table.
            result.wall_seconds = time.perf_counter() - t0
            try:
                _commit_run_row(dataset, result, config, overrides, fp, started, run_date, status="failed")
            except Exception:
                log.exception("could not record the stopped run in the runs table")
            raise
        result.wall_seconds = time.perf_counter() - t0
        _commit_run_row(dataset, result, config, overrides, fp, started, run_date, status=result.status)
        return result
    finally:
        lock.release()


def _process(inputs: Sequence[Path], dataset: Dataset, config: Config, fp: str, run_id: str, run_date: str,
             full: bool, retry_failed: bool, progress: bool | None, result: RunResult,
             on_dashboard: Callable[[str], None] | None) -> None:
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit="doc", total=_expected_inputs(inputs, config) if show else None, disable=not show,
               file=sys.stderr)
    triage = _Triage(dataset.index, fp, full, retry_failed, result)
    prepared: dict[int, list[DocError]] = {}

    forgotten = iter(range(800_000, 900_000))

    def forget(doc_ids: set[str], sources: set[str]) -> None:
        if doc_ids or sources:
            part = f"run_date={run_date}/part-{run_id}-{next(forgotten):06d}.parquet"
            dataset.commit(Change({}, part, drop_docs=doc_ids,
                                  drop_sources=sources, noted=dict.fromkeys(sources)))
            log.info("records removed from a changed file", extra={"documents": len(doc_ids)})

    def doc_batches() -> Iterator[list[Document]]:
        groups = read_grouped(inputs, config.ingest)
        for position, (docs, errors) in enumerate(_batches(groups, triage, config, bar, forget)):
            prepared[position] = errors
            yield docs

    for position, (bundles, failed) in execute_batches(config, doc_batches(), on_dashboard):
        errors = prepared.pop(position) + failed
        _commit(dataset, run_id, run_date, position, fp, config, bundles, errors, result)
        log.info("batch committed", extra={"batch": position, "documents": len(bundles), "errors": len(errors)})
        bar.update(len(bundles) + len([e for e in errors if e.level == "error"]))
    bar.close()


def _batches(groups: Iterable[tuple[str | None, list[Document | DocError]]], triage: _Triage, config: Config,
             bar: Any, forget: Callable[[set[str], set[str]], None] | None = None,
             ) -> Iterator[tuple[list[Document], list[DocError]]]:
    """Batches of at most ``batch_docs`` documents and about ``batch_chars`` characters.

    A document longer than the character budget gets a batch of its own, so it never holds up others.
    """
    docs: list[Document] = []
    errors: list[DocError] = []
    chars = 0
    limit_docs, limit_chars = config.run.batch_docs, config.run.batch_chars
    for jsonl, group in groups:
        if jsonl is not None and forget is not None:
            forget(*triage.vanished(jsonl, group))  # a changed JSON-lines file: its removed records go
        before = triage.result.n_skipped + triage.result.n_known_failed
        new_docs, new_errors = triage.group(group)
        bar.update(triage.result.n_skipped + triage.result.n_known_failed - before)
        errors += new_errors
        for doc in new_docs:
            if docs and chars + len(doc.text) > limit_chars:
                yield docs, errors
                docs, errors, chars = [], [], 0
            docs.append(doc)
            chars += len(doc.text)
            if len(docs) >= limit_docs or chars >= limit_chars:
                yield docs, errors
                docs, errors, chars = [], [], 0
        if len(errors) >= limit_docs and not docs:
            yield [], errors
            errors = []
    if docs or errors:
        yield docs, errors


def _expected_inputs(inputs: Sequence[Path], config: Config) -> int | None:
    """Number of input files for the progress bar's ETA; unknown when JSON-lines files hold many records."""
    files = [f for f in discover(inputs, config.ingest) if isinstance(f, Path)]
    return None if any(f.suffix.lower() == ".jsonl" for f in files) else len(files)


def _commit(dataset: Dataset, run_id: str, run_date: str, batch_no: int, fp: str, config: Config,
            bundles: list[Bundle], errors: list[DocError], result: RunResult) -> None:
    """Commit one batch (replacing what it supersedes) and add it to the run's counts."""
    rows: dict[str, list[dict[str, Any]]] = {"errors": [error_row(e, run_id) for e in errors]}
    for b in bundles:
        for name, part in bundle_rows(b, run_id, fp, config.segment.write_tokens).items():
            rows.setdefault(name, []).extend(part)
        for stage, secs in b.timings.items():
            result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + secs
        result.n_mentions += len(b.mentions)
        result.n_chars += len(b.doc.text)
    hard = [e for e in errors if e.level == "error"]
    index = dataset.index
    drop = replaced_by(index, [(b.doc.doc_id, b.doc.source) for b in bundles])
    drop |= {index.by_source[e.source] for e in hard if e.source in index.by_source}  # a changed input now failing
    noted: dict[str, str | None] = {b.doc.source: None for b in bundles}
    noted.update({e.source: _error_sha(e) for e in errors if e.level == "error" or e.error_type == "DuplicateContent"})
    sources = {b.doc.source for b in bundles} | {e.source for e in errors}
    dataset.commit(Change(rows, f"run_date={run_date}/part-{run_id}-{batch_no:06d}.parquet", drop_docs=drop,
                          drop_sources=sources, noted=noted))
    result.n_inputs += len(bundles) + len(hard)
    result.n_documents += len(bundles)
    result.n_errors += len(hard)
    result.n_warnings += len(errors) - len(hard)


def _commit_run_row(dataset: Dataset, r: RunResult, config: Config, overrides: Sequence[str], fp: str,
                    started: datetime, run_date: str, status: str) -> None:
    row = {
        "run_id": r.run_id, "started_at": started, "finished_at": datetime.now(UTC),
        "status": status, "fingerprint": fp, "config_hash": config.digest(), "config_json": config.to_json(),
        "overrides": list(overrides), "versions_json": versions_json(config),
        "n_inputs": r.n_inputs, "n_documents": r.n_documents, "n_skipped": r.n_skipped + r.n_known_failed,
        "n_errors": r.n_errors, "n_mentions": r.n_mentions, "n_chars": r.n_chars, "wall_seconds": r.wall_seconds,
        "stage_seconds_json": json.dumps(r.stage_seconds, sort_keys=True),
    }
    dataset.commit(Change({"runs": [row]}, f"run_date={run_date}/part-{r.run_id}-999999.parquet"))
