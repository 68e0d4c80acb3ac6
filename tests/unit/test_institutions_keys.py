"""Institution keys: the table loads checked, every name of an institution gives one key, the stage sets it."""

from __future__ import annotations

import doctest

import pytest

import pipeline.institutions.match as match
from pipeline.institutions import KINDS, KeyIndex, load_index, load_institutions, normalize
from pipeline.institutions.keys import Institution, check
from pipeline.records import LOC, ORG, PERSON, Bundle, Document, Mention
from pipeline.resources import DataFileError
from pipeline.run.config import load_config
from pipeline.stages import check_chain
from pipeline.stages.institutions import STAGE


def test_institutions_match_doctests() -> None:
    result = doctest.testmod(match)
    assert result.attempted > 0 and result.failed == 0


def test_institutions_table_is_large_bilingual_and_sourced() -> None:
    rows = load_institutions()
    assert len(rows) >= 400
    assert all(i.name_en and i.name_zh and i.source for i in rows)
    kinds = {i.kind for i in rows}
    assert kinds <= set(KINDS) and {"ministry", "provincial_government", "state_owned_group", "listed_company",
                                    "foreign_company", "international"} <= kinds
    assert sum(i.kind == "provincial_government" for i in rows) == 33  # 31 divisions + Hong Kong and Macao
    assert len(load_index()) > 5 * len(rows) // 2


@pytest.mark.parametrize(("key", "names"), [
    ("npc", ["全国人大", "全国人民代表大会", "NPC", "National People's Congress", "the National People’s Congress"]),
    ("npcsc", ["全国人大常委会", "NPC Standing Committee", "Standing Committee of the National People's Congress"]),
    ("cppcc", ["全国政协", "CPPCC National Committee", "National Committee of the CPPCC"]),
    ("ndrc", ["国家发展和改革委员会", "国家发改委", "发改委", "NDRC", "National Development and Reform Commission"]),
    ("mnr", ["自然资源部", "中华人民共和国自然资源部", "Ministry of Natural Resources", "MNR"]),
    ("china-minmetals", ["中国五矿集团有限公司", "中国五矿", "五矿", "China Minmetals Corporation", "Minmetals"]),
    ("zijin-mining", ["紫金矿业集团股份有限公司", "紫金矿业", "Zijin Mining Group Co., Ltd.", "Zijin Mining Group",
                      "ZIJIN MINING"]),
    ("hunan-government", ["湖南省人民政府", "湖南省政府", "Hunan Provincial Government",
                          "People's Government of Hunan Province"]),
    ("xizang-party-committee", ["中共西藏自治区委员会", "西藏自治区党委", "CPC Xizang Autonomous Regional Committee",
                                "CPC Tibet Autonomous Regional Committee"]),
    ("chongqing-peoples-congress", ["重庆市人大", "Chongqing Municipal People's Congress"]),
    ("usgs", ["美国地质调查局", "U.S. Geological Survey", "USGS"]),
])
def test_institutions_every_name_gives_one_key(key: str, names: list[str]) -> None:
    index = load_index()
    assert {n: index.key_for(n) for n in names} == dict.fromkeys(names, key)


def test_institutions_group_and_listed_arm_keep_their_keys() -> None:
    index = load_index()
    assert index.key_for("中国铝业集团有限公司") == index.key_for("Chinalco") == "chinalco"
    assert index.key_for("中国铝业股份有限公司") == index.key_for("Aluminum Corporation of China Limited") == "chalco"
    assert index.key_for("广东省人大常委会") != index.key_for("广东省人大")


@pytest.mark.parametrize("name", ["全国人大代表", "人大", "Ministry", "Lithium Corp", "某某矿业有限公司", "", "Rio"])
def test_institutions_partial_and_unknown_names_get_no_key(name: str) -> None:
    assert load_index().key_for(name) is None


def test_institutions_normalisation_only_removes_writing_differences() -> None:
    assert normalize("Natl. Dept. of Mines & Energy") == "national department of mines and energy"
    assert normalize("Sociedad Química y Minera") == "sociedad quimica y minera"
    assert normalize("中 国 钢 铁 工 业 协 会") == "中国钢铁工业协会"
    assert normalize("Organisation for Economic Co-operation") == "organization for economic co operation"


def test_institutions_a_name_of_two_institutions_is_a_data_error() -> None:
    with pytest.raises(ValueError, match="names both"):
        KeyIndex({"a": ["Copper Bureau"], "b": ["the copper bureau"]})
    rows = [Institution("a", "agency", "A Bureau", "甲局", source="state_organs"),
            Institution("a", "nope", "B", "乙", parent="zzz", source="nowhere")]
    with pytest.raises(DataFileError, match=r"duplicate key a.*unknown kind.*unknown source.*unknown parent"):
        check(rows, {"state_organs"})


def test_institutions_legal_form_is_dropped_only_when_unambiguous() -> None:
    index = KeyIndex({"g": ["Tin Group"], "h": ["Tin Holdings Co., Ltd."], "i": ["Ore Ltd"], "j": ["Ore Inc"]})
    assert index.key_for("Tin Group Co., Ltd.") == "g"
    assert index.key_for("Tin Holdings") == "h"
    assert index.key_for("Ore") is None  # Ore Ltd and Ore Inc are two institutions


def test_institutions_stage_keys_org_mentions_only() -> None:
    text = "国家发改委和自然资源部在北京召开会议，王立新出席。"
    mentions = (Mention(0, 5, "国家发改委", ORG, "rule"), Mention(6, 11, "自然资源部", ORG, "rule"),
                Mention(12, 14, "北京", LOC, "gazetteer"), Mention(20, 23, "王立新", PERSON, "model"),
                Mention(0, 2, "国家", ORG, "model"))
    (out,) = STAGE.build(load_config(None))([Bundle(Document("d", "x", text), mentions=mentions)])
    assert [m.institution_key for m in out.mentions] == ["ndrc", "mnr", None, None, None]


def test_institutions_stage_is_declared_in_the_chain() -> None:
    check_chain(["clean", "segment", "ner", "resolve", "institutions", "delegates"])
    assert "institutions" in load_config(None).stages
    with pytest.raises(ValueError, match="institutions needs"):
        check_chain(["clean", "segment", "institutions"])
