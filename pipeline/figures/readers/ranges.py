"""Range reader: two numbers joined by a dash, 至/到, "to" or "between … and" are one figure with a
low and a high end ("5-7 days", 200-240亿立方米, 20%至40%, "between $5m and $7m").

The unit (and scale word) written once after the high end applies to both ends. Not a range: a
span of years (2025—2030年), "from X to Y" (a change), "rose 1.8 million kroons to 1.84 billion
kroons" (a change), a change verb before X至Y whose second end is more than three times the first
(下跌2000元至7.5万元), and two ends that are not in rising order.
"""

from __future__ import annotations

from pipeline.figures.numbers import normalize, numerals
from pipeline.figures.readers.unit import unit_at
from pipeline.figures.reading import Reading, Text

_BETWEEN_WINDOW = 12
_FROM_WINDOW = 8
_CHANGE_WINDOW = 40
_CHANGE_RATIO = 3  # 下跌2000元至7.5万元: a new level far above the change; a forecast's range keeps close ends


def read_range(t: Text, r: Reading) -> bool:
    """Join the number after a range separator to this one."""
    g, norm, tok = t.g, t.norm, r.tok
    rm = g.range_sep.match(norm, r.end)
    if not rm:
        return True
    tok2 = t.by_start.get(rm.end())
    if tok2 is None or not (tok2.script == tok.script or {tok.script, tok2.script} <= {"ar", "zh"}):
        return True
    start = r.start
    unit2 = unit_at(g, norm, tok2)
    sep = rm.group("sep").lower()
    if sep == "and" and not g.between.search(norm[max(0, start - _BETWEEN_WINDOW) : start]):
        return True
    if sep in ("to", "到", "至") and g.from_before.search(norm[max(0, start - _FROM_WINDOW) : start]):
        return True
    if (tok.year_like or tok2.year_like) and (unit2 is None or unit2.form.kind == "duration"):
        return True  # 2025—2030年: a span of years
    unit = r.unit
    if unit is None and unit2 is not None and r.code is None:
        low = tok.value if tok.scale != 1 else tok.value * tok2.scale
        low = normalize(low * unit2.form.scale)
        if low < unit2.value:
            r.value, r.value_high = low, unit2.value
            r.unit, r.code, r.kind, r.end = unit2, unit2.form.unit, unit2.form.kind, unit2.end
            r.vague = r.vague or tok2.vague or unit2.infix
    elif unit is not None and unit2 is not None and unit2.form.unit == unit.form.unit:
        # "rose 17.8 million kroons to 1.84 billion kroons" is a change; 20%至40% is a range; 下跌2000元至7.5万元 is
        # a change, 增长20%至40% a forecast's range
        change = (sep == "to" and g.change_before.search(norm, max(0, start - _CHANGE_WINDOW), start)) or (
            sep in ("至", "到") and g.change_before_zh.search(norm, max(0, start - 4), start)
            and unit2.value > _CHANGE_RATIO * r.value)
        if r.value < unit2.value and not change:
            r.value_high, r.end = unit2.value, unit2.end
    elif unit is None and unit2 is None and r.currency is not None:
        low = tok.value if tok.scale != 1 else tok.value * tok2.scale
        high = tok2.value
        lm = g.currency_letter_scale.match(norm, tok2.end)
        end2 = tok2.end
        if lm and tok2.scale == 1:
            f = numerals().en_abbrev_currency[lm.group("s")]
            high, end2 = high * f, lm.end()
            low = low * f if tok.scale == 1 else low
        if low < high:
            r.value, r.value_high, r.end = normalize(low), normalize(high), end2
    return True
