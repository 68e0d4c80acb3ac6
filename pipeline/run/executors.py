"""Executors: where batches are processed — in this process, a local process pool, or a Dask cluster.

Why several: a nightly corpus wants both cores (or a cluster), tests and small
runs want no start-up cost. Every executor builds the stages (loads models) once
per worker, keeps a bounded number of batches in flight (memory stays flat),
and yields results in submission order, so outputs are the same whichever
executor ran them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from pipeline.records import Bundle, DocError, Document
from pipeline.run.config import Config
from pipeline.stages import build_stages
from pipeline.stages.batch import RunnableStage, process_batch

Result = tuple[list[Bundle], list[DocError]]
_WORKER_STAGES: dict[str, list[RunnableStage]] = {}


def stages_for(config: Config) -> list[RunnableStage]:
    """The stages of ``config``, built once per process (models load once per worker)."""
    key = config.digest()
    if key not in _WORKER_STAGES:
        _WORKER_STAGES[key] = build_stages(config)
    return _WORKER_STAGES[key]


def process_docs(config: Config, docs: list[Document]) -> Result:
    """Worker entry point: run the configured stages over one batch."""
    return process_batch(stages_for(config), docs) if docs else ([], [])


def _ordered(submit: Any, batches: Iterable[list[Document]], in_flight: int) -> Iterator[Result]:
    pending: deque[Any] = deque()
    for docs in batches:
        pending.append(submit(docs))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def serial(config: Config, batches: Iterable[list[Document]]) -> Iterator[Result]:
    """In this process; models load at the first batch with work (a night with nothing new loads none)."""
    for docs in batches:
        yield process_docs(config, docs)


def local_processes(config: Config, batches: Iterable[list[Document]], workers: int) -> Iterator[Result]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        def submit(docs: list[Document]) -> Future[Result]:
            return pool.submit(process_docs, config, docs)

        yield from _ordered(submit, batches, in_flight=2 * workers)


def dask(config: Config, batches: Iterable[list[Document]], workers: int, address: str | None) -> Iterator[Result]:
    """Run on the Dask scheduler at ``address``, or on a LocalCluster of ``workers`` processes it starts."""
    from distributed import Client, LocalCluster

    cluster = None if address else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=None)
    client = Client(address or cluster)
    try:
        scattered = client.scatter(config, broadcast=True)
        n = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(docs: list[Document]) -> Any:
            return client.submit(process_docs, scattered, docs, pure=False)

        yield from _ordered(submit, batches, in_flight=2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def choose(config: Config) -> tuple[str, int]:
    """Resolve ``auto`` and ``workers: 0``: a process pool on multi-core machines, else serial."""
    cores = os.cpu_count() or 1
    workers = config.run.workers or cores
    kind = config.run.executor
    if kind == "auto":
        kind = "process" if cores > 1 and workers > 1 else "serial"
    return kind, workers


def execute_batches(config: Config, batches: Iterable[list[Document]]) -> Iterator[Result]:
    kind, workers = choose(config)
    if kind == "serial":
        return serial(config, batches)
    if kind == "process":
        return local_processes(config, batches, workers)
    return dask(config, batches, workers, config.run.dask_address)
