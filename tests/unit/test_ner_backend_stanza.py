"""The optional Stanza backend: one clear error when it cannot run, a real run when it can."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.ner.inputs import NerInput
from pipeline.nlp.errors import BackendUnavailable
from pipeline.nlp.recognizer import EntityRecognizer
from pipeline.records import Segment

STANZA_DIR = Path(__file__).resolve().parents[2] / "models" / "stanza"
HAVE_STANZA = importlib.util.find_spec("stanza") is not None


def test_missing_resources_name_the_install_command_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable) as err:
        EntityRecognizer(backend="stanza", stanza_dir=tmp_path / "nowhere")
    msg = str(err.value)
    assert "pip install 'mining-ner[stanza]' torch==2.13.0" in msg
    assert str(tmp_path / "nowhere" / "zh") in msg


@pytest.mark.skipif(HAVE_STANZA, reason="stanza is installed here; the not-installed message cannot be seen")
def test_missing_package_is_reported_even_with_a_resources_directory(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    with pytest.raises(BackendUnavailable, match="stanza package is not installed"):
        EntityRecognizer(backend="stanza", stanza_dir=tmp_path)


def test_unknown_backend_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown NER backend"):
        EntityRecognizer(backend="flair")


HAVE_MODELS = (STANZA_DIR / "zh").is_dir() and (STANZA_DIR / "en").is_dir()


@pytest.mark.skipif(not (HAVE_STANZA and HAVE_MODELS),
                    reason="needs `pip install 'mining-ner[stanza]'` and zh/en resources in models/stanza/")
def test_stanza_finds_people_and_places() -> None:
    rec = EntityRecognizer(backend="stanza", stanza_dir=STANZA_DIR)
    text = "Xi Jinping visited Beijing. 习近平在北京考察。"
    doc = NerInput(text, [Segment(0, 28, "en"), Segment(28, len(text), "zh")], ())
    mentions = rec([doc])[0]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert {("Xi Jinping", "PERSON"), ("习近平", "PERSON")} <= {(m.text, m.label) for m in mentions}
