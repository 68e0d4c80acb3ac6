"""English persons whose names hold lower-case particles: Anneke van der Merwe, Rafael dos Anjos Filho, Pierre
Kabila wa Mutombo, Mariana de Oliveira e Souza, Talant Almazbek uulu, Louise d'Arcy.

Why: the small English model cuts such a name at its particle ("Anneke van" | "Merwe") or stops before it
("Rafael" | "dos Anjos Filho"), and the pieces come out as a person and a place or an institution. A model
person followed by particles and capitalised words is one person up to the last of them; the rule proposes the
whole name, which outranks the model's pieces (``ner.resolve``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.ner.inputs import MODEL, RULE, Candidate
from pipeline.ner.lexicon import alternation, en_rules
from pipeline.text.scripts import LATIN_LOWER, LATIN_UPPER

# one capitalised word of a name, a glued particle allowed before it (d'Arcy, O'Neill, kaMabaso)
WORD = rf"(?:[dDO]['\u2019]|ka)?[{LATIN_UPPER}][{LATIN_LOWER}]+(?:-[{LATIN_UPPER}]?[{LATIN_LOWER}]+)*"
_GLUED = rf"(?:[dD]['\u2019]|ka)[{LATIN_UPPER}][{LATIN_LOWER}]+"  # Louise| d'Arcy: a surname glued to its particle
_ROMANCE_ONLY_AFTER = ("e", "y")  # de Souza e Silva: only after another particle of the name


@lru_cache(maxsize=1)
def particle() -> str:
    """The particles as one regex alternation, longest first (van der before van)."""
    return alternation(en_rules().name_particles)


@lru_cache(maxsize=1)
def _tail() -> re.Pattern[str]:
    """What goes on after a cut name: up to two more words, then particles each followed by a word or two, or a
    patronymic (uulu)."""
    p = particle()
    patronymic = alternation(en_rules().name_patronymics)
    return re.compile(rf"(?:(?: {WORD}){{0,2}}?(?: (?:{p}))+ {WORD}(?: {WORD})?)+(?: (?:{patronymic}))?(?![\w'\u2019])"
                      rf"|(?: {WORD}){{0,2}}? (?:{patronymic})(?![\w'\u2019])"
                      rf"| {_GLUED}(?![\w'\u2019])")


@lru_cache(maxsize=1)
def _trailing_particles() -> re.Pattern[str]:
    return re.compile(rf"(?: (?:{particle()}))+$")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Capitalised words that are no part of a person's name: heads, titles, months and weekdays."""
    en = en_rules()
    return frozenset(en.org_heads + en.romance_heads + en.title_words + en.calendar_words + en.place_designators)


def _particles_of(name: str) -> list[str]:
    return [w for w in name.split() if w.islower()]


def particles_join(name: str) -> bool:
    """e / y join a name's surnames only after another particle (de Souza e Silva; Paulo e Maria are two)."""
    particles = _particles_of(name)
    return not particles or particles[0] not in _ROMANCE_ONLY_AFTER


def _whole(name: str) -> bool:
    """A name the tail may make: no head, title, month or designator among its capitalised words, and its
    particles join."""
    return particles_join(name) and not any(w in _stop_words() for w in name.split() if not w.islower())


def extended_persons(text: str, start: int, end: int, model: Iterable[Candidate]) -> list[Candidate]:
    """Model persons of the run that a particle cut, each as the whole name it begins."""
    out: list[Candidate] = []
    for c in model:
        if c.label != "PERSON" or c.source != MODEL or not start <= c.start < c.end <= end:
            continue
        e = c.end
        if (m := _trailing_particles().search(text, c.start, e)) is not None and m.start() > c.start:
            e = m.start()  # Anneke van|: the particle the model took, then the rest of the name
        tail = _tail().match(text, e, end)
        if tail is None or not _whole(text[c.start:tail.end()]):
            continue
        out.append(Candidate(c.start, tail.end(), "PERSON", RULE, "en"))
    return out
