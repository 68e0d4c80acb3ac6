"""Golden cases for relate(): sentences with their persons and the expected body, titles and affiliations.

The mentions come from locating the case's person and organisation names in the
sentence (pipeline.delegates.locate), standing in for the NER stage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.delegates import relate
from pipeline.delegates.locate import locate
from pipeline.records import ORG, PERSON, Delegate

DATA = Path(__file__).resolve().parents[1] / "data" / "delegates" / "cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()
]


def run_case(case: dict[str, Any]) -> dict[str, Delegate]:
    names = [p["name"] for p in case["persons"]] + case["extra_persons"]
    mentions = locate(case["text"], names, PERSON, case["id"]) + locate(
        case["text"], case["orgs"], ORG, case["id"]
    )
    return {d.name: d for d in relate(case["text"], mentions)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    got = run_case(case)
    assert sorted(got) == sorted(p["name"] for p in case["persons"])
    for want in case["persons"]:
        d = got[want["name"]]
        assert d.body == want["body"], case["note"]
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


def test_cases_cover_both_languages_and_negatives() -> None:
    langs = {c["lang"] for c in CASES}
    negatives = {c["lang"] for c in CASES if any(p["body"] is None for p in c["persons"])}
    assert langs == negatives == {"zh", "en"}
