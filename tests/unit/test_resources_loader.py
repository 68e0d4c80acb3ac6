"""The packaged-data loader: reads JSON and YAML through importlib.resources and validates the shape."""

from __future__ import annotations

import pytest

from pipeline.resources import DataFileError, RuleFile, load_data, load_validated, read_text


class _Counts(RuleFile):
    classifiers: dict[str, str]


def test_resources_reads_json_and_yaml_shipped_in_the_package() -> None:
    assert isinstance(load_data("pipeline.figures", "data/units.json"), dict)
    assert isinstance(load_data("pipeline.minerals", "lexicon.yaml"), dict)


def test_resources_missing_file_names_package_and_file() -> None:
    with pytest.raises(DataFileError, match=r"pipeline\.figures/data/nope\.json"):
        read_text("pipeline.figures", "data/nope.json")


def test_resources_validation_names_the_file_and_rejects_unknown_keys() -> None:
    with pytest.raises(DataFileError, match=r"units\.json does not match _Counts"):
        load_validated("pipeline.figures", "data/units.json", _Counts)
