"""Run-on Chinese name lists: the name score, the list stretches, the cut, and the recognizer's use of it.

Sentences and names here are made up for the tests.
"""

from __future__ import annotations

from pipeline.ner import name_lists_zh
from pipeline.ner.combine import with_rules
from pipeline.ner.inputs import MODEL, RULE, Candidate, NerInput
from pipeline.ner.resolve import resolve
from pipeline.records import Segment
from pipeline.tools.gazetteer.build_name_chars import count, split_name

ROSTER = "评审委员会名单主任：宋立新委员：王建国李秀英张志强刘海涛陈丽华（女）杨明杰赵卫东孙晓梅周国庆吴海燕。"


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for n in names:
        i = text.find(n)
        out.append((i, i + len(n)))
    return out


def test_name_score_prefers_names_to_words() -> None:
    good = name_lists_zh.name_score("王建国")
    assert good is not None and good > 0
    assert name_lists_zh.name_score("的时候") is None  # 的 is no surname
    common = name_lists_zh.name_score("高速")  # 高 is a surname, but 速 rarely a given name
    assert common is None or common < good
    assert name_lists_zh.name_score("欧阳文华") is not None  # compound surname + two given characters


def test_a_sentence_with_a_few_names_is_not_a_list() -> None:
    text = "董事长王建国会见了来访的李秀英一行，双方就矿产合作进行了深入交流。"
    persons = _spans(text, ["王建国", "李秀英"])
    assert name_lists_zh.list_stretches(text, 0, len(text), persons) == []


def test_a_roster_is_cut_into_its_names_even_where_the_model_glues_them() -> None:
    # the model glued two pairs and cut one name short: the list reader recovers all of them
    glued = ["王建国李秀英", "张志强", "刘海", "陈丽华", "杨明杰赵卫东", "孙晓梅", "周国庆", "吴海燕"]
    persons = _spans(ROSTER, glued)
    stretches = name_lists_zh.list_stretches(ROSTER, 0, len(ROSTER), persons)
    names = {ROSTER[a:b] for s, e in stretches for a, b in name_lists_zh.cut_names(ROSTER, s, e, persons)}
    expected = {"王建国", "李秀英", "张志强", "刘海涛", "陈丽华", "杨明杰", "赵卫东", "孙晓梅", "周国庆", "吴海燕"}
    assert expected <= names
    assert not {"王建国李秀英", "刘海", "评审", "委员"} & names


def test_a_name_the_model_cut_short_gets_its_last_character_back() -> None:
    # the model read two-character names where the roster has three; leaving the third character out between
    # two names costs more than the model's agreement is worth
    text = "名单：王建国李德生张志强刘复之陈丽华杨明杰房维中赵卫东"
    cut = ["王建国", "李德", "张志强", "刘复", "陈丽华", "杨明杰", "房维", "赵卫东"]
    persons = _spans(text, cut)
    stretches = name_lists_zh.list_stretches(text, 0, len(text), persons)
    names = {text[a:b] for s, e in stretches for a, b in name_lists_zh.cut_names(text, s, e, persons)}
    assert {"李德生", "刘复之", "房维中"} <= names
    assert not {"李德", "刘复", "房维"} & names


def test_text_after_the_last_name_is_left_out_freely() -> None:
    text = "委员王建国李秀英张志强刘海涛陈丽华出席会议并讲话"
    persons = _spans(text, ["王建国", "李秀英", "张志强", "刘海涛", "陈丽华"])
    stretches = name_lists_zh.list_stretches(text, 0, len(text), persons)
    names = [text[a:b] for s, e in stretches for a, b in name_lists_zh.cut_names(text, s, e, persons)]
    assert names == ["王建国", "李秀英", "张志强", "刘海涛", "陈丽华"]


def test_transliterated_names_with_a_dot_stay_whole_in_a_list() -> None:
    text = "出席的有：王建国阿卜杜·卡里木李秀英买买提·艾力张志强刘海涛。"
    persons = _spans(text, ["王建国阿卜杜", "卡里木", "李秀英", "买买提·艾力张", "张志强", "刘海涛"])
    stretches = name_lists_zh.list_stretches(text, 0, len(text), persons)
    names = {text[a:b] for s, e in stretches for a, b in name_lists_zh.cut_names(text, s, e, persons)}
    assert {"王建国", "阿卜杜·卡里木", "李秀英", "买买提·艾力", "张志强", "刘海涛"} <= names


def test_recognizer_rules_replace_glued_model_persons_in_a_list() -> None:
    glued = ["王建国李秀英", "张志强", "刘海", "陈丽华", "杨明杰赵卫东", "孙晓梅", "周国庆", "吴海燕"]
    model = [Candidate(s, e, "PERSON", MODEL, "zh") for s, e in _spans(ROSTER, glued)]
    doc = NerInput(ROSTER, [Segment(0, len(ROSTER), "zh")], frozenset())
    out = resolve(with_rules(doc, model))
    persons = {ROSTER[c.start:c.end] for c in out if c.label == "PERSON"}
    assert {"王建国", "李秀英", "刘海涛", "杨明杰", "赵卫东"} <= persons
    assert not {"王建国李秀英", "刘海", "杨明杰赵卫东"} & persons
    assert all(c.source == RULE for c in out if c.label == "PERSON" and c.start > ROSTER.index("委员："))


def test_builder_counts_distinct_names_and_background() -> None:
    sentences = [("王小明和李四", [(0, 3, "PERSON"), (4, 6, "PERSON")]),
                 ("王小明说", [(0, 3, "PERSON")]),
                 ("欧阳锋来了", [(0, 3, "PERSON")])]
    stats = count(sentences, frozenset({"王", "李", "欧阳", "欧"}))
    assert stats["names"] == 3  # 王小明 counted once
    assert stats["surname"] == {"王": 1, "李": 1, "欧阳": 1}
    assert stats["given"] == {"小": 1, "明": 1, "四": 1, "锋": 1}
    assert stats["given_length"] == {"2": 1, "1": 2}
    assert stats["background"]["王"] == 2  # every occurrence in the text
    assert split_name("欧阳锋", frozenset({"欧阳", "欧"})) == ("欧阳", "锋")
