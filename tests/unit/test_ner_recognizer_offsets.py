"""EntityRecognizer end to end with the real models: offsets, labels, sources, batching."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from pipeline.ner.inputs import NerInput
from pipeline.nlp.recognizer import EntityRecognizer
from pipeline.text.langruns import language_runs

ROOT = Path(__file__).resolve().parents[2]
ZH_MODEL = ROOT / "models" / "ner_zh"

TEXTS = [
    "全国人大代表、景宁畲族自治县县长蓝景芬提出，要发挥生态优势。（中国自然资源报）\n"
    "Yan Hongwei, a representative of the 14th National People\u2018s Congress, "
    "visited Baotou City, Inner Mongolia.",
    "Tianshan Net \u2013 Xinjiang Daily (reported by reporter Wang Xingrui) On November 18 in Urumqi.\n"
    "[责任编辑:刘海]",
    "",
    "12345 \u2014 ###",
]


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer(zh_model=ZH_MODEL or Path("models/ner_zh"), zh_backend="spacy")


def _inputs() -> list[NerInput]:
    return [NerInput(t, language_runs(t), ()) for t in TEXTS]


def test_mentions_are_exact_labelled_and_disjoint(recognizer: EntityRecognizer) -> None:
    docs = _inputs()
    for doc, mentions in zip(docs, recognizer(docs), strict=True):
        for m in mentions:
            assert doc.text[m.start:m.end] == m.text
            assert m.label in {"PERSON", "ORG", "LOC"}
            assert m.source in {"model", "rule", "gazetteer"}
            assert any(s.start <= m.start and m.end <= s.end and s.lang == m.lang for s in doc.segments)
        assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_batch_gives_the_same_mentions_as_single_documents(recognizer: EntityRecognizer) -> None:
    docs = _inputs()
    assert recognizer(docs) == [recognizer([d])[0] for d in docs]


def test_expected_entities_in_both_languages(recognizer: EntityRecognizer) -> None:
    got = {(m.text, m.label) for ms in recognizer(_inputs()) for m in ms}
    assert {("蓝景芬", "PERSON"), ("中国自然资源报", "ORG"), ("Yan Hongwei", "PERSON"),
            ("Inner Mongolia", "LOC"), ("Tianshan Net", "ORG"), ("刘海", "PERSON")} <= got
    assert ("Inner Mongolia", "PERSON") not in got


def test_without_rules_only_model_mentions(recognizer: EntityRecognizer) -> None:
    bare = EntityRecognizer(zh_model=ZH_MODEL or Path("models/ner_zh"), zh_backend="spacy", use_rules=False)
    assert {m.source for ms in bare(_inputs()) for m in ms} <= {"model"}


def test_missing_zh_model_is_a_clear_error(tmp_path: Path) -> None:
    from pipeline.nlp.errors import BackendUnavailable

    with pytest.raises(BackendUnavailable, match="make models"):
        EntityRecognizer(zh_model=tmp_path / "absent", zh_backend="spacy")
