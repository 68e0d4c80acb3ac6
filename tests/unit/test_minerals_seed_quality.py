"""Seed quality bar: MINERAL F1 >= 0.95 in each language on the five seed documents, scored with
the reference scorer, with jieba word bounds and with no bounds at all."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "data" / "minerals" / "seed_eval.py"


def _seed_eval():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("minerals_seed_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod




@pytest.mark.parametrize("use_bounds", [True, False], ids=["jieba", "none"])
def test_mineral_f1_per_language(use_bounds: bool, tmp_path: Path) -> None:
    ev = _seed_eval()
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in ev.predict(use_bounds)),
                         encoding="utf-8")
    score = ev._scorer()
    rows = score.score(score.load(str(ev.GOLD)), score.load(str(pred_path)), by_lang=True)
    f1 = {r["group"]: r["f1"] for r in rows if r["type"] == "MINERAL"}
    assert f1["en"] >= 0.95 and f1["zh"] >= 0.95, f1
