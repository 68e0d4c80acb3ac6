"""The error listing: each missed and spurious item, keyed as the scorer keys it, shown in its sentence."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from pipeline.tools.eval.error_listing import DocText, list_errors, sentence_of, to_markdown, write_listing
from pipeline.tools.eval.scoring import format_side_by_side, load_docs, score

TEXT = "王小明是某矿业公司的工程师。他说今年产量约3万吨。The Acme Mining Co. expanded."
_CUTS = (0, TEXT.index("他"), TEXT.index("The"), len(TEXT))
SENTS = tuple(pairwise(_CUTS))
GOLD = {"doc": "a.txt", "lang": "zh",
        "persons": [{"name": "王小明", "delegate_body": "NPC", "titles": []}],
        "orgs": ["Acme Mining Co."], "locs": [],
        "minerals": [], "figures": [{"text": "约3万吨", "value": 30000, "value_high": None, "unit": "t",
                                     "qualifier": "approx"}]}
PRED = {"doc": "a.txt", "lang": "zh",
        "persons": [{"name": "王小明", "delegate_body": None, "titles": []}],
        "orgs": ["Acme"], "locs": ["某矿业"], "minerals": [],
        "figures": [{"text": "约3万吨", "value": 3, "value_high": None, "unit": "t", "qualifier": "approx"}]}


def test_error_listing_counts_match_the_scorer() -> None:
    errors = list_errors("dev", [GOLD], [PRED], {"a.txt": DocText(TEXT, SENTS)})
    found = {(e.type, e.kind, e.surface) for e in errors}
    assert ("DELEGATE", "missed", "王小明") in found
    assert ("ORG", "missed", "Acme Mining Co.") in found and ("ORG", "spurious", "Acme") in found
    assert ("LOC", "spurious", "某矿业") in found
    assert ("FIGURE", "missed", "约3万吨") in found and ("FIGURE", "spurious", "约3万吨") in found
    rows = {(r["group"], r["type"]): r for r in score(load_docs([_line(GOLD)]), load_docs([_line(PRED)]))}
    for t in ("PERSON", "DELEGATE", "ORG", "LOC", "FIGURE", "MEASURE"):
        r = rows[("all", t)]
        assert sum(e.type == t and e.kind == "missed" for e in errors) == r["gold"] - r["tp"]
        assert sum(e.type == t and e.kind == "spurious" for e in errors) == r["pred"] - r["tp"]


def test_error_listing_delegate_note_says_what_was_predicted() -> None:
    errors = list_errors("dev", [GOLD], [PRED], {})
    delegate = next(e for e in errors if e.type == "DELEGATE")
    assert delegate.note == "predicted: a person with no body"
    no_person = list_errors("dev", [GOLD], [{**PRED, "persons": []}], {})
    assert next(e for e in no_person if e.type == "DELEGATE").note == "person not predicted"


def test_error_listing_sentence_marks_the_item_within_its_sentence_only() -> None:
    doc = DocText(TEXT, SENTS)
    assert sentence_of(doc, "约3万吨") == "他说今年产量⟦约3万吨⟧。"
    assert sentence_of(doc, "Acme") == "The ⟦Acme⟧ Mining Co. expanded."
    assert sentence_of(doc, "not there").startswith("(not found")
    assert sentence_of(None, "x") == ""


def test_error_listing_markdown_and_jsonl_are_written(tmp_path: Path) -> None:
    errors = list_errors("dev", [GOLD], [PRED], {"a.txt": DocText(TEXT, SENTS)})
    page, jsonl = write_listing(errors, tmp_path / "sub" / "errors.md")
    text = page.read_text(encoding="utf-8")
    assert "## dev / a.txt (zh)" in text and "| dev | ORG | 1 | 1 |" in text
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == len(errors)
    assert to_markdown([]).startswith("# Error listing")


def test_scoring_side_by_side_puts_each_set_in_its_own_columns() -> None:
    rows_a = score(load_docs([_line(GOLD)]), load_docs([_line(GOLD)]), by_lang=True)
    rows_b = score(load_docs([_line(GOLD)]), load_docs([_line(PRED)]), by_lang=True)
    table = format_side_by_side({"seeds": rows_a, "dev": rows_b}).splitlines()
    assert "seeds" in table[0] and "dev" in table[0]
    org = next(line for line in table if line.startswith("zh    ORG"))
    assert org.count("1.000") == 3 and org.rstrip().endswith("0.000")


def _line(d: dict[str, object]) -> str:
    import json

    return json.dumps(d, ensure_ascii=False)
