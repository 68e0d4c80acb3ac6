"""Segmentation with the real tokenizers: sentences and tokens hold their offsets on arbitrary mixed text."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.segment import Segmenter, word_bounds
from tests.conftest import PKUSEG_MODEL


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    return Segmenter(PKUSEG_MODEL, max_sentence_chars=80)


_MIXED = st.lists(st.sampled_from(["江苏省自然资源厅厅长张国梁表示，", "稀土。", "Rare earth output rose 5%. ",
                                   "\n", " ", "Zijin Mining Group Co., Ltd. said", "约330亿吨", "！", "P14", "é",
                                   "\t"]),
                  max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_MIXED, st.text(max_size=120)), min_size=1, max_size=3))
def test_segment_sentences_and_tokens_hold_offsets(texts: list[str]) -> None:
    for text, result in zip(texts, segmenter()(texts), strict=True):
        assert "".join(text[s.start:s.end] for s in result.segments) == text
        for sent in result.sentences:
            assert 0 <= sent.start < sent.end <= len(text) and sent.end - sent.start <= 80
            assert text[sent.start:sent.end] == text[sent.start:sent.end].strip()
        for tok in result.tokens:
            assert text[tok.start:tok.end] == tok.text and tok.text.strip() == tok.text != ""
            sent = result.sentences[tok.sent_idx]
            assert sent.start <= tok.start and tok.end <= sent.end
        assert [s.sent_idx for s in result.sentences] == list(range(len(result.sentences)))


def test_segment_mixed_document_golden() -> None:
    text = ("Xinjiang Daily reported on Monday.\n[责任编辑:刘海]\n"
            "全国人大代表、江苏省自然资源厅厅长张国梁表示，稀土很重要。")
    result = segmenter()([text])[0]
    assert [s.lang for s in result.segments] == ["en", "zh"]
    sentences = [text[s.start:s.end] for s in result.sentences]
    assert sentences == ["Xinjiang Daily reported on Monday.", "[责任编辑:刘海]",
                         "全国人大代表、江苏省自然资源厅厅长张国梁表示，稀土很重要。"]
    words = [t.text for t in result.tokens]
    assert "稀土" in words and "Xinjiang" in words
    bounds = word_bounds(result.tokens, result.sentences)
    start = text.index("稀土")
    assert {start, start + 2} <= bounds
