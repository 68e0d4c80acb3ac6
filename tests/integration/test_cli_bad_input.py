"""Bad input through the real CLI: every input ends as a document or an errors row, the batch completes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS
from tests.integration.test_cli_seeds import cli
from tests.invariants import check_output

pytestmark = pytest.mark.slow
ZH = "全国人大代表、江苏省自然资源厅厅长张国梁表示，稀土和钨资源约330亿吨。"


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad_inputs")
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "random.txt").write_bytes(os.urandom(64 * 1024))
    (folder / "gb18030.txt").write_bytes((ZH * 20).encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as fh:
        fh.write((ZH * 40 + "\n").encode() * 17_000)  # about 50 MB
    (folder / "mid_invalid.txt").write_bytes((ZH * 30).encode() + b"\xff\xfe" + (ZH * 30).encode())
    (folder / "broken.jsonl").write_text('{"id": "ok-1", "text": "稀土"}\n{"id": 2, "te\n', encoding="utf-8")
    return folder


def test_cli_bad_inputs_are_recorded_and_batch_completes(bad_folder: Path, tmp_path: Path) -> None:
    done = cli("run", "--input", str(bad_folder), "--output", str(tmp_path), "--config", "configs/smoke.yaml")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    errors = pd.read_parquet(tmp_path / "errors")
    kinds = {(Path(s.split(":")[0]).name, t) for s, t in zip(errors["source"], errors["error_type"], strict=True)}
    assert ("random.txt", "BinaryInput") in kinds or ("random.txt", "UndecodableInput") in kinds
    assert ("empty.txt", "EmptyInput") in kinds
    assert ("huge.txt", "InputTooLarge") in kinds
    assert ("mid_invalid.txt", "InvalidBytesReplaced") in kinds
    assert ("broken.jsonl", "BadJsonLine") in kinds
    docs = pd.read_parquet(tmp_path / "documents")
    names = {Path(s.split("#")[0]).name for s in docs["source"]}
    assert {"gb18030.txt", "mid_invalid.txt", "broken.jsonl"} <= names
    assert summary["documents"] == len(docs) == 6
    check_output(tmp_path)


def test_cli_error_rate_above_limit_exits_4(bad_folder: Path, tmp_path: Path) -> None:
    done = cli("run", "--input", str(bad_folder), "--output", str(tmp_path), "--config", "configs/smoke.yaml",
               "--set", "run.max_error_rate=0.1")
    assert done.returncode == 4
    assert done.stderr.strip().startswith("error:") and "max_error_rate" in done.stderr


def test_cli_bad_config_and_missing_input_exit_codes(tmp_path: Path) -> None:
    bad = cli("run", "--input", str(SEEDS), "--output", str(tmp_path), "--set", "segment.bogus=1")
    assert bad.returncode == 2 and "segment.bogus" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    missing = cli("run", "--input", str(tmp_path / "nothing"), "--output", str(tmp_path / "o"),
                  "--config", "configs/smoke.yaml")
    assert missing.returncode == 3 and "no readable input" in missing.stderr
