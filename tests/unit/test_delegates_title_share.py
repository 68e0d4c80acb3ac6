"""The eval's informational line: the share of predicted delegates that carry at least one title."""

from __future__ import annotations

import json

from pipeline.tools.eval.scoring import delegates_with_titles


def test_delegates_with_titles_counts_only_persons_with_a_body() -> None:
    lines = [
        json.dumps({"doc": "a", "persons": [
            {"name": "甲", "delegate_body": "NPC", "titles": ["某公司董事长", "代表"]},
            {"name": "乙", "delegate_body": "CPPCC", "titles": []},
            {"name": "丙", "delegate_body": None, "titles": ["记者"]},
        ]}, ensure_ascii=False),
        "",
        json.dumps({"doc": "b", "persons": [{"name": "Li Hua", "delegate_body": "NPC", "titles": ["head of X"]}]}),
    ]
    assert delegates_with_titles(lines) == (2, 3)
    assert delegates_with_titles([]) == (0, 0)
