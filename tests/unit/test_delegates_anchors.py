"""Anchored persons: the names delegate cues fix, proposed to the NER stage as rule candidates.

Golden cases (tests/data/delegates/anchors.jsonl) with the names each text must yield, and none where a
cue anchors nothing (no setting, the group word 代表委员, 代表 as a verb, a place before an apposition).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.delegates.anchors import anchored_persons, pinyin_name
from pipeline.ner.inputs import RULE
from pipeline.records import PERSON
from pipeline.text.langruns import language_runs

DATA = Path(__file__).resolve().parents[1] / "data" / "delegates" / "anchors.jsonl"
CASES: list[dict[str, Any]] = [json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_anchored_persons_golden(case: dict[str, Any]) -> None:
    text = case["text"]
    found = anchored_persons(text, language_runs(text))
    assert [text[c.start : c.end] for c in found] == case["names"]
    assert all(c.label == PERSON and c.source == RULE for c in found)


def test_anchored_persons_need_a_left_bound() -> None:
    """助理 is no title word here: 师王松 or 王松 is undecided, so nothing is proposed."""
    text = "两会特刊\n\n某研究所所长助理师王松代表说。"
    assert anchored_persons(text, language_runs(text)) == []


@pytest.mark.parametrize(("name", "ok"), [("E Lanfang", True), ("Ouyang Hua", True), ("Zhang San-feng", True),
                                          ("Inner Mongolia", False), ("Deputy Wang", False), ("Li", False)])
def test_pinyin_name(name: str, ok: bool) -> None:
    assert pinyin_name(name) is ok


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["两会特刊\n", "代表", "委员", "等", "、", "龚立群", "王松", "说", "，", "。",
                                 "NPC deputy ", "Li Hua", ", a member of the CPPCC National Committee",
                                 "\n", " ", "董事长", "代表委员"]), max_size=25).map("".join))
def test_anchored_persons_are_valid_spans(text: str) -> None:
    for c in anchored_persons(text, language_runs(text)):
        assert 0 <= c.start < c.end <= len(text) and text[c.start : c.end].strip() == text[c.start : c.end]
