"""Ingest: encodings, binary and broken inputs each become a Document or a recorded error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.io.sources import InputError, decode_bytes, doc_id_for, read_inputs
from pipeline.records import DocError, Document
from pipeline.run.config import IngestSettings

TEXT = "中国矿业联合会主办。江西省赣州市的稀土产业发展很快，钨、锑资源丰富。" * 5
SETTINGS = IngestSettings()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "gbk", "big5"])
def test_ingest_decodes_chinese_in_common_encodings(encoding: str) -> None:
    text = "中國礦業聯合會主辦。江西省的稀土產業發展很快，鎢、銻資源豐富。" * 5 if encoding == "big5" else TEXT
    decoded, _ = decode_bytes(text.encode(encoding), SETTINGS)
    assert decoded.lstrip("\ufeff") == text


def test_ingest_refuses_random_bytes_as_binary() -> None:
    data = os.urandom(20000) + b"\x00\x00"
    with pytest.raises(InputError) as info:
        decode_bytes(data, SETTINGS)
    assert info.value.kind in {"BinaryInput", "UndecodableInput"}


def test_ingest_keeps_document_with_one_invalid_utf8_byte() -> None:
    data = TEXT.encode() * 20
    broken = data[:3001] + b"\xff" + data[3001:]
    text, encoding = decode_bytes(broken, SETTINGS)
    assert encoding == "utf_8+replaced"
    assert 1 <= text.count("\ufffd") <= 4
    assert text.replace("\ufffd", "") != ""


def test_ingest_doc_id_is_stable_and_content_based() -> None:
    assert doc_id_for("稀土")[0] == doc_id_for("稀土")[0]
    assert doc_id_for("稀土")[0] != doc_id_for("稀土 ")[0]


def test_ingest_batch_records_every_bad_input(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(TEXT.encode("gb18030"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "random.txt").write_bytes(os.urandom(4096) + b"\x00")
    (tmp_path / "huge.txt").write_bytes(b"a" * 200_000 + b"\n")
    (tmp_path / "mid.txt").write_bytes(TEXT.encode()[:30] + b"\xfe" + (TEXT * 40).encode())
    (tmp_path / "records.jsonl").write_text('{"id": "a", "text": "稀土"}\n{broken\n{"id": "c"}\n', encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    settings = IngestSettings(max_bytes=100_000)
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt"], settings))
    docs = {Path(d.source.split("#")[0]).name: d for d in items if isinstance(d, Document)}
    errors = [(Path(e.source.split(":")[0]).name, e.error_type, e.level) for e in items if isinstance(e, DocError)]
    assert set(docs) == {"good.txt", "gb.txt", "mid.txt", "records.jsonl"}
    assert docs["gb.txt"].text == TEXT and docs["gb.txt"].encoding == "gb18030"
    assert ("empty.txt", "EmptyInput", "error") in errors
    assert ("random.txt", "BinaryInput", "error") in errors
    assert ("huge.txt", "InputTooLarge", "error") in errors
    assert ("mid.txt", "InvalidBytesReplaced", "warning") in errors
    assert ("records.jsonl", "BadJsonLine", "error") in errors
    assert ("records.jsonl", "MissingText", "error") in errors
    assert ("missing.txt", "MissingInput", "error") in errors


def test_ingest_blank_unicode_is_empty_input() -> None:
    with pytest.raises(InputError, match="empty"):
        decode_bytes("\u3000\u00a0\ufeff\u200b \n".encode(), SETTINGS)


def test_ingest_lone_surrogate_record_is_kept_with_a_warning(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x\\udc00", "text": "Gold \\ud800 rose."}\n', encoding="utf-8")
    items = list(read_inputs([feed], SETTINGS))
    doc = next(i for i in items if isinstance(i, Document))
    warning = next(i for i in items if isinstance(i, DocError))
    assert doc.text == "Gold \ufffd rose." and doc.source.endswith("#x\ufffd")
    assert warning.error_type == "LoneSurrogates" and warning.level == "warning"
    doc.source.encode("utf-8")  # storable


def test_ingest_links_loops_and_odd_names_never_vanish(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Gold rose.", encoding="utf-8")
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text("Silver fell.", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(read_inputs([tmp_path], SETTINGS))
    docs = sorted(Path(i.source).name for i in items if isinstance(i, Document))
    errors = {Path(i.source).name: i.error_type for i in items if isinstance(i, DocError)}
    assert docs == ["bad\\xff.txt", "ok.txt"]
    assert errors == {"bad\\xff.txt": "NonUtf8FileName", "dangling.txt": "DanglingSymlink",
                      "self.txt": "SymlinkLoop", "loop": "SymlinkLoop"}
