"""Claimed spans (minerals and blockers) and their resolution into sorted, non-overlapping matches.

Why claimed spans rather than greedy matching: a blocker (钢铁, "iron and steel") or a name that
turned out to be part of an institution must still *consume* its characters, so that the
shorter mineral inside it (铁, "iron") cannot win; and a name rejected only for ambiguity must
*not* consume them, so that an overlapping real mineral (增长石油: 长石 rejected, 石油 kept) wins.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from pipeline.minerals.lexicon import Entry
from pipeline.text.scripts import is_han
from pipeline.text.spans import select_non_overlapping


@dataclass(frozen=True, slots=True)
class ClaimedSpan:
    """A span proposed by a matcher; ``entry`` None means it consumes text but is not a mineral."""

    start: int
    end: int
    entry: Entry | None


def resolve(cands: Iterable[ClaimedSpan]) -> list[ClaimedSpan]:
    """Longest first (blockers win ties), then leftmost; return the kept minerals sorted by start."""
    order = sorted(cands, key=lambda c: (c.start - c.end, c.entry is not None, c.start))
    return [c for c in select_non_overlapping(order, lambda c: (c.start, c.end)) if c.entry is not None]


class Bounds:
    """Word boundaries from a segmenter, with the helpers the context rules need."""

    __slots__ = ("_set", "_sorted")

    def __init__(self, bounds: Collection[int]) -> None:
        self._set = frozenset(int(b) for b in bounds)
        self._sorted = sorted(self._set)

    def __contains__(self, offset: object) -> bool:
        return offset in self._set

    def left_part(self, text: str, start: int) -> str:
        """The ideographs between the word boundary at or before `start` and `start`."""
        i = bisect_right(self._sorted, start) - 1
        lo = self._sorted[i] if i >= 0 else 0
        part = text[lo:start]
        k = len(part)
        while k > 0 and is_han(part[k - 1]):
            k -= 1
        return part[k:]

    def right_part(self, text: str, end: int) -> str:
        """The ideographs between `end` and the next word boundary at or after it."""
        i = bisect_left(self._sorted, end)
        hi = self._sorted[i] if i < len(self._sorted) else len(text)
        part = text[end:hi]
        k = 0
        while k < len(part) and is_han(part[k]):
            k += 1
        return part[:k]
