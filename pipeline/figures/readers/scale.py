"""Scale reader: scale words written after the number but not glued into it.

Scale words glued to a number (3.5万, 2.4 billion, 5bn) are read by the number reader; this reader
adds the single letters that only mean a scale after a currency sign ("$5m", "US$2.4bn"). A scale
written once for both ends of a range is the range reader's job.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.figures.numbers import normalize, numerals
from pipeline.figures.reading import Reading, Text


def letter_scale(t: Text, r: Reading) -> bool:
    """k/m/bn after a currency sign ("$5m" is five million dollars, not five metres)."""
    if r.currency is None or r.tok.scale != 1:
        return True
    lm = t.g.currency_letter_scale.match(t.norm, r.tok.end)
    if lm is None:
        return True
    factor: Decimal = numerals().en_abbrev_currency[lm.group("s")]
    r.value = normalize(r.value * factor)
    r.end = lm.end()
    return True
