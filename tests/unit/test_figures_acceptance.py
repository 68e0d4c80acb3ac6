"""Acceptance runs: peer suites (recognizers-text, quantulum3) and the seeds scored by the reference scorer.

The scripts live in tests/acceptance/ and need shared/ (peers, seeds, eval) beside the checkout;
without it the tests skip. The peer floors are data (tests/data/figures/peer_floors.json).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _shared_material() -> None:
    """The peer suites and the reference scorer live in ../shared; without them these gates fail."""
    require(SHARED / "peers")
    require(SHARED / "eval" / "score.py")


def _load(name: str) -> ModuleType:
    path = ROOT / "tests" / "acceptance" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"figures_acceptance_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_figures_peer_suites_stay_above_their_floor() -> None:
    summary = _load("peer_figures").run_all().summary()
    floors = {
        k: v
        for k, v in json.loads((ROOT / "tests/data/figures/peer_floors.json").read_text()).items()
        if not k.startswith("_")
    }
    passed = sum(s["passed"] for s in summary.values())
    cases = sum(s["cases"] for s in summary.values())
    rates = {suite: s["rate"] for suite, s in summary.items()} | {"ALL": passed / cases}
    below = {
        suite: (rates.get(suite), floor) for suite, floor in floors.items() if (rates.get(suite) or 0) < floor
    }
    assert not below, f"suites below their floor (rate, floor): {below}"


def test_figures_seed_documents_meet_the_quality_bars(tmp_path: Path) -> None:
    seeds = _load("seed_figures")
    rows = seeds.predict()
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    scores = seeds.figure_rows(seeds.score(pred, as_json=True))
    for lang in ("en", "zh"):
        assert scores[(lang, "FIGURE")]["f1"] >= 0.90, scores[(lang, "FIGURE")]
        assert scores[(lang, "MEASURE")]["f1"] >= 0.97, scores[(lang, "MEASURE")]
