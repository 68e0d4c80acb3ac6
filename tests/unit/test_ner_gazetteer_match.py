"""Gazetteer matching: word bounds, context-only short forms, English designators, weak entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ner import gazetteer
from pipeline.ner.lexicon import fold_en
from pipeline.ner.lexicon import gazetteer as table


def _zh(text: str, bounds: frozenset[int] = frozenset()) -> list[str]:
    return [text[c.start:c.end] for c in gazetteer.match_zh(text, 0, len(text), bounds)]


def _en(text: str) -> list[tuple[str, bool]]:
    return [(text[c.start:c.end], c.weak) for c in gazetteer.match_en(text, 0, len(text))]


def test_table_has_every_province_in_both_languages() -> None:
    zh, en = table().zh, table().en
    for name in ("江苏", "内蒙古", "广西", "新疆", "西藏", "香港", "北京"):
        assert zh[name].kind == "province"
    for name in ("Jiangsu", "Inner Mongolia", "Guangxi", "Xinjiang", "Tibet", "Hong Kong", "Shaanxi"):
        assert en[name].kind == "province"


def test_county_short_form_needs_its_own_province_before_it() -> None:
    assert _zh("宁夏同心、甘肃通渭、河北平乡") == ["宁夏", "同心", "甘肃", "通渭", "河北", "平乡"]
    assert "同心" not in _zh("江苏同心")  # 同心 is a county of Ningxia, not of Jiangsu
    assert _zh("大家同心协力") == []


def test_word_bounds_stop_matches_inside_words() -> None:
    text = "晋城市委书记"
    assert _zh(text, frozenset({0, 2, 4, 6})) == ["晋城"]
    assert _zh(text) == ["晋城市"]


def test_autonomous_prefecture_short_forms() -> None:
    assert _zh("黔南州和巴音郭楞") == ["黔南州", "巴音郭楞"]


def test_english_designators_extend_places() -> None:
    got = dict(_en("Bayingol Mongolian Autonomous Prefecture, Ganzhou City and Gansu Province"))
    assert set(got) == {"Bayingol Mongolian Autonomous Prefecture", "Ganzhou City", "Gansu Province"}


def test_a_lower_case_autonomous_designator_extends_the_place_with_its_peoples() -> None:
    got = dict(_en("the governor of Haixi Mongolian and Tibetan autonomous prefecture said"))
    assert set(got) == {"Haixi Mongolian and Tibetan autonomous prefecture"}
    assert dict(_en("Haixi prefecture officials")).keys() == {"Haixi"}  # a plain lower-case noun is no part


def test_english_possessive_and_weak_counties() -> None:
    got = _en("China\u2018s Xunwu and Xinfeng County")
    assert ("China", False) in got
    assert ("Xunwu", True) in got
    assert ("Xinfeng County", False) in got


def test_district_pinyin_needs_its_designator() -> None:
    assert _en("Chaoyang District") == [("Chaoyang District", False)]
    assert _en("Chaoyang said") == []


@pytest.mark.parametrize("text", ["People's Daily", "Xinhua", "Hongwei"])
def test_no_strong_place_for_names_that_only_look_like_places(text: str) -> None:
    found = gazetteer.match_en(text, 0, len(text))
    assert all(c.label != "LOC" or c.weak for c in found)


@pytest.mark.parametrize(("full", "short"), [
    ("江苏省", "江苏"), ("黔南布依族苗族自治州", "黔南"), ("景宁畲族自治县", "景宁"),
    ("巴音郭楞蒙古自治州", "巴音郭楞"), ("阿勒泰地区", "阿勒泰"), ("宜兴市", "宜兴"),
    ("兰坪白族普米族自治县", "兰坪"), ("文山壮族苗族自治州", "文山")])  # two groups: neither kept
def test_build_short_forms(full: str, short: str) -> None:
    from pipeline.tools.gazetteer.build_gazetteer import short_form

    assert short_form(full, ["布依族", "苗族", "畲族", "蒙古族", "维吾尔族", "白族", "普米族", "壮族"]) == short


def test_place_opening_a_word_with_a_noun_that_takes_a_place_counts() -> None:
    text = "代表秘鲁政府和人民致谢，秘鲁菜很有名。"
    bounds = frozenset({0, 2, 6, 7, 9, 11, 12, 15, 16, 18, 19})  # 代表|秘鲁政府|和|人民|致谢|，|秘鲁菜|很|有名|。
    found = {text[c.start:c.end] for c in gazetteer.match_zh(text, 0, len(text), bounds)}
    assert "秘鲁" in found
    assert gazetteer.place_word_start(text, 2, 4, bounds)
    assert not gazetteer.place_word_start(text, 12, 14, bounds)  # 秘鲁|菜: no noun that takes a place


def test_currency_prefix_is_no_place() -> None:
    text = "a US$1.8 bn plan in the US"
    found = [(c.start, text[c.start:c.end]) for c in gazetteer.match_en(text, 0, len(text))]
    assert found == [(text.rindex("US"), "US")]


def test_a_listed_place_before_a_locative_word_is_that_place() -> None:
    # a county short form (context strength) needs its prefecture before it, except before a locative word
    text = "矿化带集中分布在拜城—轮台一带，向东延伸。"
    bounds = frozenset({0, 3, 5, 7, 8, 10, 11, 15, 16, 17, 19, 20, 21})  # …|在|拜城|—|轮台一带|，…
    found = {text[c.start:c.end]: c for c in gazetteer.match_zh(text, 0, len(text), bounds)}
    assert "轮台" in found and not found["轮台"].weak
    assert "拜城" not in found  # before a dash, not a locative: it still needs its prefecture
    plain = "他在轮台工作。"
    assert [c for c in gazetteer.match_zh(plain, 0, len(plain), frozenset({0, 1, 2, 4, 6, 7}))] == []


def test_central_party_departments_and_peoples_organisations_are_listed() -> None:
    text = "中组部、中央统战部和全国妇联、中国科协联合召开座谈会，中国民主建国会负责人出席。"
    assert _zh(text) == ["中组部", "中央统战部", "全国妇联", "中国科协", "中国民主建国会"]
    en = table().en
    assert all(en[n].label == "ORG" for n in ("United Front Work Department", "All-China Women's Federation"))


def test_national_joint_stock_banks_and_former_regulators_are_listed() -> None:
    text = "浦发银行、光大银行和邮储银行此前均受到银监会处罚。"
    assert _zh(text) == ["浦发银行", "光大银行", "邮储银行", "银监会"]


def test_a_listed_three_character_abbreviation_glued_to_the_next_word_still_matches() -> None:
    text = "中期协日前公布数据。"
    assert _zh(text, frozenset({0, 2, 5, 7, 9, 10})) == ["中期协"]  # 中期|协日前|公布|数据|。
    text = "各地财政部门加强监管。"  # 财政|部门: a department, not the ministry
    assert _zh(text, frozenset({0, 2, 4, 6, 8, 10, 11})) == []


def test_a_listed_three_character_institution_glued_to_the_character_before_still_matches() -> None:
    text = "受美联储加息影响，金价下跌。"
    assert _zh(text, frozenset({0, 2, 4, 6, 8, 9, 11, 13, 14})) == ["美联储"]  # 受美|联储|加息: the start glued
    assert "Federal Reserve" in [t for t, _ in _en("The Federal Reserve held rates.")]  # a central bank, listed


def test_a_listed_three_character_place_glued_to_a_function_character_still_matches() -> None:
    text = "刚果金是钴的最大产地。"
    assert _zh(text, frozenset({0, 2, 4, 5, 6, 7, 9, 10, 11})) == ["刚果金"]  # 刚果|金是|钴|的|最大|产地|。
    text = "岚江人看好圣保罗河流域。"  # 圣保罗河 as one word: a river, not the place glued to a function character
    assert "圣保罗" not in _zh(text, frozenset({0, 3, 5, 9, 11, 12}))


def test_national_capitals_are_listed_places_in_both_languages() -> None:
    assert _zh("渥太华、堪培拉和比勒陀利亚的官员") == ["渥太华", "堪培拉", "比勒陀利亚"]
    en = table().en
    assert all(en[c].label == "LOC" for c in ("Ottawa", "Canberra", "Pretoria", "Abuja"))
    assert "Male" not in en  # an English word, left out


def test_former_states_are_listed_places() -> None:
    assert _zh("扎伊尔和捷克斯洛伐克的矿业") == ["扎伊尔", "捷克斯洛伐克"]
    assert table().en["Zaire"].label == "LOC" and table().en["Yugoslavia"].label == "LOC"


@pytest.mark.parametrize("name", ["印尼", "沙特", "阿联酋", "刚果金", "民主刚果", "波黑", "澳洲", "蒙古国"])
def test_common_chinese_short_names_of_countries_are_listed_countries(name: str) -> None:
    entry = table().zh[name]
    assert (entry.label, entry.kind) == ("LOC", "country")
    assert _zh(f"今年{name}的镍矿出口增长") == [name]


def test_a_country_short_name_is_weak_so_a_model_name_holding_it_keeps_it() -> None:
    matches = gazetteer.match_zh("卡沙特介绍说", 0, 6, frozenset())
    assert [(m.start, m.end, m.weak) for m in matches] == [(1, 3, True)]


@pytest.mark.parametrize(("name", "lang"), [
    ("独联体", "zh"), ("国际海底管理局", "zh"), ("亚洲开发银行", "zh"), ("海合会", "zh"),
    ("International Seabed Authority", "en"), ("Asian Development Bank", "en"), ("IAEA", "en"),
])
def test_international_organisations_are_listed_institutions(name: str, lang: str) -> None:
    entry = table().zh[name] if lang == "zh" else table().en[fold_en(name)]
    assert (entry.label, entry.kind) == ("ORG", "intl")


@pytest.mark.parametrize(("text", "bounds", "places"), [
    ("选矿厂位于大冶，明年投产。", {0, 3, 5, 7, 8, 10, 12, 13}, ["大冶"]),  # 位于 takes a place
    ("考察团赴灵宝调研。", {0, 3, 4, 6, 8, 9}, ["灵宝"]),
    ("他在灵宝工作。", {0, 1, 2, 4, 6, 7}, []),  # 在 alone: the short form still needs its province
    ("新厂位于南部园区。", {0, 2, 4, 6, 8, 9}, []),  # a direction, though 南部 is also a county's short form
    ("商场位于普兰店东侧。", {0, 2, 4, 6, 7, 9, 10}, []),  # 普兰|店: the start of 普兰店区, cut by the segmenter
    ("门店位于建宁路北段。", {0, 2, 4, 6, 7, 9, 10}, []),  # a street named after a place
])
def test_a_listed_short_form_after_a_word_that_takes_a_place(text: str, bounds: set[int], places: list[str]) -> None:
    assert _zh(text, frozenset(bounds)) == places


@pytest.mark.parametrize(("text", "bounds", "places"), [
    # a short form that is no ordinary word, opening a clause or a list item before 的: a place owning what follows
    ("近日，灵宝的金矿勘探取得进展。", {0, 2, 3, 5, 6, 8, 10, 12, 14, 15}, ["灵宝"]),
    ("大冶的铜矿开采已有三千年。", {0, 2, 3, 5, 7, 9, 12, 13}, ["大冶"]),
    ("成都、德兴和大冶的铜冶炼厂", {0, 2, 3, 5, 6, 8, 9, 11, 13}, ["成都", "大冶"]),  # 德兴 owns nothing
    # not after another Han word, not an ordinary word (杂多: "various"), not without 的
    ("立刻灵宝的广告牌出来了。", {0, 2, 4, 5, 8, 10, 11, 12}, []),
    ("各种杂多的信息充斥头脑。", {0, 2, 4, 5, 7, 9, 11, 12}, []),
    ("灵宝今年发展较快。", {0, 2, 4, 6, 8, 9}, []),
])
def test_a_listed_short_form_before_de_opening_a_clause(text: str, bounds: set[int], places: list[str]) -> None:
    assert _zh(text, frozenset(bounds)) == places


def _again(text: str, bounds: set[int]) -> list[str]:
    places = gazetteer.match_zh(text, 0, len(text), frozenset(bounds))
    codes = gazetteer.codes_named_in_full(text, places)
    return [text[c.start:c.end] for c in gazetteer.named_again(text, 0, len(text), frozenset(bounds), codes, places)]


@pytest.mark.parametrize(("text", "bounds", "again"), [
    ("大冶市矿产丰富。大冶政府加大投入。", {0, 3, 5, 7, 8, 10, 12, 14, 16, 17}, ["大冶"]),
    ("灵宝市发展黄金产业。专家到灵宝考察。", {0, 3, 5, 7, 9, 10, 12, 13, 15, 17, 18}, ["灵宝"]),
    ("专家到灵宝考察。", {0, 2, 3, 5, 7, 8}, []),  # never named in full: no short form on its own
    ("安宁市是一座城市。大家希望生活安宁。", {0, 3, 4, 5, 6, 8, 9, 11, 13, 15, 17, 18}, []),  # 安宁: a predicate
    ("安宁市位于昆明西部。安宁的工业以钢铁为主。", {0, 3, 5, 7, 9, 10, 12, 13, 15, 16, 18, 20, 21}, ["安宁"]),
])
def test_a_short_form_of_a_place_the_document_names_in_full(text: str, bounds: set[int], again: list[str]) -> None:
    assert _again(text, bounds) == again


@pytest.mark.parametrize(("text", "bounds", "found"), [
    # a county short form (context strength) opening a clause before a mineral and a name's head
    ("冕宁稀土高新区管委会日前成立。", {0, 2, 4, 10, 12, 14, 15}, ["冕宁"]),
    ("，寻乌稀土矿业公司近日复产。", {0, 1, 3, 5, 7, 9, 11, 13, 14}, ["寻乌"]),
    ("、会理铜矿储量丰富。", {0, 1, 3, 5, 7, 9, 10}, ["会理"]),
    # not after another word, where an ordinary word ends a compound (矿产|资源), nor before a mineral in a clause
    ("矿产资源稀土储量丰富。", {0, 2, 4, 6, 8, 10, 11}, []),
    ("当地公安稀土专项行动启动。", {0, 2, 4, 6, 8, 10, 12, 13}, []),
    ("。公安稀土专项行动启动。", {0, 1, 3, 5, 7, 9, 11, 12}, []),
    # a short form that is also an ordinary word counts only where the document names the place in full
    ("、新兴锂矿企业展开竞争。", {0, 1, 3, 5, 7, 9, 11, 12}, []),
    ("，合作铜矿项目达成一致。", {0, 1, 3, 5, 7, 9, 11, 12}, []),
])
def test_a_short_form_before_a_mineral_and_a_names_head_is_the_place(
        text: str, bounds: set[int], found: list[str]) -> None:
    assert _zh(text, frozenset(bounds)) == found


def test_usual_short_forms_of_listed_central_bodies_are_listed() -> None:
    text = "中办、国办印发意见，中纪委、最高法和最高检作出部署，工商联积极参与。"
    assert _zh(text) == ["中办", "国办", "中纪委", "最高法", "最高检", "工商联"]
    assert _zh("集中办公区设在最高法院旁。", frozenset({0, 2, 4, 5, 7, 11, 12, 13})) == []  # inside other words


@pytest.mark.parametrize(("cldr", "forms"), [
    ("Myanmar (Burma)", ["Myanmar (Burma)", "Myanmar", "Burma"]),  # both names of a bracketed pair
    ("Congo - Kinshasa", ["Congo - Kinshasa", "Congo"]),  # the short name two states share
    ("Trinidad & Tobago", ["Trinidad & Tobago", "Trinidad and Tobago"]),
    ("Côte d\u2019Ivoire", ["Côte d\u2019Ivoire", "Côte d'Ivoire"]),  # a straight apostrophe as news types it
    ("Chile", ["Chile"]),
])
def test_cldr_country_names_give_the_forms_news_writes(cldr: str, forms: list[str]) -> None:
    from pipeline.tools.gazetteer.build_gazetteer import english_text_forms

    assert english_text_forms(cldr) == forms


def test_conventional_english_country_names_and_names_joined_by_of_the_are_listed() -> None:
    text = "Cobalt from Congo, Myanmar and the Democratic Republic of the Congo reached Britain and Korea."
    assert [t for t, _ in _en(text)] == ["Congo", "Myanmar", "Democratic Republic of the Congo", "Britain", "Korea"]
    assert ("Korea", True) in _en(text)  # weak: S. Korea, a model's longer name, wins over it
    assert [t for t, _ in _en("Output of the Congo fell.")] == ["Congo"]  # a joiner opens no listed name


def test_first_level_divisions_of_mining_countries_are_listed_in_both_languages() -> None:
    zh, en = table().zh, table().en
    for name in ("苏拉威西", "加里曼丹", "昆士兰州", "魁北克省", "安托法加斯塔大区", "北基伍"):
        assert zh[name].label == "LOC" and zh[name].strength == "strong"
    assert zh["昆士兰"].strength == zh["魁北克"].strength == "weak"  # short forms: a model's longer name wins
    assert en[fold_en("Sulawesi")].kind == "division" and en[fold_en("Haut-Katanga")].strength == "strong"
    assert en[fold_en("Sonora")].strength == "weak"  # one word: Hidalgo and Guerrero are surnames too
    for generic in ("中部", "赤道", "东方省", "西部区"):  # translations that name no division
        assert generic not in zh or zh[generic].kind != "division"
    for generic in ("Western", "Central", "Gulf", "Acre"):  # ordinary English words
        assert fold_en(generic) not in en or en[fold_en(generic)].kind != "division"


@pytest.mark.parametrize(("text", "bounds", "found"), [
    ("乔治·华盛顿说。", {0, 2, 3, 6, 7, 8}, []),  # a listed place inside a dotted transliterated name
    ("约旦·彼得森发表演讲。", {0, 2, 3, 6, 8, 10, 11}, []),
    ("中国·东盟博览会开幕。", {0, 2, 3, 5, 8, 10, 11}, ["中国", "东盟"]),  # a dot between two listed names
])
def test_a_listed_place_in_a_dotted_name_is_no_place(text: str, bounds: set[int], found: list[str]) -> None:
    assert _zh(text, frozenset(bounds)) == found


@pytest.mark.parametrize(("text", "bounds", "found"), [
    # a long listed name glued by the segmenter into a longer place word: the model's to find
    ("印尼东加里曼丹省的煤矿。", {0, 2, 8, 9, 11, 12}, ["印尼"]),  # 东加里曼丹省 as one word
    ("锦西葫芦岛市的医院。", {0, 3, 6, 7, 9, 10}, ["葫芦岛市"]),  # 西 ends 锦西: no compass word before it
    ("几周后白俄罗斯玩家发布视频。", {0, 1, 2, 4, 7, 9, 11, 13, 14}, ["白俄罗斯"]),  # 后 is no compass word
    # a foreign division or city listed without its designator, written with it: the place as written
    ("温尼伯是马尼托巴省的首府。", {0, 3, 4, 8, 9, 10, 12, 13}, ["温尼伯", "马尼托巴省"]),
    ("圣彼得堡市场繁荣。", {0, 4, 6, 8, 9}, ["圣彼得堡"]),  # 市 opens 市场: no designator
    ("圣彼得堡市场繁荣。", set(), ["圣彼得堡"]),  # no word bounds: a designator only before a non-Han character
])
def test_a_listed_place_as_the_segmenter_wrote_it(text: str, bounds: set[int], found: list[str]) -> None:
    assert _zh(text, frozenset(bounds)) == found


@pytest.mark.parametrize(("name", "stem"), [
    ("魁北克省", "魁北克"), ("安托法加斯塔大区", "安托法加斯塔"), ("昆士兰州", "昆士兰"), ("加里曼丹", "加里曼丹"),
    ("金沙萨直辖市", "金沙萨"), ("车臣共和国", "车臣"),
])
def test_a_foreign_divisions_chinese_short_form_drops_its_designator(name: str, stem: str) -> None:
    from pipeline.tools.gazetteer.build_gazetteer import _zh_division_stem

    assert _zh_division_stem(name) == stem


def test_the_builder_reads_the_last_name_of_the_msra_file(tmp_path: Path) -> None:
    from pipeline.tools.gazetteer.build_gazetteer import _msra_persons

    msra = tmp_path / "ner-zh" / "msra"
    msra.mkdir(parents=True)
    (msra / "msra_train_bio").write_text("张 B-PER\n三 I-PER\n说 O\n\n李 B-PER\n四 I-PER", encoding="utf-8")
    assert _msra_persons(tmp_path) == {"张三", "李四"}


def test_a_listed_name_before_a_seat_or_owner_word_is_matched() -> None:
    # "Norway-based", "Shanxi-listed", "Vale-backed": the hyphen before a word saying where a company sits or who
    # owns it ends the listed name; a name with a hyphen of its own is one word (Guinea-Bissau is no Guinea)
    assert _en("Norway-based and Shanxi-listed firms") == [("Norway", False), ("Shanxi", False)]
    assert [n for n, _ in _en("a Vale-backed venture")] == ["Vale"]
    assert [n for n, _ in _en("in Guinea-Bissau")] == ["Guinea-Bissau"]


# Towns (data/towns_en.tsv): sentences written for these tests.
@pytest.mark.parametrize("text, town", [
    ("Kolwezi has become a hub for battery metals.", "Kolwezi"),
    ("The Kalgoorlie smelter will close next year, the company said.", "Kalgoorlie"),
    ("In Timmins, gold output rose for a third year.", "Timmins"),
    ('"Calama is running out of water," the mayor told reporters.', "Calama"),
])
def test_a_town_in_prose_is_a_weak_place(text: str, town: str) -> None:
    assert (town, True) in _en(text)


@pytest.mark.parametrize("text", [
    "Kitwe 2 Ndola 1",                                             # a score line: no prose
    "The Kitwe Chamber of Mines met on Friday to discuss power.",  # a word of a longer name follows
    "Forward Moses Kitwe scored twice in the second half.",        # a given name before it
    "Shares of Timmins Gold fell on the news, traders said.",      # a company named after the town
    "The regional Football Calama body met on Friday.",            # a capitalised word before it mid-sentence
    "The farm lies at Aguas Verdes de Calama in the north.",       # a particle joins it to a longer name
    "The firm, formerly known as Timmins\nGold Corp, was sold.",   # a name broken over two lines
    "its chief executive, Mark\nKitwe, would step down",          # a given name on the line before
    "Kitwe 2 ( Banda 77th , 82nd pen ) Ndola 1",                   # a score line: ordinals are no words
])
def test_a_town_inside_a_longer_name_or_outside_prose_is_no_place(text: str) -> None:
    assert not any(t in ("Kitwe", "Timmins", "Calama") for t, _ in _en(text))


def test_towns_leave_out_ordinary_words_persons_and_listed_names() -> None:
    from pipeline.ner.lexicon import towns_en

    towns = towns_en()
    assert {"Kolwezi", "Kitwe", "Kalgoorlie", "Timmins", "Karratha", "Rustenburg"} <= towns
    assert not {"Orange", "Mentor", "Hamilton", "Antofagasta", "Beijing", "Baotou"} & towns


def test_prose_is_read_near_the_town_on_a_long_line() -> None:
    # a long results line holds prose far from the town: the town is read with what stands near it
    scores = " ".join(f"Norvanta {i} Marlow {i + 1}" for i in range(60))
    text = "the results of the week were as follows " + scores + " Kitwe 2 Ndola 1 " + scores
    assert not any(t == "Kitwe" for t, _ in _en(text))
    assert ("Kitwe", True) in _en("the results of the week in Kitwe were good " + scores)
