"""The CLI as a user runs it: a subprocess over the seeds, every table read back with pandas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.io.schemas import TABLES
from tests.conftest import GOLD, REFERENCE_SCORER, ROOT, SEEDS, require
from tests.invariants import check_output

pytestmark = pytest.mark.slow


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=1200)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds_run")
    done = cli("run", "--input", str(SEEDS), "--output", str(out), "--config", "configs/default.yaml")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["documents"] == 5 and summary["errors"] == 0
    return out


def test_cli_seeds_tables_read_back_typed(seeds_run: Path) -> None:
    counts = check_output(seeds_run)
    for name in TABLES:
        frame = pd.read_parquet(seeds_run / name) if (seeds_run / name).exists() else None
        if name != "errors" and frame is not None:
            assert len(frame) > 0, name
    assert counts["documents"] == 5 and counts["runs"] == 1
    docs = pd.read_parquet(seeds_run / "documents")
    assert sorted(docs["lang"].astype(str)) == ["en", "en", "en", "en", "zh"]
    labels = set(pd.read_parquet(seeds_run / "mentions")["label"].astype(str))
    assert {"PERSON", "ORG", "LOC", "MINERAL", "FIGURE"} <= labels


def test_cli_seeds_rerun_is_incremental(seeds_run: Path) -> None:
    before = {n: len(pd.read_parquet(seeds_run / n)) for n in ("documents", "mentions")}
    done = cli("run", "--input", str(SEEDS), "--output", str(seeds_run))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["skipped"] == 5 and summary["documents"] == 0
    assert {n: len(pd.read_parquet(seeds_run / n)) for n in before} == before


def test_cli_export_and_eval_agree_with_reference(seeds_run: Path, tmp_path: Path) -> None:
    exported = cli("export", "--format", "gold-jsonl", "--run", str(seeds_run))
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sorted(r["doc"] for r in records) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert set(records[0]) == {"doc", "lang", "persons", "orgs", "locs", "minerals", "figures"}
    reference = require(REFERENCE_SCORER)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(exported.stdout, encoding="utf-8")
    ref = subprocess.run([sys.executable, str(reference), str(GOLD), str(pred), "--json", "--by-lang"],
                         capture_output=True, text=True, check=True)
    ours = cli("eval", "--gold", str(GOLD), "--run", str(seeds_run), "--json")
    assert ours.returncode == 0, ours.stderr
    assert json.loads(ours.stdout) == json.loads(ref.stdout)
