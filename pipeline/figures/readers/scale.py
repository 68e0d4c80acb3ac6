"""Scale reader: scale letters written after the number but not glued into it as a word.

Scale words glued to a number (3.5万, 2.4 billion, 5bn) are read by the number reader; this reader
adds the single letters that are a scale only in context (CONVENTIONS.md, English 15): after a
currency sign ("$5m", "US$2.4bn") and before an English unit word or counted noun ("150m tonnes",
"5m people"); otherwise "5m" is five metres. A scale written once for both ends of a range is the
range reader's job.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.figures.numbers import normalize, numerals
from pipeline.figures.reading import Reading, Text


def _before_unit_word(t: Text, pos: int) -> bool:
    """An English unit word or counted person noun follows after a space ("150m tonnes")."""
    norm = t.norm
    if pos >= len(norm) or norm[pos] not in " \t":
        return False
    um = t.g.unit.match(norm, pos)
    if um is not None:
        form = t.g.forms.get(" ".join(um.group("u").lower().split()))
        return form is not None and form.script == "en"
    wm = t.g.en_word.match(norm, pos)
    return wm is not None and wm.group("w").lower() in t.g.en_person


def letter_scale(t: Text, r: Reading) -> bool:
    """k/m/bn glued to a number: a scale after a currency sign or before a unit word."""
    if r.tok.scale != 1 or r.tok.script != "ar":
        return True
    lm = t.g.currency_letter_scale.match(t.norm, r.tok.end)
    if lm is None or not (r.currency is not None or _before_unit_word(t, lm.end())):
        return True
    factor: Decimal = numerals().en_abbrev_currency[lm.group("s")]
    r.value = normalize(r.value * factor)
    r.end = lm.end()
    return True
