"""The two-character word list that tells a subsidiary's name from an ordinary word after a brand."""

from __future__ import annotations

from pipeline.ner.lexicon import common_words_zh
from pipeline.tools.gazetteer.build_common_words import two_character_words


def test_only_distinct_two_character_han_words_are_kept() -> None:
    lines = ["工人", " 今年 ", "工人", "钢", "钢铁厂", "ＷＴＯ", "Ａ股", ""]
    assert two_character_words(lines) == ["今年", "工人"]


def test_shipped_list_holds_ordinary_words_not_made_up_names() -> None:
    words = common_words_zh()
    assert {"工人", "今年", "生产", "时代"} <= words
    assert not {"澜昊", "岚嵘"} & words
