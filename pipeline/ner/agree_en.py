"""One English document, one reading per name: short mentions agree with the full ones.

Why: the English model labels each mention on its own sentence, so the surname of a person named in full
elsewhere ("Donald Trump" ... "Trump's meeting", "Deputy Wang Xiaohuan" ... "remarked Wang") often comes
back as an institution or a place. News names a person in full first and by one part of the name later;
a one-word model mention that is the first or last word of a person named in full in the same document is
that person (the person grouping then joins it to the full name). A word the gazetteer lists as a place
keeps its label ("Milan" beside "Milan Kundera" may be the city). Likewise a name that a rule or the
gazetteer reads in one sentence ("mayor of Tarrow city") is the same thing where the model alone labels it.
Runs after ``resolve``, on the chosen mentions, and changes only model mentions of the English runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.ner.context_en import institution_words, is_place, town_only
from pipeline.ner.inputs import MODEL, Candidate
from pipeline.text.scripts import latin_re

_NAME_WORD = latin_re(r"[A-Z][\w'\-]*[a-z][\w'\-]*")
_INITIAL = latin_re(r"[A-Z]\.")  # "I. Healy": an initial, no part anyone is called by


def _name_parts(text: str, mentions: Sequence[Candidate]) -> set[str]:
    """First and last words of the persons named in full: two or three capitalised name words or initials,
    none of them an institution, company, site or title word (not "Victoria at Bellerive Oval")."""
    parts: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and m.lang == "en":
            words = text[m.start:m.end].split()
            names = [w for w in words if not _INITIAL.fullmatch(w)]
            if 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) and w not in institution_words() for w in names):
                parts.update(w for w in (words[0], words[-1]) if w in names)
    return parts


def _ruled_labels(text: str, mentions: Sequence[Candidate]) -> dict[str, str]:
    """Surfaces the rules or the gazetteer name under one label in this document (a weak town of the town list
    names none: it gives way to the model, not the model to it)."""
    labels: dict[str, set[str]] = {}
    for m in mentions:
        if m.lang == "en" and m.source != MODEL and not (m.weak and town_only(text[m.start:m.end])):
            labels.setdefault(text[m.start:m.end], set()).add(m.label)  # not a weak town: Ms Osorio stays a person
    return {surface: next(iter(found)) for surface, found in labels.items() if len(found) == 1}


def agree(text: str, mentions: Sequence[Candidate]) -> list[Candidate]:
    """The mentions, with English model mentions agreeing with the document: a one-word mention that names
    part of a person named in full is that person; a name a rule or the gazetteer reads elsewhere in the
    document (Tarrow before "city") takes that rule's label."""
    parts = _name_parts(text, mentions)
    ruled = _ruled_labels(text, mentions)
    out: list[Candidate] = []
    for m in mentions:
        surface = text[m.start:m.end]
        if m.lang == "en" and m.source == MODEL:
            if m.label in ("ORG", "LOC") and surface in parts and not is_place(surface):
                m = replace(m, label="PERSON")
            elif surface in ruled and surface not in parts:
                m = replace(m, label=ruled[surface])
        out.append(m)
    return out
