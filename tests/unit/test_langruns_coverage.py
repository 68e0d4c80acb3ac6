"""Language runs and Chinese sentences: exact coverage and offsets on arbitrary text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.langruns import dominant_language, language_runs
from pipeline.text.sentences import split_zh

_MIXED = st.lists(st.sampled_from(["中国矿业", "稀土。", " ", "\n", "Rare earth ", "mining.", "2024", "，", "!",
                                   "Xinjiang Daily ", "é", "P14"]), max_size=50).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_MIXED, st.text(max_size=200)))
def test_langruns_cover_text_exactly(text: str) -> None:
    runs = language_runs(text)
    assert "".join(text[r.start:r.end] for r in runs) == text
    assert all(a.end == b.start for a, b in pairwise(runs))
    assert all(a.lang != b.lang for a, b in pairwise(runs))
    assert {r.lang for r in runs} <= {"zh", "en", "other"}


def test_langruns_keep_chinese_byline_in_english_article() -> None:
    text = "The symposium was held in Urumqi on Monday.\n[责任编辑:刘海]\nTags: symposium strategic actions"
    langs = [(text[r.start:r.end].strip(), r.lang) for r in language_runs(text)]
    assert ("[责任编辑:刘海]", "zh") in langs
    assert dominant_language(text, language_runs(text)) == "en"


def test_langruns_absorb_short_latin_inside_chinese() -> None:
    text = "邮箱：YQL@chinamining.org.cn 第七期（P14）稀土"
    assert [r.lang for r in language_runs(text)] == ["zh"]


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_sentences_offsets_hold_and_do_not_overlap(text: str) -> None:
    spans = split_zh(text, 0, len(text), max_chars=60)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert e - s <= 60
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == "".join(text.split())
