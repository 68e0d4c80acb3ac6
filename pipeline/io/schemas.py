"""The one declared pyarrow schema of every output table.

Why one place: writers, readers, tests and the export all take their columns
from here, so a column cannot drift between them. Bump ``SCHEMA_VERSION`` when
a column changes meaning or type.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"

_DICT = pa.dictionary(pa.int32(), pa.string())


def _schema(*fields: pa.Field) -> pa.Schema:
    base = [pa.field("run_id", _DICT, nullable=False)]
    return pa.schema(base + list(fields), metadata={"schema_version": SCHEMA_VERSION})


DOCUMENTS = _schema(
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("content_sha", pa.string(), nullable=False),
    pa.field("fingerprint", _DICT, nullable=False),
    pa.field("encoding", _DICT),
    pa.field("lang", _DICT),
    pa.field("raw_chars", pa.int64()),
    pa.field("n_chars", pa.int64()),
    pa.field("n_sentences", pa.int32()),
    pa.field("n_mentions", pa.int32()),
    pa.field("text", pa.large_string(), nullable=False),
)

SENTENCES = _schema(
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sent_idx", pa.int32(), nullable=False),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("lang", _DICT),
)

TOKENS = _schema(
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sent_idx", pa.int32(), nullable=False),
    pa.field("tok_idx", pa.int32(), nullable=False),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
)

MENTIONS = _schema(
    pa.field("mention_id", pa.string(), nullable=False),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sent_idx", pa.int32()),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("label", _DICT, nullable=False),
    pa.field("canonical", pa.string()),
    pa.field("source", _DICT),
    pa.field("lang", _DICT),
)

FIGURES = _schema(
    pa.field("mention_id", pa.string(), nullable=False),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("value", pa.float64(), nullable=False),
    pa.field("value_text", pa.string(), nullable=False),
    pa.field("value_high", pa.float64()),
    pa.field("value_high_text", pa.string()),
    pa.field("unit", _DICT, nullable=False),
    pa.field("qualifier", _DICT),
    pa.field("kind", _DICT),
    pa.field("value_si", pa.float64()),
    pa.field("value_high_si", pa.float64()),
    pa.field("si_unit", _DICT),
)

DELEGATES = _schema(
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("mention_ids", pa.list_(pa.string())),
    pa.field("name", pa.string(), nullable=False),
    pa.field("name_key", pa.string(), nullable=False),
    pa.field("body", _DICT),
    pa.field("term", pa.int32()),
    pa.field("session", pa.int32()),
    pa.field("titles", pa.list_(pa.string())),
    pa.field("affiliations", pa.list_(pa.string())),
    pa.field("evidence_start", pa.int32()),
    pa.field("evidence_end", pa.int32()),
)

ERRORS = _schema(
    pa.field("source", pa.string(), nullable=False),
    pa.field("doc_id", pa.string()),
    pa.field("stage", _DICT, nullable=False),
    pa.field("error_type", _DICT, nullable=False),
    pa.field("level", _DICT, nullable=False),
    pa.field("message", pa.string(), nullable=False),
)

RUNS = _schema(
    pa.field("started_at", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("finished_at", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("status", _DICT, nullable=False),
    pa.field("fingerprint", pa.string(), nullable=False),
    pa.field("config_hash", pa.string(), nullable=False),
    pa.field("config_json", pa.string(), nullable=False),
    pa.field("overrides", pa.list_(pa.string())),
    pa.field("versions_json", pa.string(), nullable=False),
    pa.field("n_inputs", pa.int64()),
    pa.field("n_documents", pa.int64()),
    pa.field("n_skipped", pa.int64()),
    pa.field("n_errors", pa.int64()),
    pa.field("n_mentions", pa.int64()),
    pa.field("n_chars", pa.int64()),
    pa.field("wall_seconds", pa.float64()),
    pa.field("stage_seconds_json", pa.string()),
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "mentions": MENTIONS,
    "figures": FIGURES,
    "delegates": DELEGATES,
    "errors": ERRORS,
    "runs": RUNS,
}
