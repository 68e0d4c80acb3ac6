"""Traditional-only characters folded to simplified ones, offset for offset (``pipeline.text.hanzi_forms``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.hanzi_forms import to_simplified


def test_traditional_only_characters_fold_and_shared_ones_stay() -> None:
    assert to_simplified("習近平在臺灣的鋰礦") == "习近平在台湾的锂矿"
    assert to_simplified("乾隆年间著名的后来者") == "乾隆年间著名的后来者"  # 乾, 著 are simplified characters too
    assert to_simplified("Rio Tinto 2024") == "Rio Tinto 2024"


@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    folded = to_simplified(text)
    assert len(folded) == len(text)
    assert all((a == b) or ("\u3400" <= a <= "\U0002ffff") for a, b in zip(text, folded, strict=True))


def test_traditional_text_is_read_with_simplified_forms_and_keeps_its_surfaces() -> None:
    from pipeline import extract

    text = "臺灣的鋰礦公司與中國石油化工集團簽署協議。"
    mentions = extract([text])["mentions"]
    found = set(zip(mentions.text, mentions.label, strict=True))
    assert {("臺灣", "LOC"), ("中國石油化工集團", "ORG")} <= found
    assert all(text[s:e] == t for s, e, t in zip(mentions.start, mentions.end, mentions.text, strict=True))
