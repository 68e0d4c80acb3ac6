"""Language runs: split a document into maximal zh / en / other stretches.

Why: one document may mix Chinese and English (a Chinese byline in an English
article, an English masthead over Chinese text), and each language has its own
models. Runs cover the text exactly, in order, with no gaps and no overlaps.
"""

from __future__ import annotations

import re

from pipeline.records import Segment
from pipeline.text.scripts import CJK_PUNCT, HAN

_HAN = re.compile(f"[{HAN}{CJK_PUNCT}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = re.compile(f"[^\\s{HAN}]*[A-Za-z\u00c0-\u024f][^\\s{HAN}]*")


def char_class(ch: str) -> str:
    """zh for Han and CJK punctuation, en for Latin letters, '' for neutral (digits, spaces, ASCII punctuation)."""
    if _HAN.match(ch):
        return "zh"
    if _LATIN.match(ch):
        return "en"
    return ""


def language_runs(text: str, min_en_words: int = 3) -> list[Segment]:
    """Split ``text`` into runs; neutral characters join the run before them, except
    after a newline at a language change, where they open the next run.

    An English stretch of fewer than ``min_en_words`` space-separated words in a
    document with Chinese (an e-mail address, "P14", "6G") joins the Chinese run.

    >>> [(s.start, s.end, s.lang) for s in language_runs("中国矿业 China Mining Daily News 报道")]
    [(0, 5, 'zh'), (5, 29, 'en'), (29, 31, 'zh')]
    """
    if not text:
        return []
    runs: list[tuple[int, int, str]] = []
    lang, run_start, strong_end = "", 0, 0
    for i, ch in enumerate(text):
        cls = char_class(ch)
        if not cls:
            continue
        if lang and cls != lang:
            # The neutral stretch between the two languages: up to its last newline it
            # ends the old run, after it (a line's leading "[" or "1.") it opens the new one.
            newline = text.rfind("\n", strong_end, i)
            cut = newline + 1 if newline >= 0 else i
            runs.append((run_start, cut, lang))
            run_start = cut
        lang, strong_end = cls, i + 1
    runs.append((run_start, len(text), lang or "other"))
    runs = _absorb_short_english(text, runs, min_en_words)
    return [Segment(s, e, lang) for s, e, lang in _merge(runs)]


def _absorb_short_english(text: str, runs: list[tuple[int, int, str]], min_words: int) -> list[tuple[int, int, str]]:
    has_zh = any(lang == "zh" for _, _, lang in runs)
    if not has_zh:
        return runs
    out = []
    for s, e, lang in runs:
        if lang == "en" and len(_LATIN_WORD.findall(text[s:e])) < min_words:
            lang = "zh"
        out.append((s, e, lang))
    return out


def _merge(runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for s, e, lang in runs:
        if merged and merged[-1][2] == lang:
            merged[-1] = (merged[-1][0], e, lang)
        else:
            merged.append((s, e, lang))
    return merged


def dominant_language(text: str, runs: list[Segment]) -> str:
    """zh or en by weight (a Han character weighs like ~2 Latin letters), other when neither occurs."""
    zh = sum(len(_HAN.findall(text[r.start : r.end])) for r in runs if r.lang == "zh")
    en = sum(len(_LATIN.findall(text[r.start : r.end])) for r in runs if r.lang == "en") / 2
    if zh == 0 and en == 0:
        return "other"
    return "zh" if zh >= en else "en"
