"""Features of the Chinese BiLSTM-CRF (shared by training and the NumPy run time): pure functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.lstm_features import (
    UNK,
    bigram_ids,
    lexicon_codes,
    normalise,
    partial_allowed,
    spans_to_tags,
    tag_names,
    tags_to_spans,
    word_prefixes,
)

NAMES = tag_names(("PERSON", "ORG", "LOC"))
TAGS = {t: i for i, t in enumerate(NAMES)}


def test_normalise_keeps_length_and_folds_width_digits_case_and_blanks() -> None:
    text = "Ａ股２０２５年\u3000ABC 7号\n"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == "a股0000年 abc 0号 "


def test_bigrams_are_left_and_right_of_each_character_with_edge_marks() -> None:
    vocab = {"\x02甲": 5, "甲乙": 6, "乙\x03": 7}
    left, right = bigram_ids("甲乙", vocab)
    assert left.tolist() == [5, 6]
    assert right.tolist() == [6, 7]
    left, _ = bigram_ids("丙乙", vocab)
    assert left.tolist() == [UNK, UNK]


def test_lexicon_codes_mark_begin_middle_end_of_every_covering_word() -> None:
    words = {"北京", "北京大学", "大学"}
    codes = lexicon_codes("在北京大学读书", words, word_prefixes(words), 6)
    # 在 none; 北 begins two words; 京 ends 北京 and is inside 北京大学; 大 begins 大学 and is inside
    # 北京大学; 学 ends both.
    assert codes.tolist() == [0, 1, 4 | 2, 1 | 2, 4, 0, 0]


def test_lexicon_scan_respects_the_longest_word() -> None:
    words = {"长江三角洲"}
    assert lexicon_codes("长江三角洲", words, word_prefixes(words), 4).tolist() == [0] * 5


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from(["PERSON", "ORG", "LOC"])),
                max_size=5))
def test_tags_round_trip_to_spans(raw: list[tuple[int, int, str]]) -> None:
    spans: list[tuple[int, int, str]] = []
    for start, length, label in sorted(raw):
        if (not spans or start >= spans[-1][1]) and start + length <= 16:
            spans.append((start, start + length, label))
    tags = spans_to_tags(16, spans, TAGS)
    assert tags_to_spans(tags.tolist(), NAMES) == spans


def test_invalid_tag_paths_still_give_spans() -> None:
    ids = [TAGS[t] for t in ("B-ORG", "I-ORG", "O", "I-LOC", "E-LOC", "B-PERSON", "B-PERSON", "E-PERSON")]
    assert tags_to_spans(ids, NAMES) == [(0, 2, "ORG"), (3, 5, "LOC"), (5, 6, "PERSON"), (6, 8, "PERSON")]


def _allowed_names(row: object) -> set[str]:
    return {name for name, i in TAGS.items() if row[i]}  # type: ignore[index]


def test_a_partly_labelled_sentence_fixes_persons_and_organisations_and_leaves_places_open() -> None:
    # 张明|在|岚峰矿业|工作，|住在|青岭: a person and a company marked, the town left unmarked (sentence made up)
    text = "张明在岚峰矿业工作，住在青岭"
    allowed = partial_allowed(len(text), [(0, 2, "PERSON"), (3, 7, "ORG")], TAGS)
    assert allowed.shape == (len(text), len(NAMES))
    assert _allowed_names(allowed[0]) == {"B-PERSON"} and _allowed_names(allowed[1]) == {"E-PERSON"}
    assert [_allowed_names(r) for r in allowed[3:7]] == [{"B-ORG"}, {"I-ORG"}, {"I-ORG"}, {"E-ORG"}]
    open_tags = {"O", "B-LOC", "I-LOC", "E-LOC", "S-LOC"}
    for i in (2, *range(7, len(text))):
        assert _allowed_names(allowed[i]) == open_tags


def test_a_marked_place_of_a_partly_labelled_sentence_is_open_too() -> None:
    # the corpus marks some addresses and not others, so a marked one is no stronger than an unmarked one
    allowed = partial_allowed(4, [(0, 2, "LOC")], TAGS)
    assert all(_allowed_names(r) == {"O", "B-LOC", "I-LOC", "E-LOC", "S-LOC"} for r in allowed)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from(["PERSON", "ORG", "LOC"])),
                max_size=5))
def test_the_gold_tags_are_always_allowed(raw: list[tuple[int, int, str]]) -> None:
    spans, last = [], 0
    for start, width, label in sorted(raw):
        if start >= last:
            spans.append((start, start + width, label))
            last = start + width
    n = max(last, 1)
    allowed = partial_allowed(n, spans, TAGS)
    gold = spans_to_tags(n, spans, TAGS)
    assert all(allowed[i, gold[i]] for i in range(n))
