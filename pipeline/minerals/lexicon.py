"""Load and check the bilingual mineral lexicon (lexicon.yaml in this package).

Why a checked, frozen structure: the matcher trusts that every surface maps to exactly one
canonical mineral, so a curation mistake (a Chinese name claimed by two minerals, a source id
that does not exist, a misspelt key) must fail at load time, not show up as a silently wrong
match. The file's shape is a pydantic model read through :mod:`pipeline.resources` (unknown keys
rejected); the cross-references (sources, categories, parents, names claimed twice) are checked
here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import NonNegativeInt, StringConstraints, ValidationError, field_validator

from pipeline.resources import DataFileError, RuleFile, load_data

_PACKAGE = "pipeline.minerals"
_FILE = "lexicon.yaml"

_EN_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F]+|&")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Names = tuple[Name, ...]


class LexiconError(DataFileError):
    """The lexicon file breaks an integrity rule."""


# ---------------------------------------------------------------- the file's shape
class EntryModel(RuleFile):
    canonical: Name
    category: str
    zh: Names = ()
    en: Names = ()
    en_acronyms: Names = ()
    sources: Names
    parent: str | None = None
    zh_context: Names = ()
    en_context: Names = ()
    en_sibling_context: Names = ()

    @field_validator("canonical")
    @classmethod
    def _lower(cls, v: str) -> str:
        if v != v.lower():
            raise ValueError("a canonical name is lower case")
        return v

    @field_validator("sources")
    @classmethod
    def _some(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v:
            raise ValueError("no sources")
        return v


class BlockersModel(RuleFile):
    zh: Names = ()
    en: Names = ()


class ContextModel(RuleFile):
    zh_left_ok: Names
    zh_right_ok: Names
    zh_right_strong: Names
    zh_org_suffixes: Names
    zh_org_terminal_suffixes: Names
    zh_org_gap_max: NonNegativeInt
    zh_org_gap_stop: Names
    zh_company_morpheme: str = ""
    zh_company_morpheme_exceptions: Names = ()
    en_org_suffixes: Names
    en_org_connectors: Names
    en_org_window: NonNegativeInt
    en_context_nouns: Names
    en_property_modifiers: Names = ()
    en_property_rescue_nouns: Names = ()


class LexiconFile(RuleFile):
    version: int
    categories: Names
    sources: dict[str, str]
    entries: tuple[EntryModel, ...]
    blockers: BlockersModel = BlockersModel()
    context: ContextModel


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
    en_sibling_context: tuple[str, ...] = ()  # also count when the sentence names a mineral of their category


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
    en_property_modifiers: frozenset[str]
    en_property_rescue_nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class MineralLexicon:
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
    en_sibling: frozenset[str]
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


def _entry(m: EntryModel, categories: tuple[str, ...], sources: dict[str, str]) -> Entry:
    where = f"entry {m.canonical!r}"
    if m.category not in categories:
        raise LexiconError(f"{where}: category {m.category!r} not in {categories}")
    unknown = [s for s in m.sources if s not in sources]
    if unknown:
        raise LexiconError(f"{where}: unknown sources {unknown}")
    if not (m.zh or m.en or m.en_acronyms):
        raise LexiconError(f"{where}: no names")
    if set(m.zh_context) - set(m.zh) or set(m.en_context) - set(m.en):
        raise LexiconError(f"{where}: context names must also be listed as names")
    if set(m.en_sibling_context) - set(m.en_context):
        raise LexiconError(f"{where}: en_sibling_context names must also be en_context names")
    return Entry(m.canonical, m.category, m.zh, m.en, m.en_acronyms, m.sources, m.parent, m.zh_context,
                 m.en_context, m.en_sibling_context)


def _rules(c: ContextModel) -> ContextRules:
    return ContextRules(
        zh_left_ok=frozenset(c.zh_left_ok),
        zh_right_ok=frozenset(c.zh_right_ok),
        zh_right_strong=frozenset(c.zh_right_strong),
        zh_org_suffixes=c.zh_org_suffixes,
        zh_org_terminal_suffixes=c.zh_org_terminal_suffixes,
        zh_org_gap_max=c.zh_org_gap_max,
        zh_org_gap_stop=frozenset(c.zh_org_gap_stop),
        zh_company_morpheme=c.zh_company_morpheme,
        zh_company_morpheme_exceptions=c.zh_company_morpheme_exceptions,
        en_org_suffixes=frozenset(c.en_org_suffixes),
        en_org_connectors=frozenset(t.lower() for t in c.en_org_connectors),
        en_org_window=c.en_org_window,
        en_context_nouns=frozenset(t.lower() for t in c.en_context_nouns),
        en_property_modifiers=frozenset(t.lower() for t in c.en_property_modifiers),
        en_property_rescue_nouns=frozenset(t.lower() for t in c.en_property_rescue_nouns),
    )


def build_lexicon(model: LexiconFile) -> MineralLexicon:
    """Check the cross-references of a validated lexicon file and build the lookup tables."""
    if not model.entries:
        raise LexiconError("lexicon: no entries")
    if not model.sources:
        raise LexiconError("lexicon: `sources` must map ids to citations")
    sources = dict(model.sources)
    entries = tuple(_entry(m, model.categories, sources) for m in model.entries)

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
                raise LexiconError(f"Chinese name {name!r} claimed by {other.canonical!r} and {e.canonical!r}")
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

    zh_blockers = frozenset(model.blockers.zh)
    en_blockers = frozenset(en_key(b) for b in model.blockers.en)
    clash = sorted(zh_blockers & set(zh_names)) + sorted(en_blockers & set(en_names))
    if clash:
        raise LexiconError(f"surfaces listed both as names and blockers: {clash}")

    by_first: dict[str, list[str]] = {}
    for surface in set(zh_names) | zh_blockers:
        by_first.setdefault(surface[0], []).append(surface)
    zh_by_first = {k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in by_first.items()}
    en_all = set(en_names) | en_blockers
    return MineralLexicon(
        entries=entries,
        sources=sources,
        categories=model.categories,
        zh_names=zh_names,
        zh_ambiguous=frozenset(n for e in entries for n in e.zh_context),
        zh_blockers=zh_blockers,
        zh_by_first=zh_by_first,
        en_names=en_names,
        en_ambiguous=frozenset(en_key(n) for e in entries for n in e.en_context),
        en_sibling=frozenset(en_key(n) for e in entries for n in e.en_sibling_context),
        en_blockers=en_blockers,
        en_acronyms=acronyms,
        en_max_tokens=max(len(k.split()) for k in en_all),
        rules=_rules(model.context),
    )


def parse_lexicon(data: Any) -> MineralLexicon:
    """Build a MineralLexicon from the parsed YAML document; any problem raises LexiconError."""
    if not isinstance(data, dict):
        raise LexiconError("lexicon: expected a mapping at top level")
    try:
        model = LexiconFile.model_validate({k: v for k, v in data.items() if not str(k).startswith("_")})
    except ValidationError as exc:
        raise LexiconError(f"lexicon does not match LexiconFile:\n{exc}") from exc
    return build_lexicon(model)


@lru_cache(maxsize=8)
def _load_path(path: Path) -> MineralLexicon:
    with path.open(encoding="utf-8") as fh:
        return parse_lexicon(yaml.safe_load(fh))


@lru_cache(maxsize=1)
def _load_packaged() -> MineralLexicon:
    return parse_lexicon(load_data(_PACKAGE, _FILE))


def load_lexicon(path: Path | None = None) -> MineralLexicon:
    """The packaged lexicon.yaml (read through pipeline.resources), or a curator's copy at ``path``;
    parsed once and cached."""
    return _load_packaged() if path is None else _load_path(Path(path).resolve())


def raw_lexicon() -> Any:
    """The packaged lexicon.yaml as parsed YAML (for integrity tests and curation tools)."""
    return load_data(_PACKAGE, _FILE)
