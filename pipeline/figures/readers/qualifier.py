"""Qualifier reader: approx / over / under / range (GUIDELINES.md, FIGURE; CONVENTIONS.md 3).

A prefix before the number (约, 超过, 近, "more than", "up to") or, when there is none, a suffix
after the figure (左右, 以上, 余, "or more"). A range is qualified ``range``; a vague amount
(几十, 5000余万, 上千) with no other qualifier keeps its floor and ``over``. In a drill intercept "over"
after a grade is the interval's width, no qualifier (1.45% Li2O over 20m).
"""

from __future__ import annotations

import re

from pipeline.figures.grammar import Grammar
from pipeline.figures.reading import Reading, Text

_PREFIX_WINDOW = 16
_BETWEEN_WINDOW = 12
# a drill intercept: a grade, what it is of, then "over" and the interval's width (1.45% Li2O over 20m, 2.5 g/t
# gold over 10 metres): there "over" says across how much core, not "more than"
_INTERCEPT = re.compile(r"\d[\d.,]*\s*(?:%|g/t|ppm|ppb|kg/t|oz/t)(?:\s+[A-Za-z][A-Za-z0-9]{0,7}){0,2}\s+$")


def qualifier_class(g: Grammar, q: str) -> str | None:
    """approx / over / under for a written qualifier."""
    for cls, pat in g.qual_classes:
        if pat.fullmatch(q):
            return cls
    return None


def _intercept_width(norm: str, at: int, q: str) -> bool:
    """The qualifier "over" at ``at`` follows a grade: the figure after it is a drill intercept's width."""
    return q.lower() == "over" and _INTERCEPT.search(norm, max(0, at - 40), at) is not None


def read_qualifier(t: Text, r: Reading) -> bool:
    g, norm, start = t.g, t.norm, r.start
    r.qstart = start
    qm = g.qual_before.search(norm[max(0, start - _PREFIX_WINDOW) : start])
    if qm and not _intercept_width(norm, start - (min(start, _PREFIX_WINDOW) - qm.start()), qm.group("q")):
        r.qualifier = qualifier_class(g, qm.group("q"))
        if r.qualifier:
            r.qstart = start - (min(start, _PREFIX_WINDOW) - qm.start())
    if r.value_high is not None:
        if sep_between := g.between.search(norm[max(0, start - _BETWEEN_WINDOW) : start]):
            r.qstart = start - (min(start, _BETWEEN_WINDOW) - sep_between.start())
        r.qualifier = "range"
    elif r.qualifier is None:
        sm = g.qual_after.match(norm, r.end)
        # after a count 多/余 are read with the classifier (十多个)
        if sm and not (r.kind == "count" and sm.group("q") in g.count_floor_suffixes):
            r.qualifier = qualifier_class(g, sm.group("q"))
            if r.qualifier:
                r.end = sm.end()
        if r.qualifier is None and r.vague:
            r.qualifier = "over"
    return True
