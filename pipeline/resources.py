"""The one loader of the data files shipped inside the package (lexicons, rules, unit tables).

Why one loader: every domain keeps its knowledge as data beside its code; reading it the same way
(``importlib.resources``, so an installed package works as well as a checkout) and validating it the
same way (a pydantic model per rule file, unknown keys rejected) means a typo in a rule file fails at
load time with the file and key named, not as a wrong extraction later.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A packaged data file is missing, unreadable or does not match its declared shape."""


class RuleFile(BaseModel):
    """Base of the models that declare a data file's shape: unknown keys are errors; ``_doc`` notes are allowed."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def read_text(package: str, name: str) -> str:
    """The text of ``name`` (a path relative to ``package``, e.g. ``data/units.json``)."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{package}/{name}: cannot be read ({exc})") from exc


def load_data(package: str, name: str) -> Any:
    """A JSON or YAML data file, parsed (by its extension)."""
    text = read_text(package, name)
    try:
        return yaml.safe_load(text) if name.endswith((".yaml", ".yml")) else json.loads(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{package}/{name}: not valid {'YAML' if name.endswith('ml') else 'JSON'} ({exc})") from exc


def load_validated(package: str, name: str, model: type[M]) -> M:
    """A data file checked against ``model``; comment keys starting with ``_`` are dropped first."""
    raw = load_data(package, name)
    if isinstance(raw, dict):
        raw = {k: v for k, v in raw.items() if not str(k).startswith("_")}
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(f"{package}/{name} does not match {model.__name__}:\n{exc}") from exc
