"""The Chinese BiLSTM-CRF with its real exported weights: NumPy only, offsets, batching, obvious entities."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ner.inputs import NerInput
from pipeline.nlp.errors import BackendUnavailable
from pipeline.nlp.lstm_ner import BiLstmCrf
from pipeline.nlp.ner_backends import LstmBackend, SpacyBackend
from pipeline.nlp.recognizer import EntityRecognizer
from pipeline.text.langruns import language_runs
from tests.conftest import ROOT, require, segmented

MODEL = ROOT / "models" / "ner_zh_lstm"

# Sentences written for these tests (not from any corpus, seed or dev document).
OBVIOUS = [
    ("记者从浙江省自然资源厅获悉，副厅长陈国栋昨天在杭州主持召开了矿产资源规划座谈会。",
     {("浙江省自然资源厅", "ORG"), ("陈国栋", "PERSON"), ("杭州", "LOC")}),
    ("清华大学教授刘文涛与来自山东的二十名代表参观了展览。",
     {("清华大学", "ORG"), ("刘文涛", "PERSON"), ("山东", "LOC")}),
    ("国务院总理在北京会见了来自澳大利亚的一批客人。",
     {("国务院", "ORG"), ("北京", "LOC"), ("澳大利亚", "LOC")}),
]
ODD = ["", " ", "ABC 123", "。。。", "\n\n", "赵" * 3, "长" * 299 + "江",
       "在2025年，Ｇｏｏｇｌｅ公司和百度公司都发布了新产品。"]


@pytest.fixture(scope="module")
def model() -> BiLstmCrf:
    return BiLstmCrf(require(MODEL))


def test_finds_obvious_people_institutions_and_places(model: BiLstmCrf) -> None:
    got = model.spans([t for t, _ in OBVIOUS])
    for (text, expected), spans in zip(OBVIOUS, got, strict=True):
        assert expected <= {(text[s:e], lab) for s, e, lab in spans}, text


def test_spans_are_ordered_disjoint_and_inside_the_text(model: BiLstmCrf) -> None:
    texts = [t for t, _ in OBVIOUS] + ODD
    for text, spans in zip(texts, model.spans(texts), strict=True):
        assert all(0 <= s < e <= len(text) and lab in {"PERSON", "ORG", "LOC"} for s, e, lab in spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert model.spans([""]) == [[]]


def test_a_batch_gives_the_same_spans_as_one_text_at_a_time(model: BiLstmCrf) -> None:
    texts = [t for t, _ in OBVIOUS] + ODD
    small = BiLstmCrf(MODEL, batch_chars=200, max_batch=2)
    assert model.spans(texts) == [model.spans([t])[0] for t in texts] == small.spans(texts)


def test_training_recorded_numpy_equals_pytorch() -> None:
    metrics = json.loads((require(MODEL) / "metrics.json").read_text(encoding="utf-8"))
    check = metrics["numpy_equals_torch"]
    assert check["sentences"] >= 300
    assert check["same_tags"] == check["sentences"]


def test_backend_runs_without_torch() -> None:
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "from pathlib import Path\n"
        "from pipeline.nlp.ner_backends import LstmBackend\n"
        "spans = LstmBackend(Path('models/ner_zh_lstm')).spans(['副市长王立新在广州考察。'])\n"
        "assert ('torch' not in sys.modules) or sys.modules['torch'] is None\n"
        "print(spans)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tests", capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "PERSON" in done.stdout


def test_missing_model_names_the_make_target(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable, match="make models-ner-zh-lstm"):
        LstmBackend(tmp_path / "absent")


def test_recognizer_with_the_lstm_backend_gives_exact_mentions() -> None:
    rec = EntityRecognizer(zh_backend="lstm", zh_lstm_model=require(MODEL))
    text = OBVIOUS[1][0] + "\nThe delegation then visited Perth, Western Australia."
    mentions = rec([NerInput(text, language_runs(text), ())])[0]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert {("刘文涛", "PERSON"), ("清华大学", "ORG")} <= {(m.text, m.label) for m in mentions}


def test_unknown_zh_backend_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown Chinese NER backend"):
        EntityRecognizer(zh_backend="crf")


def test_the_lstm_backend_is_trusted_with_institutions_that_have_no_suffix() -> None:
    # the BiLSTM-CRF's suffix-less organisations are kept (rules_zh._plain_model_name); the CNN's are not
    rec = EntityRecognizer(zh_backend="lstm", zh_lstm_model=require(MODEL))
    assert rec.trust_plain_orgs is True
    text, bounds = segmented("西岭", "共同体", "秘书处", "发表", "声明", "，", "施工", "人员", "在", "南岭", "油田",
                             "布设", "光纤", "。")
    mentions = rec([NerInput(text, language_runs(text), bounds)])[0]
    orgs = {m.text for m in mentions if m.label == "ORG"}
    assert "西岭共同体秘书处" in orgs and "南岭油田" not in orgs
    assert LstmBackend.trusts_plain_orgs and not SpacyBackend.trusts_plain_orgs
