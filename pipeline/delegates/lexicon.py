"""Load the cue data (cues.json) once and compile it.

Why: the cue phrases, body codes and title vocabularies are data that a reviewer
edits without touching matching code; this module is the only place that knows
the file layout.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_MACRO = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue phrase: a national body, or a local kind (PC, CPPCC...) whose level comes from the match."""

    body: str | None
    kind: str | None
    regex: re.Pattern[str]
    at_end: re.Pattern[str]
    as_title: bool
    doc_requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WordCue:
    """A bare word after a name or a list (代表, 委员) that names a body only in a fitting document."""

    word: str
    body: str
    doc_requires: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ZhLexicon:
    cues: tuple[Cue, ...]
    local_cues: tuple[Cue, ...]
    bare_cues: tuple[Cue, ...]
    levels: dict[str, str]
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
    post_name_followers: frozenset[str]
    post_name_copulas: tuple[str, ...]
    list_separators: tuple[str, ...]
    list_tail: re.Pattern[str]
    list_tail_words: tuple[WordCue, ...]
    segment_stops: frozenset[str]
    cue_keywords: tuple[str, ...]
    max_segment_chars: int
    max_title_chars: int


@dataclass(frozen=True, slots=True)
class EnLexicon:
    cues: tuple[Cue, ...]
    local_cues: tuple[Cue, ...]
    levels: dict[str, str]
    ordinals: dict[str, int]
    term: re.Pattern[str]
    session: re.Pattern[str]
    doc_sessions: dict[str, tuple[re.Pattern[str], ...]]
    ordinal: re.Pattern[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    strip_leading: frozenset[str]
    cue_prefix_words: frozenset[str]
    former_markers: frozenset[str]
    connectors: frozenset[str]
    abbreviations: frozenset[str]
    plural_starts: frozenset[str]
    self_pronouns: frozenset[str]
    max_window_chars: int
    max_cue_chars: int
    cue_keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    bodies: dict[str, str]
    family: dict[str, str]
    provincial_municipalities: tuple[str, ...]
    zh: ZhLexicon
    en: EnLexicon


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Expand {NAME} macros repeatedly (macros may use other macros)."""
    for _ in range(5):
        new = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    return pattern


def _cues(items: list[dict[str, Any]], macros: dict[str, str], flags: int) -> tuple[Cue, ...]:
    out = []
    for it in items:
        pattern = _expand(it["pattern"], macros)
        out.append(
            Cue(
                body=it.get("body"),
                kind=it.get("kind"),
                regex=re.compile(pattern, flags),
                at_end=re.compile(f"(?:{pattern})\\Z", flags),
                as_title=bool(it.get("as_title", False)),
                doc_requires=tuple(it.get("doc_requires", ())),
            )
        )
    return tuple(out)


def _words(items: list[dict[str, Any]]) -> tuple[WordCue, ...]:
    return tuple(WordCue(it["word"], it["body"], tuple(it["doc_requires"])) for it in items)


def _by_length(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _sessions(
    spec: dict[str, list[str]], macros: dict[str, str], flags: int
) -> dict[str, tuple[re.Pattern[str], ...]]:
    return {fam: tuple(re.compile(_expand(p, macros), flags) for p in pats) for fam, pats in spec.items()}


def _zh(d: dict[str, Any]) -> ZhLexicon:
    mac = d["macros"]
    return ZhLexicon(
        cues=_cues(d["cues"], mac, 0),
        local_cues=_cues(d["local_cues"], mac, 0),
        bare_cues=_cues(d["bare_cues"], mac, 0),
        levels=dict(d["levels"]),
        own_delegation=re.compile(d["own_delegation"]["pattern"]),
        term=re.compile(d["term"]),
        session=re.compile(d["session"]),
        doc_sessions=_sessions(d["doc_sessions"], mac, 0),
        role_suffixes=_by_length(d["role_suffixes"]),
        byline_roles=frozenset(d["byline_roles"]),
        junk_prefixes=_by_length(d["junk_prefixes"]),
        cut_after=tuple(d["cut_after"]),
        former_markers=_by_length(d["former_markers"]),
        dateline=re.compile(d["dateline"]),
        max_byline_chars=int(d["max_byline_chars"]),
        org_suffixes=_by_length(d["org_suffixes"]),
        org_min_chars=int(d["org_min_chars"]),
        affiliation_modifiers=_by_length(d["affiliation_modifiers"]),
        post_name_titles=_by_length(d["post_name_titles"]),
        post_name_words=_words(d["post_name_words"]),
        post_name_followers=frozenset(d["post_name_followers"]),
        post_name_copulas=_by_length(d["post_name_copulas"]),
        list_separators=tuple(d["list_separators"]),
        list_tail=re.compile(d["list_tail"]),
        list_tail_words=_words(d["list_tail_words"]),
        segment_stops=frozenset(d["segment_stops"]),
        cue_keywords=tuple(d["cue_keywords"]),
        max_segment_chars=int(d["max_segment_chars"]),
        max_title_chars=int(d["max_title_chars"]),
    )


def _en(d: dict[str, Any]) -> EnLexicon:
    mac = d["macros"]
    flags = re.IGNORECASE
    return EnLexicon(
        cues=_cues(d["cues"], mac, flags),
        local_cues=_cues(d["local_cues"], mac, flags),
        levels={k.lower(): v for k, v in d["levels"].items()},
        ordinals={k.lower(): int(v) for k, v in d["ordinals"].items()},
        term=re.compile(_expand(d["term"], mac), flags),
        session=re.compile(_expand(d["session"], mac), flags),
        doc_sessions=_sessions(d["doc_sessions"], mac, flags),
        ordinal=re.compile(_expand(r"\b{ORD}\b", mac), flags),
        title_heads=frozenset(w.lower() for w in d["title_heads"]),
        title_modifiers=frozenset(w.lower() for w in d["title_modifiers"]),
        strip_leading=frozenset(w.lower() for w in d["strip_leading"]),
        cue_prefix_words=frozenset(w.lower() for w in d["cue_prefix_words"]),
        former_markers=frozenset(w.lower() for w in d["former_markers"]),
        connectors=frozenset(w.lower() for w in d["connectors"]),
        abbreviations=frozenset(w.lower() for w in d["abbreviations"]),
        plural_starts=frozenset(w.lower() for w in d["plural_starts"]),
        self_pronouns=frozenset(w.lower() for w in d["self_pronouns"]),
        max_window_chars=int(d["max_window_chars"]),
        max_cue_chars=int(d["max_cue_chars"]),
        cue_keywords=tuple(k.lower() for k in d["cue_keywords"]),
    )


def _read_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files(__name__.rpartition(".")[0]).joinpath(name).read_text("utf-8")
    )
    return data


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled cue data (read once per process)."""
    d = _read_json("cues.json")
    return Lexicon(
        bodies=dict(d["bodies"]),
        family=dict(d["family"]),
        provincial_municipalities=tuple(d["provincial_municipalities"]),
        zh=_zh(d["zh"]),
        en=_en(d["en"]),
    )


@lru_cache(maxsize=1)
def surnames() -> tuple[dict[str, str], dict[str, str]]:
    """(compound surnames, single-character surname readings) from surnames.json."""
    d = _read_json("surnames.json")
    return dict(d["compound"]), dict(d["single"])
