"""Convert a figure to comparable units (m², kg, m³, m, s, ratio; money keeps its currency).

Why: "8200万亩" and "3万公顷" are only comparable after conversion; the table of
factors is data (``data/conversions.json``) with a source for each factor.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.figures.grammar_data import load_grammar_data
from pipeline.figures.numbers import normalize


def si_factor(unit: str) -> tuple[Decimal, str] | None:
    """(factor, si_unit) for a canonical unit or a rate ``num/den``; None for counts.

    >>> si_factor("mu")
    (Decimal('666.67'), 'm2')
    >>> si_factor("CNY/t")
    (Decimal('0.001'), 'CNY/kg')
    >>> si_factor("t/year")
    (Decimal('1000'), 'kg/year')
    """
    t = load_grammar_data()
    if "/" in unit:
        num, _, den = unit.partition("/")
        n = t.conversions.get(num)
        if n is None:
            return None
        if den in t.time_units:
            return n.factor, f"{n.si_unit}/{den}"
        d = t.conversions.get(den)
        if d is None:
            return n.factor, f"{n.si_unit}/{den}"
        return normalize(n.factor / d.factor), f"{n.si_unit}/{d.si_unit}"
    c = t.conversions.get(unit)
    if c is None:
        return None
    return c.factor, c.si_unit


def to_si(value: Decimal | None, unit: str) -> tuple[Decimal | None, str | None]:
    """Value in the comparable unit, or (None, None) when the unit has no conversion."""
    f = si_factor(unit)
    if f is None or value is None:
        return None, (f[1] if f else None)
    return normalize(value * f[0]), f[1]
