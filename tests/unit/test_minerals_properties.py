"""Property tests: the matcher never raises and always returns sorted, non-overlapping spans
whose offsets hold, whatever the text and whatever word bounds a segmenter hands it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.minerals import load_lexicon, match_minerals

LEX = load_lexicon()
# Mineral names, false friends and glue, so generated text actually exercises the rules.
PIECES = [
    *sorted(set(LEX.zh_names) | set(LEX.zh_blockers)),
    "rare earth", "Rare Earths", "REEs", "iron and steel", "Iron", " Group", " Co., Ltd.", "lead", " ore",
    "gold", "oil & gas", "-", "、", "，", "。", "“", "”", "的", "集团", "业", "有限公司", "报", "矿", "价",
    "28", " ", "\n", "a", "Ministry of ", "𬬻", "\u0000", "é",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map("".join)


def _check(text: str, bounds: set[int] | None) -> None:
    got = match_minerals(text, bounds)
    prev_end = 0
    for m in got:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= prev_end, "sorted and non-overlapping"
        assert text[m.start:m.end] == m.text
        entry = LEX.entry(m.canonical)
        assert m.category == entry.category
        prev_end = m.end


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_no_bounds(text: str) -> None:
    _check(text, None)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_bounds(data: st.DataObject) -> None:
    text = data.draw(TEXT)
    bounds = data.draw(st.sets(st.integers(min_value=0, max_value=len(text))))
    _check(text, bounds)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_deterministic(text: str) -> None:
    assert match_minerals(text) == match_minerals(text)
