"""Model pieces packed from sentences: inside their run, in order, bounded, covering all non-blank text."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ner.chunks import pack_sentences
from pipeline.records import Segment, Sentence
from pipeline.text.sentences import split_zh

_text = st.text(alphabet=st.sampled_from(list("ab 。，\n.!Xy中国")), max_size=400)


def _segments(text: str, cut: int) -> list[Segment]:
    cut = min(cut, len(text))
    return [s for s in (Segment(0, cut, "zh"), Segment(cut, len(text), "en")) if s.end > s.start]


def _sentences(text: str, segs: list[Segment]) -> list[Sentence]:
    spans = [(s, e, seg.lang) for seg in segs for s, e in split_zh(text, seg.start, seg.end, 1000)]
    return [Sentence(k, s, e, lang) for k, (s, e, lang) in enumerate(spans)]


@given(_text, st.integers(0, 400), st.integers(5, 60))
def test_chunks_cover_non_blank_text_within_runs(text: str, cut: int, max_chars: int) -> None:
    segs = _segments(text, cut)
    chunks = pack_sentences(text, segs, _sentences(text, segs), ("zh", "en"), max_chars)
    assert all(a.end <= b.start for a, b in itertools.pairwise(chunks))
    for ch in chunks:
        assert ch.end - ch.start <= max_chars
        assert any(s.start <= ch.start and ch.end <= s.end and s.lang == ch.lang for s in segs)
    covered = {i for ch in chunks for i in range(ch.start, ch.end)}
    assert all(text[i].isspace() for s in segs for i in range(s.start, s.end) if i not in covered)


def test_pieces_are_whole_sentences_of_the_requested_language() -> None:
    text = "第一句。第二句。" + "x" * 3
    segs = [Segment(0, 8, "zh"), Segment(8, 11, "other")]
    sents = [Sentence(0, 0, 4, "zh"), Sentence(1, 4, 8, "zh"), Sentence(2, 8, 11, "other")]
    chunks = pack_sentences(text, segs, sents, ("zh",), 5)
    assert [text[c.start:c.end] for c in chunks] == ["第一句。", "第二句。"]
    assert [text[c.start:c.end] for c in pack_sentences(text, segs, sents, ("zh",), 8)] == ["第一句。第二句。"]


def test_pieces_follow_the_given_sentences_not_punctuation() -> None:
    text = "A. B. C."
    segs = [Segment(0, len(text), "en")]
    sents = [Sentence(0, 0, len(text), "en")]  # the segment stage made one sentence: it is not cut again
    assert [(c.start, c.end) for c in pack_sentences(text, segs, sents, ("en",), 100)] == [(0, len(text))]
