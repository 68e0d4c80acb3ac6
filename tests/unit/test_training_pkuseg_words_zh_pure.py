"""words_zh helpers that need no model: width folding, alignment, user-word merging."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.words_zh import (
    UserLexicon,
    ZhWordSegmenter,
    cut_latin_runs,
    cuts_from_words,
    fold_width,
    spans_from_cuts,
    word_spans,
)

_PIECES = ["中国矿业", "稀土。", " ", "\n", "\u3000", "Rio Tinto ", "2024年", "，", "!", "１７％", "锂辉石",
           "\t", "P14", "é"]
_MIXED = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@given(st.text(max_size=200))
def test_fold_width_keeps_length_and_non_ascii(text: str) -> None:
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert all(a == b or (a.isascii() and not a.isspace() and not a.isdigit())
               for a, b in zip(text, folded, strict=True))


def test_fold_width_matches_sighan_forms() -> None:
    assert fold_width("WTO 17% P14 3.2-4") == "ＷＴＯ 17％ Ｐ14 3.2-4"


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.randoms(use_true_random=False))
def test_word_spans_round_trip_any_segmentation(text: str, rnd) -> None:  # type: ignore[no-untyped-def]
    words: list[str] = []
    for chunk in text.split():
        cuts = sorted({0, len(chunk), *rnd.sample(range(len(chunk) + 1), k=min(3, len(chunk)))})
        words += [chunk[a:b] for a, b in itertools.pairwise(cuts)]
    spans = word_spans(text, words)
    assert [text[s:e] for s, e in spans] == words


def test_word_spans_reject_words_that_are_not_the_text() -> None:
    with pytest.raises(ValueError):
        word_spans("中国矿业", ["中国", "矿产"])
    with pytest.raises(ValueError):
        word_spans("中国矿业", ["中国"])


def _apply(words: list[str], user: list[str]) -> list[str]:
    text = "".join(words)
    cuts = UserLexicon(user).apply(text, cuts_from_words(text, words))
    return [text[s:e] for s, e in spans_from_cuts(text, cuts)]


def test_user_word_merges_whole_model_words() -> None:
    assert _apply(["紫金", "矿业", "集团"], ["紫金矿业"]) == ["紫金矿业", "集团"]


def test_user_word_splits_off_inside_one_model_word() -> None:
    assert _apply(["发现", "锂辉石矿"], ["锂辉石"]) == ["发现", "锂辉石", "矿"]


def test_user_word_never_cuts_two_model_words() -> None:
    assert _apply(["黄金", "矿业"], ["金矿"]) == ["黄金", "矿业"]


def test_longest_user_word_wins_and_short_user_words_ignored() -> None:
    assert _apply(["西澳", "大利亚", "州"], ["西澳", "西澳大利亚州", "州"]) == ["西澳大利亚州"]
    assert UserLexicon(["州", " ", "Rio Tinto", "稀土"]).size == 1


def test_missing_model_dir_says_to_run_make_models(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make models"):
        ZhWordSegmenter(tmp_path / "nope")


def _latin(words: list[str]) -> list[str]:
    text = "".join(words)
    return [text[s:e] for s, e in spans_from_cuts(text, cut_latin_runs(text, cuts_from_words(text, words)))]


def test_multi_letter_latin_runs_are_cut_from_han() -> None:
    assert _latin(["力拓集团Rio", "Tinto"]) == ["力拓集团", "Rio", "Tinto"]
    assert _latin(["ＩＢＭ公司"]) == ["ＩＢＭ", "公司"]


def test_single_letters_and_digits_may_stay_with_han() -> None:
    assert _latin(["A股", "2024年", "甲A"]) == ["A股", "2024年", "甲A"]
