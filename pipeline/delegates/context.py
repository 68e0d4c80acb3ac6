"""What the rules know about one document: its text, where the names are, and the facts they yield.

Why: every rule asks the same questions (is another person's name inside this
span? which organisations lie inside this title? does the document talk about
the NPC at all?), so they are answered once here over sorted spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.records import Mention

# How sure a fact is; a person's body comes from the strongest fact, then the earliest.
STRONG = 3  # an explicit cue attached to the name (appositive, chain, own delegation)
LIST = 2  # a cue shared by a list of names, or a self-description in a one-person sentence
WEAK = 1  # a bare word after the name (武强委员) in a document about that body


@dataclass(frozen=True, slots=True)
class BodyFact:
    """A phrase that says which body a person sits in, with its document offsets."""

    body: str
    strength: int
    start: int
    end: int
    term: int | None = None
    session: int | None = None


@dataclass(frozen=True, slots=True)
class TitleFact:
    """A title span in the document; ``is_cue`` marks a title that is itself a body phrase (全国人大代表)."""

    start: int
    end: int
    is_cue: bool = False


@dataclass(slots=True)
class Facts:
    """Everything the rules found for one mention (or one person)."""

    bodies: list[BodyFact]
    titles: list[TitleFact]

    @staticmethod
    def empty() -> Facts:
        return Facts([], [])

    def extend(self, other: Facts) -> None:
        self.bodies.extend(other.bodies)
        self.titles.extend(other.titles)


class DocContext:
    """The text and the mention spans of one document, indexed for span queries."""

    def __init__(self, text: str, persons: Sequence[Mention], orgs: Sequence[Mention]) -> None:
        self.text = text
        self.persons = sorted((m for m in persons if _valid(m, text)), key=lambda m: (m.start, -m.end))
        self._person_starts = [m.start for m in self.persons]
        self.orgs = sorted((m for m in orgs if _valid(m, text)), key=lambda m: (m.start, -m.end))
        self._org_starts = [m.start for m in self.orgs]
        self.memo: dict[str, Any] = {}  # per-document values a rule module computes once (sentence breaks)

    def person_overlaps(self, start: int, end: int, exclude: Mention | None = None) -> bool:
        """True when a person mention other than ``exclude`` overlaps [start, end)."""
        if start >= end:
            return False
        i = bisect_left(self._person_starts, end)
        for m in reversed(self.persons[max(0, i - 50) : i]):
            if m is not exclude and m.end > start and m.start < end:
                return True
        return False

    def last_person_end(self, start: int, end: int, exclude: Mention | None = None) -> int | None:
        """End of the right-most other person mention overlapping [start, end), if any."""
        i = bisect_left(self._person_starts, end)
        ends = [m.end for m in self.persons[max(0, i - 50) : i] if m is not exclude and m.end > start]
        return max(ends) if ends else None

    def next_person_start(self, pos: int) -> int | None:
        """Start of the first person mention that begins at or after ``pos``."""
        i = bisect_left(self._person_starts, pos)
        return self.persons[i].start if i < len(self.persons) else None

    def persons_between(self, start: int, end: int) -> list[Mention]:
        """Person mentions that lie inside [start, end)."""
        lo, hi = bisect_left(self._person_starts, start), bisect_right(self._person_starts, end)
        return [m for m in self.persons[lo:hi] if m.end <= end]

    def orgs_within(self, start: int, end: int) -> list[Mention]:
        """Maximal organisation mentions inside [start, end), in text order."""
        lo, hi = bisect_left(self._org_starts, start), bisect_right(self._org_starts, end)
        inside = [m for m in self.orgs[lo:hi] if m.end <= end]
        out: list[Mention] = []
        for m in inside:
            if out and m.start < out[-1].end:
                if m.end - m.start > out[-1].end - out[-1].start:
                    out[-1] = m
                continue
            out.append(m)
        return out

    def contains_any(self, needles: Sequence[str]) -> bool:
        """Does the document mention any of these strings (e.g. 人大 before reading 代表 as an NPC deputy)?"""
        return any(n in self.text for n in needles)


def _valid(m: Mention, text: str) -> bool:
    return 0 <= m.start < m.end <= len(text)
