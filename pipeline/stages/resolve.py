"""Resolve overlaps between entity candidates, minerals and figures in one place.

Precedence (documented in README "Overlap precedence"):
1. PERSON / ORG / LOC (already reconciled inside the NER package) are kept.
2. A MINERAL that overlaps a PERSON, ORG or LOC span is dropped: a mineral
   inside an institution's or place's name is not a mineral mention
   ("Jiuquan Iron and Steel Group", "中国黄金集团").
3. A FIGURE that lies inside a PERSON, ORG or LOC span is dropped (a figure
   inside a name, "Ocean No 6"); an entity inside a figure phrase keeps both,
   except a model's name with a digit inside a figure: the amount itself read
   as a name ("R3bn" as ORG) gives way to the figure.
4. A MINERAL inside a FIGURE phrase is kept ("10 rare earth mine projects"
   counts projects and mentions rare earth); partial overlaps drop the mineral.
5. Exact duplicates (same span and label) are merged, keeping the first source.
Finally every mention gets its sentence index and stable ``mention_id`` (the one place ids are
assigned), and each Figure the id of its surviving FIGURE mention.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.records import FIGURE, LOC, MINERAL, ORG, PERSON, Bundle, Figure, Mention, Sentence, mention_id
from pipeline.stages.common import per_doc
from pipeline.stages.contract import RESOLVED, SENTENCES, BatchFn, Stage

if TYPE_CHECKING:
    from pipeline.run.config import Config

ENTITY_LABELS = frozenset({PERSON, ORG, LOC})


class _Spans:
    """Sorted spans answering containment and overlap questions in O(log n) each (linear overall)."""

    def __init__(self, spans: Sequence[Mention]) -> None:
        ordered = sorted(spans, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.ends = sorted(m.end for m in ordered)
        self.max_end: list[int] = []  # max end over the spans up to i (by start)
        for m in ordered:
            self.max_end.append(max(m.end, self.max_end[-1]) if self.max_end else m.end)

    def contains(self, m: Mention) -> bool:
        """Some span starts at or before m and ends at or after it."""
        k = bisect.bisect_right(self.starts, m.start)
        return k > 0 and self.max_end[k - 1] >= m.end

    def overlaps(self, m: Mention) -> bool:
        """Some span starts before m ends and ends after m starts."""
        k = bisect.bisect_left(self.starts, m.end)
        return k > 0 and self.max_end[k - 1] > m.start

    def crosses(self, m: Mention) -> bool:
        """Some span overlaps m without containing it: it starts or ends strictly inside m."""
        a = bisect.bisect_right(self.starts, m.start) < bisect.bisect_left(self.starts, m.end)
        return a or bisect.bisect_right(self.ends, m.start) < bisect.bisect_left(self.ends, m.end)


def _amount_as_name(m: Mention, figures: _Spans) -> bool:
    """The model's name is (part of) a figure's amount: it holds a digit and lies inside a figure ("R3bn")."""
    return m.source == "model" and any(c.isdigit() for c in m.text) and figures.contains(m)


def resolve_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Apply the precedence above; returns mentions sorted by (start, end, label)."""
    seen: set[tuple[int, int, str]] = set()
    unique: list[Mention] = []
    for m in mentions:
        key = (m.start, m.end, m.label)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    amounts = _Spans([m for m in unique if m.label == FIGURE])
    entities = [m for m in unique if m.label in ENTITY_LABELS and not _amount_as_name(m, amounts)]
    names = _Spans(entities)
    figures = [m for m in unique if m.label == FIGURE and not names.contains(m)]
    phrases = _Spans(figures)
    minerals = [m for m in unique if m.label == MINERAL and not names.overlaps(m) and not phrases.crosses(m)]
    others = [m for m in unique if m.label not in ENTITY_LABELS | {FIGURE, MINERAL}]
    return sorted(entities + figures + minerals + others, key=lambda m: (m.start, m.end, m.label))


def finalise(doc_id: str, mentions: Sequence[Mention], sentences: Sequence[Sentence],
             figures: Sequence[Figure]) -> tuple[list[Mention], list[Figure]]:
    """Resolve, then attach sentence index and mention id; keep the figures whose mention survived."""
    starts = [s.start for s in sentences]
    out: list[Mention] = []
    for m in resolve_mentions(mentions):
        i = bisect.bisect_right(starts, m.start) - 1
        sent_idx = sentences[i].sent_idx if i >= 0 and m.start < sentences[i].end else -1
        out.append(replace(m, sent_idx=sent_idx, mention_id=mention_id(doc_id, m.start, m.end, m.label)))
    kept = {(m.start, m.end): m.mention_id for m in out if m.label == FIGURE}
    return out, [replace(f, mention_id=kept[(f.start, f.end)]) for f in figures if (f.start, f.end) in kept]


def build(config: Config) -> BatchFn:
    def one(b: Bundle) -> Bundle:
        mentions, figures = finalise(b.doc.doc_id, b.mentions, b.sentences, b.figures)
        return replace(b, mentions=tuple(mentions), figures=tuple(figures))

    return per_doc(one)


STAGE = Stage("resolve", requires=frozenset({SENTENCES}), provides=frozenset({RESOLVED}), build=build)
