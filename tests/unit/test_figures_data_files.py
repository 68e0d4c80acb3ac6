"""The figure grammar's data files load through pipeline.resources against pydantic models, so a
misspelt key fails at load time with the key named instead of silently changing the grammar."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from pipeline.figures.grammar_data import (
    ContextFile,
    ConversionsFile,
    CountsFile,
    NumeralsFile,
    UnitsFile,
    load_grammar_data,
)
from pipeline.resources import load_data, load_validated

FILES = [
    ("data/units.json", UnitsFile),
    ("data/numerals.json", NumeralsFile),
    ("data/counts.json", CountsFile),
    ("data/context.json", ContextFile),
    ("data/conversions.json", ConversionsFile),
]


@pytest.mark.parametrize(("name", "model"), FILES)
def test_figures_data_file_matches_its_model(name: str, model: type[BaseModel]) -> None:
    assert isinstance(load_validated("pipeline.figures", name, model), model)


@pytest.mark.parametrize(("name", "model"), FILES)
def test_figures_data_file_rejects_an_unknown_top_level_key(name: str, model: type[BaseModel]) -> None:
    raw: dict[str, Any] = load_data("pipeline.figures", name)
    raw["unexpected_key"] = []
    with pytest.raises(ValidationError, match="unexpected_key"):
        model.model_validate(raw)


@pytest.mark.parametrize(
    ("name", "model", "section"),
    [
        ("data/units.json", UnitsFile, "per"),
        ("data/numerals.json", NumeralsFile, "zh_vague"),
        ("data/context.json", ContextFile, "qualifiers"),
        ("data/context.json", ContextFile, "relative_time"),
    ],
)
def test_figures_data_file_rejects_an_unknown_nested_key(name: str, model: type[BaseModel], section: str) -> None:
    raw: dict[str, Any] = load_data("pipeline.figures", name)
    raw[section]["misspelt"] = []
    with pytest.raises(ValidationError, match="misspelt"):
        model.model_validate(raw)


def test_figures_data_notes_are_allowed_anywhere() -> None:
    raw: dict[str, Any] = load_data("pipeline.figures", "data/units.json")
    raw["per"]["_note"] = "a curator's comment"
    raw["units"][0]["_note"] = "another"
    UnitsFile.model_validate(raw)


def test_figures_grammar_data_is_loaded_once() -> None:
    assert load_grammar_data() is load_grammar_data()
