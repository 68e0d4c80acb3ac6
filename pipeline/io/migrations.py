"""Upgrade a table written with an older schema version to the current one.

Why: an output folder grows over many nights and outlives schema changes; readers must return the
current columns for old parts too. :func:`upgrade` is pure (an Arrow table in, an Arrow table out),
applied to each part read with its own schema before the parts are combined.

Version 1 -> 2 (the data dictionary, issue 14):
- table ``delegates`` is called ``people`` (every person, delegates among them); stored under
  ``<out>/delegates/`` before (:data:`LEGACY_NAMES`); ``body``, ``term``, ``session`` are
  ``delegate_body``, ``delegate_term``, ``delegate_session``;
- mentions: ``source`` is ``extractor``; ``canonical`` is ``mineral`` and holds the mineral's name
  only (version 1 put the unit of FIGURE mentions there: dropped, it is ``figures.unit``);
  ``institution_key`` is new (null in old rows: re-run to fill it);
- figures: ``value_si``, ``value_high_si``, ``si_unit`` are ``value_norm``, ``value_high_norm``,
  ``unit_norm``;
- documents: ``external_id``, ``url``, ``title``, ``published``, ``published_text`` are new
  (``external_id`` recovered from ``source`` for JSON-lines records, the rest null).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.io.schemas import SCHEMA_VERSION, TABLES

# Current table name -> folder names it was stored under in older versions.
LEGACY_NAMES: dict[str, tuple[str, ...]] = {"people": ("delegates",)}

_RENAMES_V1: dict[str, dict[str, str]] = {
    "people": {"body": "delegate_body", "term": "delegate_term", "session": "delegate_session"},
    "mentions": {"source": "extractor", "canonical": "mineral"},
    "figures": {"value_si": "value_norm", "value_high_si": "value_high_norm", "si_unit": "unit_norm"},
}
# Columns a reader adds beside the declared ones (the hive partition); kept as they are.
PASSTHROUGH = ("run_date",)


def version_of(schema: pa.Schema) -> str:
    """The schema version a part was written with ("1" when the metadata says nothing)."""
    meta = schema.metadata or {}
    return meta.get(b"schema_version", b"1").decode()


def needs_upgrade(schema: pa.Schema) -> bool:
    return version_of(schema) != SCHEMA_VERSION


def _v1_to_v2(name: str, table: pa.Table) -> pa.Table:
    renames = _RENAMES_V1.get(name, {})
    table = table.rename_columns([renames.get(c, c) for c in table.column_names])
    if name == "mentions" and "mineral" in table.column_names and "label" in table.column_names:
        is_mineral = pc.equal(pc.cast(table["label"], pa.string()), "MINERAL")
        mineral = pc.if_else(is_mineral, pc.cast(table["mineral"], pa.string()), pa.scalar(None, pa.string()))
        table = table.set_column(table.column_names.index("mineral"), "mineral", mineral)
    if name == "documents" and "source" in table.column_names and "external_id" not in table.column_names:
        record_id = pc.extract_regex(pc.cast(table["source"], pa.string()), r"#(?P<id>[^#]*)$")  # null: no match
        table = table.append_column("external_id", pc.struct_field(record_id, "id"))
    return table


def conform(name: str, table: pa.Table) -> pa.Table:
    """``table`` with exactly the current columns of ``name`` (missing ones null), cast to their types."""
    schema = TABLES[name]
    columns = []
    for f in schema:
        if f.name in table.column_names:
            columns.append(pc.cast(table[f.name], f.type))
        else:
            columns.append(pa.nulls(len(table), f.type))
    out = pa.Table.from_arrays(columns, schema=schema)
    for extra in PASSTHROUGH:
        if extra in table.column_names:
            out = out.append_column(extra, table[extra])
    return out


def upgrade(name: str, table: pa.Table) -> pa.Table:
    """A part of table ``name`` (its current name) in the current schema, whatever version wrote it.

    Raises ValueError for a version this module does not know (written by a newer package).
    """
    version = version_of(table.schema)
    if version == SCHEMA_VERSION:
        return table
    if version == "1":
        return conform(name, _v1_to_v2(name, table))
    raise ValueError(f"{name}: schema version {version} is newer than this package's ({SCHEMA_VERSION})")
