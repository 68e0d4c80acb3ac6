"""delegates: every person with the body they sit in, titles and affiliations (:mod:`pipeline.delegates`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.stages.common import per_doc
from pipeline.stages.contract import ENTITIES, PERSONS, RESOLVED, SENTENCES, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.delegates import relate

    return per_doc(lambda b: replace(b, delegates=tuple(relate(b.doc.text, b.mentions, b.sentences))))


STAGE = Stage("delegates", requires=frozenset({ENTITIES, RESOLVED, SENTENCES}), provides=frozenset({PERSONS}),
              build=build)
