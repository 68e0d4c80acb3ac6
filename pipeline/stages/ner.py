"""ner: people, institutions and places from the models plus rules (:mod:`pipeline.nlp.recognizer`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import Bundle
from pipeline.stages.contract import ENTITIES, RESOLVED, SEGMENTS, SENTENCES, TOKENS, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.ner.inputs import NerInput
    from pipeline.nlp.recognizer import EntityRecognizer
    from pipeline.nlp.segment import word_bounds

    settings = config.ner
    recognizer = EntityRecognizer(backend=settings.backend, en_model=settings.en_model, zh_model=settings.zh_model,
                                  stanza_dir=settings.stanza_dir, batch_size=settings.batch_size,
                                  use_rules=settings.use_rules, zh_backend=settings.zh_backend,
                                  zh_lstm_model=settings.zh_lstm_model)

    def run(batch: list[Bundle]) -> list[Bundle]:
        inputs = [NerInput(b.doc.text, b.segments, word_bounds(b.tokens, b.sentences), b.sentences) for b in batch]
        found = recognizer(inputs)
        return [replace(b, mentions=b.mentions + tuple(m)) for b, m in zip(batch, found, strict=True)]

    return run


STAGE = Stage("ner", requires=frozenset({SEGMENTS, SENTENCES, TOKENS}), provides=frozenset({ENTITIES}),
              invalidates=frozenset({RESOLVED}), build=build)
