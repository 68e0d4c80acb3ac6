"""ZhWordSegmenter with the real trained model: coverage, offsets, robustness, offline loading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.words_zh import ZhWordSegmenter

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "pkuseg_zh"
SEED = ROOT / "seeds" / "001_47be36475a6df2c6.txt"


@pytest.fixture(scope="module")
def seg() -> ZhWordSegmenter:
    return ZhWordSegmenter(MODEL, user_words=["锂辉石", "紫金矿业"])


def _check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    covered = [i for s, e in spans for i in range(s, e)]
    assert covered == [i for i, c in enumerate(text) if not c.isspace()]  # each non-space char once, in order
    assert all(s < e and not any(c.isspace() for c in text[s:e]) for s, e in spans)


_CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12)
_ASCII = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=8)
_OTHER = st.sampled_from(["。", "，", "\n", "\u3000", "１７％", "锂辉石", " \t "])
_MIX = st.lists(st.one_of(_CJK, _ASCII, _OTHER), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(_MIX)
def test_spans_cover_every_non_space_char_once(seg: ZhWordSegmenter, text: str) -> None:
    _check_cover(text, seg.spans(text))


def test_real_seed_text_round_trips(seg: ZhWordSegmenter) -> None:
    text = SEED.read_text(encoding="utf-8")
    spans = seg.spans(text)
    _check_cover(text, spans)
    words = [text[s:e] for s, e in spans]
    assert sum(len(w) > 1 for w in words) > len(words) / 3  # a real segmenter, not characters
    assert "矿业" in words
    assert "自然资源部" in words or "自然资源" in words


def _inside_one_word(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("力拓集团Rio Tinto与BHP在2024年产铁矿石3.2亿吨，见P14。",
         ["Rio", "Tinto", "BHP", "2024", "3.2", "P14"]),
        ("ＷＴＯ规则下，中国ＧＤＰ增长５．２％", ["ＷＴＯ", "ＧＤＰ"]),
        ("紫金矿业（Zijin Mining）发布2025年报，营收3036.4亿元", ["Zijin", "Mining", "2025", "3036.4"]),
    ],
)
def test_latin_words_and_numbers_are_not_cut(seg: ZhWordSegmenter, text: str, tokens: list[str]) -> None:
    spans = seg.spans(text)
    for token in tokens:
        start = text.index(token)
        assert _inside_one_word(spans, start, start + len(token)), (token, seg.words(text))


def test_user_words_stay_whole(seg: ZhWordSegmenter) -> None:
    text = "紫金矿业在当地发现锂辉石矿床。"
    words = seg.words(text)
    assert "紫金矿业" in words and "锂辉石" in words


def test_very_long_input_is_segmented_in_pieces(seg: ZhWordSegmenter) -> None:
    unit = "稀土资源安全保障和矿业转型发展" * 40  # 600 chars without any punctuation
    text = ("中国矿业联合会主办。" * 300) + unit
    spans = seg.spans(text)
    _check_cover(text, spans)
    assert len(spans) > 300 * 3


def test_model_loads_offline_without_touching_the_pkuseg_cache(tmp_path: Path) -> None:
    code = (
        "import socket, sys\n"
        "def _no_net(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = _no_net\n"
        "socket.create_connection = _no_net\n"
        "import spacy_pkuseg\n"
        f"seg = spacy_pkuseg.pkuseg(model_name={str(MODEL)!r})\n"
        "print('/'.join(seg.cut('中国矿业联合会主办')))\n"
    )
    env = {**os.environ, "PKUSEG_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().replace("/", "") == "中国矿业联合会主办"
    assert not (tmp_path / "home").exists()
