"""Parts written with schema version 1 upgrade to the current columns (pipeline/io/migrations.py)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.io.migrations import LEGACY_NAMES, needs_upgrade, upgrade, version_of
from pipeline.io.schemas import SCHEMA_VERSION, TABLES

_D = pa.dictionary(pa.int32(), pa.string())
_META = {"schema_version": "1"}

# The version-1 schemas as they were declared (frozen copy: the code no longer has them).
V1 = {
    "documents": pa.schema([("run_id", _D), ("doc_id", pa.string()), ("source", pa.string()),
                            ("content_sha", pa.string()), ("fingerprint", _D), ("encoding", _D), ("lang", _D),
                            ("raw_chars", pa.int64()), ("n_chars", pa.int64()), ("n_sentences", pa.int32()),
                            ("n_mentions", pa.int32()), ("text", pa.large_string())], metadata=_META),
    "mentions": pa.schema([("run_id", _D), ("mention_id", pa.string()), ("doc_id", pa.string()),
                           ("sent_idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
                           ("text", pa.string()), ("label", _D), ("canonical", pa.string()), ("source", _D),
                           ("lang", _D)], metadata=_META),
    "figures": pa.schema([("run_id", _D), ("mention_id", pa.string()), ("doc_id", pa.string()),
                          ("value", pa.float64()), ("value_text", pa.string()), ("value_high", pa.float64()),
                          ("value_high_text", pa.string()), ("unit", _D), ("qualifier", _D), ("kind", _D),
                          ("value_si", pa.float64()), ("value_high_si", pa.float64()), ("si_unit", _D)],
                         metadata=_META),
    "delegates": pa.schema([("run_id", _D), ("doc_id", pa.string()), ("mention_ids", pa.list_(pa.string())),
                            ("name", pa.string()), ("name_key", pa.string()), ("body", _D), ("term", pa.int32()),
                            ("session", pa.int32()), ("titles", pa.list_(pa.string())),
                            ("affiliations", pa.list_(pa.string())), ("evidence_start", pa.int32()),
                            ("evidence_end", pa.int32())], metadata=_META),
}


def _v1(name: str, rows: list[dict[str, object]], tmp_path: Path) -> pa.Table:
    """Rows written as a version-1 part and read back with the part's own schema."""
    path = tmp_path / f"{name}.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=V1[name]), path)
    return pq.read_table(path)


def test_migrations_v1_mentions_rename_and_drop_figure_units(tmp_path: Path) -> None:
    old = _v1("mentions", [
        {"run_id": "r", "mention_id": "d:0-1:MINERAL", "doc_id": "d", "sent_idx": 0, "start": 0, "end": 1,
         "text": "锡", "label": "MINERAL", "canonical": "tin", "source": "lexicon", "lang": "zh"},
        {"run_id": "r", "mention_id": "d:2-5:FIGURE", "doc_id": "d", "sent_idx": 0, "start": 2, "end": 5,
         "text": "3万吨", "label": "FIGURE", "canonical": "t", "source": "grammar", "lang": "zh"}], tmp_path)
    assert version_of(old.schema) == "1" and needs_upgrade(old.schema)
    new = upgrade("mentions", old)
    assert new.schema.equals(TABLES["mentions"], check_metadata=False)
    assert new.schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    rows = new.to_pylist()
    assert [(r["mineral"], r["extractor"], r["institution_key"]) for r in rows] == [
        ("tin", "lexicon", None), (None, "grammar", None)]


def test_migrations_v1_figures_and_people(tmp_path: Path) -> None:
    fig = upgrade("figures", _v1("figures", [
        {"run_id": "r", "mention_id": "m", "doc_id": "d", "value": 2.0, "value_text": "2", "unit": "km2",
         "kind": "area", "value_si": 2e6, "si_unit": "m2"}], tmp_path)).to_pylist()[0]
    assert (fig["value_norm"], fig["value_high_norm"], fig["unit_norm"]) == (2e6, None, "m2")
    assert "people" in LEGACY_NAMES and LEGACY_NAMES["people"] == ("delegates",)
    person = upgrade("people", _v1("delegates", [
        {"run_id": "r", "doc_id": "d", "mention_ids": ["m1"], "name": "Li Ming", "name_key": "li ming",
         "body": "NPC", "term": 14, "session": 3, "titles": ["deputy"], "affiliations": []}], tmp_path))
    assert person.schema.equals(TABLES["people"], check_metadata=False)
    row = person.to_pylist()[0]
    assert (row["delegate_body"], row["delegate_term"], row["delegate_session"]) == ("NPC", 14, 3)


def test_migrations_v1_documents_gain_metadata_columns(tmp_path: Path) -> None:
    base = {"run_id": "r", "content_sha": "s", "fingerprint": "f", "encoding": "utf_8", "lang": "en",
            "raw_chars": 1, "n_chars": 1, "n_sentences": 1, "n_mentions": 0, "text": "x"}
    new = upgrade("documents", _v1("documents", [{**base, "doc_id": "a", "source": "in/feed.jsonl#a-17"},
                                                 {**base, "doc_id": "b", "source": "in/b.txt"}], tmp_path))
    assert new.schema.equals(TABLES["documents"], check_metadata=False)
    rows = new.to_pylist()
    assert [r["external_id"] for r in rows] == ["a-17", None]
    assert {r["published"] for r in rows} == {None} and rows[0]["n_sentences"] == 1


def test_migrations_current_parts_pass_through_and_newer_ones_are_refused() -> None:
    current = TABLES["errors"].empty_table()
    assert upgrade("errors", current) is current and not needs_upgrade(current.schema)
    newer = current.replace_schema_metadata({"schema_version": "99"})
    with pytest.raises(ValueError, match="newer"):
        upgrade("errors", newer)


def test_migrations_keep_the_partition_column(tmp_path: Path) -> None:
    old = _v1("figures", [{"run_id": "r", "mention_id": "m", "doc_id": "d", "value": 1.0, "value_text": "1",
                           "unit": "t", "kind": "mass"}], tmp_path)
    old = old.append_column("run_date", pa.array(["2026-01-02"]))
    assert upgrade("figures", old).column("run_date").to_pylist() == ["2026-01-02"]
