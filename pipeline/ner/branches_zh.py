"""Committees of parties and people's organisations named by the level they sit at.

Why: CPPCC members are introduced by the committee they belong to, and news writes it as the party's short name
+ 中央 for the central committee, or + a place + 委, 委会 or 委员会 for a local one: 民盟中央, 民进江西省委,
九三学社包头市委, 农工党赣州市委会. Each half is a name the lists know (民进; 江西省委, a provincial party
committee), so without this rule a text yields the party and the wrong committee side by side. The whole is one
institution as written (GUIDELINES: the longest name). The parties are ``zh_rules.json`` ``branching_parties``, a
closed class, found as strings where a word starts, so a party the segmenter glued to its place
(九三学社|湖北省委) still opens its committee. 中央 before 领导 is the party's leadership, people, not the body
(民进中央领导集体); 中央 before 委员 stays the committee, whose member the title names (民盟中央|委员).

People's organisations (``mass_bodies``: 工商联, 妇联, 科协 …) have a body at every level: after a place they are
that place's body (湖南省|工商联), one name; alone (妇联) they are left to the model and the lists, which know them.
A development zone is governed by its administrative committee (``zone_committee_words``), named by the zone
(包头稀土高新区|管委会).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache

from pipeline.ner.gazetteer import listed_place
from pipeline.ner.inputs import Candidate
from pipeline.ner.lexicon import alternation, common_words_zh, longest_first, zh_rules
from pipeline.ner.places_zh import zone_heads

_CENTRAL = re.compile(r"中央(?:委员会|(?!领导))")  # not 中央|领导 (the leadership), whatever came before
_LONGEST_PLACE = 8


@lru_cache(maxsize=1)
def _party_re() -> re.Pattern[str]:
    return re.compile(alternation(zh_rules().branching_parties))


@lru_cache(maxsize=1)
def _committee_re() -> re.Pattern[str]:
    """The level's own character when the place is written without it (江西|省委), then the committee word; 委 +
    员 without 会 is a member (委员), a title, not the committee."""
    return re.compile(rf"[{zh_rules().elliptical_levels}]?(?:委员会|委会|委(?!员))")


@lru_cache(maxsize=1)
def mass_body_re() -> re.Pattern[str]:
    """A people's organisation that each level has (工商联, 妇联 …; ``mass_bodies``), longest first."""
    return re.compile(alternation(zh_rules().mass_bodies))


@lru_cache(maxsize=1)
def _zone_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How a zone's name ends (places_zh.json ``zone_words``: 高新区, 工业园) and its committee words."""
    return zone_heads(), tuple(longest_first(zh_rules().zone_committee_words))


def _committee_end(text: str, e: int, end: int) -> int:
    """End of 中央 or of a listed place + a committee word right after a party's name at e, or -1."""
    m = _CENTRAL.match(text, e, end)
    if m:
        return m.end()
    for k in range(min(_LONGEST_PLACE, end - e), 1, -1):  # the longest listed place that a committee word ends
        if listed_place(text[e:e + k]):
            m = _committee_re().match(text, e + k, end)
            if m:  # 委|会议, 委|会见: the committee is 委 and 会 opens the next word
                return m.end() - 1 if m.group().endswith("委会") and _opens_word(text, m.end() - 1) else m.end()
    return -1


def _opens_word(text: str, i: int) -> bool:
    return text[i:i + 2] in common_words_zh()


def party_committees(text: str, start: int, end: int, bounds: Collection[int],
                     orgs: Collection[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A party's name where a word starts + its central or local committee, as one name; not inside a longer
    institution found otherwise (``orgs``: 中共中央|政治局, …|办公厅 go on after the committee)."""
    for m in _party_re().finditer(text, start, end):
        if m.start() == start or m.start() in bounds:
            s, ce = m.start(), _committee_end(text, m.end(), end)
            if ce > 0 and not any(a <= s and ce <= b and b - a > ce - s for a, b in orgs):
                yield s, ce


def local_bodies(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """The places (``known``) written right before a people's organisation + the organisation, as one name
    (江西省|赣州市|妇联 as written)."""
    place_at_end = {c.end: c.start for c in known if c.label == "LOC" and start <= c.start}
    for m in mass_body_re().finditer(text, start, end):
        s = m.start()
        while s in place_at_end:
            s = place_at_end[s]
        if s < m.start():
            yield s, m.end()


def zone_committees(text: str, start: int, end: int, places: list[Candidate]) -> Iterator[tuple[int, int]]:
    """A place found by the place rules, the lists or the model that is a zone or a park (it ends in a zone word:
    …高新区, …工业园区; not a district, 朝阳区) + its committee word, as one name."""
    zones, committees = _zone_words()
    for c in places:
        if c.label == "LOC" and start <= c.start and c.end < end and text.endswith(zones, c.start, c.end):
            word = next((w for w in committees if text.startswith(w, c.end) and c.end + len(w) <= end), "")
            if word:
                yield c.start, c.end + len(word)
