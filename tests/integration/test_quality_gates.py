"""Quality gates on the seeds AND on the dev set (31 unseen articles), through the whole pipeline.

Each set is run by the CLI into a fresh folder, exported and scored; every per-language F1 must stay at
or above its floor in ``tests/data/quality_floors.json`` (see ``tests/quality/floors.py``). The dev set's
numbers are also checked against the reference scorer, so ``make eval`` reports what it would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEV_GOLD, DEV_RAW, REFERENCE_SCORER, ROOT, SEEDS, require
from tests.quality.floors import FLOORS, below, f1_by_lang, scores

pytestmark = pytest.mark.slow


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("quality")
    folders = {"seeds": out / "seeds", "dev": out / "dev"}
    for name, source in (("seeds", require(SEEDS)), ("dev", require(DEV_RAW))):
        done = _cli("run", "--input", str(source), "--output", str(folders[name]))
        assert done.returncode == 0, done.stderr
    return folders


@pytest.fixture(scope="module")
def measured(runs: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    return scores(runs)


def test_quality_gates_hold_on_seeds_and_dev(measured: dict[str, list[dict[str, Any]]]) -> None:
    floors = json.loads(require(FLOORS).read_text(encoding="utf-8"))
    assert set(floors) == {"seeds", "dev"} and all(set(f) == {"en", "zh"} for f in floors.values())
    failing = below(f1_by_lang(measured), floors)
    assert not failing, "quality fell below the floors:\n" + "\n".join(failing)


def test_quality_dev_scores_equal_the_reference_scorer(runs: dict[str, Path], tmp_path: Path,
                                                       measured: dict[str, list[dict[str, Any]]]) -> None:
    exported = _cli("export", "--format", "gold-jsonl", "--run", str(runs["dev"]))
    assert exported.returncode == 0, exported.stderr
    pred = tmp_path / "dev.pred.jsonl"
    pred.write_text(exported.stdout, encoding="utf-8")
    ref = subprocess.run([sys.executable, str(require(REFERENCE_SCORER)), str(require(DEV_GOLD)), str(pred),
                          "--json", "--by-lang"], capture_output=True, text=True, check=True)
    assert measured["dev"] == json.loads(ref.stdout)


def test_quality_error_listing_names_each_miss_in_its_sentence(runs: dict[str, Path], tmp_path: Path) -> None:
    page = tmp_path / "errors.md"
    done = _cli("eval", "--gold", str(DEV_GOLD), "--run", str(runs["dev"]), "--errors", str(page))
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in page.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()]
    rows = {(r["group"], r["type"]): r for r in json.loads(_cli("eval", "--gold", str(DEV_GOLD), "--run",
                                                                  str(runs["dev"]), "--json").stdout)}
    for t in ("PERSON", "ORG", "LOC", "MINERAL", "FIGURE", "DELEGATE"):
        r = rows[("all", t)]
        assert sum(i["type"] == t and i["kind"] == "missed" for i in items) == r["gold"] - r["tp"]
        assert sum(i["type"] == t and i["kind"] == "spurious" for i in items) == r["pred"] - r["tp"]
    located = [i for i in items if i["kind"] == "spurious" and i["type"] in ("PERSON", "ORG", "LOC")]
    assert located and all(f"⟦{i['surface']}⟧" in i["sentence"] for i in located)
    assert "## dev / " in page.read_text(encoding="utf-8")
