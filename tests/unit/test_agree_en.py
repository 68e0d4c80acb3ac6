"""English short mentions agree with the persons named in full (agree_en), on sentences written here."""

from __future__ import annotations

from pipeline.ner.agree_en import agree
from pipeline.ner.inputs import MODEL, RULE, Candidate


def _cand(text: str, surface: str, label: str, source: str = MODEL, nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Candidate(start, start + len(surface), label, source, "en")


def _labels(text: str, cands: list[Candidate]) -> list[tuple[str, str]]:
    return [(text[c.start:c.end], c.label) for c in agree(text, cands)]


def test_a_surname_the_model_calls_an_institution_is_the_person_named_in_full() -> None:
    text = "Senator Alma Kirkwood met miners in Tarrow. Kirkwood's plan was praised by the union."
    cands = [_cand(text, "Alma Kirkwood", "PERSON"), _cand(text, "Kirkwood", "ORG", nth=1)]
    assert _labels(text, cands) == [("Alma Kirkwood", "PERSON"), ("Kirkwood", "PERSON")]


def test_a_pinyin_surname_first_is_the_person_too() -> None:
    text = "Deputy Zhou Minghai spoke first. The county must grow, said Zhou."
    cands = [_cand(text, "Zhou Minghai", "PERSON"), _cand(text, "Zhou", "LOC", nth=1)]
    assert _labels(text, cands)[1] == ("Zhou", "PERSON")


def test_a_listed_place_keeps_its_label() -> None:
    text = "Writer Paris Hendry visited the fair. Paris hosted it for the third time."
    cands = [_cand(text, "Paris Hendry", "PERSON"), _cand(text, "Paris", "LOC", nth=1)]
    assert _labels(text, cands)[1] == ("Paris", "LOC")


def test_rule_mentions_and_unrelated_words_are_left_alone() -> None:
    text = "Analyst Ruth Calder joined Calder Mining. Vantor rose; Calder said so."
    cands = [_cand(text, "Ruth Calder", "PERSON"), _cand(text, "Calder Mining", "ORG", RULE),
             _cand(text, "Vantor", "ORG"), _cand(text, "Calder", "ORG", RULE, nth=2)]
    assert [lab for _, lab in _labels(text, cands)] == ["PERSON", "ORG", "ORG", "ORG"]


def test_a_person_span_holding_a_function_or_institution_word_is_no_full_name() -> None:
    text = "Hollis at Brant Oval won. Dell Hollis Group reported. Hollis fell."
    cands = [_cand(text, "Hollis at Brant Oval", "PERSON"), _cand(text, "Dell Hollis Group", "PERSON"),
             _cand(text, "Hollis", "ORG", nth=2)]
    assert _labels(text, cands)[-1] == ("Hollis", "ORG")


def test_a_name_a_rule_reads_as_a_place_is_that_place_where_the_model_alone_labels_it() -> None:
    text = "Mayor of Tarrow city Ken Ode spoke. Visitors praise Tarrow for its lakes."
    cands = [_cand(text, "Tarrow", "LOC", RULE), _cand(text, "Ken Ode", "PERSON"),
             _cand(text, "Tarrow", "ORG", nth=1)]
    assert _labels(text, cands)[-1] == ("Tarrow", "LOC")


def test_an_initial_does_not_stop_a_full_name_and_is_no_part() -> None:
    text = "R. Dunmore took two wickets. Dunmore bowled well; R was the row."
    cands = [_cand(text, "R. Dunmore", "PERSON"), _cand(text, "Dunmore", "LOC", nth=1)]
    assert _labels(text, cands)[-1] == ("Dunmore", "PERSON")


def test_a_weak_town_names_no_label_for_the_document() -> None:
    # Kitwe is in the town list: its weak entry gives way to the model's persons and labels none of them
    from dataclasses import replace

    from pipeline.ner.inputs import GAZETTEER

    text = "Ms Kitwe joined the company in 2015. Kitwe now runs its smelters."
    town = replace(_cand(text, "Kitwe", "LOC", GAZETTEER, nth=1), weak=True)
    cands = [_cand(text, "Kitwe", "PERSON"), town, _cand(text, "Kitwe", "PERSON", nth=1)]
    assert [label for surface, label in _labels(text, cands) if label != "LOC"] == ["PERSON", "PERSON"]
