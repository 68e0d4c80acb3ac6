"""The transliteration character set: how it is mined, and the shipped file it gives."""

from __future__ import annotations

from pipeline.ner.lexicon import transliteration_chars
from pipeline.tools.gazetteer.build_transliteration_chars import is_han_name, mine

SURNAMES = frozenset({"王", "李", "欧阳"})


def test_han_names_are_surname_plus_one_or_two_given_characters() -> None:
    assert is_han_name("王小明", SURNAMES) and is_han_name("欧阳锋", SURNAMES) and is_han_name("李四", SURNAMES)
    assert not is_han_name("帕维尔", SURNAMES) and not is_han_name("王", SURNAMES)


def test_mining_keeps_characters_shared_by_transliterated_names_only() -> None:
    names = {"帕维尔", "维尔森", "卡尔·帕森", "王小明", "李四", "奥托", "Ｊ维尔", "Ｊ帕森"}
    chars = set(mine(names, SURNAMES, min_names=2))
    assert {"帕", "维", "尔", "森"} <= chars  # each in two or more transliterations
    assert not {"王", "小", "明", "卡"} & chars  # Han names are not mined; 卡 is in one name only
    assert "奥" not in chars  # 奥托 is too short to count
    assert "Ｊ" not in chars  # only Han characters


def test_shipped_set_reads_transliterations_not_common_words() -> None:
    chars = transliteration_chars()
    assert set("克林顿帕特里西奥斯基") <= chars
    assert not set("碳捕孪") & chars
