"""English rules: complete institution names, find pinyin person names, tidy model spans.

Why: the small English model cuts long institution names ("Magnetic Materials Research Institute of Baotou
Rare Earth Research Institute"), misses pinyin names and tags places or units as people ("Inner
Mongolia", "Hangzhou Branch"). The institution grammar here joins capitalised phrases with "of", "and",
"for", a parent after a comma ("..., Chinese Academy of Sciences") and a place in brackets ("(Beijing)"),
and calls the result an organisation when it holds a head word (Institute, Bureau, Co., Ltd., ...).
Titles ("Deputy Secretary of ...") are never part of a name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipeline.minerals.lexicon import load_lexicon
from pipeline.ner import particles_en
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
)
from pipeline.text.scripts import LATIN_LOWER, LATIN_UPPER, latin, latin_re

# latin_re: accented letters are letters too (Santo Tomás is one word, not Tom + á + s)
_TOKEN = latin_re(
    r"(?P<co>Co\.,?\s?Ltd\.?)"
    r"|(?P<paren>\([^()\n]{1,40}\))"
    r"|(?P<word>[A-Za-z0-9][A-Za-z0-9&\-]*(?:['\u2019\u2018]s\b)?)"
    r"|(?P<comma>,)"
    r"|(?P<amp>&)"
    r"|(?P<other>[^\sA-Za-z0-9])"
)
_POSSESSIVE = latin_re(r"['\u2019\u2018]s$")
_ACRONYM = latin_re(r"^[A-Z][A-Z&]{1,7}$")


@dataclass(frozen=True)
class _Lex:
    heads: frozenset[str]
    sub_units: frozenset[str]
    parents: frozenset[str]
    generic: frozenset[str]
    weak_heads: frozenset[str]
    titles: frozenset[str]
    designators: frozenset[str]
    in_targets: frozenset[str]
    leading_stop: frozenset[str]
    surnames: frozenset[str]
    syllables: frozenset[str]
    events: frozenset[str]
    company: frozenset[str]
    abbrev: frozenset[str]
    connectors: frozenset[str]
    romance_links: frozenset[str]
    derived: re.Pattern[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    en = en_rules()
    names = pinyin_names()
    designators = {w for d in en.place_designators for w in d.split()}
    endings = "|".join(sorted(en.derived_endings, key=len, reverse=True))
    return _Lex(frozenset(en.org_heads + en.romance_heads), frozenset(en.sub_unit_heads), frozenset(en.parent_heads),
                frozenset(en.generic_words), frozenset(en.weak_heads), frozenset(en.title_words),
                frozenset(designators), frozenset(en.connector_in_targets),
                frozenset(en.determiners) | frozenset(en.leading_stopwords),
                frozenset(names.surnames), frozenset(names.syllables), frozenset(en.event_heads),
                frozenset(fold_en(c) for c in en.company_suffixes), frozenset(en.abbreviations),
                frozenset(en.connectors + [w for link in en.romance_links for w in link.split()]),
                frozenset(en.romance_links), latin_re(rf"(?:{endings})$"))


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # cap | low | paren | comma | other
    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "other"
        s, e = m.span()
        if kind == "word":
            word = m.group()
            if word in _lex().abbrev and e < end and text[e] == ".":
                e += 1
            kind = "cap" if word[0].isupper() else "low"
        elif kind == "co":
            kind = "cap"
        elif kind == "amp":
            kind = "low"
        out.append(_Tok(kind, s, e, text[s:e]))
    return out


def _bare(word: str) -> str:
    return fold_en(_POSSESSIVE.sub("'s", word))


@dataclass
class _Phrase:
    toks: list[_Tok]
    title: bool = False

    @property
    def words(self) -> list[str]:
        return [_bare(t.text) for t in self.toks]

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def _is_head(word: str, lex: _Lex) -> bool:
    return word in lex.heads or word in lex.company


def _split_titles(toks: list[_Tok], lex: _Lex) -> Iterator[_Phrase]:
    """Cut a run of capitalised words into a title part and a name part ("Vice Chairman" | "...")."""
    while toks and _bare(toks[0].text) in lex.leading_stop:
        toks = toks[1:]
    if not toks:
        return
    last_title = max((i for i, t in enumerate(toks) if _bare(t.text) in lex.titles), default=-1)
    if last_title < 0 or (last_title + 1 < len(toks) and _is_head(_bare(toks[last_title + 1].text), lex)):
        yield _Phrase(toks)
        return
    yield _Phrase(toks[: last_title + 1], title=True)
    if last_title + 1 < len(toks):
        yield _Phrase(toks[last_title + 1:])


def _phrases_and_links(toks: list[_Tok], text: str, lex: _Lex) -> list[tuple[str, _Phrase]]:
    """Capitalised phrases, each with the link that joins it to the one before ("" = none)."""
    out: list[tuple[str, _Phrase]] = []
    link: list[str] = []
    i = 0
    broken = True
    while i < len(toks):
        t = toks[i]
        if t.kind == "cap":
            j = i
            while (j + 1 < len(toks) and toks[j + 1].kind == "cap"
                   and text[toks[j].end:toks[j + 1].start] == " "
                   and (fold_en(toks[j].text) not in lex.company or fold_en(toks[j + 1].text) in lex.company)):
                j += 1
            parts = list(_split_titles(toks[i:j + 1], lex))
            for k, ph in enumerate(parts):
                joined = "" if broken else " ".join(link)
                out.append((joined if k == 0 else "", ph))
            link, broken = [], False
            i = j + 1
            continue
        gap_ok = i == 0 or "\n" not in text[toks[i - 1].end:t.start]
        if t.kind == "low" and t.text in lex.connectors and gap_ok:
            link.append("and" if t.text == "&" else t.text)
        elif t.kind == "comma" and gap_ok and not link:
            link.append(",")
        elif t.kind == "paren" and out and not link and gap_ok:
            out.append(("()", _Phrase([t])))
        else:
            broken = True
            link = []
        i += 1
    return out


@dataclass
class _Chain:
    phrases: list[_Phrase]
    links: list[str] = field(default_factory=list)

    def words(self) -> list[str]:
        return [w for p in self.phrases for w in p.words]


def _place(words: list[str]) -> bool:
    place = gazetteer().en.get(" ".join(words))
    return place is not None and place.label == "LOC"


def _can_join(chain: _Chain, link: str, ph: _Phrase, lex: _Lex) -> bool:
    words = chain.words()
    has_head = any(_is_head(w, lex) for w in words)
    last_head = _is_head(words[-1], lex)
    ph_words = ph.words
    if link in ("of", "of the"):
        return has_head
    if link in ("for", "for the"):
        return last_head
    if link in lex.romance_links:  # Sociedad Quimica y Minera de Chile SA, Companhia Vale do Rio Doce
        return True
    if link in ("in the", "in"):
        after_for = bool(chain.links) and chain.links[-1].startswith("for")
        if after_for and " ".join(ph_words) in lex.in_targets:
            return True
        if after_for and link == "in" and not _place(ph_words) and not any(
                _is_head(w, lex) or _place([w]) for w in ph_words):
            return True  # Institute for Studies in Energy Policy: the field of study, not where it is
        heads = [w for w in words if _is_head(w, lex)]  # Key Laboratory for … in Inner Mongolia University
        return link == "in" and bool(heads) and heads[-1] in lex.sub_units and any(
            _INNER_POSSESSIVE.sub("", w + " ").strip() in lex.parents for w in ph_words)
    if link == "and":
        if _is_head(ph_words[0], lex) and not _field_before_heads(words, ph_words, lex):
            return False  # Vale and Bank of China: a head opens a second name
        if _place(ph_words) or any(lk in lex.romance_links for lk in chain.links):
            return False  # a Spanish name is joined by y, not and (Banco de Chile and Minera Escondida Ltda)
        in_complement = any(lk.startswith(("of", "for")) for lk in chain.links)
        ph_head = _is_head(ph_words[-1], lex)
        return (in_complement and not ph_head) or (not last_head and ph_head)
    if link == ",":
        return _sub_unit_comma(words, ph_words, lex) or _portfolio_item(chain, ph_words, lex)
    return False


def _field_before_heads(words: list[str], ph_words: list[str], lex: _Lex) -> bool:
    """Fields before "and", then heads after it, make one body (State-owned Assets Supervision and Administration
    Commission): the words before hold no head (no body of their own) and the phrase after is two or more words
    ending in another head (not Vale and Bank)."""
    return (len(words) >= 2 and not any(_is_head(w, lex) for w in words) and len(ph_words) >= 2
            and _is_head(ph_words[-1], lex))


def _sub_unit_comma(words: list[str], ph_words: list[str], lex: _Lex) -> bool:
    """A sub-unit, then its parent after a comma: the Beijing Branch, China Minmetals."""
    heads = [w for w in words if _is_head(w, lex)]
    return bool(heads) and heads[-1] in lex.sub_units and any(w in lex.parents for w in ph_words)


def _portfolio_item(chain: _Chain, ph_words: list[str], lex: _Lex) -> bool:
    """Department of Mines, Petroleum and Exploration: after "of" (or "for": State Committee for Geology, Mining
    and Subsoil Use), the comma goes on through a list of portfolios (no institution word, no place); ``_chains``
    keeps the list only when "and" closes it."""
    return (bool(chain.links) and chain.links[-1] in ("of", "of the", "for", "for the", _LIST_COMMA)
            and chain.links[0].startswith(("of", "for")) and _portfolio_words(ph_words, lex))


def _portfolio_words(words: list[str], lex: _Lex) -> bool:
    """A portfolio's words: a few ordinary words, minerals or portfolio words, none an institution's head and no
    place (Petroleum, Industry Regulation; not Glencore, Kitwe, ECB)."""
    ordinary = _portfolio_vocabulary()
    return (len(words) <= _PORTFOLIO_WORDS and not any(_is_head(w, lex) for w in words) and not _place(words)
            and all(w.lower() in ordinary for w in words))


@lru_cache(maxsize=1)
def _portfolio_vocabulary() -> frozenset[str]:
    return (common_words_en() | frozenset(en_rules().portfolio_words)
            | frozenset(n.lower() for n in load_lexicon().en_names))


_LIST_COMMA = ", "  # the link of a comma inside a list of portfolios (a sub-unit's comma is ",")
_PORTFOLIO_WORDS = 3  # Industry Regulation, Mineral Resources: a portfolio is a few words, not a body's name


def _chains(phrases: list[tuple[str, _Phrase]], lex: _Lex, text: str = "") -> Iterator[_Chain]:
    cur: _Chain | None = None
    for link, ph in phrases:
        if link == "()":
            content = ph.toks[0].text[1:-1].strip()
            if cur is not None and (_place([fold_en(content)]) or _place(content.split())
                                    or content in en_rules().company_words):  # … Rare Earth (Group) High-Tech Co
                cur.phrases.append(ph)
                cur.links.append("()")
            continue
        if ph.title:
            if cur is not None:
                yield cur
            cur = None
            continue
        after_place = (cur is not None and bool(cur.links) and cur.links[-1] == "()" and not link
                       and text[cur.phrases[-1].end:ph.start] == " ")
        if cur is not None and (after_place or (link and _can_join(cur, link, ph, lex))):
            if link == "," and not _sub_unit_comma(cur.words(), ph.words, lex):
                link = _LIST_COMMA  # Department of Mines, Petroleum and Exploration
            cur.phrases.append(ph)
            cur.links.append(link or " ")  # Northern Alloy (Tianjin) Engineering Technology Co
            continue
        if cur is not None:
            yield from _closed_lists(cur, lex)
        cur = _Chain([ph])
    if cur is not None:
        yield from _closed_lists(cur, lex)


def _closed_lists(chain: _Chain, lex: _Lex) -> Iterator[_Chain]:
    """A list of portfolios joined by commas is a name's only when "and" + one more portfolio closes it (Ministry
    of Mines, Energy and Water); else the name ends before the first comma, and what follows stands alone (…
    Survey Center of China Geological Survey, Xinjiang Yaxin … Investment and Development Group: two bodies)."""
    commas = [i for i, lk in enumerate(chain.links) if lk == _LIST_COMMA]
    if not commas:
        yield chain
        return
    # the list's last link is "and" and the phrase it joins is a portfolio too, ending the name
    if chain.links[-1] == "and" and commas[-1] < len(chain.links) - 1 and _portfolio_words(
            chain.phrases[-1].words, lex):
        yield chain
        return
    cut = commas[0]
    yield _Chain(chain.phrases[: cut + 1], chain.links[:cut])
    yield _Chain(chain.phrases[cut + 1:], chain.links[cut + 1:])


def _named_trade(words: list[str], lex: _Lex) -> bool:
    """Capitalised words ending in a trade word, one of them a name: Sino Metals, Hainan International
    Resources; not Critical Minerals or Chinese Mining (modifiers only), nor Baiyun Ebo Deposit Resources
    (a resource noun before the trade word makes it a common noun)."""
    en = en_rules()
    last = _POSSESSIVE.sub("", words[-1]) if words else ""  # Emirates Global Aluminium's unit: the owner's name
    if last in en.company_site_words and len(words) >= 3 and words[-2] in en.company_commodity_words:
        words, last = words[:-1], words[-2]  # Mopani Copper Mines: a commodity's mines after a name, a company
    if len(words) < 2 or last not in en.industry_heads or words[-2] in en.resource_nouns:
        return False
    modifiers = set(en.industry_modifiers) | lex.generic | lex.designators | lex.leading_stop
    return any(w not in modifiers and w[:1].isupper() for w in words[:-1])


def _is_org(chain: _Chain, lex: _Lex) -> bool:
    words = chain.words()
    if _named_trade(words, lex):
        return True
    heads = [w for w in words if _is_head(w, lex)]
    if not heads or len(words) < 2:
        return False
    if all(h in lex.weak_heads for h in heads) and all(w in lex.generic or _is_head(w, lex) for w in words):
        return False
    return not all(w in lex.generic or w in lex.designators for w in words)


def _drop_event(chain: _Chain, lex: _Lex) -> _Chain:
    """"(20th) National Congress of the Communist Party of China": the congress is an event of the party."""
    first = chain.phrases[0].words
    if len(chain.phrases) > 1 and first[-1] in lex.events and chain.links[0].startswith("of"):
        rest = _Chain(chain.phrases[1:], chain.links[1:])
        if _is_org(rest, lex):
            return rest
    return chain


_UNIT_NUMBER = latin_re(r"\bNo\.? ?\d+[A-Z]? $")


_INNER_POSSESSIVE = latin_re(r"['\u2019]s\s+")


def _split_owner(text: str, s: int, e: int, lex: _Lex) -> list[tuple[int, int]]:
    """An institution name cut where it holds another: "British Virgin Islands-based X Ltd" is X Ltd;
    "Hengshan Group's Xinglong Mining Company" and "Glencore's Kamoto Copper Company" (a listed company before
    's) are two institutions, but "Peking University's School of Earth Sciences" is one: a parent body's unit,
    written as the longest name (guidelines: longest name as written); "Kenya's Rift Valley University" is the
    university (the place before 's is a place). A company's full name after 's stands alone whoever owns it
    (Sinomine's Bikita Minerals: Bikita Minerals; the owner, a company or a person, is left to the model), unless
    the 's is the name's own: after an ordinary word (King's Lynn Metals, Hungry Jack's Pty Ltd) or before a
    place (McDonald's Australia Holdings)."""
    s = past_company_modifier(text, s, e)
    m = _INNER_POSSESSIVE.search(text, s, e)
    if m is None:
        return [(s, e)]
    before, after = text[s:m.start()].split(), text[m.end():e].split()
    if after and before and _place([fold_en(" ".join(before))]):
        return [(m.end(), e)]  # Kenya's Rift Valley University, Zimbabwe's Bikita Minerals: a place owns no name
    owner = gazetteer().en.get(fold_en(" ".join(before)))
    named_owner = bool(before) and (_is_head(_bare(before[-1]), lex) or (owner is not None and owner.label == "ORG"))
    if (len(after) >= 2 and _bare(after[-1]) in _company_ends() and after[0].lower() not in common_words_en()
            and after[0] not in _company_ends() and not _place([fold_en(after[0])])
            and bool(before) and before[-1].lower() not in common_words_en()):
        # Sinomine's Bikita Minerals: a company's name of its own; an owner no list or head names is the model's
        return [(s, m.start()), (m.end(), e)] if named_owner else [(m.end(), e)]
    if not after or not any(_is_head(_bare(w), lex) for w in after):
        return [(s, e)]
    after_heads = [_bare(w) for w in after if _is_head(_bare(w), lex)]
    if before and _bare(before[-1]) in lex.parents and after_heads and after_heads[-1] in lex.sub_units:
        return [(s, e)]  # Peking University's School of Earth Sciences: a unit of the one before 's
    if named_owner:
        return [(s, m.start()), (m.end(), e)]  # Glencore's Kamoto Copper Company: a listed owner
    return [(s, e)]


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    """Verbs a Title Case headline writes capitalised after its subject (Ministry Says, Miner Sets, Output Rose)."""
    rules = en_rules()
    words = {*rules.reporting_verbs, *rules.share_moves, *rules.headline_verbs} - set(rules.headline_verbs_not)
    return frozenset(w.capitalize() for w in words)


def _before_headline_verb(text: str, s: int, e: int, lex: _Lex) -> int:
    """Where a name the grammar ran into a Title Case headline's verb ends: before the verb, when what precedes
    it still ends in a head (Chile's Mining Ministry|Says Copper Output Rose); s when nothing of a name is left."""
    words = list(re.finditer(r"\S+", text[s:e]))
    for k, w in enumerate(words[1:], start=1):
        if w.group() in _headline_verbs():
            last = _bare(words[k - 1].group())
            return s + words[k - 1].end() if _is_head(last, lex) or last in _company_ends() else s
    return e


# How a trade's word ends (Metallurgical, Smelting, Chemical, Electronics): it opens the second half of one name
_TRADE_ENDS = ("ing", "al", "ic", "ics")


@lru_cache(maxsize=1)
def _company_ends() -> frozenset[str]:
    """Words that end a company's name on their own (Kestral Minerals), unlike a commodity that goes on into a
    longer name (Jiuquan Iron and Steel Group, China Coal and Energy …)."""
    return frozenset(en_rules().company_end_words)


def _split_joined(text: str, s: int, e: int, lex: _Lex) -> list[tuple[int, int]]:
    """Two institutions the grammar joined at "and" (Vale and Anglo American Plc, Pilbara Minerals and Liontown
    Resources Ltd): a listed institution or a name ending in a head word before "and", and a name of two words
    or more ending in a head word after it that opens with a word of its own (not Metallurgical, Smelting, Energy:
    Navoi Mining and Metallurgical Company, China Coal and Energy Group are one name). One name holds "and"
    otherwise (Industrial and Commercial Bank, Jiuquan Iron and Steel Group, Ministry of Land and Resources: no
    "of" before the "and")."""
    m = re.search(r" and ", text[s:e])
    if m is None:
        return [(s, e)]
    left, right = text[s:s + m.start()], text[s + m.end():e]
    entry = gazetteer().en.get(fold_en(left))
    last = _bare(left.split()[-1])
    left_name = (entry is not None and entry.label == "ORG") or _is_head(last, lex) or last in _company_ends()
    right_words = right.split()
    first = right_words[0].lower() if right_words else ""
    right_name = (len(right_words) >= 2 and right[:1].isupper() and _is_head(_bare(right_words[-1]), lex)
                  and first not in common_words_en() and not first.endswith(_TRADE_ENDS))
    if " of " in f" {left} " or not left_name or not right_name:
        return [(s, e)]
    return [(s, s + m.start()), (s + m.end(), e)]


_IN_THE = re.compile(r"\b[Ii]n the $")


@lru_cache(maxsize=1)
def _country_prefix_re() -> re.Pattern[str]:
    prefixes = alternation(en_rules().dotted_country_prefixes)
    return re.compile(rf"(?:(?<=\bthe )|(?<=\bThe )|(?<=\()|(?<=\. )|^)(?:{prefixes}) $", re.MULTILINE)


def _with_country_prefix(text: str, start: int, s: int, e: int) -> int:
    """Where a name begins when a dotted country stands before it (the U.S.| Department of Energy): at the prefix,
    unless the name is a listed institution, named without one (the U.S.| Albemarle), or "in the" makes the
    country a place (in the U.S.| Albemarle Corp said)."""
    m = _country_prefix_re().search(text, max(start, s - 8), s)
    if m is None or m.end() != s or _IN_THE.search(text, max(start, m.start() - 8), m.start()):
        return s  # in the U.S.| Albemarle Corp said: the country is where, not the name's
    name = text[s:e].split()
    if name and name[-1] in _company_ends() and len(name) > 1:
        name = name[:-1]  # Glencore Plc: the listed name without its legal form
    return s if gazetteer().en.get(fold_en(" ".join(name))) is not None else m.start()


def org_spans(text: str, start: int, end: int) -> list[Candidate]:
    """Institution names completed by the grammar in the English run text[start:end]."""
    lex = _lex()
    out: list[Candidate] = []
    for chain in _chains(_phrases_and_links(_tokens(text, start, end), text, lex), lex, text):
        chain = _drop_event(chain, lex)
        if not _is_org(chain, lex):
            continue
        s, e = chain.phrases[0].start, chain.phrases[-1].end
        number = _UNIT_NUMBER.search(text, max(start, s - 12), s)
        s = number.start() if number else s  # No 9 Geological Brigade: the number names the unit
        s = _with_country_prefix(text, start, s, e)
        poss = _POSSESSIVE.search(text[s:e])
        e -= len(poss.group()) if poss else 0
        e = _before_headline_verb(text, s, e, lex)
        if e <= s:
            continue
        for a, b in (part for owned in _split_owner(text, s, e, lex) for part in _split_joined(text, *owned, lex)):
            out.append(Candidate(a, b, "ORG", RULE, "en"))
        # an acronym in brackets right after the name is the same institution: "... Conference (CPPCC)"
        m = latin_re(r"\s?\(([A-Z][A-Z&]{1,7})\)").match(text, e)
        if m:
            out.append(Candidate(m.start(1), m.end(1), "ORG", RULE, "en"))
    return out


def _given_name(word: str, lex: _Lex, max_syllables: int = 3) -> bool:
    """A capitalised pinyin given name: 1-3 valid syllables, optionally hyphenated (Hongwei, Xiao-ping)."""
    if not word[:1].isupper() or not word[1:].replace("-", "").replace("'", "").islower():
        return False
    s = word.lower().replace("-", "").replace("'", "")
    reach = {0: 0}
    for i in range(len(s)):
        if i not in reach or reach[i] >= max_syllables:
            continue
        for j in range(i + 1, min(len(s), i + 6) + 1):
            if s[i:j] in lex.syllables and (j not in reach or reach[j] > reach[i] + 1):
                reach[j] = reach[i] + 1
    return len(s) in reach


def pinyin_persons(text: str, start: int, end: int) -> list[Candidate]:
    """Surname + pinyin given name ("Yan Hongwei", "Ouyang Hua") in the English run text[start:end], unless
    the pair is a place or part of a longer capitalised name."""
    lex = _lex()
    places = gazetteer().en
    out: list[Candidate] = []
    words = [m for m in re.finditer(latin(r"[A-Z][a-z]+(?:-[a-z]+)?"), text[start:end])]
    for w1, w2 in itertools.pairwise(words):
        a, b = start + w1.start(), start + w2.end()
        if text[start + w1.end():start + w2.start()] != " ":
            continue
        if (a > 0 and text[a - 1].isalpha()) or (b < len(text) and (text[b].isalpha() or text[b] == "-")):
            continue
        sur, given = w1.group(), w2.group()
        if sur.lower() not in lex.surnames or not _given_name(given, lex):
            continue
        if any(w in lex.heads or w in lex.titles or w in lex.designators or w in lex.leading_stop
               for w in (sur, given)):
            continue
        if fold_en(f"{sur} {given}") in places or _inside_longer_name(text, a, b, lex):
            continue
        out.append(Candidate(a, b, "PERSON", RULE, "en"))
    return out


_CAPS_BYLINE = latin_re(r"(?:^|\n)\s*By ([A-Z]{2,}(?:-[A-Z]+)? [A-Z]{2,}(?:-[A-Z]+)?)(?= *(?:[|,\n]|in\b|$))")


def byline_persons(text: str, start: int, end: int) -> list[Candidate]:
    """A byline written in capitals (By LIU ZHIHUA | China Daily): a surname and a pinyin given name, in
    either order as English pages write them (LIU ZHIHUA, ZHIHUA LIU)."""
    lex = _lex()
    out: list[Candidate] = []
    for m in _CAPS_BYLINE.finditer(text, start, end):
        first, second = (w.capitalize() for w in m.group(1).split())
        if (first.lower() in lex.surnames and _given_name(second, lex)) or (
                second.lower() in lex.surnames and _given_name(first, lex)):
            out.append(Candidate(m.start(1), m.end(1), "PERSON", RULE, "en"))
    return out


def _inside_longer_name(text: str, a: int, b: int, lex: _Lex) -> bool:
    """The pair is glued to another capitalised word that is no title: part of a longer name
    ("Ping An Insurance", "China Ping An")."""
    after = re.match(latin(r" ([A-Z][A-Za-z]*)"), text[b:b + 30])
    before = re.search(latin(r"([A-Z][A-Za-z]*\.?) $"), text[max(0, a - 30):a])
    glued = [_bare(m.group(1)) for m in (after, before) if m is not None]
    return any(w not in lex.titles and w not in lex.leading_stop for w in glued)


@lru_cache(maxsize=8)
def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(latin(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])"), text))


@lru_cache(maxsize=1)
def _term_acronyms() -> frozenset[str]:
    return frozenset(en_rules().term_acronyms)


def _title_word(word: str) -> bool:
    """A title, honorific or rank written before a person's name (Minister, Sir, Colonel): no part of it."""
    return word in _lex().titles or word in person_honorifics()


_HONORIFIC = latin_re(r"([A-Z][a-z]+\.?)(?:-[A-Z][a-z]+)?\s+(?=[A-Z])")


def without_honorifics(text: str, cand: Candidate) -> Candidate:
    """An English person without the honorifics, ranks and offices written before the name (Sir David Naish,
    Lieutenant Colonel Max Marriner, Prosecutor Michel Bourlet): the guidelines keep titles out of a name,
    whichever rule or model proposed it. A title goes only when a capitalised word follows it in the span."""
    if cand.label != "PERSON" or cand.lang != "en":
        return cand
    s = cand.start
    while (m := _HONORIFIC.match(text, s, cand.end)) and _title_word(m.group(1)):
        s = m.end()  # General Manager Du Zixi: a rank, then a title
    return cand if s == cand.start else replace(cand, start=s)


def tidy_model_span(text: str, cand: Candidate) -> Candidate | None:
    """Trim a model span and reject what is no name.

    Trims a leading determiner (and a title, honorific or rank before a person: Sir, Colonel, Justice), a trailing
    possessive or punctuation.
    Rejects spans across a line break, a term written as an acronym (NEV, ESG), a single capitalised word
    the document also writes in lower case (an ordinary word at a sentence start: "Financial") or with an
    English derivational ending ("Continuation"), an organisation of three or more words with no head word
    (a document title: "... Comprehensive Management Plan"), a person containing an institution or place
    word ("Hangzhou Branch"); a person that is a listed place becomes a place, and one with a company's word
    before its last word a company (Energy Fuels). A trailing lower-case function word is cut (Sunwoda a 20%
    stake), then the separators before it (Glencore, and), not an abbreviation's dot (U.S. and). A person ends
    before a word holding a digit (Sam Nelson 312-408, Rizzitelli 48th) and starts after a byline's dashes.
    """
    lex = _lex()
    s, e = cand.start, cand.end
    if "\n" in text[s:e] or text[e:e + 1] in ("@", "/") or text[s - 1:s] in ("@", "/", "."):
        return None  # across lines, or part of an e-mail address or a URL
    while True:
        m = re.match(r"(?:[Tt]he|[Aa]n?)\s+", text[s:e])
        if m:
            s += m.end()
            continue
        first = re.match(latin(r"([A-Z][a-z]+\.?)(?:-[A-Z][a-z]+)?\s+"), text[s:e])  # Major-General too
        if cand.label == "PERSON" and first and _title_word(first.group(1)):
            s += first.end()
            continue
        break
    m = _TRAILING_MARKS.search(text, s, e)
    if m and m.start() > s:
        e = m.start()  # a possessive or punctuation
    e = _before_separators(text, s, e)  # a space left before a possessive written apart (Real Madrid 's)
    m = _trailing_function_words().search(text, s, e)
    if m and m.start() > s:  # the sentence's next word (Sunwoda a 20% stake), and what stood before it
        e = _before_separators(text, s, m.start())  # (Glencore, and; not an abbreviation's dot: U.S. and)
    if cand.label in ("PERSON", "GPE", "LOC"):  # a date glued on: "Daniel Hurst 12 Sep"
        m = re.search(r"(?:\s+\d+)+$", text[s:e])
        if m and m.start() > 0:
            e = s + m.start()
    if cand.label == "PERSON":  # no name holds a number: a phone, a score or a minute glued on (Sam Nelson 312-408)
        m = re.search(r"\s+\S*\d", text[s:e])
        if m and m.start() > 0:
            marker = re.match(latin(r"\s+[A-Z][a-z]+(?=\d)"), m.group())  # Robert Brown1,3: a footnote on the surname
            e = s + (m.start() + marker.end() if marker else m.start())
        lead = re.match(r"[\-\u2013\u2014]+\s*", text[s:e])  # a dash that opens a byline: "-- Philip Blenkinsop"
        if lead:
            s += lead.end()
    span = text[s:e]
    if e <= s or not any(ch.isupper() for ch in span):
        return None
    if _FORMULA.fullmatch(span) and any(ch.islower() or ch.isdigit() for ch in span):
        return None  # a chemical formula (LiOH, Li2CO3), not a name
    if span in _term_acronyms():
        return None  # NEV batteries, ESG reports: a term, not a name
    words = [_bare(w) for w in span.split()]
    if all(w in lex.generic or w in lex.designators or w in lex.heads for w in words):
        return None
    if len(words) == 1 and not span.isupper() and span.lower() in _lowercase_words(text):
        return None
    if len(words) == 1 and cand.label != "GPE" and lex.derived.search(span) and not span.isupper():
        return None
    headless = not any(_is_head(w, lex) for w in words)
    if cand.label == "ORG" and len(words) >= 3 and not span.isupper() and headless:
        return None
    if cand.label in ("GPE", "LOC") and len(words) == 1 and demonym(span):
        return None  # "the Peruvian government": a nationality adjective, not a place
    if cand.label == "PERSON":
        if span.isupper() or any(w in lex.heads or w in lex.designators for w in words):
            return None
        if _company_word_before_last(words):
            return Candidate(s, e, "ORG", MODEL, cand.lang)  # Energy Fuels, Lithium Americas: a company's trade
        place = gazetteer().en.get(fold_en(span))
        if place is not None and place.label == "LOC":
            return Candidate(s, e, "LOC", MODEL, cand.lang)
    return Candidate(s, e, cand.label, cand.source, cand.lang, cand.weak)


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    return frozenset(en_rules().company_words)


def _company_word_before_last(words: list[str]) -> bool:
    """A word of a company's name (Mining, Lithium, Energy, Rare) before the last word: a company, not a person
    (the last word may be a surname that is such a word too: Gold, Power)."""
    return any(w in _company_words() for w in words[:-1])


_TRAILING_MARKS = latin_re(r"(?:['\u2019\u2018]s|[\s.,;:'\"\u2019\u201d)\-\u2013]+)$")
_TRAILING_SEPARATORS = latin_re(r"(?:['\u2019\u2018]s|[\s,;:'\"\u2019\u201d)\-\u2013]+)$")  # less the dot


def _before_separators(text: str, s: int, e: int) -> int:
    """Where text[s:e] ends without the possessives, spaces and marks at its end, a dot kept (Vale S.A.'s)."""
    while (m := _TRAILING_SEPARATORS.search(text, s, e)) and m.start() > s:
        e = m.start()
    return e


@lru_cache(maxsize=1)
def _trailing_function_words() -> re.Pattern[str]:
    return latin_re(rf"(?:\s+(?:{alternation(en_rules().trailing_function_words)}))+$")


# ASCII letters only: with accents the words of a foreign institution before "said" (Société Générale, Mineração
# Taboca) read as a person's, and the rule keeps only a long name's last three words (José Rodríguez Gómez)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_FORMULA = latin_re(r"(?:[A-Z][a-z]?\d*){2,}")


@lru_cache(maxsize=1)
def _context_person_re() -> re.Pattern[str]:
    en = en_rules()
    plain = (t for t in en.title_words if t[0].isupper() and "." not in t)
    # a title in an apposition is written in lower case too (Amanda Lacaze, chief executive of …)
    titles = "|".join(f"[{t[0]}{t[0].lower()}]{re.escape(t[1:])}" for t in sorted(plain, key=len, reverse=True))
    verbs = "|".join(sorted(en.reporting_verbs, key=len, reverse=True))
    return re.compile(
        rf"(?<![{LATIN_UPPER}{LATIN_LOWER}\-'\u2019\u2018])"
        rf"(?P<name>{_NAME_WORD}(?:(?: (?:{particles_en.particle()}))* {_NAME_WORD}){{1,2}})"
        rf"(?:,\s+(?:(?:a|an|the|former|executive)\s+)?(?:[A-Z][a-z]+\s+)?(?:{titles})\b|\s+(?:{verbs})\b)")


def context_persons(text: str, start: int, end: int) -> list[Candidate]:
    """Names of any origin known by their context: "Erken Tuniyaz, Deputy Secretary of ...", "Amanda Lacaze,
    chief executive of ...", "Sandeep Biswas, an analyst at ...", "Erken Tunyazi hosted ...". The name is 2-3
    capitalised words none of which is an institution, title, place or function word, that end in no trade word
    (Iluka Rare Earths said ...) and hold no company's word before the last (Energy Fuels said ...)."""
    lex = _lex()
    places = gazetteer().en
    out: list[Candidate] = []
    for m in _context_person_re().finditer(text, start, end):
        if not particles_en.particles_join(m.group("name")):
            continue  # Paulo e Maria: e joins a name's surnames only after another particle
        words = [w for w in m.group("name").split() if not w.islower()]  # Jan de Vries: the particle is no word
        a, b = m.span("name")
        while len(words) > 2 and (words[0] in lex.titles or (words[0] in lex.leading_stop and words[1] in lex.titles)):
            a += len(words[0]) + 1  # (The) Deputy Alejandro Reyes said: the title before the name is no part of it
            words = words[1:]
        if any(w in lex.heads or w in lex.titles or w.removesuffix("s") in lex.titles or w in lex.designators
               or w in lex.leading_stop or w in lex.generic or (w in places and places[w].label == "LOC")
               or w in _company_ends() for w in words):
            continue  # Industry Analysts said: a plural title names no person; Kavora Holdings said: a company
        if _named_trade(words, lex) or _company_word_before_last(words):
            continue  # Iluka Rare Earths, Energy Fuels: a company
        if fold_en(text[a:b]) in places or past_company_modifier(text, a, b) > a:
            continue  # Hong Kong-listed Yahua said, Glencore-backed Kestrel Haldane said: a company, most often
        out.append(Candidate(a, b, "PERSON", RULE, "en"))
    return out


_CHINESE_DIVISIONS = ("province", "prefecture", "county", "district")


@lru_cache(maxsize=1)
def _place_brand_re() -> re.Pattern[str]:
    verbs = alternation(v for w in en_rules().reporting_verbs for v in (w, w.capitalize()))  # headlines: Says
    return latin_re(rf"(?<![A-Za-z\-'\u2019\u2018])(?P<place>[A-Z][a-z]+) (?P<brand>[A-Z][a-z]+)"
                      rf"(?= (?:{verbs})\b)")


def place_brands(text: str, start: int, end: int) -> list[Candidate]:
    """A Chinese company as English news names it: its home province or city in pinyin + a pinyin brand, the
    subject of what is said (Zhejiang Huayou said…, Sichuan Yahua announced…, a headline's Hunan Jinlong Says…);
    the gazetteer reads the place alone and the model often drops the brand. The place is a listed Chinese
    division written as one pinyin word; the brand is two or three pinyin syllables that are no listed place
    (Hebei Tangshan; a listed company is a brand: Jiangxi Ganfeng), no surname (a person: Sichuan Ouyang), no
    ethnonym, no word English news writes in lower case (Guangdong Media) and no head, title or designator word
    (Xinjiang Uygur, Jiangxi Province)."""
    lex = _lex()
    places, ethnonyms, words = gazetteer().en, frozenset(en_rules().ethnonyms), common_words_en()
    out: list[Candidate] = []
    for m in _place_brand_re().finditer(text, start, end):
        place, brand = m.group("place"), m.group("brand")
        listed = places.get(place)
        if listed is None or listed.label != "LOC" or listed.kind not in _CHINESE_DIVISIONS:
            continue
        if not (_given_name(place, lex, max_syllables=4) and _given_name(brand, lex)) or len(brand) < 4:
            continue  # a pinyin place and brand; one syllable is too often a surname or a word
        listed_brand = places.get(brand)
        if ((listed_brand is not None and listed_brand.label == "LOC") or brand.lower() in lex.surnames
                or brand in ethnonyms or brand.lower() in words
                or any(brand in group for group in (lex.heads, lex.titles, lex.designators, lex.generic))):
            continue  # a listed company's brand stays (Jiangxi Ganfeng); an English word is none (Guangdong Media)
        out.append(Candidate(m.start("place"), m.end("brand"), "ORG", RULE, "en"))
    return out
