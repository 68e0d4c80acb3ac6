"""Small helpers the stage adapters share."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from pipeline.records import Bundle
from pipeline.stages.contract import BatchFn


def per_doc(fn: Callable[[Bundle], Bundle]) -> BatchFn:
    """A batch function from a function over one document."""
    return lambda batch: [fn(b) for b in batch]


def lang_finder(b: Bundle) -> Callable[[int], str]:
    """``lang_at`` for many offsets of one document: the run starts are listed once."""
    starts = [seg.start for seg in b.segments]

    def find(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < b.segments[i].end:
            return b.segments[i].lang
        return b.doc.lang

    return find


def lang_at(b: Bundle, offset: int) -> str:
    """The language of the run holding ``offset`` (the document's language outside every run)."""
    starts = [seg.start for seg in b.segments]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < b.segments[i].end:
        return b.segments[i].lang
    return b.doc.lang
