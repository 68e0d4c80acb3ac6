"""Ingest: files, directories and JSON-lines records to Documents (or recorded errors).

Why so careful: nightly batches meet every kind of bad input. Every input ends
either as a Document or as a DocError with the reason; nothing disappears. The
encoding is read from a BOM, else strict UTF-8, else a real detector
(charset-normalizer) limited to the encodings this corpus meets.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.io.metadata import ArticleMeta, FrontMatterError, from_fields, split_front_matter
from pipeline.records import DocError, Document
from pipeline.run.config import IngestSettings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


class InputError(ValueError):
    """An input that cannot become a document; ``kind`` goes to errors.error_type."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def doc_id_for(text: str) -> tuple[str, str]:
    """(doc_id, content_sha): a stable id from the decoded content, so renames keep the id."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return sha[:16], sha


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    return 1 - bad / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs at every other byte for ASCII-range text."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    for nuls, enc in ((odd, "utf_16_le"), (even, "utf_16_be")):
        if half and nuls / half > 0.3 and len(data) % 2 == 0:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, settings: IngestSettings) -> tuple[str, str]:
    """Decode raw bytes to text, returning (text, encoding); raise InputError when it is not text."""
    if not data.strip():
        raise InputError("EmptyInput", "the input is empty or only whitespace")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc.replace("_sig", "")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and _printable_ratio(text) > 0.95:
            return text, "utf_16"
        wide = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if wide is not None and _printable_ratio(str(wide)) > 0.95:
            return str(wide), wide.encoding
        raise InputError("BinaryInput", "the input contains NUL bytes and is not UTF-16 text (binary file?)")
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError:
        pass
    invalid_bytes = len(data) - len(data.decode("utf_8", errors="ignore").encode("utf_8"))
    if invalid_bytes / len(data) <= settings.max_invalid_utf8_ratio and _mostly_multibyte_utf8(data):
        return data.decode("utf_8", errors="replace"), "utf_8+replaced"
    best = from_bytes(data, cp_isolation=list(settings.encodings)).best()
    if best is None:
        raise InputError("UndecodableInput", f"no encoding among {list(settings.encodings)} decodes the input")
    text = str(best)
    if _printable_ratio(text) < 0.95:
        raise InputError("BinaryInput", f"decoded as {best.encoding} but mostly control characters (binary file?)")
    return text, best.encoding


def _mostly_multibyte_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are overwhelmingly well-formed UTF-8 sequences."""
    non_ascii = sum(1 for b in data if b >= 0x80)
    if non_ascii == 0:
        return True
    ok = len(data.decode("utf_8", errors="ignore").encode("utf_8")) - sum(1 for b in data if b < 0x80)
    return ok / non_ascii > 0.99


def discover(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Path | DocError]:
    """Expand inputs to files (sorted, recursive for directories); a missing path is an error."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in settings.extensions)
            if not files:
                wanted = list(settings.extensions)
                yield DocError(str(path), "ingest", "NoInputFiles", f"no {wanted} files in directory")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield DocError(str(path), "ingest", "MissingInput", "no such file or directory")


NO_META = ArticleMeta()


def make_document(source: str, text: str, encoding: str, meta: ArticleMeta = NO_META,
                  external_id: str | None = None) -> Document:
    """A Document with its id: the hash of the text, plus the metadata when there is some."""
    doc_id, sha = doc_id_for(text if meta.is_empty() else f"{text}\n\x00{meta.key()}")
    return Document(doc_id=doc_id, source=source, text=text, encoding=encoding, raw_chars=len(text), content_sha=sha,
                    external_id=external_id, url=meta.url, title=meta.title, published=meta.published,
                    published_text=meta.published_text)


def _meta(record: dict[str, object], settings: IngestSettings) -> ArticleMeta:
    names = settings.metadata_fields
    return from_fields(record, url=names.url, title=names.title, published=names.published)


def read_file(path: Path, settings: IngestSettings) -> Iterator[Document | DocError]:
    """One file to documents: a text file gives one, a JSON-lines file one per record."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError("InputTooLarge", f"{size} bytes exceeds ingest.max_bytes={settings.max_bytes}")
        data = path.read_bytes()
        text, encoding = decode_bytes(data, settings)
    except InputError as exc:
        yield DocError(source, "ingest", exc.kind, str(exc))
        return
    except OSError as exc:
        yield DocError(source, "ingest", type(exc).__name__, exc.strerror or str(exc))
        return
    if encoding == "utf_8+replaced":
        yield DocError(source, "ingest", "InvalidBytesReplaced",
                       "invalid UTF-8 bytes were replaced by U+FFFD; the document was kept", level="warning")
    if path.suffix.lower() == ".jsonl":
        yield from _records(source, text, encoding, settings)
    elif path.suffix.lower() == ".md":
        try:
            front, body = split_front_matter(text)
        except FrontMatterError as exc:
            yield DocError(source, "ingest", "BadFrontMatter", f"{exc}; the text was kept whole", level="warning")
            front, body = None, text
        yield make_document(source, body, encoding, _meta(front, settings) if front else NO_META)
    else:
        yield make_document(source, text, encoding)


def _records(source: str, text: str, encoding: str, settings: IngestSettings) -> Iterator[Document | DocError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocError(where, "ingest", "BadJsonLine", f"line {lineno} is not JSON: {exc.msg}")
            continue
        body = record.get(settings.jsonl_text_field) if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield DocError(where, "ingest", "MissingText",
                           f"line {lineno} has no non-empty string field {settings.jsonl_text_field!r}")
            continue
        rid = record.get(settings.jsonl_id_field)
        yield make_document(f"{source}#{rid}" if rid is not None else where, body, encoding, _meta(record, settings),
                            external_id=None if rid is None else str(rid))


def read_inputs(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Document | DocError]:
    """Stream every input as Documents and DocErrors, in a stable order."""
    for item in discover(paths, settings):
        if isinstance(item, DocError):
            yield item
        else:
            yield from read_file(item, settings)
