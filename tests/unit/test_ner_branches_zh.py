"""Committees of parties and local people's organisations (``pipeline.ner.branches_zh``) and elliptical people's
organisations (``rules_zh.elliptical_bodies``). The sentences are made up for the tests; the places in them are
real ones, since a committee's place must be a listed place."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.ner import branches_zh, rules_zh
from pipeline.ner.inputs import RULE, Candidate
from pipeline.tools.eval.ner_seed_eval import pkuseg_inputs


def _committees(text: str, orgs: frozenset[tuple[int, int]] = frozenset()) -> list[str]:
    (_, bounds), = pkuseg_inputs([text])
    return sorted(text[s:e] for s, e in branches_zh.party_committees(text, 0, len(text), frozenset(bounds), orgs))


def _orgs(text: str) -> set[str]:
    mentions = extract([text])["mentions"]
    return {t for t, label in zip(mentions.text, mentions.label, strict=True) if label == "ORG"}


@pytest.mark.parametrize(("text", "committee"), [
    ("民革云南省委副主委在会上发言。", "民革云南省委"),  # party + province + 委
    ("台盟广东省委会议在广州召开。", "台盟广东省委"),
    ("致公党上海市委提交了一份提案。", "致公党上海市委"),  # the place's own level character
    ("九三学社天津市委员会举办了座谈会。", "九三学社天津市委员会"),
    ("农工党四川省委会主委出席活动。", "农工党四川省委会"),
    ("共青团包头市委组织青年志愿者。", "共青团包头市委"),
    ("民盟中央副主席出席了开幕式。", "民盟中央"),  # the central committee
    ("九三学社中央委员、省政协常委出席。", "九三学社中央"),  # 中央 before the member's title is the committee
])
def test_a_party_and_the_level_of_its_committee_are_one_name(text: str, committee: str) -> None:
    assert _committees(text) == [committee]


@pytest.mark.parametrize("text", [
    "大会将完成民进中央领导集体的新老交替。",  # the party's leadership: people, not the body
    "九三学社成员积极建言献策。",  # no committee after the party
    "他是民盟湖南省委员。",  # 委员 without 会: a member's title
    "民主党派和人民团体负责人出席。",  # a class of parties
    "人民建设了新家园。",  # 民建 inside a word, not the party
])
def test_no_committee_without_the_party_a_place_and_a_committee_word(text: str) -> None:
    assert _committees(text) == []


def test_a_committee_inside_a_longer_institution_is_left_to_it() -> None:
    text = "中共中央政治局常委出席会议。"
    assert _committees(text) == ["中共中央"]
    assert _committees(text, frozenset({(0, 7)})) == []  # 中共中央政治局 found otherwise


@pytest.mark.parametrize(("text", "body"), [
    ("会上，吉林省工商联提出了建议。", "吉林省工商联"),  # a province's body (the model reads 商联 as a person)
    ("会上，广西壮族自治区工商联提出了建议。", "广西壮族自治区工商联"),
    ("作为贵州省侨联的一员，她关注矿山安全。", "贵州省侨联"),  # (the model sees only the place)
    ("江西省赣州市妇联举办了培训班。", "江西省赣州市妇联"),  # places written in a row: as written
])
def test_a_place_before_a_peoples_organisation_is_its_local_body(text: str, body: str) -> None:
    found = _orgs(text)
    assert body in found
    assert not any(o != body and (o in body or body in o) for o in found)


def test_an_elliptical_peoples_organisation_has_nothing_between_level_and_body() -> None:
    text = "云岭省委、省工商联联合印发通知，市妇联随即部署。"
    found = {text[s:e] for s, e in rules_zh.elliptical_bodies(text, 0, len(text))}
    assert {"省工商联", "市妇联"} <= found
    text2 = "计划单列市和省会城市妇联主席出席了会议。"  # 省会城市: a class of cities, no level alone
    assert not any(f.endswith("妇联") for f in
                   (text2[s:e] for s, e in rules_zh.elliptical_bodies(text2, 0, len(text2))))


@pytest.mark.parametrize(("text", "body"), [
    ("冕宁稀土高新区管委会日前成立。", "冕宁稀土高新区管委会"),  # a zone's administrative committee
    ("宜岭经济技术开发区管委会主任出席。", "宜岭经济技术开发区管委会"),
    ("蛟溪工业园区党工委书记出席。", "蛟溪工业园区党工委"),
])
def test_a_zone_and_its_committee_are_one_institution(text: str, body: str) -> None:
    assert body in _orgs(text)
    zone_end = text.index(body) + len(body.rstrip("管委会党工"))  # the zone the place rules find
    zone = Candidate(text.index(body), zone_end, "LOC", RULE, "zh")
    assert [text[s:e] for s, e in branches_zh.zone_committees(text, 0, len(text), [zone])] == [body]


def test_no_committee_after_a_place_that_is_no_zone() -> None:
    text = "岚江市管委会成立。"  # a city is no zone
    assert list(branches_zh.zone_committees(text, 0, len(text), [Candidate(0, 3, "LOC", RULE, "zh")])) == []


@pytest.mark.parametrize(("text", "body"), [
    ("那坡县人民政府近日印发通知。", "那坡县人民政府"),  # a place opening with 那 is no determiner
    ("阿勒泰地区行政公署发布通告。", "阿勒泰地区行政公署"),  # a prefecture's administrative office
])
def test_local_governments_named_by_their_place(text: str, body: str) -> None:
    assert body in _orgs(text)


def test_a_determiner_still_opens_a_reference() -> None:
    assert _orgs("那家公司近日印发通知。") == set()
    assert _orgs("该区管委会近日印发通知。") == set()


@pytest.mark.parametrize(("text", "kind"), [
    ("各级工商联负责人表示。", True),  # a class of levels: the bodies of those levels
    ("县级妇联开展了培训。", True),
    ("希望统战部、工商联认真总结经验。", False),  # the organisation alone is a name
    ("在各级党委和工商联的领导下。", True),  # the last item of a list a class of levels opens
    ("各级统战部、工商联采取了措施。", True),
])
def test_a_peoples_organisation_after_a_class_of_levels_is_a_kind(text: str, kind: bool) -> None:
    body = next(b for b in ("工商联", "妇联") if b in text)
    at = text.index(body)
    assert rules_zh.levels_of_a_mass_body(text, at, at + len(body)) is kind
    assert (body in _orgs(text)) is not kind
