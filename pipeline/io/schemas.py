"""The one declared pyarrow schema of every output table, derived from the records.

Why one place: the columns a record is written as are declared on the record's fields
(:func:`pipeline.records.column`: type, description, allowed-values vocabulary); this module lays
them out per table, adds the columns a table computes (``run_id``, counts, …) with their
descriptions, and derives the Arrow schema with each description in the field metadata, so the
Parquet files carry their own data dictionary. Writers, readers, ``pipeline.extract``, the report
and ``docs/tables.md`` all take their columns from here. Bump ``SCHEMA_VERSION`` when a column
changes name, meaning or type, and teach :mod:`pipeline.io.migrations` to upgrade the old one.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass, fields
from types import NoneType, UnionType
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.records import Delegate, DocError, Document, Figure, Mention, Sentence, Token

SCHEMA_VERSION = "2"

_DICT = pa.dictionary(pa.int32(), pa.string())
ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "large_string": pa.large_string(),
    "category": _DICT,
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "list<string>": pa.list_(pa.string()),
    "timestamp": pa.timestamp("us", tz="UTC"),
}

# Arrow -> pandas dtypes of the typed frames (load_table, pipeline.extract): nullable integers and strings.
PANDAS_TYPES = {
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.bool_(): pd.BooleanDtype(),
}


@dataclass(frozen=True)
class Column:
    """One column of one table: name, type name (``records.COLUMN_TYPES``), description, vocabulary.

    ``attr`` is the record field the value is read from; empty for a column the row builder computes.
    """

    name: str
    type: str
    doc: str
    values: str = ""
    nullable: bool = True
    attr: str = ""

    def arrow_field(self) -> pa.Field:
        meta = {"description": self.doc} | ({"values": self.values} if self.values else {})
        return pa.field(self.name, ARROW_TYPES[self.type], nullable=self.nullable, metadata=meta)


@dataclass(frozen=True)
class Table:
    """An output table: what one row is, its columns in order, and the record it is written from."""

    name: str
    row: str
    columns: tuple[Column, ...]
    record: type | None = None

    @property
    def schema(self) -> pa.Schema:
        meta = {"schema_version": SCHEMA_VERSION, "table": self.name, "row": self.row}
        return pa.schema([c.arrow_field() for c in self.columns], metadata=meta)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def record_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.attr)


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, UnionType) and NoneType in typing.get_args(hint)


def record_columns(record: type) -> dict[str, Column]:
    """The columns a record's fields declare, keyed by field name (nullable when the field is Optional)."""
    hints = typing.get_type_hints(record)
    out: dict[str, Column] = {}
    for f in fields(record):
        if "type" not in f.metadata:
            continue
        out[f.name] = Column(f.metadata["column"] or f.name, f.metadata["type"], f.metadata["doc"],
                             f.metadata["values"], nullable=_optional(hints[f.name]), attr=f.name)
    return out


def _table(name: str, row: str, record: type | None, layout: Sequence[str | Column]) -> Table:
    """A table whose columns are ``layout``: record field names (their declared column) or extra columns.

    Every column a record declares must be placed exactly once, so a new record field cannot be
    silently left out of its table.
    """
    declared = record_columns(record) if record else {}
    cols = tuple(declared[x] if isinstance(x, str) else x for x in layout)
    placed = [x for x in layout if isinstance(x, str)]
    missing = sorted(set(declared) - set(placed))
    if missing or len(placed) != len(set(placed)):
        raise ValueError(f"table {name}: record columns {missing} not placed (or placed twice)")
    names = [c.name for c in cols]
    if len(names) != len(set(names)):
        raise ValueError(f"table {name}: duplicate column names {names}")
    return Table(name, row, cols, record)


# Columns shared by several tables, described once.
RUN_ID = Column("run_id", "category", "The run that wrote the row (runs.run_id; sortable by start time).",
                values="run_ids", nullable=False)
DOC_ID = Column("doc_id", "string", "The document (documents.doc_id).", nullable=False)
FINGERPRINT = Column("fingerprint", "category", "Pipeline fingerprint (config hash + package and model "
                     "versions); a document is processed again when it changes.", values="fingerprints",
                     nullable=False)

DOCUMENTS = _table("documents", "document", Document, [
    RUN_ID, "doc_id", "external_id", "source", "content_sha",
    FINGERPRINT,
    "encoding", "lang", "raw_chars",
    Column("n_chars", "int64", "Characters of the cleaned text.", nullable=False),
    Column("n_sentences", "int64", "Sentences of the document (rows of sentences).", nullable=False),
    Column("n_mentions", "int64", "Mentions of the document (rows of mentions).", nullable=False),
    "url", "title", "published", "published_text", "text",
])

SENTENCES = _table("sentences", "sentence", Sentence, [RUN_ID, DOC_ID, "sent_idx", "start", "end", "lang"])

TOKENS = _table("tokens", "word (written when segment.write_tokens is set)", Token,
                [RUN_ID, DOC_ID, "sent_idx", "tok_idx", "start", "end", "text"])

MENTIONS = _table("mentions", "entity mention", Mention, [
    RUN_ID, "mention_id", DOC_ID, "sent_idx", "start", "end", "text", "label", "canonical", "institution_key",
    "source", "lang",
])

FIGURES = _table("figures", "FIGURE mention's reading (join mentions on mention_id)", Figure, [
    RUN_ID, "mention_id", DOC_ID, "value", "value_text", "value_high", "value_high_text", "unit",
    "qualifier", "kind", "value_si", "value_high_si", "si_unit",
])

PEOPLE = _table("people", "person named in a document (delegate fields set for delegates only)", Delegate, [
    RUN_ID, DOC_ID, "mention_ids", "name", "name_key", "body", "term", "session", "titles", "affiliations",
    "evidence_start", "evidence_end",
])

ERRORS = _table("errors", "input that failed or was repaired", DocError,
                [RUN_ID, "source", "doc_id", "stage", "error_type", "level", "message"])

RUNS = _table("runs", "run of the pipeline", None, [
    RUN_ID,
    Column("started_at", "timestamp", "When the run started (UTC).", nullable=False),
    Column("finished_at", "timestamp", "When the run finished (UTC).", nullable=False),
    Column("status", "category", "How the run ended.", values="run_status", nullable=False),
    FINGERPRINT,
    Column("config_hash", "string", "Hash of the config parts that shape outputs (all but `run`).",
           nullable=False),
    Column("config_json", "string", "The whole validated config, as JSON.", nullable=False),
    Column("overrides", "list<string>", "The --set key=value overrides given on the command line."),
    Column("versions_json", "string", "Versions of the package, libraries and models, as JSON.", nullable=False),
    Column("n_inputs", "int64", "Inputs read: documents processed plus inputs lost to errors."),
    Column("n_documents", "int64", "Documents processed by this run."),
    Column("n_skipped", "int64", "Documents skipped: already processed with the same fingerprint, or duplicates."),
    Column("n_errors", "int64", "Inputs lost to errors (rows of errors with level `error`)."),
    Column("n_mentions", "int64", "Mentions written by this run."),
    Column("n_chars", "int64", "Characters of cleaned text processed."),
    Column("wall_seconds", "float64", "Wall-clock seconds of the run."),
    Column("stage_seconds_json", "string", "Seconds spent per stage, as JSON."),
])

DECLARED: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SENTENCES, TOKENS, MENTIONS, FIGURES, PEOPLE,
                                                   ERRORS, RUNS)}
TABLES: dict[str, pa.Schema] = {name: t.schema for name, t in DECLARED.items()}


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as the typed pandas frame notebooks get (nullable ints and strings, categoricals)."""
    return table.to_pandas(types_mapper=PANDAS_TYPES.get)
