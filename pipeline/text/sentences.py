"""Sentence splitting for Chinese runs (pure), with a length guard for both languages.

Why a rule splitter for Chinese: Chinese sentences end in a small closed set of
full-width marks, optionally followed by closing quotes; a statistical model
adds nothing here. English sentences come from spaCy's sentencizer (segment.py).
"""

from __future__ import annotations

import re

_ZH_END = re.compile(r"[。！？!?；;…]+[”’」』）)\]】]*|\n+")
_SOFT_BREAK = re.compile(r"[，,、：:\s]")


def split_zh(text: str, start: int, end: int, max_chars: int = 1000) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], whitespace-trimmed, none longer than ``max_chars``.

    >>> t = "他说：“好。”我们走吧！\\n下一段"
    >>> [t[s:e] for s, e in split_zh(t, 0, len(t))]
    ['他说：“好。”', '我们走吧！', '下一段']
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _ZH_END.finditer(text, start, end):
        spans.extend(_trim_and_cap(text, pos, m.end(), max_chars))
        pos = m.end()
    spans.extend(_trim_and_cap(text, pos, end, max_chars))
    return spans


def _trim_and_cap(text: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return []
    return cap_length(text, s, e, max_chars)


def cap_length(text: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    """Split an over-long span at the last soft break (comma, space) before the limit, else hard."""
    out: list[tuple[int, int]] = []
    while e - s > max_chars:
        cut = s + max_chars
        window = text[s + max_chars // 2 : cut]
        soft = [m.end() for m in _SOFT_BREAK.finditer(window)]
        if soft:
            cut = s + max_chars // 2 + soft[-1]
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > s:
            out.append((s, piece_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out
