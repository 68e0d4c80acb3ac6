"""Read the small ordinals that state a term or session (十四届, 四次, "14th", "Second").

Why: terms and sessions are written as Chinese numerals, Arabic digits or English
ordinal words; the Delegate record stores plain integers.
"""

from __future__ import annotations

import unicodedata

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def zh_number(s: str) -> int | None:
    """Value of a Chinese or Arabic numeral below 1000 (十四 -> 14, 二十 -> 20, １４ -> 14), else None."""
    s = unicodedata.normalize("NFKC", s).strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def en_ordinal(s: str, words: dict[str, int]) -> int | None:
    """Value of "14th" or "fourteenth" (words: ordinal word -> value), else None."""
    s = s.strip().lower()
    digits = s.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return words.get(s)
