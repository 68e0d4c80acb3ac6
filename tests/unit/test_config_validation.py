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


@pytest.mark.parametrize(("overrides", "says"), [
    (["run.batch_docs=[1, 2"], "not valid YAML"),
    (["clean.chrome_patterns=['a(b']"], "not a valid regular expression"),
    (["ingest.encodings=[utf_8, klingon-8]"], "unknown encoding 'klingon-8'"),
])
def test_config_mistakes_found_when_read_not_per_document(overrides: list[str], says: str) -> None:
    with pytest.raises(ConfigError, match=says) as info:
        load_config(ROOT / "configs" / "smoke.yaml", overrides)
    assert "\n" not in str(info.value)


def test_config_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("# Größe\nrun:\n  batch_docs: 2\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_config_relative_model_paths_resolve_against_the_project(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(Path("configs/default.yaml"))  # found in the project from another folder
    resolved = config.with_project_paths()
    assert resolved.segment.pkuseg_model == ROOT / "models" / "pkuseg_zh"
    assert resolved.ner.zh_model == ROOT / "models" / "ner_zh"
    assert config.digest() == resolved.model_copy(update={"segment": config.segment, "ner": config.ner}).digest()


def test_config_zh_backend_accepts_lstm_and_spacy_and_rejects_others() -> None:
    assert load_config(None, ["ner.zh_backend=lstm"]).ner.zh_backend == "lstm"
    assert load_config(None, ["ner.zh_backend=spacy"]).ner.zh_backend == "spacy"
    with pytest.raises(ConfigError, match=r"ner\.zh_backend"):
        load_config(None, ["ner.zh_backend=bert"])


def test_config_lstm_model_path_resolves_against_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    resolved = load_config(Path("configs/default.yaml")).with_project_paths()
    assert resolved.ner.zh_lstm_model == ROOT / "models" / "ner_zh_lstm"
