"""The main producers of critical minerals are read as companies by their lists, in both languages, through the
real pipeline, also where the model takes a short form for a person (Barrick, a surname too)."""

from __future__ import annotations

import pipeline


def test_listed_producers_are_companies_in_both_languages() -> None:
    texts = ["Cameco said on Tuesday it would cut uranium output.", "卡梅科周二表示，将削减铀产量。",
             "Mark Bristow told reporters that Barrick would expand in Nevada.", "莱纳斯稀土计划扩建马来西亚工厂。",
             "John Barrick, a geologist, said he had left the company."]
    tables = pipeline.extract(texts, ids=[str(i) for i in range(len(texts))])
    m = tables["mentions"].merge(tables["documents"][["doc_id", "external_id"]], on="doc_id")
    found = {(r.external_id, r.text, r.label) for r in m.itertuples()}
    assert {("0", "Cameco", "ORG"), ("1", "卡梅科", "ORG"), ("2", "Barrick", "ORG"), ("3", "莱纳斯稀土", "ORG"),
            ("4", "John Barrick", "PERSON")} <= found
    assert ("2", "Barrick", "PERSON") not in found
