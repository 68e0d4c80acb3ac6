"""Serial, local-process and Dask executors give identical tables; a SIGKILLed run resumes cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import load_table
from pipeline.run.config import load_config
from pipeline.run.runner import execute
from tests.conftest import ROOT, SEEDS
from tests.integration.nightly_helpers import corpus
from tests.integration.test_cli_seeds import cli
from tests.invariants import check_output

pytestmark = pytest.mark.slow
TABLES = ("documents", "sentences", "tokens", "mentions", "figures", "errors")


def _corpus(folder: Path, copies: int) -> Path:
    """Varied seed copies (nightly_helpers.corpus) plus one empty file that becomes an errors row."""
    corpus(folder, copies)
    (folder / "bad.txt").write_bytes(b"")
    return folder


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in TABLES:
        frame = load_table(name, out).drop(columns=["run_id", "run_date"])
        frame = frame.astype({c: str for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})
        frames[name] = frame.sort_values(list(frame.columns[:4])).reset_index(drop=True)
    return frames


def test_executors_serial_process_and_dask_agree(tmp_path: Path) -> None:
    files = _corpus(tmp_path / "corpus", 8)
    outputs = {}
    for kind in ("serial", "process", "dask"):
        config = load_config(ROOT / "configs" / "smoke.yaml",
                             ["run.batch_docs=3", f"run.executor={kind}", "run.workers=2"])
        out = tmp_path / kind
        result = execute([files], out, config)
        assert result.n_documents == 8 and result.n_errors == 1
        check_output(out)
        outputs[kind] = _frames(out)
    for kind in ("process", "dask"):
        for name in TABLES:
            pd.testing.assert_frame_equal(outputs["serial"][name], outputs[kind][name], check_dtype=False)


def test_executors_sigkill_midrun_then_rerun_is_complete_without_duplicates(tmp_path: Path) -> None:
    files = _corpus(tmp_path / "corpus", 30)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "pipeline", "run", "--input", str(files), "--output", str(out),
            "--config", "configs/smoke.yaml", "--set", "run.batch_docs=1"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and not ((out / "documents").exists() and len(load_table("documents", out)) >= 5):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = len(load_table("documents", out))
    assert 0 < partial < 30, "the kill should land mid-run"
    done = cli("run", "--input", str(files), "--output", str(out), "--config", "configs/smoke.yaml")
    assert done.returncode == 0, done.stderr
    docs = load_table("documents", out, latest=False)
    assert len(docs) == 30 and docs["doc_id"].is_unique
    mentions = load_table("mentions", out, latest=False)
    assert mentions["mention_id"].is_unique
    check_output(out)


def test_executors_second_run_on_locked_output_stops_with_exit_5(tmp_path: Path) -> None:
    from filelock import FileLock

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / ".lock")):
        done = cli("run", "--input", str(SEEDS), "--output", str(out), "--config", "configs/smoke.yaml")
    assert done.returncode == 5 and "another run" in done.stderr
