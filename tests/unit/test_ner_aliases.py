"""Document-level institution readings across language runs (``pipeline.ner.aliases``).

The sentences and company names here are made up for the tests. Language runs come from the real run
splitter, so a Latin name of three words or more is an English run, as in the pipeline.
"""

from __future__ import annotations

import pytest

from pipeline.ner import aliases
from pipeline.ner.combine import with_rules
from pipeline.ner.inputs import GAZETTEER, MODEL, RULE, Candidate, NerInput
from pipeline.ner.resolve import resolve
from pipeline.text.langruns import language_runs


def _doc(text: str) -> NerInput:
    return NerInput(text, language_runs(text), frozenset())


def _orgs(text: str, model: list[str] = ()) -> set[str]:  # type: ignore[assignment]
    cands = [Candidate(text.index(m), text.index(m) + len(m), "ORG", MODEL, "zh") for m in model]
    return {text[c.start:c.end] for c in resolve(with_rules(_doc(text), cands)) if c.label == "ORG"}


def test_a_short_name_defined_in_an_english_run_counts_in_every_chinese_one() -> None:
    text = ("澳洲矿商北岭锂业有限公司（Northridge Lithium Limited，简称“NRL”）周二表示将扩产。"
            "NRL称，新产线明年投产。分析师认为NRL的扩产将压低价格。\nNRL said output would double next year.")
    orgs = _orgs(text)
    assert "NRL" in orgs
    nrl = [c for c in aliases.defined_short_names(_doc(text), [Candidate(4, 12, "ORG", RULE, "zh")])]
    assert len(nrl) == 4 and all(text[c.start:c.end] == "NRL" for c in nrl)
    assert [c.lang for c in nrl] == ["zh", "zh", "zh", "en"]  # the last use stands in an English run


def test_a_latin_alias_is_matched_as_a_whole_word_only() -> None:
    text = "北岭锂业有限公司（简称“NRL”）发布公告。NRLX平台与NRL无关。"
    found = aliases.defined_short_names(_doc(text), [Candidate(0, 8, "ORG", RULE, "zh")])
    assert [c.start for c in found] == [text.index("NRL"), text.rindex("NRL")]


def test_the_first_word_of_a_latin_company_name_stands_for_it_in_chinese_text() -> None:
    text = ("加拿大矿商Kestrel Mining Corp周三宣布收购一处锂矿。Kestrel称，交易将在年内完成。"
            "业内人士表示，Kestrel的产能有望翻倍。")
    orgs = _orgs(text)
    assert "Kestrel Mining Corp" in orgs
    found = [text[c.start:c.end] for c in aliases.latin_short_forms(
        _doc(text), [Candidate(5, 24, "ORG", RULE, "en")])]
    assert found == ["Kestrel", "Kestrel"]


def test_a_first_word_the_text_also_writes_in_lower_case_is_no_short_name() -> None:
    text = "美国Standard Metals Corp与一家standard供应商合作。Standard将负责运营。"
    assert aliases.latin_short_forms(_doc(text), [Candidate(2, 23, "ORG", RULE, "en")]) == []


@pytest.mark.parametrize(("text", "name"), [
    ("根据咨询公司Harbor Analytics的数据，锂价今年下跌三成。", "Harbor Analytics"),
    ("澳大利亚锂矿商Quarrystone周一宣布停产。", "Quarrystone"),
    ("全球矿业巨头Ferrovia表示将出售铜矿资产。", "Ferrovia"),
])
def test_a_latin_name_after_an_institution_descriptor_is_the_institution(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_the_descriptor_before_a_latin_name_is_no_institution_of_its_own() -> None:
    text = "根据能源咨询研究公司Harbor Analytics的数据，锂价今年下跌三成。"
    orgs = _orgs(text, model=["能源咨询研究公司"])
    assert "Harbor Analytics" in orgs and "能源咨询研究公司" not in orgs


def test_a_listed_descriptor_stays() -> None:
    text = "宁德时代Harbor项目正式投产。"
    kept = aliases.without_descriptors([Candidate(0, 4, "ORG", GAZETTEER, "zh")],
                                       [Candidate(4, 10, "ORG", RULE, "zh")])
    assert [text[c.start:c.end] for c in kept] == ["宁德时代"]


@pytest.mark.parametrize("text", [
    "该公司IPO募资总额或达百亿元。",  # an acronym that names no institution
    "该公司CEO表示将继续扩产。",
    "澳大利亚矿商Australia公司周一宣布停产。",  # a place, and a name before its own institution word
    "韩国电池生产商LG能源科技周一宣布扩产。",  # the Latin head of a longer name the model reads
])
def test_no_institution_from_acronyms_places_or_name_heads(text: str) -> None:
    model = ["LG能源科技"] if "LG能源科技" in text else []
    assert not {"IPO", "CEO", "Australia", "LG"} & _orgs(text, model=model)


def test_an_institution_name_counts_again_where_the_document_repeats_it() -> None:
    text = ("1、溪岭股份：拟回购股份。\n2、岚江炼化：装置检修。\n3、鑫川科技：中标项目。\n"
            "因煤炭供应紧张 岚江炼化部分装置临时停产。")
    doc = _doc(text)
    first = Candidate(text.index("岚江炼化"), text.index("岚江炼化") + 4, "ORG", RULE, "zh")
    again = aliases.repeated_names(doc, [first])
    assert [(c.start, text[c.start:c.end]) for c in again] == [(text.rindex("岚江炼化"), "岚江炼化")]
    longer = Candidate(text.rindex("岚江炼化"), text.rindex("岚江炼化") + 6, "ORG", MODEL, "zh")
    assert aliases.repeated_names(doc, [first, longer]) == []  # another institution reading covers it


def test_an_acronym_after_a_plain_company_noun_is_no_name() -> None:
    assert "TDI" not in _orgs("该分公司TDI装置检修完成后复产。")
    assert "SQM" in _orgs("智利锂矿商SQM周二公布业绩。")


def test_the_run_at_a_position() -> None:
    text = "北岭锂业周二表示将扩产。Northridge Lithium said output would double."
    doc = _doc(text)
    assert doc.segment_at(0) is not None and doc.segment_at(0).lang == "zh"
    assert doc.segment_at(text.index("Northridge")).lang == "en"  # type: ignore[union-attr]
    assert doc.segment_at(len(text)) is None


def _glosses(text: str, named: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    cands = [Candidate(text.index(s), text.index(s) + len(s), label, RULE, lang) for s, label, lang in named]
    return [(text[c.start:c.end], c.label) for c in aliases.glossed_names(_doc(text), cands)]


def test_a_name_glossed_in_the_other_script_is_the_same_entity() -> None:
    text = "A speech by Premier Li Mingyuan (李明远) opened the meeting."
    assert _glosses(text, [("Li Mingyuan", "PERSON", "en"), ("Mingyuan", "LOC", "en")]) == [("李明远", "PERSON")]
    text = "岚峰矿业（Lanfeng Mining）与北岭锂业（NRL）签署协议。"
    assert _glosses(text, [("岚峰矿业", "ORG", "zh"), ("北岭锂业", "ORG", "zh")]) == [
        ("Lanfeng Mining", "ORG"), ("NRL", "ORG")]


@pytest.mark.parametrize("text", [
    "岚峰矿业（600123）公告称将扩产。",  # a stock code
    "岚峰财经（APP）发布报告。",  # a word for an app, no name
    "Lanfeng Mining (ASX: LFM) said output rose.",  # no Han gloss
    "岚峰矿业（简称岚峰）公告称将扩产。",  # a Han gloss of a Chinese name is a definition, not a script gloss
])
def test_no_gloss_without_a_name_in_the_other_script(text: str) -> None:
    name = text.split("（")[0].split(" (")[0]
    assert _glosses(text, [(name, "ORG", "zh" if "矿" in name or "财" in name else "en")]) == []


def test_a_foreign_company_named_with_its_company_noun_is_the_company_when_named_alone() -> None:
    text = "加拿大铀矿商卡梅科公司周一公布季度报告。卡梅科周二表示，将削减今年的产量。"
    model = [Candidate(text.rindex("卡梅科"), text.rindex("卡梅科") + 3, "PERSON", MODEL, "zh")]
    mentions = {(text[c.start:c.end], c.label) for c in resolve(with_rules(_doc(text), model))}
    assert ("卡梅科", "ORG") in mentions and ("卡梅科", "PERSON") not in mentions


@pytest.mark.parametrize(("text", "core"), [
    ("马丽娜公司周一公布业绩。马丽娜表示，公司将扩大产能。", "马丽娜"),  # a Han name: the founder may speak
    ("中储粮黑龙江公司的人士说，黑龙江转移了200万吨。", "黑龙江"),  # a listed place: a branch's province
])
def test_no_short_form_from_a_person_or_a_place_before_a_company_noun(text: str, core: str) -> None:
    org = Candidate(text.index(core), text.index("公司") + 2, "ORG", RULE, "zh")
    assert aliases.company_short_forms(_doc(text), [org]) == []


def test_a_foreign_short_form_inside_a_longer_name_is_not_read() -> None:
    text = "莱纳斯公司周一公布业绩。克莱纳斯表示不同意，莱纳斯基也表示反对。莱纳斯周二称将扩产。"
    org = Candidate(0, 5, "ORG", RULE, "zh")
    found = [c.start for c in aliases.company_short_forms(_doc(text), [org])]
    assert found == [text.rindex("莱纳斯")]  # 周 is a transliteration character too, but 周二 ends the name


def test_a_longer_candidate_over_the_short_form_keeps_it() -> None:
    text = "卡梅科公司周一公布季度报告。卡梅科矿业将继续减产。"
    longer = Candidate(text.rindex("卡梅科"), text.rindex("卡梅科") + 5, "ORG", RULE, "zh")
    assert aliases.company_short_forms(_doc(text), [Candidate(0, 5, "ORG", RULE, "zh"), longer]) == []


@pytest.mark.parametrize("text", [
    "特朗普集团周一发表声明。美国总统特朗普周二表示将加征关税。",  # a title before one use
    "默多克集团周一宣布收购。媒体大亨默多克周二表示满意。",  # a person noun before one use
    "莱纳斯公司周一公布业绩。约翰·莱纳斯说，莱纳斯称将扩产。",  # a name dot
])
def test_a_name_the_text_sets_up_as_a_person_gives_no_short_form(text: str) -> None:
    end = next(text.index(w) + len(w) for w in ("集团", "公司") if w in text)
    assert aliases.company_short_forms(_doc(text), [Candidate(0, end, "ORG", RULE, "zh")]) == []


def test_every_company_noun_comes_off_the_core() -> None:
    text = "卡梅科集团有限公司周一公布季度报告。卡梅科周二表示，将削减产量。"
    found = aliases.company_short_forms(_doc(text), [Candidate(0, 9, "ORG", RULE, "zh")])
    assert [c.start for c in found] == [text.rindex("卡梅科")]


@pytest.mark.parametrize("text", [
    "卡贾马卡公司周一宣布，在卡贾马卡地区发现一座金矿。",  # the region a company is named after
    "卡拉拉公司与鞍钢合作开发卡拉拉铁矿。",  # the mine
    "拉斯班巴斯公司周二表示，当地社区封锁了通往拉斯班巴斯铜矿的道路。",
    "卡洛维克公司周一宣布，卡洛维克项目已经投产。",  # the project
])
def test_a_short_form_before_a_place_mine_or_project_head_is_not_the_company(text: str) -> None:
    assert aliases.company_short_forms(_doc(text), [Candidate(0, text.index("公司") + 2, "ORG", RULE, "zh")]) == []


@pytest.mark.parametrize("text", [
    "他代表卡梅科公司签署了供应协议。卡梅科将继续扩大产量。",  # 代表 the verb before the full name
    "卡梅科公司周一发布公告。卡梅科代表与哈方进行了会谈。卡梅科将扩大产量。",  # the company's representatives
    "卡梅科公司周一发布公告。卡梅科总裁周二表示，卡梅科将扩大产量。",  # its officer
])
def test_a_company_noun_or_verb_around_the_name_sets_up_no_person(text: str) -> None:
    found = aliases.company_short_forms(_doc(text), [Candidate(text.index("卡梅科"), text.index("公司") + 2,
                                                                "ORG", RULE, "zh")])
    assert [text[c.start:c.end] for c in found] and {text[c.start:c.end] for c in found} == {"卡梅科"}


@pytest.mark.parametrize("text", [
    "卡洛维克公司周一宣布扩产。卡洛维克项目经理周二表示，进展顺利。",  # 项目 opens a title: the company's manager
    "卡洛维克公司周一宣布扩产。卡洛维克工程师周二表示，进展顺利。",  # 工程 opens a word for staff
])
def test_a_head_that_opens_a_title_or_a_staff_word_keeps_the_company(text: str) -> None:
    found = aliases.company_short_forms(_doc(text), [Candidate(0, text.index("公司") + 2, "ORG", RULE, "zh")])
    assert [c.start for c in found] == [text.rindex("卡洛维克")]
