"""Fraction reader: X分之Y written in words (三分之一 → fraction 0.333333; 百分之三十 → 30 %).

These are read apart from the number chain because the denominator comes first.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.figures.grammar import Grammar
from pipeline.figures.numbers import normalize, parse_zh
from pipeline.figures.readers.qualifier import qualifier_class
from pipeline.figures.reading import ReadFigure

_SIX_PLACES = Decimal("0.000001")
_PREFIX_WINDOW = 16


def fractions(g: Grammar, norm: str) -> list[ReadFigure]:
    """Every X分之Y in the text."""
    out = []
    for m in g.fraction.finditer(norm):
        den = parse_zh(m.group("den")) if not m.group("den").isdigit() else Decimal(m.group("den"))
        num_text = m.group("num")
        end = m.end()
        num = Decimal(num_text.replace(",", "")) if num_text[0].isdigit() else parse_zh(num_text)
        while num is None and len(num_text) > 1:  # 百分之七十百分位: stop where the numeral stops
            num_text, end = num_text[:-1], end - 1
            num = parse_zh(num_text)
        if den is None or num is None or den == 0:
            continue
        start = m.start()
        qualifier = None
        qm = g.qual_before.search(norm[max(0, start - _PREFIX_WINDOW) : start])
        if qm and (qualifier := qualifier_class(g, qm.group("q"))):
            start = start - (min(start, _PREFIX_WINDOW) - qm.start())
        if den >= 100 and den == Decimal(10) ** (len(str(int(den))) - 1):
            # 百分之/千分之/万分之: a percentage (千分之一 = 0.1 %)
            out.append(ReadFigure(start, end, normalize(num * 100 / den), None, "%", qualifier, "percent"))
        else:
            value = normalize((num / den).quantize(_SIX_PLACES))
            out.append(ReadFigure(start, end, value, None, "fraction", qualifier, "percent"))
    return out
