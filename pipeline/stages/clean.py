"""clean: page chrome, odd spaces and broken lines out of the raw text (:mod:`pipeline.text.clean`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.stages.common import per_doc
from pipeline.stages.contract import RAW_TEXT, TEXT, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.text.clean import CleanRules, clean_text

    rules = CleanRules(chrome_patterns=config.clean.chrome_patterns, join_min_chars=config.clean.join_min_chars,
                       dedupe_min_chars=config.clean.dedupe_min_chars)
    return per_doc(lambda b: replace(b, doc=replace(b.doc, text=clean_text(b.doc.text, rules))))


STAGE = Stage("clean", requires=frozenset({RAW_TEXT}), provides=frozenset({TEXT}), build=build)
