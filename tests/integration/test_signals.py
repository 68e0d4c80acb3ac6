"""Signals: SIGTERM stops the pool workers too, Ctrl-C prints one line, and the next run completes the rest."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psutil
import pytest

from pipeline import load_table
from tests.integration.nightly_helpers import SMOKE, agreed, cli, corpus, popen, summary

pytestmark = pytest.mark.slow

# enough documents that the run cannot finish between the commits the test waits for and its signal
_DOCS = 160


def _as_a_foreground_job() -> None:
    """Ctrl-C's default action in the child, as a terminal's foreground job has it: when the test process has SIGINT
    ignored (something earlier in a full run leaves it so), the child inherits that and the run finishes instead of
    stopping (two fresh-clone CI runs saw returncode 0, not 130; with SIGINT ignored before pytest starts, the test
    fails without this and passes with it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_commits(out: Path, docs: int, proc: object) -> None:
    deadline = time.time() + 300
    while time.time() < deadline:
        if (out / "documents").exists() and len(load_table("documents", out)) >= docs:
            return
        time.sleep(0.05)
    pytest.fail("the run committed nothing in time")


def test_sigterm_stops_workers_records_the_run_and_the_next_run_completes(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", _DOCS)
    out = tmp_path / "out"
    proc = popen("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE,
                 "--executor", "process", "--workers", "2", "--set", "run.batch_docs=1")
    _wait_for_commits(out, 3, proc)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "the process executor should have started workers"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr and "terminated" in stderr
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"orphaned workers: {[p.pid for p in alive]}"
    runs = load_table("runs", out)
    assert list(runs["status"].astype(str)) == ["failed"]
    partial = agreed(out, "documents")
    assert 0 < partial < _DOCS
    done = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert done.returncode == 0, done.stderr
    assert summary(done)["documents"] == _DOCS - partial
    assert agreed(out, "documents") == _DOCS and load_table("mentions", out)["mention_id"].is_unique


def test_ctrl_c_prints_one_line_without_tracebacks(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", _DOCS)
    out = tmp_path / "out"
    proc = popen("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE,
                 "--executor", "process", "--workers", "2", "--set", "run.batch_docs=1", start_new_session=True,
                 preexec_fn=_as_a_foreground_job)
    _wait_for_commits(out, 2, proc)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to the whole foreground process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("error: interrupted")
    done = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert done.returncode == 0 and agreed(out, "documents") == _DOCS, done.stderr
