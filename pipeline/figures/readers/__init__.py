"""The figure readers, in the order they read around each number.

Each reader is a small function ``(text, reading) -> bool`` that adds what it finds next to the
number to the reading (and may move the span's edges); False means "not a figure" and stops the
chain. The order is the grammar's order:

    number → unit (currency sign) → scale → unit → range → rate → qualifier → filters

- the currency sign is read before the scale because a single letter is a scale only after one
  ("$5m");
- the range is read before the rate so that the rate after the high end applies to both ends
  ("$9.20-10.40 per kg"), and before 每吨…元 so that 每吨500-600元 is one range;
- a unit implied by the sentence (豪掷2.8亿 → yuan; 百万吨死亡率为0.054 → person/Mt) is read after 每克266.15
  (a price per gram implies yuan too) and before the test that a figure has a unit at all;
- per-period cues (年产能, 日均) are read after the written denominator so that 120万吨/年 keeps its
  own; 一吨半 is read once the rate is known (no half of a rate);
- the qualifier is read last but one because a range overrides it, and the filters need the whole
  span (a duration after 近 is a time reference, a count in quotes is a label).

Each golden case of the figure grammar names the reader it exercises (its ``reader`` field).
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.figures.readers import filters, number, qualifier, ranges, rate, scale, unit
from pipeline.figures.reading import Reading, Text

Reader = Callable[[Text, Reading], bool]

CHAIN: tuple[tuple[str, Reader], ...] = (
    ("number", number.is_quantity),
    ("unit", unit.sign_before),
    ("scale", scale.letter_scale),
    ("unit", unit.unit_after),
    ("unit", unit.counted_noun),
    ("unit", unit.people),
    ("unit", unit.bare_fraction),
    ("range", ranges.read_range),
    ("rate", rate.per_before),
    ("unit", unit.implied_money),
    ("unit", unit.metric_before),
    ("rate", rate.has_unit),
    ("rate", rate.per_after),
    ("rate", rate.period_before),
    ("unit", unit.half),
    ("qualifier", qualifier.read_qualifier),
    ("filters", filters.duration),
    ("filters", filters.count),
    ("filters", filters.money_year),
    ("filters", filters.names),
)

# The chain's readers, then the readers that scan the text on their own: X分之Y (fractions), amounts
# written as words (half of, double, 翻番, 数以万计) and numbers sharing one unit (12.6/15.1亿元).
READERS = ("number", "scale", "unit", "range", "rate", "qualifier", "filters", "fractions", "words", "series")
