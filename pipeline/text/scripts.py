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

HAN_RE = re.compile(f"[{HAN}]")
HAN_SPACE_RE = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")


def is_han(ch: str) -> bool:
    """True for one Han ideograph."""
    return bool(ch) and HAN_RE.fullmatch(ch) is not None


def has_han(text: str) -> bool:
    """True when the text holds at least one Han ideograph."""
    return HAN_RE.search(text) is not None
