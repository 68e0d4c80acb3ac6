"""Running built stages over a batch, and isolating the document that makes a stage fail.

Why here: every executor (serial, process pool, Dask) runs batches the same way, so one bad input
becomes an errors row and never stops its batch, whichever executor ran it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.records import Bundle, DocError, Document
from pipeline.stages.contract import BatchFn


@dataclass(frozen=True)
class RunnableStage:
    """A built stage: its name (for timings and errors) and its batch function."""

    name: str
    run: BatchFn


class StageFailure(RuntimeError):
    """A stage raised; carries the stage name and the original exception for the errors table."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


def run_stages(stages: Sequence[RunnableStage], batch: list[Bundle]) -> list[Bundle]:
    """Run every stage over the batch, recording seconds per stage on each bundle."""
    for stage in stages:
        t0 = time.perf_counter()
        try:
            batch = stage.run(batch)
        except Exception as exc:
            raise StageFailure(stage.name, exc) from exc
        share = (time.perf_counter() - t0) / max(len(batch), 1)
        for b in batch:
            b.timings[stage.name] = b.timings.get(stage.name, 0.0) + share
    return batch


def process_batch(stages: Sequence[RunnableStage], docs: list[Document]) -> tuple[list[Bundle], list[DocError]]:
    """Run the stages on a batch; on failure, retry one document at a time to isolate the bad one."""
    if not docs:
        return [], []
    try:
        return run_stages(stages, [Bundle(d) for d in docs]), []
    except StageFailure:
        pass  # isolate the failing document(s) below
    bundles: list[Bundle] = []
    errors: list[DocError] = []
    for doc in docs:
        try:
            bundles += run_stages(stages, [Bundle(doc)])
        except StageFailure as exc:
            errors.append(DocError(doc.source, exc.stage, type(exc.cause).__name__, str(exc.cause)[:500],
                                   doc_id=doc.doc_id, content_sha=doc.content_sha or None))
    return bundles, errors
