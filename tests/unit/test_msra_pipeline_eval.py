"""The MSRA whole-pipeline evaluation's input writer and its filters (one-character items, items outside the
project's conventions), on files written here."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.tools.eval.msra_pipeline_eval import outside_conventions, without_single_characters, write_inputs


def test_inputs_one_document_per_distinct_sentence_with_its_gold(tmp_path: Path) -> None:
    bio = tmp_path / "test_bio"
    rows = ["王\tB-PER", "明\tI-PER", "去\tO", "杭\tB-LOC", "州\tI-LOC", "", "王\tB-PER", "明\tI-PER", "去\tO",
            "杭\tB-LOC", "州\tI-LOC", "", "中\tB-LOC", "美\tB-LOC", "合\tO", "作\tO", ""]
    bio.write_text("\n".join(rows) + "\n", encoding="utf-8")
    counts = write_inputs(bio, tmp_path / "work")
    assert counts == {"documents": 2, "skipped_repeats_or_empty": 1}
    docs = [json.loads(line) for line in (tmp_path / "work" / "input" / "msra_test.jsonl").open(encoding="utf-8")]
    gold = [json.loads(line) for line in (tmp_path / "work" / "gold.jsonl").open(encoding="utf-8")]
    assert [d["text"] for d in docs] == ["王明去杭州", "中美合作"]
    assert gold[0]["persons"][0]["name"] == "王明" and gold[0]["locs"] == ["杭州"]
    assert sorted(gold[1]["locs"]) == ["中", "美"]


def test_single_character_items_are_left_out_of_both_sides(tmp_path: Path) -> None:
    src = tmp_path / "gold.jsonl"
    src.write_text(json.dumps({"doc": "d1", "lang": "zh", "persons": [{"name": "江", "titles": []},
                                                                     {"name": "王明", "titles": []}],
                               "orgs": ["国务院"], "locs": ["中", "美", "杭州"]}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out = json.loads(without_single_characters(src, tmp_path / "multi.jsonl").read_text(encoding="utf-8"))
    assert [p["name"] for p in out["persons"]] == ["王明"]
    assert out["locs"] == ["杭州"] and out["orgs"] == ["国务院"]


def test_items_the_guidelines_rule_out_are_left_out_of_both_sides(tmp_path: Path) -> None:
    src = tmp_path / "pred.jsonl"
    record = {"doc": "d1", "lang": "zh", "persons": [{"name": "王明", "titles": []}],
              "orgs": ["全国人民代表大会", "第十届全国人民代表大会", "西岭党第三次全国代表大会", "西岭党七大", "委员会",
                       "西岭党", "西岭饭店", "工作会议"],
              "locs": ["杭州", "西岭机场", "港", "中华"]}
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = json.loads(outside_conventions(src, tmp_path / "kept.jsonl").read_text(encoding="utf-8"))
    assert out["orgs"] == ["全国人民代表大会", "西岭党"]  # the body stays; its sessions and a hotel go
    assert out["locs"] == ["杭州"] and [p["name"] for p in out["persons"]] == ["王明"]


def test_a_session_is_scored_as_its_body_and_governments_go(tmp_path: Path) -> None:
    src = tmp_path / "gold.jsonl"
    record = {"doc": "d1", "lang": "zh", "persons": [],
              "orgs": ["西岭党第三次全国代表大会", "东林会七大", "第十届全国人民代表大会", "九届全国人大常委会",
                       "十五大", "第十五次全国代表大会", "西岭国政府", "县政府", "西岭党"],
              "locs": []}
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = json.loads(outside_conventions(src, tmp_path / "kept.jsonl").read_text(encoding="utf-8"))
    assert out["orgs"] == ["西岭党", "东林会", "全国人民代表大会", "全国人大常委会"]
