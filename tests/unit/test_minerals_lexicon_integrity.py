"""Lexicon integrity: every entry is complete and sourced, no name is claimed twice, the loader
rejects broken data, and the lexicon covers what the brief requires
(tests/data/minerals/required_coverage.tsv)."""

from __future__ import annotations

import copy
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.minerals import LexiconError, load_lexicon, match_minerals
from pipeline.minerals.lexicon import en_key, parse_lexicon, raw_lexicon

ROOT = Path(__file__).resolve().parents[2]
RAW = raw_lexicon()
COVERAGE = ROOT / "tests" / "data" / "minerals" / "required_coverage.tsv"


def test_every_entry_has_canonical_category_sources() -> None:
    for raw in RAW["entries"]:
        assert isinstance(raw.get("canonical"), str) and raw["canonical"] == raw["canonical"].lower()
        assert raw.get("category") in RAW["categories"], raw
        assert raw.get("sources") and set(raw["sources"]) <= set(RAW["sources"]), raw


def test_no_chinese_name_claimed_by_two_canonicals() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for raw in RAW["entries"]:
        for name in raw.get("zh") or []:
            owners[name].add(raw["canonical"])
    assert {n: c for n, c in owners.items() if len(c) > 1} == {}


def test_no_english_name_claimed_by_two_canonicals() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for raw in RAW["entries"]:
        for name in (raw.get("en") or []) + (raw.get("en_acronyms") or []):
            owners[en_key(name) if name.lower() == name else name].add(raw["canonical"])
    assert {n: c for n, c in owners.items() if len(c) > 1} == {}


def test_blockers_are_not_names() -> None:
    zh = {n for raw in RAW["entries"] for n in raw.get("zh") or []}
    en = {en_key(n) for raw in RAW["entries"] for n in raw.get("en") or []}
    assert set(RAW["blockers"]["zh"]) & zh == set()
    assert {en_key(b) for b in RAW["blockers"]["en"]} & en == set()


def test_parents_exist() -> None:
    canon = {raw["canonical"] for raw in RAW["entries"]}
    assert {raw["parent"] for raw in RAW["entries"] if raw.get("parent")} <= canon


def _coverage() -> list[tuple[str, str, str]]:
    rows = []
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, surface, canonical = line.split("\t")
            rows.append((lang, surface, canonical))
    return rows


@pytest.mark.parametrize("lang,surface,canonical", _coverage())
def test_required_coverage(lang: str, surface: str, canonical: str) -> None:
    """Each required name, in a neutral sentence, is matched whole with the required canonical."""
    text = f"，{surface}。" if lang == "zh" else f"Analysts watched {surface} prices."
    got = [(m.text, m.canonical) for m in match_minerals(text)]
    assert got == [(surface, canonical)]


def _broken(mutate) -> dict:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(RAW)
    mutate(data)
    return data


@pytest.mark.parametrize("mutate", [
    lambda d: d["entries"][1]["zh"].append(d["entries"][0]["zh"][0]),   # zh name claimed twice
    lambda d: d["entries"][0].pop("sources"),                            # no sources
    lambda d: d["entries"][0].update(sources=["no_such_source"]),        # unknown source
    lambda d: d["entries"][0].update(category="gemstone"),               # unknown category
    lambda d: d["entries"][0].update(canonical="Oil"),                   # canonical not lower case
    lambda d: d["entries"].append(copy.deepcopy(d["entries"][0])),       # duplicate canonical
    lambda d: d["blockers"]["zh"].append(d["entries"][0]["zh"][0]),      # a name is also a blocker
    lambda d: d["entries"][0].update(parent="unobtainium"),              # unknown parent
    lambda d: d["entries"][0].update(colour="black"),                    # unknown entry key
    lambda d: d["context"].update(zh_left_okk=["的"]),                   # misspelt context key
    lambda d: d.update(blockerz={"zh": []}),                             # misspelt top-level key
    lambda d: d["entries"][0].update(en_sibling_context=["nothing"]),    # sibling name not ambiguous
], ids=["zh-twice", "no-sources", "unknown-source", "bad-category", "upper-canonical", "dup-canonical",
        "name-and-blocker", "bad-parent", "unknown-entry-key", "misspelt-context-key", "misspelt-top-key",
        "sibling-not-context"])
def test_parse_rejects_broken_lexicon(mutate) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconError):
        parse_lexicon(_broken(mutate))


def test_zh_terms_are_multi_character_names() -> None:
    lex = load_lexicon()
    terms = lex.zh_terms()
    assert "稀土" in terms and "碳酸锂" in terms
    assert all(len(t) > 1 and t in lex.zh_names for t in terms)


def test_default_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()
