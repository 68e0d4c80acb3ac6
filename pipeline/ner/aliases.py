"""Institution names that a Chinese document writes in Latin script or defines once and then uses short.

Why a document-level step: language runs cut these patterns apart. In
``LG能源解决方案（LG Energy Solution，简称“LGES”）`` the bracket opens in a Chinese run and the
definition sits in an English one; ``Liontown Resources Ltd`` is an English run while the later
``Liontown的…`` is inside a Chinese one. The run-level rules see only one side, so these three readings
look at the whole text:

- a short name defined after an institution (``…（…，简称“X”）``), then every use of X;
- the first word of a Latin company name given in full (Liontown of Liontown Resources Ltd), where it
  stands alone inside a Chinese run;
- a Latin name right after a Chinese descriptor that ends in an institution noun
  (能源市场研究公司|SNE Research, 锂矿商|Pilbara): the Latin name is the institution, the
  descriptor before it names none;
- a Chinese institution name found once, wherever the document writes it again;
- a foreign company's transliterated name given once with its company noun (卡梅科公司), wherever the
  document writes it alone (卡梅科周二表示);
- a name glossed in brackets in the other script (Xi Jinping (習近平), 紫金矿业（Zijin Mining）): the gloss is
  the same person, institution or place, written in its own form (dev conventions 12).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from pipeline.ner import companies_zh, context_en, places_zh
from pipeline.ner.gazetteer import listed_place, on_bounds
from pipeline.ner.inputs import GAZETTEER, RULE, Candidate, NerInput
from pipeline.ner.lexicon import alternation, en_rules, transliteration_chars, zh_rules
from pipeline.text.scripts import LATIN_LOWER, LATIN_UPPER, NAME_DOTS

_LATIN_WORD = rf"[{LATIN_UPPER}][{LATIN_UPPER}{LATIN_LOWER}0-9&.'\-]*"


@lru_cache(maxsize=1)
def _after_descriptor() -> re.Pattern[str]:
    heads = alternation(zh_rules().institution_descriptors)
    return re.compile(rf"(?:{heads})({_LATIN_WORD}(?: {_LATIN_WORD}){{0,4}})(?![A-Za-z0-9])")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Latin words that name no institution here: titles and legislatures (CEO, NPC), app words (APP)."""
    return frozenset(en_rules().acronym_not_companies) | frozenset(zh_rules().latin_not_names)


def _latin(s: str) -> bool:
    return bool(re.search(r"[A-Za-z]", s))


def _latin_bounded(text: str, s: int, e: int) -> bool:
    """A Latin alias counts only as a whole word: LGES, not the LGES of LGESX."""
    return not (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) and not (
        e < len(text) and text[e].isascii() and text[e].isalnum())


def _lang_at(doc: NerInput, pos: int) -> str:
    """The language of the run holding ``pos`` (a use of a defined name may stand in an English run)."""
    seg = doc.segment_at(pos)
    return seg.lang if seg else "zh"


def defined_short_names(doc: NerInput, orgs: Iterable[Candidate]) -> list[Candidate]:
    """``FULL（以下简称“X”）`` anywhere in the document: X at each of its uses."""
    text = doc.text
    ends = {c.end for c in orgs}
    out = []
    for s, e in companies_zh.defined_short_names(text, 0, len(text), ends):
        if not _latin(text[s:e]) or _latin_bounded(text, s, e):
            out.append(Candidate(s, e, "ORG", RULE, _lang_at(doc, s)))
    return out


def latin_short_forms(doc: NerInput, orgs: Iterable[Candidate]) -> list[Candidate]:
    """The first word of a Latin company name given in full (``context_en.short_form_heads``), used alone
    inside a Chinese run: Han characters around it are word bounds (Liontown的…, 。Liontown称)."""
    heads = context_en.short_form_heads(doc.text, [c for c in orgs if doc.text[c.start:c.end].isascii()])
    out = []
    for seg in doc.segments:
        if seg.lang != "zh":
            continue
        for head in heads:
            for m in re.finditer(rf"(?<![A-Za-z0-9\-]){re.escape(head)}(?![A-Za-z0-9\-])(?! [A-Z])",
                                 doc.text[seg.start:seg.end]):
                out.append(Candidate(seg.start + m.start(), seg.start + m.end(), "ORG", RULE, "zh"))
    return out


def after_descriptors(doc: NerInput, orgs: Iterable[Candidate]) -> list[Candidate]:
    """A Latin name right after a descriptor ending in an institution noun (研究公司SNE Research); not
    the Latin head of a longer name (生产商|LG能源解决方案, 矿商|Kestrel矿业) nor one before an
    institution word (矿商|Pilbara公司: the name with its suffix is the suffix grammar's)."""
    skip = _not_names()
    longer = {c.start: c.end for c in orgs}
    heads = tuple(zh_rules().institution_descriptors)
    out = []
    for seg in doc.segments:
        if seg.lang != "zh":
            continue
        for m in _after_descriptor().finditer(doc.text, seg.start, seg.end):
            name = m.group(1).rstrip(".'-")
            s, e = m.start(1), m.start(1) + len(name)
            if name in skip or name.split()[0] in skip or context_en.is_place(name):
                continue
            if longer.get(s, e) > e or doc.text.startswith(heads, e) or companies_zh.industry_word_at(doc.text, e):
                continue
            if name.isupper() and doc.text.endswith(companies_zh.PLAIN_DESCRIPTORS, seg.start, m.start(1)):
                continue  # 分公司|TDI装置: after a plain 公司 an acronym is a product or a term more often than a name
            out.append(Candidate(s, e, "ORG", RULE, "zh"))
    return out


def without_descriptors(cands: list[Candidate], latin: list[Candidate]) -> list[Candidate]:
    """Drop an unlisted institution candidate that ends right where a Latin name after a descriptor starts:
    能源市场研究公司 describes SNE Research, it is not a name of its own."""
    starts = {c.start for c in latin}
    return [c for c in cands if not (c.label == "ORG" and c.end in starts and c.source != GAZETTEER)]


def repeated_names(doc: NerInput, cands: list[Candidate]) -> list[Candidate]:
    """A Chinese institution name found once counts wherever the document writes it again on word bounds
    and no other institution candidate covers that place (沧州大化 of a digest item, again in a headline,
    where the place 沧州 alone was proposed): one name, one reading per document."""
    text = doc.text
    names = {text[c.start:c.end] for c in cands if c.label == "ORG" and c.lang == "zh" and c.end - c.start >= 3}
    org_spans = sorted((c.start, c.end) for c in cands if c.label == "ORG")
    org_starts = [a for a, _ in org_spans]
    longest = max((b - a for a, b in org_spans), default=0)

    def covered(i: int, e: int) -> bool:  # only institutions starting at most ``longest`` before e can overlap
        lo, hi = bisect_left(org_starts, i - longest), bisect_left(org_starts, e)
        return any(b > i for _, b in org_spans[lo:hi])

    out = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            seg = doc.segment_at(i)
            in_zh = seg is not None and seg.lang == "zh" and e <= seg.end
            if in_zh and on_bounds(text, i, e, doc.word_bounds) and not covered(i, e):
                out.append(Candidate(i, e, "ORG", RULE, "zh"))
            i = text.find(name, e)
    return out


_COMPANY_ENDS = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团")
# Words for a person right before a name (媒体大亨|默多克) besides titles, and words that follow a person's name
# (默多克|家族) besides the titles written after a name (特朗普|总统): a core set up so anywhere is a person.
_PERSON_BEFORE = ("大亨", "富豪", "首富", "掌门人", "家族成员")
_PERSON_AFTER = ("家族", "本人")


def _without_company_ends(name: str) -> str:
    """The name less its company nouns (卡梅科|集团有限公司 → 卡梅科)."""
    while (noun := next((w for w in _COMPANY_ENDS if name.endswith(w)), "")):
        name = name[:-len(noun)]
    return name


def foreign_company_cores(text: str, orgs: Iterable[Candidate]) -> set[str]:
    """The transliterated names of the Chinese company names found (卡梅科 of 卡梅科公司, 莱纳斯 of 莱纳斯有限公司):
    a foreign name (``companies_zh.foreign_name``), not a Han surname + given name (李宁公司 is named after a
    person who may speak in the same text) nor a listed place (黑龙江 of 中储粮|黑龙江公司, a branch's province)."""
    cores = set()
    for c in orgs:
        core = _without_company_ends(text[c.start:c.end])
        if c.lang == "zh" and core != text[c.start:c.end] and companies_zh.foreign_name(core) and (
                not listed_place(core)):
            cores.add(core)
    return cores


_VERB_TITLES = ("代表",)  # also "to represent" and "a company's representative": 他代表|卡梅科公司, 卡梅科|代表


@lru_cache(maxsize=1)
def _person_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before a person's name, words after one): titles and person nouns before it; after it the titles
    no company takes (a company's officers follow its name: 卡梅科|总裁; 特朗普|总统 is a person)."""
    zh, officers = zh_rules(), set(companies_zh.company_titles())
    before = tuple(zh.titles) + tuple(zh.post_name_titles) + tuple(officers) + _PERSON_BEFORE
    after = tuple(t for t in zh.post_name_titles if t not in officers) + _PERSON_AFTER
    return (tuple(t for t in before if t not in _VERB_TITLES),
            tuple(t for t in after if t not in _VERB_TITLES))


def _set_up_as_person(text: str, s: int, e: int) -> bool:
    """A title or a person noun right before the name or a title right after it (美国总统|特朗普, 媒体大亨|默多克,
    默多克|家族), or a name dot on either side (鲁珀特·|默多克): the name is a person's here."""
    before, after = _person_cues()
    return (text.endswith(before, 0, s) or text.startswith(after, e)
            or (s > 0 and text[s - 1] in NAME_DOTS) or (e < len(text) and text[e] in NAME_DOTS))


def company_short_forms(doc: NerInput, cands: Iterable[Candidate]) -> list[Candidate]:
    """A foreign company named once with its company noun (加拿大铀矿商|卡梅科公司), then by its name alone
    (卡梅科|周二表示): the short form is the company (dev conventions 10), where the model reads a foreign name
    standing alone as a person. Not where the document sets the name up as a person's anywhere (特朗普集团 and
    美国总统|特朗普: a person's name a company bears), not inside a longer name (克|莱纳斯, 卡梅科|斯基, a
    transliteration character across a word bound, or a longer candidate over it: 卡梅科矿业, 迪士尼乐园), not before
    a place's, mine's or project's head (卡贾马卡|地区: the region a company is named after), and not where the
    company noun follows (the full name, read already)."""
    text, chars = doc.text, transliteration_chars()
    cands = list(cands)
    spans = [(c.start, c.end) for c in cands]
    bounds = doc.word_bounds

    def joined(p: int) -> bool:  # a transliteration character on both sides of p, inside one word
        return 0 < p < len(text) and text[p - 1] in chars and text[p] in chars and p not in bounds

    out = []
    for core in foreign_company_cores(text, [c for c in cands if c.label == "ORG"]):
        uses = [m.span() for m in re.finditer(re.escape(core), text)]
        if any(_set_up_as_person(text, s, e) for s, e in uses):
            continue
        for s, e in uses:
            seg = doc.segment_at(s)
            if seg is None or seg.lang != "zh" or text.startswith(_COMPANY_ENDS, e) or joined(s) or (
                    joined(e) and not companies_zh.name_ends_at(text, e, seg.end)):
                continue  # 卡梅科|斯基 goes on; 卡梅科|周二 ends (周 is a transliteration character too)
            if any(a <= s and e <= b and b - a > e - s for a, b in spans):
                continue  # a longer name holds it (卡梅科矿业, 卡梅科斯基)
            if places_zh.place_head_at(text, e):
                continue  # the region, mine or project the company is named after (卡贾马卡|地区, 卡拉拉|铁矿)
            out.append(Candidate(s, e, "ORG", RULE, "zh"))
    return out


_GLOSS = re.compile(r"[ \t]?[（(]([^（）()\n]{2,40})[）)]")
_HAN_GLOSS = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff·]{1,11}")
_LATIN_GLOSS = re.compile(rf"{_LATIN_WORD}(?: {_LATIN_WORD}){{0,5}}")


def glossed_names(doc: NerInput, cands: list[Candidate]) -> list[Candidate]:
    """A name followed right away by its form in the other script in brackets: a Latin name glossed in Han
    characters (Xi Jinping (習近平)) or a Chinese name glossed in Latin words (紫金矿业（Zijin Mining）) is
    the same entity, with the same label (that of the longest name ending there). A gloss that is a code, a
    number or a word like APP is none."""
    text = doc.text
    skip = _not_names()
    longest: dict[int, Candidate] = {}  # the whole name before the bracket (Xi Jinping, not the county Jinping)
    for c in cands:
        held = longest.get(c.end)
        if held is None or c.end - c.start > held.end - held.start:
            longest[c.end] = c
    out = []
    for c in longest.values():
        m = _GLOSS.match(text, c.end)
        if m is None:
            continue
        gloss = m.group(1)
        latin_name = _latin(text[c.start:c.end])
        if latin_name and _HAN_GLOSS.fullmatch(gloss):
            out.append(Candidate(m.start(1), m.end(1), c.label, RULE, "zh"))
        elif not latin_name and _LATIN_GLOSS.fullmatch(gloss) and gloss not in skip:
            out.append(Candidate(m.start(1), m.end(1), c.label, RULE, "en"))
    return out


def candidates(doc: NerInput, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the document-level institution readings added (and descriptors dropped)."""
    orgs = [c for c in cands if c.label == "ORG"]
    described = after_descriptors(doc, orgs)
    kept = without_descriptors(cands, described)
    found = kept + described + defined_short_names(doc, orgs + described) + latin_short_forms(
        doc, orgs + described)
    found += glossed_names(doc, found)
    found += company_short_forms(doc, found)
    return found + repeated_names(doc, found)
