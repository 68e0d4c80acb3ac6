"""The two-character word list that tells a subsidiary's name from an ordinary word after a brand."""

from __future__ import annotations

from pipeline.ner.lexicon import common_words_zh, rare_words_zh
from pipeline.tools.gazetteer.build_common_words import rare_words, running_text, two_character_words
from tests.conftest import SHARED, require


def test_only_distinct_two_character_han_words_are_kept() -> None:
    lines = ["工人", " 今年 ", "工人", "钢", "钢铁厂", "ＷＴＯ", "Ａ股", ""]
    assert two_character_words(lines) == ["今年", "工人"]


def test_shipped_list_holds_ordinary_words_not_made_up_names() -> None:
    words = common_words_zh()
    assert {"工人", "今年", "生产", "时代"} <= words
    assert not {"澜昊", "岚嵘"} & words


def test_rare_words_are_those_running_text_hardly_writes() -> None:
    text = "今年工人多。今年产量高。今年工人少。岚嵘股份"
    assert rare_words(["今年", "工人", "岚嵘", "产量"], text, below=2) == ["产量", "岚嵘"]


def test_shipped_rare_words_are_listed_words_news_hardly_writes() -> None:
    rare = rare_words_zh()
    assert rare <= common_words_zh()
    assert not {"工人", "今年", "国有", "西部"} & rare  # written all the time
    assert {"明泰", "文光"} <= rare  # names the SIGHAN word lists hold


def test_the_rare_word_list_is_rebuilt_from_the_shared_corpora() -> None:
    data = require(SHARED / "data")
    words = sorted(common_words_zh())
    assert set(rare_words(words, running_text(data))) == rare_words_zh()
