"""The public matcher: mineral mentions in mixed Chinese/English text, with canonical names.

Why one entry point for both languages: cleaned documents mix scripts, and the pipeline wants a
single sorted, non-overlapping list per document whose ``canonical`` links 稀土, "rare earths" and
"REE" to one mineral.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from pipeline.minerals.en_matching import en_candidates
from pipeline.minerals.lexicon import MineralLexicon, load_lexicon
from pipeline.minerals.spans import Bounds, resolve
from pipeline.minerals.zh_matching import zh_candidates


@dataclass(frozen=True, slots=True)
class MineralMatch:
    """One mineral mention; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    canonical: str
    category: str


def match_minerals(text: str, word_bounds: Collection[int] | None = None,
                   lexicon: MineralLexicon | None = None) -> list[MineralMatch]:
    """Mineral mentions in `text`, sorted and non-overlapping, longest match first.

    `word_bounds` holds the offsets where a Chinese word starts or ends (from the pipeline's
    segmenter); None means no segmentation, and the character-context rules decide alone.
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    bounds = Bounds(word_bounds) if word_bounds is not None else None
    cands = zh_candidates(text, lex, bounds) + en_candidates(text, lex)
    out = []
    for c in resolve(cands):
        assert c.entry is not None
        out.append(MineralMatch(c.start, c.end, text[c.start:c.end], c.entry.canonical, c.entry.category))
    return out
