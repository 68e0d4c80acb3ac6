"""Load the NER data files once, through :mod:`pipeline.resources` (gazetteer, name lexicons, rule word
classes, label map), each checked against a declared shape so a typo fails at load time.

Why one module: the rules, the gazetteer matcher and the model glue read the same files; loading (and
validating) them here once keeps every reader a pure function over plain values.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import Field

from pipeline.resources import RuleFile, load_validated, read_text

PACKAGE = "pipeline.ner"
_STRENGTH_ORDER = {"strong": 3, "weak": 2, "suffix": 1, "context": 0}
# A numeral + a classifier of institutions and sites (一家, 两所, 一座): what follows is a kind counted, no name.
COUNT = re.compile(r"[一二两三四五六七八九十几多数百千0-9０-９]+[家间个所座批]")


class OrgSuffixes(RuleFile):
    """Institution suffixes by how much of a name they need before them (see ``rules_zh.org_by_suffix``)."""

    any: list[str]
    anchored: list[str]
    place_only: list[str]


class MediaCues(RuleFile):
    """The frames that cite a medium (see ``media_zh``)."""

    source_frames: list[str]  # 来源：X, 版权所有：X — a page's source line names the medium
    dateline_words: list[str]  # X讯 opening a paragraph (东北网讯, 中国黄金报讯): the medium's own report
    dateline_not_after: str  # characters that make a word with 讯 (闻讯, 通讯, 资讯): no medium's report
    source_prefixes: list[str]  # 来源：综合自新华社 — the words before the medium's name on a source line
    reporter_frames: list[str]
    report_frames: list[str]
    app_frames: list[str]
    reporter_words: list[str]
    reporter_acts: list[str]
    report_words: list[str]
    data_words: list[str]
    app_words: list[str]
    generic: list[str]
    generic_ends: list[str]
    cut_words: list[str]
    counts: list[str]
    title_ends: list[str]
    title_not_ends: list[str]


class ZhRules(RuleFile):
    """``data/zh_rules.json``: word classes of the Chinese rules."""

    titles: list[str]
    byline_roles: list[str]
    follow_words: list[str]
    sentence_verbs: list[str]
    not_given_name: list[str]
    org_suffixes: OrgSuffixes
    org_anchors: list[str]
    org_body_stop_words: list[str]
    org_generic_bodies: list[str]
    place_suffixes: list[str]
    list_closers: list[str]
    event_suffixes: list[str]
    generic_place_nouns: list[str]
    place_end_chars: str
    list_count_closer: str
    not_suffix_words: list[str]
    leading_stop_chars: str
    function_chars: str
    body_event_words: list[str]
    determiners: list[str]
    village_stop_chars: str
    trailing_verbs: list[str]
    institution_descriptors: list[str]
    latin_not_names: list[str]
    class_markers: list[str]
    class_marker_words: list[str]
    level_bodies: list[str]  # bodies every administrative level has (人民法院): alone they are a kind
    level_classes: list[str]  # a class of levels (县级, 各级), not a place
    person_noun_end_chars: str
    facility_centers: list[str]
    post_name_titles: list[str]
    index_after: str
    sub_unit_suffixes: list[str]
    department_suffixes: list[str]
    sub_unit_closers: list[str]
    party_organs: list[str]
    place_word_continuations: list[str]
    facility_words: list[str]
    not_place_after: list[str]
    name_compound_words: list[str]
    legislature_role_words: list[str]
    name_inner_stop_chars: str  # inside a model's surname + 2 name, these mark a body or place (李市长)
    title_body_chars: str
    legislature_endings: list[str]
    model_org_heads: list[str]
    former_markers: list[str]  # 原 (former) before a place that opens an institution's name
    pronoun_chars: str  # personal pronouns: a span opened by one is a phrase (我们党), not a name
    address_terms: list[str]
    elliptical_levels: str
    elliptical_suffixes: list[str]
    place_locatives: list[str]
    place_governors: list[str]  # words that take a place after them (位于, 赴)
    conjunction_chars: str  # right after a title they join two nouns (代表和嘉宾)
    quantifier_words: list[str]  # open a noun phrase, so no given name (向全体)
    time_unit_chars: str  # a time unit + 来 (连日来) is no given name
    classifier_suffixes: list[str]  # after a numeral a count (一部著作), not an institution
    particle_suffix: str  # 所 as the particle before a verb (所带来的)
    media_cues: MediaCues
    name_function_words: list[str]
    relation_qualifiers: list[str]
    doctrine_words: list[str]
    hub_suffixes: list[str]  # after a field list a place's role (金融、贸易和航运中心), not a body
    bracketed_company_words: list[str]  # in brackets inside a company's name (包钢（集团）公司)
    branch_suffixes: list[str]  # a branch joins its institution whatever follows (…商会稀土分会)
    mineral_name_heads: list[str]  # 包头|稀土|高新区: a place + a mineral + one of these is a name
    zone_committee_words: list[str]  # …高新区|管委会: a zone's administrative committee
    mass_bodies: list[str]  # each place has its own (湖南省|工商联): branches_zh.local_bodies, elliptical bodies
    branching_parties: list[str]  # name + 中央 or + a place + 委 is one committee (民进江西省委)


class EnRules(RuleFile):
    """``data/en_rules.json``: word classes of the English institution grammar and person rules."""

    org_heads: list[str]
    industry_heads: list[str]
    industry_modifiers: list[str]
    resource_nouns: list[str]
    sub_unit_heads: list[str]
    parent_heads: list[str]
    generic_words: list[str]
    weak_heads: list[str]
    title_words: list[str]
    place_designators: list[str]
    name_designators: list[str]  # designators that make an unlisted name a place (Ejin Banner)
    ethnonyms: list[str]
    connector_in_targets: list[str]
    determiners: list[str]
    leading_stopwords: list[str]
    event_heads: list[str]
    company_suffixes: list[str]
    reporting_verbs: list[str]
    abbreviations: list[str]
    connectors: list[str]
    romance_heads: list[str]
    romance_links: list[str]
    derived_endings: list[str]
    site_heads: list[str]
    site_leads: list[str]
    acronym_title_words: list[str]
    employer_titles: list[str]
    company_clause_verbs: list[str]
    analyst_words: list[str]
    share_moves: list[str]
    company_end_words: list[str]
    company_commodity_words: list[str]
    company_nouns: list[str]
    place_nouns: list[str]
    enumerated_heads: list[str]
    demonym_endings: list[str]
    trailing_function_words: list[str]
    seat_words: list[str]
    owner_words: list[str]
    owned_company_words: list[str]
    acronym_not_companies: list[str]
    trailing_place_nouns: list[str]
    trailing_site_nouns: list[str]
    portfolio_words: list[str]
    commodity_site_nouns: list[str]
    site_commodities: list[str]
    project_modifiers: list[str]
    works_nouns: list[str]
    named_site_nouns: list[str]
    term_acronyms: list[str]
    calendar_words: list[str] = Field(default_factory=list)
    person_honorifics: list[str] = Field(default_factory=list)  # Sir, Colonel, Justice: cut off a person's front
    operation_nouns: list[str] = Field(default_factory=list)  # its Tenke operations
    company_site_words: list[str] = Field(default_factory=list)  # Mopani Copper Mines
    dotted_country_prefixes: list[str] = Field(default_factory=list)  # the U.S. Department of Energy
    name_particles: list[str] = Field(default_factory=list)  # van der, dos, wa: inside a person's name
    name_patronymics: list[str] = Field(default_factory=list)  # uulu, kyzy: end a person's name

    @property
    def company_words(self) -> list[str]:
        """Every word after a company's own name in its full form: the end words and the commodity words."""
        return self.company_end_words + self.company_commodity_words
    place_in_words: list[str] = Field(default_factory=list)  # based in, output in: a place follows
    place_at_words: list[str] = Field(default_factory=list)  # production at, a strike at: a site follows
    headline_verbs: list[str] = Field(default_factory=list)  # Ministry Sets …: a headline's verb ends a name
    headline_verbs_not: list[str] = Field(default_factory=list)  # United States: a noun, not the verb "states"
    headline_labels: list[str] = Field(default_factory=list)  # EXCLUSIVE, FACTBOX: no dateline's place


class PinyinNames(RuleFile):
    """``data/pinyin_names.json`` (generated by ``tools/gazetteer/build_name_lexicon``)."""

    source: str
    syllables: list[str]
    surnames: dict[str, list[str]]


class TransliterationChars(RuleFile):
    """``data/transliteration_chars.json`` (generated by ``tools/gazetteer/build_transliteration_chars``)."""

    source: str
    chars: str


class LabelMap(RuleFile):
    """``data/labels.json``: a model's label -> PERSON / ORG / LOC."""

    labels: dict[str, str] = Field(default_factory=dict)


@dataclass(slots=True)
class Place:
    """All gazetteer rows sharing one surface, merged: the strongest use wins, codes are pooled."""

    label: str
    kind: str
    strength: str
    codes: set[str] = field(default_factory=set)
    ancestors: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    zh: dict[str, Place]
    en: dict[str, Place]  # keyed by ``fold_en(surface)``


def fold_en(s: str) -> str:
    """Key for English surfaces: one apostrophe form, one space, case kept (names are capitalised)."""
    return " ".join(s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").split())


def demonym(word: str, *, country_for_i: bool = False) -> bool:
    """A nationality adjective (Zambian, Guinean, Japanese, Iraqi), not a listed place: a word with one of the
    demonym endings. With ``country_for_i`` the bare -i counts only where its country is listed (Iraq-i,
    Israel-i, Somali+a, Saudi Arabia), so a name before a site noun keeps Kolwezi and Tolgoi; a model's lone
    place word is judged without it, as there -i words are more often persons and brands (Turabi, Ducati)."""
    en = gazetteer().en
    if fold_en(word) in en or not word.endswith(tuple(en_rules().demonym_endings)):
        return False
    if country_for_i and not word.endswith(tuple(e for e in en_rules().demonym_endings if e != "i")):
        return word[:-1] in en or word + "a" in en or word in _first_words_of_places()
    return True


@lru_cache(maxsize=1)
def _first_words_of_places() -> frozenset[str]:
    """First words of listed English places of several words (Saudi of Saudi Arabia)."""
    return frozenset(k.split()[0] for k, p in gazetteer().en.items() if " " in k and p.label == "LOC")


def past_company_modifier(text: str, s: int, e: int) -> int:
    """Where a name in text[s:e] starts after the last hyphened word that says where a company sits or trades
    or who owns or backs it (British Virgin Islands-based X Ltd; shares of Hong Kong-listed Jiangxi Copper;
    Glencore-backed X; State-owned X): that word and the place or owner in it are no part of the name. s when
    there is none; e when nothing follows it. An ordinary word's owner modifier inside a name that begins before
    it is the name's own (Hunan Provincial State-owned Assets Supervision and Administration Commission); a seat
    word always cuts (British Virgin Islands-based X Ltd)."""
    owners = frozenset(en_rules().owner_words)
    cuts = [m.end() for m in _company_modifier().finditer(text, s, e)
            if m.start() == s or m.group(2) not in owners or m.group(1).lower() not in common_words_en()]
    return cuts[-1] if cuts else s


def company_modifier_suffix() -> str:
    """A regex alternation of the words after "<Name>-" that say where a company sits or who owns it."""
    return alternation(en_rules().seat_words + en_rules().owner_words)


@lru_cache(maxsize=1)
def _company_modifier() -> re.Pattern[str]:
    return re.compile(rf"([\w.'&]+)-({company_modifier_suffix()})(?![\w\-])\s*")


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The distinct words, longest first: the order a ``startswith`` tuple or a regex alternation needs so
    that a longer word wins over its own prefix (控股股东 before 控股)."""
    return tuple(sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def mineral_alternation() -> str:
    """The Chinese mineral names of the mineral lexicon as one regex alternation, longest first (the place and
    gazetteer rules read a mineral inside a name: 会理|铜|矿, 冕宁|稀土|高新区)."""
    from pipeline.minerals.lexicon import load_lexicon  # the minerals package reads no NER module

    return alternation(load_lexicon().zh_names)


def weekday_words() -> tuple[str, ...]:
    """The days of the week as Chinese writes them (周二, 星期五, 礼拜天): the day of the news, glued to a name or
    ending one (rules_zh, companies_zh)."""
    return tuple(f"{head}{day}" for head in ("星期", "礼拜", "周") for day in "一二三四五六日天")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, escaped, longest first."""
    return "|".join(map(re.escape, longest_first(words)))


def tsv_rows(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated data file with a header line; ``#`` lines are comments."""
    lines = [ln for ln in read_text(PACKAGE, f"data/{name}").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def word_list(name: str) -> list[str]:
    """A one-word-a-line data file; ``#`` lines are comments."""
    return [ln.strip() for ln in read_text(PACKAGE, f"data/{name}").splitlines()
            if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def towns_en() -> frozenset[str]:
    """English names of the world's towns outside China (``data/towns_en.tsv``, from GeoNames): weak places that
    only the gazetteer's matcher reads, so no rule takes a company named after a town for a listed place."""
    return frozenset(fold_en(r["surface"]) for r in tsv_rows("towns_en.tsv"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    rows = tsv_rows("gazetteer.tsv")
    parent = {r["code"]: r["parent"] for r in rows if r["code"] and r["parent"]}
    tables: dict[str, dict[str, Place]] = {"zh": {}, "en": {}}
    for r in rows:
        key = r["surface"] if r["lang"] == "zh" else fold_en(r["surface"])
        place = tables[r["lang"]].get(key)
        if place is None:
            place = tables[r["lang"]][key] = Place(r["label"], r["kind"], r["strength"])
        elif _STRENGTH_ORDER[r["strength"]] > _STRENGTH_ORDER[place.strength]:
            place.strength, place.kind, place.label = r["strength"], r["kind"], r["label"]
        if r["code"]:
            place.codes.add(r["code"])
        p = r["parent"]
        while p:
            place.ancestors.add(p)
            p = parent.get(p, "")
    return Gazetteer(zh=tables["zh"], en=tables["en"])


@lru_cache(maxsize=1)
def zh_rules() -> ZhRules:
    return load_validated(PACKAGE, "data/zh_rules.json", ZhRules)


@lru_cache(maxsize=1)
def en_rules() -> EnRules:
    return load_validated(PACKAGE, "data/en_rules.json", EnRules)


@lru_cache(maxsize=1)
def person_honorifics() -> frozenset[str]:
    """The honorifics, ranks and offices written before a person's name (Sir, Judge, Colonel, Sen.), as written:
    the name rules cut them off a person's front, the context rules read a person's use by them."""
    return frozenset(en_rules().person_honorifics)


@lru_cache(maxsize=1)
def pinyin_names() -> PinyinNames:
    return load_validated(PACKAGE, "data/pinyin_names.json", PinyinNames)


@lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    return frozenset(load_validated(PACKAGE, "data/transliteration_chars.json", TransliterationChars).chars)


@lru_cache(maxsize=1)
def surnames_zh() -> frozenset[str]:
    return frozenset(word_list("surnames_zh.txt"))


@lru_cache(maxsize=1)
def common_words_en() -> frozenset[str]:
    """Words ordinary English news writes in lower case (generated by ``tools/gazetteer/build_common_words``)."""
    return frozenset(word_list("common_words_en.txt"))


@lru_cache(maxsize=1)
def common_words_zh() -> frozenset[str]:
    """Two-character words of ordinary Chinese (generated by ``tools/gazetteer/build_common_words``)."""
    return frozenset(word_list("common_words_zh.txt"))


@lru_cache(maxsize=1)
def rare_words_zh() -> frozenset[str]:
    """Words of ``common_words_zh`` that running news hardly writes (明泰, 中伟: brands the word lists happen to
    hold; generated by ``tools/gazetteer/build_common_words``)."""
    return frozenset(word_list("rare_words_zh.txt"))


@lru_cache(maxsize=1)
def label_map() -> dict[str, str]:
    return load_validated(PACKAGE, "data/labels.json", LabelMap).labels
