"""Word figures: amounts written as words with no digit or numeral before a unit.

- English fractions: "half of", "half the", "one-tenth of", "two-thirds of";
- multipliers: "expected to double output", "tripled", 翻番 / 翻两番 (each 番 doubles) → times;
- occurrences: "changed hands twice" → time; "twice as much" → times;
- vague amounts: 数以万计 → 10000, over (CONVENTIONS.md 4);
- "longer than a decade", "more than a century": "a" with a qualifier before a long time unit.

These readers scan the text on their own (the number reader finds no number in them) and give
finished readings; overlap resolution then prefers the longer reading where they meet another.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.figures.grammar import Grammar
from pipeline.figures.numbers import normalize, numerals, parse_zh
from pipeline.figures.readers.qualifier import qualifier_class
from pipeline.figures.reading import ReadFigure

_SIX_PLACES = Decimal("0.000001")
_PREFIX_WINDOW = 16
_NUMERATOR_WINDOW = 12
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_ENDS_BEFORE_NAME = re.compile(r"[ \t]+[A-Z]")
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z]+[ \t]+[A-Za-z]+)[ \t]+$")


def _qualified(g: Grammar, norm: str, start: int) -> tuple[int, str | None]:
    """A prefix qualifier right before ``start``: (new start, class)."""
    qm = g.qual_before.search(norm[max(0, start - _PREFIX_WINDOW) : start])
    if qm and (cls := qualifier_class(g, qm.group("q"))):
        return start - (min(start, _PREFIX_WINDOW) - qm.start()), cls
    return start, None


def _inside_word(norm: str, start: int, also: str = "") -> bool:
    """The match starts inside a longer word ("behalf", "semi-double")."""
    return start > 0 and ((norm[start - 1].isascii() and norm[start - 1].isalpha()) or norm[start - 1] in also)


def _word_before(norm: str, start: int) -> str:
    m = _WORD_BEFORE.search(norm, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def en_fractions(g: Grammar, norm: str) -> list[ReadFigure]:
    """'half of', 'half the', 'one-tenth of', 'two-thirds of': a fraction word before 'of'/'the'."""
    n = numerals()
    dens = g.en_fraction_dens
    out = []
    for m in g.en_fraction.finditer(norm):
        if _inside_word(norm, m.start()):
            continue
        word = m.group("den").lower()
        start = m.start()
        nm = g.en_fraction_num.search(norm, max(0, start - _NUMERATOR_WINDOW), start)
        num_word = nm.group("num").lower() if nm else ""
        if nm:
            start = nm.start()
        if _word_before(norm, start) in n.en_fraction_not_after_set:
            continue  # "the first half", "the other half", "a second quarter"
        follows = norm[m.end() : m.end() + 6]
        of_or_the = re.match(r"[ \t]+(?:of|the)\b", follows, re.IGNORECASE) is not None
        if not num_word:
            if word not in ("half", "halves") or not of_or_the:
                continue  # "half" alone is too loose ("half-year", "a half measure")
            num = Decimal(1)
        else:
            if not of_or_the:
                continue  # "a third time", "one quarter earlier", "account for one-third": "of" makes it a share
            num = Decimal(1) if num_word in ("a", "an") else n.en_words.get(num_word, Decimal(0))
            if num <= 0:
                continue
        value = normalize((num / Decimal(dens[word])).quantize(_SIX_PLACES))
        start, qualifier = _qualified(g, norm, start)
        out.append(ReadFigure(start, m.end(), value, None, "fraction", qualifier, "percent"))
    return out


def multipliers(g: Grammar, norm: str) -> list[ReadFigure]:
    """'to double output', 'tripled', 'twice as large' → times; 'changed hands twice' → time; 翻番."""
    n = numerals()
    out = []
    for m in g.en_multiplier.finditer(norm):
        if _inside_word(norm, m.start(), "-"):
            continue
        word = m.group(0).lower()
        after = g.en_word.match(norm, m.end())
        if after and after.group("w").lower() in n.en_multiplier_not_before_set:
            continue  # "double down", "double-digit growth", "double standards"
        if word in n.en_multiplier_bare:
            two = _TWO_WORDS_BEFORE.search(norm, max(0, m.start() - 30), m.start())
            if _word_before(norm, m.start()) not in n.en_multiplier_base_after_set and not (
                two and " ".join(two.group(1).lower().split()) in n.en_multiplier_base_after_set
            ):
                continue  # "a double blow": an adjective, not a multiplier
        if word in n.en_occurrence:
            value = Decimal(n.en_occurrence[word])
            cm = g.times_comparative.match(norm, m.end())
            # "twice as large" is a multiplier; "scored twice as Dutch leaders …" counts occurrences
            comparative = cm is not None and not _ENDS_BEFORE_NAME.match(norm, cm.end())
            unit = "times" if comparative else "time"
            if value == 1:
                continue  # "once" mostly means "formerly"
        else:
            value, unit = Decimal(n.en_multipliers[word]), "times"
        start, qualifier = _qualified(g, norm, m.start())
        out.append(ReadFigure(start, m.end(), value, None, unit, qualifier, "count"))
    if "番" in norm:
        for m in g.zh_doubling.finditer(norm):
            k = parse_zh(m.group("n")) if m.group("n") else Decimal(1)
            if k is None:
                continue
            start, qualifier = _qualified(g, norm, m.start())
            out.append(ReadFigure(start, m.end(), Decimal(2) ** int(k), None, "times", qualifier, "count"))
    return out


def vague_big(g: Grammar, norm: str) -> list[ReadFigure]:
    """数以万计, 数以亿计: the floor of the scale, over."""
    out = []
    for m in g.zh_vague_big.finditer(norm):
        value = Decimal(1)
        for c in m.group("scale"):
            value *= numerals().zh_small.get(c) or numerals().zh_big.get(c) or Decimal(1)
        out.append(ReadFigure(m.start(), m.end(), normalize(value), None, "item", "over", "count"))
    return out


def article_spans(g: Grammar, norm: str) -> list[ReadFigure]:
    """'longer than a decade', 'more than a century': 'a' with a qualifier before a long time unit."""
    out = []
    for m in g.en_article_unit.finditer(norm):
        if _inside_word(norm, m.start()):
            continue
        am = g.en_article_before.search(norm, max(0, m.start() - 6), m.start())
        if am is None:
            continue
        start, qualifier = _qualified(g, norm, am.start())
        if qualifier is None:
            continue  # "a decade ago", "in a decade": only a qualified span is an amount
        form = g.forms.get(m.group("u").lower())
        if form is None:
            continue
        out.append(ReadFigure(start, m.end(), normalize(form.scale), None, form.unit, qualifier, form.kind))
    return out


def word_figures(g: Grammar, norm: str) -> list[ReadFigure]:
    """All figures written as words."""
    out = en_fractions(g, norm) + multipliers(g, norm)
    if any(stem in norm for stem in g.long_unit_stems):
        out += article_spans(g, norm)
    if "数以" in norm:
        out += vague_big(g, norm)
    return out
