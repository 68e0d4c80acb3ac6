"""Article metadata: dates in both languages, front matter, configurable JSON-lines fields, typed columns."""

from __future__ import annotations

import datetime as dt
import doctest
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline.io.metadata as metadata
from pipeline.io.metadata import FrontMatterError, from_fields, parse_date, split_front_matter
from pipeline.io.sources import read_inputs
from pipeline.records import DocError, Document
from pipeline.run.config import load_config

D = dt.date(2025, 11, 8)


def test_metadata_doctests() -> None:
    result = doctest.testmod(metadata)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("text", [
    "2025-11-08", "2025/11/8", "2025.11.08", "2025-11-08T07:30:00+08:00", "2025-11-08 07:30",
    "2025年11月8日", "2025 年 11 月 08 日", "２０２５年１１月８日", "发稿时间：2025年11月8日 09:12", "2025年11月8号",
    "二〇二五年十一月八日", "November 8, 2025", "Nov. 8th, 2025", "8 November 2025", "Sat, 08 Nov 2025 10:00:00 GMT",
    "20251108", D, dt.datetime(2025, 11, 8, 23, 59),
])
def test_metadata_parse_date_reads_common_forms(text: object) -> None:
    assert parse_date(text) == D


@pytest.mark.parametrize("text", ["2025-02-30", "2025年11月", "November 2025", "上周五", "", None, 20251108,
                                  "12345678901", "2025年13月1日", "十三月八日"])
def test_metadata_parse_date_refuses_what_is_not_a_whole_date(text: object) -> None:
    assert parse_date(text) is None


@given(st.text(max_size=60))
def test_metadata_parse_date_never_raises(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), dt.date)


def test_metadata_front_matter_is_split_from_the_body() -> None:
    text = ("---\ntitle: 铜价创新高\nurl: https://news.example.cn/a/1\ndate: 2025年11月8日\ntags: [copper]\n---\n"
            "正文第一段。\n")
    front, body = split_front_matter(text)
    assert body == "正文第一段。\n"
    assert front is not None and front["title"] == "铜价创新高" and front["tags"] == ["copper"]
    meta = from_fields(front, url=["url"], title=["title"], published=["published", "date"])
    assert (meta.url, meta.title, meta.published, meta.published_text) == (
        "https://news.example.cn/a/1", "铜价创新高", D, "2025年11月8日")


@pytest.mark.parametrize("text", ["No front matter.\n", "Intro\n---\ntitle: x\n---\n", "--- \ntitle: x\n"])
def test_metadata_text_without_a_leading_front_matter_is_kept_whole(text: str) -> None:
    assert split_front_matter(text) == (None, text)


@pytest.mark.parametrize("text", ["---\n- a\n- b\n---\nbody\n", "---\ntitle: [unclosed\n---\nbody\n"])
def test_metadata_front_matter_that_is_not_a_mapping_is_an_error(text: str) -> None:
    with pytest.raises(FrontMatterError):
        split_front_matter(text)


def test_metadata_fields_first_non_empty_name_wins_and_yaml_dates_keep_their_text() -> None:
    meta = from_fields({"url": "", "link": "https://x.example/2", "date": D, "title": 42},
                       url=["url", "link"], title=["title"], published=["published", "date"])
    assert (meta.url, meta.title, meta.published, meta.published_text) == ("https://x.example/2", "42", D,
                                                                           "2025-11-08")
    assert from_fields({}, url=["url"], title=["title"], published=["date"]).is_empty()


def _docs(items: list[Document | DocError]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def test_ingest_jsonl_metadata_become_typed_document_fields(tmp_path: Path) -> None:
    records = [
        {"id": 11, "text": "Lithium prices rose.", "url": "https://a.example/11", "title": "Lithium", "published":
         "2025-11-08"},
        {"id": "b", "text": "钨价上涨。", "published": "2025年11月8日"},
        {"id": "c", "text": "No metadata here."},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    docs = _docs(list(read_inputs([path], load_config(None).ingest)))
    assert [(d.external_id, d.url, d.title, d.published) for d in docs] == [
        ("11", "https://a.example/11", "Lithium", D), ("b", None, None, D), ("c", None, None, None)]
    assert docs[0].source.endswith("news.jsonl#11")


def test_ingest_metadata_field_names_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "Copper output fell.", "headline_en": "Copper",
                                "pub": "8 November 2025", "permalink": "https://b.example/1"}), encoding="utf-8")
    settings = load_config(None, ["ingest.metadata_fields.title=[headline_en]",
                                  "ingest.metadata_fields.published=[pub]",
                                  "ingest.metadata_fields.url=[permalink]"]).ingest
    (doc,) = _docs(list(read_inputs([path], settings)))
    assert (doc.title, doc.published, doc.url) == ("Copper", D, "https://b.example/1")


def test_ingest_markdown_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Nickel\npublished: 2025-11-08\n---\nNickel output rose.\n", encoding="utf-8")
    (doc,) = _docs(list(read_inputs([path], load_config(None).ingest)))
    assert doc.text == "Nickel output rose.\n" and doc.title == "Nickel" and doc.published == D
    assert doc.external_id is None


def test_ingest_bad_front_matter_keeps_the_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("---\n- not\n- a mapping\n---\nBody.\n", encoding="utf-8")
    items = list(read_inputs([path], load_config(None).ingest))
    (doc,) = _docs(items)
    warnings = [e for e in items if isinstance(e, DocError)]
    assert doc.text.startswith("---") and doc.title is None
    assert [(w.error_type, w.level) for w in warnings] == [("BadFrontMatter", "warning")]


def test_ingest_same_text_with_other_metadata_is_another_document(tmp_path: Path) -> None:
    path = tmp_path / "syndicated.jsonl"
    rows = [{"id": 1, "text": "Cobalt fell.", "url": "https://a.example/1"},
            {"id": 2, "text": "Cobalt fell.", "url": "https://b.example/9"},
            {"id": 3, "text": "Cobalt fell."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = _docs(list(read_inputs([path], load_config(None).ingest)))
    assert len({d.doc_id for d in docs}) == 3
    plain = tmp_path / "c.txt"
    plain.write_text("Cobalt fell.", encoding="utf-8")
    (same,) = _docs(list(read_inputs([plain], load_config(None).ingest)))
    assert same.doc_id == docs[2].doc_id  # no metadata: the id is the text's, as before
