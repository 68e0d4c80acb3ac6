"""Executors: where batches are processed — in this process, a local process pool, or a Dask cluster.

Why several: a nightly corpus wants both cores (or a cluster), tests and small
runs want no start-up cost. Every executor builds the stages (loads models) once
per worker and keeps a bounded number of batches in flight (memory stays flat).
Results come back as batches finish, each with its position, so one long document
holds up only its own batch: the others are committed meanwhile. Outputs do not
depend on the executor (rows are keyed by document, not by order).

Stopping: pool workers ignore Ctrl-C (the main process handles it once, without a
traceback per worker) and die with their parent; when the main process stops early
(SIGTERM, Ctrl-C, an error) it terminates the workers before it returns.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from pipeline.records import Bundle, DocError, Document
from pipeline.run.config import Config
from pipeline.stages import build_stages
from pipeline.stages.batch import RunnableStage, process_batch

Result = tuple[list[Bundle], list[DocError]]
_WORKER_STAGES: dict[str, list[RunnableStage]] = {}


def stages_for(config: Config) -> list[RunnableStage]:
    """The stages of ``config``, built once per process (models load once per worker).

    Relative model paths are resolved against the project here, in the worker, so a worker
    started outside the checkout (a Dask worker on another host) finds the models.
    """
    key = config.digest()
    if key not in _WORKER_STAGES:
        _WORKER_STAGES[key] = build_stages(config.with_project_paths())
    return _WORKER_STAGES[key]


def process_docs(config: Config, docs: list[Document]) -> Result:
    """Worker entry point: run the configured stages over one batch."""
    return process_batch(stages_for(config), docs) if docs else ([], [])


def _as_completed(submit: Callable[[list[Document]], Any], batches: Iterable[list[Document]], in_flight: int,
                  first_done: Callable[[list[Any]], Iterable[Any]]) -> Iterator[tuple[int, Result]]:
    """Submit batches with at most ``in_flight`` running; yield (position, result) as each finishes."""
    pending: dict[Any, int] = {}

    def drain(limit: int) -> Iterator[tuple[int, Result]]:
        while len(pending) > limit:
            for fut in first_done(list(pending)):
                yield pending.pop(fut), fut.result()

    for i, docs in enumerate(batches):
        if not docs:
            yield i, ([], [])
            continue
        pending[submit(docs)] = i
        yield from drain(in_flight - 1)
    yield from drain(0)


def serial(config: Config, batches: Iterable[list[Document]]) -> Iterator[tuple[int, Result]]:
    """In this process; models load at the first batch with work (a night with nothing new loads none)."""
    for i, docs in enumerate(batches):
        yield i, process_docs(config, docs)


def _worker_init() -> None:
    """In each pool worker: leave Ctrl-C to the main process, and die with it (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def local_processes(config: Config, batches: Iterable[list[Document]],
                    workers: int) -> Iterator[tuple[int, Result]]:
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    finished = False
    try:
        def submit(docs: list[Document]) -> Future[Result]:
            return pool.submit(process_docs, config, docs)

        yield from _as_completed(submit, batches, 2 * workers, lambda fs: wait(fs, return_when=FIRST_COMPLETED).done)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # stopped early: do not wait for running batches, stop the workers now
            _stop_now(pool)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Stop the workers first (killed if SIGTERM has not ended them in ten seconds), then let go of the pool
    without waiting on it. A Ctrl-C can land while the
    main thread holds a future's lock inside ``wait`` (a ``with`` statement is not atomic under signals), so
    the pool's own shutdown, which cancels futures under those locks, runs in a daemon thread with a time
    limit: the run then still ends, and its status is recorded, instead of hanging."""
    processes = list(getattr(pool, "_processes", {}).values())
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + 10
    for proc in processes:
        proc.join(timeout=max(0.0, deadline - time.monotonic()))
    for proc in processes:
        if proc.is_alive():  # still busy after ten seconds in all: SIGKILL cannot be ignored
            proc.kill()
            proc.join(timeout=5)
    closer = threading.Thread(target=pool.shutdown, kwargs={"wait": False, "cancel_futures": True}, daemon=True)
    closer.start()
    closer.join(timeout=5)


def dask(config: Config, batches: Iterable[list[Document]], workers: int,
         address: str | None, on_dashboard: Callable[[str], None] | None = None) -> Iterator[tuple[int, Result]]:
    """Run on the Dask scheduler at ``address``, or on a LocalCluster of ``workers`` processes it starts."""
    from distributed import Client, LocalCluster
    from distributed import wait as dask_wait

    cluster = None if address else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                dashboard_address=":0")
    client = Client(address or cluster)
    try:
        if on_dashboard is not None:
            on_dashboard(str(client.dashboard_link))
        scattered = client.scatter(config, broadcast=True)
        n = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(docs: list[Document]) -> Any:
            return client.submit(process_docs, scattered, docs, pure=False)

        yield from _as_completed(submit, batches, 2 * n, lambda fs: dask_wait(fs, return_when="FIRST_COMPLETED").done)
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


def execute_batches(config: Config, batches: Iterable[list[Document]],
                    on_dashboard: Callable[[str], None] | None = None) -> Iterator[tuple[int, Result]]:
    """(position, result) of every batch, as batches finish."""
    kind, workers = choose(config)
    if kind == "serial":
        return serial(config, batches)
    if kind == "process":
        return local_processes(config, batches, workers)
    return dask(config, batches, workers, config.run.dask_address, on_dashboard)
