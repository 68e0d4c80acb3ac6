"""Chinese named geographic features: a name plus a feature word (准噶尔盆地, 戈壁沙漠, 洋山港, 鲁迈拉油田).

Why: the gazetteer holds administrative divisions and a few famous regions; mining news names basins,
deserts, mountain areas, oilfields, mines and ports that no list holds. A feature word after two to six
Han characters that are not a generic word (偏远山区, 大型油田) makes the whole a place; a foreign
province, district or town (西开普省, 安托法加斯塔大区) is one when a country stands right before it; a
listed place followed by a state form (波兰共和国, 香港特别行政区) is one place in its long form.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from pipeline.minerals.lexicon import load_lexicon
from pipeline.ner.gazetteer import listed_country, listed_kind, listed_place
from pipeline.ner.inputs import Candidate
from pipeline.ner.lexicon import (
    PACKAGE,
    alternation,
    common_words_zh,
    fold_en,
    gazetteer,
    longest_first,
    mineral_alternation,
    transliteration_chars,
    zh_rules,
)
from pipeline.resources import RuleFile, load_validated
from pipeline.text.scripts import HAN, NAME_DASHES, QUOTE_CLOSE, is_han


class PlaceWords(RuleFile):
    """``data/places_zh.json``."""

    feature_words: list[str]
    listed_place_features: list[str]
    after_country_words: list[str]
    generic_bodies: list[str]
    mine_words: list[str]
    direction_words: list[str]
    mining_verb_chars: str
    pronoun_chars: str
    lead_words: list[str]
    adjective_ends: str
    state_forms: list[str]
    project_words: list[str]
    line_words: list[str]
    facility_heads: list[str]
    project_name_stops: list[str]
    station_words: list[str]
    strategy_words: list[str]
    site_words: list[str]
    site_leads: list[str]
    zone_words: list[str]
    zone_modifiers: list[str]
    ranking_words: list[str]
    ranking_verbs: list[str]
    honor_words: list[str]
    relation_words: list[str]
    province_abbreviations: str = ""
    compass_words: list[str] = Field(default_factory=list)
    compass_first: str = ""
    not_abbreviated_regions: list[str] = Field(default_factory=list)
    deposit_kinds: list[str] = Field(default_factory=list)  # 卤水, 红土: how an ore occurs, no name of a site
    mineral_use_before: list[str] = Field(default_factory=list)  # 少量, 伴生: a mineral word after them is the mineral
    mineral_use_after: list[str] = Field(default_factory=list)  # 价格, 期货: a mineral word before them is the mineral
    place_list_after: list[str] = Field(default_factory=list)  # 等地, 两地: the list before them names places
    geological_features: list[str] = Field(default_factory=list)  # 成矿带, 造山带: named only after a place


@dataclass(frozen=True)
class _Lex:
    features: tuple[str, ...]
    listed_features: tuple[str, ...]
    after_country: tuple[str, ...]
    generic: frozenset[str]
    mines: tuple[str, ...]
    stops: tuple[str, ...]
    function_chars: frozenset[str]
    directions: tuple[str, ...]
    leads: tuple[str, ...]
    adjective_ends: tuple[str, ...]
    mining_verbs: tuple[str, ...]
    state_forms: tuple[str, ...]
    project_words: tuple[str, ...]
    line_words: tuple[str, ...]
    facility_heads: tuple[str, ...]
    project_stops: tuple[str, ...]
    stations: tuple[str, ...]
    strategies: tuple[str, ...]
    sites: tuple[str, ...]
    site_leads: tuple[str, ...]
    zones: tuple[str, ...]
    zone_modifiers: tuple[str, ...]
    rankings: tuple[str, ...]
    ranking_verbs: tuple[str, ...]
    honors: tuple[str, ...]
    relations: tuple[str, ...]


@lru_cache(maxsize=1)
def _place_words() -> PlaceWords:
    """``data/places_zh.json``, read and checked once."""
    return load_validated(PACKAGE, "data/places_zh.json", PlaceWords)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = _place_words()
    zh = zh_rules()
    stops = [w for w in zh.org_body_stop_words + zh.follow_words + zh.sentence_verbs + zh.titles if len(w) > 1]
    generic = set(d.generic_bodies) | set(zh.org_generic_bodies) | set(zh.generic_place_nouns)
    return _Lex(longest_first(d.feature_words + d.listed_place_features + d.geological_features),
                tuple(d.listed_place_features),
                longest_first(d.after_country_words), frozenset(generic),
                longest_first(d.mine_words), longest_first(stops),
                frozenset(zh.function_chars) | frozenset(zh.leading_stop_chars) | frozenset(d.pronoun_chars),
                longest_first(d.direction_words), longest_first(d.lead_words), tuple(d.adjective_ends),
                tuple(d.mining_verb_chars), longest_first(d.state_forms), longest_first(d.project_words),
                longest_first(d.line_words), longest_first(d.facility_heads),
                longest_first(d.project_name_stops + zh.trailing_verbs),
                longest_first(d.station_words), longest_first(d.strategy_words), longest_first(d.site_words),
                longest_first(d.lead_words + d.site_leads), longest_first(d.zone_words),
                longest_first(d.zone_modifiers), longest_first(d.ranking_words), longest_first(d.ranking_verbs),
                longest_first(d.honor_words), longest_first(d.relation_words))


_EDGE = set("，。、；：？！“”‘’《》（）()〔〕【】[]…—-·,.;:?!\"' \t\r\n\u3000|/")


def _word_start(i: int, bounds: Sequence[int]) -> int:
    """Start of the segmenter word holding position i (i itself when no bounds are known)."""
    if not bounds:
        return i
    k = bisect_right(bounds, i) - 1
    return bounds[k] if k >= 0 else i


def _name_starts(text: str, start: int, ws: int, i: int, bounds: Sequence[int]) -> list[int]:
    """Where the name before a feature word at i may start (ws: start of the word holding i): the word
    part before i when it has two or more characters (大别|山区 in one word), else the nearest earlier word
    when it has two or more characters (马六甲|海峡, not 通过马六甲), else the two nearest (a name the segmenter
    cut in two)."""
    if i - ws >= 2:
        return [ws]
    if not bounds:
        return list(range(i - 2, max(start, i - 5) - 1, -1))
    k = bisect_left(bounds, ws)
    before = [b for b in reversed(bounds[max(0, k - 2):k]) if start <= b < ws]
    if before and ws - before[0] >= 2 and i == ws:
        return before[:1]
    return before


def _listed_before(text: str, start: int, i: int, bounds: Collection[int]) -> list[int]:
    """The start of the longest listed place ending at i and starting a word: a name the segmenter cut in
    more than two pieces (加里|曼丹|岛) is still whole before its feature word."""
    listed = gazetteer().zh
    for k in range(min(8, i - start), 1, -1):
        place = listed.get(text[i - k:i])
        if place is not None and place.label == "LOC" and (not bounds or i - k in bounds or i - k == start):
            return [i - k]
    return []


def _edge_ok(text: str, start: int, s: int, lex: _Lex, place_ends: set[int]) -> bool:
    """A name may start at s: after punctuation, a place word (在, 地处, 的), a direction or a listed place."""
    return (s == start or text[s - 1] in _EDGE or s in place_ends or text.endswith(lex.leads, start, s)
            or text.endswith(lex.directions, start, s))


def _clean_body(body: str, lex: _Lex) -> bool:
    if not all(is_han(c) for c in body) or any(c in lex.function_chars for c in body):
        return False
    direction = next((d for d in lex.directions if body.startswith(d)), "")
    if (direction and len(body) - len(direction) != 1) or body in lex.generic or body.endswith(
            lex.adjective_ends):
        return False  # 北部戈壁: a direction qualifies the name (北部湾 is a name)
    return not any(w in body for w in lex.stops) and not any(
        body.startswith(g) and len(g) >= len(body) - 1 for g in lex.generic)


def _ends_in_country(body: str) -> bool:
    """The name before a site word is or ends in a listed country (智利|盐湖, 中企阿根廷|盐湖): the country's sites
    of a kind, no one site's name."""
    return any(listed_country(body[k:]) for k in range(len(body) - 1))


_DASHES = "—－-"  # a dash joining the two places a feature is named by (阿克苏—库尔勒, 松潘—甘孜)


def features(text: str, start: int, end: int, known: list[Candidate],
             bounds: Sequence[int] = ()) -> Iterator[tuple[int, int]]:
    """Named basins, deserts, mountain areas, wetlands, straits, oilfields, ports (…盆地, …沙漠, …港): two to
    six characters before the feature word that are a listed place (黄河|流域) or a clean name standing
    after an edge (``_edge_ok``); the feature word ends a segmenter word (not 粤港|澳). A known institution
    right before a resource site's name owns the site (中国石化|塔河油田): its end is an edge there (not before
    a port: 恒万公司|请来|港), and no name starts inside it (中国|石油鲁迈拉油田 is 中国石油's 鲁迈拉油田)."""
    lex = _lex()
    listed = gazetteer().zh
    orgs = [(c.start, c.end) for c in known if c.label == "ORG"]
    place_ends = {c.end for c in known if c.label == "LOC"}
    owner_ends = place_ends | {e for _, e in orgs}  # before a resource site only (恒万公司|请来|港 is no port)
    bound_set = set(bounds)
    pat = re.compile("|".join(map(re.escape, lex.features)))
    place_starts = {c.end: c.start for c in known if c.label == "LOC"}
    locatives = frozenset(zh_rules().place_locatives)
    geological_words = frozenset(_place_words().geological_features)
    for m in pat.finditer(text, start, end):
        if bounds and m.end() not in bound_set and m.end() < end and len(m.group()) < 3:
            continue  # 粤港|澳; a feature word of three characters is itself specific (成矿|带铜 cut by the segmenter)
        i = m.start()
        ws = _word_start(i, bounds)
        whole = listed.get(text[ws:m.end()])
        if whole is not None and whole.label == "LOC":
            continue  # 香港 is a place of its own, not a port named 香
        for s in _listed_before(text, start, i, bound_set) + _name_starts(text, start, ws, i, bounds):
            if any(a < s < b for a, b in orgs):
                continue
            body = text[s:i]
            place = listed.get(body)
            if not 2 <= len(body) <= 6 or not _clean_body(body, lex) or (place is not None and place.label == "ORG"):
                continue  # 东盟|自贸区: an organisation's trade area, not a named place
            if mineral_name(body) or body in locatives:
                continue  # 锂辉石|矿区, 稀土|矿区: a commodity, not a name; 盆地北缘|断裂带: a locative
            if m.group() in lex.sites and _COMPANY_CHARS & set(body):
                continue  # 金川集团|二矿区: the company's site, whose name starts after the company
            if m.group() in lex.sites and _ends_in_country(body):
                continue  # 中企阿根廷|盐湖: a country's sites of a kind, no one site's name
            if m.group() in lex.listed_features and (place is None or place.label != "LOC"
                                                     or text[m.start():m.end() + 1] in common_words_zh()):
                continue  # 人工|岛, 无人|岛: a common noun; 印度洋|岛|国: 岛国; 苏拉威西|岛: an island's name
            ends = owner_ends if m.group() in lex.sites else place_ends
            # a geological belt needs a place before it: listed, read by the model (支持|东天山|成矿带) or two
            # places joined by a dash (松潘—甘孜造山带); not a kind of belt or a metaphor (逆冲|构造带, 人才|断裂带)
            # nor countries (哈萨克斯坦—中国|成矿带)
            geological = m.group() in geological_words
            listed_body = place is not None and place.label == "LOC"
            read = geological and place_starts.get(i) == s
            dashed = geological and s - 1 in place_starts and text[s - 1] in _DASHES and (listed_body or read)
            if geological and (not (listed_body or read or dashed) or listed_country(body)):
                continue
            if listed_body or read or _edge_ok(text, start, s, lex, ends):
                k = _glued_place(body, lex)
                if k:  # 智利阿塔卡马|盐湖 written as one word: the country, then the feature's own name
                    yield s, s + k
                elif dashed:
                    k = place_starts[s - 1] - s  # 松潘—甘孜造山带: a feature named by two places joined by a dash
                yield s + k, m.end()
                break


@lru_cache(maxsize=1)
def built_facility_words() -> tuple[str, ...]:
    """Words that end a built facility's name (…大桥, …宾馆, …博物馆, …机场): such a name is no place (dev
    conventions 7). Built once: every model place is checked against them."""
    return longest_first((*zh_rules().facility_words, *_lex().facility_heads))


@lru_cache(maxsize=1)
def site_and_facility_words() -> tuple[str, ...]:
    """Heads of names that are sites, features, projects, lines or built facilities (米桑|油田, 准噶尔|盆地,
    …|水电站, 青藏|铁路): a name ending in one is a place or nothing (dev conventions 7 and 8), never an
    institution the model may propose without a suffix."""
    lex = _lex()
    return longest_first((*lex.features, *lex.sites, *lex.project_words, *lex.line_words,
                          *zh_rules().facility_words))


@lru_cache(maxsize=1)
def _place_heads() -> tuple[str, ...]:
    return longest_first((*site_and_facility_words(), *_lex().after_country, "地区"))


@lru_cache(maxsize=1)
def generic_place_bodies() -> frozenset[str]:
    """Words before a feature word that name no particular place (偏远, 国际, 国内, 海外: ``generic_bodies``)."""
    return frozenset(_place_words().generic_bodies)


_STAFF_ENDS = ("师", "员", "负责人", "人员", "团队")  # 工程|师, 项目|人员: the head begins a word for staff


def place_head_at(text: str, pos: int) -> bool:
    """A place's, site's or project's head starts at pos (|地区, |省, |盆地, |铜矿, |项目): the name before it names
    the place, the mine or the project, though a company may bear the same name (卡贾马卡|地区, 卡拉拉|铁矿). Not a
    head that begins a title or a word for staff (项目|经理, 地区|总裁, 工程|师): the company's people."""
    if mine_head_at(text, pos):
        return True
    head = next((h for h in _place_heads() if text.startswith(h, pos)), "")
    return bool(head) and not text.startswith(_staff_words(), pos + len(head))


@lru_cache(maxsize=1)
def _staff_words() -> tuple[str, ...]:
    """The titles and staff words that make a head the start of a person's post (项目|经理, 工程|师)."""
    return tuple(zh_rules().titles) + _STAFF_ENDS


def feature_word(word: str) -> bool:
    """word is a feature or site word alone (盐湖, 盆地, 油田, 矿区): a kind of place, not a named one."""
    return word in _lex().features or word in _lex().sites


def mineral_feature(word: str) -> bool:
    """word is a mineral + a feature or site word (锂盐湖, 钾盐矿区, 铜矿带): a kind of feature, no named one."""
    heads = _lex().features + _lex().sites
    head = next((h for h in heads if word.endswith(h) and len(word) > len(h)), "")
    return bool(head) and mineral_name(word[:len(word) - len(head)])


def mineral_name(word: str) -> bool:
    """word is a mineral commodity or one with the character 矿 (锂辉石, 石墨, 稀土, 铜镍, 石墨矿), or an ore the
    lexicon names with its 矿 (铝土矿, 磁铁矿): such a word before a site word names a kind of site, not a
    particular one, and alone it is no place."""
    names = load_lexicon().zh_names
    core = word.removesuffix("矿")
    return word in names or core in names or (len(core) == 2 and core[0] in names and core[1] in names)


_ORE_ENDS = re.compile("(?:选矿|矿石|矿)$")


def kind_of_ore(span: str) -> bool:
    """span is a kind of ore, no place: a mineral, or how an ore occurs and a mineral, then 矿 / 矿石 / 选矿
    (锂云母选矿, 红土镍矿, 卤水锂矿); a model place of this shape is dropped."""
    core = _ORE_ENDS.sub("", span)
    if core == span or not core:
        return False
    kind = next((k for k in _place_words().deposit_kinds if core.startswith(k)), "")
    return mineral_name(core) or (bool(kind) and mineral_name(core[len(kind):]))


_ORE_GOES_ON = "区山场带田"  # 铁矿|区, 铜矿|山: the ore's mining area or mine, part of a site's name


def ore_inside(span: str) -> bool:
    """An ore (a mineral of the lexicon + 矿) stands inside span with more after it than a site word
    (红土镍矿|湿法, 铜矿|开采): the span is about the ore, not a place's name (铁矿区, 铜矿山 end a site)."""
    names = load_lexicon().zh_names
    for k in range(1, len(span) - 1):
        if span[k] == "矿" and span[k + 1] not in _ORE_GOES_ON and any(
                span[k - n:k] in names for n in (1, 2, 3) if k - n >= 0):
            return True
    return False


_MINERAL_JOINS = "、和及与"  # 黄金、白银; 钼精矿和少量白银


def mineral_use(text: str, start: int, end: int) -> bool:
    """A place whose name is a mineral word (白银) used as the mineral: after a quantity or production word, before
    a price, market or ore word, or joined to another mineral (黄金、白银, 白银和铜): no place there."""
    names = load_lexicon().zh_names
    if text[start:end] not in names:
        return False
    words = _place_words()
    place_list = rf"(?:[{_MINERAL_JOINS}][{HAN}]{{1,4}}?)*(?:{'|'.join(words.place_list_after)})"
    if re.match(place_list, text[end:end + 16]):
        return False  # 白银、石棉等地, 甘肃白银、金昌两地: a list of places
    before, after = text[max(0, start - 4):start], text[end:end + 4]
    if before.endswith(tuple(words.mineral_use_before)) or after.startswith(tuple(words.mineral_use_after)):
        return True
    joined_before = before[-1:] in _MINERAL_JOINS and any(_mineral_word_ending(before[:-1], n) for n in names)
    joined_after = after[:1] in _MINERAL_JOINS and any(_mineral_word_opening(text, end + 1, n) for n in names)
    quantity_before = any(before.endswith(w + j) for w in ("精矿", "矿") for j in _MINERAL_JOINS)
    return joined_before or joined_after or quantity_before


def _mineral_word_ending(before: str, name: str) -> bool:
    """before ends in the mineral name as a word of its own (黄金|、白银; not 金昌's 昌)."""
    return before.endswith(name) and (len(before) == len(name) or not is_han(before[-len(name) - 1])
                                      or before[-len(name) - 1] in _MINERAL_JOINS)


def _mineral_word_opening(text: str, pos: int, name: str) -> bool:
    """The mineral name opens text at pos as a word of its own (、黄金|价格, 、铜|和; not 、金昌)."""
    end = pos + len(name)
    return text.startswith(name, pos) and (end >= len(text) or not is_han(text[end]) or text[end] in _MINERAL_JOINS
                                           or text.startswith(tuple(_place_words().mineral_use_after), end))


def opens_mineral_word(text: str, start: int, end: int) -> bool:
    """text[start:end] and the one or two characters after it are a mineral the lexicon names (高纯石|英,
    氟碳铈|矿): a span that cuts such a word is no name."""
    names = load_lexicon().zh_names
    return any(text[start:end + k] in names for k in (1, 2) if end + k <= len(text))


def _glued_place(body: str, lex: _Lex) -> int:
    """Length of a listed place that opens a feature's name the segmenter wrote as one word with it
    (智利|阿塔卡马|盐湖, 内蒙古|鄂尔多斯|盆地), 0 when none does: the rest must be a name of two or more
    characters of its own, not ordinary words (北京|经济技术|开发区 is the zone's name with its city in it) or
    a direction."""
    listed = gazetteer().zh
    for k in range(len(body) - 2, 1, -1):
        place, rest = listed.get(body[:k]), body[k:]
        if place is not None and place.label == "LOC":
            if ordinary_words(rest) or rest.startswith(lex.directions) or not _clean_body(rest, lex):
                return 0
            return k
    return 0


def ordinary_words(part: str) -> bool:
    """part reads as ordinary two-character words throughout (经济技术, 高新; an odd last character shares the
    word before it)."""
    words = common_words_zh()
    chunks = [part[j:j + 2] for j in range(0, len(part) - 1, 2)] + ([part[-2:]] if len(part) % 2 else [])
    return bool(chunks) and all(c in words for c in chunks)


def after_countries(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """A foreign province, region or town right after its country (南非|西开普省, 智利|安托法加斯塔大区). A model
    place that glues the two (智利瓦尔帕莱索大区) gives both: the country and the division. No institution may end
    inside the division's name (智利监管局|第五大区: the region is the bureau's, not a name after the country), and
    none opens with 国 (蒙古国|南戈壁省)."""
    lex = _lex()
    org_ends = {c.end for c in known if c.label == "ORG"}
    countries = {c.end for c in known if c.label == "LOC" and listed_country(text[c.start:c.end])}
    # a model place that opens with a country and is no listed place itself (印度尼西亚 is no 印度 + a division),
    # cut after the longest country it opens with
    glued = {(c.start, n) for c in known if c.label == "LOC" and not listed_place(text[c.start:c.end])
             if (n := max((c.start + n for n in range(2, min(8, c.end - c.start - 1))
                           if listed_country(text[c.start:c.start + n])), default=0))}
    for s0, e0 in sorted({(-1, e) for e in countries} | glued):
        if text.startswith("国", e0):
            continue  # 蒙古|国南戈壁省: the 国 is the country's (蒙古国), no division opens with it
        for k in range(2, 8):
            w = next((w for w in lex.after_country if text.startswith(w, e0 + k)), "")
            if w and _clean_body(text[e0:e0 + k], lex) and not any(e0 < e <= e0 + k for e in org_ends):
                if s0 >= 0:
                    yield s0, e0
                yield e0, e0 + k + len(w)
                break


@lru_cache(maxsize=1)
def _station_re() -> re.Pattern[str]:
    return re.compile(rf"驻([{HAN}·]{{2,8}}?)(?:{alternation(_lex().stations)})")


def stations(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where a mission is stationed: 驻 + a place + an embassy, consulate or office word (中国驻巴士拉总领事,
    驻智利大使馆; after a country, the city: 驻印度|加尔各答总领事). Not an ordinary word (驻当地使馆), a listed
    organisation (驻联合国大使) nor a one-character short form (驻华, 驻港: the gazetteer's)."""
    lex = _lex()
    heads = {w[0] for w in lex.stations}
    zh = gazetteer().zh
    for m in _station_re().finditer(text, start, end):
        s, e = m.span(1)
        name = text[s:e]
        ordinary = name in common_words_zh() and name not in zh  # 当地, not 智利 (a word list holds countries)
        if ordinary or name in lex.generic or name[-1] in heads or "代表" in name:
            continue  # 驻港|总领事馆 read as 港总, 驻联合国代表…大使: no place of two characters or more
        if (entry := zh.get(name)) is not None and entry.label != "LOC":
            continue  # 驻联合国大使: an organisation, not a place
        country = next((k for k in range(len(name) - 2, 1, -1) if listed_country(name[:k])), 0)
        if name[country:] in lex.state_forms:
            country = 0  # 驻挪威王国大使: the country in its long form
        yield s + country, e  # 驻印度|加尔各答总领事: the city; the country is the gazetteer's


_PROJECT_SPAN = 30  # characters read to the right of a place for the head of a project name
_NAME_MARKS = set("0123456789０１２３４５６７８９±—–-～.．%")
_COUNT = re.compile(r"[一二三四五六七八九十两几多数0-9]+[个家座处批项条]")


def in_strategy_name(text: str, start: int, end: int) -> bool:
    """The listed country or province text[start:end] ends a strategy's name (健康|中国, 数字|中国, 平安|浙江)."""
    return (listed_kind(text[start:end], ("country", "province")) and text[end:end + 1] != "人"
            and text.endswith(_lex().strategies, max(0, start - 2), start))


_RANKING_GAP = 8


def in_ranking_name(text: str, start: int, end: int) -> bool:
    """The listed place text[start:end] opens a ranking's name (中国|化肥企业|百强榜, 世界|500强): up to eight
    name characters (Han or digits, no function character and no verb of placing: 中国香港|名列|排行榜) and then
    a ranking word."""
    if not listed_place(text[start:end]):
        return False
    lex = _lex()
    return _word_within(text, end, _RANKING_GAP, lex.rankings, lambda k: (
        not (is_han(text[k]) or text[k].isdigit()) or text[k] in lex.function_chars
        or text.startswith(lex.ranking_verbs, k)))  # 中国香港|名列|排行榜: the place is the one ranked


def _word_within(text: str, pos: int, gap: int, words: tuple[str, ...], stops: Callable[[int], bool]) -> bool:
    """One of ``words`` starts within ``gap`` characters after pos, before a character at which ``stops``
    holds."""
    for k in range(pos, min(len(text), pos + gap) + 1):
        if text.startswith(words, k):
            return True
        if k < len(text) and stops(k):
            return False
    return False


_TITLE_MAX = 14


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """The place text[start:end] opens a quoted honour or title (‘中国|气候宜居城市’, “中国|稀土之都”): Han
    characters up to the closing quote, ending in an honour word."""
    close = QUOTE_CLOSE.get(text[start - 1:start]) if start > 0 else None
    if close is None:
        return False
    k = text.find(close, end, end + _TITLE_MAX)
    return k > end and all(is_han(c) for c in text[end:k]) and text.endswith(_lex().honors, end, k)


_RELATION_GAP = 8


def joint_abbreviation(text: str, start: int, end: int, countries: Collection[str]) -> bool:
    """The two-character place text[start:end] is two countries' one-character forms (巴中: 巴基斯坦 and 中国,
    dev conventions 9): each character opens a country of ``countries`` (those the document names), and a
    relation word follows within eight Han characters (巴中|能源领域|合作)."""
    span = text[start:end]
    if len(span) != 2 or not all(any(c.startswith(ch) and len(c) > 1 for c in countries) for ch in span):
        return False
    return _word_within(text, end, _RELATION_GAP, _lex().relations, lambda k: not is_han(text[k]))


def in_project_name(text: str, start: int, end: int, stop: int) -> bool:
    """The place text[start:end] opens a project, line or facility name (dev conventions 7): a line word or
    a facility's head right after it (成渝|高铁, 深圳|书城, 敦煌|宾馆; in 深圳|荔景大厦 the place locates the
    building and stays), or a run of name characters with no verb, determiner, count or function word ending
    in a project word at least four characters on (哈密|—重庆±800千伏特高压直流输电线路|工程)."""
    lex = _lex()
    if text.startswith(lex.line_words, end) or text.startswith(lex.facility_heads, end):
        return True
    for i in range(end, min(stop, end + _PROJECT_SPAN)):
        ch = text[i]
        if text.startswith(lex.project_words, i):
            return i - end >= 4
        if not (is_han(ch) or ch in _NAME_MARKS or (ch.isascii() and ch.isalpha())) or ch in lex.function_chars:
            return False
        if text.startswith(lex.project_stops, i) or _COUNT.match(text, i):
            return False
    return False


def site_in_project_name(text: str, start: int, end: int) -> bool:
    """The named resource site text[start:end] (a mine, an oilfield, a salt lake: ``site_words``) is written
    right before a project word (西芒杜铁矿|项目, 卡莫阿-卡库拉铜矿|项目三期) and nowhere in the text on its own:
    the project's name holds it (dev conventions 7), as a place before one does; a site the text also names
    alone is a mention (dev conventions 8: 米桑油田)."""
    lex = _lex()
    name = text[start:end]
    if not name.endswith((*lex.sites, "矿")) or not text.startswith(lex.project_words, end):
        return False
    at = text.find(name)
    while at >= 0:
        if not text.startswith(lex.project_words, at + len(name)):
            return False
        at = text.find(name, at + 1)
    return True


def state_forms() -> tuple[str, ...]:
    """Words of a state's long form (共和国, 王国, 特别行政区), longest first."""
    return _lex().state_forms


def long_forms(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """A listed place followed by a state form is the place's long form (波兰共和国, 香港特别行政区,
    南斯拉夫联盟共和国): one place as written, not a place and a word."""
    zh = gazetteer().zh
    for c in known:
        if c.label != "LOC" or not start <= c.start < c.end < end or text[c.start:c.end] not in zh:
            continue
        form = next((w for w in state_forms() if text.startswith(w, c.end)), "")
        if form and c.end + len(form) <= end:
            yield c.start, c.end + len(form)


_MINE = re.compile(rf"(?<=[在到赴至于从])([{HAN}]{{2,5}}?)(矿|煤矿|金矿|铜矿|铁矿)(?=[，。、；：\s])")


def mines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A named mine standing alone after a place preposition (在红岭矿，…), not an activity (采矿)."""
    lex = _lex()
    for m in _MINE.finditer(text, start, end):
        body = m.group(1)
        if body not in lex.generic and not any(c in lex.function_chars for c in body) and not body.endswith(
                lex.mines) and not body.endswith(lex.mining_verbs):
            yield m.start(1), m.end()


@lru_cache(maxsize=2)
def _word_re(field: str) -> re.Pattern[str]:
    """The alternation of one word class of ``_Lex`` (``sites``, ``zones``), compiled once."""
    words: tuple[str, ...] = getattr(_lex(), field)
    return re.compile(alternation(words))


# 矿 / 矿山 / 矿区 as a site's head, not the start of 矿业, 矿产, 矿石…
_NOT_A_MINE_AFTER = "[业石物工权井藏床种源化]|产(?![量能])"  # 矿|产量 and 矿|产能 are a mine's, 矿产 is not
_MINE_HEAD = f"(?:矿区|矿山|矿)(?!{_NOT_A_MINE_AFTER})"


@lru_cache(maxsize=1)
def _named_mine_re() -> re.Pattern[str]:
    return re.compile(rf"([{HAN}]{{2,4}}?)(?:{mineral_alternation()})*(?:多金属)?{_MINE_HEAD}")


@lru_cache(maxsize=1)
def _ores() -> tuple[str, ...]:
    """The ores the mineral lexicon names with their 矿 (铝土矿, 方铅矿), read once rather than per mine."""
    return tuple(w for w in load_lexicon().zh_names if w.endswith("矿") and len(w) > 2)


def _without_ore(name: str, mine: str) -> str:
    """A mine's name without the start of an ore the lexicon names with its 矿, which the regular expression
    reads as part of the name (拥有铝土|矿 and 拥有方|铅矿 are 拥有 + 铝土矿, 拥有 + 方铅矿); ``mine`` is the whole
    match, ``name`` its name group."""
    ores = (w for w in _ores() if mine.endswith(w))
    return name[:max(0, len(mine) - max(map(len, ores), default=len(mine) - len(name)))]


_COMPANY_CHARS = frozenset("业司团")  # 铜业, 公司, 集团: a company's word, no mine's name holds it


def named_mines(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """A mine named after a listed place (定南县|岭北稀土矿, 内蒙古|白云鄂博铁矿): a name of two to four characters,
    a mineral at most, and 矿 / 矿山 / 矿区, not 矿业 or 矿产. The name is no mineral, no ordinary class word and
    no listed place of its own (江西|赣州稀土矿 is Ganzhou's mines)."""
    lex = _lex()
    listed = gazetteer().zh
    for p in sorted({c.end for c in known if c.label == "LOC" and listed_place(text[c.start:c.end])}):
        m = _named_mine_re().match(text, p, end)
        if m is None:
            continue
        name = _without_ore(m.group(1), m.group())
        if (len(name) < 2 or mineral_name(name) or listed.get(name) is not None or not _clean_body(name, lex)
                or name in common_words_zh() or _COMPANY_CHARS & set(name)
                or any(mineral_name(name[:k]) for k in range(2, len(name)))):
            continue  # 江西|铜业德兴铜矿, 山东|黄金焦家金矿: a company's word or trade in the name, the company's mine
        yield p, m.end()


_DEPOSIT_TYPE_ENDS = ("岩", "型", "式", "级", "性", "状")  # 斑岩|铜矿, 矽卡岩型|铁矿: a kind of deposit, not a name


@lru_cache(maxsize=1)
def _deposit_heads() -> re.Pattern[str]:
    """One or more minerals + 矿 / 矿山 / 矿区 (铜矿, 锂辉石矿, 铅锌矿, 锂多金属矿): the head of a deposit's name."""
    return re.compile(rf"{_minerals_run()}{_MINE_HEAD}")


@lru_cache(maxsize=1)
def _minerals_run() -> str:
    """One or more minerals, with 多金属 after them (铅锌, 锂多金属): what stands before a deposit's 矿."""
    return rf"(?:{mineral_alternation()})+(?:多金属)?"


@lru_cache(maxsize=1)
def _mine_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?:[一二三四五六七八九十]|[{HAN}]{{2}}{_minerals_run()}){_MINE_HEAD}$")


def deposit_head_before(span: str) -> int | None:
    """Where the name of the mine that ends ``span`` starts, when a deposit's head ends it (二矿区, 德兴铜矿: the
    name is the two characters before a mineral's head, or a numbered 矿区), else None."""
    m = _mine_at_end().search(span)
    return m.start() if m is not None else None


def opens_with_a_mine(text: str, s: int, e: int) -> bool:
    """text[s:e] opens with a mineral's mine, also one going on into 矿业 or 矿石 (旗下的|铜矿停产, 旗下|铜矿业公司):
    a kind of mine or trade, not a company's name."""
    return any(text[s + k - 1] == "矿" and mineral_name(text[s:s + k]) for k in range(2, min(5, e - s) + 1))


def mine_head_at(text: str, pos: int) -> bool:
    """A mineral's mine head starts at pos (|煤矿, |铜矿区, |锂辉石矿): the name before it is the mine's."""
    return _deposit_heads().match(text, pos) is not None


def zone_heads() -> tuple[str, ...]:
    """How the name of a development zone or park ends (开发区, 高新区, 工业园)."""
    return _lex().zones


def regional_mine_place(span: str) -> int:
    """The length of the place opening ``span`` when the span is a country, a province or a region + a mineral + 矿
    (滇西|锂矿, 川西地区|锂矿, 江西|钨矿): the mines of a region, not one mine, so only the region is a place; 0
    otherwise. Not a prefecture's: 攀枝花铁矿 and 白银铜矿 are single mines as often as a city's mines."""
    for k in range(2, len(span) - 1):
        head = span[:k]
        if (listed_kind(head, ("country", "province", "region")) or abbreviated_region(head)) and (
                _deposit_heads().fullmatch(span, k)):
            return k
    return 0


def _county_level(name: str) -> bool:
    """A county (county-level cities included) or a district: a mine named after one is that mine (会理|铜矿,
    德兴|铜矿), where a province's or a prefecture's are its mines (江西|钨矿, 赣州|稀土矿); the gazetteer's
    "city" kind holds foreign cities (达尔文), whose mines are no named mine either."""
    return listed_kind(name, ("county", "district"))


def named_deposits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A deposit named by two or three characters + a mineral + 矿 (巨岭铜矿, 黛溪山锂矿), opening a clause or after
    a lead word (位于|…, 旗下|…): named resource sites are places (dev conventions 8). The name is no ordinary
    word, mineral, listed place above a county (江西|钨矿 is a region's mines; 会理|铜矿 is a mine), size or kind
    of deposit (大型, 斑岩铜矿, 矽卡岩型), and holds no function character; the longest such name."""
    lex, words = _lex(), common_words_zh()
    for m in _deposit_heads().finditer(text, start, end):
        h = m.start()
        for s in (h - 3, h - 2):
            body = text[s:h]
            if s < start or not (s == start or text[s - 1] in _EDGE or text.endswith(lex.site_leads, start, s)):
                continue
            if (body in words or mineral_name(body) or body in _place_words().deposit_kinds
                    or _without_ore(body, text[s:m.end()]) != body
                    or (listed_place(body) and not _county_level(body))
                    or abbreviated_region(body)
                    or body.endswith(_DEPOSIT_TYPE_ENDS)
                    or body in lex.mines or body[0] in lex.mines or not _clean_body(body, lex)):
                continue
            yield s, m.end()
            break


@lru_cache(maxsize=1)
def _latin_deposit_re() -> re.Pattern[str]:
    name = r"(?<![A-Za-z0-9])(?P<name>[A-Z][A-Za-z0-9]*(?:[ \-][A-Z][A-Za-z0-9]*){0,3})"
    return re.compile(rf"{name}(?:{mineral_alternation()}){{1,3}}{_MINE_HEAD}")


def latin_deposits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A deposit named in Latin letters before its minerals and 矿 (洛阳钼业旗下|TFM铜钴矿, Manono锂矿): a named
    resource site as written (dev conventions 8); the Latin name alone, where it stands apart, is the model's.
    Not a listed company's or source's name (Vale|铁矿: the company's ore; 根据SMM|铜矿调研) nor a risk prefix
    (ST|锂矿)."""
    listed, risk = gazetteer().en, ("ST", "SST")
    for m in _latin_deposit_re().finditer(text, start, end):
        entry = listed.get(fold_en(m.group("name")))
        if (entry is not None and entry.label == "ORG") or m.group("name") in risk:
            continue
        yield m.start(), m.end()


_LONGEST_LISTED = 16


@lru_cache(maxsize=1)
def _abbreviated_region_re() -> re.Pattern[str]:
    d = _place_words()
    compass = alternation(longest_first(d.compass_words))
    return re.compile(rf"(?:[{d.province_abbreviations}](?:{compass})|(?:{compass})[{d.compass_first}])(?:地区)?")


def abbreviated_region(word: str) -> bool:
    """A province's one-character form + a compass word (赣南, 鲁西南, 川西地区) or a compass word + 疆 (南疆): a
    part of the province, an established region (dev conventions 9)."""
    return _abbreviated_region_re().fullmatch(word) is not None and word not in _not_regions()


@lru_cache(maxsize=1)
def _not_regions() -> frozenset[str]:
    return frozenset(_place_words().not_abbreviated_regions)


def abbreviated_regions(text: str, start: int, end: int, bounds: Sequence[int],
                        known: Sequence[Candidate] = ()) -> Iterator[tuple[int, int]]:
    """Regions named by a province's one-character form and a compass word (``abbreviated_region``), with 地区 if
    written, standing on word bounds (not 苏东|坡, a person, nor inside a longer word), not the start of a longer
    listed name and not inside a longer place already known (陕北革命根据地: the model's place holds it)."""
    bound_set = set(bounds)
    longer = [(c.start, c.end) for c in known if c.label == "LOC"]
    for m in _abbreviated_region_re().finditer(text, start, end):
        s, e = m.span()
        if bound_set and not ((s in bound_set or s == start) and (e in bound_set or e == end)):
            continue
        if text[s:e] in _not_regions() or any(
                listed_place(text[s:k]) for k in range(e + 1, min(end, s + _LONGEST_LISTED) + 1)):
            continue  # 黔东南|苗族侗族自治州: the start of a longer listed name; 苏东剧变: a joint term
        if any(a <= s and e <= b and b - a > e - s for a, b in longer):
            continue
        yield s, e


_SITE_MIN, _SITE_MAX = 3, 10


def foreign_sites(text: str, start: int, end: int,
                  owners: Collection[tuple[int, int]] = ()) -> Iterator[tuple[int, int]]:
    """A named foreign resource site (奥尤陶勒盖铜矿, 位于秘鲁的|邦巴斯铜矿, 旗下|卡莫阿-卡库拉铜矿): a
    transliterated name right before a site word, standing after punctuation, a lead word, a listed
    country or its owner, a known institution of ``owners`` (紫金矿业|卡莫阿铜矿), inside which no name starts
    (中国|石油鲁迈拉油田 is 中国石油's 鲁迈拉油田). The name has three or more characters (two after its
    country), parts joined by a dash allowed; one character of four or more may be outside the transliteration
    characters (read from MSRA's persons only). The longest such name; a listed place before the site
    word is a region's mines, not a named one (智利铜矿)."""
    lex = _lex()
    chars = transliteration_chars()
    owner_ends = {b for _, b in owners}
    for m in _word_re("sites").finditer(text, start, end):
        i, e = m.start(), m.end()
        if text[e - 1] == "矿" and re.match(_NOT_A_MINE_AFTER, text[e:e + 2]):
            continue  # 铁矿|石: iron ore, no site
        for s in range(max(start, i - _SITE_MAX), i - 1):
            if any(a < s < b for a, b in owners):
                continue
            body = text[s:i]
            after_country = any(listed_country(text[s - k:s]) for k in range(2, min(6, s - start) + 1))
            if len(body) < (2 if after_country else _SITE_MIN) or not (
                    s == start or text[s - 1] in _EDGE or text.endswith(lex.site_leads, start, s) or after_country
                    or s in owner_ends):
                continue  # after punctuation, a lead word or its country (蒙古国|奥尤陶勒盖铜矿, 伊拉克|米桑油田)
            if any(listed_place(body[:k]) for k in range(2, len(body) - 1)) or abbreviated_region(body):
                continue  # 伊拉克|米桑油田: the country before the site is a place of its own; 川西地区|锂矿: mines
            if _ends_in_country(body):
                continue  # 中企阿根廷|盐湖: a country's sites of a kind, no one site's name
            if body.startswith(lex.site_leads) or (ordinary_words(body) and not (
                    len(body) >= 4 and set(body) <= chars)):  # 格林|布什 are words too, as names of persons
                continue  # ）|旗下拉斯邦巴斯铜矿: the lead opens no name; 本周|国内|铁矿: ordinary words
            parts = re.split(f"[{NAME_DASHES}]", body)
            letters = "".join(parts)
            foreign = sum(c in chars for c in letters) >= len(letters) - (len(letters) >= 4)
            if foreign and all(parts) and all(is_han(c) for c in letters) and gazetteer().zh.get(body) is None and (
                    not any(c in lex.function_chars for c in body)):
                yield s, e
                break


def zones(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """A development zone named by its place and what it is for (宜春|经济技术|开发区, 包头|稀土|高新区, 钦州|港|片区):
    a listed or known place, then zone modifier words only, then a zone head. The place is the nearest one
    (江西|宜春经济技术开发区: 江西 stays a place of its own); a listed place counts where no place was matched
    (``_listed_before``)."""
    lex = _lex()
    # end -> start of the shortest known place ending there (the nearest: 宜春 of 江西宜春)
    place_at = {c.end: c.start for c in sorted(known, key=lambda c: c.start - c.end) if c.label == "LOC"}
    for m in _word_re("zones").finditer(text, start, end):
        i, e = m.start(), m.end()
        p = i
        while (w := next((w for w in lex.zone_modifiers if text.endswith(w, start, p)), "")) and p not in place_at:
            p -= len(w)
        # a listed place the segmenter kept inside one word counts too (龙南 of 龙南经济技术开发区)
        if p < i and (q := place_at.get(p, next(iter(_listed_before(text, start, p, ())), -1))) >= 0:
            yield q, e


def candidates(text: str, start: int, end: int, known: list[Candidate],
               bounds: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Named features, foreign divisions after their country, named mines and where missions are stationed
    in text[start:end]."""
    return sorted(set(features(text, start, end, known, bounds)) | set(after_countries(text, start, end, known))
                  | set(mines(text, start, end)) | set(long_forms(text, start, end, known))
                  | set(stations(text, start, end))
                  | set(foreign_sites(text, start, end, [(c.start, c.end) for c in known if c.label == "ORG"]))
                  | set(zones(text, start, end, known)) | set(named_mines(text, start, end, known))
                  | set(named_deposits(text, start, end)) | set(latin_deposits(text, start, end))
                  | set(abbreviated_regions(text, start, end, bounds, known)))
