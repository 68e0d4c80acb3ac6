"""Load the cue data (cues.json) once, check its shape, and compile it.

Why: the cue phrases, body codes, setting markers and title vocabularies are data that a reviewer
edits without touching matching code; this module is the only place that knows the file layout. The
file is read through :func:`pipeline.resources.load_validated`, so a misspelt key fails at load time
with the key named, not as a cue that silently never fires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from pipeline.resources import RuleFile, load_validated

_MACRO = re.compile(r"\{([A-Z]+)\}")


# --- the file's shape ------------------------------------------------------------------------------


class CueSpec(RuleFile):
    """One cue phrase: ``body`` for a national body, or ``kind`` for a local one (level from the match)."""

    pattern: str
    body: str | None = None
    kind: str | None = None
    as_title: bool = False
    needs_setting: bool = False  # a bare phrase (人大代表) that names a national body only in a national setting


class WordSpec(RuleFile):
    """A bare word after a name or a list (代表, 委员) and the national body it names in a national setting."""

    word: str
    family: str


class SessionDateSpec(RuleFile):
    """A publication date in the page header that falls in the national sessions (early March)."""

    doc: str = Field(default="", alias="_doc")
    pattern: str
    month: int
    first_day: int
    last_day: int
    header_chars: int


class SettingSpec(RuleFile):
    """What makes a page a national two-sessions page, and what makes it a local one."""

    doc: str = Field(default="", alias="_doc")
    national_markers: list[str]
    local_markers: list[str]
    session_date: SessionDateSpec


class ZhSpec(RuleFile):
    macros: dict[str, str]
    term: str
    session: str
    cues: list[CueSpec]
    local_cues: list[CueSpec]
    levels: dict[str, str]
    bare_cues: list[CueSpec]
    setting: SettingSpec
    own_delegation: str
    doc_sessions: dict[str, list[str]]
    role_suffixes: list[str]
    byline_roles: list[str]
    junk_prefixes: list[str]
    cut_after: list[str]
    dateline: str
    max_byline_chars: int
    former_markers: list[str]
    org_suffixes: list[str]
    org_min_chars: int
    affiliation_modifiers: list[str]
    post_name_titles: list[str]
    post_name_words: list[WordSpec]
    post_name_not_after: dict[str, list[str]]
    not_names: list[str]
    not_name_starts: str
    post_name_copulas: list[str]
    pronoun_copulas: list[str]
    as_prefixes: list[str]
    list_separators: list[str]
    list_tail: str
    list_tail_words: list[WordSpec]
    cue_keywords: list[str]
    segment_stops: str
    max_segment_chars: int
    max_title_chars: int


class EnSpec(RuleFile):
    macros: dict[str, str]
    ordinals: dict[str, int]
    term: str
    session: str
    cues: list[CueSpec]
    local_cues: list[CueSpec]
    levels: dict[str, str]
    doc_sessions: dict[str, list[str]]
    enumeration_verbs: list[str]
    title_heads: list[str]
    title_modifiers: list[str]
    strip_leading: list[str]
    cue_prefix_words: list[str]
    former_markers: list[str]
    connectors: list[str]
    plural_starts: list[str]
    honorifics: list[str]
    abbreviations: list[str]
    max_window_chars: int
    max_cue_chars: int
    cue_keywords: list[str]


class CueFile(RuleFile):
    bodies: dict[str, str]
    family: dict[str, str]
    provincial_municipalities: list[str]
    zh: ZhSpec
    en: EnSpec


# --- the compiled form the rules use -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One compiled cue phrase: a national body, or a local kind (PC, CPPCC...) whose level comes from the match."""

    body: str | None
    kind: str | None
    regex: re.Pattern[str]
    at_end: re.Pattern[str]
    as_title: bool
    needs_setting: bool = False


@dataclass(frozen=True, slots=True)
class WordCue:
    """A bare word after a name or a list (代表, 委员) and the body family it names in a national setting."""

    word: str
    family: str


@dataclass(frozen=True, slots=True)
class SettingCues:
    national_markers: tuple[re.Pattern[str], ...]
    local_markers: tuple[re.Pattern[str], ...]
    session_date: re.Pattern[str]
    session_month: int
    session_days: range
    header_chars: int


@dataclass(frozen=True, slots=True)
class ZhCues:
    cues: tuple[Cue, ...]
    local_cues: tuple[Cue, ...]
    bare_cues: tuple[Cue, ...]
    levels: dict[str, str]
    setting: SettingCues
    own_delegation: re.Pattern[str]
    term: re.Pattern[str]
    session: re.Pattern[str]
    doc_sessions: dict[str, tuple[re.Pattern[str], ...]]
    role_suffixes: tuple[str, ...]
    byline_roles: frozenset[str]
    junk_prefixes: tuple[str, ...]
    cut_after: tuple[str, ...]
    former_markers: tuple[str, ...]
    dateline: re.Pattern[str]
    max_byline_chars: int
    org_suffixes: tuple[str, ...]
    org_min_chars: int
    affiliation_modifiers: tuple[str, ...]
    post_name_titles: tuple[str, ...]
    post_name_words: tuple[WordCue, ...]
    post_name_not_after: dict[str, tuple[str, ...]]
    not_names: frozenset[str]
    not_name_starts: frozenset[str]
    post_name_copulas: tuple[str, ...]
    pronoun_copulas: tuple[str, ...]
    as_prefixes: tuple[str, ...]
    list_separators: tuple[str, ...]
    list_tail: re.Pattern[str]
    list_tail_words: tuple[WordCue, ...]
    segment_stops: frozenset[str]
    cue_keywords: tuple[str, ...]
    max_segment_chars: int
    max_title_chars: int


@dataclass(frozen=True, slots=True)
class EnCues:
    cues: tuple[Cue, ...]
    local_cues: tuple[Cue, ...]
    levels: dict[str, str]
    ordinals: dict[str, int]
    term: re.Pattern[str]
    session: re.Pattern[str]
    doc_sessions: dict[str, tuple[re.Pattern[str], ...]]
    ordinal: re.Pattern[str]
    enumeration_verbs: frozenset[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    strip_leading: frozenset[str]
    cue_prefix_words: frozenset[str]
    former_markers: frozenset[str]
    connectors: frozenset[str]
    plural_starts: frozenset[str]
    honorifics: frozenset[str]
    abbreviations: frozenset[str]
    max_window_chars: int
    max_cue_chars: int
    cue_keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Everything the delegate rules know, compiled: body codes, cue phrases, setting markers, title words."""

    bodies: dict[str, str]
    family: dict[str, str]
    provincial_municipalities: tuple[str, ...]
    zh: ZhCues
    en: EnCues


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Expand {NAME} macros repeatedly (macros may use other macros)."""
    for _ in range(5):
        new = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    return pattern


def _cues(items: list[CueSpec], macros: dict[str, str], flags: int) -> tuple[Cue, ...]:
    out = []
    for it in items:
        pattern = _expand(it.pattern, macros)
        out.append(Cue(body=it.body, kind=it.kind, regex=re.compile(pattern, flags),
                       at_end=re.compile(f"(?:{pattern})\\Z", flags), as_title=it.as_title,
                       needs_setting=it.needs_setting))
    return tuple(out)


def _words(items: list[WordSpec]) -> tuple[WordCue, ...]:
    return tuple(WordCue(it.word, it.family) for it in items)


def _by_length(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _patterns(patterns: list[str], macros: dict[str, str], flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_expand(p, macros), flags) for p in patterns)


def _sessions(spec: dict[str, list[str]], macros: dict[str, str], flags: int) -> dict[str, tuple[re.Pattern[str], ...]]:
    return {fam: _patterns(pats, macros, flags) for fam, pats in spec.items()}


def _setting(spec: SettingSpec, macros: dict[str, str]) -> SettingCues:
    date = spec.session_date
    return SettingCues(national_markers=_patterns(spec.national_markers, macros),
                       local_markers=_patterns(spec.local_markers, macros),
                       session_date=re.compile(date.pattern), session_month=date.month,
                       session_days=range(date.first_day, date.last_day + 1), header_chars=date.header_chars)


def _zh(d: ZhSpec) -> ZhCues:
    mac = d.macros
    return ZhCues(
        cues=_cues(d.cues, mac, 0),
        local_cues=_cues(d.local_cues, mac, 0),
        bare_cues=_cues(d.bare_cues, mac, 0),
        levels=dict(d.levels),
        setting=_setting(d.setting, mac),
        own_delegation=re.compile(d.own_delegation),
        term=re.compile(d.term),
        session=re.compile(d.session),
        doc_sessions=_sessions(d.doc_sessions, mac, 0),
        role_suffixes=_by_length(d.role_suffixes),
        byline_roles=frozenset(d.byline_roles),
        junk_prefixes=_by_length(d.junk_prefixes),
        cut_after=tuple(d.cut_after),
        former_markers=_by_length(d.former_markers),
        dateline=re.compile(d.dateline),
        max_byline_chars=d.max_byline_chars,
        org_suffixes=_by_length(d.org_suffixes),
        org_min_chars=d.org_min_chars,
        affiliation_modifiers=_by_length(d.affiliation_modifiers),
        post_name_titles=_by_length(d.post_name_titles),
        post_name_words=_words(d.post_name_words),
        post_name_not_after={w: _by_length(after) for w, after in d.post_name_not_after.items()},
        not_names=frozenset(d.not_names),
        not_name_starts=frozenset(d.not_name_starts),
        post_name_copulas=_by_length(d.post_name_copulas),
        pronoun_copulas=_by_length(d.pronoun_copulas),
        as_prefixes=_by_length(d.as_prefixes),
        list_separators=tuple(d.list_separators),
        list_tail=re.compile(d.list_tail),
        list_tail_words=_words(d.list_tail_words),
        segment_stops=frozenset(d.segment_stops),
        cue_keywords=tuple(d.cue_keywords),
        max_segment_chars=d.max_segment_chars,
        max_title_chars=d.max_title_chars,
    )


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _en(d: EnSpec) -> EnCues:
    mac = d.macros
    flags = re.IGNORECASE
    return EnCues(
        cues=_cues(d.cues, mac, flags),
        local_cues=_cues(d.local_cues, mac, flags),
        levels={k.lower(): v for k, v in d.levels.items()},
        ordinals={k.lower(): v for k, v in d.ordinals.items()},
        term=re.compile(_expand(d.term, mac), flags),
        session=re.compile(_expand(d.session, mac), flags),
        doc_sessions=_sessions(d.doc_sessions, mac, flags),
        ordinal=re.compile(_expand(r"\b{ORD}\b", mac), flags),
        enumeration_verbs=_lower(d.enumeration_verbs),
        title_heads=_lower(d.title_heads),
        title_modifiers=_lower(d.title_modifiers),
        strip_leading=_lower(d.strip_leading),
        cue_prefix_words=_lower(d.cue_prefix_words),
        former_markers=_lower(d.former_markers),
        connectors=_lower(d.connectors),
        plural_starts=_lower(d.plural_starts),
        honorifics=_lower(d.honorifics),
        abbreviations=_lower(d.abbreviations),
        max_window_chars=d.max_window_chars,
        max_cue_chars=d.max_cue_chars,
        cue_keywords=tuple(k.lower() for k in d.cue_keywords),
    )


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The compiled cue data (read and validated once per process)."""
    d = load_validated(__name__.rpartition(".")[0], "cues.json", CueFile)
    return CueLexicon(bodies=dict(d.bodies), family=dict(d.family),
                      provincial_municipalities=tuple(d.provincial_municipalities), zh=_zh(d.zh), en=_en(d.en))
