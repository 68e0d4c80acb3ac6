"""Chunks of language runs: inside their run, in order, bounded, covering all non-blank text."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ner.chunks import split_runs
from pipeline.records import Segment

_text = st.text(alphabet=st.sampled_from(list("ab 。，\n.!Xy中国")), max_size=400)


def _segments(text: str, cut: int) -> list[Segment]:
    cut = min(cut, len(text))
    return [s for s in (Segment(0, cut, "zh"), Segment(cut, len(text), "en")) if s.end > s.start]


@given(_text, st.integers(0, 400), st.integers(5, 60))
def test_chunks_cover_non_blank_text_within_runs(text: str, cut: int, max_chars: int) -> None:
    segs = _segments(text, cut)
    chunks = split_runs(text, segs, ("zh", "en"), max_chars)
    assert all(a.end <= b.start for a, b in itertools.pairwise(chunks))
    for ch in chunks:
        assert ch.end - ch.start <= max_chars
        assert any(s.start <= ch.start and ch.end <= s.end and s.lang == ch.lang for s in segs)
    covered = {i for ch in chunks for i in range(ch.start, ch.end)}
    assert all(text[i].isspace() for s in segs for i in range(s.start, s.end) if i not in covered)


def test_only_requested_languages_and_sentence_cuts() -> None:
    text = "第一句。第二句。" + "x" * 3
    segs = [Segment(0, 8, "zh"), Segment(8, 11, "other")]
    chunks = split_runs(text, segs, ("zh",), 5)
    assert [text[c.start:c.end] for c in chunks] == ["第一句。", "第二句。"]
