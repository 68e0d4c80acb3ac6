"""Grouping person mentions into persons: which short mentions join which full name."""

from __future__ import annotations

import pytest

from pipeline.delegates.persons import full_name, group_persons
from pipeline.records import PERSON, Mention


def _mentions(text: str, names: list[str]) -> list[Mention]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Mention(start, start + len(name), name, PERSON, "model"))
        pos = start + len(name)
    return out


def _groups(text: str, names: list[str]) -> list[list[str]]:
    return [[m.text for m in g] for g in group_persons(_mentions(text, names))]


@pytest.mark.parametrize(("text", "names", "groups"), [
    # a transliterated part written alone is the dotted name's person, at its end or its start
    ("会上，路易斯·塞普尔韦达介绍了情况。塞普尔韦达说，产量增长。", ["路易斯·塞普尔韦达", "塞普尔韦达"],
     [["路易斯·塞普尔韦达", "塞普尔韦达"]]),
    ("卡洛斯•门多萨说，卡洛斯认为价格会回升。", ["卡洛斯•门多萨", "卡洛斯"], [["卡洛斯•门多萨", "卡洛斯"]]),
    # two dotted names sharing the part: the short mention stays its own
    ("路易斯·塞普尔韦达和安娜·塞普尔韦达出席。塞普尔韦达说。", ["路易斯·塞普尔韦达", "安娜·塞普尔韦达", "塞普尔韦达"],
     [["路易斯·塞普尔韦达"], ["安娜·塞普尔韦达"], ["塞普尔韦达"]]),
    # a Han name's short form is another person (刘俊 and 刘俊来)
    ("刘俊来表示，刘俊也表示。", ["刘俊来", "刘俊"], [["刘俊来"], ["刘俊"]]),
    # a middle part is no short mention
    ("穆罕默德·本·萨勒曼会见了本。", ["穆罕默德·本·萨勒曼", "本"], [["穆罕默德·本·萨勒曼"], ["本"]]),
    # Latin short mentions, as before
    ("Yan Hongwei spoke. Yan said so.", ["Yan Hongwei", "Yan"], [["Yan Hongwei", "Yan"]]),
])
def test_short_mentions_join_the_only_full_name_they_are_part_of(text: str, names: list[str],
                                                                  groups: list[list[str]]) -> None:
    assert _groups(text, names) == groups


def test_the_full_name_is_the_longest_form() -> None:
    text = "塞普尔韦达说，路易斯·塞普尔韦达表示。"
    groups = group_persons(_mentions(text, ["塞普尔韦达", "路易斯·塞普尔韦达"]))
    assert [full_name(g) for g in groups] == ["路易斯·塞普尔韦达"]
