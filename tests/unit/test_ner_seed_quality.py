"""PERSON / ORG / LOC quality on the five seed documents, scored by the reference scorer per language.

Bars (issue 5): PERSON F1 >= 0.95, ORG F1 >= 0.85, LOC F1 >= 0.90 in each language.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import NER_ZH_MODEL, REFERENCE_SCORER, require

ROOT = Path(__file__).resolve().parents[2]
ZH_MODEL = NER_ZH_MODEL
BARS = {"PERSON": 0.95, "ORG": 0.85, "LOC": 0.90}
KNOWN_SHORT: set[tuple[str, str]] = set()  # (lang, type) pairs below their bar, marked xfail below


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], float]:
    from pipeline.tools.eval import ner_seed_eval as seed_eval

    score = _load("reference_score", require(REFERENCE_SCORER))
    from pipeline.nlp.recognizer import EntityRecognizer

    # word bounds as the pipeline makes them (pkuseg) when its model is built, else jieba
    pkuseg = (ROOT / "models" / "pkuseg_zh" / "weights.npz").exists()
    docs = seed_eval.seed_inputs("pkuseg" if pkuseg else "jieba")
    rec = EntityRecognizer(zh_model=require(ZH_MODEL), zh_backend="spacy")
    out = tmp_path_factory.mktemp("ner") / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for (name, lang, _), mentions in zip(docs, rec([d for _, _, d in docs]), strict=True):
            fh.write(json.dumps(seed_eval.gold_record(name, lang, mentions), ensure_ascii=False) + "\n")
    rows = score.score(score.load(str(seed_eval.GOLD)), score.load(str(out)), by_lang=True)
    return {(r["group"], r["type"]): r["f1"] for r in rows}


CASES = [pytest.param(lang, t, marks=pytest.mark.xfail(strict=True, reason="below the issue-5 bar"))
         if (lang, t) in KNOWN_SHORT else (lang, t) for lang in ("en", "zh") for t in BARS]


@pytest.mark.parametrize(("lang", "etype"), CASES)
def test_f1_meets_the_bar(scores: dict[tuple[str, str], float], lang: str, etype: str) -> None:
    assert scores[(lang, etype)] >= BARS[etype]
