"""Cleaning: turn raw page text into the text every offset refers to.

Why each step exists:
- width and space normalisation: full-width digits/letters and odd spaces break
  number parsing and matching, but full-width CJK punctuation carries meaning for
  Chinese models, so only letters, digits and spaces are mapped (not NFKC, which
  would also turn "km²" into "km2" and "，" into ",");
- apostrophes: "People‘s" uses a left quote as an apostrophe;
- chrome removal: navigation, hotline and breadcrumb lines are page furniture;
- line re-joining: PDF/web extraction breaks Chinese sentences across lines
  ("…推进全" / "" / "流程管控…");
- duplicate paragraphs: some pages print the article twice.
The whole function is iterated to a fixpoint so that ``clean(clean(x)) == clean(x)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.text.scripts import HAN

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp - 0xFEE0).isalnum()}
_ODD_SPACES = {cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))}
_DROP = {cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)}
_TRANSLATE = {**_FULLWIDTH, **_ODD_SPACES, **_DROP, 0x2028: "\n", 0x2029: "\n", 0x0B: "\n", 0x0C: "\n"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[\u2018\u2019\u02bc\u0060\u00b4](?=[A-Za-z])")

_CJK = HAN
# A line that may continue: ends with a CJK character or with non-final punctuation.
_OPEN_END = re.compile(rf"[{_CJK}0-9A-Za-z，、“‘（《—－\-]$")
_NONFINAL_PUNCT_END = re.compile(r"[，、“‘（《]$")
_CONTINUATION_START = re.compile(rf"^[{_CJK}0-9，、。；：！？”’）》]")
_STRUCTURE = re.compile(r"^\s*(#|[-*+>|]\s|\d+[.)、]\s|---)|\t")


@dataclass(frozen=True)
class CleanRules:
    """Tunable knobs of cleaning (filled from the config)."""

    chrome_patterns: Sequence[str] = field(default_factory=tuple)
    join_min_chars: int = 40
    dedupe_min_chars: int = 12
    max_iterations: int = 4

    def compiled(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.chrome_patterns]


def normalise_chars(text: str) -> str:
    """Map full-width letters/digits to ASCII, odd spaces to spaces, drop invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    return _APOSTROPHE.sub("'", text)


def drop_chrome(lines: list[str], patterns: Sequence[re.Pattern[str]]) -> list[str]:
    """Drop lines that a chrome rule matches in full (navigation, hotlines, breadcrumbs)."""
    if not patterns:
        return lines
    return [ln for ln in lines if not any(p.fullmatch(ln.strip()) for p in patterns if ln.strip())]


def _joinable(current: str, nxt: str, min_chars: int) -> bool:
    if not current or not nxt or _STRUCTURE.search(current) or _STRUCTURE.search(nxt):
        return False
    if not _OPEN_END.search(current) or not _CONTINUATION_START.search(nxt):
        return False
    cjk_end = re.search(rf"[{_CJK}，、“‘（《]$", current) is not None
    return cjk_end and (len(current) >= min_chars or _NONFINAL_PUNCT_END.search(current) is not None)


def join_broken_lines(lines: list[str], min_chars: int) -> list[str]:
    """Re-join a Chinese sentence broken across lines (at most one blank line between the parts)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        current = lines[i]
        i += 1
        while True:
            j = i + 1 if i < len(lines) and not lines[i].strip() else i
            if j < len(lines) and _joinable(current.rstrip(), lines[j].lstrip(), min_chars):
                current = current.rstrip() + lines[j].lstrip()
                i = j + 1
                continue
            break
        out.append(current)
    return out


def dedupe_paragraphs(lines: list[str], min_chars: int) -> list[str]:
    """Drop a paragraph (line) that repeats an earlier one exactly; short lines are kept."""
    seen: set[str] = set()
    out: list[str] = []
    for ln in lines:
        key = ln.strip()
        if len(key) >= min_chars:
            if key in seen:
                continue
            seen.add(key)
        out.append(ln)
    return out


def tidy_blank_lines(lines: list[str]) -> str:
    """Strip trailing spaces, collapse runs of blank lines to one, trim the ends."""
    text = "\n".join(ln.rstrip() for ln in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")


def clean_once(text: str, rules: CleanRules, patterns: Sequence[re.Pattern[str]]) -> str:
    lines = normalise_chars(text).split("\n")
    lines = drop_chrome(lines, patterns)
    lines = join_broken_lines(lines, rules.join_min_chars)
    lines = dedupe_paragraphs(lines, rules.dedupe_min_chars)
    return tidy_blank_lines(lines)


def clean_text(text: str, rules: CleanRules | None = None) -> str:
    """Clean ``text``; idempotent because it iterates ``clean_once`` to a fixpoint.

    >>> clean_text("People\u2018s Congress  ２０２４")
    "People's Congress  2024"
    """
    rules = rules or CleanRules()
    patterns = rules.compiled()
    for _ in range(rules.max_iterations):
        cleaned = clean_once(text, rules, patterns)
        if cleaned == text:
            break
        text = cleaned
    return text
