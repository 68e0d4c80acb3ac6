"""The cue data is consistent and checked: every producible body code is documented, unknown keys are
rejected, term and session numbers read right (Chinese ones by the figures' number reader)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.delegates.cue_match import en_ordinal, zh_number
from pipeline.delegates.lexicon import CueFile, cue_lexicon
from pipeline.resources import DataFileError, load_data, load_validated


def test_every_producible_body_is_documented() -> None:
    lex = cue_lexicon()
    produced = {c.body for c in (*lex.zh.cues, *lex.zh.bare_cues, *lex.en.cues) if c.body}
    for group, levels in ((lex.zh.local_cues, lex.zh.levels), (lex.en.local_cues, lex.en.levels)):
        produced |= {f"{level}_{c.kind}" for c in group for level in set(levels.values()) | {"PROVINCIAL"}}
    produced |= {w.family for w in (*lex.zh.post_name_words, *lex.zh.list_tail_words)}
    assert produced <= set(lex.bodies), produced - set(lex.bodies)
    assert set(lex.family) <= set(lex.bodies)
    assert {c.body for c in lex.zh.bare_cues} <= set(lex.family)


def test_cue_file_rejects_an_unknown_key() -> None:
    data = load_data("pipeline.delegates", "cues.json")
    data["zh"]["post_name_follwers"] = "说"  # a misspelt key must fail at load time, not silently never match
    with pytest.raises(ValidationError, match="post_name_follwers"):
        CueFile.model_validate({k: v for k, v in data.items() if not k.startswith("_")})


def test_cue_file_loads_through_the_one_loader() -> None:
    assert load_validated("pipeline.delegates", "cues.json", CueFile).zh.setting.session_date.month == 3
    with pytest.raises(DataFileError):
        load_validated("pipeline.delegates", "surname_readings.json", CueFile)


@pytest.mark.parametrize(
    ("text", "value"), [("十四", 14), ("四", 4), ("十", 10), ("二十一", 21), ("１４", 14), ("14", 14)]
)
def test_zh_number(text: str, value: int) -> None:
    assert zh_number(text) == value


def test_zh_number_rejects_words_and_non_ordinals() -> None:
    assert zh_number("届") is None and zh_number("") is None
    assert zh_number("1.5") is None and zh_number("三万") is None


@pytest.mark.parametrize(
    ("text", "value"), [("14th", 14), ("Second", 2), ("fourteenth", 14), ("1st", 1), ("21st", 21)]
)
def test_en_ordinal(text: str, value: int) -> None:
    assert en_ordinal(text, cue_lexicon().en.ordinals) == value


def test_every_cue_contains_a_prefilter_keyword() -> None:
    lex = cue_lexicon()
    for keywords, cues in (
        (lex.zh.cue_keywords, (*lex.zh.cues, *lex.zh.local_cues, *lex.zh.bare_cues)),
        (lex.en.cue_keywords, (*lex.en.cues, *lex.en.local_cues)),
    ):
        for cue in cues:
            assert any(k in cue.regex.pattern.lower() for k in keywords), cue.regex.pattern
