"""Status and exit codes a scheduler can trust: runs.status, failed-input memory, JSON logs, bin/nightly."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

from pipeline import load_table
from tests.conftest import ROOT
from tests.integration.nightly_helpers import SMOKE, cli, corpus, summary

pytestmark = pytest.mark.slow


def _status(out: Path) -> list[tuple[str, int, int]]:
    runs = load_table("runs", out).sort_values("started_at")
    return list(zip(runs["status"].astype(str), runs["n_inputs"], runs["n_errors"], strict=True))


def test_status_partial_then_known_failure_is_recorded_once_and_skipped(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 3)
    (files / "broken.txt").write_bytes(os.urandom(4096))
    out = tmp_path / "out"
    first = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert first.returncode == 0, first.stderr  # 1 of 4 failed: within the default budget (50%)
    assert summary(first)["status"] == "partial"
    assert _status(out) == [("partial", 4, 1)]

    # Nothing new arrives: the known failure is not retried, not recorded again, and fails nothing.
    second = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE,
                 "--set", "run.max_error_rate=0")
    assert second.returncode == 0, second.stderr
    assert summary(second)["skipped_known_failures"] == 1 and summary(second)["errors"] == 0
    assert _status(out)[-1] == ("ok", 0, 0)
    assert len(load_table("errors", out)) == 1

    # --retry-failed tries it again: it fails again (1 of 1 inputs of this run), still one errors row.
    retried = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE,
                  "--set", "run.max_error_rate=0", "--retry-failed")
    assert retried.returncode == 4 and "1 of 1 inputs of this run failed" in retried.stderr
    assert _status(out)[-1] == ("failed", 1, 1)
    assert len(load_table("errors", out)) == 1

    # Its content changes into a readable document: processed, and its errors row goes.
    (files / "broken.txt").write_text("Copper prices rose 3% on Monday in London trading.", encoding="utf-8")
    fixed = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert fixed.returncode == 0 and summary(fixed)["documents"] == 1, fixed.stderr
    assert len(load_table("errors", out)) == 0 and len(load_table("documents", out)) == 4


def test_status_every_log_line_is_json_with_zoned_time_and_run_id(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    done = cli("run", "--input", str(files), str(tmp_path / "missing"), "--dataset", str(out), "--config", SMOKE,
               "--log-format", "json", "--log-level", "INFO", "--set", "run.max_error_rate=0.1")
    assert done.returncode == 4
    lines = [json.loads(line) for line in done.stderr.splitlines()]  # every line is JSON
    run_id = summary(done)["run_id"]
    assert lines and all(line["run_id"] == run_id for line in lines)
    assert all(line["time"].endswith("+00:00") for line in lines)
    assert lines[-1]["level"] == "ERROR" and lines[-1]["exit_code"] == 4 and "max_error_rate" in lines[-1]["event"]
    assert any(line["event"] == "batch committed" for line in lines)


def test_status_nightly_entry_point_returns_the_clis_exit_code(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    nightly = ROOT / "bin" / "nightly"
    # The README's cron line, from another working directory, output appended to a log file.
    log = tmp_path / "mining-ner.log"
    ok = subprocess.run(f"{nightly} {files} {out} --log-format json --log-level INFO >> {log} 2>&1", shell=True,
                        cwd=tmp_path)
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert ok.returncode == 0, lines
    assert lines[-1]["documents"] == 2 and lines[-1]["status"] == "ok"
    out.mkdir(exist_ok=True)
    with FileLock(str(out / ".lock")):
        locked = subprocess.run([str(nightly), str(files), str(out)], cwd=tmp_path, capture_output=True, text=True)
    assert locked.returncode == 5 and "another run" in locked.stderr
    empty = subprocess.run([str(nightly), str(tmp_path / "none"), str(out)], cwd=tmp_path, capture_output=True,
                           text=True)
    assert empty.returncode == 3
    # make nightly forwards the log flags to the same entry point.
    dry = subprocess.run(["make", "-n", "nightly", "CORPUS=c", "OUT=o", "LOG_FORMAT=json", "LOG_LEVEL=INFO"],
                         cwd=ROOT, capture_output=True, text=True)
    assert "bin/nightly c o --log-format json --log-level INFO" in dry.stdout
