"""Model-sized pieces of a document's language runs, packed from the sentences the segment stage made.

Why: the models read one language at a time, and very long inputs cost memory and attention span. The
segment stage has already cut every run into sentences (``pipeline.text.sentences`` for Chinese,
spaCy's sentencizer for English), so a piece is a run of consecutive sentences of one language run, up
to ``max_chars``; a sentence longer than that is cut by the one length guard
(:func:`pipeline.text.sentences.cap_length`). An entity is thus never cut by the packing, and no
sentence splitting is repeated here. Offsets stay absolute.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.records import Segment, Sentence
from pipeline.text.sentences import cap_length, split_zh


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    end: int
    lang: str


def _run_sentences(text: str, seg: Segment, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """The sentences inside one language run; without sentences (a caller that did not segment), the
    one sentence splitter's."""
    if not sentences:
        return split_zh(text, seg.start, seg.end)
    return [(s.start, s.end) for s in sentences if seg.start <= s.start and s.end <= seg.end]


def pack_sentences(text: str, segments: Iterable[Segment], sentences: Sequence[Sentence],
                   langs: Iterable[str], max_chars: int) -> list[Chunk]:
    """Consecutive sentences of each run in ``langs``, packed up to ``max_chars``; blank pieces dropped."""
    wanted = set(langs)
    out: list[Chunk] = []
    ordered = sorted(sentences, key=lambda s: s.start)
    for seg in segments:
        if seg.lang not in wanted:
            continue
        cur_start = cur_end = -1
        for s, e in _run_sentences(text, seg, ordered):
            for a, b in cap_length(text, s, e, max_chars) if e - s > max_chars else [(s, e)]:
                if cur_start >= 0 and b - cur_start > max_chars:
                    out.append(Chunk(cur_start, cur_end, seg.lang))
                    cur_start = -1
                if cur_start < 0:
                    cur_start = a
                cur_end = b
        if cur_start >= 0:
            out.append(Chunk(cur_start, cur_end, seg.lang))
    return [c for c in out if text[c.start:c.end].strip()]
