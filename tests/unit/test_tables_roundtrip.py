"""Tables: declared schemas, atomic parts, commit markers, recovery and typed reads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.io.catalog import load_table, read_arrow
from pipeline.io.schemas import SCHEMA_VERSION, TABLES
from pipeline.io.sink import recover, write_batch


def _doc(run: str, doc_id: str, text: str = "稀土") -> dict[str, object]:
    return {"run_id": run, "doc_id": doc_id, "source": f"{doc_id}.txt", "content_sha": doc_id * 4,
            "fingerprint": "fp", "encoding": "utf_8", "lang": "zh", "raw_chars": 2, "n_chars": len(text),
            "n_sentences": 1, "n_mentions": 1, "text": text}


def _mention(run: str, doc_id: str) -> dict[str, object]:
    return {"run_id": run, "mention_id": f"{doc_id}:0-2:MINERAL", "doc_id": doc_id, "sent_idx": 0, "start": 0,
            "end": 2, "text": "稀土", "label": "MINERAL", "mineral": "rare earth", "extractor": "lexicon", "lang": "zh"}


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


def test_tables_uncommitted_batch_is_invisible_and_recovered(tmp_path: Path) -> None:
    write_batch(tmp_path, "r1", "2026-11-22", 0, {"documents": [_doc("r1", "a")], "mentions": [_mention("r1", "a")]})
    write_batch(tmp_path, "r1", "2026-11-22", 1, {"documents": [_doc("r1", "b")], "mentions": [_mention("r1", "b")]})
    (tmp_path / "_commits" / "r1-000001").unlink()  # as if killed before the marker was written
    (tmp_path / "mentions" / "run_date=2026-11-22" / ".tmp-x-part.parquet").write_bytes(b"half")
    assert list(load_table("mentions", tmp_path)["doc_id"]) == ["a"]
    removed = recover(tmp_path)
    assert len(removed) == 3
    assert len(pd.read_parquet(tmp_path / "mentions")) == 1


def test_tables_latest_keeps_newest_run_of_each_document(tmp_path: Path) -> None:
    write_batch(tmp_path, "r1", "2026-11-21", 0, {"documents": [_doc("r1", "a")], "mentions": [_mention("r1", "a")]})
    write_batch(tmp_path, "r2", "2026-11-22", 0, {"documents": [_doc("r2", "a")], "mentions": [_mention("r2", "a")]})
    assert list(load_table("mentions", tmp_path)["run_id"].astype(str)) == ["r2"]
    assert len(load_table("mentions", tmp_path, latest=False)) == 2
    assert list(load_table("mentions", tmp_path / "mentions")["run_id"].astype(str)) == ["r2"]


def test_tables_empty_output_gives_typed_empty_frame(tmp_path: Path) -> None:
    frame = load_table("figures", tmp_path)
    assert len(frame) == 0 and "value_norm" in frame.columns
    assert read_arrow("figures", tmp_path).schema.field("value").type == "double"


def test_tables_unknown_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="unknown table"):
        load_table("entities", tmp_path)


def test_tables_compact_merges_parts_without_changing_content(tmp_path: Path) -> None:
    from pipeline.io.sink import compact

    for batch, doc in enumerate("abc"):
        write_batch(tmp_path, "r1", "2026-11-22", batch,
                    {"documents": [_doc("r1", doc)], "mentions": [_mention("r1", doc)]})
    before = load_table("mentions", tmp_path)
    merged = compact(tmp_path, "c20261122t000000")
    assert merged == {"documents": 3, "mentions": 3}
    assert len(list((tmp_path / "mentions").glob("run_date=*/part-*.parquet"))) == 1
    pd.testing.assert_frame_equal(before, load_table("mentions", tmp_path))
    assert len(pd.read_parquet(tmp_path / "mentions")) == 3
    assert compact(tmp_path, "c20261122t000001") == {}
