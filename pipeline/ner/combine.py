"""The model's candidates plus the rule and gazetteer candidates of each language run.

A run-on list of Chinese names (``name_lists_zh``) is cut by the list reader alone: inside such a stretch
its names replace every other person candidate. Some readings need the whole document, not one run: names
defined once and used short across runs (``aliases``), and the checks of ``_document_checks`` (a class of
institutions, a place inside a project name, the generic tail of a longer name, a place that is a brand).

Why apart from the recognizer: this is pure logic over the document text and plain candidates, so it
is tested without any model; :mod:`pipeline.nlp.recognizer` runs the models and then calls it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.delegates.anchors import anchored_persons
from pipeline.ner import (
    aliases,
    companies_zh,
    context_en,
    credits_en,
    gazetteer,
    name_lists_zh,
    particles_en,
    places_zh,
    rules_en,
    rules_zh,
)
from pipeline.ner.inputs import GAZETTEER, MODEL, Candidate, NerInput
from pipeline.ner.lexicon import zh_rules


def _in_project_name(doc: NerInput, c: Candidate) -> bool:
    """A place opening a project, line or facility name (哈密|—重庆…输电线路工程) is no mention of its own."""
    seg = doc.segment_at(c.start)
    return places_zh.in_project_name(doc.text, c.start, c.end, seg.end if seg else len(doc.text))


_PHOTO_COLUMN = re.compile(r"摄\s*[（(]([^（）()\n]{2,12}?)(?<![发图供])[）)]")


def _photo_columns(text: str) -> list[tuple[int, int]]:
    """The column label in brackets after a photo credit (…摄（影像中国）, dev conventions 12): a page section,
    not a mention. Not a source credit (…摄（新华社发）)."""
    return [m.span(1) for m in _PHOTO_COLUMN.finditer(text)]


def _document_checks(doc: NerInput, cands: list[Candidate]) -> list[Candidate]:
    """Candidates that only the whole document shows to be no mention: a class of institutions (券商系期货公司),
    a kind of body every administrative level has, written without a place (当地人民法院, 各级|工商联),
    a centre that is a room or building (…总部数字化指挥中心), a place opening a project or a ranking's name
    (中国|化肥企业百强榜) or a quoted honour (‘中国|气候宜居城市’) or ending a strategy's name (健康|中国), two
    countries' joint abbreviation that is also a city (巴中|能源合作), the
    generic tail of a longer institution name used as a later reference (福利中心 after 宝安区社会福利中心), a
    model place that is the brand of a company in the document (盘江 of 盘江股份), a photo column's label
    (…摄（影像中国）), a named mine only a project's name holds (西芒杜铁矿|项目); in English a model name that is a
    project's (the Simandou iron ore project), a model person that is a listed company's short form no person
    in the document bears (Barrick), and a town's name the document reads as a company, a person or a work's
    (``context_en.town_read_otherwise``)."""
    text = doc.text
    org_names = {text[c.start:c.end] for c in cands if c.label == "ORG" and c.lang == "zh"}
    brands = companies_zh.brands(org_names)
    columns = _photo_columns(text)
    centres = tuple(zh_rules().facility_centers)
    countries = {text[c.start:c.end] for c in cands if c.label == "LOC" and c.lang == "zh"
                 and gazetteer.listed_country(text[c.start:c.end])}
    persons = [(c.start, c.end) for c in cands if c.label == "PERSON"]
    names = [(c.start, c.end, c.label) for c in cands if c.label in ("PERSON", "ORG") and not c.weak]
    towns = {(c.start, c.end) for c in cands if c.source == GAZETTEER and c.weak and c.label == "LOC"}
    out = []
    for c in cands:
        c = rules_en.without_honorifics(text, c)  # Sir David Naish: the name without its honorific
        span = text[c.start:c.end]
        if c.lang == "zh" and c.label in ("LOC", "ORG") and any(a <= c.start and c.end <= b for a, b in columns):
            continue
        if c.lang == "zh" and c.label == "ORG" and rules_zh.levels_of_a_mass_body(text, c.start, c.end):
            continue  # 各级|工商联: a class of bodies
        if c.lang == "zh" and c.label == "ORG" and c.source != GAZETTEER and (
                rules_zh.names_a_class(span) or rules_zh.kind_of_body(span) or rules_zh.generic_tail(span, org_names)
                or span.endswith(centres)):
            continue
        if c.lang == "en" and credits_en.credit_word(text, c):
            continue  # the Photo of "[Photo by Feng Yongbin/China Daily]": the credit's word, no name
        if c.lang == "en" and c.source == MODEL and context_en.in_project_name(text, c):
            continue  # the Simandou iron ore project: the project's name, not a place or a person
        if c.lang == "en" and c.source == MODEL and context_en.headline_words(text, c):
            continue  # Henan Province Says|Floods Hit Crops: a Title Case headline
        if c.lang == "en" and c.source == MODEL and context_en.listed_company_read_as_person(text, c, persons):
            continue  # "that Barrick would expand": the listed company (its weak entry stays), no person
        if c.lang == "en" and c.source == MODEL and (c.start, c.end) in towns and context_en.model_person_is_town(
                text, c, persons, names):
            continue  # "Kitwe has grown" where the text has "mines near Kitwe": the town (its weak entry stays)
        if c.lang == "en" and c.source == MODEL and (c.start, c.end) in towns and context_en.model_org_is_city(text, c):
            continue  # "the government in Bamako": the city (its weak entry stays), CONVENTIONS 9
        if c.lang == "en" and c.source == GAZETTEER and context_en.town_read_otherwise(text, c, persons, names):
            continue  # Woodside said, the Caldera project, Nick Griffin … Griffin: a town's name read otherwise
        if c.lang == "zh" and c.label == "LOC" and (_in_project_name(doc, c)
                                                    or places_zh.site_in_project_name(text, c.start, c.end)
                                                    or places_zh.in_strategy_name(
                text, c.start, c.end) or places_zh.in_ranking_name(text, c.start, c.end)
                or places_zh.in_quoted_title(text, c.start, c.end)
                or places_zh.joint_abbreviation(text, c.start, c.end, countries)
                or places_zh.mineral_use(text, c.start, c.end)
                or (c.source == MODEL and places_zh.kind_of_ore(span)) or (
                c.source == MODEL and span in brands and not gazetteer.listed_place(span))):
            continue
        out.append(c)
    return out


def with_rules(doc: NerInput, model: list[Candidate], trust_plain_orgs: bool = False) -> list[Candidate]:
    """The model's candidates (vetted) plus rule and gazetteer candidates over the zh and en runs.
    ``trust_plain_orgs``: the Chinese model's organisations without an institution suffix are kept unless they
    read as something else (``rules_zh.vet_model``); the recognizer sets it from its backend."""
    out: list[Candidate] = [c for c in model if c.lang != "zh" and not context_en.portfolio(doc.text, c)]
    ordered_bounds = sorted(doc.word_bounds)  # once per document, not once per language run
    by_start = sorted(model, key=lambda c: c.start)  # the model's candidates of a run by bisection, not a scan
    starts = [c.start for c in by_start]

    def in_run(seg_start: int, seg_end: int) -> list[Candidate]:
        return by_start[bisect_left(starts, seg_start):bisect_left(starts, seg_end)]

    stretches: list[tuple[int, int]] = []  # run-on name lists (name_lists_zh): no other person inside them
    listed: list[Candidate] = []
    zh_places = {(seg.start, seg.end): gazetteer.match_zh(doc.text, seg.start, seg.end, doc.word_bounds)
                 for seg in doc.segments if seg.lang == "zh"}
    in_full = gazetteer.codes_named_in_full(doc.text, (c for cs in zh_places.values() for c in cs))
    for seg in doc.segments:
        if seg.lang == "en":
            out += gazetteer.match_en(doc.text, seg.start, seg.end)
            orgs = rules_en.org_spans(doc.text, seg.start, seg.end)
            out += orgs
            run_orgs = orgs + [c for c in in_run(seg.start, seg.end) if c.label == "ORG"]
            out += context_en.candidates(doc.text, seg.start, seg.end, run_orgs)
            out += rules_en.pinyin_persons(doc.text, seg.start, seg.end)
            out += rules_en.byline_persons(doc.text, seg.start, seg.end)
            out += credits_en.candidates(doc.text, seg.start, seg.end)
            out += rules_en.context_persons(doc.text, seg.start, seg.end)
            out += particles_en.extended_persons(doc.text, seg.start, seg.end, in_run(seg.start, seg.end))
            out += rules_en.place_brands(doc.text, seg.start, seg.end)
        elif seg.lang == "zh":
            places = zh_places[(seg.start, seg.end)]
            places += gazetteer.named_again(doc.text, seg.start, seg.end, doc.word_bounds, in_full, places)
            vetted = rules_zh.vet_model(doc.text, [c for c in in_run(seg.start, seg.end) if c.lang == "zh"],
                                        places, doc.word_bounds, trust_plain_orgs)
            places = rules_zh.given_name_places(doc.text, places, vetted)  # 孙|中山: a person, not a place
            out += places + vetted
            out += rules_zh.candidates(doc.text, seg.start, seg.end, doc.word_bounds, vetted + places,
                                       ordered_bounds)
            lists = name_lists_zh.read(doc.text, seg.start, seg.end, in_run(seg.start, seg.end))
            stretches += lists.stretches
            listed += lists.names
    out += anchored_persons(doc.text, doc.segments, doc.word_bounds)  # names a delegate cue anchors
    out = aliases.candidates(doc, out)  # short names and Latin names across language runs
    out = _document_checks(doc, out)
    if stretches:
        out = [c for c in out if c.label != "PERSON" or not any(c.start < e and s < c.end for s, e in stretches)]
    return out + listed

