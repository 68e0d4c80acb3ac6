"""Find figures (number + unit, currency, percent or counted noun) in mixed Chinese/English text.

How: the number reader finds every written number (Arabic, Chinese numerals, English number words);
for each, the chain of readers in :mod:`pipeline.figures.readers` reads what is around it (a
currency sign, a scale letter, a unit or classifier, a range, a rate, a qualifier) and the filters
drop dates, ordinals, labels, relative time and list summaries (GUIDELINES.md, FIGURE).
Overlapping readings keep the longest span.
"""

from __future__ import annotations

import re

from pipeline.figures.convert import to_si
from pipeline.figures.grammar import grammar
from pipeline.figures.model import FigureMatch
from pipeline.figures.numbers import FULLWIDTH, normalize
from pipeline.figures.readers import CHAIN
from pipeline.figures.readers.fractions import fractions
from pipeline.figures.readers.number import numbers
from pipeline.figures.readers.rate import inherit_period
from pipeline.figures.readers.series import shared_pairs, slash_series
from pipeline.figures.readers.words import word_figures
from pipeline.figures.reading import WINDOW, Num, ReadFigure, Reading, Text
from pipeline.text.spans import select_non_overlapping

_FW_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def read_figure(t: Text, tok: Num) -> ReadFigure | None:
    """Run the reader chain on one number; None when a reader says it is not a figure."""
    s = tok.start
    r = Reading(tok, t.norm[max(0, s - WINDOW) : s], s, tok.end, tok.value)
    for _name, reader in CHAIN:
        if not reader(t, r):
            return None
    assert r.code is not None and r.kind is not None
    value_high = normalize(r.value_high) if r.value_high is not None else None
    return ReadFigure(r.qstart, r.end, normalize(r.value), value_high, r.code, r.qualifier, r.kind, r.period)


def _resolve(cands: list[ReadFigure]) -> list[ReadFigure]:
    """Keep the longest of overlapping readings (the earlier on a tie), then sort by position."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    return select_non_overlapping(ranked, lambda c: (c.start, c.end))


def _normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, offset for offset."""
    if "，" in text:
        text = _FW_THOUSANDS.sub(",", text)  # "９，９９９": a full-width comma between full-width digits
    return text.translate(FULLWIDTH)


def extract_figures(text: str, lang: str | None = None) -> list[FigureMatch]:
    """All figures in ``text`` (Chinese, English or mixed), sorted and non-overlapping.

    ``lang`` is a hint only; both grammars run on every text.

    >>> [(f.text, str(f.value), f.unit, f.qualifier) for f in extract_figures("积水存量超100亿立方米")]
    [('超100亿立方米', '10000000000', 'm3', 'over')]
    >>> [(f.text, str(f.value), f.unit) for f in extract_figures("received 850 million yuan in subsidies")]
    [('850 million yuan', '850000000', 'CNY')]
    >>> extract_figures("2026年3月13日第七期（总刊第689期）")
    []
    """
    if not text:
        return []
    g = grammar()
    norm = _normalise(text)
    toks = numbers(g, norm)
    by_start = {t.start: t for t in toks}
    by_start.update({t.start + 1: t for t in toks if t.value < 0 and norm[t.start] in "-−"})
    t = Text(g, norm, by_start)
    read = {tok.start: c for tok in toks if (c := read_figure(t, tok)) is not None}
    cands = list(read.values())
    cands.extend(shared_pairs(g, norm, toks, read))
    if "/" in norm:
        cands.extend(slash_series(g, norm))
    if "分之" in norm:
        cands.extend(fractions(g, norm))
    cands.extend(word_figures(g, norm))
    kept = _resolve(cands)
    inherit_period(t, kept)
    out = []
    for c in kept:
        si, si_unit = to_si(c.value, c.unit)
        si_high, _ = to_si(c.value_high, c.unit)
        out.append(FigureMatch(c.start, c.end, text[c.start : c.end], c.value, c.value_high, c.unit, c.qualifier,
                               c.kind, si, si_high, si_unit))
    return out



