"""Rate reader: a figure stated per something takes a rate unit ``<unit>/<denominator>``.

The denominator may be written before the number (每吨500元 → CNY/t; 每克266.15 in a price text
implies yuan) or after the unit (元/吨, 万吨/年, "yuan per tonne", "$70 a share", "tonnes a year").
A number that still has no unit, currency or counted noun after this reader is no figure.
"""

from __future__ import annotations

from pipeline.figures.reading import Reading, Text

_PER_BEFORE_WINDOW = 12
_NO_RATE_KINDS = ("count", "duration", "percent")


def per_before(t: Text, r: Reading) -> bool:
    """每吨500元, 每克266.15: the denominator written before the number (not for English numbers)."""
    if r.tok.script == "en":
        return True
    g, start = t.g, r.start
    pm = g.per_prefix.search(t.norm[max(0, start - _PER_BEFORE_WINDOW) : start])
    if not pm or not (r.code is None or r.kind not in _NO_RATE_KINDS):
        return True
    den = g.per_forms.get(pm.group("den"))
    # a bare number takes yuan only per a quantity (每克266.15), not per a time (每周四 is Thursday)
    implied_ok = r.code is not None or (den is not None and den[0] not in g.time_units)
    if den is not None and implied_ok and (r.code is None or "/" not in r.code):
        r.code, r.kind = f"{r.code or 'CNY'}/{den[0]}", "rate"
        r.start = start - (min(start, _PER_BEFORE_WINDOW) - pm.start())
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
        return True
    den_text = pr.group("den")
    den = g.per_forms.get(den_text) or g.per_forms.get(" ".join(den_text.lower().split()))
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
    if marker_ok and "/" not in code:
        r.code, r.kind, r.end = f"{code}/{den[0]}", "rate", pr.end()
    return True
