"""The data dictionary: every column described once, schemas and rows derived from the records, docs in sync."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.io.rows import bundle_rows, error_row
from pipeline.io.schemas import DECLARED, SCHEMA_VERSION, TABLES, record_columns
from pipeline.io.sink import write_batch
from pipeline.io.views import VIEWS
from pipeline.ner.inputs import GAZETTEER, MODEL, RULE
from pipeline.records import (
    EXTRACTORS,
    Bundle,
    Delegate,
    DocError,
    Document,
    Figure,
    Mention,
    Sentence,
    Token,
)
from pipeline.tools.tables_doc import INGEST_ERRORS, OUT, render, vocabularies
from tests.conftest import ROOT

ALL_COLUMNS = [(t.name, c) for t in DECLARED.values() for c in t.columns] + \
              [(v.name, c) for v in VIEWS.values() for c in v.columns]
CATEGORICAL = [(name, c) for name, c in ALL_COLUMNS if c.type == "category"]


def test_tables_dictionary_docs_page_is_generated_from_the_code() -> None:
    assert OUT == ROOT / "docs" / "tables.md"
    assert OUT.read_text(encoding="utf-8") == render(), "run: python -m pipeline.tools.tables_doc"


@pytest.mark.parametrize(("table", "column"), ALL_COLUMNS, ids=lambda x: getattr(x, "name", x))
def test_tables_dictionary_every_column_is_described(table: str, column: object) -> None:
    doc = column.doc  # type: ignore[attr-defined]
    assert len(doc) >= 15 and (doc[0].isupper() or doc.startswith(("=", "`"))), (table, doc)


@pytest.mark.parametrize(("table", "column"), CATEGORICAL, ids=lambda x: getattr(x, "name", x))
def test_tables_dictionary_every_categorical_column_lists_its_values(table: str, column: object) -> None:
    vocab = vocabularies()
    key = column.values  # type: ignore[attr-defined]
    assert key in vocab, f"{table}.{column.name}: no vocabulary"  # type: ignore[attr-defined]
    assert vocab[key].values or vocab[key].note.startswith("Open:"), key
    assert f"### values: {key}" in OUT.read_text(encoding="utf-8")


def test_tables_dictionary_every_vocabulary_is_used_and_plain_columns_have_none() -> None:
    used = {c.values for _, c in ALL_COLUMNS if c.values}
    assert used == set(vocabularies())
    assert [f"{t}.{c.name}" for t, c in ALL_COLUMNS if c.values and c.type not in ("category", "string")] == []


def test_tables_dictionary_one_type_per_column_name_and_no_misleading_names() -> None:
    types: dict[str, set[str]] = {}
    for t in DECLARED.values():
        for c in t.columns:
            types.setdefault(c.name, set()).add(c.type)
    # `text` is the text of the row's unit: the whole document is a large string, a mention or word a string.
    assert {n: ts for n, ts in types.items() if len(ts) > 1} == {"text": {"large_string", "string"}}
    where = {n: sorted(t.name for t in DECLARED.values() if n in t.schema.names) for n in ("source", "extractor")}
    assert where == {"source": ["documents", "errors"], "extractor": ["mentions"]}
    names = {c.name for _, c in ALL_COLUMNS}
    assert not names & {"canonical", "si_unit", "value_si", "body", "delegates"}


def test_tables_dictionary_parquet_parts_carry_the_descriptions(tmp_path: Path) -> None:
    doc = Document("d1", "a.txt", "锂", lang="zh", raw_chars=1, content_sha="s")
    rows = bundle_rows(Bundle(doc, mentions=(Mention(0, 1, "锂", "MINERAL", "lexicon", "lithium", "zh", -1,
                                                     "d1:0-1:MINERAL"),)), "r1", "fp")
    write_batch(tmp_path, "r1", "2026-03-05", 0, rows)
    schema = pq.read_schema(next((tmp_path / "mentions").glob("run_date=*/part-*.parquet")))
    assert schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    assert schema.metadata[b"table"] == b"mentions"
    field = schema.field("mineral")
    assert b"canonical English name" in field.metadata[b"description"]
    assert field.metadata[b"values"] == b"minerals"


def test_tables_dictionary_rows_have_exactly_the_declared_columns() -> None:
    """Rows come from the record declarations, so every table gets every column and nothing else."""
    doc = Document("d1", "a.jsonl#7", "Zijin Mining 锂 3 t", lang="en", raw_chars=16, content_sha="s",
                   external_id="7", url="https://example.org/x", title="T", published=None, published_text="x")
    b = Bundle(doc, sentences=(Sentence(0, 0, 16, "en"),), tokens=(Token(0, 0, 0, 5, "Zijin"),),
               mentions=(Mention(0, 12, "Zijin Mining", "ORG", "rule", None, "en", 0, "d1:0-12:ORG",
                                 "zijin-mining"),),
               figures=(Figure("d1:15-18:FIGURE", 3.0, "3", None, None, "t", None, "mass", 3000.0, None, "kg"),),
               delegates=(Delegate(("m",), "Wang Wu", "wang wu", "NPC", 14, 2, ("deputy",), ("NPC",), 0, 3),))
    rows = bundle_rows(b, "r1", "fp")
    rows["errors"] = [error_row(DocError("x.txt", "ingest", "EmptyInput", "empty"), "r1")]
    for name, part in rows.items():
        assert part, name
        assert set(part[0]) == set(TABLES[name].names), name
    assert rows["figures"][0]["unit_norm"] == "kg" and rows["mentions"][0]["extractor"] == "rule"
    assert rows["people"][0]["delegate_body"] == "NPC" and rows["documents"][0]["external_id"] == "7"


@pytest.mark.parametrize("record", [Document, Sentence, Token, Mention, Figure, Delegate, DocError])
def test_tables_dictionary_each_record_is_written_by_exactly_one_table(record: type) -> None:
    tables = [t.name for t in DECLARED.values() if t.record is record]
    assert len(tables) == 1
    declared = record_columns(record)
    internal = [f.name for f in fields(record) if f.name not in declared]
    assert internal == (["start", "end"] if record is Figure else [])


def test_tables_dictionary_vocabularies_cover_what_the_code_produces() -> None:
    vocab = vocabularies()
    assert {MODEL, RULE, GAZETTEER, "lexicon", "grammar"} == set(EXTRACTORS)
    assert {v for v, _ in vocab["extractors"].values} == set(EXTRACTORS)
    # Every ingest reason the package can write is listed.
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*.py"))
    kinds = set(re.findall(r'InputError\("([A-Za-z]+)"', code)) | set(re.findall(r'"ingest", "([A-Za-z]+)"', code))
    assert kinds and kinds <= set(INGEST_ERRORS), kinds - set(INGEST_ERRORS)
    assert {v for v, _ in vocab["stages"].values} >= {"ingest", "ner", "institutions", "delegates"}


def test_tables_dictionary_golden_figures_use_listed_units_qualifiers_and_kinds() -> None:
    vocab = vocabularies()
    units = {v for v, _ in vocab["units"].values}
    qualifiers = {v for v, _ in vocab["qualifiers"].values}
    seen = 0
    for path in sorted((ROOT / "tests" / "data" / "figures").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else {}
            for f in case.get("figures", case.get("expect", [])) if isinstance(case, dict) else []:
                if not isinstance(f, dict) or "unit" not in f:
                    continue
                seen += 1
                assert set(str(f["unit"]).split("/")) <= units, (path.name, f)
                assert f.get("qualifier") in qualifiers | {None}, (path.name, f)
    assert seen > 100
