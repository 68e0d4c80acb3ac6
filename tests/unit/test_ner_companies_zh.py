"""Chinese company short names read from their context (``pipeline.ner.companies_zh``). Sentences and
company names are made up for the tests."""

from __future__ import annotations

import pytest

from pipeline.ner import companies_zh


def _lex() -> companies_zh._Lex:
    return companies_zh._lex()


@pytest.mark.parametrize(("text", "names"), [
    ("环保督察发现，民营炼化企业岚江炼化存在超产问题。", ["岚江炼化"]),  # after a describing noun
    ("西南磷化工龙头溪岭股份发布公告。", ["溪岭股份"]),
    ("这家企业发展很快，股份制改革已完成。", []),  # no brand before the industry word
    ("建议支持企业利用期货市场保障供给。", []),  # a plain 企业 alone: the object of a verb
])
def test_a_brand_after_a_noun_that_describes_it(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in companies_zh.brand_names(text, 0, len(text), _lex())] == names


@pytest.mark.parametrize(("text", "names"), [
    ("在湖北省宜昌市鑫川总部，工人正在装车。", ["鑫川"]),  # a brand right after a listed place in full
    ("记者来到鑫川总部，看到工人正在装车。", ["鑫川"]),
])
def test_the_owner_of_a_headquarters(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e, label in companies_zh.relations(text, 0, len(text), _lex(), lambda s, e: False)
             if label == "ORG"]
    assert found == names


def test_brands_of_company_names() -> None:
    assert companies_zh.brands({"溪岭股份", "溪岭煤电集团", "溪岭普定", "安顺市人民政府"}) == {"溪岭"}
