"""institutions: ORG mentions get the key of the institution they name (:mod:`pipeline.institutions`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import ORG, Bundle
from pipeline.stages.common import per_doc
from pipeline.stages.contract import ENTITIES, INSTITUTION_KEYS, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.institutions import load_index

    index = load_index()

    def one(b: Bundle) -> Bundle:
        mentions = tuple(replace(m, institution_key=index.key_for(m.text)) if m.label == ORG else m
                         for m in b.mentions)
        return replace(b, mentions=mentions)

    return per_doc(one)


# Adds no mention, so a resolved chain stays resolved; it only reads the ORG mentions' text.
STAGE = Stage("institutions", requires=frozenset({ENTITIES}), provides=frozenset({INSTITUTION_KEYS}), build=build)
