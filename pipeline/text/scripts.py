"""Scripts: the one definition of Han ideographs and CJK punctuation the package uses.

Why one place: which characters count as Chinese decides language runs, word bounds, name shapes and
line joining; modules that each wrote their own range disagreed at the edges (extension A, the
compatibility block, the supplementary planes).
"""

from __future__ import annotations

import re

# Han ideographs: extension A, the unified block, compatibility ideographs, supplementary planes (B-G).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# CJK punctuation, full-width forms and radicals: Chinese text, though not ideographs.
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf"

# Chinese quotation marks, opening -> closing (‘’, “”, 「」, 『』).
QUOTE_CLOSE = {"\u2018": "\u2019", "\u201c": "\u201d", "\u300c": "\u300d", "\u300e": "\u300f"}
# Dashes that join the parts of one name (卡莫阿-卡库拉): hyphen-minus, hyphen, en dash, em dash.
NAME_DASHES = "-\u2010\u2013\u2014"
NAME_DOTS = "·•‧"  # the dots between the parts of a transliterated name (让·吕克)

# Latin letters with the accents of the languages mining news quotes (Spanish, Portuguese, French, German, Polish,
# Turkish…), for character classes: names such as Santo Tomás, Huamán, Boké are whole words, not cut at the accent.
LATIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LATIN_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# A capitalised Latin word (Tomás, Ñuñoa), for name patterns.
CAPITALISED = f"[{LATIN_UPPER}][{LATIN_LOWER}]+"


def latin(pattern: str) -> str:
    """The pattern with its A-Z and a-z ranges taking accented Latin letters too (the English name rules)."""
    return pattern.replace("A-Z", LATIN_UPPER).replace("a-z", LATIN_LOWER)


def latin_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of :func:`latin`: Huamán and Boké are words to a name pattern written with [A-Z][a-z]."""
    return re.compile(latin(pattern), flags)


HAN_RE = re.compile(f"[{HAN}]")
HAN_SPACE_RE = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")


def is_han(ch: str) -> bool:
    """True for one Han ideograph."""
    return bool(ch) and HAN_RE.fullmatch(ch) is not None


def has_han(text: str) -> bool:
    """True when the text holds at least one Han ideograph."""
    return HAN_RE.search(text) is not None
