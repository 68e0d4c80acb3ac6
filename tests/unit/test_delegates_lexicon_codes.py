"""The cue data is consistent: every body code the rules can produce is documented, numerals read right."""

from __future__ import annotations

import pytest

from pipeline.delegates.lexicon import lexicon
from pipeline.delegates.numerals import en_ordinal, zh_number


def test_every_producible_body_is_documented() -> None:
    lex = lexicon()
    produced = {c.body for c in (*lex.zh.cues, *lex.zh.bare_cues, *lex.en.cues) if c.body}
    for group, levels in ((lex.zh.local_cues, lex.zh.levels), (lex.en.local_cues, lex.en.levels)):
        produced |= {f"{level}_{c.kind}" for c in group for level in set(levels.values()) | {"PROVINCIAL"}}
    produced |= {w.body for w in (*lex.zh.post_name_words, *lex.zh.list_tail_words)}
    assert produced <= set(lex.bodies), produced - set(lex.bodies)
    assert set(lex.family) <= set(lex.bodies)


@pytest.mark.parametrize(
    ("text", "value"), [("十四", 14), ("四", 4), ("十", 10), ("二十一", 21), ("１４", 14), ("14", 14)]
)
def test_zh_number(text: str, value: int) -> None:
    assert zh_number(text) == value


def test_zh_number_rejects_words() -> None:
    assert zh_number("届") is None and zh_number("") is None


@pytest.mark.parametrize(
    ("text", "value"), [("14th", 14), ("Second", 2), ("fourteenth", 14), ("1st", 1), ("21st", 21)]
)
def test_en_ordinal(text: str, value: int) -> None:
    assert en_ordinal(text, lexicon().en.ordinals) == value


def test_every_cue_contains_a_prefilter_keyword() -> None:
    lex = lexicon()
    for keywords, cues in (
        (lex.zh.cue_keywords, (*lex.zh.cues, *lex.zh.local_cues, *lex.zh.bare_cues)),
        (lex.en.cue_keywords, (*lex.en.cues, *lex.en.local_cues)),
    ):
        for cue in cues:
            assert any(k in cue.regex.pattern.lower() for k in keywords), cue.regex.pattern
