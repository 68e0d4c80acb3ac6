"""Golden cases for extract_figures, kept as data (tests/data/figures/golden_{zh,en}.jsonl).

Every case names the reader it exercises (``reader``: one of pipeline.figures.readers.READERS).
mode "exact": the figures found are exactly the listed ones (text, value, value_high, unit, qualifier).
mode "contains": a seed gold figure (unit, value, value_high, qualifier) is among those found in its sentence.
A case with "xfail" is a known failure, kept honest with strict xfail.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.figures import extract_figures
from pipeline.figures.readers import READERS

DATA = Path(__file__).resolve().parents[1] / "data" / "figures"


def _cases() -> list[Any]:
    params = []
    for lang in ("zh", "en"):
        for line in (DATA / f"golden_{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _dec(v: str | None) -> Decimal | None:
    return None if v is None else Decimal(v)


def _reading(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["unit"], _dec(f["value"]), _dec(f["value_high"]), f["qualifier"])


@pytest.mark.parametrize("case", _cases())
def test_figures_golden_case(case: dict[str, Any]) -> None:
    found = extract_figures(case["text"], case["lang"])
    got = [
        {
            "text": f.text,
            "value": str(f.value),
            "value_high": None if f.value_high is None else str(f.value_high),
            "unit": f.unit,
            "qualifier": f.qualifier,
        }
        for f in found
    ]
    if case["mode"] == "exact":
        assert [(g["text"], *_reading(g)) for g in got] == [
            (e["text"], *_reading(e)) for e in case["figures"]
        ]
    else:
        readings = {_reading(g) for g in got}
        for e in case["figures"]:
            assert _reading(e) in readings, f"{e} not in {got}"


def test_figures_golden_files_cover_both_languages_and_negatives() -> None:
    cases = [c.values[0] for c in _cases()]
    for lang in ("zh", "en"):
        mine = [c for c in cases if c["lang"] == lang]
        assert sum(1 for c in mine if c["mode"] == "exact" and not c["figures"]) >= 10  # negatives
        assert sum(1 for c in mine if c["mode"] == "contains") >= 15  # seed gold figures


def test_figures_golden_cases_name_a_reader_and_every_reader_has_its_own() -> None:
    cases = [c.values[0] for c in _cases()]
    unknown = sorted({c.get("reader") for c in cases} - set(READERS), key=str)
    assert unknown == [], f"cases naming no known reader: {unknown}"
    per_reader = Counter(c["reader"] for c in cases if c["mode"] == "exact" and not c.get("xfail"))
    assert {r: per_reader[r] for r in READERS if per_reader[r] < 3} == {}
