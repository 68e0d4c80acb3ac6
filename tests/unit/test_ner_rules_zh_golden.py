"""Chinese rules against golden cases (tests/data/ner/zh_rules_cases.json), with jieba word bounds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jieba
import pytest

from pipeline.ner import aliases, gazetteer, places_zh, rules_zh
from pipeline.ner.inputs import MODEL, Candidate, NerInput
from pipeline.ner.lexicon import gazetteer as gazetteer_table
from pipeline.records import Segment
from tests.conftest import segmented

CASE_FILE = Path(__file__).parents[1] / "data" / "ner" / "zh_rules_cases.json"
CASES = json.loads(CASE_FILE.read_text("utf-8"))["cases"]


def _bounds(text: str) -> frozenset[int]:
    jieba.setLogLevel(60)
    return frozenset(x for _, s, e in jieba.tokenize(text) for x in (s, e))


def _proposals(text: str) -> dict[str, set[str]]:
    bounds = _bounds(text)
    places = gazetteer.match_zh(text, 0, len(text), bounds)
    cands = places + rules_zh.candidates(text, 0, len(text), bounds, places)
    cands = aliases.candidates(NerInput(text, [Segment(0, len(text), "zh")], bounds), cands)  # document level
    out: dict[str, set[str]] = {"ORG": set(), "PERSON": set(), "LOC": set()}
    for c in cands:
        out[c.label].add(text[c.start:c.end])
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_rules_propose_expected_spans(case: dict[str, Any]) -> None:
    got = _proposals(case["text"])
    for key, label in (("persons", "PERSON"), ("orgs", "ORG"), ("locs", "LOC")):
        assert set(case.get(key, [])) <= got[label], label
        assert not set(case.get("not_" + key, [])) & got[label], label


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("沈政昌立足生态环境保护", "沈政昌立", "沈政昌"),
    ("在安定门外小关东里10号院东楼", "院东楼", None),
    ("，江苏", "，江苏", "江苏"),
    ("华", "华", None),
    # a given name whose middle character is also a function word, kept when the model proposes it
    ("副总经理周其龙主持会议", "周其龙", "周其龙"),
    # an index named after people or a place is no person; a surname + an address word is no name
    ("收盘时纳斯达克指数微跌", "纳斯达克", None),
    ("邻居王大爷笑着说", "王大爷", None),
    ("老街的欧阳师傅做了三十年木工", "欧阳师傅", None),
    # a long transliteration is not cut at a Han surname's name length
    ("来访的马尔克斯一家参观了矿区", "马尔克斯", "马尔克斯"),
    ("研究员吴被青介绍了样品", "吴被青", "吴被青"),
    ("董事王中华出席签约仪式", "王中华", "王中华"),
    # ... but not a surname + title, nor a name ending in a function word
    ("李市长今天到矿区调研", "李市长", None),
    ("王局长表示", "王局长", None),
    ("周其的", "周其的", None),
    # no Chinese surname: kept only when written in transliteration characters
    ("总经理帕维尔森表示", "帕维尔森", "帕维尔森"),
    ("推动碳捕集项目落地", "碳捕集", None),
    ("园区建成了数字孪生平台", "数字孪生", None),
    ("分析师奥斯特罗夫认为", "奥斯特罗夫", "奥斯特罗夫"),
    ("马尔克斯周三表示", "马尔克斯周三", "马尔克斯"),  # the day of the news glued on by the model
])
def test_tidy_model_person(text: str, surface: str, expected: str | None) -> None:
    start = text.index(surface)
    label = "PERSON" if expected != "江苏" else "LOC"
    got = rules_zh.tidy_model_span(text, Candidate(start, start + len(surface), label, MODEL, "zh"))
    assert (None if got is None else text[got.start:got.end]) == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # an ownership word joins two institutions, or describes an unnamed one: one institution is kept
    ("据公告，青禾股份控股股东青禾实业集团增持", "青禾股份控股股东青禾实业集团", "青禾实业集团"),
    ("由远山矿业全资子公司发起设立", "远山矿业全资子公司", "远山矿业"),
    ("北岭集团旗下北岭新能源公司", "北岭集团旗下北岭新能源公司", "北岭新能源公司"),
    ("子公司管理办法", "子公司", "子公司"),
    # the term of a body is not part of its name
    ("第十三届全国政协委员张某出席", "第十三届全国政协", "全国政协"),
    ("十五届省人大常委会第二次会议", "十五届省人大常委会", "省人大常委会"),
    ("第3届矿业协会年会召开", "第3届矿业协会", "矿业协会"),
    ("全国人大常委会", "全国人大常委会", "全国人大常委会"),
    # the day of the news glued on by the model
    ("溪卡迪安星期五表示将削减产量", "溪卡迪安星期五", "溪卡迪安"),
    ("岚江矿业周二宣布扩产", "岚江矿业周二", "岚江矿业"),
])
def test_tidy_model_org(text: str, surface: str, expected: str) -> None:
    start = text.index(surface)
    got = rules_zh.tidy_model_span(text, Candidate(start, start + len(surface), "ORG", MODEL, "zh"))
    assert got is not None and text[got.start:got.end] == expected


@pytest.mark.parametrize("venue", ["滨河体育场", "青川大会堂", "东湖会展中心", "金山国际酒店", "南岭实训基地",
                                   "青山美术馆", "西河纪念馆"])
def test_vet_drops_model_places_that_are_venues_or_facilities(venue: str) -> None:
    text = f"活动在{venue}举行，随后代表团前往江州市"
    places = gazetteer.match_zh(text, 0, len(text), _bounds(text))
    start, city = text.index(venue), text.index("江州市")
    model = [Candidate(start, start + len(venue), "LOC", MODEL, "zh"), Candidate(city, city + 3, "LOC", MODEL, "zh")]
    kept = {text[c.start:c.end] for c in rules_zh.vet_model(text, model, places) if c.label == "LOC"}
    assert venue not in kept and "江州市" in kept


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("扩大内需 稳定增长", "扩大内需", False),  # a headline's verb and object, ordinary words only
    ("深化改革 释放活力", "深化改革", False),
    ("他住在珠江新城。", "珠江新城", True),  # a listed river inside: a named part of a city
    ("游客来到阿塔卡马。", "阿塔卡马", True),  # a transliteration, no ordinary words
    ("车队翻过青石岭。", "青石岭", True),  # a place ending
])
def test_vet_drops_model_places_made_of_ordinary_words_only(text: str, span: str, kept: bool) -> None:
    start = text.index(span)
    model = [Candidate(start, start + len(span), "LOC", MODEL, "zh")]
    found = {text[c.start:c.end] for c in rules_zh.vet_model(text, model, [])}
    assert (span in found) is kept


@pytest.mark.parametrize(("words", "name", "kept"), [
    (("法院", "判", "处钟", "丽娟", "有期", "徒刑"), "钟丽娟", True),  # the segmenter glued 处钟: still a name
    (("他", "说", "高速", "公路", "很", "堵"), "高速公", False),  # reads weakly as a name
    (("会见", "王丽", "华人", "代表"), "王丽华", False),  # 华人 is a word across its end
])
def test_a_strong_name_the_segmenter_split_across_words_still_counts(words: tuple[str, ...], name: str,
                                                                     kept: bool) -> None:
    text, bounds = segmented(*words)
    start = text.index(name)
    model = [Candidate(start, start + len(name), "PERSON", MODEL, "zh")]
    assert (rules_zh.vet_model(text, model, [], frozenset(bounds)) == model) is kept


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("代表团先后到访纽约、岚丘、波士顿。", "岚丘", True),  # a list of places: an unlisted one among them
    ("代表团先后到访纽约、岚城。", "岚城", True),
    ("他带回了宝藏、沙龙的请柬。", "宝藏", False),  # no listed place beside it
])
def test_vet_keeps_an_unlisted_place_in_a_list_of_places(text: str, span: str, kept: bool) -> None:
    start = text.index(span)
    model = [Candidate(start, start + len(span), "LOC", MODEL, "zh")]
    assert bool(rules_zh.vet_model(text, model, [])) is kept


@pytest.mark.parametrize(("text", "span", "label", "kept"), [
    ("刚果金的黄铜矿开采量增长。", "黄铜矿", "PERSON", False),  # an ore the model read as a surname + name
    ("几内亚的铝土矿出口增长。", "铝土矿", "LOC", False),
    ("高纯石英价格上涨。", "高纯石", "PERSON", False),  # the span cuts a mineral word
    ("甘肃的白银有色集团发布公告。", "白银", "LOC", True),  # the city, listed: kept though it is also silver
    ("黄明说，铜价仍将上涨。", "黄明", "PERSON", True),
    ("岚江集团朱岭东煤矿综采区区长说。", "朱岭东", "PERSON", False),  # a mine's name before its mine head
    ("王明煤矿工人出身。", "王明", "PERSON", True),  # 矿工: no mine head
    ("来自矿山一线的代表说。", "矿山", "LOC", False),  # a generic mine word names no place
    ("阿根廷萨尔塔省的锂盐湖项目。", "锂盐湖", "LOC", False),  # a mineral + a feature word: a kind of lake
    ("察尔汗盐湖的钾肥产量。", "察尔汗盐湖", "LOC", True),
    ("委员们谈到盐湖开发。", "盐湖", "LOC", False),  # a feature word alone: a kind of place
    ("该盆地油气资源丰富。", "盆地", "LOC", False),
])
def test_vet_drops_a_name_that_is_or_cuts_a_mineral_word(text: str, span: str, label: str, kept: bool) -> None:
    start = text.index(span)
    model = [Candidate(start, start + len(span), label, MODEL, "zh")]
    assert bool(rules_zh.vet_model(text, model, [])) is kept


def test_vet_drops_place_only_and_title_cut_orgs() -> None:
    text = "在吉林通榆扩大应用，全国政协委员武强建议"
    places = gazetteer.match_zh(text, 0, len(text), _bounds(text))
    model = [Candidate(1, 5, "ORG", MODEL, "zh"), Candidate(10, 15, "ORG", MODEL, "zh")]
    assert rules_zh.vet_model(text, model, places) == []


@pytest.mark.parametrize(("text", "length"), [
    ("欧阳华呼吁", 3), ("刘俊看来", 2), ("刘俊来建议", 3), ("燕琴建议", 2), ("强调，", 0), ("代表们", 0)])
def test_name_length_is_chosen_by_what_follows(text: str, length: int) -> None:
    assert rules_zh._person(text, 0, len(text)) == length


def test_name_inside_a_compound_word_counts_where_the_document_has_it_alone() -> None:
    text = "李白指出，要学习李白诗歌。"
    bounds = frozenset({0, 2, 4, 5, 6, 8, 12, 13})  # 李白|指出|，|要|学习|李白诗歌|。
    model = [Candidate(0, 2, "PERSON", MODEL, "zh"), Candidate(8, 10, "PERSON", MODEL, "zh")]
    assert rules_zh.vet_model(text, model, [], bounds) == model
    assert rules_zh.vet_model(text, model[1:], [], bounds) == []


def test_full_name_opening_a_compound_word_counts() -> None:
    text = "要学习邓小平理论。"
    bounds = frozenset({0, 1, 3, 8, 9})  # 要|学习|邓小平理论|。
    model = [Candidate(3, 6, "PERSON", MODEL, "zh")]
    assert rules_zh.vet_model(text, model, [], bounds) == model


def test_org_body_starts_at_the_place_not_at_a_word_glued_before_it() -> None:
    text = "据悉日本政府已同意。"
    bounds = [0, 2, 4, 6, 7, 9, 10]  # 据悉|日本|政府|已|同意|。
    known = [Candidate(2, 4, "LOC", "gazetteer", "zh")]
    found = list(rules_zh.org_by_suffix(text, 0, len(text), bounds, frozenset(bounds), known))
    assert [text[s:e] for s, e in found] == ["日本政府"]


def test_full_name_before_an_ordinary_word_still_needs_its_own_word() -> None:
    text = "让黄沙真正变成金沙。"
    bounds = frozenset({0, 1, 3, 5, 7, 9, 10})  # 让|黄沙|真正|变成|金沙|。 (a model cut 黄沙真)
    assert rules_zh.vet_model(text, [Candidate(1, 4, "PERSON", MODEL, "zh")], [], bounds) == []


def _model_orgs_kept(text: str, spans: list[str], trust_plain: bool = False) -> set[str]:
    bounds = _bounds(text)
    places = gazetteer.match_zh(text, 0, len(text), bounds)
    model = [Candidate(text.index(s), text.index(s) + len(s), "ORG", MODEL, "zh") for s in spans]
    return {text[c.start:c.end] for c in rules_zh.vet_model(text, model, places, trust_plain=trust_plain)
            if c.label == "ORG"}


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("北陆自由党主席在集会上讲话。", "北陆自由党", True),  # a party
    ("东非矿业合作组织秘书处发表声明。", "东非矿业合作组织", True),  # an international organisation
    ("南岭人民解放军某团参加了抢险。", "南岭人民解放军", True),
    ("该市钨钼冶炼厂扩建二期工程。", "钨钼冶炼厂", True),
    ("坚持立党为公、执政为民。", "立党", False),  # a one-character body before 党 is a verb, not a name
    ("我们党始终代表人民利益。", "我们党", False),  # a pronoun is no name
    ("县委主要负责同志当场表态。", "县委", True),  # elliptical county party committee (conventions 10)
    ("省政府随后出台了实施方案。", "省政府", True),
    ("村委会组织村民清理河道。", "村委会", False),  # village bodies give no ORG (conventions 11)
    ("江口市省溪镇省城村党委书记发言。", "省城村党委", False),  # a village named 省城村, not the province
    ("代表们在政协会议上发言。", "政协", True),  # the body on its own
    ("空军某部完成了演练任务。", "空军某部", False),  # 某部: a unit not named
    ("会上多个产煤大省代表团交流了经验。", "产煤大省代表团", False),  # counted: a description
    ("会上云岭省代表团交流了经验。", "云岭省代表团", True),
    ("王某伙同公司副总经理作案。", "伙同公司", False),  # a verb before the suffix is no name
    ("他曾在一间岚江工程公司任职。", "岚江工程公司", False),  # counted: a kind of company
])
def test_vet_keeps_model_orgs_with_a_name_before_an_institution_head(text: str, span: str, kept: bool) -> None:
    assert (span in _model_orgs_kept(text, [span])) is kept


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("西岭共同体秘书处发表声明。", "西岭共同体秘书处", True),  # no suffix the grammar knows: the model's name
    ("双方与南湖经联签署了协议。", "南湖经联", True),
    ("他先后就读于清华和北大。", "北大", True),  # a short form
    ("施工人员在南岭油田布设光纤。", "南岭油田", False),  # a resource site: a place (conventions 8)
    ("工程师在东河水电站监测机组运行。", "东河水电站", False),  # a built facility (conventions 7)
    ("代表们在北湖论坛上发言。", "北湖论坛", False),  # an event
    ("我们党始终代表人民利益。", "我们党", False),  # a pronoun opens a phrase
    ("该集团下属企业复工。", "该集团下属", False),  # a determiner opens a reference
    ("请拨打一一○求助。", "一一○", False),  # a number
    ("岚山矿业携手北辰锂业建厂。", "岚山矿业携手北辰锂业建厂", False),  # a verb of a clause inside
    ("参评作品分为新闻类（共11项）等。", "新闻类（共11项", False),  # a stretch of a list
])
def test_a_trusted_model_keeps_plain_orgs_that_read_as_nothing_else(text: str, span: str, kept: bool) -> None:
    assert (span in _model_orgs_kept(text, [span], trust_plain=True)) is kept


@pytest.mark.parametrize(("text", "span"), [
    ("西岭共同体秘书处发表声明。", "西岭共同体秘书处"),
    ("他先后就读于清华和北大。", "北大"),
])
def test_an_untrusted_model_keeps_no_plain_org_without_other_evidence(text: str, span: str) -> None:
    assert span not in _model_orgs_kept(text, [span])


def test_an_elliptical_body_opened_by_a_clause_a_listing_or_a_verb_is_one() -> None:
    text = "云岭省委、省政府印发了意见，市委和市政府随即部署，获县国资委同意。"
    found = {text[s:e] for s, e in rules_zh.elliptical_bodies(text, 0, len(text))}
    assert found == {"省政府", "市委", "市政府", "县国资委"}
    text2 = "会议由省委和省里有关部门参加，该市政府和县医院也派了人，他住在市中心，在省城村党委任职。"
    assert {text2[s:e] for s, e in rules_zh.elliptical_bodies(text2, 0, len(text2))} == {"省委"}


@pytest.mark.parametrize(("text", "place"), [
    ("两国外长签署了中华人民共和国和蒙古国及哈萨克斯坦共和国的三方协定。", "哈萨克斯坦共和国"),
    ("代表团访问了沙特阿拉伯王国和阿曼苏丹国。", "阿曼苏丹国"),
    ("澳门特区政府发布了新规。", "澳门特区"),
])
def test_a_listed_place_in_its_long_form_is_one_place(text: str, place: str) -> None:
    start = text.index(place)
    short = next(k for k in range(len(place) - 1, 1, -1) if place[:k] in gazetteer_table().zh)
    known = [Candidate(start, start + short, "LOC", MODEL, "zh")]  # the short form, as a model or list finds it
    found = {text[s:e] for s, e in places_zh.long_forms(text, 0, len(text), known)}
    assert found == {place}
    assert list(places_zh.long_forms("他在共和国成立那年出生。", 0, 11, [])) == []


def test_an_institution_suffix_before_a_state_form_is_no_name_end() -> None:
    text = "双方尊重巴尔干联盟共和国的主权。"
    bounds = sorted(_bounds(text))
    found = {text[s:e] for s, e in rules_zh.org_by_suffix(text, 0, len(text), bounds, frozenset(bounds), [])}
    assert not any(f.endswith("联盟") for f in found)


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("兼任国防部长的李明远出席。", "国防部", True),  # 国防部|长: the ministry's head, the name is whole
    ("省自然资源厅长王海出席。", "省自然资源厅", True),
    ("全国政协委员武强建议。", "全国政协委", False),  # 委|员 splits a title
])
def test_an_institution_before_its_head_title_is_whole(text: str, span: str, kept: bool) -> None:
    assert (span in _model_orgs_kept(text, [span])) is kept


def test_a_transliterated_foreign_place_the_segmenter_splits_is_kept() -> None:
    text = "代表团抵达塔拉帕卡萨港参观。"
    start = text.index("塔拉帕卡萨")
    model = [Candidate(start, start + 5, "LOC", MODEL, "zh")]
    bounds = frozenset({0, 3, 5, start, start + 2, start + 6, start + 8, len(text)})  # 塔拉|帕卡萨港|参观 …
    assert rules_zh.vet_model(text, model, [], bounds) == model
    assert rules_zh.vet_model("在长江大桥上", [Candidate(1, 4, "LOC", MODEL, "zh")], [],
                              frozenset({0, 1, 3, 5, 6})) == []  # 长江大: no transliteration, cuts a word


def test_an_institution_named_for_two_parties_joined_by_a_dash_keeps_both() -> None:
    text = "智利—中国商会会长出席，中国—东盟合作日益密切。"
    orgs = [(3, 7)]  # 中国商会
    assert [text[s:e] for s, e in rules_zh.paired_names(text, 0, orgs)] == ["智利—中国商会"]
    assert text[15:17] == "东盟"  # 东盟 after 中国—: no institution suffix, no pair
    assert list(rules_zh.paired_names(text, 0, [(15, 17)])) == []
    model = rules_zh.tidy_model_span(text, Candidate(0, 7, "ORG", MODEL, "zh"))
    assert model is not None and text[model.start:model.end] == "智利—中国商会"
    assert rules_zh.tidy_model_span("甲乙—丙丁公司", Candidate(0, 7, "ORG", MODEL, "zh")) is None  # 甲乙: no place


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("青川文化音像出版社和岭南文艺出版社均受到处分。", {"岭南文艺出版社"},
     "青川文化音像出版社和岭南文艺出版社"),  # two institutions joined by 和
    ("工业和信息化部发布了通知。", {"工业和信息化部"}, "信息化部"),  # 和 inside one name
    ("全国林业科技评奖结束本报北京５月１日讯常设评奖项目完成。", set(), "全国林业科技评奖结束本报"),  # 本报: this paper
    ("会议听取了福州市人民法院工作报告和福州市人民检察院工作报告。", {"福州市人民检察院"},
     "福州市人民法院工作报告和福州市人民检察院"),  # a document word is never inside a name
    ("青城大学校门外新开了书店。", set(), "青城大学校"),  # 大学|校门, not a 学校
])
def test_institution_walks_stop_at_a_conjunction_after_a_suffix_and_never_end_at_this_paper(
        text: str, expected: set[str], absent: str) -> None:
    found = _proposals(text)["ORG"]
    assert expected <= found and absent not in found


def test_a_listed_or_strongly_suffixed_institution_fits_though_the_segmenter_glues_its_end() -> None:
    text = "在南京大学校门外"
    bounds = frozenset({0, 1, 3, 6, 7, 8})  # 在|南京|大学校|门|外
    model = [Candidate(1, 5, "ORG", MODEL, "zh")]
    assert rules_zh.vet_model(text, model, [], bounds) == model
    text2 = "沿着中共十一届全会"
    bounds2 = frozenset({0, 2, 7, 9})  # 沿着|中共十一届|全会 (a listed body inside a segmenter word)
    model2 = [Candidate(2, 4, "ORG", MODEL, "zh")]
    assert rules_zh.vet_model(text2, model2, [], bounds2) == model2


def test_model_and_list_agreeing_on_a_place_outweigh_the_segmenter() -> None:
    text = "中国同墨西哥建交"
    bounds = frozenset({0, 2, 4, 6, 8})  # 中国|同墨|西哥|建交: the segmenter cuts the country
    model = [Candidate(3, 6, "LOC", MODEL, "zh")]
    assert rules_zh.vet_model(text, model, [], bounds) == model
    unlisted = [Candidate(3, 5, "LOC", MODEL, "zh")]  # 墨西: no listed place, still cut
    assert rules_zh.vet_model(text, unlisted, [], bounds) == []


@pytest.mark.parametrize(("text", "span", "bounds", "kept"), [
    ("向叶利钦总统献花", "叶利钦", {0, 1, 3, 6, 8}, True),  # 向|叶利|钦总统|献花: a transliteration before a title
    ("司令冯济卡少将出席", "冯济卡", {0, 2, 4, 7, 9}, True),  # 司令|冯济|卡少将|出席
    ("荣获金鹰奖一项", "金鹰", {0, 2, 5, 7}, False),  # 荣获|金鹰奖|一项: an award, no title after it
])
def test_a_name_before_a_post_name_title_fits_though_the_segmenter_cuts_it(
        text: str, span: str, bounds: set[int], kept: bool) -> None:
    start = text.index(span)
    model = [Candidate(start, start + len(span), "PERSON", MODEL, "zh")]
    assert (rules_zh.vet_model(text, model, [], frozenset(bounds)) == model) is kept


def test_a_city_committee_after_its_province_shares_the_city_designator() -> None:
    text = "湖南岳阳市委书记出席会议。"
    bounds = [0, 2, 4, 5, 7, 9, 11, 13]  # 湖南|岳阳|市|委书|记… (a segmenter that cuts the title)
    known = [Candidate(0, 2, "LOC", "gazetteer", "zh"), Candidate(2, 5, "LOC", "gazetteer", "zh")]  # 湖南, 岳阳市
    found = [text[s:e] for s, e in rules_zh.org_by_suffix(text, 0, len(text), bounds, frozenset(bounds), known)]
    assert found == ["湖南岳阳市委"]


def test_a_model_place_gluing_a_country_and_its_division_gives_both() -> None:
    text = "记者来到秘鲁阿雷基帕大区采访。"
    start = text.index("秘鲁")
    known = [Candidate(start, start + 8, "LOC", MODEL, "zh")]  # 秘鲁阿雷基帕大区 as one span
    found = {text[s:e] for s, e in places_zh.after_countries(text, 0, len(text), known)}
    assert found == {"秘鲁", "阿雷基帕大区"}


@pytest.mark.parametrize(("text", "org", "found"), [
    ("秘鲁矿业局第三大区主任出席。", "秘鲁矿业局", set()),  # the region is the bureau's
    ("秘鲁第三大区主任出席。", "", {"第三大区"}),
    ("秘鲁矿业局北岭州办事处表示。", "秘鲁矿业局", set()),
])
def test_no_institution_ends_inside_a_division_after_its_country(text: str, org: str, found: set[str]) -> None:
    known = [Candidate(0, 2, "LOC", "gazetteer", "zh")]
    known += [Candidate(0, len(org), "ORG", MODEL, "zh")] if org else []
    assert {text[s:e] for s, e in places_zh.after_countries(text, 0, len(text), known)} == found


@pytest.mark.parametrize(("text", "found"), [
    ("规定适用于巴西或北岭州的企业。", set()),  # 或 (or) opens no division's name
    ("规定适用于巴西北岭州的企业。", {"北岭州"}),
])
def test_a_division_after_its_country_starts_with_no_function_word(text: str, found: set[str]) -> None:
    start = text.index("巴西")
    known = [Candidate(start, start + 2, "LOC", "gazetteer", "zh")]
    assert {text[s:e] for s, e in places_zh.after_countries(text, 0, len(text), known)} == found


@pytest.mark.parametrize(("text", "country", "found"), [
    # sentences written for these tests: a model place (the whole country) and a division after it
    ("工厂建在印度尼西亚东爪哇省。", "印度尼西亚", {"东爪哇省"}),  # not 印度 + 尼西亚东爪哇省
    ("铁路通往蒙古国东戈壁省。", "蒙古", set()),  # 蒙古|国东戈壁省: the 国 is the country's
])
def test_a_division_after_a_country_is_cut_after_the_whole_country(text: str, country: str, found: set[str]) -> None:
    start = text.index(country)
    division = text.index("省") + 1
    known = [Candidate(start, start + len(country), "LOC", MODEL, "zh"),
             Candidate(start + len(country), division, "LOC", MODEL, "zh")]
    if country == "蒙古":
        known = [Candidate(start, start + 2, "LOC", "gazetteer", "zh")]
    assert {text[s:e] for s, e in places_zh.after_countries(text, 0, len(text), known)} == found


@pytest.mark.parametrize(("text", "names"), [
    ("绣娘马小梅说，订单排到了明年。", ["马小梅"]),
    ("矿工王建军表示，井下更安全了。", ["王建军"]),
    ("技术员向明说。", ["向明"]),
    ("党员干部说要带头。", []),  # a title word, no name
    ("工人们说很满意。", []),
    ("国家发改委表示将稳价。", []),
    ("村民胡婆婆说。", []),  # a surname + an address word
])
def test_a_name_between_a_word_for_a_person_and_a_speech_verb(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in rules_zh.persons_after_person_nouns(text, 0, len(text))] == names


@pytest.mark.parametrize(("text", "names"), [
    ("“产量还会增长。”马立群说。", ["马立群"]),  # a quote of speech, then its speaker
    ("“价格会回落”，蒋文涛表示。", ["蒋文涛"]),  # a comma after the quote
    ("“需求依旧旺盛。”卡洛斯·门多萨指出。", ["卡洛斯·门多萨"]),  # a transliteration with ·
    ("“我们会扩产。”让-吕克·贝松说。", ["让-吕克·贝松"]),  # a hyphenated given name
    ("“我们会扩产。”他说。", []),  # a pronoun
    ("“我们会扩产。”专家表示。", []),  # a noun
    ("“我们会扩产。”韩先生说。", []),  # a surname + a courtesy word
    ("“我们会扩产。”但自称不知情。", []),  # a function word that is also a surname
    ("“我们会扩产。”王总说。", []),  # a surname + a word of address for a manager
    ("“铜价会涨。”花旗称。", []),  # a listed institution speaks too
    ("以『环保』时装著称。", []),  # a term in quotes, not speech
])
def test_the_speaker_after_a_quote(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in rules_zh.quoted_speakers(text, 0, len(text))] == names


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("会上，让-吕克·贝松介绍了计划。", "吕克·贝松", "让-吕克·贝松"),
    ("据锂价-吕克·贝松介绍。", "吕克·贝松", "吕克·贝松"),  # 锂价 is no transliteration
    ("会上，吕克·贝松介绍了计划。", "吕克·贝松", "吕克·贝松"),
])
def test_a_hyphenated_given_name_opens_the_name(text: str, start: str, expected: str) -> None:
    s = text.index(start)
    assert text[rules_zh.hyphened_start(text, s):s + len(start)] == expected



def _suffix_names(*words: str) -> list[str]:
    """The institution names the suffix grammar finds in the words written out, with the listed places."""
    text, bounds = segmented(*words)
    known = gazetteer.match_zh(text, 0, len(text), frozenset(bounds))
    return [text[s:e] for s, e in rules_zh.org_by_suffix(text, 0, len(text), bounds, frozenset(bounds), known)]


@pytest.mark.parametrize(("words", "found"), [
    # the function an institution is named for, between a listed place and the suffix
    (("代表", "、", "江苏省", "苏州市", "湿地", "城市", "建设", "推进", "中心", "职工"),
     ["江苏省苏州市湿地城市建设推进中心"]),
    (("江苏省", "水利", "建设", "管理", "中心", "主任"), ["江苏省水利建设管理中心"]),
    # a verb before the function word: the walk stops, no name
    (("江苏省", "要", "加快", "建设", "推进", "中心", "。"), []),
])
def test_an_institution_walk_goes_over_its_function_words_to_a_listed_place(
        words: tuple[str, ...], found: list[str]) -> None:
    assert _suffix_names(*words) == found


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("案发后，财务部负责人到场。", "财务部", False),  # a department every company has, no name
    ("他和生产部经理交谈。", "生产部", False),
    ("省人事厅发文。", "省人事厅", True),  # 人事: a government department, not a company function
])
def test_a_company_function_before_a_suffix_names_no_institution(text: str, span: str, kept: bool) -> None:
    assert (span in _model_orgs_kept(text, [span])) is kept


@pytest.mark.parametrize(("words", "found"), [
    (("这是", "包头", "市政府", "推动", "的", "项目"), ["包头市政府"]),  # a copula word ends the walk
    (("也是", "甘肃省", "地质", "勘查局", "的", "骨干"), ["甘肃省地质勘查局"]),
    (("这家", "甘肃", "地质", "公司"), []),  # a determiner opening the phrase still makes it a reference
])
def test_a_word_of_function_characters_ends_an_institution_walk(words: tuple[str, ...], found: list[str]) -> None:
    assert _suffix_names(*words) == found


@pytest.mark.parametrize(("words", "found"), [
    (("原", "甘肃省", "地质", "勘查局", "局长", "出席"), ["甘肃省地质勘查局"]),  # 原 = former, before a place
    (("原", "江苏省", "苏州", "青枫", "电子", "有限公司", "副总经理"), ["江苏省苏州青枫电子有限公司"]),
    (("中国", "原子能", "科学", "研究院", "发布", "报告"), ["中国原子能科学研究院"]),  # 原 inside a word
    (("原子能", "研究院", "发布", "报告"), ["原子能研究院"]),  # no place after 原: part of the name
])
def test_former_before_a_place_is_no_part_of_an_institution_name(words: tuple[str, ...], found: list[str]) -> None:
    assert _suffix_names(*words) == found


@pytest.mark.parametrize(("words", "found"), [
    # a ministry named for a list of fields, opened by its country
    (("印度", "科学", "、", "技术", "与", "创新部", "发布", "报告"), ["印度科学、技术与创新部"]),
    (("巴西", "矿产", "、", "能源", "与", "环境部", "部长", "说"), ["巴西矿产、能源与环境部"]),
    (("澳大利亚", "工业", "、", "科学", "和", "资源部", "发布", "报告"), ["澳大利亚工业、科学和资源部"]),
    # items that are names or end in a suffix are a list of names, not fields
    (("北京", "、", "上海", "和", "广州", "分公司", "开业"), ["广州分公司"]),
    (("财政部", "、", "发展", "改革委", "与", "国家", "能源局", "联合", "发文"),
     ["财政部", "发展改革委", "国家能源局"]),
    # a role word before the listed place, and a city's role as a hub, are no fields of a name
    (("全国", "人大代表", "、", "重庆市", "经济", "和", "信息化", "委员会", "主任"), ["重庆市经济和信息化委员会"]),
    (("上海", "国际", "金融", "、", "贸易", "和", "航运", "中心"), []),
    # without a 、 there is no list of fields (and 创新部 alone has no anchor)
    (("印度", "科学", "与", "创新部", "发布", "报告"), []),
])
def test_a_name_whose_remit_is_a_list_of_fields_is_one(words: tuple[str, ...], found: list[str]) -> None:
    assert sorted(_suffix_names(*words)) == sorted(found)


@pytest.mark.parametrize(("words", "found"), [
    # a unit named by two fields joined by 与, right after its parent: one name
    (("据", "岚山", "大学", "冶金", "与", "环境", "学院", "介绍"), ["岚山大学", "岚山大学冶金与环境学院"]),
    (("据", "岚山", "大学", "资源", "与", "安全", "工程", "学院", "介绍"),  # 资源 also names a county
     ["岚山大学", "岚山大学资源与安全工程学院"]),
    (("溪禾", "科学院", "地质", "与", "地球", "物理", "研究所", "发布", "报告"),
     ["溪禾科学院", "溪禾科学院地质与地球物理研究所"]),
    # 政府 is no unit of the name before it; 及 joins names, not fields
    (("岚山", "大学", "官员", "与", "当地", "政府", "联系"), ["岚山大学"]),
    (("岚山", "大学", "师生", "及", "地方", "法院"), ["岚山大学"]),
    (("据", "岚山", "大学", "与会", "及", "管理", "学院"), ["岚山大学"]),  # 与 inside a field joins nothing
    # a ministry's department (司) likewise, when the segmenter glued the last field to the suffix too
    (("工信部", "节能", "与", "综合利用司", "近日", "发布", "通知"), ["工信部", "工信部节能与综合利用司"]),
    (("据", "岚山", "大学", "官员", "与", "公司", "联系"), ["岚山大学"]),  # 公司 is no department's 司
])
def test_a_unit_named_by_two_fields_after_its_parent_is_one_name(words: tuple[str, ...], found: list[str]) -> None:
    assert sorted(_suffix_names(*words)) == sorted(found)


@pytest.mark.parametrize(("words", "unit", "named"), [
    (("近年来", "，", "国务院", "有关", "部委", "做", "了", "工作"), "国务院有关部委", False),  # a class of its units
    (("省政府", "相关", "部门", "负责人", "表示"), "省政府相关部门", False),
    (("江苏省", "有色", "金属", "研究所", "发布", "报告"), "江苏省有色金属研究所", True),  # no qualifier: a name
])
def test_a_relation_qualifier_before_the_suffix_names_a_class_of_units(words: tuple[str, ...], unit: str,
                                                                       named: bool) -> None:
    assert (unit in _suffix_names(*words)) is named


@pytest.mark.parametrize(("text", "org", "found"), [
    # a unit numbered in its name belongs to the institution whatever follows it
    ("江西省地质局第九地质大队在赣南找到钨矿", "江西省地质局", ["江西省地质局第九地质大队"]),
    ("湖南省地质矿产勘查开发局四〇二队承担了钻探", "湖南省地质矿产勘查开发局", ["湖南省地质矿产勘查开发局四〇二队"]),
    ("出版社第三编辑室出版了这本书", "出版社", ["出版社第三编辑室"]),
    # an ordinal of a term, a session or a period is no unit
    ("该集团第一季度研究院投入增长", "该集团", []),
    ("中共中央第十九届中央委员会召开", "中共中央", []),
    # a unit chain without a number needs a title or an affiliation word after it
    ("江西省地质局地质大队在赣南找到钨矿", "江西省地质局", []),
    ("江西省地质局地质大队队长说", "江西省地质局", ["江西省地质局地质大队"]),
    # a branch of an association or a bank, before its officer's title
    ("中国有色金属工业协会锂业分会秘书长在会上发言", "中国有色金属工业协会", ["中国有色金属工业协会锂业分会"]),
    ("农业银行江苏省分行行长表示", "农业银行", ["农业银行江苏省分行"]),
    ("建设银行城东支行行长说", "建设银行", ["建设银行城东支行"]),
    # a branch is a body of its own: joined whatever follows it
    ("中国岚江商会稀土分会发布行业报告", "中国岚江商会", ["中国岚江商会稀土分会"]),
    ("邮储银行溪岭分行开业", "邮储银行", ["邮储银行溪岭分行"]),
    # punctuation, a function word, a determiner or a clause right after the institution: no chain
    ("工商银行，城东支行行长说", "工商银行", []),
    ("银监局及建行溪岭分行发布通知", "银监局", []),
    ("建行某支行行长说", "建行", []),
    ("民生银行获准组建长沙分行", "民生银行", []),
    # a party organ that opens a title is the title's, not a unit (dev conventions: …人民政府 + 党组成员)
    ("溪岭矿业集团有限公司党组书记、董事长说", "溪岭矿业集团有限公司", []),
    ("岚江省自然资源厅党组副书记表示", "岚江省自然资源厅", []),
])
def test_a_numbered_unit_or_a_branch_after_an_institution_is_part_of_its_name(text: str, org: str,
                                                                              found: list[str]) -> None:
    s = text.index(org)
    spans = rules_zh.sub_units(text, 0, len(text), [(s, s + len(org))])
    assert [text[a:b] for a, b in spans] == found


@pytest.mark.parametrize(("words", "found"), [
    # a quoted name part is the name's own, with its quotes, as written
    (("访", "“", "幸福", "工程", "”", "组委会", "主任", "王光美"), ["“幸福工程”组委会"]),
    (("访", "『", "幸福", "工程", "』", "组委会", "主任", "王光美"), ["『幸福工程』组委会"]),
    (("“", "三江源", "”", "国家", "公园", "管理局", "发布", "通知"), ["“三江源”国家公园管理局"]),
    # a listed place before it opens the name, as a province before a company does (密歇根州 is listed)
    (("美国", "密歇根州", "“", "生物", "磁学", "”", "公司", "研制", "了", "仪器"), ["密歇根州“生物磁学”公司"]),
    (("美国", "岚溪州", "“", "生物", "磁学", "”", "公司", "研制", "了", "仪器"), ["“生物磁学”公司"]),
    # a quoted title (with a function word) or a listed institution is no name part
    (("“", "献给", "母亲", "的", "一句话", "”", "评委会", "成立"), []),
    (("“", "发改委", "”", "办公室", "发布", "通知"), ["发改委"]),  # the quoted one only
    # a single-character suffix or a hub after a quoted label names no body
    (("完善", "“", "八纵八横", "”", "高速", "铁路", "网"), []),
    (("建成", "“", "国际", "航运", "”", "中心"), []),
    # nor a suffix word that begins a compound noun
    (("发生", "“", "克隆", "”", "银行", "卡", "并", "窃取", "资金"), []),
])
def test_a_quoted_name_part_opens_the_institution_name(words: tuple[str, ...], found: list[str]) -> None:
    assert sorted(_suffix_names(*words)) == sorted(found)


@pytest.mark.parametrize(("words", "found"), [
    # a one-character suffix that starts an ordinary word with the next character is no suffix
    (("中铝", "集团", "所", "属", "云南", "铜业", "有限公司", "董事长"), ["中铝集团", "云南铜业有限公司"]),
    (("加强", "中国", "社", "会", "保障"), []),
    (("印发", "国家", "能源局", "管理", "办", "法"), ["国家能源局"]),
    # a title after the suffix was already none
    (("江西省", "自然资源", "厅", "长", "说"), []),
])
def test_a_one_character_suffix_opening_an_ordinary_word_is_no_suffix(words: tuple[str, ...],
                                                                       found: list[str]) -> None:
    assert sorted(_suffix_names(*words)) == sorted(found)


@pytest.mark.parametrize(("words", "found"), [
    # a company word or a place in brackets right before the suffix belongs to the name, glued or not
    (("包钢（集团）公司", "董事长", "出席"), ["包钢（集团）公司"]),
    (("中国", "有色", "矿业集团", "（", "国际）有限公司", "发布", "公告"),
     ["中国有色矿业集团", "中国有色矿业集团（国际）有限公司"]),  # the group, and its company in full
    (("新疆", "有色", "金属", "工业", "（", "集团", "）", "有限责任公司", "发布"),
     ["新疆有色金属工业（集团）有限责任公司"]),
    # a subsidiary word ends the walk: the parent and the subsidiary are two names
    (("厦门", "钨业", "股份", "有限公司", "控股", "子公司", "九江", "大地", "矿业", "开发", "有限公司", "获得"),
     ["厦门钨业股份有限公司", "九江大地矿业开发有限公司"]),
    # a news opener ends the walk
    (("活动", "本报讯", "中国", "航空", "（", "集团", "）", "公司", "开展", "活动"), ["中国航空（集团）公司"]),
])
def test_brackets_and_relation_words_in_company_walks(words: tuple[str, ...], found: list[str]) -> None:
    assert sorted(_suffix_names(*words)) == sorted(found)


@pytest.mark.parametrize(("text", "names"), [
    ("包钢（集团）公司董事长孟繁英出席会议。", []),  # 公 is a surname, but 公司 is the company's suffix
    ("会上，王建华董事长指出。", ["王建华"]),
])
def test_an_institution_suffix_before_a_title_is_no_name(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in rules_zh.persons_before_titles(text, 0, len(text))] == names


@pytest.mark.parametrize(("words", "found"), [
    # a count before the phrase makes it a kind of institution, not a name
    (("他", "曾", "在", "一家", "美国", "矿业", "公司", "工作"), []),
    (("两家", "日本", "商社", "参与", "竞标"), []),
    (("签约", "的", "还有", "一间", "印度", "工程", "公司"), []),
    # numbers that open a name are no count (三一|重工, 中国|一重)
    (("三一", "重工", "有限公司", "发布", "公告"), ["三一重工有限公司"]),
])
def test_a_counted_kind_of_institution_is_no_name(words: tuple[str, ...], found: list[str]) -> None:
    assert _suffix_names(*words) == found


@pytest.mark.parametrize(("text", "persons"), [
    ("会上，南非总统指出。", []),  # 南 is a surname, but 南非 is a listed country
    ("会上，印尼总统指出。", []),
    ("会上，南海涛局长指出。", ["南海涛"]),  # a surname + given name that is no listed place
])
def test_a_listed_country_before_a_title_is_no_person(text: str, persons: list[str]) -> None:
    got = rules_zh.candidates(text, 0, len(text), frozenset(), [])
    assert sorted(text[c.start:c.end] for c in got if c.label == "PERSON") == persons


@pytest.mark.parametrize(("words", "found"), [
    # a pronoun, a verb of opinion or 伙同 (together with) ends the walk: the clause before is no name's part
    (("我", "觉得", "出版社", "估计", "不足"), []),
    (("就", "亚太", "形势", "阐述", "我", "观点", "和", "立场", "新华社", "电"), ["新华社"]),
    (("他", "伙同", "公司", "副总经理", "作案"), []),
    # a numeral and a classifier before the body: a count (3|所|航空学院)
    (("办好", "3", "所", "航空", "学院"), []),
])
def test_pronouns_opinions_and_counts_end_an_institution_walk(words: tuple[str, ...], found: list[str]) -> None:
    assert _suffix_names(*words) == found


@pytest.mark.parametrize(("text", "bounds", "kept"), [
    ("岚卡斯塔周四宣布减产。", {0, 6, 8, 10, 11}, True),  # the segmenter joined the name's end to the day
    ("溪卡迪安星期五表示将削减产量。", {0, 2, 5, 7, 9}, True),  # 溪卡|迪安星期|五: the day ends a word
    ("岚卡斯塔宣布减产。", {0, 6, 8, 9}, False),  # no day after it: a span that cuts a word
])
def test_a_model_name_before_a_day_of_the_week_fits_the_words(text: str, bounds: set[int], kept: bool) -> None:
    span = Candidate(0, 4, "ORG", MODEL, "zh")
    assert (rules_zh.vet_model(text, [span], [], frozenset(bounds), trust_plain=True) == [span]) is kept


@pytest.mark.parametrize(("text", "name", "inside"), [
    ("公司视察了岚山铁矿项目。", "岚山铁矿", True),  # the project's name holds the mine
    ("岚山铁矿项目三期投产。岚山铁矿产量增长。", "岚山铁矿", False),  # the text also names the mine alone
    ("北岭油田工程进展顺利。", "北岭油田", True),
    ("岚山铁矿产量增长。", "岚山铁矿", False),  # no project word after it
    ("阿根廷项目进展顺利。", "阿根廷", False),  # a place before 项目 says where the projects are
])
def test_a_named_site_only_a_projects_name_holds_is_no_mention(text: str, name: str, inside: bool) -> None:
    start = text.index(name)
    assert places_zh.site_in_project_name(text, start, start + len(name)) is inside


@pytest.mark.parametrize(("text", "persons"), [
    ("北岭镍业首席执行官弗拉基米尔·波塔宁表示，镍价将上涨。", ["弗拉基米尔·波塔宁"]),  # a first part of five
    ("岚峰集团首席执行官雅各布·施塔乌斯霍尔姆周二表示将扩产。", ["雅各布·施塔乌斯霍尔姆"]),  # a last part of seven
    ("协会发言人弗拉基米尔·德里克说，出口将增加。", ["弗拉基米尔·德里克"]),  # a speech verb closes the name
    ("委员会主席艾哈迈德·哈马罗什出席了会议。", ["艾哈迈德·哈马罗什"]),  # 会主席 is no part of the name
    ("顾问委员会委员弗拉基米尔·洛博夫大将率领代表团到访。", []),  # 大将 goes on: no sure end of the name
    ("研究所所长保罗·阿纳斯塔斯博士作了报告。", []),  # 博士 is a title, no part of seven: left to the model
    ("北岭镍业总裁弗拉基米尔·波塔宁今天表示，镍价将上涨。", ["弗拉基米尔·波塔宁"]),  # 今天 follows the name
    ("北岭镍业总裁弗拉基米尔·波塔宁本周二表示，镍价将上涨。", ["弗拉基米尔·波塔宁"]),  # the longer following word
    ("央行行长安娜·拉加德对记者说，通胀将回落。", ["安娜·拉加德"]),  # 对记者 is no part of the name
    ("央行行长克里斯蒂娜·拉加德对记者说，通胀将回落。", []),  # 对 is no sure end after a long first part: the model's
    ("副总理亚历山大·诺瓦克今天表示，产量将增加。", ["亚历山大·诺瓦克"]),
    ("公司总裁理查德·赛克斯爵士一行到访。", []),  # no following word closes the last part: left to the model
    ("董事长安德鲁·葛鲁夫一行到访。", []),  # and no first name alone
])
def test_a_long_transliterated_name_after_a_title(text: str, persons: list[str]) -> None:
    assert [text[s:e] for s, e in rules_zh.persons_after_titles(text, 0, len(text))] == persons


def test_the_day_of_the_news_follows_a_name() -> None:
    text = "美方代表雅各布·斯坦周二表示将扩产。"  # 周 could go on a name: 斯坦周
    assert [text[s:e] for s, e in rules_zh.persons_after_titles(text, 0, len(text))] == ["雅各布·斯坦"]


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("我们将在岭北铜矿深部开展新一轮找矿。", "岭北铜矿深部", []),  # a part of the mine: the places' to read
    ("岭北矿业岚溪铜矿深部找矿取得突破。", "岭北矿业岚溪铜矿深部", ["岭北矿业"]),  # the mine's company
    ("岭北集团二矿区深部资源丰富。", "岭北集团二矿区深部", ["岭北集团"]),
    ("乌拉国环境保护和核安全部发布通知。", "乌拉国环境保护和核安全部", ["乌拉国环境保护和核安全部"]),  # a ministry
    ("岭北集团对外部负责人表示。", "岭北集团对外部", ["岭北集团对外部"]),  # 对外部: a department
])
def test_vet_cuts_a_position_word_off_an_organisation(text: str, span: str, kept: list[str]) -> None:
    start = text.index(span)
    model = [Candidate(start, start + len(span), "ORG", MODEL, "zh")]
    assert [text[c.start:c.end] for c in rules_zh.vet_model(text, model, [])] == kept


@pytest.mark.parametrize(("text", "body", "found"), [
    # sentences written for these tests: a model place right before a feature word, after no edge word
    ("支持西岭山成矿带勘查。", "西岭山", {"西岭山成矿带"}),  # the model read the body as a place
    ("支持西岭山成矿带勘查。", "", set()),  # without it, a verb before the body is no edge
])
def test_a_body_the_model_reads_as_a_place_names_the_feature(text: str, body: str, found: set[str]) -> None:
    i = text.index("成矿带")
    bounds = [0, 2, i, i + 2, i + 3, len(text) - 1, len(text)]  # 支持|西岭山|成矿|带|勘查 (the segmenter's cut)
    known = [Candidate(text.index(body), text.index(body) + len(body), "LOC", MODEL, "zh")] if body else []
    assert {text[s:e] for s, e in places_zh.features(text, 0, len(text), known, bounds)} == found


@pytest.mark.parametrize(("span", "ore"), [
    # written for this test: kinds of ore a model may read as places, and named mines it must not touch
    ("锂云母选矿", True),  # a mineral and its dressing
    ("红土镍矿", True),  # laterite nickel ore: how it occurs + a mineral
    ("卤水锂矿", True),
    ("铜矿石", True),
    ("德兴铜矿", False),  # a named mine
    ("红土坡铜矿", False),  # a place named 红土坡, not laterite
    ("锂云母", False),  # a mineral alone is the mineral rules' (no 矿)
])
def test_a_kind_of_ore_is_no_place(span: str, ore: bool) -> None:
    assert places_zh.kind_of_ore(span) is ore


@pytest.mark.parametrize(("text", "word", "mineral"), [
    # sentences written for this test: a place named by a mineral word (白银, 石棉) used as the mineral or the place
    ("选厂除铅锌外还回收少量白银。", "白银", True),  # a quantity word before it
    ("国际白银价格本周回落。", "白银", True),  # a price word after it
    ("黄金、白银和铂族金属储量均有增长。", "白银", True),  # listed with other minerals
    ("铜精矿和白银产品一并出口。", "白银", True),  # joined to a concentrate
    ("该企业在白银新建了一座冶炼厂。", "白银", False),  # a locative: the city
    ("白银是甘肃的一座工业城市。", "白银", False),  # nothing says mineral
    ("当地开采石棉已有几十年。", "石棉", True),  # a production word before it
    ("石棉县位于四川雅安。", "石棉", False),
    ("白银、石棉等地震感明显。", "白银", False),  # a list of places
    ("甘肃白银、金昌两地联手招商。", "白银", False),  # 金昌 opens with 金 but is no mineral
    ("白银市场监管部门开展检查。", "白银", False),  # 白银 + 市场监管: the city's market regulator
])
def test_a_place_named_by_a_mineral_word_is_the_mineral_in_a_mineral_use(text: str, word: str,
                                                                           mineral: bool) -> None:
    s = text.index(word)
    assert places_zh.mineral_use(text, s, s + len(word)) is mineral
