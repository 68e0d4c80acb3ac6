"""Word precision/recall/F1 over character spans, on hand-checked cases."""

from __future__ import annotations

import pytest

from pipeline.tools.training.pkuseg_train import Prf, evaluate, gold_spans, score_spans


def test_gold_spans_are_offsets_into_the_joined_sentence() -> None:
    words = ["中国", "矿业", "联合会", "。"]
    text = "".join(words)
    spans = gold_spans(words)
    assert spans == [(0, 2), (2, 4), (4, 7), (7, 8)]
    assert [text[s:e] for s, e in spans] == words


def test_perfect_and_disjoint_segmentations() -> None:
    gold = [(0, 2), (2, 4)]
    assert score_spans(gold, gold).f1 == 1.0
    none = score_spans(gold, [(0, 1), (1, 3), (3, 4)])
    assert (none.correct, none.precision, none.recall, none.f1) == (0, 0.0, 0.0, 0.0)


def test_partial_match_by_hand() -> None:
    # gold: 中国 / 矿业 / 联合会 ; predicted: 中国 / 矿 / 业 / 联合会
    prf = score_spans([(0, 2), (2, 4), (4, 7)], [(0, 2), (2, 3), (3, 4), (4, 7)])
    assert (prf.gold, prf.pred, prf.correct) == (3, 4, 2)
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_same_word_at_another_offset_is_not_correct() -> None:
    # 矿业矿业: gold two words, prediction has the second word shifted
    assert score_spans([(0, 2), (2, 4)], [(0, 1), (1, 3), (3, 4)]).correct == 0


def test_counts_add_up_micro_average() -> None:
    a, b = Prf(gold=3, pred=4, correct=2), Prf(gold=5, pred=5, correct=5)
    total = a + b
    assert (total.gold, total.pred, total.correct) == (8, 9, 7)
    assert total.f1 == pytest.approx(2 * (7 / 9) * (7 / 8) / (7 / 9 + 7 / 8))
    assert Prf().f1 == 0.0


def test_evaluate_with_character_segmenter() -> None:
    sentences = [["中国", "矿业"], ["铜", "。"]]

    def chars(text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    prf = evaluate(chars, sentences)
    assert (prf.gold, prf.pred, prf.correct) == (4, 6, 2)
