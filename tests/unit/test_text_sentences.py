"""Sentence spans of Chinese text (the one splitter): trimmed, covering every non-space character, capped."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.sentences import split_zh

_PIECES = ["中国矿业", "稀土。", " ", "\n", "\u3000", "Rio Tinto ", "2024年", "，", "!", "１７％", "锂辉石", "\t",
           "“好。”", "；", "……"]
_MIXED = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_MIXED, st.text(max_size=300)), st.integers(1, 50))
def test_text_sentences_cover_every_visible_char_within_the_cap(text: str, cap: int) -> None:
    spans = split_zh(text, 0, len(text), cap)
    assert all(0 < e - s <= cap for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_text_sentences_end_after_final_marks_and_closing_quotes() -> None:
    text = "矿业协会主办了年会。他说：“明年再来！”\n下一段没有句号"
    assert [text[s:e] for s, e in split_zh(text, 0, len(text))] == [
        "矿业协会主办了年会。", "他说：“明年再来！”", "下一段没有句号"]


def test_text_sentences_long_sentence_is_cut_after_a_comma_first() -> None:
    text = "，".join(["钨矿产量"] * 30)
    pieces = [text[s:e] for s, e in split_zh(text, 0, len(text), 20)]
    assert len(pieces) > 1 and all(p.endswith("，") for p in pieces[:-1])
