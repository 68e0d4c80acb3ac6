"""Series reader: numbers that share one unit written once (CONVENTIONS.md 3).

- a slash series: 12.6/15.1/17.8亿元, with an optional bracketed series of earlier values
  (12.6/15.1/17.8（前值9.4/11.2/13.5）亿元) → one figure per number, each with the scale and unit;
- a pair joined by 和/与/及/、/或 whose first amount has its scale but no unit: 2.8亿和36亿元 → both
  yuan.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from pipeline.figures.grammar import Grammar
from pipeline.figures.numbers import normalize, zh_scale_value
from pipeline.figures.reading import Num, ReadFigure

_GLUED_BEFORE = "0123456789.,/"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHARED_KINDS = frozenset({"money", "mass", "volume", "area", "length", "energy", "power"})
_TEN_THOUSAND = Decimal(10000)


def slash_series(g: Grammar, norm: str) -> list[ReadFigure]:
    """12.6/15.1/17.8亿元: one figure per number of a slash series that ends in a unit."""
    out: list[ReadFigure] = []
    for m in g.slash_series.finditer(norm):
        prev = norm[m.start() - 1] if m.start() > 0 else ""
        if prev and (prev in _GLUED_BEFORE or (prev.isascii() and prev.isalpha())):
            continue  # a code or a date part (v2/3, 1.5/2)
        main = m.group("main").split("/")
        if len(main) == 2 and all(x.isdigit() for x in main):
            continue  # 3/4元: a fraction or a date, not a series
        um = g.unit.match(norm, m.end())
        if um is None:
            continue
        form = g.unit_form(um.group("u"))
        if form is None or form.kind not in _SHARED_KINDS:
            continue
        scale = zh_scale_value(m.group("zh") or "") * form.scale
        for group in ("main", "paren"):
            if m.group(group) is None:
                continue
            base = m.start(group)
            for nm in _NUMBER.finditer(m.group(group)):
                value = normalize(Decimal(nm.group(0)) * scale)
                out.append(ReadFigure(base + nm.start(), base + nm.end(), value, None, form.unit, None, form.kind))
    return out


def shared_pairs(g: Grammar, norm: str, toks: list[Num], read: dict[int, ReadFigure]) -> list[ReadFigure]:
    """2.8亿和36亿元: a scaled amount with no unit takes the unit of the amount joined to it."""
    out = []
    for a, b in pairwise(toks):
        if a.start in read or a.scale < _TEN_THOUSAND or a.script not in ("ar", "zh"):
            continue
        fb = read.get(b.start)
        if fb is None or fb.kind not in _SHARED_KINDS or fb.value_high is not None:
            continue
        if not g.pair_join.fullmatch(norm, a.end, b.start):
            continue
        out.append(ReadFigure(a.start, a.end, normalize(a.value), None, fb.unit, None, fb.kind))
    return out
