"""Ingest: files, directories and JSON-lines records to Documents (or recorded errors).

Why so careful: nightly batches meet every kind of bad input. Every input ends
either as a Document or as a DocError with the reason; nothing disappears. The
encoding is read from a BOM, else strict UTF-8, else a real detector
(charset-normalizer) limited to the encodings this corpus meets.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
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


def is_blank(text: str) -> bool:
    """Only whitespace and invisible format characters (U+3000, U+00A0, U+FEFF, zero-width spaces...)."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp") for ch in text)


def display_path(path: Path | str) -> str:
    """A path as text that can always be stored: bytes that are not UTF-8 are shown as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> tuple[str, bool]:
    """Lone surrogates (JSON escapes such as \\ud800) replaced by U+FFFD; True when any was found."""
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text), True


def decode_bytes(data: bytes, settings: IngestSettings) -> tuple[str, str]:
    """Decode raw bytes to text, returning (text, encoding); raise InputError when it is not text."""
    text, encoding = _decode(data, settings)
    if is_blank(text):
        raise InputError("EmptyInput", "the input is empty or only whitespace")
    return text, encoding


def _decode(data: bytes, settings: IngestSettings) -> tuple[str, str]:
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
    """Expand inputs to files (sorted, recursive for directories, following symlinks once).

    Nothing vanishes: a missing path, a dangling symlink, a symlink loop or a folder that cannot be
    read becomes an error naming it.
    """
    for path in paths:
        if path.is_dir():
            found = False
            for item in _walk(path, settings, set()):
                found = True
                yield item
            if not found:
                wanted = list(settings.extensions)
                yield DocError(display_path(path), "ingest", "NoInputFiles", f"no {wanted} files in directory")
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield _link_error(path)
        else:
            yield DocError(display_path(path), "ingest", "MissingInput", "no such file or directory")


def _link_error(path: Path) -> DocError:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return DocError(display_path(path), "ingest", "SymlinkLoop", "the symlink points (eventually) to itself")
    target = display_path(os.readlink(path))
    return DocError(display_path(path), "ingest", "DanglingSymlink", f"the symlink points to a missing {target}")


def _walk(folder: Path, settings: IngestSettings, visited: set[tuple[int, int]]) -> Iterator[Path | DocError]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in visited:
            yield DocError(display_path(folder), "ingest", "SymlinkLoop", "this folder was already read (symlink loop)")
            return
        visited.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield DocError(display_path(folder), "ingest", "UnreadableFolder", exc.strerror or str(exc))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            if path.suffix.lower() in settings.extensions or entry.is_symlink():
                yield _link_error(path) if entry.is_symlink() else DocError(
                    display_path(path), "ingest", "UnreadableInput", "cannot stat the file")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, settings, visited)
        elif stat.S_ISREG(mode) and path.suffix.lower() in settings.extensions:
            yield path


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
    source = display_path(path)
    sha: str | None = None
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            sha = f"size:{size}:{path.stat().st_mtime_ns}"
            raise InputError("InputTooLarge", f"{size} bytes exceeds ingest.max_bytes={settings.max_bytes}")
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        text, encoding = decode_bytes(data, settings)
    except InputError as exc:
        yield DocError(source, "ingest", exc.kind, str(exc), content_sha=sha)
        return
    except OSError as exc:
        yield DocError(source, "ingest", type(exc).__name__, exc.strerror or str(exc))
        return
    if encoding == "utf_8+replaced":
        yield DocError(source, "ingest", "InvalidBytesReplaced",
                       "invalid UTF-8 bytes were replaced by U+FFFD; the document was kept", level="warning")
    if source != str(path):
        yield DocError(source, "ingest", "NonUtf8FileName",
                       "the file name is not valid UTF-8; its bytes are kept as \\xNN escapes in source",
                       level="warning")
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
        line_sha = hashlib.sha256(line.encode("utf-8", errors="surrogatepass")).hexdigest()
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocError(where, "ingest", "BadJsonLine", f"line {lineno} is not JSON: {exc.msg}",
                           content_sha=line_sha)
            continue
        body = record.get(settings.jsonl_text_field) if isinstance(record, dict) else None
        if not isinstance(body, str) or is_blank(body):
            yield DocError(where, "ingest", "MissingText",
                           f"line {lineno} has no non-empty string field {settings.jsonl_text_field!r}",
                           content_sha=line_sha)
            continue
        rid = record.get(settings.jsonl_id_field)
        clean = {k: without_surrogates(v) if isinstance(v, str) else (v, False) for k, v in record.items()}
        record = {k: v for k, (v, _) in clean.items()}
        name, bad_id = without_surrogates(f"{source}#{rid}" if rid is not None else where)
        body, bad_text = without_surrogates(body)
        if bad_id or bad_text or any(bad for _, bad in clean.values()):
            yield DocError(name, "ingest", "LoneSurrogates", f"line {lineno} has lone UTF-16 surrogate escapes "
                           "(such as \\ud800); they were replaced by U+FFFD and the record was kept",
                           level="warning")
        yield make_document(name, body, encoding, _meta(record, settings),
                            external_id=None if rid is None else without_surrogates(str(rid))[0])


def read_inputs(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Document | DocError]:
    """Stream every input as Documents and DocErrors, in a stable order."""
    for _, group in read_grouped(paths, settings):
        yield from group


def read_grouped(paths: Iterable[Path],
                 settings: IngestSettings) -> Iterator[tuple[str | None, list[Document | DocError]]]:
    """Every input file's documents and errors together, with the file's name for a JSON-lines file
    (whose records are ``file#id`` / errors ``file:line``), else None."""
    for item in discover(paths, settings):
        if isinstance(item, DocError):
            yield None, [item]
        else:
            yield display_path(item) if item.suffix.lower() == ".jsonl" else None, list(read_file(item, settings))
