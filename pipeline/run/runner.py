"""The runner: ingest -> stages -> write, in bounded batches, under a lock.

Why it is small: the work lives in the stages; the runner only streams inputs
in batches (memory stays flat), isolates a failing document so one bad input
never stops a batch, skips documents already processed with the same
fingerprint, and writes each batch crash-safely (see :mod:`pipeline.io.sink`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tqdm import tqdm

from pipeline.io.catalog import read_arrow
from pipeline.io.rows import bundle_rows, error_row
from pipeline.io.sink import recover, write_batch
from pipeline.io.sources import discover, read_inputs
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
    n_errors: int = 0
    n_warnings: int = 0
    n_mentions: int = 0
    n_chars: int = 0
    wall_seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def error_rate(self) -> float:
        return self.n_errors / self.n_inputs if self.n_inputs else 0.0


def new_run_id(now: datetime) -> str:
    """Sortable by time: 20261122t201500-1a2b."""
    return f"{now:%Y%m%dt%H%M%S}{secrets.token_hex(2)}"


def fingerprint(config: Config) -> str:
    """Config hash + package and model versions: a document is redone when any of them changes."""
    payload = json.dumps({"config": config.digest(), "versions": versions(config)}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def processed(out: Path, fp: str) -> set[str]:
    """doc_ids already in the output with this fingerprint."""
    docs = read_arrow("documents", out).select(["doc_id", "fingerprint"]).to_pylist()
    return {d["doc_id"] for d in docs if str(d["fingerprint"]) == fp}


def _batches(items: Iterable[Document | DocError], size: int) -> Iterator[list[Document | DocError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def execute(inputs: Sequence[Path], out: Path, config: Config, overrides: Sequence[str] = (), full: bool = False,
            wait_for_lock: float = 0.0, progress: bool | None = None) -> RunResult:
    """Process ``inputs`` into the dataset at ``out``; return the run summary (also kept in ``runs``)."""
    check_chain(config.stages)  # before any input is read or any model loaded
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    run_date = f"{started:%Y-%m-%d}"
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / ".lock"))
    try:
        lock.acquire(timeout=wait_for_lock)
    except Timeout as exc:
        raise LockHeld(f"another run is writing to {out} (lock {out / '.lock'}); use --wait to queue") from exc
    try:
        recover(out)
        fp = fingerprint(config)
        done = set() if full else processed(out, fp)
        result = RunResult(run_id)
        t0 = time.perf_counter()
        show = sys.stderr.isatty() if progress is None else progress
        bar = tqdm(unit="doc", total=_expected_inputs(inputs, config) if show else None, disable=not show,
                   file=sys.stderr)
        prepared: deque[list[DocError]] = deque()
        seen: set[str] = set()

        def doc_batches() -> Iterator[list[Document]]:
            for chunk in _batches(read_inputs(inputs, config.ingest), config.run.batch_docs):
                errors = [e for e in chunk if isinstance(e, DocError)]
                docs = []
                for d in (d for d in chunk if isinstance(d, Document)):
                    if d.doc_id in seen:
                        errors.append(DocError(d.source, "ingest", "DuplicateContent",
                                               f"same content as an earlier input (doc_id {d.doc_id})",
                                               doc_id=d.doc_id, level="warning"))
                    if d.doc_id in done or d.doc_id in seen:
                        result.n_skipped += 1
                        bar.update(1)
                        continue
                    seen.add(d.doc_id)
                    docs.append(d)
                prepared.append(errors)
                yield docs

        batch_no = -1
        for batch_no, (bundles, failed) in enumerate(execute_batches(config, doc_batches())):
            errors = prepared.popleft() + failed
            _write(out, run_id, run_date, batch_no, fp, config, bundles, errors, result)
            log.info("batch written", extra={"batch": batch_no, "documents": len(bundles), "errors": len(errors)})
            bar.update(len(bundles) + len([e for e in errors if e.level == "error"]))
        bar.close()
        result.wall_seconds = time.perf_counter() - t0
        write_batch(out, run_id, run_date, batch_no + 1, {"runs": [_run_row(result, config, overrides, fp, started)]})
        return result
    finally:
        lock.release()


def _expected_inputs(inputs: Sequence[Path], config: Config) -> int | None:
    """Number of input files for the progress bar's ETA; unknown when JSON-lines files hold many records."""
    files = [f for f in discover(inputs, config.ingest) if isinstance(f, Path)]
    return None if any(f.suffix.lower() == ".jsonl" for f in files) else len(files)


def _write(out: Path, run_id: str, run_date: str, batch_no: int, fp: str, config: Config, bundles: list[Bundle],
           errors: list[DocError], result: RunResult) -> None:
    """Write one batch and add it to the run's counts."""
    rows: dict[str, list[dict[str, Any]]] = {"errors": [error_row(e, run_id) for e in errors]}
    for b in bundles:
        for name, part in bundle_rows(b, run_id, fp, config.segment.write_tokens).items():
            rows.setdefault(name, []).extend(part)
        for stage, secs in b.timings.items():
            result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + secs
        result.n_mentions += len(b.mentions)
        result.n_chars += len(b.doc.text)
    write_batch(out, run_id, run_date, batch_no, rows)
    hard = [e for e in errors if e.level == "error"]
    result.n_inputs += len(bundles) + len(hard)
    result.n_documents += len(bundles)
    result.n_errors += len(hard)
    result.n_warnings += len(errors) - len(hard)


def _run_row(r: RunResult, config: Config, overrides: Sequence[str], fp: str, started: datetime) -> dict[str, Any]:
    return {
        "run_id": r.run_id, "started_at": started, "finished_at": datetime.now(UTC),
        "status": "ok", "fingerprint": fp, "config_hash": config.digest(), "config_json": config.to_json(),
        "overrides": list(overrides), "versions_json": versions_json(config),
        "n_inputs": r.n_inputs, "n_documents": r.n_documents, "n_skipped": r.n_skipped, "n_errors": r.n_errors,
        "n_mentions": r.n_mentions, "n_chars": r.n_chars, "wall_seconds": r.wall_seconds,
        "stage_seconds_json": json.dumps(r.stage_seconds, sort_keys=True),
    }
