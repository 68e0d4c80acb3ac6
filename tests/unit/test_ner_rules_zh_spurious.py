"""Chinese rules that must not make persons or institutions out of function words, title words, classifiers
or the clause before a name (issue 11). Sentences written for these tests."""

from __future__ import annotations

import jieba
import pytest

from pipeline.ner import gazetteer, rules_zh
from pipeline.ner.inputs import MODEL, Candidate


def _bounds(text: str) -> frozenset[int]:
    jieba.setLogLevel(60)
    return frozenset(x for _, s, e in jieba.tokenize(text) for x in (s, e))


def _proposals(text: str, model: tuple[tuple[str, str], ...] = (), words: bool = True) -> dict[str, set[str]]:
    """Rule proposals with the gazetteer's places and the given model spans as what is already known."""
    bounds = _bounds(text) if words else frozenset()
    known = gazetteer.match_zh(text, 0, len(text), bounds) + [
        Candidate(text.index(s), text.index(s) + len(s), label, MODEL, "zh") for s, label in model]
    out: dict[str, set[str]] = {"ORG": set(), "PERSON": set(), "LOC": set()}
    for c in rules_zh.candidates(text, 0, len(text), bounds, known):
        out[c.label].add(text[c.start:c.end])
    return out


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a conjunction after a title joins two nouns; a quantifier or a time span is no given name
    ("主办方向出席的代表和嘉宾表示感谢。", set(), {"和嘉宾"}),
    ("会议结束时，向全体委员致以问候。", set(), {"向全体"}),
    ("本报记者连月来，走访了三座矿山。", set(), {"连月来"}),
    ("委员向华强表示，矿业要转型。", {"向华强"}, set()),
    # a title word that starts before the post-name title, or a ministry's short name before 长
    ("中共中央政治局委员、国务委员王建平出席会议。", {"王建平"}, {"国务"}),
    ("公安部长孙立群指出，要严打盗采。", {"孙立群"}, {"公安"}),
    # the 摄 of a photo credit closes the name; a rare given character may still end a byline name
    ("（本报记者柳青摄）矿区新貌。", {"柳青"}, {"柳青摄"}),
    ("（本报记者蔡琳月）矿区新貌。", {"蔡琳月"}, set()),
])
def test_no_person_from_function_or_title_words(text: str, wanted: set[str], unwanted: set[str]) -> None:
    got = _proposals(text)["PERSON"]
    assert wanted <= got
    assert not unwanted & got


@pytest.mark.parametrize(("text", "model", "words", "wanted", "unwanted"), [
    # 所 as the particle before a verb, also in the passive 为…所
    ("矿工们在保卫国家中所展现出来的勇气令人敬佩。", (), True, set(), {"国家中所"}),
    ("为推进国家矿业现代化所做出的努力值得肯定。", (), True, set(), {"国家矿业现代化所"}),
    ("这项技术终于为国际同行所认可。", (), True, set(), {"国际同行所"}),
    ("中国地质科学院矿产资源所的专家指出，锂矿潜力巨大。", (), True, {"中国地质科学院矿产资源所"}, set()),
    # 部 / 所 after a numeral count or order things
    ("这位作家为世界留下一部珍贵的纪录片。", (), False, set(), {"世界留下一部"}),
    ("这是中国第一部关于稀土的专著。", (), False, set(), {"中国第一部"}),
    ("国家在山区新建三所学校。", (), False, set(), {"国家在山区新建三所"}),
    # a word ending in the suffix character, or a determiner before it
    ("外界关注智利政局的变化。", (), True, set(), {"智利政局"}),
    ("全国各报纷纷报道了这次矿难。", (), True, set(), {"全国各报"}),
    ("这家韩国公司的市场份额为两成。", (), True, set(), {"韩国公司"}),
])
def test_suffix_character_that_is_no_suffix(text: str, model: tuple[tuple[str, str], ...], words: bool,
                                            wanted: set[str], unwanted: set[str]) -> None:
    got = _proposals(text, model, words)["ORG"]
    assert wanted <= got
    assert not unwanted & got


@pytest.mark.parametrize(("text", "model", "wanted", "unwanted"), [
    # the body walk crossed a verb or a noun before a known name: the name starts there
    ("中国方面尊重澳大利亚联邦政府的决定。", (), {"澳大利亚联邦政府"}, {"中国方面尊重澳大利亚联邦政府"}),
    ("他在著名学府清华大学发表演讲。", (("清华大学", "ORG"),), set(), {"学府清华大学"}),
    ("省安全监督委员会会同省自然资源厅开展检查。", (("省安全监督委员会", "ORG"), ("省自然资源厅", "ORG")),
     {"省自然资源厅"}, {"省安全监督委员会会同省自然资源厅"}),
    # ... but not after a parent institution, a country, a conjunction or inside a known name
    ("中国地质调查局武汉地质调查中心发布报告。", (), {"中国地质调查局武汉地质调查中心"}, set()),
    ("中华人民共和国国务院发布通知。", (), {"中华人民共和国国务院"}, set()),
    ("国家统计和经济研究中心发布数据。", (("经济研究中心", "ORG"),), {"国家统计和经济研究中心"}, set()),
    ("据悉，生态环境部督察组在督察中发现问题。", (("环境部督察组", "ORG"),), {"生态环境部督察组"}, set()),
])
def test_body_walk_stops_at_the_clause(text: str, model: tuple[tuple[str, str], ...], wanted: set[str],
                                       unwanted: set[str]) -> None:
    got = _proposals(text, model)["ORG"]
    assert wanted <= got
    assert not unwanted & got


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("本报记者连月来，走访了矿区。", "连月来", None),
    ("老矿长郑重地说道，安全第一。", "郑重地", None),
    ("副矿长李国强说，产量稳定。", "李国强", "李国强"),
    ("该法第Ⅳ部对采矿权作出规定。", "第Ⅳ部", None),
])
def test_tidy_model_spans(text: str, surface: str, expected: str | None) -> None:
    start = text.index(surface)
    label = "ORG" if surface.endswith("部") else "PERSON"
    got = rules_zh.tidy_model_span(text, Candidate(start, start + len(surface), label, MODEL, "zh"))
    assert (None if got is None else text[got.start:got.end]) == expected


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("据悉，华岭新材已签署协议。", "华岭新材", "ORG"),  # a brand + an industry word read as a person
    ("副矿长李国强说，产量稳定。", "李国强", "PERSON"),
])
def test_a_model_person_shaped_like_a_company_is_a_company(text: str, surface: str, label: str) -> None:
    start = text.index(surface)
    got = rules_zh.tidy_model_span(text, Candidate(start, start + len(surface), "PERSON", MODEL, "zh"))
    assert got is not None and (text[got.start:got.end], got.label) == (surface, label)


@pytest.mark.parametrize(("span", "is_class"), [
    ("券商系证券公司", True),  # brokerage-backed securities firms, as a group
    ("央企背景基金公司", True),
    ("能源类上市公司", True),
    ("龙华系矿业", True),
    ("北方矿业科技公司", False),  # a name
    ("国家标准体系研究院", False),  # 体系 is a word, not a class marker
    ("南方大学化学系", False),  # a department: 系 ends the name
])
def test_a_class_of_institutions_is_no_name(span: str, is_class: bool) -> None:
    assert rules_zh.names_a_class(span) is is_class


@pytest.mark.parametrize(("span", "is_kind"), [
    ("人民法院", True),  # 当地|人民法院: whichever court is local
    ("县级人民政府", True),  # a class of levels, no place
    ("各级人民检察院", True),
    ("人民医院", True),
    ("人民法院民事庭", True),  # a unit of such a body
    ("最高人民法院", False),  # one court
    ("云岭省人民政府", False),  # a place makes it a name
    ("人民日报", False),  # not a body every level has
    ("人民银行", False),
])
def test_a_body_every_level_has_without_a_place_is_a_kind(span: str, is_kind: bool) -> None:
    assert rules_zh.kind_of_body(span) is is_kind


def test_the_recognizer_drops_a_class_of_institutions_the_model_reads_as_one() -> None:
    from pipeline.ner.combine import with_rules
    from pipeline.ner.inputs import NerInput
    from pipeline.ner.resolve import resolve
    from pipeline.records import Segment

    text = "今年以来，券商系证券公司的净利润普遍下滑，北方矿业科技公司则逆势增长。"
    model = [Candidate(text.index(s), text.index(s) + len(s), "ORG", MODEL, "zh")
             for s in ("券商系证券公司", "北方矿业科技公司")]
    doc = NerInput(text, [Segment(0, len(text), "zh")], _bounds(text))
    orgs = {text[c.start:c.end] for c in resolve(with_rules(doc, model)) if c.label == "ORG"}
    assert "北方矿业科技公司" in orgs and not any("券商" in o for o in orgs)


@pytest.mark.parametrize(("tail", "tails"), [
    ("救助中心", True),  # 龙岗区儿童救助中心 … 在救助中心: a later short reference
    ("钨业集团", False),  # 中国钨业集团 without its place: the body's short form
    ("韶关供电公司", False),  # opens with a place: a name of its own
    ("北方稀土", False),  # listed
    ("高等法院", False),  # the whole name after a place in its long form
    ("县委", False),  # an elliptical body (dev conventions 10)
    ("评审委员会", False),  # a body of the body before it
])
def test_the_generic_tail_of_a_longer_institution_is_a_reference(tail: str, tails: bool) -> None:
    names = {"龙岗区儿童救助中心", "中国钨业集团", "国网广东韶关供电公司", "包头市北方稀土", "澳门特别行政区高等法院",
             "中共安平县委", "第二届政府评审委员会"}
    assert rules_zh.generic_tail(tail, names) is tails


def test_a_model_place_that_is_a_company_brand_in_the_document_is_no_place() -> None:
    from pipeline.ner.combine import with_rules
    from pipeline.ner.inputs import NerInput
    from pipeline.ner.resolve import resolve
    from pipeline.records import Segment

    text = "龙头企业溪岭股份发布公告。公司将在安顺开展溪岭风光储一体化项目。"  # 企业 opens no brand
    model = [Candidate(text.index("溪岭股份"), text.index("溪岭股份") + 4, "ORG", MODEL, "zh"),
             Candidate(text.rindex("溪岭"), text.rindex("溪岭") + 2, "LOC", MODEL, "zh"),
             Candidate(text.index("安顺"), text.index("安顺") + 2, "LOC", MODEL, "zh")]
    doc = NerInput(text, [Segment(0, len(text), "zh")], _bounds(text))
    got = {(text[c.start:c.end], c.label) for c in resolve(with_rules(doc, model))}
    assert ("溪岭股份", "ORG") in got and ("安顺", "LOC") in got and ("溪岭", "LOC") not in got


def test_a_centre_that_is_a_room_is_no_institution_but_its_owner_and_places_stay() -> None:
    from pipeline.ner.combine import with_rules
    from pipeline.ner.inputs import NerInput
    from pipeline.ner.resolve import resolve
    from pipeline.records import Segment

    text = "在湖北省宜昌市鑫川总部数字化调度中心，大屏上的数据实时跳动。"
    span = "湖北省宜昌市鑫川总部数字化调度中心"
    model = [Candidate(text.index(span), text.index(span) + len(span), "ORG", MODEL, "zh")]
    doc = NerInput(text, [Segment(0, len(text), "zh")], _bounds(text))
    got = {(text[c.start:c.end], c.label) for c in resolve(with_rules(doc, model))}
    assert {("湖北省", "LOC"), ("宜昌市", "LOC"), ("鑫川", "ORG")} <= got
    assert not any(label == "ORG" and s.endswith("中心") for s, label in got)


@pytest.mark.parametrize(("text", "kept"), [
    ("矿区新貌。张立新摄（影像中国）", False),  # a photo column's label
    ("矿区新貌。（新华社发）", True),
    ("矿区新貌。张立新摄（新华社发）", True),  # a source credit stays
])
def test_a_photo_columns_label_gives_no_entity(text: str, kept: bool) -> None:
    from pipeline.ner.combine import with_rules
    from pipeline.ner.inputs import NerInput
    from pipeline.ner.resolve import resolve
    from pipeline.records import Segment

    doc = NerInput(text, [Segment(0, len(text), "zh")], _bounds(text))
    got = {text[c.start:c.end] for c in resolve(with_rules(doc, [])) if c.label in ("LOC", "ORG")}
    assert bool(got & {"中国", "新华社"}) is kept


@pytest.mark.parametrize(("span", "counts"), [
    ("宁波五家分公司", True),  # a count of branches
    ("北京两所大学", True),  # 所 + a noun: a count of schools
    ("第二所大学", True),  # 第 orders schools
    ("岚州市供水保障二所", False),  # a numbered unit: 所 is the name's suffix
    ("岚州地质研究三所", False),
])
def test_a_count_is_not_a_numbered_unit(span: str, counts: bool) -> None:
    assert rules_zh._enumerated(span) is counts


def _tidy(text: str, span: str) -> str | None:
    s = text.index(span)
    c = rules_zh.tidy_model_span(text, Candidate(s, s + len(span), "ORG", MODEL, "zh"))
    return None if c is None else text[c.start:c.end]


def test_a_model_institution_is_cut_before_a_title_that_starts_after_its_suffix() -> None:
    text = "全国人大代表，岚州市供水保障二所党总支书记王小梅说。"
    assert _tidy(text, "岚州市供水保障二所党总支") == "岚州市供水保障二所"
    text = "岚山矿业有限公司总经理李明说。"
    assert _tidy(text, "岚山矿业有限公司总") == "岚山矿业有限公司"
    text = "外交部长李明会见了来宾。"  # 部长 is short: the ministry is not cut to 外交
    assert _tidy(text, "外交部") == "外交部"


def test_a_numbered_unit_before_a_title_stays_where_the_segmenter_glued_its_end() -> None:
    text = "全国人大代表，岚州市供水保障二所党总支书记王小梅说。"
    s, e = text.index("岚州"), text.index("党总支")
    bounds = frozenset({0, 2, 6, 7, 10, 12, 14, 16, 18, 19, 21})  # 二所党|总支, as pkuseg cuts it
    kept = rules_zh.vet_model(text, [Candidate(s, e, "ORG", MODEL, "zh")], [], bounds)
    assert [text[c.start:c.end] for c in kept] == ["岚州市供水保障二所"]


@pytest.mark.parametrize(("text", "person", "place", "kept"), [
    ("孙中山就任临时大总统。", "孙中山", "中山", False),  # the given name of the model's person
    ("范长江新闻奖评选揭晓。", "范长江", "长江", False),
    ("会议于北京召开。", "于北京", "北京", True),  # 于 is a function word, not a surname here
    ("他在中山工作。", "", "中山", True),  # no person around it
])
def test_a_listed_place_that_is_a_persons_given_name_is_no_place(text: str, person: str, place: str,
                                                                  kept: bool) -> None:
    at = text.index(place)
    places = [Candidate(at, at + len(place), "LOC", "gazetteer", "zh")]
    model = [Candidate(text.index(person), text.index(person) + len(person), "PERSON", MODEL, "zh")] if person else []
    assert (rules_zh.given_name_places(text, places, model) == places) is kept


def test_a_list_marker_is_no_part_of_a_model_span() -> None:
    text = "这条隧道位于①津轻海峡②大阪湾。"
    s = text.index("①")
    c = rules_zh.tidy_model_span(text, Candidate(s, s + 5, "LOC", MODEL, "zh"))
    assert c is not None and text[c.start:c.end] == "津轻海峡"


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("福利中心即将搬迁到新院区，工作人员正在打包。", "新院区", False),  # a new campus: no name
    ("学校的老校区已经改造。", "老校区", False),
    ("该厂的东厂区停产检修。", "东厂区", False),
])
def test_a_model_place_that_is_a_generic_campus_or_plant_area_is_no_place(text: str, span: str,
                                                                          kept: bool) -> None:
    s = text.index(span)
    vetted = rules_zh.vet_model(text, [Candidate(s, s + len(span), "LOC", MODEL, "zh")], [])
    assert bool(vetted) is kept


@pytest.mark.parametrize(("words", "persons"), [
    (("作为", "岳明远", "经济思想", "的", "组成部分"), ["岳明远"]),  # a doctrine named after its author
    (("学习", "岳明远", "生态文明思想"), ["岳明远"]),
    (("学员", "完成", "高科技", "理论", "学习"), []),  # plain 理论: no cue
    (("应", "坚持", "经济思想", "的", "指导"), []),  # two words, no name
])
def test_a_doctrine_named_after_its_author_names_a_person(words: tuple[str, ...], persons: list[str]) -> None:
    text = "".join(words)
    bounds, at = {0}, 0
    for w in words:
        at += len(w)
        bounds.add(at)
    assert [text[s:e] for s, e in rules_zh.persons_before_doctrines(text, 0, len(text), bounds)] == persons


@pytest.mark.parametrize("text", ["我们将在大冶铜矿深部和外围开展找矿。", "公司在灵宝金矿浅部和深部均有发现。"])
def test_a_position_word_ending_in_bu_is_no_department(text: str) -> None:
    assert not {o for o in _proposals(text)["ORG"] if o.endswith(("深部", "浅部", "尾部"))}


@pytest.mark.parametrize(("text", "orgs"), [
    ("公司全资子公司岭北国际有限公司签署协议。", {"岭北国际有限公司"}),  # an unnamed owner: the subsidiary alone
    ("岭北矿业全资子公司岭北国际有限公司签署协议。", {"岭北国际有限公司"}),
    ("岭北矿业控股股东岭北集团有限公司增持股份。", {"岭北集团有限公司"}),
])
def test_an_ownership_word_inside_a_suffixed_name_parts_two_institutions(text: str, orgs: set[str]) -> None:
    assert _proposals(text)["ORG"] >= orgs and not any("子公司" in o or "股东" in o for o in _proposals(text)["ORG"])


def test_a_named_owner_before_the_ownership_word_is_an_institution_too() -> None:
    from pipeline import extract

    texts = ["岭北矿业全资子公司岭北国际有限公司签署协议。", "岭北矿业控股股东岭北集团有限公司增持股份。"]
    mentions = extract(texts)["mentions"]
    orgs = set(mentions[mentions.label == "ORG"]["text"])
    assert {"岭北矿业", "岭北国际有限公司", "岭北集团有限公司"} <= orgs
    assert not any("子公司" in o or "股东" in o for o in orgs)
