"""English names known by their shape or their context, beside the institution grammar of ``rules_en``.

Why: news pages carry entities the models and the grammar miss for want of context they can read:
- web outlets credited as a source (xinhuanet.com) are institutions;
- datelines write the place in capitals (SHENYANG/DALIAN - …);
- headlines abbreviate regions (E China, NW China) and name delegations (Guizhou NPC delegation);
- named sites end in a site word (Red Ridge Mine, Tarim Basin) or start with one (Lake Tanganyika);
- an acronym before a title word is a company (SQM chief …), and so is a name after "<Place>-based" or
  after the Indonesian legal form PT;
- a name before a lower-case place noun is a place (mayor of Tarrow city);
- a company named in full once (Hengrui Lithium Group) is then named by its first word alone (Hengrui).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pipeline.minerals.lexicon import load_lexicon
from pipeline.ner.gazetteer import designator_end
from pipeline.ner.inputs import MODEL, RULE, Candidate
from pipeline.ner.lexicon import (
    alternation,
    common_words_en,
    demonym,
    en_rules,
    fold_en,
    gazetteer,
    past_company_modifier,
    person_honorifics,
    pinyin_names,
    towns_en,
)
from pipeline.text.scripts import CAPITALISED, latin, latin_re

_OUTLET = latin_re(r"(?<![A-Za-z@/.\-])((?:[a-z][a-z0-9\-]*\.)+(?:com|net|org|gov|edu|info|cn|uk|au|ca|hk)"
                     r"(?:\.[a-z]{2})?)(?![\w/@\-]|\.\w)")
_COMPASS = latin_re(r"\b((?:N|S|E|W|C|NE|NW|SE|SW|North|South|East|West|Central|Northeast|Northwest|Southeast|"
                      r"Southwest|Northern|Southern|Eastern|Western) China)\b")
_COMPASS_WORD = latin_re(r"(?:North|South|East|West)(?:ern|east|west|eastern|western)?|Central|Inner|Outer")
_CAPS_WORD = latin_re(r"[A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,}){0,2}")
_CAP_WORDS = r"[A-Z][A-Za-z'\-]*(?: [A-Z][A-Za-z'\-]*){0,4}"
# up to four capitalised words that no word or possessive runs into: the name a cue after it points at
_NAME_BEFORE_CUE = r"(?<![\w&\-'\u2019])([A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,3})"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    en = en_rules()
    heads = alternation(en.site_heads)
    zones = alternation([h for h in en.site_heads if h.endswith(("Zone", "Park", "Area"))])
    leads = alternation(en.site_leads)
    titles = alternation(en.acronym_title_words)
    nouns = alternation(en.named_site_nouns)
    designators = alternation(en.name_designators)
    return {
        "site": latin_re(rf"\b((?:[A-Z][A-Za-z\-]*[a-z] ){{1,6}}(?:{heads}))\b(?! [A-Z])"),
        # "and" joins the fields of a zone's or park's name (Tianjin Economic and Technological Development Zone),
        # not the names of two owners before a mine (Vale and Glencore Mine)
        "zone": latin_re(rf"\b((?:[A-Z][A-Za-z\-]*[a-z] (?:and )?){{1,6}}(?:{zones}))\b(?! [A-Z])"),
        "designated": latin_re(rf"\b((?:[A-Z][a-z\-]*[a-z] ){{1,3}}(?:{designators}))\b(?! [A-Z])"),
        "lead": latin_re(rf"\b((?:{leads}) [A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?)\b"),
        "acronym": latin_re(rf"(?<![\w&])([A-Z][A-Z&]{{1,6}})(?='s)?(?:'s)? (?:{titles})\b"),
        "delegation": latin_re(rf"\b({_CAP_WORDS}(?: (?:NPC|CPPCC))? delegation)\b"),
        "employer": latin_re(rf"{_NAME_BEFORE_CUE}(?:['\u2019]s)? "
                               rf"(?:{alternation(en.employer_titles)}) (?=[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)+\b)"),
        "analysts_at": latin_re(rf"\b(?i:{alternation(en.analyst_words)}) (?:at|with|from) "
                                  r"([A-Z][\w&\-]*(?: (?:& )?[A-Z][\w&\-]*){0,3})(?![\w\-])"),
        "company_clause": latin_re(rf"{_NAME_BEFORE_CUE}, which "
                                     rf"(?:{alternation(en.company_clause_verbs)})\b"),
        "shares_moved": latin_re(rf"{_NAME_BEFORE_CUE}"
                                   rf"(?:['\u2019]s?)? shares (?:{alternation(en.share_moves)})\b"),
        "holding": latin_re(r"\b(?:[Ss]hares|[Ss]takes?|[Ss]hareholders?) (?:of|in) "
                              r"([A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,5})(?![\w\-])"),
        "called": latin_re(rf"\b(?:{nouns})\b[^.;:!?\n]{{0,40}}?\b(?:called|named|known as) "
                             r"([A-Z][\w'\-]*[a-z](?: [A-Z][\w'\-]*[a-z]){0,2})\b"),
    }


def is_place(words: str) -> bool:
    """Whether the English words are a listed place (Zambia, Hong Kong)."""
    place = gazetteer().en.get(fold_en(words))
    return place is not None and place.label == "LOC"


def outlets(text: str, start: int, end: int) -> list[Candidate]:
    """Web outlets written as a domain (xinhuanet.com), not inside a URL or an e-mail address."""
    return [Candidate(m.start(1), m.end(1), "ORG", RULE, "en") for m in _OUTLET.finditer(text, start, end)]


def _line_starts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in [start, end) where a line of the document starts (not where a language run does)."""
    if start == 0 or text[start - 1] == "\n":
        yield start
    pos = text.find("\n", start, end)
    while pos >= 0 and pos + 1 < end:
        yield pos + 1
        pos = text.find("\n", pos + 1, end)


_LINE_HEAD = latin_re(r"[^\n]{0,60}?(?= [-\u2013\u2014] |, )")


def datelines(text: str, start: int, end: int) -> list[Candidate]:
    """Places written in capitals at the head of a line of the document before a slash, dash or comma
    (SHENYANG/DALIAN -)."""
    out: list[Candidate] = []
    for line in _line_starts(text, start, end):
        head = _LINE_HEAD.match(text, line, end)
        if head is None:
            continue
        out += [Candidate(m.start(), m.end(), "LOC", RULE, "en")
                for m in _CAPS_WORD.finditer(text, head.start(), head.end()) if is_place(m.group().title())]
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# PLACE[, Region] then a date after a comma (", March 3", ", 5 March 2024") or an ISO date, and/or an agency in
# brackets (or a wire in slashes: /CNW/), then a dash or the end of the line: KOLWEZI, Congo, March 3 (Reuters) -,
# HARARE 1996-12-06, TIMMINS (Reuters) -, TORONTO, March 3, 2024 /CNW/ -
_DATELINE = latin_re(rf"(?P<place>[A-Z][A-Z'\-]{{2,}}(?: [A-Z][A-Z'\-]+){{0,2}})"
                       rf"(?: ?, [A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})?"
                       rf"(?P<date>,? \d{{4}}-\d{{2}}-\d{{2}}"
                       rf"|, (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)?"
                       rf"(?: \((?P<agency>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){{0,3}})\)| /[A-Za-z ]{{2,30}}/)?"
                       rf" ?(?P<tail>[-\u2013\u2014]{{1,2}} |\n|$)")


_STATE_FORM = latin_re(r"\b(?:(?:Democratic|Federal|Islamic|People's|Socialist|Federative|Plurinational|Bolivarian|"
                         r"United|Arab|Cooperative) )*(?:Republic|Kingdom|Commonwealth|Sultanate|Emirate|Principality|"
                         r"State) of (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


def state_long_forms(text: str, start: int, end: int) -> list[Candidate]:
    """A state's long form is one place as written (the Democratic Republic of the Congo, the Republic of
    Kazakhstan), not the listed short name inside it: the form + "of" + a listed country."""
    out: list[Candidate] = []
    for m in _STATE_FORM.finditer(text, start, end):
        place = gazetteer().en.get(fold_en(m.group(1)))
        if place is not None and place.label == "LOC" and place.kind == "country":
            out.append(Candidate(m.start(), m.end(), "LOC", RULE, "en"))
    return out


def dated_lines(text: str, start: int, end: int) -> list[Candidate]:
    """The place of a dateline in capitals, listed or not, at the head of a line, where a date or a listed
    agency follows it (TIMMINS (Reuters) -, HARARE 1996-12-06, KOLWEZI, Congo, March 3 -): a dateline names a
    place first, so the lists need not know it (``datelines`` takes listed places before any dash or comma).
    Not a listed institution (GLENCORE (Reuters) -) or a headline's label (EXCLUSIVE, FACTBOX). The outlet in
    brackets is an institution, listed or not, after a date or a listed place before a dash (LUSAKA, March 4
    (Lusaka Times) -; JOHANNESBURG (Business Day) -; dev conventions 10: source credits are ORGs)."""
    labels = frozenset(en_rules().headline_labels)
    out: list[Candidate] = []
    for line in _line_starts(text, start, end):
        m = _DATELINE.match(text, line, end)
        if m is None or (m.group("tail") == "" and m.end() < len(text) and text[m.end()] != "\n"):
            continue  # the run ends inside the line: no line end after the date
        agency = m.group("agency")
        listed_agency = agency is not None and (a := gazetteer().en.get(fold_en(agency))) is not None and (
            a.label == "ORG")
        place = gazetteer().en.get(fold_en(m.group("place").title()))
        if (m.group("date") or listed_agency) and m.group("place") not in labels and (
                place is None or place.label != "ORG"):
            out.append(Candidate(m.start("place"), m.end("place"), "LOC", RULE, "en"))
        if agency is not None and not listed_agency and m.group("place") not in labels and (
                m.group("date") or (m.group("tail").strip() and is_place(m.group("place").title()))):
            out.append(Candidate(m.start("agency"), m.end("agency"), "ORG", RULE, "en"))  # LUSAKA (Lusaka Times) -
    return out


_COMPASS_PLACE = latin_re(r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Inner|Outer|"
                            r"Northeast|Northwest|Southeast|Southwest|Upper|Lower) "
                            r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\b")


def _compass_part(words: str) -> bool:
    """A compass word and a listed place (Inner Mongolia, Western Australia): a part of the place."""
    m = _COMPASS_PLACE.fullmatch(words)
    return m is not None and is_place(m.group(1))


def regions(text: str, start: int, end: int) -> list[Candidate]:
    """Regions of China named by a compass word or its headline abbreviation (E China, North China), and a
    compass word before a listed place, which names a part of it as one place (Western Australia, Inner
    Mongolia, South Kordofan: the name lists need not hold every such part)."""
    out = [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in _COMPASS.finditer(text, start, end)]
    for m in _COMPASS_PLACE.finditer(text, start, end):
        words = m.group(1).split()
        compass = text[m.start():m.start(1)]
        whole = next((k for k in range(len(words), 0, -1) if is_place(compass + " ".join(words[:k]))), 0)
        k = whole or next((k for k in range(len(words), 0, -1) if is_place(" ".join(words[:k]))), 0)
        # the longest listed name wins, with a designator written after it: Inner Mongolia Autonomous Region
        e = m.start(1) + len(" ".join(words[:k]))
        span = Candidate(m.start(), designator_end(text, e, end), "LOC", RULE, "en")
        if k and span not in out:  # North China is already a region of China
            out.append(span)
    return out


def sites(text: str, start: int, end: int) -> list[Candidate]:
    """Named sites: capitalised words before a site word (Red Ridge Mine), after a leading one (Lake
    Tanganyika) or after a site noun and "called" (a deposit in Guinea called Simandou); a development zone
    is a place too (… High-tech Industrial Development Zone), and so is a division named with its designator
    (Ejin Banner, Xilin Gol League, Qiaolin County: the name lists cannot hold every county)."""
    pats = _patterns()
    out = [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in pats["site"].finditer(text, start, end)]
    out += [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in pats["zone"].finditer(text, start, end)
            if " and " in m.group(1)]
    out += [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in pats["lead"].finditer(text, start, end)]
    out += [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in pats["called"].finditer(text, start, end)]
    lead = set(en_rules().leading_stopwords) | set(en_rules().determiners)
    generic = set(en_rules().generic_words)
    out += [Candidate(m.start(1), m.end(1), "LOC", RULE, "en") for m in pats["designated"].finditer(text, start, end)
            if not any(w in generic or _COMPASS_WORD.fullmatch(w) for w in m.group(1).split()[:-1] if w not in lead)]
    tidy = []
    for c in out:  # "In Tarim Basin": a capitalised function word opening a sentence is not part of it
        words = text[c.start:c.end].split()
        while len(words) > 1 and words[0] in lead:
            c = Candidate(c.start + len(words[0]) + 1, c.end, c.label, c.source, c.lang)
            words = words[1:]
        tidy.append(c)
    return tidy


_NEAR = latin_re(r"\b(?:near|outside|(?:north|south|east|west|northeast|northwest|southeast|southwest) of) "
                   r"([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})")


@lru_cache(maxsize=1)
def _in_place() -> re.Pattern[str]:
    words = alternation(en_rules().place_in_words)
    return latin_re(rf"\b(?i:{words}) in (?:the )?([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}})")


@lru_cache(maxsize=1)
def _at_site() -> re.Pattern[str]:
    words = alternation(en_rules().place_at_words)
    return latin_re(rf"\b(?i:{words}) at (?:the )?([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}})")


_NAME_GOES_ON = latin_re(r" (?:of (?:the )?)?[A-Z]")


def _places_after(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[Candidate]:
    """The whole capitalised name the pattern's group holds (not "Rio" of "Rio Tinto's": a possessive or a
    longer name goes on), with no institution, title or generic word in it, no listed institution and no day,
    month or holiday (near Christmas, output in March)."""
    banned, calendar = _not_place_words(), set(en_rules().calendar_words)
    out: list[Candidate] = []
    for m in pattern.finditer(text, start, end):
        e = m.end(1)
        if text[e:e + 1] in ("'", "\u2019") or _NAME_GOES_ON.match(text, e) or text[e:e + 1].isalnum():
            continue  # a possessive, or a name that goes on (past three words, or with "of": Isle of Man)
        name = m.group(1)
        entry = gazetteer().en.get(fold_en(name))
        if (any(w in banned for w in re.split(r"[ \-]", name)) or (entry is not None and entry.label == "ORG")
                or name in calendar or name.split()[0] in calendar):
            continue
        out.append(Candidate(m.start(1), e, "LOC", RULE, "en"))
    return out


def near_places(text: str, start: int, end: int) -> list[Candidate]:
    """A name right after a word of nearness or bearing is a place (near Kolwezi, outside Kitwe, north of
    Thacker Pass): one thing is near another by where it is."""
    return _places_after(_NEAR, text, start, end)


def located_places(text: str, start: int, end: int) -> list[Candidate]:
    """A name after "in" that follows a word of where something is or happens (based in, held in, output in,
    operations in the Pilbara; ``place_in_words``) is a place: what is located, held or produced is so in a
    place. Not after words of ownership (a stake in Glencore), which the list leaves out."""
    return _places_after(_in_place(), text, start, end)


def site_places(text: str, start: int, end: int) -> list[Candidate]:
    """A name after "at" that follows a word of work on a site (production at Oyu Tolgoi, a strike at Escondida;
    ``place_at_words``) is the site, a place: work goes on at a mine or a town, where an employer takes "at"
    after other words (analysts at Citi)."""
    return [c for c in _places_after(_at_site(), text, start, end)
            if _written_as_site(text, text[c.start:c.end]) and not _written_as_company(text, text[c.start:c.end])]


# a site's noun after its name (the Oyu Tolgoi mine, Escondida copper mine, the Kamoto underground operation)
_SITE_AFTER = (r"(?:\s+(?:[a-z]+[\s-]){0,3}(?:mine|mines|pit|deposit|project|operation|operations|field|oilfield|"
               r"concentrator|smelter|complex)\b)")
_SITE_APPOSITION = r",\s+(?:an?|the|its)\s+[^,.;]{0,50}?\b(?:mine|pit|deposit|oilfield|field|operation)\b"


def _written_as_site(text: str, name: str) -> bool:
    """The document names the place as a site somewhere (the Oyu Tolgoi mine, Escondida, the world's biggest
    copper mine), or a list holds it as a place or town: "production at Zijin" alone is a company's as often."""
    w = re.escape(name)
    if re.search(rf"\b{w}(?:{_SITE_AFTER}|{_SITE_APPOSITION})", text):
        return True
    entry = gazetteer().en.get(fold_en(name))
    return (entry is not None and entry.label == "LOC") or fold_en(name) in towns_en()


_COMPANY_NOUNS = r"(?:unit|subsidiary|affiliate|venture|company|firm|producer|miner|group)"
_COMPANY_APPOSITION = r",\s+(?:an?|the|its)\s+[^,.;]{0,40}?\b" + _COMPANY_NOUNS + r"\b"
_COMPANY_BEFORE = r"\b(?:unit|subsidiary|affiliate)\s+"


@lru_cache(maxsize=1)
def _company_name_end() -> str:
    """After a name that opens a company's name (Zijin Mining Group, Ivanhoe Mines): production at Zijin is the
    company's."""
    ends = [*en_rules().company_end_words, *en_rules().company_site_words]  # Ivanhoe Mines: here a company's
    return rf"\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:{alternation(ends)})(?!\w)"


def _written_as_company(text: str, name: str) -> bool:
    """The document writes the name as a company somewhere: an apposition naming a company after it (Shanxi
    Huasheng, a 51%-owned unit), a company noun right before it (Chalco unit Shanxi Huasheng) or a company's word
    after it (Zijin Mining Group, Ivanhoe Mines): production at a subsidiary is the company's, not a site's."""
    w = re.escape(name)
    return re.search(rf"\b{w}{_COMPANY_APPOSITION}|{_COMPANY_BEFORE}{w}\b|\b{w}{_company_name_end()}", text) is not None


def delegations(text: str, start: int, end: int) -> list[Candidate]:
    """A delegation written as a name: a place (and NPC / CPPCC) before "delegation" (Guizhou NPC
    delegation)."""
    out: list[Candidate] = []
    for m in _patterns()["delegation"].finditer(text, start, end):
        words = m.group(1).split()
        for k in range(len(words)):
            place = " ".join(w for w in words[k:] if w not in ("NPC", "CPPCC", "delegation"))
            if place and (is_place(place) or _compass_part(place)):
                s = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
                out.append(Candidate(s, m.end(1), "ORG", RULE, "en"))
                break
    return out


def acronym_companies(text: str, start: int, end: int) -> list[Candidate]:
    """An acronym right before a title word is the organisation the title belongs to (SQM chief)."""
    skip = set(en_rules().acronym_not_companies)
    found = _patterns()["acronym"].finditer(text, start, end)
    return [Candidate(m.start(1), m.end(1), "ORG", RULE, "en") for m in found
            if m.group(1) not in skip and not is_place(m.group(1))]  # "US president" names a country


def _no_name(name: str, skip: set[str]) -> bool:
    """Capitalised words a cue points at that name no company: opened by a word of ``skip`` (a stop word, a
    determiner), a listed place, a nationality, or a time (shares in January)."""
    first = name.split()[0]
    return (first in skip or is_place(name) or demonym(first, country_for_i=True)
            or name in en_rules().calendar_words)


def holdings(text: str, start: int, end: int) -> list[Candidate]:
    """A name right after "shares", "stake(s)" or "shareholder(s)" and "of" or "in" is a company (shares of
    Eramet rose; a 20% stake in Tianqi), and so are the names listed with it (``_held_names``) and a name right
    before "shares" and a move (Lynas shares jumped 10%; ``_mover``): only a company has shares. Not what
    ``_no_name`` rules out (shares in Hungary, a stake in Chinese miners, a stake in January), a name made of
    words news writes in lower case (Shares of Miners Rise, a Title Case headline), a name before 's (shares of
    Kestrel Haldane's parent: the parent's name is longer), or a name before a site or a built work (a stake in
    Oyu Tolgoi mine, in the Simandou project), whose owner is not named."""
    skip = set(en_rules().leading_stopwords) | set(en_rules().determiners)
    out: list[Candidate] = []
    for m in _patterns()["holding"].finditer(text, start, end):
        s = past_company_modifier(text, m.start(1), m.end(1))
        if s < m.end(1):
            out += _held_names(text, s, m.end(1), end, skip)
    for m in _patterns()["shares_moved"].finditer(text, start, end):
        s = past_company_modifier(text, m.start(1), m.end(1))
        if s < m.end(1):
            out += _mover(text, s, text[s:m.end(1)], skip)
    return out


def _a_company(name: str, skip: set[str]) -> bool:
    """Capitalised words a shares cue points at that may name a company: not what ``_no_name`` rules out, not
    ordinary words only (Mining shares fell), not one letter (H shares), not a mineral (Cobalt shares)."""
    words = name.split()
    return not (_no_name(name, skip) or all(_ordinary(w) for w in words) or len(name) < 2
                or name.lower() in _mineral_names_en())


@lru_cache(maxsize=1)
def _mineral_names_en() -> frozenset[str]:
    return frozenset(n.lower() for n in load_lexicon().en_names)


def _ordinary(word: str) -> bool:
    """A word English news writes in lower case (Mining, Police, Leading): capitalised only by position."""
    return word.lower() in common_words_en()


def _mover(text: str, s: int, name: str, skip: set[str]) -> list[Candidate]:
    """The company before "shares" and a move: the capitalised words, less those a sentence or a time opens it
    with (On Monday Kestrel shares, Friday Kestrel Haldane shares); none when a word left is an ordinary word or a
    nationality (Leading Russian shares, Mining shares)."""
    words = name.split()
    while words and (words[0] in skip or words[0] in en_rules().calendar_words):
        s += len(words[0]) + 1
        words = words[1:]
    if not words or not _a_company(" ".join(words), skip) or any(
            _ordinary(w) or demonym(w, country_for_i=True) for w in words):
        return []
    return [Candidate(s, s + len(" ".join(words)), "ORG", RULE, "en")]


def _held_names(text: str, s: int, e: int, end: int, skip: set[str]) -> list[Candidate]:
    """The name after a shares cue at text[s:e], and the names listed with it (shares of Pilbara Minerals,
    Liontown and IGO fell): each a company unless ``_a_company`` says otherwise or 's or a site or works noun
    follows it (Kestrel Haldane's parent; Oyu Tolgoi mine). A list goes on by commas and ends with "and"; names
    after a comma with no "and" to come are the clause's next words (a stake in Kestrel, Mark Smith said). The
    list stops at the first name that fails, or that holds a title or a hyphened word (Perth-based Iluka)."""
    titles = set(en_rules().title_words) | set(en_rules().leading_stopwords)
    seats = tuple(f"-{w}" for w in en_rules().seat_words)  # Perth-based: where the next company sits
    out: list[Candidate] = []
    commas: list[Candidate] = []  # names after a comma, kept once an "and" closes the list
    while True:
        name = text[s:e]
        if not _a_company(name, skip) or _POSSESSIVE_AT.match(text, e) or _works_after().match(text, e) or (
                out and any(w in titles or w.endswith(seats) for w in name.split())):
            return out
        if out and not text[:s].endswith(" and "):
            commas.append(Candidate(s, e, "ORG", RULE, "en"))
        else:
            out += [*commas, Candidate(s, e, "ORG", RULE, "en")]
            commas = []
        m = _MORE_NAMES.match(text, e, end)
        if m is None:
            return out
        s, e = m.span(1)


_POSSESSIVE_AT = latin_re(r"['\u2019]s\b")
_MORE_NAMES = latin_re(r"(?:, | and |, and )([A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,5})(?![\w\-])")


def employers(text: str, start: int, end: int) -> list[Candidate]:
    """The name a company officer's or an analyst's title follows, when a person's name comes after the title
    (Barrick chief executive Mark Bristow, Lehman analyst Blake Bath), and the name after "analysts at / with /
    from" (analysts at Macquarie): the employer, not a person. Not what ``_cued_names`` leaves out."""
    return _cued_names(text, start, end, ("employer", "analysts_at"))


def clause_companies(text: str, start: int, end: int) -> list[Candidate]:
    """The name before ", which owns / operates / is developing …" (``company_clause_verbs``) is a company
    (Kestrel, which owns the Marlow mine, said …): English writes "who" after a person, and what owns or operates
    is no mine; places are written so only as the states that own (``_cued_names`` leaves listed places out)."""
    return _cued_names(text, start, end, ("company_clause",))


def _cued_names(text: str, start: int, end: int, keys: tuple[str, ...]) -> list[Candidate]:
    """The names the patterns of ``keys`` capture, less a seat or owner word before them (London-listed …) and
    less what names no company: a listed place or a nationality (England manager, Zambian president), a name
    opened by a stop word, a determiner or a title, a mineral (Cobalt, which …), or a name whose words news
    writes in lower case, which at a sentence's start are ordinary words (Police spokeswoman Kim White, Club
    president; Former Glencore boss: one such word and the name is left alone)."""
    en = en_rules()
    skip = set(en.leading_stopwords) | set(en.determiners) | set(en.title_words)
    out: list[Candidate] = []
    for key in keys:
        for m in _patterns()[key].finditer(text, start, end):
            s = past_company_modifier(text, m.start(1), m.end(1))
            name = text[s:m.end(1)]
            if (not name or _no_name(name, skip) or any(_ordinary(w) for w in name.split())
                    or name.lower() in _mineral_names_en()):
                continue
            out.append(Candidate(s, m.end(1), "ORG", RULE, "en"))
    return out


@lru_cache(maxsize=2)
def _works_after(sites: bool = True) -> re.Pattern[str]:
    """Commodity words and then a works noun (… Simandou iron ore project, … the Kalgoorlie plant) or, with
    ``sites``, a site noun, singular or plural (… Oyu Tolgoi copper mine, … Kestrel Ridge mines)."""
    en = en_rules()
    goods = alternation(en.site_commodities + en.project_modifiers)
    nouns = alternation(en.works_nouns + (en.trailing_site_nouns if sites else []))
    return latin_re(rf"(?: (?:{goods})){{0,3}} (?:{nouns})s?\b", re.IGNORECASE if sites else 0)


_BASED_WORD = r"(?:[A-Z][\w&'\-]*[a-z0-9&]|[A-Z]{2,})"


@lru_cache(maxsize=1)
def _based_name() -> re.Pattern[str]:
    seats, owned = alternation(en_rules().seat_words), alternation(en_rules().owned_company_words)
    owner = r"[A-Z][\w.'&]*(?:-[A-Z][\w.'&]*)*"  # Rolls-Royce: a hyphened name's parts are capitalised
    return latin_re(rf"\b(?P<by>(?:{owner} ){{0,3}}{owner})-(?:{seats}|(?P<owner>{owned})) "
                      rf"(?P<name>{_BASED_WORD}(?: (?:(?:of|on|for) )?{_BASED_WORD}){{0,4}})(?![\w\-])")


_PT_COMPANY = latin_re(r"(?<![\w\-])PT (?:[A-Z][\w&'\-]*)(?: [A-Z][\w&'\-]*){0,4}(?: Tbk\.?)?(?![\w\-])")


def pt_companies(text: str, start: int, end: int) -> list[Candidate]:
    """An Indonesian company written with its legal form first (PT Freeport Indonesia, PT Vale Indonesia
    Tbk): PT and the capitalised words after it, as written."""
    return [Candidate(m.start(), m.end(), "ORG", RULE, "en") for m in _PT_COMPANY.finditer(text, start, end)]


def based_companies(text: str, start: int, end: int) -> list[Candidate]:
    """A name right after "<Place>-based" or "-listed" (``seat_words``) is an organisation (Singapore-based
    Winning Shipping, London-based Glencore, Hong Kong-listed Jiangxi Copper): news writes where a company sits
    or trades, not a person; and so is a name after "<Owner>-owned" (``owned_company_words``), or after
    "-controlled" when a listed institution controls it (Rio Tinto-controlled Turquoise Hill; not M23-controlled
    Rubaya, a town), but not a site's or a work's (Glencore-owned Mutanda mine, Rio Tinto-owned Kennecott
    Smelter) nor one a nationality opens (State-owned Indonesian miner). A name
    that holds a title word, is a listed place or opens with a determiner or a stop word (a Perth-based The
    company: no name) is left alone; a weekday or a month ends the name (Toronto-listed Andes Copper Ltd| on
    Friday)."""
    titles = set(en_rules().title_words)
    skip = set(en_rules().leading_stopwords) | set(en_rules().determiners)
    out: list[Candidate] = []
    calendar = frozenset(en_rules().calendar_words)
    for m in _based_name().finditer(text, start, end):
        words = m.group("name").split()
        if (cut := next((k for k, w in enumerate(words) if w in calendar), len(words))) < len(words):
            words = words[:cut]  # Andes Copper Ltd| on Friday: a date ends the name, and the word joining it
            while words and words[-1] in ("of", "on", "for"):
                words.pop()
            if not words:
                continue
        name = " ".join(words)
        s, e = m.start("name"), m.start("name") + len(name)
        if words[0] in skip or any(w in titles for w in words) or is_place(name):
            continue
        owner = m.group("owner")
        if owner and (_works_after().match(text, e) or _site_word(words[-1])
                      or demonym(words[0], country_for_i=True)):
            continue  # Glencore-owned Mutanda mine, State-owned Indonesian miner: a site, a nationality
        if owner == "controlled" and not _listed_company_en(m.group("by")):
            continue  # Rio Tinto-controlled Turquoise Hill; not M23-controlled Rubaya, a town armed men control
        out.append(Candidate(s, e, "ORG", RULE, "en"))
    return out


def _listed_company_en(words: str) -> bool:
    """The words, or their last ones (The Rio Tinto), are an institution the lists hold."""
    parts = words.split()
    return any(_listed_institution(" ".join(parts[k:])) for k in range(len(parts)))


def _listed_institution(name: str) -> bool:
    """The English lists hold the name as an institution (Glencore, Rio Tinto)."""
    entry = gazetteer().en.get(fold_en(name))
    return entry is not None and entry.label == "ORG"


def _site_word(word: str) -> bool:
    """A site or works noun, in any case (Kennecott Smelter, Olympic Dam Mine): a site's name ends in it."""
    return word.lower() in _site_nouns()


@lru_cache(maxsize=1)
def _site_nouns() -> frozenset[str]:
    en = en_rules()
    return frozenset(w.lower() for w in en.works_nouns + en.trailing_site_nouns)


@lru_cache(maxsize=2)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words the document writes in lower case: one scan per document, not one per run and company
    (a long document has a thousand runs)."""
    return frozenset(re.findall(latin(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])"), text))


def short_form_heads(text: str, orgs: Iterable[Candidate]) -> set[str]:
    """First words of companies named in full (Hengrui of Hengrui Lithium Group, Freeport of Freeport-McMoRan, where
    the text writes it as no place) that can stand alone: not a generic word, a place (but a county that the text
    writes only as a company's brand, ``_county_brand``), or a word the text also writes in lower case (General of
    General Motors)."""
    words = set(en_rules().company_words)
    lex_generic = set(en_rules().generic_words) | set(en_rules().leading_stopwords) | set(en_rules().determiners)
    shorts: set[str] = set()
    for c in orgs:
        parts = text[c.start:c.end].replace("\u2019s", "").replace("'s", "").split()
        joined = parts[0].split("-") if len(parts) == 1 else []
        if len(parts) >= 2 and all(p in words for p in parts[1:]) and parts[0][:1].isupper():
            head = parts[0]
        elif (len(joined) == 2 and all(p[:1].isupper() for p in joined) and c.source != MODEL
              and not _written_as_place(text, joined[0]) and not _named_as_person(text, joined[0])):
            head = joined[0]  # Freeport of Freeport-McMoRan, Sibanye of Sibanye-Stillwater; not "in Freeport, Texas"
        else:
            continue
        ordinary = head.lower() in _lower_case_words(text)
        place = is_place(head) and not _county_brand(text, head)
        if head not in lex_generic and not place and len(head) > 2 and not ordinary:
            shorts.add(head)
    return shorts


def _county_brand(text: str, head: str) -> bool:
    """A Chinese county or district the lists hold as a weak place (Zijin, Jinchuan, Tongwei) heads a company's
    name and the document never writes it as a place: no "Zijin County" nor "in Zijin". Such a county names its
    company far more often than itself in mining news."""
    place = gazetteer().en.get(fold_en(head))
    if place is None or place.strength != "weak" or place.kind not in ("county", "district"):
        return False
    return not _written_as_place(text, head)


def _written_as_place(text: str, word: str) -> bool:
    """The text writes the word as a place somewhere: after a preposition of place and not as the start of a
    longer name (in Zijin, near Freeport; not in Zijin Mining) or before county or district (Zijin County,
    Zijin, a county in Fujian)."""
    w = re.escape(word)
    return re.search(latin(rf"\b(?:in|at|near|from) {w}\b(?! [A-Z])|\b{w},? (?:an? )?(?:[Cc]ounty|[Dd]istrict)\b"),
                     text) is not None


def short_forms(text: str, start: int, end: int, orgs: Iterable[Candidate]) -> list[Candidate]:
    """The first word of a company named in full (``short_form_heads``), where it stands alone
    elsewhere in the run: not glued to another capitalised word."""
    out: list[Candidate] = []
    for short in short_form_heads(text, orgs):
        for m in re.finditer(latin(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])(?! [A-Z])"), text[start:end]):
            s = start + m.start()
            if s > 0 and re.search(latin(r"[A-Z][\w\-]* $"), text[max(0, s - 30):s]):
                continue  # glued to a capitalised word before it
            out.append(Candidate(s, s + len(short), "ORG", RULE, "en"))
    return out


_NAME = r"[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}"


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    en = en_rules()
    nouns = alternation(en.company_nouns)
    places = alternation(en.place_nouns)
    before = latin_re(rf"\b(?:{nouns}) ({_NAME})(?=[\s,.;:)]|$)")
    # the words between may hold a possessive or a rank ("the world's No. 2 copper miner") but no preposition
    # ("an analyst at a Shanghai brokerage": the noun heads the prepositional phrase, not the apposition), and the
    # noun is the apposition's own, not an owner ("Smith, the company's chief executive")
    between = r"(?:(?!(?:at|of|in|for|with|on|by|from|to)\b)[\w\-'\u2019.]+ )"
    after = latin_re(rf"(?<![\w\-])({_NAME}), (?:a|an|the) {between}{{0,4}}(?:{nouns})\b(?!['\u2019]s\b)")
    place = latin_re(rf"\b(?:(?:{places}) of|the capital,) ([A-Z][a-z\-]+(?: [A-Z][a-z\-]+)?)"
                       rf"(?: and ([A-Z][a-z\-]+(?: [A-Z][a-z\-]+)?))?")
    return before, after, place


# a medium named right before the noun of its kind, a word or two of its beat between (the Bernama news agency,
# the Nikkei business daily, Lusa news agency); "daily" and "weekly" only as nouns, before what a medium does or a
# stop (not "Average daily shipments"); not before a name the noun introduces (the Yugoslav news agency Tanjug)
# a possessive, a name's particle or a joining word before the name found: it starts further back (People's Daily,
# Zeri i Popullit, Globe and Mail)
_MEDIA_NAME_GOES_BACK = latin_re(r"(?:(?P<owner>[A-Z][\w\-]*)['\u2019]s|[A-Z][\w\-]* (?:and|of|&)|"
                                   r"[A-Z][\w\-]* (?!(?:the|an?|of|to|by|at|in|on|for|and|or|as)\b)[a-z]{1,3}) $")
_MEDIA_VERBS = "said|says|reported|reports|quoted|quotes|wrote|writes|cited|cites|added|carried|published"
_MEDIA_BEFORE = latin_re(rf"(?<![\w\-'\u2019])({_NAME}) (?:(?:business|financial|economic|official|state|"
                           rf"national|online|evening|morning|[a-z]+-language|[a-z]+-run) ){{0,2}}"
                           rf"(news agency|newswire|wire service|news service|newspaper|magazine|broadcaster|"
                           rf"news website|news portal|tabloid|"
                           rf"(?:daily|weekly)(?=[ \t]*[,.;:]|[ \t]+(?:{_MEDIA_VERBS})\b))\b(?![ \t]+[A-Z])")
# before "daily" or "weekly" the name stands after a determiner, a possessive or at a sentence's start (the Nikkei
# business daily; not "trains run to Lobito weekly")
_NOUN_DAILY_BEFORE = latin_re(r"(?:^|[.!?:;,\"\u201c(]\s*|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+|['\u2019]s\s+)$")
_EVENT_ENDS = ("Games", "Cup", "Olympics", "Championship", "Championships", "Open", "Festival", "Expo")


def appositions(text: str, start: int, end: int) -> list[Candidate]:
    """Names a common noun says the kind of: a company (producer Redstone Lithium; Hebei Xinyuan, a
    Chinese zinc producer), a medium before its kind (the Bernama news agency, the Nikkei business daily), a
    place (the towns of Ndola and Mufulira; the capital, Harare; the Maputo government)."""
    before, after, place = _role_patterns()
    titles = set(en_rules().title_words) | set(en_rules().leading_stopwords) | set(en_rules().determiners)
    out: list[Candidate] = []
    for pat in (before, after):
        for m in pat.finditer(text, start, end):
            if m.group(1).split()[0] not in titles and not is_place(m.group(1)):
                out.append(Candidate(m.start(1), m.end(1), "ORG", RULE, "en"))
    for m in place.finditer(text, start, end):
        out += [Candidate(m.start(k), m.end(k), "LOC", RULE, "en") for k in (1, 2) if m.group(k)]
    calendar = set(en_rules().calendar_words)
    openers = set(en_rules().leading_stopwords) | set(en_rules().determiners)
    event_heads = set(en_rules().event_heads)
    for m in _MEDIA_BEFORE.finditer(text, start, end):
        s, words = m.start(1), m.group(1).split()
        determined = False
        while len(words) > 1 and words[0] in openers:  # The Nikkei business daily: the sentence's first word
            s += len(words.pop(0)) + 1
            determined = True
        name = " ".join(words)
        if words[0] in titles or words[-1] in calendar or is_place(name) or demonym(words[-1], country_for_i=True):
            continue  # the Sunday newspaper, a Hong Kong newspaper, a South African daily
        hyphened = re.search(latin(r"-[a-z]"), name)
        if hyphened or (len(words) == 1 and not determined and name.lower() in common_words_en()):
            continue  # the Chinese-language newspaper, a Beijing-based magazine; Regional broadcaster (not The Times)
        if words[-1] in _EVENT_ENDS or words[-1] in event_heads:
            continue  # the Olympic Games broadcaster
        if m.group(2) in ("daily", "weekly") and not _NOUN_DAILY_BEFORE.search(text, max(0, s - 12), s):
            continue  # Ore trains run to Lobito weekly: an adverb
        back = _MEDIA_NAME_GOES_BACK.search(text, max(0, s - 30), s)
        if back and not (back.group("owner") and is_place(back.group("owner"))):
            continue  # People's Daily, Globe and Mail: the name starts further back (not Japan's Nikkei)
        out.append(Candidate(s, m.end(1), "ORG", RULE, "en"))
    for m in re.finditer(latin(r"\b[Tt]he ([A-Z][a-z]+) government\b"), text[start:end]):
        if is_place(m.group(1)):  # "the Kigali government"; not "the Zambian" or "the Morrison government"
            out.append(Candidate(start + m.start(1), start + m.end(1), "LOC", RULE, "en"))
    return out


@lru_cache(maxsize=1)
def _enumerated() -> re.Pattern[str]:
    heads = alternation(en_rules().enumerated_heads)
    word = r"[A-Z][\w'\-]*"
    items = rf"{word}(?: {word})?(?:, {word}(?: {word})?){{1,6}}"
    return latin_re(rf"(?<![\w\-])({items},? and (?:{word} ){{0,3}}(?:{heads}))\b")


def enumerated_bodies(text: str, start: int, end: int) -> list[Candidate]:
    """A body named by the list of its fields (Chifeng Culture, Tourism, Radio, Film and Television
    Bureau): capitalised items joined by commas and "and", ending in a government head word."""
    lead = set(en_rules().leading_stopwords) | set(en_rules().determiners) | set(en_rules().title_words)
    out: list[Candidate] = []
    for m in _enumerated().finditer(text, start, end):
        s = m.start(1)
        first = m.group(1).split()[0].rstrip(",")
        if first in lead or is_place(m.group(1).split(",")[0]):
            continue  # "Beijing, Shanghai and Tianjin Municipal Bureau" lists places, not fields
        out.append(Candidate(s, m.end(1), "ORG", RULE, "en"))
    return out


# A capitalised word, its hyphenated parts capitalised too: not "Coal-rich", not a possessive ("China's state").
_PLACE_NAME_WORD = rf"{CAPITALISED}(?:-{CAPITALISED})*"
_PARTICLE_BEFORE = latin_re(r"[A-Z][\w\-]* (?!and |or )[a-z]{1,3} $")  # de, do, la; not a conjunction


@lru_cache(maxsize=1)
def _designated() -> re.Pattern[str]:
    en = en_rules()
    nouns = alternation(en.trailing_place_nouns)
    sites = alternation(en.trailing_site_nouns)
    goods = alternation(en.site_commodities)
    commodity_sites = alternation(en.commodity_site_nouns)  # its Lefa bauxite concession
    return latin_re(rf"(?<![\w\-'\u2019])((?:{_PLACE_NAME_WORD} ){{0,2}}{_PLACE_NAME_WORD}) "
                      rf"(?:(?:{nouns})|(?:(?:{goods}) ){{0,2}}(?:{sites})"
                      rf"|(?:(?:{goods}) ){{1,2}}(?:{commodity_sites}))(?P<plural>s)?(?![\w\-])")


_NAMES_JOINED = latin_re(rf"((?:{_PLACE_NAME_WORD} ){{0,2}}{_PLACE_NAME_WORD})(?:, | and |, and )$")


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    """Words of institutions, companies, sites, titles and generic nouns: never part of a person's or a
    place's name (also used by ``agree_en``)."""
    en = en_rules()
    return frozenset(en.org_heads + en.company_words + en.generic_words + en.title_words + en.site_heads)


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    en = en_rules()
    return institution_words() | frozenset(en.place_designators + en.leading_stopwords + en.determiners)


def designated_places(text: str, start: int, end: int) -> list[Candidate]:
    """A name before a lower-case place or site noun is that place (mayor of Tarrow city; Sonora state; the
    Greenbushes lithium mine), unless it is a listed institution (a Glencore mine). Leading
    function words and nationality adjectives are not part of it ("the Zambian Copperbelt province"); a name
    holding an institution, title or generic word is left alone ("Party committee", "Provincial town"). Before a
    plural site noun the names joined to it are sites too (``_joined_sites``), and one name alone is none."""
    bad = _not_place_words()
    out: list[Candidate] = []
    for m in _designated().finditer(text, start, end):
        words = m.group(1).split(" ")
        s = m.start(1)
        if _PARTICLE_BEFORE.search(text, max(start, s - 30), s) or _conjoined_place(text, start, s, m.group(1)):
            continue  # the end of a longer name: "Rio de Janeiro state", "Bosnia and Herzegovina state"
        while words and (words[0] in bad or demonym(words[0], country_for_i=True)):
            s += len(words[0]) + 1
            words = words[1:]
        if not words or any(w in bad or demonym(w, country_for_i=True) for w in words):
            continue
        if _listed_institution(" ".join(words)):
            continue  # a Glencore mine: the owner, not the site's name
        if not m.group("plural"):
            out.append(Candidate(s, m.end(1), "LOC", RULE, "en"))
        elif joined := _joined_sites(text, start, s, bad):  # one name before a plural is no site (Demand deposits)
            out += [Candidate(s, m.end(1), "LOC", RULE, "en"), *joined]
    return out


def _joined_sites(text: str, start: int, s: int, bad: frozenset[str]) -> list[Candidate]:
    """The names joined to the last one before a plural site noun (the Tenke Fungurume and Kisanfu mines; the
    Kolwezi, Mutanda and Kamoto mines): each is a site of its own, read right to left while a comma or "and"
    joins them. A name holding an institution or generic word, a listed institution or a nationality ends
    the list (the Glencore and Kisanfu mines: the owner's). The list must open with a determiner or an owner's
    possessive (the, its, Glencore's): without one, names before plural mines are as often their owners
    (output at Ivanhoe and Zijin mines)."""
    out: list[Candidate] = []
    while (m := _NAMES_JOINED.search(text, max(start, s - 80), s)) is not None and m.end() == s:
        a, words = m.start(1), m.group(1).split(" ")
        if words[0] in _function_words():  # The Kansanshi and …: the determiner opens the list, at a sentence's start
            a, words = a + len(words[0]) + 1, words[1:]
        if not words or any(w in bad or demonym(w, country_for_i=True) for w in words) or _listed_institution(
                " ".join(words)):
            break
        out.append(Candidate(a, m.end(1), "LOC", RULE, "en"))
        s = a
    return out if _OPENS_SITE_LIST.search(text, max(start, s - 12), s) else []


@lru_cache(maxsize=1)
def _operated() -> re.Pattern[str]:
    name = rf"(?:{_PLACE_NAME_WORD} ){{0,2}}{_PLACE_NAME_WORD}"
    nouns = alternation(en_rules().operation_nouns)
    return latin_re(rf"(?:\b(?:[Ii]ts|[Tt]heir)|['\u2019]s|s['\u2019]) (?P<names>{name}(?:(?:, | and |, and ){name})*)"
                    rf" (?:{nouns})(?![\w\-])")


def operated_sites(text: str, start: int, end: int) -> list[Candidate]:
    """The names between an owner's word and "operations" are its sites, places (its Mufulira and Nkana
    operations, Vale's Sorowako operation); a name holding an institution or generic word, a nationality, a
    mineral or a listed institution is none (its Zambian operations, its Copper operations, its Glencore
    operations: the owner's)."""
    bad = _not_place_words()
    out: list[Candidate] = []
    for m in _operated().finditer(text, start, end):
        s = m.start("names")
        for part in re.finditer(rf"{_PLACE_NAME_WORD}(?: {_PLACE_NAME_WORD}){{0,2}}", m.group("names")):
            words = part.group().split(" ")
            if any(w in bad or demonym(w, country_for_i=True) or w.lower() in _mineral_names_en() for w in words) or (
                    _listed_institution(part.group())):
                continue
            out.append(Candidate(s + part.start(), s + part.end(), "LOC", RULE, "en"))
    return out


def _conjoined_place(text: str, start: int, s: int, name: str) -> bool:
    """The name at s ends a listed place joined by "and" (Bosnia and Herzegovina, Trinidad and Tobago)."""
    m = re.search(latin(r"((?:[A-Z][\w\-]* ){0,2}[A-Z][\w\-]*) and $"), text[max(start, s - 40):s])
    return m is not None and any(is_place(" ".join(m.group(1).split()[k:]) + " and " + name)
                                 for k in range(len(m.group(1).split())))


_OPENS_SITE_LIST = latin_re(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)|['\u2019]s|s['\u2019]) $")


_MINISTER_AFTER = latin_re(r" (?:Minister|Secretary|minister|secretary)\b")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(en_rules().leading_stopwords + en_rules().determiners)


# a possessive determiner (and one adjective) before a work: the name after it is the work's (its existing Wodgina
# Road concentrator, their Onslow Iron project)
_OWNED_BEFORE = latin_re(r"\b(?:its|their|our)\s+(?:[a-z][\w\-]*\s+)?$")


def in_project_name(text: str, c: Candidate) -> bool:
    """A place, person or institution name right before "project" or a built work (``works_nouns``; commodity
    words may stand between: the Simandou iron ore project, the Kathleen Valley lithium project, the Kalgoorlie
    plant, its Onslow Iron project) is part of the work's name, not a mention (dev conventions 7), unless the
    document writes the same name elsewhere on its own (not inside a longer capitalised name such as Winning
    Consortium Simandou). An institution's name is the work's only after "its" / "their" (its Onslow Iron
    project): after "a" or "the" it is as often the owner (a Samsung plant, the Kazzinc smelter), and so is one a
    list holds or whose name holds an institution's word (the Rio Tinto plant, the Kestrel Mining smelter)."""
    after = _works_after(sites=False)
    if c.label not in ("LOC", "PERSON", "ORG") or not after.match(text, c.end):
        return False
    name = text[c.start:c.end]
    if c.label == "ORG" and (_listed_institution(name) or any(w in institution_words() for w in name.split())
                             or not _OWNED_BEFORE.search(text, max(0, c.start - 30), c.start)):
        return False  # the Rio Tinto plant, a Samsung plant: the owner's name; only "its" owns the work named
    for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
        word = re.search(latin(r"([A-Z][\w\-]*) $"), text[max(0, m.start() - 30):m.start()])  # Consortium Simandou
        inside = word is not None and word.group(1) not in _function_words()
        if not after.match(text, m.end()) and not inside:
            return False
    return True


def portfolio(text: str, c: Candidate) -> bool:
    """A model's institution that is a minister's portfolio (Zimbabwe's Mines Minister, Energy Secretary):
    capitalised words right before Minister or Secretary, none an institution head or a listed name."""
    words = text[c.start:c.end].split()
    if c.label != "ORG" or len(words) > 3 or not _MINISTER_AFTER.match(text, c.end):
        return False
    heads = set(en_rules().org_heads)
    return not any(w in heads or fold_en(w) in gazetteer().en for w in words)


_LIST = latin_re(rf"(?<![\w\-])({_NAME}(?:, {_NAME}){{1,6}},? and {_NAME})(?![\w\-])")
_ITEM = latin_re(_NAME)


def listed_with_companies(text: str, start: int, end: int, orgs: Iterable[Candidate]) -> list[Candidate]:
    """A name listed with companies is a company ("Ganfeng, Tianqi and Yahua reported lower profits"): in a list
    of names joined by commas and "and" where at least two items are organisations (found so far or listed),
    the items no list holds as anything are organisations too, and so are listed ones a model read otherwise
    (Vale, a weak entry, is also a surname). Not an item that is a place, a title or a function word, nor an
    unlisted one of several words (a person's full name may stand among companies as an owner) or a Chinese
    surname (Zhang, Li)."""
    known = {(c.start, c.end) for c in orgs}
    listed = gazetteer().en
    skip = set(en_rules().title_words) | set(en_rules().leading_stopwords) | set(en_rules().determiners)
    surnames = pinyin_names().surnames  # "Glencore, BHP, Zhang and Li met": persons by their surnames
    out: list[Candidate] = []
    for m in _LIST.finditer(text, start, end):
        items = [(i.start(), i.end(), listed.get(fold_en(i.group())))
                 for i in _ITEM.finditer(text, m.start(1), m.end(1))]
        if sum((a, b) in known or (e is not None and e.label == "ORG") for a, b, e in items) < 2:
            continue
        out += [Candidate(a, b, "ORG", RULE, "en") for a, b, e in items if (a, b) not in known and (
            (e is not None and e.label == "ORG") or (e is None and " " not in text[a:b] and text[a:b] not in skip
                                                     and text[a:b].lower() not in surnames))]
    return out


_PAIR = latin_re(rf"(?<![\w\-])({_NAME}) and ({_NAME})(?![\w\-])")


def listed_with_places(text: str, start: int, end: int, orgs: Iterable[Candidate] = ()) -> list[Candidate]:
    """Names listed after a locative with a place are places ("by road to Durban, Richards Bay, Saldanha and
    Ngqura", "railed to Walvis Bay and Lobito"): in a list right after a locative where at least one item is a
    place of the gazetteer or the town list, the items no list holds as an institution are places too; not an item
    that is a title, a function word, a Chinese surname or holds an institution's word; an item no list holds only
    beside two places (Ngqura; not Transnet in "to Durban and Transnet"); no list that holds an institution (talked
    to Vale, Harmony and Kumba; plants in Durban, Cape Town and Sasol), nor one after "at" or in a match."""
    listed = gazetteer().en
    skip = set(en_rules().title_words) | _function_words()
    banned = institution_words()
    known = {(c.start, c.end) for c in orgs}  # an institution found so far (plants in Durban, Cape Town and Sasol)
    surnames = pinyin_names().surnames
    out: list[Candidate] = []
    for m in itertools.chain(_LIST.finditer(text, start, end), _PAIR.finditer(text, start, end)):
        if not _located(text, m.start()) or _AT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # not after "at" (job cuts at …) or in a match (lost to Leeds and Wigan)
        items = [(i.start(), i.end(), listed.get(fold_en(i.group())))
                 for i in _ITEM.finditer(text, m.start(), m.end())]
        places = [(a, b) for a, b, e in items if (e is not None and e.label == "LOC") or town_only(text[a:b])]
        if any((e is not None and e.label == "ORG") or ((a, b) in known and (a, b) not in places) for a, b, e in items):
            continue  # a list with an institution in it (talked to Vale, Harmony and Kumba), not a town read as one
        if not places:
            continue
        out += [Candidate(a, b, "LOC", RULE, "en") for a, b, e in items
                if ((a, b) in places or (e is None and len(places) >= 2 and (a, b) not in known))
                and text[a:b] not in skip and text[a:b].lower() not in surnames
                and not any(w in banned for w in text[a:b].split())]
    return out


def candidates(text: str, start: int, end: int, orgs: Iterable[Candidate]) -> list[Candidate]:
    """All of the above in the English run text[start:end]; ``orgs`` are institution names found so far."""
    return (outlets(text, start, end) + datelines(text, start, end) + dated_lines(text, start, end)
            + state_long_forms(text, start, end)
            + regions(text, start, end)
            + sites(text, start, end) + delegations(text, start, end) + acronym_companies(text, start, end)
            + based_companies(text, start, end) + pt_companies(text, start, end) + holdings(text, start, end)
            + employers(text, start, end) + clause_companies(text, start, end)
            + short_forms(text, start, end, orgs) + appositions(text, start, end)
            + enumerated_bodies(text, start, end) + designated_places(text, start, end)
            + near_places(text, start, end) + located_places(text, start, end)
            + site_places(text, start, end) + operated_sites(text, start, end)
            + listed_with_companies(text, start, end, orgs) + listed_with_places(text, start, end, orgs))


# title words that name a rank or a role a company holds too (market leader Vale, the sector's chief)
_ROLE_WORDS = frozenset({"leader", "head", "member", "members", "chief", "executive", "deputy", "vice",
                         "representative", "delegate", "expert", "officer", "shares"})
_APPOSED_PERSON = latin_re(r",\s+who\b|,\s+(?:an?|the)\s+(?P<words>(?:[\w\-]+\s+){0,3}[a-z]+)\b")


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    rules = en_rules()
    words = [*rules.title_words, *rules.analyst_words, *rules.acronym_title_words, *rules.employer_titles]
    return frozenset(w.lower() for w in words if " " not in w) - _ROLE_WORDS


def _named_as_person(text: str, word: str) -> bool:
    """Some use of the word standing alone in the text is a person's: a title, a job noun or an honorific before it
    (Mr Vale, analyst Barrick, Judge Vale, General Vale; not a role a company holds: market leader Vale), or
    ", who" or an apposition with a person noun after it (Teck, an analyst at CRU). A use inside a longer name
    (Barrick Gold) says nothing."""
    people, honorifics = _person_words(), person_honorifics()
    for s, e in _uses(text, word):
        before = text[max(0, s - 40):s].split()
        last = before[-1].strip("\"'\u201c\u201d,") if before else ""
        if last.lower() in people or last in honorifics:
            return True
        apposed = _APPOSED_PERSON.match(text, e)
        if apposed and (apposed.group("words") is None or set(apposed.group("words").lower().split()) & people):
            return True  # ", who"; Teck, an analyst at CRU; Timmins, a veteran bullion analyst
    return False


def listed_company_read_as_person(text: str, c: Candidate, persons: Iterable[tuple[int, int]]) -> bool:
    """A one-word person the model reads that the lists hold as a company's short form weakly, as it is a surname
    or a given name too (Barrick, Teck, Huayou), is the company where the document names no person so: no full
    name ending in it (John Barrick) and no use of it as a person's anywhere (``_named_as_person``: Mr Barrick,
    analyst Teck, ", who")."""
    span = text[c.start:c.end]
    if c.label != "PERSON" or not span.isalpha() or not span[:1].isupper():
        return False
    entry = gazetteer().en.get(fold_en(span))
    if entry is None or entry.label != "ORG" or entry.kind != "company" or entry.strength != "weak":
        return False
    if any(b - a > len(span) and text[a:b].endswith(" " + span) for a, b in persons):
        return False
    return not _named_as_person(text, span)


def headline_words(text: str, c: Candidate) -> bool:
    """A model person of three words or more that are all words English news writes in lower case (Floods Hit
    Crops, Prices Rise Again): a Title Case headline, no one's name (a name has at least one word of its own)."""
    words = text[c.start:c.end].split()
    common = common_words_en()
    return c.label == "PERSON" and len(words) >= 3 and all(
        len(w.strip(".")) > 1 and w.lower().strip(".,'") in common for w in words)  # Mark A. Young: an initial


# what a company does in market news, rarely a town (Fresnillo posted a rise, Salzgitter declined to comment)
_COMPANY_VERBS = ("posted|reported|declined|announced|agreed|signed|sold|bought|acquired|expects|expected|plans|"
                  "planned|cut|raised|lowered|reaffirmed|forecast|guided|listed|merged|shipped")


@lru_cache(maxsize=1)
def _town_not_place_after() -> re.Pattern[str]:
    """What makes a town's name something else when it follows: a verb of what a company or person says, does in
    market news or of a share price (Woodside said, Coronado also said, Fresnillo posted, Coronado rose), a
    benchmark or market word (Brent crude, Dubai futures), a possessive before an officer or the shares
    (Woodside's chief executive), or a ticker in brackets (Fresnillo (FRES.L))."""
    rules = en_rules()
    verbs = alternation([*rules.reporting_verbs, *rules.share_moves])
    officers = alternation([*rules.employer_titles, "shares", "share price", "board"])
    market = "crude|futures|benchmark|blend|premium|spread|contracts?|index|shares|stock"
    between = r"(?:[ \t]+(?:also|has|had|have|will|would|could|may|might|then|later|earlier|[a-z]+ly))?"
    return latin_re(rf"(?:['\u2019]s[ \t]+(?:{officers})|{between}[ \t]+(?:{verbs}|{_COMPANY_VERBS})|"
                      rf"[ \t]+(?:{market}))\b|[ \t]*\([A-Z0-9]{{2,6}}(?:\.[A-Z]{{1,3}})?\)")


def town_only(span: str) -> bool:
    """The town list holds the name and the gazetteer does not (a listed place is the lists' to read)."""
    key = fold_en(span)
    return key in towns_en() and key not in gazetteer().en


def town_read_otherwise(text: str, c: Candidate, persons: Iterable[tuple[int, int]],
                        names: Iterable[tuple[int, int, str]]) -> bool:
    """A weak place of the town list (``lexicon.towns_en``) that the document reads as something else: the name of
    a project or works (the Caldera project, the Kalgoorlie plant), a word the model or a rule reads as an
    institution or a person at another use, a person's by a title or apposition (``_named_as_person``); unless a
    locative stands before this use (prices in Kolwezi, the mayor of Kitwe), a company or a person speaking or a
    share moving at any use standing alone (``_speaks_somewhere``), a person's name the document gives in full
    (Nick Griffin … Griffin); an item of a list whose neighbour is an institution or a person (Thyssenkrupp,
    Salzgitter and Voestalpine). ``persons``: the spans of persons; ``names``: (start, end, label) of persons and
    institutions."""
    span = text[c.start:c.end]
    if not (c.weak and c.label == "LOC" and town_only(span)):
        return False
    names = list(names)
    same = {label for a, b, label in names if text[a:b] == span}
    if "ORG" in same or ("PERSON" in same and not _placed_somewhere(text, span)):
        return True  # Fresnillo the model reads as a company elsewhere; Mackay as a person, and nothing places it
    if in_project_name(text, c) or _named_as_person(text, span):
        return True  # the Caldera project; Timmins, a veteran analyst
    if not _located(text, c.start) and (_speaks_somewhere(text, span) or _borne_by_a_person(text, span, persons)):
        return True
    joined_after = re.match(r"(?:,|,? and|,? or) ", text[c.end:c.end + 6])
    joined_before = re.search(r"(?:,|,? and|,? or) $", text[max(0, c.start - 6):c.start])
    for a, b, _ in names:
        if (joined_after and a == c.end + joined_after.end()) or (
                joined_before and b == c.start - len(joined_before.group())):
            return True
    return False


def model_person_is_town(text: str, c: Candidate, persons: Iterable[tuple[int, int]],
                         names: Iterable[tuple[int, int, str]]) -> bool:
    """A one-word person the model reads that the town list holds (Kitwe in "Kitwe has grown …" where the document
    also writes "mines near Kitwe") is the town where the document places it and never uses it as a person's: a
    locative before some use (``_placed_somewhere``); no full name holding it (Ellen Kitwe), no title, honorific
    or person apposition (``_named_as_person``), no use speaking or spoken of; and the town there is not one the
    document reads otherwise (``town_read_otherwise``). The caller keeps the weak town the gazetteer proposed."""
    span = text[c.start:c.end]
    persons, names = list(persons), list(names)
    if (c.label != "PERSON" or not all(part.isalpha() for part in span.split()) or not town_only(span)
            or not _placed_somewhere(text, span)):  # Richards Bay too
        return False
    if _borne_by_a_person(text, span, persons) or _speaks_somewhere(text, span):
        return False  # wherever this use stands; a title or apposition is town_read_otherwise's to find
    town = Candidate(c.start, c.end, "LOC", c.source, c.lang, weak=True)
    return not town_read_otherwise(text, town, persons, [n for n in names if n[:2] != (c.start, c.end)])


def model_org_is_city(text: str, c: Candidate) -> bool:
    """A one-name institution the model reads that the gazetteer lists as a city (or the town list as a town) is the
    place where the text uses it as one: after a locative (the government in Bamako, officials in Lusaka), before
    "-based" or a government noun (a Santiago-based broker, the Lusaka government): a capital that stands for its
    government is a place (CONVENTIONS 9); unless the document writes the name as a company's (Antofagasta Plc,
    a copper miner; ``_written_as_company``). A city's name that speaks with no such use is as often a company or
    a club (Halifax raised rates, Phoenix said). The caller keeps the weak city the gazetteer proposed."""
    span = text[c.start:c.end]
    if c.label != "ORG" or _written_as_company(text, span):
        return False
    entry = gazetteer().en.get(fold_en(span))
    if entry is not None and entry.label == "LOC" and entry.kind in ("city", "division"):  # in Oruro too
        return _located(text, c.start) or _CITY_USE_AFTER.match(text, c.end) is not None
    # a town of the town list only where this use has a locative (shipped to Durban, protests in Oruro) and no
    # use speaks (Durban said): the model reads a town it does not know as an institution as often as a place
    return (town_only(span) and _located(text, c.start) and not _AT_BEFORE.search(text, max(0, c.start - 16), c.start)
            and not _speaks_somewhere(text, span))


# before a town the model reads as an institution, "at" is as often an employer's (job cuts at Kumba) and "to" a
# match's (at home to Derby, lost to Leeds)
_AT_BEFORE = latin_re(r"\b(?:at|(?:at home|lost|lose|loses|losing|beaten|drew|drawn) to)[ \t]+(?:the[ \t]+)?$")


# after a city read as a place: "-based", or the government or authorities it names (the Lusaka government)
_CITY_USE_AFTER = latin_re(r"-based\b|\s+(?:government|authorities|administration|officials)\b")


_LOCATIVE_BEFORE = latin_re(r"(?:\b(?:in|at|near|from|to|around|outside|across|"
                              r"(?:towns?|city|cities|mayor|residents|people|provinces?|regions?|outskirts|"
                              r"centre|center|streets|ports?|areas?) of)(?:[ \t]+the)?"
                              r"|\b(?:capital|town|city|village|port))[ \t]+$")
_SAID_BEFORE = latin_re(r"\b(?:said|says|told|according to|added|asked)[ \t]+$")
_HOLDING_BEFORE = latin_re(r"\b(?:(?:shares?|stakes?|investors?|investments?|interests?|holdings?|invested|"
                             r"investing) in|(?:sold|sell|sells|selling|offer|offers|bid|bids)(?: \w+)? "
                             r"(?:to|for|from)|according to)[ \t]+(?:the[ \t]+)?$")
_CLAUSE_ENDS = latin_re(r"[ \t]*(?:[,.;:!?)\"\u201d]|$)")


def _located(text: str, start: int) -> bool:
    """A locative stands right before the use at start (in Kolwezi, at the Kitwe depot, the mayor of Kitwe, the
    capital Lusaka); not a preposition of a holding, a sale or a source (shares in Fresnillo, sold to Eldorado,
    according to Mackay)."""
    m = _LOCATIVE_BEFORE.search(text, max(0, start - 16), start)
    return m is not None and not _HOLDING_BEFORE.search(text, max(0, m.start() - 24), m.end())


def _uses(text: str, word: str) -> Iterator[tuple[int, int]]:
    """The uses of the word standing alone (not inside a longer capitalised name)."""
    for m in re.finditer(latin(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])(?! [A-Z])"), text):
        yield m.start(), m.end()


_PLACE_LIST_ITEM = r"[A-Z][\w\-]*(?: [A-Z][\w\-]*)?"


@lru_cache(maxsize=64)  # asked once per use of a town in a document, answered once per document and word
def _placed_somewhere(text: str, word: str) -> bool:
    """Some use of the word has a locative before it (mines near Kitwe, the capital Grozny, at the Charleroi
    police headquarters) or is an item of a list next to a listed place (Athens and Thessaloniki)."""
    for s, e in _uses(text, word):
        if _located(text, s):
            return True
        before = re.search(rf"({_PLACE_LIST_ITEM})(?:, | and |, and )$", text[max(0, s - 40):s])
        after = re.match(rf"(?:, | and |, and )({_PLACE_LIST_ITEM})", text[e:e + 40])
        if any(m and is_place(m.group(1)) for m in (before, after)):
            return True
    return False


@lru_cache(maxsize=64)
def _speaks_somewhere(text: str, word: str) -> bool:
    """Some use of the word standing alone, with no locative before it, speaks or is a share that moves (Torres
    said, Woodside's chief executive, Brent crude; ``_town_not_place_after``) or is the speaker named after a
    speech verb (said Torres., according to Torres,): then the word names a person or a company. Not "said
    Kolwezi would …": there the word opens the clause said."""
    for s, e in _uses(text, word):
        if _located(text, s):
            continue
        said = _SAID_BEFORE.search(text, max(0, s - 16), s) and _CLAUSE_ENDS.match(text, e)
        if said or _town_not_place_after().match(text, e):
            return True
    return False


def _borne_by_a_person(text: str, word: str, persons: Iterable[tuple[int, int]]) -> bool:
    """A person of two words or more holds the word, accents and hyphens aside (José Cárdenas, Ana Torres-Vila)."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    for a, b in persons:
        parts = re.split(r"[\s\-]+", unicodedata.normalize("NFKD", text[a:b]).encode("ascii", "ignore").decode())
        if len(parts) > 1 and folded in parts:
            return True
    return False
