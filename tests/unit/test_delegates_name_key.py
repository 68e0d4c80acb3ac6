"""name_key: one ASCII key per person across scripts (compound and polyphonic surnames from data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.delegates import name_key

DATA = Path(__file__).resolve().parents[1] / "data" / "delegates" / "name_keys.tsv"
ROWS = [
    line.split("\t")
    for line in DATA.read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("name", "key", "why"), ROWS, ids=[r[0].strip() for r in ROWS])
def test_name_key_table(name: str, key: str, why: str) -> None:
    assert name_key(name) == key, why


def test_chinese_and_english_spellings_meet() -> None:
    assert name_key("沈政昌") == name_key("Shen Zhengchang")
    assert name_key("欧阳华") == name_key("Ouyang Hua")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=12))
def test_name_key_is_lowercase_ascii_words(name: str) -> None:
    key = name_key(name)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)
    assert name_key(key) == key


def test_surname_readings_are_only_for_listed_surnames_that_pypinyin_misreads() -> None:
    """One surname list (the NER's surnames_zh.txt); delegates keep only the readings it needs."""
    from pypinyin import Style, lazy_pinyin

    from pipeline.delegates.surnames import surnames

    table = surnames()
    assert "欧阳" in table.compound and "王" in table.single
    for surname, reading in table.readings.items():
        assert surname in table.single | table.compound, surname
        assert "".join(lazy_pinyin(surname, style=Style.NORMAL)) != reading, surname
