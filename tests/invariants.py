"""Invariants every run output must satisfy (offsets, unique ids, foreign keys, schemas)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from pipeline.io.catalog import load_table
from pipeline.io.schemas import TABLES


def check_output(out: Path) -> dict[str, int]:
    """Assert the invariants on an output folder; return row counts per table."""
    for name, schema in TABLES.items():
        for part in (out / name).glob("run_date=*/part-*.parquet"):
            assert pq.read_schema(part).equals(schema, check_metadata=False), part
    docs = load_table("documents", out)
    text = dict(zip(docs["doc_id"], docs["text"], strict=True))
    assert docs["doc_id"].is_unique
    for name in ("sentences", "tokens", "mentions"):
        frame = load_table(name, out)
        assert set(frame["doc_id"]) <= set(text), f"{name} rows refer to unknown documents"
        surface = "text" if name != "sentences" else None
        for row in frame.itertuples():
            span = text[row.doc_id][row.start:row.end]
            assert 0 <= row.start < row.end <= len(text[row.doc_id])
            if surface:
                assert span == getattr(row, surface), (name, row)
    mentions = load_table("mentions", out)
    assert mentions["mention_id"].is_unique
    figures = load_table("figures", out)
    assert set(figures["mention_id"]) <= set(mentions["mention_id"])
    assert set(mentions.loc[mentions["label"].astype(str) == "FIGURE", "mention_id"]) == set(figures["mention_id"])
    people = load_table("people", out)
    for ids in people["mention_ids"]:
        assert set(ids) <= set(mentions["mention_id"])
    labels = mentions["label"].astype(str)
    assert mentions.loc[labels != "MINERAL", "mineral"].isna().all(), "mineral set on a non-MINERAL mention"
    assert mentions.loc[labels != "ORG", "institution_key"].isna().all(), "institution key on a non-ORG mention"
    return {name: len(load_table(name, out, latest=False)) for name in TABLES}
