"""The conversion table is data with a source for each factor; every unit the grammar emits converts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.figures import extract_figures, si_factor, to_si
from pipeline.figures.grammar_data import load_grammar_data

_COUNTS = {"item", "person", "time", "times", "share"}


def test_figures_every_unit_has_a_conversion_or_is_a_count() -> None:
    t = load_grammar_data()
    for form in t.unit_forms:
        base = form.unit.split("/")[0]
        assert base in t.conversions or base in _COUNTS, form
        if "/" in form.unit:
            assert si_factor(form.unit) is not None, form


def test_figures_conversion_factors_are_positive_and_sourced() -> None:
    for code, c in load_grammar_data().conversions.items():
        assert c.factor > 0, code
        assert c.source, code


@pytest.mark.parametrize(
    ("value", "unit", "si", "si_unit"),
    [
        ("1", "mu", "666.67", "m2"),
        ("1", "jin", "0.5", "kg"),
        ("1", "acre", "4046.8564224", "m2"),
        ("93.88", "km2", "93880000", "m2"),
        ("3", "ha", "30000", "m2"),
        ("2", "t", "2000", "kg"),
        ("7.9", "%", "0.079", "ratio"),
        ("5", "tce", "5", "tce"),
        ("100", "CNY", "100", "CNY"),
        ("500", "CNY/t", "0.5", "CNY/kg"),
        ("120", "t/year", "120000", "kg/year"),
    ],
)
def test_figures_to_si(value: str, unit: str, si: str, si_unit: str) -> None:
    assert to_si(Decimal(value), unit) == (Decimal(si), si_unit)


def test_figures_counts_have_no_si_value() -> None:
    assert to_si(Decimal(5), "person") == (None, None)


def test_figures_extracted_figures_carry_si_values() -> None:
    (a,) = extract_figures("治理面积超过 8200 万亩")
    assert (a.value_si, a.si_unit) == (Decimal("82000000") * Decimal("666.67"), "m2")
    (b,) = extract_figures("5-7 days")
    assert (b.value_si, b.value_high_si, b.si_unit) == (Decimal(432000), Decimal(604800), "s")
