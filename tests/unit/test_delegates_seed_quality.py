"""Seed quality bar: DELEGATE (name, body) F1 >= 0.95 per language, gold names given as mentions."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from pipeline.tools.delegates_seed_eval import load_gold, run_doc, title_share
from tests.conftest import GOLD, REFERENCE_SCORER, SEEDS, require


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("seed_score", require(REFERENCE_SCORER))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_delegate_f1_per_language(tmp_path: Path) -> None:
    gold = load_gold(GOLD)
    pred_path = tmp_path / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for key, g in gold.items():
            ds = run_doc((SEEDS / key).read_text("utf-8"), g)
            persons = [{"name": d.name, "delegate_body": d.body, "titles": list(d.titles)} for d in ds]
            fh.write(
                json.dumps({"doc": key, "lang": g["lang"], "persons": persons}, ensure_ascii=False) + "\n"
            )
    score = _scorer()
    rows = score.score(score.load(str(GOLD)), score.load(str(pred_path)), by_lang=True)
    f1 = {r["group"]: r["f1"] for r in rows if r["type"] == "DELEGATE"}
    assert f1["zh"] >= 0.95 and f1["en"] >= 0.95, f1


def test_seed_titles_mostly_reproduced() -> None:
    gold = load_gold(GOLD)
    pred = {k: run_doc((SEEDS / k).read_text("utf-8"), g) for k, g in gold.items()}
    hit, total = title_share(gold, pred)
    assert hit / total >= 0.9, (hit, total)
