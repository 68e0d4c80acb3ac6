"""Turn a matched cue phrase into a body code with its term and session.

Why: national cues name their body directly; local cues (省人大代表, "member of the
Guangdong Provincial Committee of the CPPCC") name a kind and a level that are
combined into codes such as PROVINCIAL_PC or LOCAL_CPPCC (see cues.json "bodies").
"""

from __future__ import annotations

import re

from pipeline.delegates.context import BodyFact
from pipeline.delegates.lexicon import Cue, CueLexicon, EnCues, ZhCues
from pipeline.figures import parse_number

_MAX_ORDINAL = 1000  # terms and sessions are small numbers; a larger value is not one


def zh_number(s: str) -> int | None:
    """A term or session number written in Chinese or Arabic digits (十四 -> 14), by the figures' number reader."""
    value = parse_number(s)
    if value is None or value != value.to_integral_value() or not 0 < value < _MAX_ORDINAL:
        return None
    return int(value)


def en_ordinal(s: str, words: dict[str, int]) -> int | None:
    """Value of "14th" or "fourteenth" (words: ordinal word -> value, from cues.json), else None."""
    s = s.strip().lower()
    digits = s.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return words.get(s)


def has_keyword(s: str, keywords: tuple[str, ...]) -> bool:
    """Cheap test before the cue regexes: every cue contains one of these words (lower case)."""
    low = s.lower()
    return any(k in low for k in keywords)


def resolve_body(cue: Cue, match: re.Match[str], levels: dict[str, str], lex: CueLexicon) -> str | None:
    """The body code a cue match names (None when a local cue's level is unknown)."""
    if cue.body:
        return cue.body
    groups = match.groupdict()
    level_word = (groups.get("level") or "").strip().lower()
    level = levels.get(level_word)
    if level is None or cue.kind is None:
        return None
    place = (groups.get("place") or "").strip().lower()
    if level == "LOCAL" and any(place.endswith(p) for p in lex.provincial_municipalities):
        level = "PROVINCIAL"
    return f"{level}_{cue.kind}"


def zh_term_session(phrase: str, zh: ZhCues) -> tuple[int | None, int | None]:
    """十四届 -> term 14, 四次会议 -> session 4, from one cue phrase."""
    t, s = zh.term.search(phrase), zh.session.search(phrase)
    return (zh_number(t.group(1)) if t else None, zh_number(s.group(1)) if s else None)


def en_term_session(phrase: str, en: EnCues) -> tuple[int | None, int | None]:
    """ "14th National ..." -> term 14, "Second Session" -> session 2, from one cue phrase."""
    t, s = en.term.search(phrase), en.session.search(phrase)
    return (
        en_ordinal(t.group(1), en.ordinals) if t else None,
        en_ordinal(s.group(1), en.ordinals) if s else None,
    )


def cue_fact(
    cue: Cue, match: re.Match[str], offset: int, lang: str, strength: int, lex: CueLexicon
) -> BodyFact | None:
    """A BodyFact for a cue match found in a string that starts at document offset ``offset``."""
    levels = lex.zh.levels if lang == "zh" else lex.en.levels
    body = resolve_body(cue, match, levels, lex)
    if body is None:
        return None
    phrase = match.group(0)
    term, session = zh_term_session(phrase, lex.zh) if lang == "zh" else en_term_session(phrase, lex.en)
    return BodyFact(body, strength, offset + match.start(), offset + match.end(), term, session)
