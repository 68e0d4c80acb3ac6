"""One document that breaks a stage becomes an errors row; the rest of its batch is processed."""

from __future__ import annotations

from dataclasses import replace

from pipeline.records import Bundle, Document
from pipeline.stages.batch import RunnableStage, process_batch


def _explode_on_marker(batch: list[Bundle]) -> list[Bundle]:
    if any("BOOM" in b.doc.text for b in batch):
        raise ValueError("cannot handle BOOM")
    return [replace(b, doc=replace(b.doc, lang="en")) for b in batch]


def test_runner_isolates_failing_document_and_names_stage() -> None:
    stage = RunnableStage("explode", _explode_on_marker)
    docs = [Document(f"d{i}", f"s{i}.txt", text, content_sha=f"sha{i}")
            for i, text in enumerate(["fine", "BOOM here", "also fine"])]
    bundles, errors = process_batch([stage], docs)
    assert [b.doc.doc_id for b in bundles] == ["d0", "d2"]
    assert all(b.doc.lang == "en" and "explode" in b.timings for b in bundles)
    assert [(e.source, e.stage, e.error_type, e.doc_id) for e in errors] == [("s1.txt", "explode", "ValueError", "d1")]
    assert "cannot handle BOOM" in errors[0].message
    assert errors[0].content_sha == "sha1"  # so the runner records it once and skips it until it changes
