"""Rate reader: a figure stated per something takes a rate unit ``<unit>/<denominator>``.

The denominator may be written before the number (每吨500元 → CNY/t; 每克266.15 in a price text
implies yuan) or after the unit (元/吨, 万吨/年, "yuan per tonne", "$70 a share", "tonnes a year").
A number that still has no unit, currency or counted noun after this reader is no figure.
"""

from __future__ import annotations

import re

from pipeline.figures.reading import ReadFigure, Reading, Text

_PER_BEFORE_WINDOW = 16
_EN_PERIOD_WINDOW = 80  # "an annual processing capacity of up to 300,000 tonnes"
_NO_RATE_KINDS = ("count", "duration", "percent")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def per_before(t: Text, r: Reading) -> bool:
    """每吨500元, 每吨柴油下调120元, 每克266.15: the denominator written before the number (not for
    English numbers)."""
    if r.tok.script == "en":
        return True
    g, start = t.g, r.start
    if t.norm.find("每", max(0, start - _PER_BEFORE_WINDOW), start) < 0:
        return True
    pm = g.per_prefix.search(t.norm[max(0, start - _PER_BEFORE_WINDOW) : start])
    if not pm:
        return True
    if r.code is not None and r.kind in _NO_RATE_KINDS:
        return True  # 每天有140多万人奋战…: a count after 每天 is mostly a stock; 每年增长5% is no rate
    den = g.per_forms.get(pm.group("den"))
    # a bare number takes yuan only right after a quantity (每克266.15), not per a time (每周四 is
    # Thursday) and not after other words (每亩增产50 is no price)
    implied_ok = r.code is not None or (
        den is not None and den[0] not in g.time_units and g.per_glue.fullmatch(pm.group("gap")) is not None
    )
    if den is not None and implied_ok and (r.code is None or "/" not in r.code):
        r.code, r.kind = f"{r.code or 'CNY'}/{den[0]}", "rate"
        if den[0] in g.time_units:
            r.period = den[0]
        if g.per_glue.fullmatch(pm.group("gap")):
            r.start = start - (min(start, _PER_BEFORE_WINDOW) - pm.start())
    return True


def period_before(t: Text, r: Reading) -> bool:
    """年产能达18万吨 → t/year, 日均5.6万立方米 → m3/day: a cue word that states a figure per period."""
    if r.code is None or r.kind in ("percent", "duration") or r.tok.script == "en":
        return True
    if "/" in r.code and r.code.rsplit("/", 1)[1] in t.g.time_units:
        return True  # already per a time (120万吨/年); kWh/m2 may still become kWh/m2/year
    g, start = t.g, r.start
    if r.unit is not None and r.unit.form.script != "zh":
        # an annual capacity of 300,000 tonnes; not annual revenue of $5m, nor a power plant's capacity (300 MW)
        if r.kind not in ("money", "count", "power"):
            em = g.en_period_before.search(t.norm, max(0, start - _EN_PERIOD_WINDOW), start)
            if em:
                r.code, r.kind = f"{r.code}/{g.en_period_cues[em.group('cue').lower()]}", "rate"
        return True
    lo = max(0, start - _PER_BEFORE_WINDOW)
    if not any(t.norm.find(c, lo, start) >= 0 for c in g.period_first_chars):
        return True  # cheap test before the regex: no 年/日 in reach
    pm = g.period_before.search(t.norm, lo, start)
    if pm:
        r.period = g.period_cues[pm.group("cue")]
        # a count keeps its kind (年产量1600万辆: item/year), so the count filters still apply to it
        r.code, r.kind = f"{r.code}/{r.period}", r.kind if r.kind == "count" else "rate"
    return True


def has_unit(t: Text, r: Reading) -> bool:
    """A number with no unit, currency or counted noun is no figure."""
    return r.code is not None and r.kind is not None


def per_after(t: Text, r: Reading) -> bool:
    """元/吨, 万吨/年, 'yuan per tonne', '$70 a share': the denominator written after the unit."""
    g = t.g
    code = r.code
    assert code is not None
    if r.kind in ("count", "percent", "duration") and code != "share":
        return True
    pr = g.per.match(t.norm, r.end)
    if not pr:
        _period_after_words(t, r)
        return True
    den_text = pr.group("den")
    den = g.per_form(den_text)
    if den is None:
        return True
    perw = pr.group("perw")
    marker_ok = (
        bool(pr.group("slash"))
        or (bool(pr.group("mei")) and den[1] == "zh")
        or (
            bool(perw)
            and den[1] != "zh"
            and (
                perw.lower() == "per"
                or den[0] in g.time_units
                or den[0] in g.count_units
                or den[0] in g.en_marker_units
            )
        )
    )
    if den[0] in g.time_units and g.time_after.match(t.norm, pr.end()):
        return True  # "20,000 tonnes a year earlier", "a day before the strike": a time, no rate
    if marker_ok and "/" not in code:
        r.code, r.kind, r.end = f"{code}/{den[0]}", "rate", pr.end()
    return True


def _period_after_words(t: Text, r: Reading) -> None:
    """'40,000 ounces annually'; '15,000 tonnes of WO3 concentrate a year' (the rate's period after what is
    counted, the span left at the unit): CONVENTIONS 1."""
    g, code = t.g, r.code
    if code is None or "/" in code or r.unit is None or r.unit.form.script == "zh":
        return
    adverb = g.per_adverb.match(t.norm, r.end)
    if adverb:
        r.code, r.kind, r.end = f"{code}/{g.en_adverbs[adverb.group('adv').lower()]}", "rate", adverb.end()
        return
    of = g.per_of.match(t.norm, r.end)
    if of:
        den = (of.group("den") or "").lower()
        period = "year" if den == "annum" else den or g.en_adverbs[of.group("adv").lower()]
        r.code, r.kind = f"{code}/{period}", "rate"


def inherit_period(t: Text, figures: list[ReadFigure]) -> None:
    """A later measure in the same per-period clause inherits the rate (CONVENTIONS.md 1):
    年处理90万吨尾矿，副产30万吨石膏 → both t/year. The clause ends at a sentence end or at a word
    that names another period or a total (累计, 全年, 截至)."""
    g, norm = t.g, t.norm
    period: str | None = None
    last_end = 0
    for f in sorted(figures, key=lambda f: f.start):
        gap = norm[last_end : f.start]
        if period is not None and (_SENTENCE_END.search(gap) or g.period_stop.search(gap)):
            period = None
        if f.period is not None:
            period = f.period
        elif period is not None and "/" not in f.unit and f.kind in g.period_kinds:
            f.unit, f.kind = f"{f.unit}/{period}", "rate"
        last_end = f.end
