"""Every name in the lexicon is found when it stands alone in a neutral sentence.

Why: blockers, institution rules and context rules are all data; a curation slip (a blocker
that swallows a name, a suffix list that rejects it) must show up here for the exact name.
"""

from __future__ import annotations

import pytest

from pipeline.minerals import load_lexicon, match_minerals

LEX = load_lexicon()
ZH = sorted((name, e.canonical) for e in LEX.entries for name in e.zh)
EN = sorted((name, e.canonical) for e in LEX.entries for name in e.en + e.en_acronyms)


@pytest.mark.parametrize("name,canonical", ZH, ids=[n for n, _ in ZH])
def test_zh_name_between_punctuation(name: str, canonical: str) -> None:
    text = f"其中，{name}、"
    assert [(m.text, m.canonical) for m in match_minerals(text)] == [(name, canonical)]


@pytest.mark.parametrize("name,canonical", EN, ids=[n for n, _ in EN])
def test_en_name_before_prices(name: str, canonical: str) -> None:
    text = f"Analysts watched {name} prices closely."
    assert [(m.text, m.canonical) for m in match_minerals(text)] == [(name, canonical)]
