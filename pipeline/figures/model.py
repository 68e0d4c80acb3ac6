"""The figure extractor's output record."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure found in a text: its span, its reading, and its value in comparable units.

    ``text == source[start:end]``; ``value``/``value_high`` are in ``unit`` as written
    (scale words applied), ``value_si``/``value_high_si`` in ``si_unit``.
    """

    start: int
    end: int
    text: str
    value: Decimal
    value_high: Decimal | None
    unit: str
    qualifier: str | None
    kind: str
    value_si: Decimal | None
    value_high_si: Decimal | None
    si_unit: str | None
