"""Figure extraction and normalisation (GUIDELINES.md, FIGURE): numbers with units, money, percents, counts.

Public API::

    extract_figures(text, lang=None) -> list[FigureMatch]   # sorted, non-overlapping spans
    parse_number(text) -> Decimal | None                    # "三千五百万" -> 35000000
"""

from pipeline.figures.convert import si_factor, to_si
from pipeline.figures.extract import extract_figures
from pipeline.figures.model import FigureMatch
from pipeline.figures.numbers import decimal_text, parse_number

__all__ = ["FigureMatch", "decimal_text", "extract_figures", "parse_number", "si_factor", "to_si"]
