"""Plain frozen records that stages exchange, and the columns they are written as.

Why: stages are pure functions over these records; a spaCy ``Doc`` never leaves
the module that runs spaCy. Offsets are Python code points, end-exclusive, into
the cleaned ``Document.text``; ``text[start:end] == surface`` always holds.

A field declared with :func:`column` is also a column of an output table: its Arrow type, its
description and (for a categorical column) the vocabulary of its allowed values live here, once.
:mod:`pipeline.io.schemas` derives the Arrow schemas (descriptions as field metadata),
:mod:`pipeline.io.rows` the row conversion, and ``docs/tables.md`` is generated from both.
A field without that declaration is internal (never written).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, field
from typing import Any

# Labels a Mention can carry.
PERSON, ORG, LOC, MINERAL, FIGURE = "PERSON", "ORG", "LOC", "MINERAL", "FIGURE"
LABELS = (PERSON, ORG, LOC, MINERAL, FIGURE)

# Extractors that propose mentions (``Mention.source``, written as the column ``extractor``).
EXTRACTORS = {
    "model": "a statistical NER model (spaCy or Stanza)",
    "rule": "a pattern rule of pipeline/ner (suffix grammar, cue, context rule)",
    "gazetteer": "an entry of the place or institution gazetteer (pipeline/ner/data)",
    "lexicon": "an entry of the mineral lexicon (pipeline/minerals/lexicon.yaml)",
    "grammar": "the figure grammar (pipeline/figures)",
}

# Column types a record field may be written as (pipeline.io.schemas maps them to Arrow types).
COLUMN_TYPES = ("string", "large_string", "category", "int32", "int64", "float64", "bool", "date32",
                "list<string>", "timestamp")


def column(doc: str, type: str, *, name: str = "", values: str = "", default: Any = MISSING) -> Any:
    """A record field that is written as a table column.

    ``type`` is one of :data:`COLUMN_TYPES` (``category``: a short repeated string, dictionary-encoded);
    ``name`` the column name when it differs from the field name; ``values`` names the vocabulary of
    allowed values of a categorical column (resolved in ``pipeline.tools.tables_doc``).
    """
    if type not in COLUMN_TYPES:
        raise ValueError(f"unknown column type {type!r}; known: {COLUMN_TYPES}")
    meta = {"doc": doc, "type": type, "column": name, "values": values}
    return field(metadata=meta) if default is MISSING else field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after ingest (raw text) or after clean (cleaned text), with its metadata."""

    doc_id: str = column("Stable id of the document: the first 16 hex digits of content_sha. Every other "
                         "table refers to a document by it.", "string")
    source: str = column("Where the document was read from: a file path; `path#id` for a JSON-lines "
                         "record; `memory#id` for text given to pipeline.extract.", "string")
    text: str = column("The cleaned text. Every offset (start, end) of every table indexes this string "
                       "(Python code points, end-exclusive).", "large_string")
    encoding: str = column("Encoding the input was decoded from (`utf_8+replaced`: invalid UTF-8 bytes "
                           "were replaced by U+FFFD; `str`: text given as a Python string).", "category",
                           values="encodings", default="utf-8")
    lang: str = column("Main language of the document.", "category", values="langs", default="")
    raw_chars: int = column("Characters of the text as read, before cleaning.", "int64", default=0)
    content_sha: str = column("SHA-256 of the text as read plus its metadata (hex).", "string", default="")
    external_id: str | None = column(
        "The caller's id: the JSON-lines id field, or the index of the pandas Series (or the `ids`) "
        "given to pipeline.extract; null for a plain file.", "string", default=None)
    url: str | None = column("URL of the article (JSON-lines field or front matter, names in "
                             "ingest.metadata_fields).", "string", default=None)
    title: str | None = column("Title of the article (JSON-lines field or front matter).", "string", default=None)
    published: dt.date | None = column(  # noqa: RUF009 (column() is a dataclasses.field, made at class creation)
        "Publication date parsed from published_text (2026-03-05, 2026/3/5, 2026年3月5日, "
        "March 5, 2026, …); null when absent or not a date.", "date32", default=None)
    published_text: str | None = column("The publication date as written in the input.", "string", default=None)


@dataclass(frozen=True, slots=True)
class Segment:
    """A maximal run of one language (zh, en or other) inside a document (internal: not written)."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True)
class Sentence:
    sent_idx: int = column("Position of the sentence in its document (0, 1, …).", "int32")
    start: int = column("Start offset in documents.text.", "int32")
    end: int = column("End offset in documents.text (exclusive).", "int32")
    lang: str = column("Language of the sentence.", "category", values="langs")


@dataclass(frozen=True, slots=True)
class Token:
    sent_idx: int = column("Sentence of the word (sentences.sent_idx).", "int32")
    tok_idx: int = column("Position of the word in its sentence.", "int32")
    start: int = column("Start offset in documents.text.", "int32")
    end: int = column("End offset in documents.text (exclusive).", "int32")
    text: str = column("The word as written: documents.text[start:end].", "string")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention; ``source`` says which component proposed it (model, rule, lexicon)."""

    start: int = column("Start offset in documents.text.", "int32")
    end: int = column("End offset in documents.text (exclusive).", "int32")
    text: str = column("The mention as written: documents.text[start:end].", "string")
    label: str = column("Entity type of the mention.", "category", values="labels")
    source: str = column("Which extractor proposed the mention.", "category", name="extractor", values="extractors")
    canonical: str | None = column(
        "MINERAL mentions: the canonical English name of the mineral, the same in both languages "
        "(锂 and lithium are both `lithium`); null for other labels.", "category", name="mineral",
        values="minerals", default=None)
    lang: str = column("Language of the text around the mention.", "category", values="langs", default="")
    sent_idx: int = column("Sentence holding the mention (sentences.sent_idx); -1 when it lies outside "
                           "every sentence.", "int32", default=-1)
    mention_id: str = column("Stable id of the mention: `doc_id:start-end:label`.", "string", default="")
    institution_key: str | None = column(
        "ORG mentions that name an institution of the institution-keys table: its key, the same for "
        "every name of it in either language (全国人大, NPC and National People's Congress are all "
        "`npc`); see pipeline.institution_keys(). Null otherwise.", "category", values="institution_keys",
        default=None)


@dataclass(frozen=True, slots=True)
class Figure:
    """The normalised reading of a FIGURE mention (joined on ``mention_id``, set by resolve from the span)."""

    mention_id: str = column("The FIGURE mention this reading belongs to (mentions.mention_id).", "string")
    value: float = column("The number as read, in `unit`, scale words applied (3.5万吨 → 35000); "
                          "the low end of a range.", "float64")
    value_text: str = column("`value` as an exact decimal string (no float rounding).", "string")
    value_high: float | None = column("The high end of a range; null otherwise.", "float64")
    value_high_text: str | None = column("`value_high` as an exact decimal string.", "string")
    unit: str = column("The unit as written, normalised to a code (t, CNY, %, km2, …); a rate is "
                       "`unit/unit` (CNY/t, t/year).", "category", values="units")
    qualifier: str | None = column("How the figure is qualified: approx (约, about), over (超过, more than), "
                                   "under (不足, less than), range, or null.", "category", values="qualifiers")
    kind: str = column("What the figure measures.", "category", values="kinds")
    value_si: float | None = column(
        "`value` converted to `unit_norm`, so figures of one kind compare (8200万亩 and 3万公顷 both in "
        "m2); null when the unit has no conversion (counts, percents).", "float64", name="value_norm")
    value_high_si: float | None = column("`value_high` converted to `unit_norm`.", "float64",
                                         name="value_high_norm")
    si_unit: str | None = column(
        "The unit of value_norm: SI-like for physical units (kg, m, m2, m3, J, W, s), a ratio for shares; "
        "money keeps its own currency (no exchange rates) and tce stays tce.", "category", name="unit_norm",
        values="units_norm")
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Delegate:
    """A person in one document with the body they sit in and their roles (written to the ``people`` table)."""

    mention_ids: tuple[str, ...] = column("The PERSON mentions of this person in the document "
                                          "(mentions.mention_id).", "list<string>")
    name: str = column("The person's name, the fullest form the document gives.", "string")
    name_key: str = column("Key of the name, the same across scripts and spellings (pinyin, lower case): "
                           "count a person across documents and languages by it.", "string")
    body: str | None = column(
        "The legislature or advisory body the person is a delegate or member of, as the document states "
        "it; null for everyone else (most people are not delegates). National bodies: NPC, NPCSC, CPPCC, "
        "CPPCC_SC.", "category", name="delegate_body", values="bodies")
    term: int | None = column("Term (届) of that body, when stated: 14 for 十四届全国人大.", "int32",
                              name="delegate_term", default=None)
    session: int | None = column("Session (次会议) of that term, when stated.", "int32", name="delegate_session",
                                 default=None)
    titles: tuple[str, ...] = column("Titles and positions the document gives the person.", "list<string>",
                                     default=())
    affiliations: tuple[str, ...] = column("Institutions the person is attached to in the document.",
                                           "list<string>", default=())
    evidence_start: int | None = column("Start offset of the text that states delegate_body.", "int32",
                                        default=None)
    evidence_end: int | None = column("End offset of the text that states delegate_body.", "int32", default=None)


@dataclass(frozen=True, slots=True)
class DocError:
    """A recorded failure: an input that did not become a document, or a stage that failed on one."""

    source: str = column("Where the failed input was read from (as documents.source; `path:line` for a "
                         "JSON-lines line).", "string")
    stage: str = column("The stage that failed (`ingest` when the input never became a document).", "category",
                        values="stages")
    error_type: str = column("Kind of failure: an ingest reason (EmptyInput, BinaryInput, BadJsonLine, …) or "
                             "the exception class of a failing stage.", "category", values="error_types")
    message: str = column("What went wrong, for people.", "string")
    doc_id: str | None = column("The document, when the input became one.", "string", default=None)
    level: str = column("`error`: the input was lost; `warning`: it was kept (repaired or a duplicate).",
                        "category", values="levels", default="error")


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
