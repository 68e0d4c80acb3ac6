"""Figure extraction and normalisation (GUIDELINES.md, FIGURE; eval/dev/CONVENTIONS.md 1-6, English 14-20):
numbers with units, money, percents, counts, rates and ages.

Public API::

    extract_figures(text, lang=None) -> list[FigureMatch]   # sorted, non-overlapping spans
    parse_number(text) -> Decimal | None                    # "三千五百万" -> 35000000

Layout: ``numbers`` reads one written number; ``grammar_data`` loads and validates the data files in
``data/`` (units, numerals, counted nouns, context cues, conversions); ``grammar`` compiles them;
``readers/`` holds the chain of small readers (number → scale → unit → range → rate → qualifier →
filters) and the readers that scan on their own (fractions, word figures, series); ``extract`` runs
them and resolves overlaps; ``convert`` gives comparable units.
"""

from pipeline.figures.convert import si_factor, to_si
from pipeline.figures.extract import extract_figures
from pipeline.figures.model import FigureMatch
from pipeline.figures.numbers import decimal_text, parse_number

__all__ = ["FigureMatch", "decimal_text", "extract_figures", "parse_number", "si_factor", "to_si"]
