"""segment: language runs, sentences and words (:mod:`pipeline.nlp.segment`); sets the document language."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import Bundle
from pipeline.stages.contract import SEGMENTS, SENTENCES, TEXT, TOKENS, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.nlp.segment import Segmenter
    from pipeline.text.langruns import dominant_language

    segmenter = Segmenter(config.segment.pkuseg_model, user_words=_domain_words(),
                          max_sentence_chars=config.segment.max_sentence_chars,
                          min_en_words=config.segment.min_en_words)

    def run(batch: list[Bundle]) -> list[Bundle]:
        results = segmenter([b.doc.text for b in batch])
        return [
            replace(b, doc=replace(b.doc, lang=dominant_language(b.doc.text, list(r.segments))),
                    segments=r.segments, sentences=r.sentences, tokens=r.tokens)
            for b, r in zip(batch, results, strict=True)
        ]

    return run


def _domain_words() -> list[str]:
    """Chinese mineral names kept whole by the word segmenter."""
    from pipeline.minerals import load_lexicon

    return sorted(load_lexicon().zh_terms())


STAGE = Stage("segment", requires=frozenset({TEXT}), provides=frozenset({SEGMENTS, SENTENCES, TOKENS}),
              build=build)
