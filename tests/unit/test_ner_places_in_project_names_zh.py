"""Places that open a project, line or facility name are part of that name (dev conventions 7), and a
place that is the location of a clause stays a place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.ner.combine import with_rules
from pipeline.ner.inputs import NerInput
from pipeline.ner.places_zh import in_project_name
from pipeline.ner.resolve import resolve
from pipeline.text.langruns import language_runs


@pytest.mark.parametrize(("text", "place", "inside"), [
    ("昭通—昆明±500千伏直流输电线路工程今年开工。", "昭通", True),
    ("昭通—昆明±500千伏直流输电线路工程今年开工。", "昆明", True),
    ("乘坐西成高铁只需三小时。", "西成", True),  # a line word right after the place
    ("公司拟投资甘肃酒泉市瓜州县戈壁滩风光储一体化项目。", "酒泉市", True),
    ("公司将在甘肃建设锂电池项目。", "甘肃", False),  # a verb: the place is where the clause happens
    ("青海省重点项目建设提速。", "青海省", False),  # a determiner
    ("甘肃锂电项目加速落地。", "甘肃", False),  # too short to be a name of its own
    ("江西省5个钨矿项目获批。", "江西省", False),  # a count
    ("湖南的钒矿项目已投产。", "湖南", False),  # a function word
    ("钦州港货物吞吐量增长。", "钦州", False),
    ("会议在昆明饭店举行。", "昆明", True),  # right before a facility's head: the facility's name
    ("游客走进玉溪博物馆。", "玉溪", True),
    ("会议在昆明翠湖宾馆举行。", "昆明", False),  # a name between: the place locates the hotel
    ("货物运抵钦州港码头。", "钦州", False),  # a pier lies in a port, which is a place
])
def test_a_place_opening_a_project_name(text: str, place: str, inside: bool) -> None:
    i = text.index(place)
    assert in_project_name(text, i, i + len(place), len(text)) is inside


def test_the_recognizer_keeps_a_project_place_only_where_it_also_stands_alone() -> None:
    text = "昭通—昆明±500千伏直流输电线路工程今年开工。昆明的居民期待电价下降。"
    doc = NerInput(text, language_runs(text), frozenset())
    places = [(c.start, text[c.start:c.end]) for c in resolve(with_rules(doc, [])) if c.label == "LOC"]
    assert [p for _, p in places] == ["昆明"]
    assert places[0][0] > text.index("。")  # the mention in the second sentence, not in the project name


@pytest.mark.parametrize("text", [
    "公司已在曲靖市获得风电项目12个。",
    "近年来玉溪市落地重点产业项目30个。",
    "红河州入选国家级示范工程名单。",
])
def test_a_verb_after_the_place_makes_it_the_location(text: str) -> None:
    place = "曲靖市" if "曲靖市" in text else "玉溪市" if "玉溪市" in text else "红河州"
    i = text.index(place)
    assert not in_project_name(text, i, i + len(place), len(text))
