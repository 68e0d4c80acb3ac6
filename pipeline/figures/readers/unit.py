"""Unit reader: what the number counts or measures.

In reading order: a currency sign before the number ($, US$, ¥, 人民币); a unit or classifier right
after it (吨, km2, 亿元 → 元, 个, 名; 千米 takes back the 千 it shares with the number); 一吨半; and
English counted nouns ("60 projects", "300 workers"). Money words with a second reading ("pounds")
take the money reading after a currency sign or near a money word.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.figures.grammar import Grammar
from pipeline.figures.grammar_data import UnitForm
from pipeline.figures.numbers import normalize, numerals, parse_zh, zh_scale_value
from pipeline.figures.readers.number import sized_amount
from pipeline.figures.reading import Num, Reading, Text, Unit
from pipeline.text.scripts import is_han

_ONE = Decimal(1)
_HALF = Decimal("0.5")
_AMBIGUOUS_WINDOW = 48
_SUBSTANCE_WINDOW = 12
_TEN_THOUSAND = Decimal(10000)
_MONEY_CUE_WINDOW = 16
_SIX_PLACES = Decimal("0.000001")
_METRIC_WINDOW = 200  # how far back a metric's name may stand in the number's sentence
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.\s")  # not the point of a decimal (0.905)
_EN_NOUN_WORDS = 7  # words an English counted noun phrase may span ("60 new coal-fired power projects")


def lookup_currency(g: Grammar, written: str) -> str | None:
    """The ISO code of a currency sign as written (spaces and case ignored)."""
    key = re.sub(r"[ \t\u00a0]+", "", written).upper()
    for k, v in g.currency.items():
        if k.replace(" ", "").upper() == key:
            return v
    return None


def sign_before(t: Text, r: Reading) -> bool:
    """A currency sign written before the number ($5, US$ 20, ¥300); not before a Chinese numeral."""
    if r.tok.script == "zh":
        return True
    cm = t.g.currency_before.search(r.before)
    if cm:
        r.currency = lookup_currency(t.g, cm.group("cur"))
        r.start = r.tok.start - (len(r.before) - cm.start())
    elif r.tok.script == "ar" and sized_amount(t.g, t.norm, r.tok.text, r.tok.end):
        lm = t.g.letter_sign_before.search(r.before)
        if lm:  # R350 million, R4-billion, R1,500: the rand
            r.currency = t.g.letter_signs[lm.group("cur")]
            r.start = r.tok.start - len(lm.group("cur"))
    return True


def unit_at(g: Grammar, norm: str, tok: Num, pos: int | None = None, value: Decimal | None = None) -> Unit | None:
    """The unit written at ``pos`` (default: right after the number), if any."""
    value = tok.value if value is None else value
    if pos is None or pos == tok.end:
        pos = tok.end
        last = tok.text[-1]
        if tok.script in ("ar", "zh") and last in numerals().zh_take_back and len(tok.text) > 1:
            m = g.unit.match(norm, tok.end - 1)
            if m and m.group("u")[0] == last and m.start("u") == tok.end - 1:
                form = g.forms.get(m.group("u"))
                shorter = parse_zh(tok.text[:-1]) if tok.script == "zh" else tok.value / zh_scale_value(last)
                if form is not None and shorter is not None:
                    return Unit(form, m.end(), False, normalize(shorter * form.scale), tok.end - 1)
    m = g.unit.match(norm, pos)
    if not m:
        return None
    u = m.group("u")
    form = g.unit_form(u)
    if form is None:
        return None
    if tok.script == "zh" and form.script != "zh" and form.unit != "%":
        return None
    if tok.script == "frac" and form.kind in ("count", "money"):
        return None
    if tok.script == "en" and form.script == "zh":
        return None
    if form.zh_numeral_only and not 0 < value <= 10:
        return None
    return Unit(form, m.end(), bool(m.group("infix")), normalize(value * form.scale), tok.end)


def unit_after(t: Text, r: Reading) -> bool:
    """The unit or classifier right after the number; a date or ordinal suffix (5日, 14th) ends it."""
    g, norm, tok = t.g, t.norm, r.tok
    unit = unit_at(g, norm, tok, r.end, r.value)
    if unit is not None and unit.form.script != "zh" and "\n" in norm[r.end : unit.end]:
        unit = None  # "Wasim 22\nL. Germon": only Chinese units continue on the next line
    if unit is None and g.ordinal_after.match(norm, tok.end):
        return False  # 5日, 14th, 3.0版: a date, ordinal or version (a unit such as 日元 wins)
    if unit is not None and r.currency is not None and unit.form.kind != "money":
        unit = None  # "$5m": after a currency sign a letter is a scale, not a unit
    if unit is not None and unit.form.surface.lower() in g.ambiguous:
        # "profit of 361 million pounds" (GBP, not lb); 道琼斯指数…报41,208.37点 (index points)
        code, kind, context = g.ambiguous[unit.form.surface.lower()]
        signed = kind == "money" and r.currency is not None
        if signed or context.search(norm, max(0, tok.start - _AMBIGUOUS_WINDOW), tok.start):
            form = UnitForm(unit.form.surface, code, kind, unit.form.script, _ONE, ())
            unit = Unit(form, unit.end, unit.infix, unit.value, unit.num_end)
            if kind == "money":
                r.currency, r.start = None, tok.start
    if unit is not None and unit.form.unit in g.by_country:
        # "28 million pesos" in a text about Chile: CLP; 300亿非洲法郎 after 马里: XOF
        country = _country_currency(g.by_country[unit.form.unit], norm, tok.start)
        if country is not None:
            form = UnitForm(unit.form.surface, country, "money", unit.form.script, _ONE, ())
            unit = Unit(form, unit.end, unit.infix, unit.value, unit.num_end)
    if (
        unit is not None
        and r.currency is not None
        and unit.form.script == "sym"
        and not unit.form.surface[0].isalpha()
    ):
        unit = None  # "$ 20,000.00 $ 37,305.97": a sign after the number starts the next figure
    if unit is not None and r.currency is not None and unit.form.unit != r.currency:
        r.currency, r.start = None, tok.start  # "4人民币 5美元": the sign belongs to the figure before
    r.vague = tok.vague
    if unit is not None:
        r.unit = unit
        r.value, r.end = unit.value, unit.end
        r.code, r.kind = unit.form.unit, unit.form.kind
        r.vague = r.vague or unit.infix or "多" in unit.form.surface  # 三个多月
        _substance(t, r)
    elif r.currency is not None:
        r.code, r.kind = r.currency, "money"
    return True


def _country_currency(cues: tuple[tuple[str, re.Pattern[str]], ...], norm: str, pos: int) -> str | None:
    """The code of the country named nearest before ``pos`` in the document, else nearest after it.

    A shared currency name (pesos, CFA francs, kwacha) is read by the country the text is about;
    None when it names none of them (the figure keeps the name's own short code).
    """
    best: tuple[int, str] | None = None  # (distance, code); text after the number counts as further away
    for code, pattern in cues:
        before = [m.start() for m in pattern.finditer(norm, 0, pos)]
        if before:
            d = pos - before[-1]
        else:
            m = pattern.search(norm, pos)
            if m is None:
                continue
            d = len(norm) + m.start() - pos
        if best is None or d < best[0]:
            best = (d, code)
    return None if best is None else best[1]


def _substance(t: Text, r: Reading) -> None:
    """年替代标准煤9.3万吨: a substance written before the number changes the unit (t -> tce)."""
    if r.tok.script == "en" or r.code not in t.g.substance_units:
        return
    sm = t.g.substance_before.search(t.norm, max(0, r.start - _SUBSTANCE_WINDOW), r.start)
    if sm:
        unit, becomes = t.g.substances[sm.group("s")]
        if r.code == unit:
            r.code = becomes
            r.kind = t.g.unit_kinds.get(becomes, r.kind)


def half(t: Text, r: Reading) -> bool:
    """一吨半, 两米半: a trailing 半 adds half of the unit."""
    unit = r.unit
    if (
        unit is not None
        and unit.form.script == "zh"
        and r.kind not in ("count", "rate")
        and r.end < len(t.norm)
        and t.norm[r.end] == "半"
        and r.value_high is None
    ):
        r.value = normalize(r.value + _HALF * unit.form.scale)
        r.end += 1
    return True


def _plural(g: Grammar, w: str) -> bool:
    if w in g.en_irregular:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and w not in g.en_not_plural


def _en_count(g: Grammar, norm: str, pos: int) -> tuple[str, int, str] | None:
    """A counted English noun phrase starting at ``pos``: (unit, end, head noun)."""
    words: list[str] = []
    p = pos
    for i in range(_EN_NOUN_WORDS):
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


def counted_noun(t: Text, r: Reading) -> bool:
    """'60 projects', '300 workers', 'three times', 'the 500 who died': a number with no unit that
    counts a plural noun (or people, before 'who')."""
    if r.code is not None or r.tok.script not in ("ar", "en"):
        return True
    counted = _en_count(t.g, t.norm, r.end)
    if counted is not None:
        r.code, r.end, r.head = counted
        r.kind = "count"
        return True
    wm = t.g.en_word.match(t.norm, r.end)
    if wm is not None and wm.group("w").lower() in t.g.en_person_after:
        r.code, r.kind = "person", "count"
    return True


def people(t: Text, r: Reading) -> bool:
    """9个年轻人: a generic classifier before a noun for people counts people."""
    g = t.g
    if r.code == "item" and r.form_surface in g.zh_generic_classifiers and g.zh_person_nouns.match(t.norm, r.end):
        r.code = "person"
    return True


def implied_money(t: Text, r: Reading) -> bool:
    """豪掷2.8亿, 36亿加码, 80亿投建: an amount with 万/亿 and no unit is yuan in a money context."""
    tok = r.tok
    if r.code is not None or tok.script not in ("ar", "zh") or tok.scale < _TEN_THOUSAND:
        return True
    g, norm = t.g, t.norm
    if g.money_cue_after.match(norm, r.end):
        r.code, r.kind = "CNY", "money"
    elif not is_han(norm[r.end : r.end + 1]) and g.money_cue_before.search(
        norm, max(0, r.start - _MONEY_CUE_WINDOW), r.start
    ):
        r.code, r.kind = "CNY", "money"  # not before other words: 投入1.4亿法郎 names its own currency
    return True


def metric_before(t: Text, r: Reading) -> bool:
    """煤矿百万吨死亡率为0.054, 'the mortality rate for every million tons fell from 0.905 to 0.187': a bare number
    after a metric whose name states its unit (``metric_units``), in the same sentence, takes that unit."""
    if r.code is not None or not t.g.metric_units or r.tok.year_like:
        return True  # "from 0.905 in 2005": a year keeps no unit
    norm = t.norm
    lo = max(0, r.start - _METRIC_WINDOW)
    lo = max((m.end() for m in _SENTENCE_END.finditer(norm, lo, r.start)), default=lo)  # the sentence's start
    for cue, code in t.g.metric_units:
        if cue.search(norm, lo, r.start):
            r.code, r.kind = code, "rate"
            break
    return True


def bare_fraction(t: Text, r: Reading) -> bool:
    """约占全省储量的1/5, 其中1/4位于…: a written fraction with no unit, in Chinese text, is a fraction."""
    tok = r.tok
    if r.code is not None or tok.script != "frac" or " " in tok.text.strip():
        return True
    norm = t.norm
    prev = norm[tok.start - 1] if tok.start > 0 else ""
    nxt = norm[tok.end] if tok.end < len(norm) else ""
    if tok.value > 0 and (is_han(prev) or is_han(nxt)):
        r.value = tok.value.quantize(_SIX_PLACES)
        r.code, r.kind = "fraction", "percent"
    return True
