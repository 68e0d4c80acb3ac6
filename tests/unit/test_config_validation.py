"""Configs: every shipped profile validates; unknown keys and bad values are rejected with the key named."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run.config import ConfigError, load_config
from pipeline.stages import ChainError, check_chain
from tests.conftest import ROOT


@pytest.mark.parametrize("profile", sorted((ROOT / "configs").glob("*.yaml")), ids=lambda p: p.name)
def test_config_shipped_profiles_validate_and_chain(profile: Path) -> None:
    config = load_config(profile)
    check_chain(config.stages)


def test_config_rejects_unknown_key_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("segment:\n  pkuseg_modle: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"segment\.pkuseg_modle': unknown key"):
        load_config(bad)


def test_config_set_override_is_parsed_as_yaml() -> None:
    config = load_config(ROOT / "configs" / "default.yaml", ["run.batch_docs=3", "stages=[clean, segment]"])
    assert config.run.batch_docs == 3
    assert config.stages == ("clean", "segment")


def test_config_override_of_unknown_section_is_rejected() -> None:
    with pytest.raises(ConfigError, match="unknown key"):
        load_config(None, ["nre.backend=stanza"])


def test_config_rejects_bad_value() -> None:
    with pytest.raises(ConfigError, match=r"run\.max_error_rate"):
        load_config(None, ["run.max_error_rate=2"])


def test_config_chain_lists_what_is_missing() -> None:
    with pytest.raises(ChainError, match=r"ner needs \['language runs', 'sentences', 'tokens'\]"):
        check_chain(["clean", "ner", "resolve"])


@pytest.mark.parametrize("chain", [["clean", "segment", "resolve", "figures", "minerals"],
                                   ["clean", "segment", "ner", "minerals"],
                                   ["clean", "segment", "ner", "resolve", "minerals", "delegates"]])
def test_config_chain_refuses_mentions_added_after_resolve(chain: list[str]) -> None:
    with pytest.raises(ChainError, match=r"resolve|resolved mentions"):
        check_chain(chain)


@pytest.mark.parametrize("chain", [["clean", "segment"], ["clean", "segment", "minerals", "figures", "resolve"],
                                   ["segment", "figures", "resolve"]])
def test_config_chain_accepts_a_resolved_or_mention_free_chain(chain: list[str]) -> None:
    check_chain(chain)


def test_config_digest_follows_what_shapes_outputs_only() -> None:
    base = load_config(None).digest()
    assert base != load_config(None, ["segment.max_sentence_chars=200"]).digest()
    assert base == load_config(None, ["run.batch_docs=2", "run.executor=dask"]).digest()
