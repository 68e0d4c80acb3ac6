"""Where a mission is stationed: 驻 + a place + an embassy or consulate word (``places_zh.stations``).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.ner import places_zh
from pipeline.ner.inputs import MODEL, Candidate
from tests.conftest import segmented


@pytest.mark.parametrize(("text", "places"), [
    ("中国驻巴士拉总领事陈明表示，两国合作稳步推进。", ["巴士拉"]),
    ("驻智利大使馆提醒游客注意安全。", ["智利"]),
    ("他曾任驻印度加尔各答总领事。", ["加尔各答"]),  # after a country, the city (the country is listed)
    ("他被任命为驻挪威王国特命全权大使。", ["挪威王国"]),  # a country in its long form stays whole
    ("中国驻当地使馆提醒游客注意安全。", []),  # an ordinary word
    ("英国驻港总领事馆发表声明。", []),  # a one-character short form, not 港总
    ("中国常驻联合国代表发言。", []),  # an organisation, and no station word after it
    ("他当选为驻联合国大使。", []),
])
def test_where_a_mission_is_stationed_is_a_place(text: str, places: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.stations(text, 0, len(text))] == places


@pytest.mark.parametrize(("text", "place", "inside"), [
    ("建设健康中国是一项系统工程。", "中国", True),
    ("推进数字中国建设。", "中国", True),
    ("深化平安浙江建设。", "浙江", True),
    ("家庭幸福希腊人常说。", "希腊", False),  # no strategy word; and a demonym after it
    ("健康中国人的寿命更长。", "中国", False),  # 中国人: a demonym, not the strategy
    ("他在中国工作。", "中国", False),
])
def test_a_place_ending_a_strategy_name_is_no_mention(text: str, place: str, inside: bool) -> None:
    at = text.index(place)
    assert places_zh.in_strategy_name(text, at, at + len(place)) is inside


@pytest.mark.parametrize(("text", "places"), [
    ("公司在阿塔卡玛盐湖拥有锂矿权益。", ["阿塔卡玛盐湖"]),  # a named salt lake, a mine site
    ("该盐湖提锂技术领先。", []),
])
def test_a_named_salt_lake_is_a_place(text: str, places: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [])] == places


def test_an_organisations_trade_area_is_no_named_place() -> None:
    text = "推动中国—东盟自贸区3.0版率先落地。"
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [])] == []
    text = "上海自贸区扩区。"  # a listed place before the feature word: a named place
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [])] == ["上海自贸区"]



@pytest.mark.parametrize(("words", "places"), [
    # a country glued to a feature's own name in one word: the country, then the feature
    (("在", "智利阿塔卡马盐湖", "开采", "锂"), ["智利", "阿塔卡马盐湖"]),
    (("在", "秘鲁安第斯山区", "勘探"), ["秘鲁", "安第斯山区"]),
    # a listed feature name is whole; a reach of a river names no feature
    (("在", "四川", "盆地", "找到", "气田"), ["四川盆地"]),
    (("长江", "中游", "流域", "降雨", "偏多"), []),
])
def test_a_country_glued_to_a_features_name_is_a_place_of_its_own(words: tuple[str, ...], places: list[str]) -> None:
    text, bounds = segmented(*words)
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [], bounds)] == places


@pytest.mark.parametrize(("body", "place_length"), [
    ("智利阿塔卡马", 2),
    ("玻利维亚乌尤尼", 4),
    ("北京经济技术", 0),  # ordinary words after the city: the city is inside the zone's name
    ("天津滨海", 0),
    ("长江中游", 0),  # a reach of the river
])
def test_only_a_name_of_its_own_splits_from_the_place_before_it(body: str, place_length: int) -> None:
    assert places_zh._glued_place(body, places_zh._lex()) == place_length


@pytest.mark.parametrize(("text", "sites"), [
    # a transliterated name before a site word, after punctuation, a lead word or its country
    ("据报道，埃斯康迪达铜矿发生罢工。", ["埃斯康迪达铜矿"]),
    ("五矿资源旗下位于秘鲁的邦巴斯铜矿停产。", ["邦巴斯铜矿"]),
    ("紫金矿业旗下卡莫阿-卡库拉铜矿扩建。", ["卡莫阿-卡库拉铜矿"]),  # parts joined by a dash
    ("蒙古国奥尤陶勒盖铜矿产量增长。", ["奥尤陶勒盖铜矿"]),  # after its country; one character not in the set
    ("伊拉克米桑油田产量提升。", ["米桑油田"]),  # the country is a place of its own
    ("岚江资源（LJR）旗下拉斯巴邦铜矿复产。", ["拉斯巴邦铜矿"]),  # a lead word after the bracket opens no name
    ("据调研，本周国内铁矿石库存下降。", []),  # ordinary words, and 铁矿石 is iron ore: no site
    # a region's mines, a Chinese name, or a name with no edge before it are no named foreign site
    ("智利铜矿产量下降。", []),
    ("江西铜矿工人说。", []),
    ("工人们在大型铜矿工作。", []),
])
def test_a_named_foreign_site_is_a_place(text: str, sites: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.foreign_sites(text, 0, len(text))] == sites


@pytest.mark.parametrize(("text", "zones"), [
    ("江西宜春经济技术开发区集聚了锂电企业。", ["宜春经济技术开发区"]),  # the nearest place opens the name
    ("包头市稀土高新区的企业扩产。", ["包头市稀土高新区"]),
    ("钦州港片区发展迅速。", ["钦州港片区"]),
    ("各地经济技术开发区发展迅速。", []),  # no place before the modifiers: a class of zones
    ("宜春办好经济技术开发区。", []),  # a verb between the place and the zone
])
def test_a_zone_named_by_its_place_and_purpose_is_a_place(text: str, zones: list[str]) -> None:
    from pipeline.ner import gazetteer

    known = gazetteer.match_zh(text, 0, len(text), frozenset())
    assert [text[s:e] for s, e in places_zh.zones(text, 0, len(text), known)] == zones


@pytest.mark.parametrize(("word", "mineral"), [
    ("锂辉石", True), ("石墨矿", True), ("稀土", True), ("铜镍", True), ("察尔汗", False), ("李家沟", False),
    ("铝土矿", True), ("磁铁矿", True),  # ores the lexicon names with their 矿
])
def test_a_mineral_before_a_site_word_names_a_kind_of_site(word: str, mineral: bool) -> None:
    assert places_zh.mineral_name(word) is mineral


def test_a_mineral_before_a_feature_word_is_no_named_place() -> None:
    text = "项目位于金川县锂辉石矿区。"
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [])] == []


@pytest.mark.parametrize(("text", "mines"), [
    ("据了解，定南县岭北稀土矿是重要矿区。", ["岭北稀土矿"]),  # a name after its county, a mineral, 矿
    ("新疆可可托海稀有金属矿区历史悠久。", ["可可托海稀有金属矿区"]),
    ("江西赣州稀土矿资源丰富。", []),  # a listed place's mines
    ("江西省矿业发展迅速。", []),  # 矿业: an industry
    ("该公司在澳大利亚拥有铝土矿项目。", []),  # 拥有 + 铝土矿: an ore the lexicon names with its 矿
    ("该公司在澳大利亚拥有方铅矿项目。", []),  # 拥有 + 方铅矿, not 拥有方 + 铅矿
    ("据悉，定南县岭北方铅矿已停产。", ["岭北方铅矿"]),  # a name of its own before the ore
    ("据悉，定南县岭北铅锌矿已停产。", ["岭北铅锌矿"]),  # two minerals before 矿
])
def test_a_mine_named_after_its_place_is_a_place(text: str, mines: list[str]) -> None:
    from pipeline.ner import gazetteer

    known = gazetteer.match_zh(text, 0, len(text), frozenset())
    assert [text[s:e] for s, e in places_zh.named_mines(text, 0, len(text), known)] == mines


@pytest.mark.parametrize(("text", "place", "inside"), [
    ("集团连续5年领跑中国化肥企业百强榜。", "中国", True),  # the place opens the ranking's name
    ("公司入选世界500强。", "世界", False),  # 世界 is no listed place
    ("公司入选中国企业500强。", "中国", True),
    ("中国香港名列排行榜第二。", "中国", False),  # a verb of placing: the place is the one ranked
    ("他在中国的企业排名第一。", "中国", False),
])
def test_a_place_opening_a_rankings_name_is_no_mention(text: str, place: str, inside: bool) -> None:
    at = text.index(place)
    assert places_zh.in_ranking_name(text, at, at + len(place)) is inside


@pytest.mark.parametrize(("text", "place", "inside"), [
    ("太原还评上了‘中国气候宜居城市’。", "中国", True),  # a place opening a quoted honour
    ("赣州被誉为“中国稀土之都”。", "中国", True),
    ("他说“中国经济长期向好”。", "中国", False),  # a quoted sentence, no honour word at its end
    ("记者来到“江西”展区。", "江西", False),  # the quote holds the place alone
])
def test_a_place_opening_a_quoted_honour_is_no_mention(text: str, place: str, inside: bool) -> None:
    at = text.index(place)
    assert places_zh.in_quoted_title(text, at, at + len(place)) is inside


@pytest.mark.parametrize(("text", "countries", "joint"), [
    ("这是巴中能源领域合作的成果。", {"巴基斯坦", "中国"}, True),  # 巴基斯坦 + 中国, a relation word after
    ("这是巴中能源领域合作的成果。", {"中国"}, False),  # the document names no country opening with 巴
    ("四川巴中市的经济发展迅速。", {"巴基斯坦", "中国"}, False),  # no relation word: the city
])
def test_two_countries_joint_abbreviation_is_no_place(text: str, countries: set[str], joint: bool) -> None:
    at = text.index("巴中")
    assert places_zh.joint_abbreviation(text, at, at + 2, countries) is joint


@pytest.mark.parametrize(("text", "deposits"), [
    ("近日，黛溪山锂矿的勘探工作取得进展。", ["黛溪山锂矿"]),  # opening a clause
    ("公司旗下岚岭铜矿年产铜五万吨。", ["岚岭铜矿"]),  # after a lead word
    ("该项目位于溪禾金矿区东侧。", ["溪禾金矿区"]),
    ("该地区新发现斑岩铜矿。", []),  # no edge before it
    ("，斑岩铜矿品位较低。", []),  # a kind of deposit
    ("，矽卡岩型铁矿分布广泛。", []),
    ("，大型金矿储量丰富。", []),  # a size
    ("，露天煤矿产量下降。", []),
    ("，江西钨矿资源丰富。", []),  # a listed place: the region's mines
    ("，会理铜矿储量丰富。", ["会理铜矿"]),  # a county's name: the mine named after it
    ("，赣州稀土矿分布广泛。", []),  # a prefecture's: its mines
    ("，开采铜矿需要审批。", []),  # an ordinary word
    ("，氟碳铈矿分布广泛。", []),  # an ore the lexicon names: 氟碳 is its start, no deposit's name
    ("近日，黛溪山铅锌矿深部找矿取得突破。", ["黛溪山铅锌矿"]),  # two minerals before 矿
    ("公司旗下岚岭锂多金属矿年底投产。", ["岚岭锂多金属矿"]),  # a mineral + 多金属
    ("，江西铅锌矿资源丰富。", []),  # still a region's mines
])
def test_a_deposit_named_before_its_mineral(text: str, deposits: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.named_deposits(text, 0, len(text))] == deposits


@pytest.mark.parametrize(("words", "regions"), [
    (("赣南", "的", "稀土", "开采", "秩序", "好转"), ["赣南"]),  # a province's one-character form + a compass word
    (("专家", "认为", "，", "川西", "地区", "锂", "资源", "丰富"), ["川西地区"]),  # with 地区 written after it
    (("鲁西南", "平原", "土地", "肥沃"), ["鲁西南"]),
    (("南疆", "土壤", "富含", "硒"), ["南疆"]),  # a compass word + 疆
    (("黔东南", "苗族", "侗族", "自治州", "位于", "贵州"), []),  # the start of a longer listed name
    (("苏东", "剧变", "以后"), []),  # the Soviet Union and Eastern Europe: a joint term
    (("白", "中", "有", "黑", "，", "黑中", "有", "白"), []),  # 黑 is no such form
    (("诗人", "苏东坡", "写", "道"), []),  # inside a word
])
def test_a_region_named_by_a_province_form_and_a_compass_word(words: tuple[str, ...], regions: list[str]) -> None:
    text, bounds = segmented(*words)
    assert [text[s:e] for s, e in places_zh.abbreviated_regions(text, 0, len(text), bounds)] == regions


def test_a_region_inside_a_longer_known_place_is_left_to_it() -> None:
    text = "开辟陕北革命根据地"
    known = [Candidate(2, 9, "LOC", MODEL, "zh")]
    assert list(places_zh.abbreviated_regions(text, 0, len(text), (), known)) == []
    assert list(places_zh.abbreviated_regions(text, 0, len(text), ())) == [(2, 4)]


@pytest.mark.parametrize(("span", "place"), [
    ("滇西锂矿", "滇西"),  # a region's mines: only the region is a place
    ("川西地区锂矿", "川西地区"),
    ("江西钨矿", "江西"),  # a province's
    ("赣州稀土矿区", ""),  # a prefecture's: one mine as often as the city's mines, left as the model read it
    ("会理铜矿", ""),  # a county's mine is one mine
    ("岚岭铜矿", ""),  # an unlisted name
    ("滇西北部", ""),  # no mineral and 矿
])
def test_a_region_and_a_mineral_name_the_regions_mines(span: str, place: str) -> None:
    assert span[:places_zh.regional_mine_place(span)] == place


def test_a_region_before_a_site_word_is_no_foreign_site() -> None:
    text = "专家认为，川西地区锂矿资源潜力巨大。"
    assert list(places_zh.foreign_sites(text, 0, len(text))) == []


@pytest.mark.parametrize(("text", "bounds", "islands"), [
    ("苏拉威西岛是镍业中心。", [0, 3, 5, 6, 8, 10, 11], ["苏拉威西岛"]),  # a listed place cut in two + 岛
    ("加里曼丹岛的煤炭出口。", [0, 2, 4, 5, 6, 8, 10, 11], ["加里曼丹岛"]),  # cut in three
    ("该国修建了人工岛。", [0, 2, 4, 5, 7, 8, 9], []),  # 人工|岛: no listed place, a common noun
    ("印度洋岛国马尔代夫。", [0, 3, 4, 5, 9, 10], []),  # 岛国: an island state, no island's name
])
def test_an_island_is_named_only_after_a_listed_place(text: str, bounds: list[int], islands: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), [], bounds)] == islands


@pytest.mark.parametrize(("text", "deposits"), [
    ("岚江钼业旗下TFM铜钴矿产量创新高。", ["TFM铜钴矿"]),  # a Latin name, two minerals, 矿 before 产量
    ("公司拥有的Manono锂矿进展顺利。", ["Manono锂矿"]),
    ("Kathleen Valley锂矿开始出矿。", ["Kathleen Valley锂矿"]),
    ("使用了AI矿山技术。", []),  # no mineral between the letters and the head
    ("该地区的SQM锂业发展迅速。", []),  # 锂业: an industry, no mine
    ("一季度Vale铁矿发运量下降。", []),  # a listed company's ore
    ("根据SMM铜矿调研显示。", []),  # a listed source
    ("ST锂矿亏损。", []),  # a risk prefix
    ("该公司的Tarrow Ridge铜矿投产。", ["Tarrow Ridge铜矿"]),
])
def test_a_deposit_named_in_latin_letters(text: str, deposits: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.latin_deposits(text, 0, len(text))] == deposits


@pytest.mark.parametrize(("text", "deposits"), [
    ("，巨岭铜矿产量下降。", ["巨岭铜矿"]),  # 矿|产量: the mine's output
    ("，巨岭铜矿产能提升。", ["巨岭铜矿"]),
    ("，巨岭铜矿产资源丰富。", []),  # 矿产: mineral resources
])
def test_a_mine_before_its_output_is_named(text: str, deposits: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.named_deposits(text, 0, len(text))] == deposits


@pytest.mark.parametrize(("text", "owner", "sites"), [
    ("岚山矿业卡莫里铜矿产量增长。", "岚山矿业", ["卡莫里铜矿"]),  # the owner right before the site
    ("中国石油鲁迈里油田产量稳定。", "中国石油", ["鲁迈里油田"]),  # no name starts inside the owner (中国|石油…)
    ("岚山矿业卡莫里铜矿产量增长。", "", []),  # no owner known: no edge before the name
])
def test_a_known_institution_owns_the_foreign_site_after_it(text: str, owner: str, sites: list[str]) -> None:
    owners = [(0, len(owner))] if owner else []
    assert [text[s:e] for s, e in places_zh.foreign_sites(text, 0, len(text), owners)] == sites


@pytest.mark.parametrize(("text", "owner", "features"), [
    ("中国石油北岭油田产量稳定。", "中国石油", ["北岭油田"]),
    ("岚山能源北岭油田产量稳定。", "岚山能源", ["北岭油田"]),
    ("岚山公司请来港台导演拍摄。", "岚山公司", []),  # an owner before a port word: no port
])
def test_a_known_institution_owns_the_feature_after_it(text: str, owner: str, features: list[str]) -> None:
    known = [Candidate(0, len(owner), "ORG", "gazetteer", "zh")]
    if text.startswith("中国"):
        known.append(Candidate(0, 2, "LOC", "gazetteer", "zh"))  # 中国 of 中国石油 is a listed place too
    assert [text[s:e] for s, e in places_zh.features(text, 0, len(text), known)] == features


@pytest.mark.parametrize(("text", "sites"), [
    ("，格林布什锂矿产量增长。", ["格林布什锂矿"]),  # 格林 and 布什 are words as names of persons, not ordinary
    ("本周国内铁矿价格上涨。", []),  # ordinary words
])
def test_a_foreign_site_of_transliteration_characters_may_be_made_of_name_words(text: str, sites: list[str]) -> None:
    assert [text[s:e] for s, e in places_zh.foreign_sites(text, 0, len(text))] == sites


@pytest.mark.parametrize(("span", "inside"), [
    ("红土镍矿湿法", True),  # an ore and a process
    ("铜矿开采区", True),
    ("白云铁矿区", False),  # the ore's mining area ends a site's name
    ("大红山铁矿", False),  # the ore ends the name: a mine
    ("矿业大道", False),  # 矿 opens the span, no ore before it
])
def test_an_ore_inside_a_span_with_more_after_it_names_no_place(span: str, inside: bool) -> None:
    assert places_zh.ore_inside(span) is inside
