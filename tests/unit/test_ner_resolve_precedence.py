"""The one precedence function: ORG absorbs what it names, rule > gazetteer > model > weak."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ner.inputs import GAZETTEER, MODEL, RULE, Candidate
from pipeline.ner.resolve import resolve


def C(s: int, e: int, label: str, source: str, weak: bool = False) -> Candidate:
    return Candidate(s, e, label, source, "zh", weak)


def test_place_inside_model_org_is_part_of_the_org() -> None:
    org, place = C(0, 10, "ORG", MODEL), C(6, 8, "LOC", GAZETTEER)
    assert resolve([org, place]) == [org]


def test_listed_institution_inside_longer_model_org_gives_way() -> None:
    org, short = C(0, 7, "ORG", MODEL), C(0, 2, "ORG", GAZETTEER)
    assert resolve([org, short]) == [org]


def test_rule_person_survives_a_model_org_around_it() -> None:
    org, person = C(0, 9, "ORG", MODEL), C(6, 9, "PERSON", RULE)
    assert resolve([org, person]) == [person]


def test_rule_org_beats_crossing_model_org() -> None:
    rule, model = C(0, 9, "ORG", RULE), C(3, 12, "ORG", MODEL)
    assert resolve([rule, model]) == [rule]


def test_strong_gazetteer_place_beats_model_person_on_the_same_span() -> None:
    place, person = C(0, 4, "LOC", GAZETTEER), C(0, 4, "PERSON", MODEL)
    assert resolve([person, place]) == [place]


def test_weak_gazetteer_entry_gives_way_to_the_model() -> None:
    weak, org = C(0, 6, "LOC", GAZETTEER, weak=True), C(0, 6, "ORG", MODEL)
    assert resolve([weak, org]) == [org]
    assert resolve([weak]) == [weak]


_cand = st.builds(C, st.integers(0, 30), st.integers(1, 12), st.sampled_from(["PERSON", "ORG", "LOC"]),
                  st.sampled_from([MODEL, RULE, GAZETTEER]), st.booleans()).map(
    lambda c: Candidate(c.start, c.start + c.end, c.label, c.source, c.lang, c.weak))


@given(st.lists(_cand, max_size=25))
def test_output_is_sorted_non_overlapping_subset(cands: list[Candidate]) -> None:
    out = resolve(cands)
    assert set(out) <= set(cands)
    assert all(a.end <= b.start for a, b in itertools.pairwise(out))


@given(st.lists(_cand, max_size=25))
def test_resolve_is_idempotent_and_order_free(cands: list[Candidate]) -> None:
    out = resolve(cands)
    assert resolve(out) == out
    assert resolve(list(reversed(cands))) == out
