"""Operator comfort: --version, one help listing every command, one --dataset flag, the report after a
night with nothing new, a Dask worker started outside the checkout, and a long document that does not
hold up the commits of the others."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import load_table
from tests.conftest import ROOT
from tests.integration.nightly_helpers import SMOKE, cli, corpus, popen, summary

pytestmark = pytest.mark.slow
COMMANDS = ("run", "export", "eval", "report", "compact")


def test_operator_version_help_and_one_dataset_flag(tmp_path: Path) -> None:
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("mining-ner ")
    top = cli("--help")
    assert top.returncode == 0 and all(f"  {name} " in top.stdout for name in COMMANDS), top.stdout
    for name in COMMANDS:
        assert "--dataset FOLDER" in cli(name, "--help").stdout, name
    files = corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    assert cli("run", "--input", str(files), "--output", str(out), "--config", SMOKE).returncode == 0  # old name
    assert cli("export", "--run", str(out)).returncode == 0
    exported = cli("export", "--dataset", str(out))
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 2
    assert cli("compact", "--output", str(out)).returncode == 0


def test_operator_report_after_a_night_with_nothing_new_shows_the_last_run_that_worked(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    first = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    noop = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert first.returncode == 0 and noop.returncode == 0 and summary(noop)["documents"] == 0
    page = tmp_path / "report.html"
    done = cli("report", "--dataset", str(out), "--output", str(page))
    assert done.returncode == 0, done.stderr
    html = page.read_text(encoding="utf-8")
    assert "processed no new documents" not in html
    assert str(summary(first)["run_id"]) in html and "Copy 1" in html


def test_operator_dask_worker_outside_the_checkout_finds_the_models(tmp_path: Path) -> None:
    dask = Path(sys.executable).parent / "dask"
    scheduler_file = tmp_path / "scheduler.json"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    scheduler = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(scheduler_file)],
                                 cwd=outside, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not scheduler_file.exists():
            time.sleep(0.1)
        worker = subprocess.Popen([str(dask), "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                                   "--no-dashboard"], cwd=outside, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        address = json.loads(scheduler_file.read_text())["address"]
        files = corpus(tmp_path / "corpus", 3)
        out = tmp_path / "out"
        done = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE, "--scheduler", address)
        assert done.returncode == 0, done.stderr
        assert summary(done)["documents"] == 3 and summary(done)["errors"] == 0
        assert "dask dashboard: http://" in done.stderr
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)


def _numbered(text: str, i: int) -> str:
    """``text`` with ``i`` on each line, so cleaning does not drop the copies as duplicate paragraphs."""
    return "\n".join(f"{line} ({i})" if line.strip() else line for line in text.splitlines())


def test_operator_long_document_does_not_hold_up_the_others(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 6)
    seed = (ROOT / "seeds" / "001_47be36475a6df2c6.txt").read_text(encoding="utf-8")
    (files / "000_long.txt").write_text("\n\n".join(_numbered(seed, i) for i in range(8)), encoding="utf-8")
    out = tmp_path / "out"
    proc = popen("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE, "--executor", "process",
                 "--workers", "2", "--set", "run.batch_docs=1")
    small_done_first = False
    while proc.poll() is None:
        if (out / "documents").exists():
            sources = {Path(s).name for s in load_table("documents", out)["source"]}
            if len(sources) == 6 and "000_long.txt" not in sources:
                small_done_first = True
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert small_done_first, "the six short documents should be committed while the long one is still running"
    assert len(load_table("documents", out)) == 7
