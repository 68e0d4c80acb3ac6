"""figures: numbers with units, money, percents and counts, normalised (:mod:`pipeline.figures`).

The Figure records carry their span; ``resolve`` gives them the mention id of the FIGURE mention that
survives overlap resolution (ids are assigned in that one place).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import FIGURE, Bundle, Figure, Mention
from pipeline.stages.common import lang_at, per_doc
from pipeline.stages.contract import FIGURES, RESOLVED, TEXT, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config


def build(config: Config) -> BatchFn:
    from pipeline.figures import decimal_text, extract_figures

    def one(b: Bundle) -> Bundle:
        mentions: list[Mention] = []
        figures: list[Figure] = []
        for f in extract_figures(b.doc.text, b.doc.lang or None):
            mentions.append(Mention(f.start, f.end, f.text, FIGURE, "grammar",
                                    lang=lang_at(b, f.start)))
            figures.append(Figure(
                mention_id="", value=float(f.value), value_text=decimal_text(f.value) or str(f.value),
                value_high=None if f.value_high is None else float(f.value_high),
                value_high_text=None if f.value_high is None else decimal_text(f.value_high),
                unit=f.unit, qualifier=f.qualifier, kind=f.kind,
                value_si=None if f.value_si is None else float(f.value_si),
                value_high_si=None if f.value_high_si is None else float(f.value_high_si),
                si_unit=f.si_unit, start=f.start, end=f.end))
        return replace(b, mentions=b.mentions + tuple(mentions), figures=b.figures + tuple(figures))

    return per_doc(one)


STAGE = Stage("figures", requires=frozenset({TEXT}), provides=frozenset({FIGURES}),
              invalidates=frozenset({RESOLVED}), build=build)
