"""Find figures (number + unit, currency, percent or counted noun) in mixed Chinese/English text.

How: one compiled regex finds every written number (Arabic, Chinese numerals,
English number words); for each number a handful of anchored regexes read
what is around it: a currency sign before, a unit or classifier after, a
range, a rate denominator, qualifiers, and the contexts that make it a date,
ordinal, label, relative time or list summary instead of a figure
(GUIDELINES.md, FIGURE). Overlapping readings keep the longest span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.figures.convert import to_si
from pipeline.figures.grammar import Grammar, grammar
from pipeline.figures.model import FigureMatch
from pipeline.figures.numbers import (
    FULLWIDTH,
    normalize,
    numerals,
    parse_arabic,
    parse_en,
    parse_zh,
    zh_scale_value,
)
from pipeline.figures.tables import UnitForm
from pipeline.text.spans import select_non_overlapping

_WINDOW = 24
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'\-]*)[ \t]+$")
_HAS_ZH_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟萬億兩幾數]")
_FW_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_COUNT_UNITS = frozenset({"item", "person", "time", "times", "share"})
_ONE = Decimal(1)
_TEN = Decimal(10)
_SIX_PLACES = Decimal("0.000001")


@dataclass(slots=True)
class _Num:
    """A number as written: where it is, its value and how it was written."""

    start: int
    end: int
    value: Decimal
    script: str  # ar | zh | en
    text: str
    scale: Decimal  # product of scale words written with it (万, million)
    vague: bool  # 余/多/几/数/上: the value is a floor
    year_like: bool


@dataclass(slots=True)
class _Unit:
    form: UnitForm
    end: int
    infix: bool
    value: Decimal  # the number's value once the unit's own scale is applied
    num_end: int  # end of the number (may shrink when 千米 takes back the 千)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: Decimal
    value_high: Decimal | None
    unit: str
    qualifier: str | None
    kind: str


def _glued(norm: str, start: int) -> bool:
    """A digit glued to a letter, digit, dot or slash before it is a code (L3, P14, scp-173, 1.2.3)."""
    if start == 0:
        return False
    prev = norm[start - 1]
    if prev.isascii() and (prev.isalnum() or prev in "_./"):
        return True
    before = norm[start - 2] if start > 1 else ""
    if prev == "," and before.isdigit():
        return True
    return prev == "-" and before.isascii() and before.isalpha()


def _tokens(g: Grammar, norm: str) -> list[_Num]:
    """Every written number, left to right, non-overlapping."""
    matches = list(g.number_ar.finditer(norm))
    if _HAS_ZH_NUMERAL.search(norm):
        matches += g.number_zh.finditer(norm)
    matches += g.number_en.finditer(norm)
    matches.sort(key=lambda m: m.start())
    toks: list[_Num] = []
    last_end = -1
    for m in matches:
        if m.start() < last_end:
            continue
        tok = _read_number(m, norm)
        if tok is not None:
            toks.append(tok)
            last_end = m.end()
    return toks


def _read_number(m: re.Match[str], norm: str) -> _Num | None:
    """Turn one match of a number scanner into a value, or None for codes and lone words."""
    n = numerals()
    start, end = m.span()
    text = m.group(0)
    gd = m.groupdict()
    if gd.get("frac") is not None:
        if _glued(norm, start):
            return None
        whole, _, frac = text.rpartition(" ") if " " in text.strip() else ("", "", text)
        a, _, b = frac.partition("/")
        if int(b) == 0 or int(a) >= int(b):
            return None
        value = normalize(Decimal(whole.strip() or 0) + Decimal(a) / Decimal(b))
        return _Num(start, end, value, "frac", text, _ONE, False, False)
    if gd.get("ar") is not None:
        if _glued(norm, start):
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
        if start > 0 and norm[start - 1] in "-−负負" and (start < 2 or not norm[start - 2].isalnum()):
            prev = norm[: start - 1].rstrip(" \t")[-1:]
            if norm[start - 1] in "负負" or not prev.isdigit():
                value, start = -value, start - 1  # "-3%", but not the range "75 -300mm"
        year_like = scale == 1 and len(num) == 4 and num.isdigit() and "1000" <= num <= "2999"
        return _Num(start, end, value, "ar", text, scale, bool(m.group("infix")), year_like)
    if gd.get("zhn") is not None:
        core = text[1:] if text[0] in n.zh_vague_prefix else text
        has_digit = any(c in n.zh_digits or c in n.zh_vague for c in core)
        if not has_digit and core[0] not in "十拾" and core == text:
            return None  # 万物, 百姓: a scale word alone is not a number
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
        return _Num(start, end, zval, "zh", text, scale, vague, year_like)
    if all(w.lower() in n.en_scales or w.lower() in n.en_hundred for w in re.split(r"[\s\-]+", text) if w):
        return None  # "million", "hundred years": a scale word alone is not a number
    if start > 0 and norm[start - 1].isalpha():
        return None  # "often", "someone": a number word inside another word
    en_value = parse_en(text)
    if en_value is None:
        return None
    scale = _ONE
    for w, v in n.en_scales.items():
        if text.lower().endswith(w):
            scale = v
    return _Num(start, end, en_value, "en", text, scale, False, False)


def _unit_at(g: Grammar, norm: str, tok: _Num) -> _Unit | None:
    """The unit written right after a number, if any (千米/兆瓦 take back a trailing 千/兆)."""
    last = tok.text[-1]
    if tok.script in ("ar", "zh") and last in "千兆百" and len(tok.text) > 1:
        m = g.unit.match(norm, tok.end - 1)
        if m and m.group("u")[0] == last and m.start("u") == tok.end - 1:
            form = g.forms.get(m.group("u"))
            shorter = parse_zh(tok.text[:-1]) if tok.script == "zh" else tok.value / zh_scale_value(last)
            if form is not None and shorter is not None:
                return _Unit(form, m.end(), False, normalize(shorter * form.scale), tok.end - 1)
    m = g.unit.match(norm, tok.end)
    if not m:
        return None
    u = m.group("u")
    form = g.forms.get(u) or g.forms.get(" ".join(u.lower().split()))
    if form is None:
        return None
    if tok.script == "zh" and form.script != "zh" and form.unit != "%":
        return None
    if tok.script == "frac" and form.kind in ("count", "money"):
        return None
    if tok.script == "en" and form.script == "zh":
        return None
    if form.zh_numeral_only and not 0 < tok.value <= 10:
        return None
    return _Unit(form, m.end(), bool(m.group("infix")), normalize(tok.value * form.scale), tok.end)


def _capitalised_word_before(norm: str, start: int) -> bool:
    """Whether the word right before ``start`` is capitalised and does not end a sentence."""
    m = _WORD_BEFORE.search(norm, max(0, start - 30), start)
    return bool(m and m.group(1)[0].isupper())


def _plural(g: Grammar, w: str) -> bool:
    if w in g.en_irregular:
        return True
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s"))
        and w not in g.en_not_plural
    )


def _en_count(g: Grammar, norm: str, tok: _Num, pos: int) -> tuple[str, int, str] | None:
    """A counted English noun phrase after a number: (unit, end, head noun)."""
    words: list[str] = []
    p = pos
    for i in range(7):
        m = g.en_word.match(norm, p)
        if not m:
            return None
        w = m.group("w").lower().strip("-'")
        if i == 0 and w == "times":
            unit = "times" if g.times_comparative.match(norm, m.end()) else "time"
            return unit, m.end(), w
        if w in g.en_function or not w:
            return None
        words.append(w)
        if w in g.en_person:
            return "person", m.end(), " ".join(words[-2:])
        if w in g.en_head_units:
            return g.en_head_units[w], m.end(), " ".join(words[-2:])
        if _plural(g, w):
            return "item", m.end(), " ".join(words[-2:])
        p = m.end()
    return None


def _qualifier_class(g: Grammar, q: str) -> str | None:
    for cls, pat in g.qual_classes:
        if pat.fullmatch(q):
            return cls
    return None


def _figure(g: Grammar, norm: str, tok: _Num, by_start: dict[int, _Num]) -> _Cand | None:
    """Read the figure around one number, or None if it is not a figure."""
    s = tok.start
    before = norm[max(0, s - _WINDOW) : s]
    if g.ordinal_before.search(before):
        return None
    if tok.script != "zh" and (g.month_before.search(before) or g.month_after.match(norm, tok.end)):
        return None

    cur_code: str | None = None
    start = s
    cm = g.currency_before.search(before) if tok.script != "zh" else None
    if cm:
        cur_code = _lookup_currency(g, cm.group("cur"))
        start = s - (len(before) - cm.start())

    unit = _unit_at(g, norm, tok)
    if unit is not None and unit.form.script != "zh" and "\n" in norm[tok.end : unit.end]:
        unit = None  # "Wasim 22\nL. Germon": only Chinese units continue on the next line
    if unit is None and g.ordinal_after.match(norm, tok.end):
        return None  # 5日, 14th, 3.0版: a date, ordinal or version (a unit such as 日元 wins)
    if unit is not None and cur_code is not None and unit.form.kind != "money":
        unit = None  # "$5m": after a currency sign a letter is a scale, not a unit
    if unit is not None and unit.form.surface.lower() in g.ambiguous:
        money, context = g.ambiguous[unit.form.surface.lower()]
        if cur_code is not None or context.search(norm, max(0, s - 48), s):
            money_form = UnitForm(unit.form.surface, money, "money", "en", _ONE, ())
            # "profit of 361 million pounds"
            unit = _Unit(money_form, unit.end, unit.infix, tok.value, unit.num_end)
            cur_code, start = None, s
    if (
        unit is not None
        and cur_code is not None
        and unit.form.script == "sym"
        and not unit.form.surface[0].isalpha()
    ):
        unit = None  # "$ 20,000.00 $ 37,305.97": a sign after the number starts the next figure
    if unit is not None and cur_code is not None and unit.form.unit != cur_code:
        cur_code, start = None, s  # "4人民币 5美元": the sign belongs to the figure before
    value = unit.value if unit else tok.value
    end = unit.end if unit else tok.end
    code: str | None = unit.form.unit if unit else None
    kind: str | None = unit.form.kind if unit else None
    vague = tok.vague or bool(unit and (unit.infix or "多" in unit.form.surface))  # 三个多月
    head = ""
    form_surface = unit.form.surface if unit else ""

    if unit is None and cur_code is not None:
        code, kind = cur_code, "money"
        lm = g.currency_letter_scale.match(norm, tok.end)
        if lm and tok.scale == 1:
            value = normalize(value * numerals().en_abbrev_currency[lm.group("s")])
            end = lm.end()

    # ranges: "5-7 days", "200-240亿立方米", "20%至40%", "between 5 and 7"
    value_high: Decimal | None = None
    rm = g.range_sep.match(norm, end)
    if rm:
        tok2 = by_start.get(rm.end())
        if tok2 is not None and (tok2.script == tok.script or {tok.script, tok2.script} <= {"ar", "zh"}):
            unit2 = _unit_at(g, norm, tok2)
            sep = rm.group("sep").lower()
            ok = True
            if sep == "and" and not g.between.search(norm[max(0, start - 12) : start]):
                ok = False
            if sep in ("to", "到", "至") and g.from_before.search(norm[max(0, start - 8) : start]):
                ok = False
            if (tok.year_like or tok2.year_like) and (unit2 is None or unit2.form.kind == "duration"):
                ok = False  # 2025—2030年: a span of years
            if ok and unit is None and unit2 is not None and code is None:
                low = tok.value if tok.scale != 1 else tok.value * tok2.scale
                low = normalize(low * unit2.form.scale)
                if low < unit2.value:
                    value, value_high = low, unit2.value
                    unit, code, kind, end = unit2, unit2.form.unit, unit2.form.kind, unit2.end
                    form_surface = unit2.form.surface
                    vague = vague or tok2.vague or unit2.infix
            elif ok and unit is not None and unit2 is not None and unit2.form.unit == unit.form.unit:
                # "rose 17.8 million kroons to 1.84 billion kroons" is a change; 20%至40% is a range
                change = sep == "to" and g.change_before.search(norm, max(0, start - 40), start)
                if value < unit2.value and not change:
                    value_high, end = unit2.value, unit2.end
            elif ok and unit is None and unit2 is None and cur_code is not None:
                low = tok.value if tok.scale != 1 else tok.value * tok2.scale
                high = tok2.value
                lm = g.currency_letter_scale.match(norm, tok2.end)
                end2 = tok2.end
                if lm and tok2.scale == 1:
                    f = numerals().en_abbrev_currency[lm.group("s")]
                    high, end2 = high * f, lm.end()
                    low = low * f if tok.scale == 1 else low
                if low < high:
                    value, value_high, end = normalize(low), normalize(high), end2

    # 每克266.15元, 每吨500元: the denominator written before the number; 每克266.15 implies yuan
    pm = g.per_prefix.search(norm[max(0, start - 12) : start]) if tok.script != "en" else None
    if pm and (code is None or kind not in ("count", "duration", "percent")):
        den = g.per_forms.get(pm.group("den"))
        # a bare number takes yuan only per a quantity (每克266.15), not per a time (每周四 is Thursday)
        implied_ok = code is not None or (den is not None and den[0] not in g.time_units)
        if den is not None and implied_ok and (code is None or "/" not in code):
            code, kind = f"{code or 'CNY'}/{den[0]}", "rate"
            start = start - (min(start, 12) - pm.start())
    if code is None and tok.script in ("ar", "en"):
        counted = _en_count(g, norm, tok, tok.end)
        if counted is not None:
            code, end, head = counted
            kind = "count"
    if code is None or kind is None:
        return None

    # rate: 元/吨, 万吨/年, yuan per tonne, $70 a share
    if kind not in ("count", "percent", "duration") or code == "share":
        pr = g.per.match(norm, end)
        if pr:
            den_text = pr.group("den")
            den = g.per_forms.get(den_text) or g.per_forms.get(" ".join(den_text.lower().split()))
            if den is not None:
                marker_ok = (
                    bool(pr.group("slash"))
                    or (bool(pr.group("mei")) and den[1] == "zh")
                    or (
                        bool(pr.group("perw"))
                        and den[1] != "zh"
                        and (
                            pr.group("perw").lower() == "per"
                            or den[0] in g.time_units
                            or den[0] in _COUNT_UNITS
                            or den[0] in ("t", "oz", "kg", "g", "bbl", "lb")
                        )
                    )
                )
                if marker_ok and "/" not in code:
                    code, kind, end = f"{code}/{den[0]}", "rate", pr.end()

    # a Chinese 一吨半 / 两米半
    if (
        form_surface
        and unit is not None
        and unit.form.script == "zh"
        and kind not in ("count", "rate")
        and end < len(norm)
        and norm[end] == "半"
        and value_high is None
    ):
        value = normalize(value + Decimal("0.5") * unit.form.scale)
        end += 1

    # qualifiers
    qualifier: str | None = None
    qstart = start
    qm = g.qual_before.search(norm[max(0, start - 16) : start])
    if qm:
        qualifier = _qualifier_class(g, qm.group("q"))
        if qualifier:
            qstart = start - (min(start, 16) - qm.start())
    if value_high is not None:
        if sep_between := g.between.search(norm[max(0, start - 12) : start]):
            qstart = start - (min(start, 12) - sep_between.start())
        qualifier = "range"
    elif qualifier is None:
        sm = g.qual_after.match(norm, end)
        if sm and not (kind == "count" and sm.group("q") in ("多", "余")):
            qualifier = _qualifier_class(g, sm.group("q"))
            if qualifier:
                end = sm.end()
        if qualifier is None and vague:
            qualifier = "over"

    # contexts that make it no figure
    if kind == "duration":
        if (
            g.rel_before.search(norm[max(0, qstart - 16) : qstart])
            or g.rel_before.search(before)
            or g.rel_after.match(norm, end)
            or g.age_after.match(norm, end)
        ):
            return None  # 近五年, "two years ago", "34-year-old": a time reference or an age
        if tok.year_like:
            return None
        fm = g.frequency.match(norm, end)
        if fm and tok.script == "ar":
            end = fm.end()
    if kind == "count":
        bare_year = qualifier is None and 1900 <= value <= 2100
        if value <= 0 or (tok.year_like and (g.year_before.search(before) or bare_year)):
            return None  # "in 2017 projects", "1995 totals": a year
        if tok.script == "zh" and tok.text in ("二", "贰"):
            return None  # 二次, 二审: "second"; a count of two is written 两
        if tok.script == "en" and tok.text[0].isupper() and _capitalised_word_before(norm, tok.start):
            return None  # "World War Two followers": a number inside a name
        if value != value.to_integral_value() and tok.scale == 1:
            return None  # "49.2 overs", "3.2 marks": a count is whole
        if (
            value <= _TEN
            and tok.script == "zh"
            and qualifier is None
            and g.demonstrative_before.search(before)
        ):
            return None  # 这两件大事: refers back to a list
        if tok.value == _ONE and tok.script in ("zh", "en") and not tok.vague:
            return None  # 一个, 一位, "one of": an article, not a count
        small = value <= _TEN and value_high is None
        if small and qualifier is None and tok.script == "zh" and form_surface in g.zh_abstract:
            return None  # 三条红线, 两类, 三个方向: a list summary or slogan
        if small and tok.script == "en" and (head in g.en_abstract or head.split(" ")[-1] in g.en_abstract):
            return None  # "four principles", "(about) two key words"
        if small and g.list_after.match(norm, end):
            return None  # "two key words: ..." summarises the list that follows
        if code == "item" and tok.script != "en":
            qa = g.quote_after.match(norm, end)
            if qa:
                end = qa.end()
    if kind == "duration" and tok.value == _ONE and tok.script == "zh" and not tok.vague:
        return None
    if value_high is None and kind in ("duration",) and tok.year_like:
        return None
    nm = g.names.search(norm, max(0, qstart - 8), min(len(norm), end + 8))
    while nm:
        if nm.start() < end and nm.end() > qstart and nm.start() <= tok.start < nm.end():
            return None
        nm = g.names.search(norm, nm.end(), min(len(norm), end + 8)) if nm.end() < end + 8 else None
    return _Cand(
        qstart,
        end,
        normalize(value),
        normalize(value_high) if value_high is not None else None,
        code,
        qualifier,
        kind,
    )


def _lookup_currency(g: Grammar, written: str) -> str | None:
    key = re.sub(r"[ \t\u00a0]+", "", written).upper()
    for k, v in g.currency.items():
        if k.replace(" ", "").upper() == key:
            return v
    return None


def _fractions(g: Grammar, norm: str) -> list[_Cand]:
    """三分之一 -> fraction 0.333333; 百分之三十 -> 30 %."""
    out = []
    for m in g.fraction.finditer(norm):
        den = parse_zh(m.group("den")) if not m.group("den").isdigit() else Decimal(m.group("den"))
        num_text = m.group("num")
        end = m.end()
        num = Decimal(num_text.replace(",", "")) if num_text[0].isdigit() else parse_zh(num_text)
        while num is None and len(num_text) > 1:  # 百分之七十百分位: stop where the numeral stops
            num_text, end = num_text[:-1], end - 1
            num = parse_zh(num_text)
        if den is None or num is None or den == 0:
            continue
        start = m.start()
        qualifier = None
        qm = g.qual_before.search(norm[max(0, start - 16) : start])
        if qm and (qualifier := _qualifier_class(g, qm.group("q"))):
            start = start - (min(start, 16) - qm.start())
        if den >= 100 and den == Decimal(10) ** (len(str(int(den))) - 1):
            # 百分之/千分之/万分之: a percentage (千分之一 = 0.1 %)
            out.append(_Cand(start, end, normalize(num * 100 / den), None, "%", qualifier, "percent"))
        else:
            value = normalize((num / den).quantize(_SIX_PLACES))
            out.append(_Cand(start, end, value, None, "fraction", qualifier, "percent"))
    return out


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest of overlapping readings (the earlier on a tie), then sort by position."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    return select_non_overlapping(ranked, lambda c: (c.start, c.end))


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
    if "，" in text:
        text_c = _FW_THOUSANDS.sub(",", text)  # "９，９９９": a full-width comma between full-width digits
        norm = text_c.translate(FULLWIDTH)
    else:
        norm = text.translate(FULLWIDTH)
    toks = _tokens(g, norm)
    by_start = {t.start: t for t in toks}
    by_start.update({t.start + 1: t for t in toks if t.value < 0 and norm[t.start] in "-−"})
    cands = [c for t in toks if (c := _figure(g, norm, t, by_start)) is not None]
    if "分之" in norm:
        cands.extend(_fractions(g, norm))
    out = []
    for c in _resolve(cands):
        si, si_unit = to_si(c.value, c.unit)
        si_high, _ = to_si(c.value_high, c.unit)
        out.append(
            FigureMatch(
                c.start,
                c.end,
                text[c.start : c.end],
                c.value,
                c.value_high,
                c.unit,
                c.qualifier,
                c.kind,
                si,
                si_high,
                si_unit,
            )
        )
    return out
