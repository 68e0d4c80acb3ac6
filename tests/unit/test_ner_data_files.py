"""The NER data files load through pipeline.resources against their declared shapes, and the
hand-compiled tables are well formed (five columns, known labels and strengths, no surface listed twice
with different labels)."""

from __future__ import annotations

import pytest

from pipeline.ner import companies_zh, lexicon, places_zh
from pipeline.resources import read_text

CURATED = ("regions.tsv", "institutions.tsv", "companies.tsv")


def test_rule_files_validate_against_their_shapes() -> None:
    assert lexicon.zh_rules().titles and lexicon.en_rules().org_heads
    assert lexicon.pinyin_names().syllables and lexicon.label_map()["PER"] == "PERSON"
    assert companies_zh._lex().industry and places_zh._lex().features
    assert "王" in lexicon.surnames_zh()


@pytest.mark.parametrize("name", CURATED)
def test_curated_tables_are_well_formed(name: str) -> None:
    seen: dict[tuple[str, str], str] = {}
    for line in read_text(lexicon.PACKAGE, f"data/{name}").splitlines():
        if not line or line.startswith("#"):
            continue
        surface, lang, label, kind, strength = line.split("\t")
        assert surface.strip() == surface and surface, line
        assert lang in ("zh", "en") and label in ("ORG", "LOC") and kind, line
        assert strength in ("strong", "weak", "context", "suffix"), line
        assert seen.setdefault((surface, lang), label) == label, f"{surface} listed as two labels"


def test_generated_gazetteer_holds_the_curated_entries() -> None:
    table = lexicon.gazetteer()
    assert table.zh["宁德时代"].label == "ORG" and table.zh["南疆"].label == "LOC"
    assert table.en["London Metal Exchange"].label == "ORG"
