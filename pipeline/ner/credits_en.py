"""Credit lines of English wires and picture desks: who reported, edited or took the photo, and for whom.

Why: the model reads the names of a credit by their look, and a credit's names look like anything
(Fransiska Nangoy as an organisation, "Photo" as a person, "Photo/Xinhua]" as one name). The credit's own
grammar says what each part is: "(Reporting by A in Place; Additional reporting by B; Editing by C and D)"
names persons, "REUTERS/David Gray" and "(Xinhua/Cao Yang)" an agency and its photographer, "[Photo/Xinhua]"
an agency, "[Photo by Feng Yongbin/China Daily]" a photographer and a paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.ner.context_en import institution_words
from pipeline.ner.inputs import MODEL, RULE, Candidate
from pipeline.ner.lexicon import common_words_en, fold_en, gazetteer, towns_en
from pipeline.ner.particles_en import particle
from pipeline.text.scripts import latin_re

# A capitalised name of one to five words; lower-case particles may stand inside it (Ana de Souza).
_WORD = r"(?:[A-Z]\.|[A-Z][^\W\d_]*(?:['’\-][A-Za-z][^\W\d_]*)*)"  # a dot only after an initial (J. Smith)
_NAME = rf"{_WORD}(?: (?:(?:{particle()}) )?{_WORD}){{0,4}}"
# a credit opens a line, a bracket or a semicolon's part: "(Reporting by …; Editing by …)", not "data compiled by"
# (a Bloomberg credit opens a line with a dash: "-- With assistance from A and B"; a web page's with a colon:
# "By: A", "Edited by: B")
_CREDIT_CUE = latin_re(
    r"(?:^|(?<=[(\[;\n]))[ \t]*(?:(?:--|\u2014|\u2013)[ \t]*)?(?:(?:Additional|Further|Extra) )?(?:(?:[Rr]eporting|"
    r"[Ww]riting|[Ee]diting|[Cc]ompil(?:ed|ing)|[Gg]raphics?|[Vv]ideo|[Pp]hotos?|[Pp]hotographs?|[Pp]roduction) by|"
    r"[Ww]ith (?:additional )?assistance from) "
    # a web page's credit line with a colon: "By: A", "Edited by: B", "Author: C"
    r"|(?:^|(?<=\n))[ \t]*(?:(?:[Ee]dited|[Ww]ritten|[Rr]eported|[Cc]ompiled|[Pp]osted) [Bb]y|[Bb]y|BY|[Aa]uthors?|"
    r"[Ee]ditors?|[Rr]eporters?)[ \t]*:[ \t]*", re.MULTILINE)
_NAME_RE = latin_re(_NAME)
_PLACE_AFTER = latin_re(rf" in {_NAME}(?:, {_NAME})?")
_CREDIT_ENDS = ";)]\n.|/"  # what may follow a credit's last name (the slash of Photo by A/China Daily)
_JOINER = latin_re(r"(?:,| and| &) (?=[A-Z])")
# AGENCY/Photographer, Photo/AGENCY, Photo by Photographer/Paper: what stands before the slash of a picture
# credit, read backwards from the slash (the words before it may be the caption's)
_BEFORE_SLASH = latin_re(rf"(?:(?P<photo>Photo|PHOTO|Photos)(?: by (?P<taker>{_NAME}))?|(?P<agency>[A-Z][A-Za-z]*"
                           r"(?: [A-Z][A-Za-z]*){0,2}))$")
_AFTER_SLASH = latin_re(rf"{_NAME}(?=/File\b|(?![\w/]))")  # REUTERS/Ivan Alvarado/File Photo
_PICTURE_DESKS = frozenset({"Images", "Photos", "Pictures"})  # the last word of a picture agency's name
_DESK_WORDS = frozenset(w.lower() for w in _PICTURE_DESKS) | frozenset(
    {"agency", "press", "news", "media", "wire", "stock", "newsroom", "desk", "bureau", "team", "staff", "service",
     "services"})
# agencies whose picture credits read AGENCY/Photographer (besides the listed news media)
_PICTURE_AGENCIES = frozenset({"REUTERS", "AFP", "AP", "EPA", "EFE", "ANP", "AAP", "VCG", "IC", "CFP", "XINHUA",
                               "Getty", "Getty Images", "Bloomberg", "Xinhua", "China Daily", "CNS"})
_CREDIT_WORDS = frozenset({"photo", "photos", "reporting", "editing", "writing", "graphics", "video"})


def _agency(name: str) -> bool:
    """A picture agency (REUTERS, AFP, VCG, Getty Images, any "… Images") or a listed news medium (Xinhua, China
    Daily): not any institution or word in capitals before a slash (CMOC/Tenke Fungurume, UBS/Credit Suisse,
    CFR/FOB Qingdao)."""
    entry = gazetteer().en.get(fold_en(name))
    words = name.split()
    return (name in _PICTURE_AGENCIES or (entry is not None and entry.label == "ORG" and entry.kind == "media")
            or (len(words) >= 2 and words[-1] in _PICTURE_DESKS  # Gallo Images: named as one, after a name
                and words[0].lower() not in common_words_en()))


def _person_shaped(name: str) -> bool:
    """A name of two words or more that no list holds as an institution or a place, that holds no institution's
    word and ends in no picture desk's, and that opens with no listed institution (not Getty Images, Kestrel
    Mining, Daily Maverick, Bloomberg Intelligence)."""
    words = name.split()
    last = words[-1].lower()
    first = gazetteer().en.get(fold_en(words[0]))
    return (len(words) >= 2 and gazetteer().en.get(fold_en(name)) is None and fold_en(name) not in towns_en()
            and last not in _DESK_WORDS and not any(w in institution_words() for w in words)
            and (first is None or first.label != "ORG"))  # Daily Maverick, Bloomberg Intelligence: institutions


def credit_line_persons(text: str, start: int, end: int) -> list[Candidate]:
    """The persons a wire's credit line names: each name after "Reporting by", "Editing by" … up to the next
    cue, joined by commas or "and", with the place they filed from after "in" (left to the place rules)."""
    out: list[Candidate] = []
    for cue in _CREDIT_CUE.finditer(text, start, end):
        pos = cue.end()
        while (m := _NAME_RE.match(text, pos, end)) is not None:
            pos = m.end()
            if (place := _PLACE_AFTER.match(text, pos, end)) is not None:
                pos = place.end()
            joiner = _JOINER.match(text, pos, end)
            after = text[pos:end].lstrip(" \t")  # Author: Zhang Wei | China Daily: a space may stand before the end
            if joiner is None and after and after[0] not in _CREDIT_ENDS:
                break  # Reporting by Kestrel Mining staff was thin: prose goes on, no credit
            if _person_shaped(m.group()):
                out.append(Candidate(m.start(), m.end(), "PERSON", RULE, "en"))
            if joiner is None:
                break
            pos = joiner.end()
    return out


def photo_credits(text: str, start: int, end: int) -> list[Candidate]:
    """REUTERS/David Gray, (Xinhua/Cao Yang): the agency and its photographer; [Photo/Xinhua]: the agency;
    [Photo by Feng Yongbin/China Daily]: the photographer and the paper."""
    out: list[Candidate] = []
    for found in re.finditer("/", text[start:end]):
        slash = start + found.start()
        lo = max(start, slash - 60)
        left = _BEFORE_SLASH.search(text, lo, slash)
        right = _AFTER_SLASH.match(text, slash + 1, end)
        if left is None or right is None or (left.start() > start and text[left.start() - 1].isalnum()):
            continue
        a, b = right.span()
        agency = _agency_tail(left.group("agency")) if left.group("agency") else ""
        opening = slash - len(agency) if agency else left.start()
        if not _caption_edge(text, start, opening):
            continue  # DRC/Zambia Copperbelt, US/China Trade in a sentence: no credit
        if left.group("photo"):
            if _agency(right.group()):
                out.append(Candidate(a, b, "ORG", RULE, "en"))
                taker = left.group("taker")
                if taker and _person_shaped(taker):
                    out.append(Candidate(left.start("taker"), left.end("taker"), "PERSON", RULE, "en"))
        elif _agency(agency):
            out.append(Candidate(slash - len(agency), slash, "ORG", RULE, "en"))
            if _person_shaped(right.group()):  # (Photo: Gallo Images/Daily Maverick): a paper, no photographer
                out.append(Candidate(a, b, "PERSON", RULE, "en"))
    return out


def _caption_edge(text: str, start: int, pos: int) -> bool:
    """A picture credit opens at pos: after a bracket, at a line's start, or after a caption's full stop or colon
    (…at Port Hedland. REUTERS/David Gray; Photo: REUTERS/…)."""
    before = text[max(start, pos - 2):pos]
    return pos == start or before[-1:] in ("(", "[", "\n") or before in (". ", ": ", ".\n")


def _agency_tail(words: str) -> str:
    """The shortest tail of the capitalised words before the slash that names an agency (Port Hedland REUTERS ->
    REUTERS, China Daily -> China Daily), or the words as they are."""
    parts = words.split()
    return next((" ".join(parts[k:]) for k in range(len(parts) - 1, -1, -1) if _agency(" ".join(parts[k:]))), words)


# a page's copyright line: "Copyright © 2025 Karoo Mining News. All rights reserved.", "© 2024-2025 KaroMiningNews"
_COPYRIGHT = latin_re(r"^[ \t]*(?:Copyright[ \t]*)?(?:©|\([Cc]\)|Copyright)[ \t]*"
                      r"(?:\d{4}(?:[ \t]*[-\u2013][ \t]*\d{4})?[ \t]*,?[ \t]*)?"
                      r"(?P<name>[A-Z][\w&\-]*(?:\.(?:com|net|org|co\.za|co\.uk))?"
                      r"(?: [A-Z&][\w&\-]*){0,4})(?=[ \t]*(?:[.,;|]|All rights|$))", re.MULTILINE)


def copyright_holders(text: str, start: int, end: int) -> list[Candidate]:
    """The holder named by a page's copyright line, the publisher: an institution (dev conventions 10: source
    credits are ORGs); not a photo's copyright (Photo © A. Name), which names its taker."""
    return [Candidate(m.start("name"), m.end("name"), "ORG", RULE, "en") for m in _COPYRIGHT.finditer(text, start, end)]


def candidates(text: str, start: int, end: int) -> Iterator[Candidate]:
    """The credit rules' candidates in the English run text[start:end]."""
    yield from sorted(set(credit_line_persons(text, start, end) + photo_credits(text, start, end)
                          + copyright_holders(text, start, end)), key=lambda c: (c.start, c.end))


def credit_word(text: str, c: Candidate) -> bool:
    """A model entity that is a credit's own word (Photo of "[Photo by …]"), no name."""
    return c.source == MODEL and text[c.start:c.end].lower() in _CREDIT_WORDS
