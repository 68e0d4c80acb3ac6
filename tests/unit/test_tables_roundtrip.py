"""Tables: declared schemas, versioned commits, replacement per document, recovery, compaction, typed reads."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.io.catalog import load_table, read_arrow
from pipeline.io.schemas import SCHEMA_VERSION, TABLES
from pipeline.io.sink import Change, Dataset, collect_garbage, recover, write_batch


def _doc(run: str, doc_id: str, text: str = "稀土", source: str | None = None) -> dict[str, object]:
    return {"run_id": run, "doc_id": doc_id, "source": source or f"{doc_id}.txt", "content_sha": doc_id * 4,
            "fingerprint": "fp", "encoding": "utf_8", "lang": "zh", "raw_chars": 2, "n_chars": len(text),
            "n_sentences": 1, "n_mentions": 1, "text": text}


def _mention(run: str, doc_id: str) -> dict[str, object]:
    return {"run_id": run, "mention_id": f"{doc_id}:0-2:MINERAL", "doc_id": doc_id, "sent_idx": 0, "start": 0,
            "end": 2, "text": "稀土", "label": "MINERAL", "mineral": "rare earth", "extractor": "lexicon", "lang": "zh"}


def _error(run: str, source: str) -> dict[str, object]:
    return {"run_id": run, "source": source, "doc_id": None, "stage": "ingest", "error_type": "EmptyInput",
            "level": "error", "message": "empty"}


def _plain_counts(out: Path, name: str) -> tuple[int, int]:
    """Rows as pandas and pyarrow.dataset read the table folder, knowing nothing of the layout."""
    return len(pd.read_parquet(out / name)), ds.dataset(out / name, partitioning="hive").count_rows()


def test_tables_every_schema_carries_version_and_run_id() -> None:
    for schema in TABLES.values():
        assert schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
        assert schema.field("run_id").type.value_type == "string"


def test_tables_written_parts_have_declared_schema(tmp_path: Path) -> None:
    write_batch(tmp_path, "r1", "2026-11-22", 0, {"documents": [_doc("r1", "a")], "mentions": [_mention("r1", "a")]})
    part = next((tmp_path / "mentions").glob("run_date=*/part-*.parquet"))
    assert pq.read_schema(part).equals(TABLES["mentions"], check_metadata=False)
    frame = pd.read_parquet(tmp_path / "mentions")
    assert isinstance(frame["label"].dtype, pd.CategoricalDtype)
    assert frame["start"].dtype == "int32"


def test_tables_half_built_version_is_invisible_and_recovered(tmp_path: Path) -> None:
    write_batch(tmp_path, "r1", "2026-11-22", 0, {"documents": [_doc("r1", "a")], "mentions": [_mention("r1", "a")]})
    # As if killed while building the next version: a whole version folder and a half-built one.
    current = Path(os.readlink(tmp_path / "_current")).name
    for name in ("v000099", ".building-v000100"):
        half = tmp_path / "_versions" / name / "mentions" / "run_date=2026-11-22"
        half.mkdir(parents=True)
        stray = pa.Table.from_pylist([_mention("r9", "z")], schema=TABLES["mentions"])
        pq.write_table(stray, half / "part-r9-0.parquet")
    assert list(load_table("mentions", tmp_path)["doc_id"]) == ["a"]
    assert _plain_counts(tmp_path, "mentions") == (1, 1)
    assert len(recover(tmp_path)) == 2
    assert Path(os.readlink(tmp_path / "_current")).name == current
    assert sorted(p.name for p in (tmp_path / "_versions").iterdir()) == [current]


def test_tables_reprocessed_document_replaces_its_rows_for_every_reader(tmp_path: Path) -> None:
    write_batch(tmp_path, "r1", "2026-11-21", 0, {"documents": [_doc("r1", "a"), _doc("r1", "b")],
                                                  "mentions": [_mention("r1", "a"), _mention("r1", "b")]})
    dataset = Dataset(tmp_path)
    dataset.commit(Change({"documents": [_doc("r2", "a")], "mentions": [_mention("r2", "a")]},
                          "run_date=2026-11-22/part-r2-000000.parquet", drop_docs={"a"}))
    frame = load_table("mentions", tmp_path)
    assert sorted(zip(frame["doc_id"], frame["run_id"].astype(str), strict=True)) == [("a", "r2"), ("b", "r1")]
    assert _plain_counts(tmp_path, "mentions") == (2, 2)
    assert _plain_counts(tmp_path, "documents") == (2, 2)
    assert list(load_table("mentions", tmp_path / "mentions")["doc_id"]) == list(frame["doc_id"])
    # The index the next commit starts from agrees with what was written.
    assert Dataset(tmp_path).index.by_source == {"a.txt": "a", "b.txt": "b"}


def test_tables_changed_source_replaces_old_version_and_its_errors(tmp_path: Path) -> None:
    dataset = Dataset(tmp_path)
    dataset.commit(Change({"documents": [_doc("r1", "old", source="x.txt")], "mentions": [_mention("r1", "old")],
                           "errors": [_error("r1", "x.txt")]}, "run_date=2026-11-21/part-r1-000000.parquet"))
    dataset.commit(Change({"documents": [_doc("r2", "new", source="x.txt")], "mentions": [_mention("r2", "new")]},
                          "run_date=2026-11-22/part-r2-000000.parquet", drop_docs={"old"}, drop_sources={"x.txt"}))
    assert list(pd.read_parquet(tmp_path / "documents")["doc_id"]) == ["new"]
    assert list(pd.read_parquet(tmp_path / "mentions")["doc_id"]) == ["new"]
    assert len(load_table("errors", tmp_path)) == 0


def test_tables_empty_output_gives_typed_empty_frame(tmp_path: Path) -> None:
    frame = load_table("figures", tmp_path)
    assert len(frame) == 0 and "value_norm" in frame.columns
    assert read_arrow("figures", tmp_path).schema.field("value").type == "double"


def test_tables_unknown_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="unknown table"):
        load_table("entities", tmp_path)


def test_tables_compact_merges_parts_without_changing_content(tmp_path: Path) -> None:
    for batch, doc in enumerate("abc"):
        write_batch(tmp_path, "r1", "2026-11-22", batch,
                    {"documents": [_doc("r1", doc)], "mentions": [_mention("r1", doc)]})
    before = load_table("mentions", tmp_path)
    merged = Dataset(tmp_path).compact("c20261122t000000")
    assert merged == {"documents": 3, "mentions": 3}
    assert len(list((tmp_path / "mentions").glob("run_date=*/part-*.parquet"))) == 1
    pd.testing.assert_frame_equal(before, load_table("mentions", tmp_path))
    assert _plain_counts(tmp_path, "mentions") == (3, 3)
    assert Dataset(tmp_path).compact("c20261122t000001") == {}
    # A replacement after compaction rewrites the merged part without the replaced document.
    Dataset(tmp_path).commit(Change({"documents": [_doc("r2", "b")]}, "run_date=2026-11-23/part-r2-000000.parquet",
                                    drop_docs={"b"}))
    assert sorted(pd.read_parquet(tmp_path / "mentions")["doc_id"]) == ["a", "c"]
    assert sorted(pd.read_parquet(tmp_path / "documents")["doc_id"]) == ["a", "b", "c"]


def test_tables_old_versions_are_collected_after_the_retention_time(tmp_path: Path) -> None:
    for batch, doc in enumerate("abcd"):
        write_batch(tmp_path, "r1", "2026-11-22", batch, {"documents": [_doc("r1", doc)]})
    versions = sorted(p.name for p in (tmp_path / "_versions").iterdir())
    assert len(versions) == 4  # all within the retention time: readers on old snapshots are safe
    collect_garbage(tmp_path, retain_max=2)  # recent, but more old versions than allowed
    assert sorted(p.name for p in (tmp_path / "_versions").iterdir()) == versions[-3:]
    collect_garbage(tmp_path, retain_seconds=0)
    assert sorted(p.name for p in (tmp_path / "_versions").iterdir()) == versions[-2:]
    assert len(load_table("documents", tmp_path)) == 4


def test_tables_old_layout_is_upgraded_to_exactly_the_current_rows(tmp_path: Path) -> None:
    # The layout before versioned tables: real table folders, commit markers, a duplicate from --full.
    for run, batch in (("r1", "000000"), ("r2", "000000"), ("r3", "000000")):
        folder = tmp_path / "documents" / "run_date=2026-11-20"
        folder.mkdir(parents=True, exist_ok=True)
        rows = [_doc(run, "a")] if run != "r3" else [_doc(run, "b")]
        pq.write_table(pa.Table.from_pylist(rows, schema=TABLES["documents"]), folder / f"part-{run}-{batch}.parquet")
        (tmp_path / "_commits").mkdir(exist_ok=True)
        if run != "r3":  # r3 was killed before its marker
            (tmp_path / "_commits" / f"{run}-{batch}").write_text("ok\n", encoding="utf-8")
    dataset = Dataset(tmp_path)
    assert (tmp_path / "documents").is_symlink() and not (tmp_path / "_commits").exists()
    frame = pd.read_parquet(tmp_path / "documents")
    assert list(zip(frame["doc_id"], frame["run_id"].astype(str), strict=True)) == [("a", "r2")]
    assert dataset.index.by_source == {"a.txt": "a"}
