"""Plain frozen records that stages exchange.

Why: stages are pure functions over these records; a spaCy ``Doc`` never leaves
the module that runs spaCy. Offsets are Python code points, end-exclusive, into
the cleaned ``Document.text``; ``text[start:end] == surface`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Labels a Mention can carry.
PERSON, ORG, LOC, MINERAL, FIGURE = "PERSON", "ORG", "LOC", "MINERAL", "FIGURE"
LABELS = (PERSON, ORG, LOC, MINERAL, FIGURE)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after ingest (raw text) or after clean (cleaned text)."""

    doc_id: str
    source: str
    text: str
    encoding: str = "utf-8"
    lang: str = ""
    raw_chars: int = 0
    content_sha: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A maximal run of one language (zh, en or other) inside a document."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True)
class Sentence:
    sent_idx: int
    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True)
class Token:
    sent_idx: int
    tok_idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention; ``source`` says which component proposed it (model, rule, lexicon)."""

    start: int
    end: int
    text: str
    label: str
    source: str
    canonical: str | None = None
    lang: str = ""
    sent_idx: int = -1
    mention_id: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """The normalised reading of a FIGURE mention (joined on ``mention_id``, set by resolve from the span)."""

    mention_id: str
    value: float
    value_text: str
    value_high: float | None
    value_high_text: str | None
    unit: str
    qualifier: str | None
    kind: str
    value_si: float | None
    value_high_si: float | None
    si_unit: str | None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Delegate:
    """A person in one document with the body they sit in and their roles."""

    mention_ids: tuple[str, ...]
    name: str
    name_key: str
    body: str | None
    term: int | None = None
    session: int | None = None
    titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    evidence_start: int | None = None
    evidence_end: int | None = None


@dataclass(frozen=True, slots=True)
class DocError:
    """A recorded failure: an input that did not become a document, or a stage that failed on one."""

    source: str
    stage: str
    error_type: str
    message: str
    doc_id: str | None = None
    level: str = "error"
    content_sha: str | None = None  # of the failing input, so an unchanged one is recorded once


@dataclass(frozen=True, slots=True)
class Bundle:
    """Everything known about one document so far; stages return a new bundle."""

    doc: Document
    segments: tuple[Segment, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    delegates: tuple[Delegate, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def mention_id(doc_id: str, start: int, end: int, label: str) -> str:
    """Stable id of a mention: the same span and label in the same document get the same id."""
    return f"{doc_id}:{start}-{end}:{label}"
