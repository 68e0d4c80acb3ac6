"""The BiLSTM-CRF model card is generated from the metrics its training wrote (tools/training/ner_zh_lstm_card)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.tools.training.ner_zh_lstm_card import card
from tests.conftest import ROOT, require

MODEL = ROOT / "models" / "ner_zh_lstm"


def _metrics() -> dict:
    return json.loads(require(MODEL / "metrics.json").read_text(encoding="utf-8"))


def test_the_shipped_cards_scores_come_from_its_metrics() -> None:
    metrics = _metrics()
    text = card(metrics, MODEL)
    f1 = metrics["scores"]["msra_test"]["all"]["f1"]
    assert f"| all | {metrics['scores']['msra_test']['all']['p']:.3f} |" in text and f"{f1:.3f}" in text
    assert "Research / evaluation use only" in text


def test_a_partly_labelled_corpus_is_described_as_such(tmp_path: Path) -> None:
    (tmp_path / "weights.npz").write_bytes(b"0")
    metrics = _metrics() | {"corpora": "msra,cluener", "partial": "cluener"}
    text = card(metrics, tmp_path)
    row = next(line for line in text.splitlines() if line.startswith("| CLUENER2020 |"))
    assert "partly labelled" in row and "left open" in row
    full = card(_metrics() | {"corpora": "msra,cluener", "partial": ""}, tmp_path)
    assert "partly labelled" not in full
