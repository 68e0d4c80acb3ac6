"""extract_figures on arbitrary text: it never raises, spans are sorted and disjoint, offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.figures import extract_figures

# Text built from the pieces figures are made of, so the grammar is exercised, not only random noise.
_PIECES = st.sampled_from(
    [
        "约",
        "超过",
        "近",
        "以上",
        "多",
        "余",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "几",
        "两",
        "一",
        "三",
        "〇",
        "元",
        "吨",
        "亩",
        "个",
        "年",
        "月",
        "日",
        "第",
        "%",
        "％",
        "至",
        "-",
        "—",
        "/",
        "每",
        "平方公里",
        "分之",
        "成",
        "半",
        "点",
        "人",
        " ",
        "\n",
        ",",
        ".",
        "，",
        "。",
        "$",
        "US$",
        "RMB",
        "million",
        "billion",
        " yuan",
        " tonnes",
        " per ",
        " a ",
        "more than ",
        "about ",
        "between ",
        " and ",
        " to ",
        "twenty",
        "-five",
        " times",
        " years",
        " ago",
        "No. ",
        "0",
        "1",
        "2",
        "5",
        "9",
        "12",
        "2024",
        "0797",
        "3.5",
        "1,234",
        "１２",
        "km",
        "m2",
        "Mt",
        "k",
        "bn",
    ]
)
_TEXT = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=30).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_figures_extract_never_raises_and_spans_hold(text: str) -> None:
    figs = extract_figures(text)
    last_end = 0
    for f in figs:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end  # sorted, non-overlapping
        last_end = f.end
        assert text[f.start : f.end] == f.text
        assert f.unit
        assert f.kind in {
            "money",
            "area",
            "length",
            "mass",
            "volume",
            "energy",
            "percent",
            "duration",
            "count",
            "rate",
            "power",
            "age",
            "temperature",
            "index",
            "other",
        }
        assert f.qualifier in {None, "approx", "over", "under", "range"}
        if f.value_high is not None:
            assert f.value_high > f.value
            assert f.qualifier == "range"
        if f.value_si is not None:
            assert f.si_unit


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.sampled_from([None, "zh", "en"]))
def test_figures_lang_is_only_a_hint(text: str, lang: str | None) -> None:
    assert extract_figures(text, lang) == extract_figures(text)
