"""Load and check the bilingual mineral lexicon (lexicon.yaml in this package).

Why a checked, frozen structure: the matcher trusts that every surface maps to exactly one
canonical mineral, so a curation mistake (a Chinese name claimed by two minerals, a source id
that does not exist) must fail at load time, not show up as a silently wrong match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).with_name("lexicon.yaml")

_EN_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F]+|&")


class LexiconError(ValueError):
    """The lexicon file breaks an integrity rule."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One mineral: its canonical English key, category, names and where the names come from."""

    canonical: str
    category: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    en_acronyms: tuple[str, ...]
    sources: tuple[str, ...]
    parent: str | None = None
    zh_context: tuple[str, ...] = ()
    en_context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContextRules:
    """Context words the matcher consults; kept as data so curators can extend them."""

    zh_left_ok: frozenset[str]
    zh_right_ok: frozenset[str]
    zh_right_strong: frozenset[str]
    zh_org_suffixes: tuple[str, ...]
    zh_org_terminal_suffixes: tuple[str, ...]
    zh_org_gap_max: int
    zh_org_gap_stop: frozenset[str]
    zh_company_morpheme: str
    zh_company_morpheme_exceptions: tuple[str, ...]
    en_org_suffixes: frozenset[str]
    en_org_connectors: frozenset[str]
    en_org_window: int
    en_context_nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded lexicon with the lookup tables the matcher needs (treat the dicts as read-only)."""

    entries: tuple[Entry, ...]
    sources: dict[str, str]
    categories: tuple[str, ...]
    zh_names: dict[str, Entry]
    zh_ambiguous: frozenset[str]
    zh_blockers: frozenset[str]
    zh_by_first: dict[str, tuple[str, ...]]
    en_names: dict[str, Entry]
    en_ambiguous: frozenset[str]
    en_blockers: frozenset[str]
    en_acronyms: dict[str, Entry]
    en_max_tokens: int
    rules: ContextRules

    def zh_terms(self) -> tuple[str, ...]:
        """Chinese mineral names of two or more characters, for the segmenter to keep whole."""
        return tuple(sorted(n for n in self.zh_names if len(n) > 1))

    def entry(self, canonical: str) -> Entry:
        """The entry with this canonical name (KeyError if unknown)."""
        for e in self.entries:
            if e.canonical == canonical:
                return e
        raise KeyError(canonical)


def en_key(phrase: str) -> str:
    """Normalise an English name for lookup: lower case, hyphens as spaces, '&' as 'and'."""
    toks = _EN_TOKEN.findall(phrase.lower())
    return " ".join("and" if t == "&" else t for t in toks)


def _strs(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise LexiconError(f"{where}: expected a list of non-empty strings, got {raw!r}")
    return tuple(x.strip() for x in raw)


def _entry(raw: Any, categories: tuple[str, ...], sources: dict[str, str]) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"entry is not a mapping: {raw!r}")
    canonical = raw.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip() or canonical != canonical.lower():
        raise LexiconError(f"entry needs a lower-case canonical: {raw!r}")
    where = f"entry {canonical!r}"
    category = raw.get("category")
    if category not in categories:
        raise LexiconError(f"{where}: category {category!r} not in {categories}")
    srcs = _strs(raw.get("sources"), f"{where} sources")
    if not srcs:
        raise LexiconError(f"{where}: no sources")
    unknown = [s for s in srcs if s not in sources]
    if unknown:
        raise LexiconError(f"{where}: unknown sources {unknown}")
    zh, en = _strs(raw.get("zh"), f"{where} zh"), _strs(raw.get("en"), f"{where} en")
    acr = _strs(raw.get("en_acronyms"), f"{where} en_acronyms")
    if not (zh or en or acr):
        raise LexiconError(f"{where}: no names")
    zh_ctx, en_ctx = _strs(raw.get("zh_context"), where), _strs(raw.get("en_context"), where)
    if set(zh_ctx) - set(zh) or set(en_ctx) - set(en):
        raise LexiconError(f"{where}: context names must also be listed as names")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise LexiconError(f"{where}: parent must be a string")
    extra = set(raw) - {"canonical", "category", "zh", "en", "en_acronyms", "sources", "parent",
                        "zh_context", "en_context"}
    if extra:
        raise LexiconError(f"{where}: unknown fields {sorted(extra)}")
    return Entry(canonical, category, zh, en, acr, srcs, parent, zh_ctx, en_ctx)


def _rules(raw: Any) -> ContextRules:
    if not isinstance(raw, dict):
        raise LexiconError("context: expected a mapping")

    def s(key: str) -> tuple[str, ...]:
        return _strs(raw.get(key), f"context.{key}")

    def n(key: str) -> int:
        v = raw.get(key)
        if not isinstance(v, int) or v < 0:
            raise LexiconError(f"context.{key}: expected a non-negative integer")
        return v

    morpheme = raw.get("zh_company_morpheme", "")
    if not isinstance(morpheme, str):
        raise LexiconError("context.zh_company_morpheme: expected a string")
    return ContextRules(
        zh_left_ok=frozenset(s("zh_left_ok")),
        zh_right_ok=frozenset(s("zh_right_ok")),
        zh_right_strong=frozenset(s("zh_right_strong")),
        zh_org_suffixes=s("zh_org_suffixes"),
        zh_org_terminal_suffixes=s("zh_org_terminal_suffixes"),
        zh_org_gap_max=n("zh_org_gap_max"),
        zh_org_gap_stop=frozenset(s("zh_org_gap_stop")),
        zh_company_morpheme=morpheme,
        zh_company_morpheme_exceptions=s("zh_company_morpheme_exceptions"),
        en_org_suffixes=frozenset(s("en_org_suffixes")),
        en_org_connectors=frozenset(t.lower() for t in s("en_org_connectors")),
        en_org_window=n("en_org_window"),
        en_context_nouns=frozenset(t.lower() for t in s("en_context_nouns")),
    )


def parse_lexicon(data: Any) -> Lexicon:
    """Build a Lexicon from the parsed YAML document, enforcing the integrity rules."""
    if not isinstance(data, dict):
        raise LexiconError("lexicon: expected a mapping at top level")
    categories = _strs(data.get("categories"), "categories")
    sources = data.get("sources")
    if not isinstance(sources, dict) or not sources:
        raise LexiconError("lexicon: `sources` must map ids to citations")
    sources = {str(k): str(v) for k, v in sources.items()}
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError("lexicon: no entries")
    entries = tuple(_entry(r, categories, sources) for r in raw_entries)

    canon = [e.canonical for e in entries]
    dupes = sorted({c for c in canon if canon.count(c) > 1})
    if dupes:
        raise LexiconError(f"duplicate canonicals: {dupes}")
    for e in entries:
        if e.parent is not None and e.parent not in canon:
            raise LexiconError(f"entry {e.canonical!r}: unknown parent {e.parent!r}")

    zh_names: dict[str, Entry] = {}
    en_names: dict[str, Entry] = {}
    acronyms: dict[str, Entry] = {}
    for e in entries:
        for name in e.zh:
            other = zh_names.get(name)
            if other is not None and other.canonical != e.canonical:
                raise LexiconError(f"Chinese name {name!r} claimed by {other.canonical!r} and "
                                   f"{e.canonical!r}")
            zh_names[name] = e
        for name in e.en:
            key = en_key(name)
            other = en_names.get(key)
            if not key or (other is not None and other.canonical != e.canonical):
                raise LexiconError(f"English name {name!r} is empty or claimed twice")
            en_names[key] = e
        for name in e.en_acronyms:
            if name in acronyms and acronyms[name].canonical != e.canonical:
                raise LexiconError(f"acronym {name!r} claimed twice")
            acronyms[name] = e

    blockers = data.get("blockers") or {}
    zh_blockers = frozenset(_strs(blockers.get("zh"), "blockers.zh"))
    en_blockers = frozenset(en_key(b) for b in _strs(blockers.get("en"), "blockers.en"))
    clash = sorted(zh_blockers & set(zh_names)) + sorted(en_blockers & set(en_names))
    if clash:
        raise LexiconError(f"surfaces listed both as names and blockers: {clash}")

    by_first: dict[str, list[str]] = {}
    for surface in set(zh_names) | zh_blockers:
        by_first.setdefault(surface[0], []).append(surface)
    zh_by_first = {k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in by_first.items()}
    en_all = set(en_names) | en_blockers
    return Lexicon(
        entries=entries,
        sources=sources,
        categories=categories,
        zh_names=zh_names,
        zh_ambiguous=frozenset(n for e in entries for n in e.zh_context),
        zh_blockers=zh_blockers,
        zh_by_first=zh_by_first,
        en_names=en_names,
        en_ambiguous=frozenset(en_key(n) for e in entries for n in e.en_context),
        en_blockers=en_blockers,
        en_acronyms=acronyms,
        en_max_tokens=max(len(k.split()) for k in en_all),
        rules=_rules(data.get("context")),
    )


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> Lexicon:
    with path.open(encoding="utf-8") as fh:
        return parse_lexicon(yaml.safe_load(fh))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at `path` (default: the package's lexicon.yaml), parsed once and cached."""
    return _load_cached(Path(path).resolve() if path is not None else DEFAULT_PATH)
