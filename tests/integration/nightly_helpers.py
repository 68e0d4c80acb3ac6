"""Helpers of the nightly-run tests: small corpora, the CLI as a subprocess, every reader the README names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.dataset as ds

from pipeline import load_table
from tests.conftest import ROOT, SEEDS

SMOKE = str(ROOT / "configs" / "smoke.yaml")


def corpus(folder: Path, copies: int) -> Path:
    """Seed copies varied so none is deduplicated away (a different first line each)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        seed = seeds[i % len(seeds)]
        (folder / f"{i:03d}_{seed.name}").write_text(f"Copy {i}\n\n" + seed.read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    return folder


def cli(*args: str, cwd: Path = ROOT, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout)


def popen(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, **kwargs)  # type: ignore[call-overload]


def summary(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    return json.loads(done.stdout.strip().splitlines()[-1])


def reader_counts(out: Path, name: str) -> dict[str, int]:
    """Rows of one table as each reader the README names sees them."""
    glob = str(out / name / "**" / "*.parquet")
    return {
        "load_table": len(load_table(name, out)),
        "pandas": len(pd.read_parquet(out / name)),
        "pyarrow.dataset": ds.dataset(out / name, format="parquet", partitioning="hive").count_rows(),
        "duckdb": duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning=true)").fetchall()[0][0],
    }


def agreed(out: Path, name: str) -> int:
    """The one row count every reader agrees on (fails when any reader differs)."""
    counts = reader_counts(out, name)
    assert len(set(counts.values())) == 1, (name, counts)
    return counts["load_table"]
