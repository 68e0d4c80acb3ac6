"""Number reader: every written number in a text (Arabic, Chinese numerals, English words, a/b),
with its value, the scale words glued to it (万, million) and whether it is a vague floor (余, 几).

Also the first context check of the chain: a number after a label or ordinal marker (第, No., Phase)
or next to a month name is an ordinal or a date, not a quantity.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.figures.grammar import Grammar
from pipeline.figures.numbers import normalize, numerals, parse_arabic, parse_en, parse_zh, zh_scale_value
from pipeline.figures.reading import Num, Reading, Text

_ONE = Decimal(1)
_HALF = Decimal("0.5")
_MEASURE_KINDS = frozenset({"length", "area", "mass", "volume"})


_WORD_BEFORE_DASH = re.compile(r"([A-Za-z]+)-$")
_SERIES_MARKS = "%‰"  # 98.4%/12.1%: a slash after a percent sign separates a series
_SIZED = re.compile(r"\d,\d{3}|[A-Za-z]")  # grouping or a scale word glued to the number (350 million)


def glued(norm: str, start: int) -> bool:
    """A digit glued to a letter, digit, dot or slash before it is a code (L3, P14, scp-173, 1.2.3).

    Not after a scale word and a dash ("4.2 billion-6.2 billion": a range) or after "%/" (a series).
    """
    if start == 0:
        return False
    prev = norm[start - 1]
    before = norm[start - 2] if start > 1 else ""
    if prev == "/" and before and before in _SERIES_MARKS:
        return False
    if prev.isascii() and (prev.isalnum() or prev in "_./"):
        return True
    if prev == "," and before.isdigit():
        return True
    if prev == "-" and before.isascii() and before.isalpha():
        m = _WORD_BEFORE_DASH.search(norm, max(0, start - 12), start)
        return not (m and m.group(1).lower() in _scale_words())
    return False


def _scale_words() -> frozenset[str]:
    n = numerals()
    return frozenset(n.en_scales) | frozenset(n.en_abbrev)


def numbers(g: Grammar, norm: str) -> list[Num]:
    """Every written number, left to right, non-overlapping."""
    matches = list(g.number_ar.finditer(norm))
    if g.has_zh_numeral.search(norm):
        matches += g.number_zh.finditer(norm)
    if "半" in norm:
        matches += g.half_number.finditer(norm)
    matches += g.number_en.finditer(norm)
    matches.sort(key=lambda m: m.start())
    toks: list[Num] = []
    last_end = -1
    for m in matches:
        if m.start() < last_end:
            continue
        tok = _read(g, m, norm)
        if tok is not None:
            toks.append(tok)
            last_end = m.end()
    return toks


def _read(g: Grammar, m: re.Match[str], norm: str) -> Num | None:
    gd = m.groupdict()
    if gd.get("frac") is not None:
        return _fraction(m, norm)
    if gd.get("ar") is not None:
        return _arabic(g, m, norm)
    if gd.get("zhn") is not None:
        return _chinese(g, m, norm)
    if gd.get("half") is not None:
        return Num(m.start(), m.end(), _HALF, "zh", m.group(0), _ONE, False, False)
    return _english(m, norm)


def _fraction(m: re.Match[str], norm: str) -> Num | None:
    """1/3, 2 1/2: a proper fraction with an optional whole part."""
    start, end = m.span()
    text = m.group(0)
    if glued(norm, start):
        return None
    whole, _, frac = text.rpartition(" ") if " " in text.strip() else ("", "", text)
    a, _, b = frac.partition("/")
    if int(b) == 0 or int(a) >= int(b):
        return None
    value = normalize(Decimal(whole.strip() or 0) + Decimal(a) / Decimal(b))
    return Num(start, end, value, "frac", text, _ONE, False, False)


def _arabic(g: Grammar, m: re.Match[str], norm: str) -> Num | None:
    """3.5, 1,234, 5000余万, 2.4 billion; a minus sign counts unless it is a range dash."""
    n = numerals()
    start, end = m.span()
    text = m.group(0)
    if glued(norm, start) and not _signed(g, norm, start, m):
        return None
    num = m.group("num")
    if len(num) > 1 and num[0] == "0" and num[1] != ".":
        return None  # phone numbers, stock codes, zero-padded ids
    value = parse_arabic(m)
    scale = _ONE
    if m.group("zh"):
        scale *= zh_scale_value(m.group("zh"))
    if m.group("en"):
        scale *= n.en_scales.get(m.group("en").lower()) or n.en_abbrev[m.group("en").lower()]
    if start > 0 and norm[start - 1] in n.negative_signs and (start < 2 or not norm[start - 2].isalnum()):
        prev = norm[: start - 1].rstrip(" \t")[-1:]
        if norm[start - 1] in "负負" or not (prev.isdigit() or (prev and prev in _SERIES_MARKS)):
            value, start = -value, start - 1  # "-3%", but not the ranges "75 -300mm", "15%-25%"
    year_like = scale == 1 and len(num) == 4 and num.isdigit() and "1000" <= num <= "2999"
    return Num(start, end, value, "ar", text, scale, bool(m.group("infix")), year_like)


def _signed(g: Grammar, norm: str, start: int, m: re.Match[str]) -> bool:
    """A currency sign of letters glued to the number is no code: RMB500, USD100, Rp1.5 trillion, and a bare
    capital sign (R350 million) when the amount carries a scale or grouping (``sized_amount``)."""
    before = norm[max(0, start - 8) : start]
    if g.currency_before.search(before):
        return True
    return g.letter_sign_before.search(before) is not None and sized_amount(g, norm, m.group(0), m.end())


def sized_amount(g: Grammar, norm: str, text: str, end: int) -> bool:
    """A scale word (350 million, 4-billion, 2.5bn), a scale letter (350m) or thousands grouping (1,500) is
    written with the number: what a bare capital before it needs to read as a currency sign (R350 million)."""
    if _SIZED.search(text):
        return True
    return g.currency_letter_scale.match(norm, end) is not None


def _chinese(g: Grammar, m: re.Match[str], norm: str) -> Num | None:
    """三千五百万, 十几, 上千; a scale word alone (万物, 百姓) is not a number unless a measure unit
    follows it (千公里, 百米: a thousand kilometres, a hundred metres)."""
    n = numerals()
    start, end = m.span()
    text = m.group(0)
    core = text[1:] if text[0] in n.zh_vague_prefix else text
    has_digit = any(c in n.zh_digits or c in n.zh_vague for c in core)
    if not has_digit and core[0] not in n.zh_ten and core == text:
        prev = norm[start - 1] if start > 0 else ""
        if prev.isdigit() or prev in n.zh_digits or prev in n.zh_point or not _before_measure(g, norm, end):
            return None
    if all(c in n.zh_vague for c in core):
        return None
    zval = parse_zh(text)
    while zval is None and len(text) > 1:  # 一百千瓦: the numeral stops where it stops being one
        text, end = text[:-1], end - 1
        zval = parse_zh(text)
    if zval is None:
        return None
    core = text[1:] if text[0] in n.zh_vague_prefix else text
    vague = text[0] in n.zh_vague_prefix or any(c in n.zh_vague for c in core)
    scale = _ONE
    for c in reversed(core):
        if c in n.zh_big:
            scale *= n.zh_big[c]
        else:
            break
    year_like = len(core) == 4 and all(c in n.zh_digits for c in core)
    return Num(start, end, zval, "zh", text, scale, vague, year_like)


def _english(m: re.Match[str], norm: str) -> Num | None:
    """twenty-two, two hundred and five; a scale word alone ("million") is not a number."""
    n = numerals()
    start, end = m.span()
    text = m.group(0)
    if all(w.lower() in n.en_scales or w.lower() in n.en_hundred for w in re.split(r"[\s\-]+", text) if w):
        return None
    if start > 0 and norm[start - 1].isalpha():
        return None  # "often", "someone": a number word inside another word
    en_value = parse_en(text)
    if en_value is None:
        return None
    scale = _ONE
    for w, v in n.en_scales.items():
        if text.lower().endswith(w):
            scale = v
    return Num(start, end, en_value, "en", text, scale, False, False)


def _before_measure(g: Grammar, norm: str, end: int) -> bool:
    """A Chinese measure unit (not a count, money or time) follows directly (千公里, 百米)."""
    um = g.unit.match(norm, end)
    if um is None or um.start("u") != end:
        return False
    form = g.forms.get(um.group("u"))
    if form is None or form.script != "zh" or form.kind not in _MEASURE_KINDS:
        return False
    return not norm.startswith(numerals().scale_alone_not_before, um.end())  # 万吨级: a size class


def is_quantity(t: Text, r: Reading) -> bool:
    """Not after a label or ordinal marker (第, No., Phase), not next to a month name."""
    g = t.g
    if g.ordinal_before.search(r.before):
        return False
    return r.tok.script == "zh" or not (g.month_before.search(r.before) or g.month_after.match(t.norm, r.tok.end))
