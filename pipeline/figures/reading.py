"""The state the readers pass along: one written number and what has been read around it so far.

Why a mutable reading: each reader (scale, unit, range, rate, qualifier, filters) adds what it finds
next to the number and moves the span's edges; keeping that in one small record lets every reader
be a short function with one job, and the chain's order is the grammar's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pipeline.figures.grammar import Grammar
from pipeline.figures.grammar_data import UnitForm

WINDOW = 24  # characters of left context a reader looks at


@dataclass(slots=True)
class Num:
    """A number as written: where it is, its value and how it was written."""

    start: int
    end: int
    value: Decimal
    script: str  # ar | zh | en | frac
    text: str
    scale: Decimal  # product of scale words written with it (万, million)
    vague: bool  # 余/多/几/数/上: the value is a floor
    year_like: bool


@dataclass(slots=True)
class Unit:
    """A unit form read after a number."""

    form: UnitForm
    end: int
    infix: bool  # 多/余 between the number and the unit (三个多月, 5万余吨)
    value: Decimal  # the number's value once the unit's own scale is applied
    num_end: int  # end of the number (may shrink when 千米 takes back the 千)


@dataclass(frozen=True, slots=True)
class Text:
    """One text being read: the compiled grammar, the normalised text and its numbers by start."""

    g: Grammar
    norm: str
    by_start: dict[int, Num]


@dataclass(slots=True)
class Reading:
    """What is known about the figure around one number; readers fill it in left to right."""

    tok: Num
    before: str  # the WINDOW characters before the number
    start: int  # span start before qualifiers (a currency sign moves it left)
    end: int
    value: Decimal
    value_high: Decimal | None = None
    unit: Unit | None = None
    currency: str | None = None  # code of a currency sign written before the number
    code: str | None = None  # the unit code of the figure
    kind: str | None = None
    vague: bool = False
    head: str = ""  # the counted English noun ("companies")
    qualifier: str | None = None
    qstart: int = -1  # span start including a qualifier before the number
    period: str | None = None  # the time a per-period cue before the number gave the rate (每年, 年产能)

    @property
    def form_surface(self) -> str:
        return self.unit.form.surface if self.unit else ""


@dataclass(slots=True)
class ReadFigure:
    """A finished figure reading, before overlap resolution."""

    start: int
    end: int
    value: Decimal
    value_high: Decimal | None
    unit: str
    qualifier: str | None
    kind: str
    period: str | None = None  # set when a per-period cue gave the rate; later figures may inherit it
