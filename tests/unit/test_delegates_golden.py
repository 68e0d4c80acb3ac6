"""Golden cases for relate(): short texts with their persons and the expected body, titles and affiliations.

``cases.jsonl`` holds the rule cases; ``phrasings.jsonl`` one group per phrasing category of issue 12
(field ``category``), traps included. The mentions come from locating the case's person and
organisation names in the text (pipeline.delegates.locate), standing in for the NER stage; the
sentences come from the real segment stage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.delegates import relate
from pipeline.delegates.locate import locate
from pipeline.records import ORG, PERSON, Delegate
from pipeline.tools.delegates_seed_eval import sentences_of

DATA = Path(__file__).resolve().parents[1] / "data" / "delegates"


def _load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]


CASES = _load("cases.jsonl")
PHRASINGS = _load("phrasings.jsonl")


def run_case(case: dict[str, Any]) -> dict[str, Delegate]:
    names = [p["name"] for p in case["persons"]] + case["extra_persons"]
    mentions = locate(case["text"], names, PERSON, case["id"]) + locate(
        case["text"], case["orgs"], ORG, case["id"]
    )
    return {d.name: d for d in relate(case["text"], mentions, sentences_of([case["text"]])[0])}


def check(case: dict[str, Any]) -> None:
    got = run_case(case)
    assert sorted(got) == sorted(p["name"] for p in case["persons"])
    for want in case["persons"]:
        d = got[want["name"]]
        assert d.body == want["body"], (want["name"], case["note"])
        for field in ("titles", "affiliations"):
            if field in want:
                assert list(getattr(d, field)) == want[field], field
        for field in ("term", "session"):
            if field in want:
                assert getattr(d, field) == want[field], field
        if "n_mentions" in want:
            assert len(d.mention_ids) == want["n_mentions"]
        if "evidence" in want:
            assert d.evidence_start is not None and d.evidence_end is not None
            assert case["text"][d.evidence_start : d.evidence_end] == want["evidence"]
        if d.body is None:
            assert (d.evidence_start, d.evidence_end, d.term, d.session) == (None, None, None, None)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    check(case)


@pytest.mark.parametrize("case", PHRASINGS, ids=[c["id"] for c in PHRASINGS])
def test_golden_phrasing(case: dict[str, Any]) -> None:
    check(case)


def test_cases_cover_both_languages_and_negatives() -> None:
    langs = {c["lang"] for c in CASES}
    negatives = {c["lang"] for c in CASES if any(p["body"] is None for p in c["persons"])}
    assert langs == negatives == {"zh", "en"}


def test_phrasings_cover_every_category_of_the_issue() -> None:
    categories = {c["category"] for c in PHRASINGS}
    assert categories == {
        "zh cue after the name", "zh full post then 某某代表", "zh lists", "zh group word 代表委员",
        "zh body settled by the document", "en enumerations", "en profile columns", "en appositions",
        "en CPPCC standing committee", "en political advisor / national lawmaker", "en later mention links back",
        "en two scripts", "trap",
    }
    traps = [c for c in PHRASINGS if c["category"] == "trap"]
    assert {c["lang"] for c in traps} == {"zh", "en"}
    national = {"NPC", "NPCSC", "CPPCC", "CPPCC_SC"}
    assert all(p["body"] not in national for c in traps for p in c["persons"])
