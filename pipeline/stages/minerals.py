"""minerals: lexicon matches with one canonical English name each (:mod:`pipeline.minerals`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import MINERAL, Bundle, Mention
from pipeline.stages.common import lang_finder, per_doc
from pipeline.stages.contract import MINERALS, RESOLVED, SEGMENTS, SENTENCES, TOKENS, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.minerals import load_lexicon, match_minerals
    from pipeline.nlp.segment import word_bounds

    lexicon = load_lexicon()

    def one(b: Bundle) -> Bundle:
        langs = lang_finder(b)
        bounds = word_bounds(b.tokens, b.sentences)
        found = match_minerals(b.doc.text, bounds, lexicon)
        new = tuple(Mention(m.start, m.end, m.text, MINERAL, "lexicon", canonical=m.canonical,
                            lang=langs(m.start)) for m in found)
        return replace(b, mentions=b.mentions + new)

    return per_doc(one)


STAGE = Stage("minerals", requires=frozenset({SEGMENTS, SENTENCES, TOKENS}), provides=frozenset({MINERALS}),
              invalidates=frozenset({RESOLVED}), build=build)
