"""What the rules know about one document: its text, sentences, setting, where the names are, and the facts.

Why: every rule asks the same questions (is another person's name inside this
span? which organisations lie inside this title? where does this sentence end?
does a bare 代表 name an NPC deputy on this page?), so they are answered once
here over sorted spans. The sentences are the segment stage's; no rule splits
sentences again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.delegates.setting import NO_SETTING, Setting
from pipeline.records import Mention, Sentence

# How sure a fact is. A person's body comes from the national facts if there are any (a deputy's provincial
# post does not make them a provincial deputy), else the local ones; the strongest, then the earliest.
STRONG = 3  # an explicit cue attached to the name (appositive, chain, own delegation)
LIST = 2  # a cue shared by a list of names, or a self-description in a one-person sentence
WEAK = 1  # a bare word after the name (武强委员) on a page whose setting settles that word


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

    def __init__(self, text: str, persons: Sequence[Mention], orgs: Sequence[Mention],
                 sentences: Sequence[Sentence] = (), setting: Setting = NO_SETTING,
                 mention_starts: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.setting = setting
        self.mention_starts = mention_starts  # where any mention (of any label) begins
        spans = sorted((s.start, s.end) for s in sentences if 0 <= s.start < s.end <= len(text))
        self.sentences = spans or [(0, len(text))]
        self._sentence_starts = [a for a, _ in self.sentences]
        self.persons = sorted((m for m in persons if _valid(m, text)), key=lambda m: (m.start, -m.end))
        self._person_starts = [m.start for m in self.persons]
        self.orgs = sorted((m for m in orgs if _valid(m, text)), key=lambda m: (m.start, -m.end))
        self._org_starts = [m.start for m in self.orgs]

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

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the next one when ``pos`` lies between sentences)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return min(i + 1, len(self.sentences) - 1) if i + 1 < len(self.sentences) else max(i, 0)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``."""
        return self.sentences[self.sentence_index(pos)]

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding ``pos`` (never before ``pos``)."""
        return max(pos, self.sentence_bounds(pos)[1])


def _valid(m: Mention, text: str) -> bool:
    return 0 <= m.start < m.end <= len(text)
