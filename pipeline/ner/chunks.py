"""Cut a document's language runs into model-sized pieces.

Why: the models read one language at a time, and very long runs cost memory and attention span; pieces
end at sentence punctuation or newlines so an entity is never cut in two. Offsets stay absolute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.records import Segment

# A piece may end after these (sentence ends, clause ends in Chinese, newlines).
_BREAK = re.compile(r"[。！？；!?;]+[”’\"']?|\n+|(?<=[a-z0-9)\]])\.(?=\s+[A-Z])")
_SOFT = re.compile(r"[，,、\s]")


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    end: int
    lang: str


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence-like pieces of text[start:end] (absolute offsets), covering it without gaps."""
    pos = start
    for m in _BREAK.finditer(text, start, end):
        if m.end() > pos:
            yield pos, m.end()
            pos = m.end()
    if pos < end:
        yield pos, end


def _hard_split(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Split an over-long piece near max_chars, preferring a comma or space."""
    while end - start > max_chars:
        cut = start + max_chars
        soft = [m.end() for m in _SOFT.finditer(text, start + max_chars // 2, cut)]
        cut = soft[-1] if soft else cut
        yield start, cut
        start = cut
    yield start, end


def split_runs(text: str, segments: Iterable[Segment], langs: Iterable[str], max_chars: int) -> list[Chunk]:
    """Pieces of the runs in ``langs``, packed up to ``max_chars``; blank pieces are dropped."""
    wanted = set(langs)
    out: list[Chunk] = []
    for seg in segments:
        if seg.lang not in wanted:
            continue
        cur_start, cur_end = seg.start, seg.start
        for p_start, p_end in _pieces(text, seg.start, seg.end):
            for a, b in _hard_split(text, p_start, p_end, max_chars):
                if b - cur_start > max_chars and cur_end > cur_start:
                    out.append(Chunk(cur_start, cur_end, seg.lang))
                    cur_start = a
                cur_end = b
        if cur_end > cur_start:
            out.append(Chunk(cur_start, cur_end, seg.lang))
    return [c for c in out if text[c.start:c.end].strip()]
