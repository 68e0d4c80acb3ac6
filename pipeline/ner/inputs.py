"""What the recognizer reads (``NerInput``) and the candidates its parts propose (``Candidate``).

Why plain records: the models, the rules and the gazetteer each propose candidates over the whole
document text; one resolver (``resolve.py``) then chooses among them, so no part needs to know another.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pipeline.records import Segment, Sentence

# Proposal sources, as written to ``Mention.source``.
MODEL, RULE, GAZETTEER = "model", "rule", "gazetteer"


@dataclass(frozen=True, slots=True)
class NerInput:
    """One cleaned document: its text, its language runs, (for Chinese) its word bounds and its sentences."""

    text: str  # the whole cleaned document text
    segments: Sequence[Segment]  # language runs covering text: lang "zh" | "en" | "other"
    word_bounds: Collection[int] = ()  # offsets where Chinese words start/end (pkuseg); may be empty
    sentences: Sequence[Sentence] = ()  # the segment stage's sentences; the model pieces are packed from them

    def segment_at(self, pos: int) -> Segment | None:
        """The language run holding ``pos`` (the runs are in order and do not overlap)."""
        k = bisect_right(self.segments, pos, key=lambda seg: seg.start) - 1
        return self.segments[k] if k >= 0 and pos < self.segments[k].end else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention; ``weak`` ones give way to any overlapping model entity."""

    start: int
    end: int
    label: str
    source: str
    lang: str
    weak: bool = False
