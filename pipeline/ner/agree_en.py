"""One English document, one reading per name: short mentions agree with the full ones.

Why: the English model labels each mention on its own sentence, so the surname of a person named in full
elsewhere ("Donald Trump" ... "Trump's meeting", "Deputy Wang Xiaohuan" ... "remarked Wang") often comes
back as an institution or a place. News names a person in full first and by one part of the name later;
a one-word model mention that is the first or last word of a person named in full in the same document is
that person (the person grouping then joins it to the full name). A word the gazetteer lists as a place
keeps its label ("Milan" beside "Milan Kundera" may be the city). Runs after ``resolve``, on the chosen
mentions, and changes only model mentions of the English runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline.ner.inputs import MODEL, Candidate
from pipeline.ner.lexicon import en_rules, fold_en, gazetteer

_NAME_WORD = re.compile(r"[A-Z][\w'\-]*[a-z][\w'\-]*")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    en = en_rules()
    return frozenset(en.org_heads + en.company_words + en.generic_words + en.title_words + en.site_heads)


def _name_parts(text: str, mentions: Sequence[Candidate]) -> set[str]:
    """First and last words of the persons named in full: two or three capitalised name words, none of them
    an institution, company, site or title word (not "Victoria at Bellerive Oval")."""
    parts: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and m.lang == "en":
            words = text[m.start:m.end].split()
            if 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) and w not in _not_name_words() for w in words):
                parts.update((words[0], words[-1]))
    return parts


def _listed_place(word: str) -> bool:
    place = gazetteer().en.get(fold_en(word))
    return place is not None and place.label == "LOC"


def agree(text: str, mentions: Sequence[Candidate]) -> list[Candidate]:
    """The mentions, with one-word English model mentions that name part of a person named in full
    relabelled PERSON."""
    parts = _name_parts(text, mentions)
    if not parts:
        return list(mentions)
    out: list[Candidate] = []
    for m in mentions:
        surface = text[m.start:m.end]
        if (m.lang == "en" and m.source == MODEL and m.label in ("ORG", "LOC") and surface in parts
                and not _listed_place(surface)):
            m = replace(m, label="PERSON")
        out.append(m)
    return out
