"""Choosing non-overlapping spans: the one greedy selection every extractor uses.

Why one function: the NER resolver, the mineral matcher and the figure grammar each rank their own
candidates (by source, by length, by kind), but the selection itself (keep the best-ranked candidate,
drop everything overlapping it, repeat) is the same, and O(n log n) with a sorted list of kept spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def overlaps_any(kept: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any interval of the sorted, disjoint list ``kept``."""
    i = bisect_left(kept, (start, start))
    return (i < len(kept) and kept[i][0] < end) or (i > 0 and kept[i - 1][1] > start)


def select_non_overlapping(ranked: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Keep each item, best-ranked first, whose span overlaps none already kept; return them by position.

    ``ranked`` must already be in the caller's order of precedence; ties are the caller's to break.
    """
    kept_spans: list[tuple[int, int]] = []
    kept: list[tuple[tuple[int, int], T]] = []
    for item in ranked:
        start, end = span(item)
        if overlaps_any(kept_spans, start, end):
            continue
        i = bisect_left(kept_spans, (start, end))
        kept_spans.insert(i, (start, end))
        kept.insert(i, ((start, end), item))
    return [item for _, item in kept]
