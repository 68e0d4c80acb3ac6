"""English persons whose names hold lower-case particles (pipeline.ner.particles_en, rules_en.context_persons)."""

from __future__ import annotations

import pytest

from pipeline.ner import particles_en, rules_en
from pipeline.ner.inputs import MODEL, Candidate


def _model_person(text: str, surface: str) -> Candidate:
    start = text.index(surface)
    return Candidate(start, start + len(surface), "PERSON", MODEL, "en")


@pytest.mark.parametrize(("text", "model", "whole"), [
    ("Finance Minister Henri Lukusa wa Kalala signed the decree.", "Henri Lukusa", "Henri Lukusa wa Kalala"),
    ("said Willemijn van der Spek, a metals analyst.", "Willemijn van", "Willemijn van der Spek"),
    ("Tiago dos Reis Amaral, who runs the plant, spoke.", "Tiago", "Tiago dos Reis Amaral"),
    ("The director, Beatriz de Almeida e Castro, resigned.", "Beatriz de Almeida", "Beatriz de Almeida e Castro"),
    ("Regulator head Azamat Nurlan uulu announced the tender.", "Azamat Nurlan", "Azamat Nurlan uulu"),
    ("Photographs by Hélène d'Aubigny", "Hélène", "Hélène d'Aubigny"),
    ("Crown Prince Khalid bin Faisal visited the site.", "Khalid", "Khalid bin Faisal"),
])
def test_a_model_person_cut_at_a_particle_goes_on_to_the_end_of_the_name(text: str, model: str, whole: str) -> None:
    got = particles_en.extended_persons(text, 0, len(text), [_model_person(text, model)])
    assert [text[c.start:c.end] for c in got] == [whole]


@pytest.mark.parametrize(("text", "model"), [
    ("Paulo e Maria visited.", "Paulo"),  # e alone joins two persons, not one name
    ("Ana Souza de Banco Itaú said.", "Ana Souza"),  # a head: an institution, not the rest of her name
    ("Peter Chen de facto ran the mine.", "Peter Chen"),  # a lower-case word after the particle
    ("Laura Smith in March said.", "Laura Smith"),  # no particle
])
def test_no_whole_name_where_no_particle_joins_a_name_word(text: str, model: str) -> None:
    assert particles_en.extended_persons(text, 0, len(text), [_model_person(text, model)]) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Prices will rise, said Joost van den Broek, an analyst at ING.", "Joost van den Broek"),
    ("Marta dos Santos said output fell.", "Marta dos Santos"),
])
def test_a_name_with_particles_before_said_or_a_title_is_a_person(text: str, name: str) -> None:
    got = {text[c.start:c.end] for c in rules_en.context_persons(text, 0, len(text))}
    assert name in got


def test_e_alone_makes_no_person_before_said() -> None:
    text = "Paulo e Maria said the vote was close."
    assert "Paulo e Maria" not in {text[c.start:c.end] for c in rules_en.context_persons(text, 0, len(text))}
