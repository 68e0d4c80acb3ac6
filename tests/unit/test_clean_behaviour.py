"""Cleaning: golden cases from the seeds and properties (idempotent, no characters invented)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.run.config import load_config
from pipeline.text.clean import CleanRules, clean_text, join_broken_lines, normalise_chars
from tests.conftest import ROOT

RULES = CleanRules(chrome_patterns=load_config(ROOT / "configs" / "default.yaml").clean.chrome_patterns)


def test_clean_maps_fullwidth_digits_letters_and_keeps_cjk_punctuation() -> None:
    assert normalise_chars("２０２４年，ＡＢＣ　km²") == "2024年，ABC km²"


def test_clean_turns_left_quote_used_as_apostrophe_into_apostrophe() -> None:
    assert normalise_chars("National People\u2018s Congress, \u2018quoted\u2019") == (
        "National People's Congress, \u2018quoted\u2019"
    )


def test_clean_drops_invisible_characters_and_controls() -> None:
    assert normalise_chars("稀\u200b土\x07\r\nB\ufeffC") == "稀土\nBC"


def test_clean_rejoins_chinese_sentence_broken_across_lines(seed_texts: dict[str, str]) -> None:
    cleaned = clean_text(seed_texts["001_47be36475a6df2c6.txt"], RULES)
    assert "提出以系统思维推进全流程管控" in cleaned
    assert "江西提出2026年有色金属产业" in cleaned


def test_clean_keeps_headings_and_short_lines_apart() -> None:
    lines = ["守资源、优生态，筑牢安全与绿色基底", "", "翻开 100 多页的规划纲要草案。"]
    assert join_broken_lines(lines, 40) == lines


def test_clean_removes_hotline_chrome_but_keeps_named_people(seed_texts: dict[str, str]) -> None:
    cleaned = clean_text(seed_texts["003_c1fbaf1f0d6b9744.txt"], RULES)
    assert "0797-8385851" not in cleaned
    assert "13627075998" not in cleaned
    assert "Contact us" not in cleaned
    assert "General Manager: Du Zixi" in cleaned
    assert "Vice President: Liao Hui" in cleaned


def test_clean_removes_duplicate_article_copy(seed_texts: dict[str, str]) -> None:
    raw = seed_texts["003_c1fbaf1f0d6b9744.txt"]
    sentence = "As of the end of November this year, the cumulative governance area of the city is 90.84"
    assert raw.count(sentence) == 2
    assert clean_text(raw, RULES).count(sentence) == 1


def test_clean_removes_breadcrumb_and_phone_line(seed_texts: dict[str, str]) -> None:
    cleaned = clean_text(seed_texts["004_66ff03517b3d8836.txt"], RULES)
    assert "+86 571 56668956" not in cleaned
    assert "Home > News" not in cleaned
    assert cleaned.startswith("NDRC convened a meeting")


_PIECES = [*"稀土矿产，。、\n \u3000ＡＢ１２ab.‘’'\t#-", "中国", "Co., Ltd.", "推进全" * 15, "\n\n"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_clean_is_idempotent(text: str) -> None:
    once = clean_text(text, RULES)
    assert clean_text(once, RULES) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_clean_never_raises_and_never_grows_text(text: str) -> None:
    assert len(clean_text(text, RULES)) <= len(text)


def test_clean_removes_a_navigation_menu_line_but_keeps_title_case_headlines() -> None:
    menu = "Markets Asia Connect Middle East Commodities & Mining Europe ESG Forum Podcasts"
    headline = "Copper Miners In Africa Face New Export Rules From The Ministry"
    short = "Northern Rare Earth Group Expands Baotou Separation Plant"  # nine words: kept
    text = clean_text(f"{menu}\n{headline}\n{short}\nThe mine reopened in May.", RULES)
    assert menu not in text
    assert headline in text and short in text and "The mine reopened in May." in text


def test_clean_drops_share_and_section_bars_but_keeps_bylines_and_price_rows() -> None:
    text = "\n".join([
        "Share this story: Facebook | X | LinkedIn | Email",
        "METALS DAILY | NEWS | BATTERY MATERIALS",
        "Exchange filings | Announcements | Print",
        "By Ana Ruiz | Mining Desk | Senior Reporter",
        "Copper | 9,650 | +1.1%",
        "Output at the mine rose, the company said.",
    ])
    cleaned = clean_text(text, RULES)
    assert "Facebook" not in cleaned and "METALS DAILY" not in cleaned and "Announcements" not in cleaned
    assert "By Ana Ruiz | Mining Desk | Senior Reporter" in cleaned  # no page word: a byline, kept
    assert "Copper | 9,650 | +1.1%" in cleaned  # figures: a table's row, kept
    assert "Output at the mine rose" in cleaned
