"""Read a written number (Arabic, Chinese or English words, with scale words) as an exact ``Decimal``.

Why: figures are compared and converted exactly; a float would turn
"1.43万亿" into 1429999999999.9998. The numeral tables live in
``data/numerals.json``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pipeline.figures.grammar_data import load_grammar_data

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space map one-to-one to ASCII,
# so offsets in the translated text are offsets in the original.
# The full-width comma stays: in Chinese it separates clauses, never thousands ("$20，300美圆").
FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C} | {0x3000: 0x20}

_ZH_PARTS = re.compile(r"\d+(?:\.\d+)?|.")
_FRACTION = re.compile(r"(?P<sign>[-−])?(?:(?P<whole>\d+)\s+)?(?P<a>\d+)/(?P<b>\d+)")
_SPACED = re.compile(r"[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?")
_ABBREV = re.compile(
    r"(?P<sign>[-−])?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<s>(?i:k|m|mm|mil|mn|mln|b|bn|bln|t|tn|tln|trn))"
)
_INFIX = re.compile(r"[ \t]*[多余餘来來][ \t]*")


class _Numerals:
    """The numeral tables as lookups (built once)."""

    def __init__(self) -> None:
        n = load_grammar_data().numerals
        self.zh_digits = dict(n.zh_digits)
        self.zh_small = dict(n.zh_small_units)
        self.zh_big = dict(n.zh_big_units)
        self.zh_point = set(n.zh_decimal_point)
        self.zh_vague = set(n.zh_vague.chars)
        self.zh_vague_prefix = set(n.zh_vague.prefix_over)
        self.en_words: dict[str, Decimal] = {}
        for group in (n.en_units, n.en_tens):
            self.en_words.update({k: v for k, v in group.items() if " " not in k})
        self.en_hundred = dict(n.en_hundred)
        self.en_scales = dict(n.en_scales)
        self.en_abbrev = dict(n.en_scale_abbrev.always)
        self.en_abbrev_currency = dict(n.en_scale_abbrev.after_currency)
        self.abbrev_any = dict(n.en_scale_abbrev.in_isolation)
        self.en_zero = set(n.en_zero)
        self.negative_signs = "".join(n.negative_signs)
        self.zh_take_back = "".join(n.zh_take_back)
        self.zh_ten = "".join(c for c, v in n.zh_small_units.items() if v == 10)  # 十 may stand alone (十五)
        self.scale_alone_not_before = tuple(n.zh_scale_alone_not_before)
        self.en_fraction_not_after_set = frozenset(n.en_fraction_not_after)
        self.en_multipliers = dict(n.en_multipliers)
        self.en_multiplier_bare = frozenset(n.en_multiplier_bare)
        self.en_multiplier_base_after_set = frozenset(n.en_multiplier_base_after)
        self.en_multiplier_not_before_set = frozenset(n.en_multiplier_not_before)
        self.en_occurrence = dict(n.en_occurrence)
        scale_words = "|".join(sorted(list(self.en_scales) + list(self.en_abbrev), key=len, reverse=True))
        zh_scale = "".join(self.zh_small) + "".join(self.zh_big)
        self.arabic_core = (
            rf"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\n\d+(?=[ \t]*[多余]?[ \t]*[{zh_scale}%]))?)"
            rf"(?:\.\d+)?|\.\d+)"
            rf"(?:[ \t]*(?P<infix>[多余餘来])?[ \t]*(?P<zh>[{zh_scale}]+))?"
            rf"(?:[ \t]*-?[ \t]*(?P<en>(?i:{scale_words}))(?![A-Za-z]))?"
        )
        self.arabic = re.compile(rf"(?P<sign>[-−负負])?{self.arabic_core}")


@lru_cache(maxsize=1)
def numerals() -> _Numerals:
    return _Numerals()


def zh_scale_value(chars: str) -> Decimal:
    """Product of Chinese scale characters: 万亿 -> 1e12, 千万 -> 1e7."""
    n = numerals()
    value = Decimal(1)
    for c in chars:
        value *= n.zh_small.get(c) or n.zh_big.get(c) or Decimal(1)
    return value


def parse_zh(text: str) -> Decimal | None:
    """Read a Chinese numeral; 几/数 count as their floor (十几 -> 10, 几千 -> 1000).

    >>> parse_zh("三千五百万")
    Decimal('35000000')
    >>> parse_zh("两千四百五")
    Decimal('2450')
    >>> parse_zh("二〇二四")
    Decimal('2024')
    >>> parse_zh("二点五八亿")
    Decimal('258000000.00')
    """
    n = numerals()
    s = "".join(text.split())
    if s[-1:] in n.zh_big and any(p in s for p in n.zh_point):
        k = len(s)
        while k > 0 and s[k - 1] in n.zh_big:
            k -= 1
        base = parse_zh(s[:k])  # 二点五八亿: the decimal, then its scale
        return None if base is None else base * zh_scale_value(s[k:])
    sign = 1
    if s[:1] in ("负", "負"):
        sign, s = -1, s[1:]
    if s[:1] in n.zh_vague_prefix and len(s) > 1:
        s = s[1:]
    if not s:
        return None
    frac = Decimal(0)
    for p in n.zh_point:
        if p in s:
            s, _, tail = s.partition(p)
            if not tail or any(c not in n.zh_digits for c in tail):
                return None
            frac = Decimal("0." + "".join(str(n.zh_digits[c]) for c in tail))
            break
    if not s:
        return None
    if all(c in n.zh_digits or c in n.zh_vague for c in s):
        if len(s) > 1 and any(c in n.zh_vague for c in s):
            return None
        digits = "".join(str(n.zh_digits.get(c, Decimal(0))) for c in s)
        return sign * (Decimal(digits) + frac)
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    last_unit: Decimal | None = None
    last_big: Decimal | None = None
    zero_after_unit = False
    parts = _ZH_PARTS.findall(s)
    for i, c in enumerate(parts):
        if c[0].isdigit():
            number = Decimal(c)  # Arabic digits inside a Chinese numeral: 5万4千6百, 3万4000
            zero_after_unit = True
        elif c in n.zh_digits:
            d = n.zh_digits[c]
            if d == 0:
                zero_after_unit = True  # 一千零五: the next digit is not abbreviated
            else:
                number = d
        elif c in n.zh_vague:
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            lead = nxt in n.zh_small or (nxt in n.zh_big and i == 0)
            number = Decimal(1) if lead else Decimal(0)  # 几十 = 10+, 二十几万 = 200000+
            zero_after_unit = True
        elif c in n.zh_small:
            if section and last_unit is not None and last_unit <= n.zh_small[c] and last_big != last_unit:
                return None  # 七十百: small units must fall within a section
            section += (number if number is not None else Decimal(1)) * n.zh_small[c]
            number, last_unit, zero_after_unit = None, n.zh_small[c], False
        elif c in n.zh_big:
            u = n.zh_big[c]
            section += number if number is not None else Decimal(0)
            if section == 0:
                total = total * u if total else u
            elif last_big is None or u > last_big:
                total = (total + section) * u
            else:
                total += section * u
            section, number, last_unit, zero_after_unit = Decimal(0), None, u, False
            last_big = max(u, last_big or u)
        else:
            return None
    if number is not None:
        if last_unit is not None and not zero_after_unit and last_unit >= 100:
            number *= last_unit / 10  # 两千四百五 = 2450, 一万五 = 15000
        section += number
    return sign * (total + section + frac)


def parse_en(text: str) -> Decimal | None:
    """Read English number words ("two hundred and five", "twenty-two", "1.5 million").

    >>> parse_en("two hundred and five")
    Decimal('205')
    """
    n = numerals()
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]
    sign = Decimal(1)
    if words and words[0] in ("negative", "minus"):
        sign, words = Decimal(-1), words[1:]
    if words and words[0] in ("a", "an") and len(words) > 1:
        words[0] = "one"
    if "point" in words:
        i = words.index("point")
        head = parse_en(" ".join(words[:i])) if i else Decimal(0)
        tail = words[i + 1 :]
        if head is None or not tail:
            return None
        if all(w in n.en_zero or (w in n.en_words and n.en_words[w] < 10) for w in tail):
            digits = "".join("0" if w in n.en_zero else str(n.en_words[w]) for w in tail)
        else:
            t = parse_en(" ".join(tail))
            if t is None:
                return None
            digits = str(t)
        return sign * (head + Decimal("0." + digits))
    total = Decimal(0)
    current: Decimal | None = None
    seen = False
    for w in words:
        if w in n.en_zero:
            current = current or Decimal(0)
            seen = True
            continue
        if w in n.en_words:
            current = (current or Decimal(0)) + n.en_words[w]
        elif w in ("dozen", "dozens"):
            current = (current or Decimal(1)) * 12
        elif w in n.en_hundred:
            current = (current or Decimal(1)) * n.en_hundred[w]
        elif w in n.en_scales:
            total += (current or Decimal(1)) * n.en_scales[w]
            current = None
        else:
            try:
                current = (current or Decimal(0)) + Decimal(w.replace(",", ""))
            except InvalidOperation:
                return None
        seen = True
    if not seen:
        return None
    return sign * (total + (current or Decimal(0)))


def parse_arabic(m: re.Match[str]) -> Decimal:
    """Value of a match of ``numerals().arabic`` (scale words applied)."""
    n = numerals()
    raw = m.group("num").replace(",", "").replace("\n", "")
    value = Decimal(raw)
    if m.group("zh"):
        value *= zh_scale_value(m.group("zh"))
    if m.group("en"):
        value *= n.en_scales.get(m.group("en").lower()) or n.en_abbrev[m.group("en").lower()]
    if "sign" in m.re.groupindex and m.group("sign"):
        value = -value
    return value


def parse_number(text: str) -> Decimal | None:
    """Read one written number as an exact Decimal, or None if it is not a number.

    Scale words are applied; 余/多 and 几/数 give the floor of a vague amount.

    >>> parse_number("三千五百万")
    Decimal('35000000')
    >>> parse_number("1.43万亿") == Decimal("1.43e12")
    True
    >>> parse_number("1,234.5")
    Decimal('1234.5')
    >>> parse_number("５０００余万")
    Decimal('50000000')
    >>> parse_number("twenty-two")
    Decimal('22')
    >>> parse_number("yuan") is None
    True
    """
    if not isinstance(text, str):
        return None
    s = text.translate(FULLWIDTH).strip()
    if not s:
        return None
    m = numerals().arabic.fullmatch(s)
    if m:
        return normalize(parse_arabic(m))
    if _SPACED.fullmatch(s):
        return normalize(Decimal(re.sub(r"[ \u00a0\u202f]", "", s).replace("−", "-")))
    fm = _FRACTION.fullmatch(s)
    if fm:
        if int(fm.group("b")) == 0:
            return None
        v = Decimal(fm.group("whole") or 0) + Decimal(fm.group("a")) / Decimal(fm.group("b"))
        return normalize(-v if fm.group("sign") else v)
    am = _ABBREV.fullmatch(s)
    if am:
        v = Decimal(am.group("num").replace(",", "")) * numerals().abbrev_any[am.group("s").lower()]
        return normalize(-v if am.group("sign") else v)
    compact = "".join(s.split())
    if compact and compact[0] in "−-" and len(compact) > 1:
        compact = "负" + compact[1:]
    # "5000余万": an Arabic head with Chinese scale characters after an infix
    m2 = re.fullmatch(r"(?P<head>[-−负負]?\d+(?:\.\d+)?)(?:[多余餘来])?(?P<zh>[十百千万亿兆萬億]+)", compact)
    if m2:
        head = m2.group("head").replace("负", "-").replace("負", "-").replace("−", "-")
        return normalize(Decimal(head) * zh_scale_value(m2.group("zh")))
    if "分之" in compact:
        return _parse_zh_fraction(compact)
    zh = _INFIX.sub("", compact)
    mixed = all(_is_zh_numeral_char(c) or c.isdigit() or c == "." for c in zh)
    if zh and mixed and not zh.replace(".", "").isdigit():
        zv = parse_zh(zh)
        return normalize(zv) if zv is not None else None
    ev = parse_en(s)
    return normalize(ev) if ev is not None else None


def _parse_zh_fraction(s: str) -> Decimal | None:
    """负壹又二分之壹 -> -1.5; 百分之五 -> 0.05 (X分之Y is Y/X; 又 joins a whole part)."""
    sign = Decimal(1)
    if s[:1] in "负負-−":
        sign, s = Decimal(-1), s[1:]
    whole = Decimal(0)
    if "又" in s:
        head, _, s = s.partition("又")
        w = parse_number(head)
        if w is None:
            return None
        whole = w
    den_text, _, num_text = s.partition("分之")
    den, num = parse_number(den_text), parse_number(num_text)
    if den is None or num is None or den == 0:
        return None
    return normalize(sign * (whole + num / den))


def _is_zh_numeral_char(c: str) -> bool:
    n = numerals()
    return (
        c in n.zh_digits
        or c in n.zh_small
        or c in n.zh_big
        or c in n.zh_point
        or c in n.zh_vague
        or c in n.zh_vague_prefix
        or c in "负負"
    )


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponents so equal numbers print alike (1.430E+12 -> 1430000000000)."""
    if value == value.to_integral_value() and value.adjusted() < 27:
        return value.quantize(Decimal(1))
    return value.normalize()


def decimal_text(value: Decimal | None) -> str | None:
    """Plain decimal text of a value (no exponent), kept beside the float in records.

    >>> decimal_text(Decimal("1.43E+12"))
    '1430000000000'
    """
    if value is None:
        return None
    return format(normalize(value), "f")
