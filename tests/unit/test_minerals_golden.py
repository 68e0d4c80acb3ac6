"""Golden cases for the mineral matcher: false friends, institution names, figurative uses,
and positives for every category (tests/data/minerals/golden.jsonl).

Every case runs with no segmentation and with jieba word bounds (and with the project's pkuseg
model once it exists), because the result must not hinge on one segmenter.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.minerals import load_lexicon, match_minerals

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "minerals" / "golden.jsonl"
PKUSEG_MODEL = ROOT / "models" / "pkuseg_zh"

CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def _bounds_from_words(words: list[tuple[int, int]]) -> set[int]:
    return {b for span in words for b in span}


def _jieba(text: str) -> set[int]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return _bounds_from_words([(s, e) for _w, s, e in jieba.tokenize(text)])


@lru_cache(maxsize=1)
def _pkuseg_model():  # type: ignore[no-untyped-def]
    import spacy_pkuseg

    return spacy_pkuseg.pkuseg(model_name=str(PKUSEG_MODEL))


def _pkuseg(text: str) -> set[int]:
    spans, pos = [], 0
    for word in _pkuseg_model().cut(text):
        start = text.index(word, pos)
        spans.append((start, start + len(word)))
        pos = start + len(word)
    return _bounds_from_words(spans)


SEGMENTERS = [
    pytest.param(None, id="none"),
    pytest.param(_jieba, id="jieba"),
    pytest.param(_pkuseg, id="pkuseg"),
]


def _case_params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("segment", SEGMENTERS)
@pytest.mark.parametrize("case", _case_params())
def test_golden_case(case: dict, segment) -> None:
    text = case["text"]
    bounds = segment(text) if segment is not None else None
    got = match_minerals(text, bounds)
    for m in got:
        assert text[m.start:m.end] == m.text
    expected = [(e["text"], e["canonical"]) for e in case["expected"]]
    assert [(m.text, m.canonical) for m in got] == expected
    for m, e in zip(got, case["expected"], strict=True):
        if "category" in e:
            assert m.category == e["category"]


def test_golden_cover_every_category() -> None:
    """The positive cases exercise every category the lexicon declares."""
    seen = {e["category"] for c in CASES if "xfail" not in c for e in c["expected"]}
    assert seen == set(load_lexicon().categories)


def test_golden_has_negatives_for_both_languages() -> None:
    negatives = [c for c in CASES if not c["expected"] and "xfail" not in c]
    assert any(c["id"].startswith("zh-") for c in negatives)
    assert any(c["id"].startswith("en-") for c in negatives)


def test_a_strong_word_the_segmenter_cut_still_vouches_for_the_name() -> None:
    text = "上期所铜期货主力合约收涨。"
    bounds = {0, 2, 3, 5, 8, 10, 12, 13}  # 上期|所|铜期|货主力|合约|收涨|。: the cut inside 期货
    assert [(m.text, m.canonical) for m in match_minerals(text, bounds)] == [("铜", "copper")]
