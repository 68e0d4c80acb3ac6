"""Load the figure grammar's data files (units, numerals, counts, context, conversions).

Why: the grammar is data-driven (DESIGN.md): adding a unit, a classifier or a
qualifier is a data edit, not a code change. Everything is loaded once and
frozen; numbers are kept as ``Decimal`` so conversions stay exact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    """Read one JSON data file shipped inside the package."""
    data = resources.files("pipeline.figures").joinpath("data", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _public(d: dict[str, Any]) -> dict[str, Any]:
    """Drop the ``_about``-style comment keys of a data mapping."""
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass(frozen=True, slots=True)
class UnitForm:
    """One written form of a unit: what it reads as and how it must be matched."""

    surface: str
    unit: str
    kind: str
    script: str  # zh | en | sym
    scale: Decimal
    not_before: tuple[str, ...]
    zh_numeral_only: bool = False
    only_before: tuple[str, ...] = ()  # regex fragments; the form counts only before one of them ("2 in.")


@dataclass(frozen=True, slots=True)
class Conversion:
    si_unit: str
    factor: Decimal
    kind: str
    source: str


@dataclass(frozen=True, slots=True)
class Tables:
    """All grammar data, ready to compile."""

    unit_forms: tuple[UnitForm, ...]
    currency_prefix: dict[str, str]
    currency_prefix_any_case: tuple[str, ...]
    per_markers_zh: tuple[str, ...]
    per_markers_en: tuple[str, ...]
    per_zh: dict[str, str]
    per_en: dict[str, str]
    time_units: frozenset[str]
    numerals: dict[str, Any]
    counts: dict[str, Any]
    context: dict[str, Any]
    conversions: dict[str, Conversion]
    money_units: frozenset[str]
    iso_any_case: frozenset[str]
    ambiguous: dict[str, tuple[str, tuple[str, ...]]]


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    """Load and freeze every data file once per process."""
    units = _load("units.json")
    forms: list[UnitForm] = []
    money: set[str] = set()
    for entry in units["units"]:
        scale = Decimal(entry.get("scale", "1"))
        not_before = tuple(entry.get("not_before", ()))
        if entry["kind"] == "money":
            money.add(entry["unit"])
        for script in ("zh", "en", "sym"):
            for surface in entry.get(script, ()):
                forms.append(
                    UnitForm(
                        surface,
                        entry["unit"],
                        entry["kind"],
                        script,
                        scale,
                        not_before,
                        bool(entry.get("zh_numeral_only", False)),
                        tuple(entry.get("only_before", ())),
                    )
                )
    per = units["per"]
    conv_raw = _load("conversions.json")["units"]
    conversions = {
        code: Conversion(c["si"], Decimal(c["factor"]), c["kind"], c["source"])
        for code, c in conv_raw.items()
    }
    for code in money:
        conversions[code] = Conversion(code, Decimal(1), "money", "ISO 4217 code, no exchange rate")
    return Tables(
        unit_forms=tuple(forms),
        currency_prefix=_public(units["currency_prefix"]),
        currency_prefix_any_case=tuple(units["currency_prefix_any_case"]),
        per_markers_zh=tuple(per["markers_zh"]),
        per_markers_en=tuple(per["markers_en"]),
        per_zh=dict(per["zh"]),
        per_en=dict(per["en"]),
        time_units=frozenset(per["time_units"]),
        numerals=_load("numerals.json"),
        counts=_load("counts.json"),
        context=_load("context.json"),
        conversions=conversions,
        money_units=frozenset(money),
        iso_any_case=frozenset(units["iso_any_case"]),
        ambiguous={k: (v["money"], tuple(v["context"])) for k, v in _public(units["ambiguous"]).items()},
    )
