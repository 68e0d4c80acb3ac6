"""Chinese company short names: the daily language of market news.

Why: market news names listed companies by their security short name (金泰股份, 岭南科创, *ST华辰), often
with no suffix a general institution grammar knows, and the statistical model or the segmenter cuts them
(金源期|货). What marks them is their context, which these rules read:
- a digest whose items open with a short name and a colon (``12、XX科技：…``), three or more in a run;
- a stock code in brackets right after the name (XX股份（600123）);
- a short name defined once after the full name (…有限公司（以下简称“XX”）), then used on its own
  (``defined_short_names``; ``aliases`` applies it to the whole document, across language runs);
- ownership and deal relations (X控股的Y, X旗下Y, 收购Y, X持股60%, X拟减持 — a holder that is a
  surname + given name is a person);
- a brand of two to four characters plus an industry word (XX证券, XX期货) that is the subject of market
  news (XX证券研报, XX期货称) or stands right after an ownership cue.
- a two-character brand that is no ordinary word + a company word (除|浦发银行之外): a coined brand
  (``coined_brands``);
- a listed group's brand + two characters that are no ordinary word, before a maker's verb, market news or
  a company title (首钢|智新|生产的): a subsidiary named after its group (``subsidiary_names``);
- the items of a list of companies (包括甲、乙等企业, 客户包括甲和乙; ``listed_companies``);
- a Latin acronym right before an industry word (LG|能源; ``latin_brands``).

A short name's edges come from its context: it starts after punctuation, a digit, a function word or a
cue word, and ends before one; the segmenter's bounds are not trusted here (they cut unknown brands).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from pipeline.minerals.lexicon import load_lexicon
from pipeline.ner.gazetteer import listed_company, listed_kind, listed_place, place_ends_at
from pipeline.ner.lexicon import (
    COUNT,
    PACKAGE,
    alternation,
    common_words_zh,
    en_rules,
    longest_first,
    rare_words_zh,
    transliteration_chars,
    weekday_words,
    zh_rules,
)
from pipeline.ner.name_lists_zh import name_score
from pipeline.ner.places_zh import abbreviated_region, generic_place_bodies, mineral_name, opens_with_a_mine
from pipeline.resources import RuleFile, load_validated
from pipeline.text.scripts import HAN, NAME_DASHES, NAME_DOTS, is_han

ORG, PERSON = "ORG", "PERSON"
_MIN, _MAX = 2, 4  # a brand (or a bare short name) is two to four characters
_DETERMINERS = frozenset("该这那各每此某")
_REGISTERED = re.compile(rf"([{HAN}]{{2,16}}?)(?:股份有限公司|有限责任公司|集团有限公司|有限公司)")
_MAX_WITH_WORD = 8  # a name ending in an industry word or institution suffix may be longer


class CompanyWords(RuleFile):
    """``data/companies_zh.json``."""

    industry_words: list[str]
    weak_industry_words: list[str] = Field(default_factory=list)
    risk_prefixes: list[str]
    definition_cues: list[str]
    owner_cues: list[str]
    owned_cues: list[str]
    ownership_words: list[str]
    speech_cues: list[str]
    deal_verbs: list[str]
    generic_holders: list[str]
    name_stop_words: list[str]
    clause_verbs: list[str]
    inner_stop_chars: str
    designator_words: list[str]
    company_titles: list[str]
    list_followers: str
    product_verbs: list[str] = Field(default_factory=list)
    coined_brand_words: list[str] = Field(default_factory=list)
    list_openers: list[str] = Field(default_factory=list)
    party_nouns: list[str] = Field(default_factory=list)
    company_class_nouns: list[str] = Field(default_factory=list)
    filing_cues: list[str] = Field(default_factory=list)
    bare_filing_cues: list[str] = Field(default_factory=list)
    result_cues: list[str] = Field(default_factory=list)  # 净利润, 营收, 市值: a company's results
    outlook_cues: list[str] = Field(default_factory=list)  # 有望受益: a broker's outlook on a share
    descriptor_class_words: list[str] = Field(default_factory=list)  # 头部, 旗下: after a describing noun, a class
    modal_openers: list[str] = Field(default_factory=list)  # 有望, 或将: a verb phrase, not a name, opens here
    outlook_sectors: list[str] = Field(default_factory=list)  # 电池, 车, 链: products and sectors benefit too
    predicate_ends: list[str] = Field(default_factory=list)  # 受益, 明显, 增长: a verb phrase ends here
    stock_move_cues: list[str] = Field(default_factory=list)  # 涨停, 涨幅居前: a share price's moves
    share_verbs: list[str] = Field(default_factory=list)  # 回购, 发行: verbs whose object is 股份 (shares)
    news_day_words: list[str] = Field(default_factory=list)  # 今天, 日前: the day of the news before its verb
    news_day_verbs: list[str] = Field(default_factory=list)  # 表示, 宣布: what a company says after the day


@dataclass(frozen=True)
class _Lex:
    industry: tuple[str, ...]
    weak_industry: frozenset[str]
    risk: tuple[str, ...]
    definition: tuple[str, ...]
    owner: tuple[str, ...]
    owned: tuple[str, ...]
    speech: tuple[str, ...]
    deal: tuple[str, ...]
    generic: frozenset[str]
    stops: tuple[str, ...]  # words of two or more characters that a name never contains and that end a walk
    function_chars: frozenset[str]  # single characters a name neither starts nor ends with
    titles: tuple[str, ...]
    suffixes: tuple[str, ...]  # institution suffixes of two or more characters
    inner_stops: frozenset[str]
    strong_industry: tuple[str, ...]
    stops_set: frozenset[str]
    stops_all: frozenset[str]
    designators: frozenset[str]
    company_titles: tuple[str, ...]
    list_followers: str
    ownership: tuple[str, ...]
    product: tuple[str, ...]
    coined: tuple[str, ...]
    openers: tuple[str, ...]
    parties: tuple[str, ...]
    classes: tuple[str, ...]  # words for a class of companies (企业, 车企, 龙头)
    clause_verbs: tuple[str, ...]  # verbs of a clause that no name holds (携手, 签署)
    filing: tuple[str, ...]  # cues only a listed company has (公告, 股价)
    bare_filing: tuple[str, ...]  # of them, those that make a company of a name with no industry word
    results: frozenset[str]  # a company's results (净利润), which its period may precede (前三季度|净利润)
    moves: frozenset[str]  # a share price's moves (涨停), which 等 or a time of the session may precede
    share_verbs: frozenset[str]  # verbs whose object is 股份 (回购|股份): no brand before 股份
    outlook: frozenset[str]  # a broker's outlook on a share (有望受益), read after four characters only
    outlook_sectors: tuple[str, ...]  # 电池, 车, 链: the ends of products and sectors that benefit too
    predicate_ends: tuple[str, ...]  # 受益, 明显, 增长: a verb phrase, not an owned name, ends so
    modal_openers: tuple[str, ...]  # 有望, 或将: a verb phrase, not an owned name, opens so
    class_markers: tuple[str, ...]  # 头部, 背景: after a describing noun a class of companies follows
    news_days: tuple[str, ...]  # 周二, 日前, 当地时间: the day of the news, between a name and its verb
    news_day_verbs: tuple[str, ...]  # 表示, 宣布 (and the deal verbs): read after the day of the news


@lru_cache(maxsize=1)
def mineral_trade_words() -> tuple[str, ...]:
    """A metal's one-character name + 业 (钨业, 锑业, 镍业): the trade word of a metal company's short name (翔鹭钨业),
    as 锂业 and 钴业 are, for every metal and rare earth of the mineral lexicon, in the simplified script, rather
    than the few a list would hold. Not the names that are ambiguous in running text (金, 铁, 铜, 锡: surnames,
    parts of places, 钢铁业 a trade)."""
    lexicon = load_lexicon()
    return tuple(sorted(name + "业" for name, entry in lexicon.zh_names.items()
                        if len(name) == 1 and name not in lexicon.zh_ambiguous and entry.category in _METALS
                        and _simplified(name)))


_METALS = ("metal", "precious metal", "rare earth")


def _simplified(char: str) -> bool:
    """A character of the simplified script (GB 2312 holds it): 鋰 of traditional text never stands before 业."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = load_validated(PACKAGE, "data/companies_zh.json", CompanyWords)
    zh = zh_rules()
    trades = list(mineral_trade_words())
    cues = d.owner_cues + d.owned_cues + d.speech_cues + d.deal_verbs + d.definition_cues
    words = (d.name_stop_words + list(weekday_words()) + cues + d.generic_holders + zh.follow_words
             + zh.sentence_verbs + zh.titles + zh.org_body_stop_words)
    # 同, 正 open brand names (同泰股份, 正远股份): they only end a walk as words of their own
    single = (set(zh.leading_stop_chars) | set(zh.function_chars)
              | {w for w in d.name_stop_words + cues if len(w) == 1}) - {"同", "正"}
    suffixes = zh.org_suffixes.any + zh.org_suffixes.anchored
    return _Lex(longest_first(d.industry_words + trades), frozenset(d.weak_industry_words),
                longest_first(d.risk_prefixes), longest_first(d.definition_cues), longest_first(d.owner_cues),
                longest_first(d.owned_cues), longest_first(d.speech_cues), longest_first(d.deal_verbs),
                frozenset(d.generic_holders) | frozenset(zh.org_generic_bodies),
                longest_first(w for w in words if len(w) > 1), frozenset(single), longest_first(zh.titles),
                longest_first(s for s in suffixes if len(s) > 1), frozenset(d.inner_stop_chars),
                longest_first(set(d.industry_words + trades) - set(d.weak_industry_words)),
                frozenset(w for w in words if len(w) == 2), frozenset(w for w in words if len(w) > 1),
                frozenset(d.designator_words + trades), longest_first(d.company_titles), d.list_followers,
                longest_first(d.ownership_words), longest_first(d.product_verbs),
                longest_first(d.coined_brand_words + trades), longest_first(d.list_openers),
                longest_first(d.party_nouns), longest_first(d.company_class_nouns), tuple(d.clause_verbs),
                longest_first(d.filing_cues),
                longest_first(d.bare_filing_cues + d.result_cues + d.stock_move_cues + d.outlook_cues),
                frozenset(d.result_cues), frozenset(d.stock_move_cues), frozenset(d.share_verbs),
                frozenset(d.outlook_cues), longest_first(d.outlook_sectors), longest_first(d.predicate_ends),
                longest_first(d.modal_openers), longest_first(d.descriptor_class_words + zh.class_markers),
                longest_first(d.news_day_words + [f"{week}{day}" for week in ("", "本", "上", "下")
                                                  for day in weekday_words()]),
                longest_first(d.news_day_verbs + d.deal_verbs))


_EDGE = set("，。、；：？！“”‘’《》（）()〔〕【】[]…—-·,.;:?!\"' \t\r\n\u3000|/")


_DESIGNATOR_ENDS = frozenset("省市县区州旗盟")


def _after_listed_place(text: str, start: int, pos: int) -> bool:
    """A listed place written in full ends at pos (漯河市|双汇, 宜昌市|鑫川): a brand may start there."""
    if pos <= start or text[pos - 1] not in _DESIGNATOR_ENDS:
        return False
    return place_ends_at(text, pos, start, longest=9)


def _hard_left(text: str, start: int, pos: int, lex: _Lex) -> bool:
    """A name may start at pos: run start, punctuation or space, right after a stop or cue word, a
    function character or a noun that describes a company by its trade (铜生产商|皮埃蒙特锂业, 锂矿巨头|…; not
    银行|办理保险), or right after a listed place written
    with its designator (not right after a digit:
    7名股东; not inside a stop word: 致|电湖南)."""
    if pos <= start or text[pos - 1] in _EDGE:
        return True
    if _inside_stop(text, start, pos, lex):
        return False
    return is_han(text[pos - 1]) and (text.endswith(lex.stops, start, pos) or text[pos - 1] in lex.function_chars
                                      or _after_listed_place(text, start, pos)
                                      or text.endswith(_trade_descriptors(), start, pos))


def _inside_stop(text: str, start: int, pos: int, lex: _Lex) -> bool:
    """A stop word runs across pos (致|电湖南, 考虑|到索尼): pos is inside it, no edge."""
    return any(text[pos - k:pos - k + n] in lex.stops_all for k in range(1, min(3, pos - start) + 1)
               for n in range(k + 1, k + 4))


def _hard_right(text: str, pos: int, end: int, lex: _Lex) -> bool:
    if pos >= end or text[pos] in _EDGE or not is_han(text[pos]):
        return True
    if text[pos - 1:pos + 1] in lex.stops_set:
        return False
    return text.startswith(lex.stops, pos) or text[pos] in lex.function_chars


def _clean_name(name: str, lex: _Lex, place_ok: bool = False) -> bool:
    """Han characters (after a risk prefix), no stop or cue word inside, not a generic word, and not a
    place (unless ``place_ok``: a place is a brand before an industry word, 武汉|控股)."""
    core = name[len(next((p for p in lex.risk if name.startswith(p)), "")):]
    if (len(core) < _MIN or not all(is_han(c) for c in core) or core in lex.generic or core[0] in _DETERMINERS
            or COUNT.match(core)):
        return False  # 该集团, 这家公司: a reference, not a name; 一座锂矿: a kind counted
    if (core[0] in lex.function_chars or core[-1] in lex.function_chars or any(w in core for w in lex.stops)
            or any(c in lex.inner_stops for c in core)):
        return False
    return place_ok or not listed_place(core)


def _max_len(text: str, start: int, pos: int, lex: _Lex) -> int:
    return _MAX_WITH_WORD if text.endswith(lex.industry + lex.suffixes, start, pos) else _MAX


def name_left(text: str, start: int, pos: int, lex: _Lex, min_len: int = _MIN, limit: int = 0,
              place_ok: bool = False) -> int:
    """Start of the short name ending at pos (the longest with a hard left edge, at most ``limit``
    characters after a risk prefix), or -1."""
    prefix = next((p for p in lex.risk if text.endswith(p, start, pos)), "")
    limit = limit or _max_len(text, start, pos, lex)
    for k in range(min(limit, pos - start), min_len - 1, -1):
        s = pos - k
        risk = next((p for p in lex.risk if text.endswith(p, start, s)), "") if not prefix else ""
        if _hard_left(text, start, s - len(risk), lex) and _clean_name(text[s - len(risk):pos], lex, place_ok) and (
                not _tail_of_stop(text, start, s - len(risk), pos, lex)):
            return s - len(risk)
    return -1


def _tail_of_stop(text: str, start: int, s: int, e: int, lex: _Lex) -> bool:
    """text[s:e] ends a stop word that starts before s (一致|行动人): no name of its own."""
    return any(text[s - j:e] in lex.stops_all for j in range(1, 4) if s - j >= start)


def name_right(text: str, pos: int, end: int, lex: _Lex, min_len: int = _MIN) -> int:
    """End of the short name starting at pos (the longest with a hard right edge), or -1."""
    risk = next((p for p in lex.risk if text.startswith(p, pos)), "")
    core = pos + len(risk)
    for k in range(min(_MAX_WITH_WORD, end - core), min_len - 1, -1):
        e = core + k
        if k > _MAX and not text.endswith(lex.industry + lex.suffixes, core, e):
            continue
        if _hard_right(text, e, end, lex) and _clean_name(text[pos:e], lex):
            return e
    return -1


def _find_all(text: str, words: tuple[str, ...], start: int, end: int) -> Iterator[tuple[int, int]]:
    """Occurrences of the words (longest first at each position), as (start, end)."""
    pat = re.compile("|".join(map(re.escape, words)))
    for m in pat.finditer(text, start, end):
        yield m.start(), m.end()


_DIGEST_HEAD = re.compile(rf"(?m)^[ \t]*\d{{1,3}}[、.．][ \t]*((?:S?\*?S?T)?[{HAN}]{{2,6}}[AB]?)[：:]")
_STOCK_CODE = re.compile(r"[（(]\s*(?:(?:股票|证券)?代码[：:]?\s*)?(?:\d{6}(?:\.(?:SH|SZ|BJ))?|\d{4,5}\.HK)\s*[）)]")


def digest_heads(text: str, start: int, end: int, lex: _Lex) -> list[tuple[int, int]]:
    """Short names heading the items of a numbered digest (``12、XX科技：…``), when three or more items
    do so (a single ``1、背景：`` is a topic, not a company)."""
    heads = [(m.start(1), m.end(1)) for m in _DIGEST_HEAD.finditer(text, start, end)]
    heads = [(s, e) for s, e in heads if len(text[s:e]) >= 3 and _clean_name(text[s:e].rstrip("AB"), lex)]
    return heads if len(heads) >= 3 else []


def before_stock_codes(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    for m in _STOCK_CODE.finditer(text, start, end):  # exchange short names have at most four characters
        pos = m.start() - (1 if text[m.start() - 1:m.start()] in ("A", "B") else 0)
        s = name_left(text, start, pos, lex, limit=_MAX)
        if s >= 0:
            yield s, m.start()


def defined_short_names(text: str, start: int, end: int, org_ends: Collection[int]) -> Iterator[tuple[int, int]]:
    """``FULL（以下简称“X”）``: X, where an institution name ends right before the bracket; then every
    other occurrence of X in text[start:end]."""
    lex = _lex()
    cues = "|".join(map(re.escape, lex.definition))
    pat = re.compile(rf"[（(](?:[^（）()]{{0,40}}[，,；;]\s*)?(?:{cues})[：:]?\s*[“\"「]?"
                     rf"([^”\"」）)，,；;\s]{{2,12}})[”\"」]?[）)]")
    names: set[str] = set()
    for m in pat.finditer(text, start, end):
        if m.start() in org_ends:
            names.add(m.group(1))
    for name in names:
        i = text.find(name, start, end)
        while i >= 0:
            yield i, i + len(name)
            i = text.find(name, i + len(name), end)


PersonShaped = Callable[[int, int], bool]


def relations(text: str, start: int, end: int, lex: _Lex,
              person_shaped: PersonShaped) -> Iterator[tuple[int, int, str]]:
    """Names standing in ownership and deal relations (owner cue after, owned cue before, deal verb after). An
    owned name ends before punctuation, another cue or where it works (旗下|华越镍钴|在印尼: not an ordinary
    word's end, 旗下|电池产品|在欧洲); a transliterated one is the company's even where the model reads a person
    (控股子公司|泰利森)."""
    words = common_words_zh()
    for a, b in _find_all(text, lex.owner + lex.deal, start, end):
        deal = text[a:b] in lex.deal
        a = _before_latin_gloss(text, start, a)  # 五矿资源|（MMG）|旗下: the gloss stands between name and cue
        s = name_left(text, start, a, lex)
        if s < 0:
            continue
        if person_shaped(s, a):
            if deal:
                yield s, a, PERSON
            continue
        if not deal or a - s >= 3:
            yield s, a, ORG
    for _, b in _find_all(text, lex.owned, start, end):
        full = _REGISTERED.match(text, b, end)  # 旗下|定南大华新材料资源有限公司: a registered name in full
        if full and _clean_name(full.group(1), lex, place_ok=True):
            yield b, full.end(), ORG
            continue
        e = name_right(text, b, end, lex, min_len=3)  # 旗下|漫画: two characters after a cue are a noun
        foreign = e > 0 and foreign_name(text[b:e])  # 控股子公司|泰利森: read as a person
        if e < 0 or (person_shaped(b, e) and not foreign) or _dash_joined(text, e, end) or opens_with_a_mine(
                text, b, e) or text.startswith(tuple(NAME_DOTS), e):
            continue  # 旗下|卡莫阿-卡库拉铜矿, 旗下|史密斯·巴内…公司: the name goes on; 旗下的|铜矿停产: a kind of mine
        after = text[e:e + 6]
        located = after.startswith(_LOCATIVES) and (foreign or (
            text[e - 2:e] not in words and not _plain_phrase(text[b:e], lex)))
        clause = text.startswith(lex.modal_openers, b) or (  # 龙头|有望受益|。, 龙头|优势明显: a verb phrase
            text.endswith(lex.predicate_ends, b, e) and not listed_place(text[b:b + 2]))
        if text.endswith(lex.strong_industry + lex.suffixes, b, e) or (not clause and (
                e >= end or text[e] in _EDGE or located or after.startswith(lex.owner + lex.speech + lex.deal)
                or text[e] in lex.list_followers)):
            yield b, e, ORG


def foreign_name(span: str) -> bool:
    """Three or more transliteration characters that read as no Han surname + given name (卡梅科, 泰利森; not
    高德康, 马丽娜, 金大中, whose characters are transliteration characters too): a foreign name, which the
    model reads as a person even where the text names a company."""
    return len(span) >= 3 and set(span) <= transliteration_chars() and name_score(span) is None


_LOCATIVES = ("在", "位于")  # 旗下|华越镍钴|在印尼: where it works follows the name (not 于: 龙头|有望受益|于)


_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z0-9&.\- ]{0,30}[）)]$")


def _before_latin_gloss(text: str, start: int, pos: int) -> int:
    """Where a name glossed by its Latin name in brackets right before pos ends (五矿资源|（MMG）, 鹏欣资源|（PX）):
    the gloss belongs to the name, so a cue after it reads the name before it; pos when there is none."""
    m = _LATIN_GLOSS.search(text, max(start, pos - 34), pos)
    return m.start() if m else pos


def _dash_joined(text: str, e: int, end: int) -> bool:
    """A dash right after text[:e] joins it to the next Han word (卡莫阿-卡库拉): one compound name."""
    return e + 1 < end and text[e] in NAME_DASHES and is_han(text[e + 1])


_SENTENCE_START = set("。！？!?；;\n")


_TIME_OPENER = re.compile(r"(?:^|[。！？!?；;\n])\s*(?:(?:[0-9０-９]{1,4}年)?[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|"
                          r"[0-9０-９]{4}年|日前|近日|近期|此前|目前|今年|去年|同日|当日|随后)，$")


def _after_time_opener(text: str, start: int, s: int) -> bool:
    """The clause at s opens its sentence after a time phrase and a comma (2月，|…, 日前，|…)."""
    return _TIME_OPENER.search(text[max(start, s - 16):s]) is not None


PLAIN_DESCRIPTORS = ("企业", "公司", "集团", "机构")  # describe a name only with an industry word or a Latin name


@lru_cache(maxsize=1)
def _descriptors() -> tuple[str, ...]:
    return longest_first(w for w in zh_rules().institution_descriptors if w not in PLAIN_DESCRIPTORS)


@lru_cache(maxsize=1)
def _trade_descriptors() -> tuple[str, ...]:
    """Describing nouns that end a word and name a company's trade (矿商, 生产商, 矿企, 巨头)."""
    return tuple(w for w in _descriptors() if w[-1] in "商企" or w == "巨头")


def described_name_start(span: str, opening: int = 0) -> int:
    """Where the name starts in a span that holds a describing noun of a company's trade before it
    (澳大利亚矿商|IGO, 美国电池制造商|ABC): the noun and what comes before it (the country, the place) are no
    part of the name; 0 when the span holds none with two characters or more after it, or when what follows is
    a class of companies: a core of one character before the industry word (券商|系期货公司) or a class word
    (``descriptor_class_words`` and zh_rules' ``class_markers``: 券商|背景期货公司, 矿商|大型矿业公司). A noun
    that opens the name, at 0 or at ``opening``, is the name's own word (国企|改革小组)."""
    best, words, lex = 0, common_words_zh(), _lex()
    for noun in _trade_descriptors():
        k = span.rfind(noun)
        e = k + len(noun)
        rest = span[e:]
        if (k > 0 and k != opening and len(rest) >= 2 and span[e - 1:e + 1] not in words  # not 造车|企业, 矿|商会
                and rest not in lex.classes  # nor 美国巨头|公司: no name after it
                and len(_name_core(rest, lex)) >= 2 and not rest.startswith(lex.class_markers)  # nor a class
                and not (rest.endswith(lex.suffixes) and not rest.endswith(COMPANY_NOUNS))):
            # nor 汽车制造商|协会, 国企|改革研究院: one body; a company's name may end in 公司 (矿商|岚江有限公司)
            best = max(best, e)
    return best


def _name_core(name: str, lex: _Lex) -> str:
    """A company name less its suffix and its industry word (岚峰|能源|有限公司 → 岚峰, 系|期货|公司 → 系)."""
    for words in _core_tails():
        name = name.removesuffix(next((w for w in words if name.endswith(w)), ""))
    return name


@lru_cache(maxsize=1)
def _core_tails() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The suffixes, then the industry words, each longest first (``_name_core`` strips one of each)."""
    lex = _lex()
    return longest_first(lex.suffixes + PLAIN_DESCRIPTORS), longest_first(lex.industry)


def describes_a_class(span: str) -> bool:
    """A describing noun of a company's trade followed by a class word (美国矿企|相关公司, 券商|头部期货公司) or by
    nothing but an industry word and a company noun (澳大利亚矿商|能源公司, 矿商|投资公司): a class of companies, no
    name at all (``described_name_start`` then cuts nothing)."""
    lex = _lex()
    for noun in _trade_descriptors():
        k = span.find(noun, 1)
        if k <= 0:
            continue
        rest = span[k + len(noun):]
        marker = next((w for w in lex.class_markers if rest.startswith(w)), "")
        if marker and not _name_core(rest[len(marker):], lex):
            return True  # only a company noun after the class word (…相关公司, …头部期货公司); a name may follow
        if rest.endswith(COMPANY_NOUNS) and len(rest) > 2 and not _name_core(rest, lex):
            return True  # …矿商|能源公司: an industry word names the trade, no company
    return False


def described_start(text: str, start: int, s: int, e: int) -> int:
    """Where the name in text[s:e] starts after a describing noun of a company's trade (``described_name_start``),
    also when the noun's last characters open the span (铀矿|商卡梅科公司: the segmenter glued 商 to the name);
    s when there is none. text[start:] is the run the noun may reach back into."""
    lo = max(start, s - 2)
    cut = described_name_start(text[lo:e], s - lo)
    return max(s, lo + cut) if cut else s


def _described(text: str, start: int, s: int, lex: _Lex) -> bool:
    """A describing noun ends at s: a specific one (龙头, 巨头, 矿商), or a plain one after an industry word
    (炼化企业, 煤炭公司); not a plain one alone (支持企业|利用期货: 企业 is the object of a verb)."""
    if text.endswith(_descriptors(), start, s):
        return True
    plain = next((w for w in PLAIN_DESCRIPTORS if text.endswith(w, start, s)), "")
    return bool(plain) and text.endswith(lex.industry, start, s - len(plain))


_NUMERALS = frozenset("第一二两三四五六七八九十百千万")  # 期货公司|第一大|股东: a rank, not a name
_PERSON_DESCRIPTORS = ("巨头",)  # 媒体巨头|默多克: a tycoon as often as a company
_MAX_TRANSLITERATED = 7  # 奥罗科布雷, 安赛乐米塔尔: a foreign company's Chinese name is rarely longer


def described_transliterations(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """A foreign name written in transliteration characters right after a noun that describes it (稀土生产商|莱纳斯,
    铀矿商|卡梅科|周二表示, 矿业集团|韦丹塔): the company described, which the model reads as a person or not at
    all. The name ends where a stop word, a company title or punctuation does (the longest such end: 和 and 周
    are transliteration characters too); it has three characters or more (银行|卡上, 银行|卡超|过 are words), holds
    no stop word (卡梅科|周二) and no numeral (期货公司|第一大|股东), is no ordinary word or listed place
    (矿企|巴西), and is no person's first name before a name dot (供应商|罗伯特|·史密斯). Not after 巨头, which
    describes tycoons as often as companies (媒体巨头|默多克)."""
    chars, words = transliteration_chars(), common_words_zh()
    for a, s in _find_all(text, tuple(zh_rules().institution_descriptors), start, end):
        if text[a:s] in _PERSON_DESCRIPTORS or not _described(text, start, s, lex):
            continue
        run = s
        while run < min(end, s + _MAX_TRANSLITERATED) and text[run] in chars:
            run += 1
        e = next((k for k in range(run, s + 1, -1) if _clean_name(text[s:k], lex) and (
            _hard_right(text, k, end, lex) or text.startswith(lex.company_titles, k))), -1)
        if e - s >= 3 and text[s:e] not in words and not text.startswith(lex.suffixes, e) and (
                not any(c in _NUMERALS for c in text[s:e])) and text[e:e + 1] not in NAME_DOTS:
            yield s, e


def coined_brands(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """A two-character brand that is no ordinary word + a word that ends almost nothing but a company's name
    (除|浦发|银行之外, 。岚峰|钼业): a coined brand names one company wherever it stands. The brand opens a
    clause or follows a stop word (not 墨西|哥银行, 跑一|趟银行); it is no ordinary word (商业|银行, 传统|矿业)
    or place, and the word does not go on (院所|高科|技)."""
    words = common_words_zh()
    for a, b in _find_all(text, lex.coined, start, end):
        s = a - 2
        brand = text[s:a]
        if s < start or brand in words or not _clean_name(brand, lex) or not _hard_left(text, start, s, lex):
            continue
        if brand in lex.share_verbs and text[a:b] == "股份":
            continue  # 拟|回购股份, 发行股份: a verb and the shares it acts on
        if text[b - 1:b + 1] not in words and text[b:b + 1] not in "业界":  # 高科|技, 入局|期货|业: a word goes on
            yield s, b


_GLOSS = re.compile(r"[（(]([^（）()]{2,40})[）)]")
COMPANY_NOUNS = ("公司", "基金", "集团", "企业")


@lru_cache(maxsize=1)
def _risk_re() -> re.Pattern[str]:
    return re.compile(alternation(_lex().risk))


def share_class_end(text: str, e: int, end: int) -> int:
    """End of a short name with the share-class letter written after it (深南电|A, ST中华|A, 岚江|B: conventions
    13 keep it), or e. Not the start of a Latin word, nor the A of A股 (the A-share market) unless 股价 follows."""
    if e >= end or text[e] not in "AB":
        return e
    after = text[e + 1:e + 2]
    if (after.isascii() and after.isalnum()) or (after == "股" and not text.startswith("股价", e + 1)):
        return e
    return e + 1


_CLASSED = re.compile(rf"(?<![{HAN}A-Za-z0-9])([{HAN}]{{2,4}})[AB](?![A-Za-z0-9])")


def classed_names(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """A short name with its share-class letter (深南电A, 岚江B) opening a clause right before a filing cue or a
    price move: only a listed security's name carries the letter there (维生素A、维生素D is no list of them)."""
    for m in _CLASSED.finditer(text, start, end):
        s, e = m.start(1), share_class_end(text, m.end(1), end)
        if e == m.end(1) or not (s == start or text[s - 1] in _EDGE) or not _clean_name(text[s:m.end(1)], lex):
            continue
        if m.group(1) in common_words_zh():
            continue  # 方案A: an ordinary word and a letter
        if text.startswith(lex.filing + lex.bare_filing, e):
            yield s, e


def risk_names(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """A short name with an exchange risk-warning prefix (*ST华辰, ST鸿远): only listed companies carry one, so
    the prefix alone marks a company. The name ends before a cue or function word (ST金岭|股价); with none, it
    is the two characters after the prefix, the usual length of such a name (*ST岚峰|收到…, S*ST华辰|复牌),
    unless an industry word ends a longer one (ST金岭股份)."""
    for m in _risk_re().finditer(text, start, end):
        s = m.start()
        if s > start and ((text[s - 1].isascii() and text[s - 1].isalnum()) or text[s - 1] in "*S"):
            continue  # BEST…, or inside a longer prefix (*ST, S*ST)
        e, short = name_right(text, s, end, lex), m.end() + _MIN
        if e > short and not text.endswith(lex.industry, m.end(), e):
            e = -1  # 华辰|复牌: no cue closes a longer name, so the usual two characters
        if e < 0 and _clean_name(text[s:short], lex):
            e = short
        if e > 0:
            yield s, share_class_end(text, e, end)  # ST中华|A


_JOINERS = "、和与及"  # what joins the items of a list of companies (甲矿业、乙锂业和丙钴业)


def _industry_end(name: str, lex: _Lex) -> str:
    """The industry word ``name`` ends in (the longest), or ""."""
    return next((w for w in lex.industry if name.endswith(w)), "")


def _short_company(text: str, s: int, e: int, lex: _Lex) -> bool:
    """text[s:e] reads as an exchange short name: four characters at most, a brand + a strong industry word, the
    word not opening an ownership cue (江铜|控股的|金瑞期货: 控股 is the verb there; 定向发行|股份 is too long)."""
    name = text[s:e]
    word = _industry_end(name, lex)
    return (len(name) <= _MAX and is_company_name(name)
            and not text.startswith(lex.owner + lex.owned, e - len(word)))


def coordinated(text: str, start: int, end: int, orgs: Collection[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Short names joined by 、, 和, 与 or 及 to a company name already found (岚山矿业、北辰锂业和|东岳钴业|股价):
    an item of the same shape, an exchange short name (``_short_company``), is a company too. The chain goes
    on from each item found."""
    lex = _lex()
    frontier = [(s, e) for s, e in orgs if is_company_name(text[s:e]) or listed_company(text[s:e])]
    seen = set(frontier)
    while frontier:
        s, e = frontier.pop()
        found = []
        if s - 1 > start and text[s - 1] in _JOINERS:
            left = name_left(text, start, s - 1, lex)
            if left >= 0:
                found.append((left, s - 1))
        if e + 1 < end and text[e] in _JOINERS:
            right = name_right(text, e + 1, end, lex)
            if right > 0:
                found.append((e + 1, right))
        for item in found:
            if item not in seen and _short_company(text, *item, lex):
                seen.add(item)
                frontier.append(item)
                yield item


def _glossed_as_company(text: str, pos: int, end: int) -> bool:
    """A bracket right at pos glosses the name before it as a company (紫风投资|（某矿业全资子公司发起的…基金）):
    enough for a name ending in a weak industry word (投资, 国际), which alone may be a common noun."""
    m = _GLOSS.match(text, pos, end)
    return m is not None and m.group(1).endswith(COMPANY_NOUNS)


_ITEM = r"[\u3400-\u9fffA-Za-z0-9·&\-]{2,12}?"
_JOIN = r"(?:、|和|及|与|以及)"


@lru_cache(maxsize=1)
def _list_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = _lex()
    items = rf"{_ITEM}(?:{_JOIN}{_ITEM})"
    openers = alternation(lex.openers)
    closed = re.compile(rf"(?:{openers}|[，,：:](?!{openers}))({items}+)等(?:[0-9一二三四五六七八九十几多]+家)?"
                        rf"(?:{alternation(lex.classes)})")
    opened = re.compile(rf"(?:{alternation(lex.parties)})(?:{openers})({items}*)"
                        r"(?=等|[，。；;,.！？!?）)]|$)")
    return closed, opened


def _company_item(item: str, lex: _Lex) -> bool:
    """An item of a company list that can be a name: not an ordinary word, a place, a class (国有企业), a
    count or a clause."""
    if item in common_words_zh() or listed_place(item) or item.endswith(lex.classes) or item in lex.generic:
        return False
    return not any(c in lex.function_chars or c in lex.inner_stops for c in item) and not any(
        w in item for w in lex.stops if len(w) > 1)


def listed_companies(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """The items of a list of companies: closed by 等 + a class of companies (包括甲、乙等企业), or after a
    business party and an opener (客户包括甲和乙). Every item must be able to be a name, or none counts."""
    for pat in _list_patterns():
        for m in pat.finditer(text, start, end):
            s0 = m.start(1)
            spans = []
            for part in re.finditer(rf"(?:^|{_JOIN})({_ITEM})(?={_JOIN}|$)", m.group(1)):
                spans.append((s0 + part.start(1), s0 + part.end(1)))
            if spans and all(_company_item(text[a:b], lex) for a, b in spans):
                yield from spans


_LATIN_BRAND = re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Z0-9&]{1,5})(?=[\u4e00-\u9fff])")


def latin_brands(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """A Latin acronym written right before an industry word, at the end of a word, is a company (LG|能源|与…,
    POSCO|控股|称): Korean, Japanese and Western groups keep their Latin brand in Chinese text. Not a word for an
    app or a term (APP, GDP), nor where the word goes on (ECL电子|竞技, AVG投资|比较大)."""
    skip = set(zh_rules().latin_not_names) | set(en_rules().term_acronyms)
    for m in _LATIN_BRAND.finditer(text, start, end):
        word = next((w for w in lex.industry if text.startswith(w, m.end())), "")
        e = m.end() + len(word)
        longer = any(listed_company(text[m.start(1):k]) for k in range(e + 1, min(end, m.start(1) + 16) + 1))
        if (word and m.group(1) not in skip and not text.startswith(lex.ownership, m.end()) and not longer
                and _hard_right(text, e, end, lex)):
            yield m.start(1), e  # not inside a listed name (LG能源|解决方案) nor a word going on (ECL电子|竞技)


def _files(text: str, s: int, a: int, b: int, lex: _Lex) -> bool:
    """A two-character brand that is coined (no ordinary word) or a place (江西, 冀中: a region) + the word at a:b,
    right before a cue only a listed company has (鹏欣资源|股价, 冀中能源|发布公告): a company, where 新能源 or
    矿产资源 would not be one."""
    brand = text[s:a]
    place = listed_place(brand) or abbreviated_region(brand)
    return (a - s == _MIN and (place or brand not in common_words_zh()) and _clean_name(brand, lex, place_ok=True)
            and text.startswith(lex.filing, b))


def brand_names(text: str, start: int, end: int, lex: _Lex) -> Iterator[tuple[int, int]]:
    """Brand + industry word that is the subject of market news (XX证券研报, XX期货称, XX股份：; also with the day
    of the news before what it says, XX黄金|周二|表示), stands after an ownership cue or after a noun that
    describes it (炼化企业|利津炼化). A weak industry word (投资)
    needs a bracket that glosses the name as a company (XX投资（…子公司发起的…基金）) or a coined brand before a
    cue only a listed company has (``_files``)."""
    for a, b in _find_all(text, lex.industry, start, end):
        word = text[a:b]
        if text.startswith(lex.ownership, a):
            continue  # 天风期货|控股股东: the word opens an ownership word, it ends no name
        s = name_left(text, start, a, lex, place_ok=True)
        if s < 0 or a - s > _MAX:
            continue
        if word in lex.weak_industry and not (_glossed_as_company(text, b, end) or _files(text, s, a, b, lex)):
            continue
        right = text[b:b + 6]
        if right.startswith(lex.speech + lex.owner + lex.deal + lex.titles) or right[:1] in "：:（(":
            yield s, b
        elif text.startswith(lex.news_day_verbs, after_news_day(text, b, end, lex), end) and not _scope(text[s:a]):
            yield s, b  # 安格鲁黄金|周二|表示: the day of the news between the subject and its verb
        elif text.endswith(lex.owned, start, s):
            yield s, b  # after an ownership cue
        elif _described(text, start, s, lex) and (
                _hard_right(text, b, end, lex) or not _opens_with_word(text, s)):
            yield s, b  # after a describing noun (炼化企业|利津炼化, 锂矿巨头|天齐锂业; not 厂商|进口新机械|设备)
        elif (s == start or text[s - 1] in _SENTENCE_START or _after_time_opener(text, start, s)) and (
                word in lex.designators and _hard_right(text, b, end, lex)):
            yield s, b  # the subject opening a sentence (。金泰股份去年…, 2月，华信期货成立), not 深化矿业|权


def _scope(brand: str) -> bool:
    """A scope, no brand: a world region (欧洲|矿业) or a word of extent (国际|黄金, 国内|矿业, 海外|锂业: a market or
    a sector). A country opens company names too often to count (中国稀土, 美国钢铁), and a Chinese province or
    city is a brand's place (山东黄金)."""
    return listed_kind(brand, ("region", "intl")) or brand in generic_place_bodies()


def name_ends_at(text: str, pos: int, end: int) -> bool:
    """A short name may end at pos: punctuation, a stop or cue word (周二, 表示) or a function character follows."""
    return _hard_right(text, pos, end, _lex())


def company_titles() -> tuple[str, ...]:
    """The titles of a company's officers (董事长, 首席执行官, 创始人), longest first."""
    return _lex().company_titles


_NEWS_DATE = re.compile(r"(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日"  # 20日, 3月20日: the date as the day of the news
                        r"|(?:[一二三四五六七八九十]{1,2}月)?[一二三四五六七八九十]{1,3}日")


def news_day_words() -> tuple[str, ...]:
    """The words for the day of the news (周二, 本周二, 今天, 当地时间, 晚间), longest first: they follow a name."""
    return _lex().news_days


def after_news_day(text: str, pos: int, end: int, lex: _Lex) -> int:
    """Where the day of the news written at pos ends (|周二|表示, |本周二|宣布, |当地时间20日|宣布, |周四晚间|称,
    |日前|称); pos when none is written there. News puts the day between the subject and its verb, so a cue read
    right after a name is read after the day too."""
    day = pos
    while day < end:
        date = _NEWS_DATE.match(text, day, end)
        word = date.group() if date else next((w for w in lex.news_days if text.startswith(w, day, end)), "")
        if not word:
            break
        day += len(word)
    return day


def _opens_with_word(text: str, s: int) -> bool:
    """An ordinary two-character word that is no listed place opens text[s:] (进口|新机械, 经营|保险): after a
    describing noun it is more often the verb of a clause than a brand, unless the name's end is hard."""
    return text[s:s + 2] in common_words_zh() and not listed_place(text[s:s + 2])


_SECTOR_WORDS = ("板块", "概念", "行业", "产业", "市场", "指数", "企业", "公司")


def _sector(name: str, lex: _Lex) -> bool:
    """A market sector or a class of companies (锂电|板块, 国内|企业), or an industry word after less than a brand
    (新|能源): no company's name."""
    word = _industry_end(name, lex)
    return name.endswith(_SECTOR_WORDS) or (bool(word) and len(name) - len(word) < _MIN)


# Characters of market and ownership words that 1990s news hardly writes either (港股, 内资, 全资, 券商, 深市, 上证,
# 散户): a rare word holding one is market vocabulary, not a brand (``_plain_phrase``).
_MARKET_CHARS = frozenset("股资券市证户")


def _plain_phrase(name: str, lex: _Lex) -> bool:
    """A name read from a filing cue alone is an ordinary phrase instead: a sector (``_sector``), two ordinary
    words (西部|地区), or an industry word after an ordinary word (矿产|资源). Not a listed place + an industry
    word (湖南|黄金, 淮北|矿业, 永泰|能源): a company named after its home, the commonest short name, where a
    sector is named by its trade (煤炭|开采, 电力|设备)."""
    word = _industry_end(name, lex)
    head = name[:len(name) - len(word)]
    if word and listed_place(head):
        return False
    if word and (head in lex.classes or head in zh_rules().institution_descriptors):
        return True  # 央企|控股, 券商|股份: a class of companies before the company word
    if word in lex.designators and head in rare_words_zh() and not _MARKET_CHARS & set(head):
        return False  # 中伟|股份, 明泰|铝业: a brand the word lists hold but news hardly writes, before a company word
    if name.endswith(_trade_descriptors()):
        return True  # 锂矿巨头|有望受益: a describing noun names a class of companies
    words = common_words_zh()
    two_words = len(name) % 2 == 0 and all(name[i:i + 2] in words for i in range(0, len(name), 2))
    if _sector(name, lex) or two_words:
        return True
    return bool(word) and name[:len(name) - len(word)] in words


_PERIOD_BEFORE = re.compile(r"(?:(?:19|20)\d\d年)?(?:前三季度|第?[一二三四]季度|[上下]半年|全年|今年|去年|年度)$")
_TIME_ENDS = ("年", "季度", "月", "期", "周", "日", "天")


def _time_phrase(name: str) -> bool:
    """前三季度, 上半年, 去年同期: a time a clause opens with, not a company (a time unit at the end; 中科三环 holds
    a numeral and is a name)."""
    return name.endswith(_TIME_ENDS)


_MOVE_GAP = re.compile(r"(?:等|盘中|早盘|午后|尾盘|盘初)$")
_NOT_SECURITIES = ("指", "期货", "合约", "主力", "价", "股")  # 创业板指, 碳酸锂期货, 猪价, 锂矿股: no one company


def filers(text: str, start: int, end: int, lex: _Lex, person_shaped: PersonShaped) -> Iterator[tuple[int, int]]:
    """A short name of three or four characters, opening a clause right before a cue only a listed company has
    (驰宏锌锗|公告称, 格林美|股价, 岚峰科创|净利润, 格林泰|等|涨幅居前): only a listed company files notices, has
    a share price that moves and reports results. Not an ordinary phrase (``_plain_phrase``: 锂电板块|股价), a
    time (前三季度|净利润), a place, or a surname + given name; before a move, no index, contract, price or
    commodity (创业板指, 碳酸锂期货, 猪价, 氧化镨钕). A move may be written as a rise or fall by a percentage
    (盛和资源|涨4.8%) after a name of four characters, the length of most exchange short names, since any quantity
    rises by a percentage (出口额|涨5%). The other items of a list the name ends before a move
    (金力永磁、中科三环、|宁波韵升|等|涨幅居前) are companies too (``_list_items_before``)."""
    cues = set(_find_all(text, lex.bare_filing, start, end))
    numbered = {(m.start(), m.end()) for m in _NUMBERED_MOVE.finditer(text, start, end)
                if not any(a <= m.start() < b for a, b in cues)}  # 格林美|大涨5%: the cue 大涨 reads it
    for a, b in sorted(cues | numbered):
        if text[a:b] in lex.results:  # 岚峰科创|前三季度|净利润: the period of the results may come between
            period = _PERIOD_BEFORE.search(text, max(start, a - 12), a)
            a = period.start() if period else a
        move = text[a:b] in lex.moves or (a, b) in numbered
        outlook = text[a:b] in lex.outlook
        gap = _MOVE_GAP.search(text, max(start, a - 3), a) if move else None
        if gap:  # 正海磁材|等|涨幅居前, 洛阳钼业|盘中|一度涨超
            a = gap.start()
        s = name_left(text, start, a, lex, min_len=3)
        if s < 0 or ((a, b) in numbered and a - s != 4):  # the longest name, as name_left reads it
            continue  # 出口额|涨5%: anything may rise by a percentage; a share's short name has four characters
        if outlook and ((a - s != 4 and not foreign_name(text[s:a])) or text.endswith(lex.outlook_sectors, s, a)):
            continue  # 贵金属|有望受益, 储能电池|有望受益: sectors and products benefit too (卡梅科|有望受益 is read)
        if not (s == start or text[s - 1] in _EDGE or _after_time_opener(text, start, s)):
            continue
        listed = _list_items_before(text, start, s, lex) if gap and gap.group() == "等" else []
        if any(listed_company(text[k:a]) for k in range(s + 1, a - 1)):
            continue  # 约占|招行|净利润: the list knows the company, what opens the clause before it is no name
        if (move or outlook) and _no_security(text[s:a]):
            continue  # 氧化镨钕|涨超3%, 创业板指|涨超, 碳酸锂期货|跌停: a commodity, an index, a contract
        if not person_shaped(s, a) and not _plain_phrase(text[s:a], lex) and not _time_phrase(text[s:a]):
            yield s, a
            yield from listed


_COUNT_CHARS, _CLASSIFIERS = "一二两三四五六七八九十几数多某每各", "位名个家批些"
# groups of persons, parties to a deal between states, relatives and prices before the day: no company speaks
_NOT_SPEAKER_ENDS = ("们", "家属", "两国", "三国", "双方", "各方", "各国", "新贵", "价")


@lru_cache(maxsize=1)
def _speaker_titles() -> tuple[str, ...]:
    """Titles that end a person's name written before the day (普京|总统, 石破|首相)."""
    zh = zh_rules()
    return longest_first([*zh.titles, *zh.post_name_titles])


@lru_cache(maxsize=1)
def _day_re() -> re.Pattern[str]:
    return re.compile(f"{alternation(_lex().news_days)}|{_NEWS_DATE.pattern}")


def speakers_on_the_day(text: str, start: int, end: int, lex: _Lex,
                        model_persons: Collection[tuple[int, int]] = ()) -> Iterator[tuple[int, int]]:
    """A short name of four characters opening a clause right before the day of the news and what a company says
    or announces on it (盛和资源|周二|表示, 驰宏锌锗|当地时间18日|宣布): market news writes a listed company so,
    whatever its last word (资源, 锌锗), as it writes one before a filing cue (``filers``). Four characters, the
    length of most exchange short names (a person has two or three); not an ordinary phrase
    (业内人士|周二|表示), a count of persons (一位官员), a price (an ordinary word + a mineral: 现货黄金), a scope
    (``_scope``: 国际金价), a group of persons or states (交易员们, 美日两国), a person with a title (普京总统), a
    foreign name or a name the model reads a person in (泽连斯基, 植田和男: left to the model), a time or a listed
    place."""
    for m in _day_re().finditer(text, start, end):
        a = m.start()
        verb_at = after_news_day(text, a, end, lex)
        if verb_at == a or not text.startswith(lex.news_day_verbs, verb_at, end):
            continue
        s = name_left(text, start, a, lex, min_len=4, limit=4)
        if s < 0 or a - s != 4 or not (s == start or text[s - 1] in _EDGE or _after_time_opener(text, start, s)):
            continue
        if s > start and text[s - 1] in NAME_DOTS:
            continue  # 尼古拉·|马卡罗夫|当天表示: the last part of a person's name
        name = text[s:a]
        if name[0] in _COUNT_CHARS and name[1] in _CLASSIFIERS:
            continue  # 一位官员|周二|表示: a count of persons
        if name[:2] in common_words_zh() and not listed_place(name[:2]) and mineral_name(name[2:]):
            continue  # 现货黄金|周三|确认: a price (not 山东黄金, whose place is a brand)
        if _scope(name[:2]) or _scope(name[:3]):
            continue  # 国际金价, 欧洲矿业: a market or a region's industry
        if name.endswith(_NOT_SPEAKER_ENDS) or text.endswith(_speaker_titles(), s, a) or foreign_name(name) or any(
                x < a and s < y for x, y in model_persons):
            continue  # 交易员们, 两国, 锂价; 普京总统; 泽连斯基 and 植田和男 (a person the model reads in part)
        if not (_plain_phrase(name, lex) or _time_phrase(name) or listed_place(name)):
            yield s, a


# a rise or a fall by a percentage, the move of a share price in market news (盛和资源|涨4.8%, 格林泰|跌3%)
_NUMBERED_MOVE = re.compile(r"(?:上涨|下跌|涨|跌)(?=\d+(?:[.．]\d+)?[%％])")


def _no_security(name: str) -> bool:
    """A commodity, an index, a contract or a price moves, not one company's shares (氧化镨钕, 创业板指), nor a
    product or a sector an ordinary word, a mineral, a sector or one character names (锂|电池, 新能源|车, 出口|链;
    not 德赛|电池)."""
    lex = _lex()
    sector = next((w for w in lex.outlook_sectors if name.endswith(w)), "")
    head = name[:len(name) - len(sector)]
    share_word = name.endswith("股") and name.endswith(lex.industry)  # 正美|控股: 股 ends the company word
    security_word = name.endswith(_NOT_SECURITIES) and not share_word  # 锂矿股, 碳酸锂期货
    return mineral_name(name) or security_word or (bool(sector) and (
        len(head) <= 1 or head in common_words_zh() or mineral_name(head) or _sector(head, lex)))


def _list_items_before(text: str, start: int, pos: int, lex: _Lex) -> list[tuple[int, int]]:
    """The other items of the list that ends at pos with a 、 (金力永磁、中科三环、|宁波韵升等涨幅居前): in market
    news a list before 等 and a move names shares, whatever those names look like (金力永磁 reads as a person).
    Each item is a clean short name (``name_left``, two characters or more), no commodity, index or ordinary
    phrase, and the list opens a clause; otherwise none is read."""
    items: list[tuple[int, int]] = []
    while pos - 1 > start and text[pos - 1] == "、":
        s = name_left(text, start, pos - 1, lex, min_len=2)
        if s < 0 or _no_security(text[s:pos - 1]) or _plain_phrase(text[s:pos - 1], lex):
            return []
        items.append((s, pos - 1))
        pos = s
    return items if items and (pos == start or text[pos - 1] in _EDGE) else []


def before_company_titles(text: str, start: int, end: int, lex: _Lex,
                          person_shaped: PersonShaped) -> Iterator[tuple[int, int]]:
    """A short name opening a clause right before a title only a company has (星源量子|首席科学家,
    XX科技|董事长), unless it is a sector (``_sector``: 锂电板块|董事长) or a surname + given name whose own title
    it is (王传福|董事长|表示); a name the title's holder follows, a transliterated name with its dot, is the
    company's (莱纳斯|首席执行官|阿曼达·拉卡兹). A name of three or more transliteration characters is the company's
    too (卡梅科|首席执行官|表示): a foreign person's title is written before the name (首席执行官|马斯克), and in
    MSRA's training text no such name stands before a company title, while companies do (英特尔|总裁); not a name
    that reads as a Han surname + given name (高德康|董事长, ``foreign_name``)."""
    for a, b in _find_all(text, lex.company_titles, start, end):
        s = name_left(text, start, a, lex)
        if (s >= 0 and (s == start or text[s - 1] in _EDGE) and a - s >= 3 and not _sector(text[s:a], lex)
                and (not person_shaped(s, a) or _HOLDER.match(text, b, end) or foreign_name(text[s:a]))):
            yield s, a


# a transliterated name with its dot (阿曼达·拉卡兹): the holder of the title before it, so the name before the title
# is the company's (莱纳斯|首席执行官|阿曼达·拉卡兹); a Han name is not read here (董事长|周一 is a day)
_HOLDER = re.compile(rf"[{HAN}]{{1,5}}[{NAME_DOTS}][{HAN}]{{1,6}}")


def subsidiary_names(text: str, start: int, end: int,
                     listed: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A listed company group's brand + two characters that are no ordinary word, as the subject of a maker's
    verb, market news or a company title (首钢|智新|生产的, 中铝|瑞闽|表示, 宝钢|德盛|董事长): the short name of a
    subsidiary, named after its group. Not an ordinary word (首钢|工人|生产的, 鞍钢|今年|生产), a place (首钢|北京),
    a full name (首钢集团 ends in a suffix already) or a brand followed by anything else (建行|新规|还要求: the
    word list predates 新规)."""
    lex, words = _lex(), common_words_zh()
    for s, e in listed:
        tail = text[e:e + 2]
        if (e - s > _MAX or e + 2 > end or text.endswith(lex.suffixes + lex.industry, s, e)
                or not _hard_left(text, start, s, lex)):
            continue
        if (tail in words or not _clean_name(tail, lex) or text.startswith(lex.industry + lex.suffixes, e)
                or text.startswith(lex.stops, e)):
            continue
        if text.startswith(lex.product + lex.speech + lex.owner + lex.deal + lex.company_titles, e + 2):
            yield s, e + 2


def ownership_word(span: str) -> tuple[int, int] | None:
    """Where an ownership word stands inside the span (甲矿业|控股股东|乙集团): its offsets, the longest word
    first; None when the span holds none after its first character."""
    for word in _lex().ownership:
        at = span.find(word, 1)
        if at > 0:
            return at, at + len(word)
    return None


def ownership_cut(span: str) -> tuple[int, int]:
    """The part of one span that names a single institution when an ownership word joins two (甲矿业控股股东|乙
    集团 -> 乙集团) or describes an unnamed one (甲矿业|全资子公司 -> 甲矿业): offsets into ``span``; the whole
    span when it holds no such word inside."""
    word = ownership_word(span)
    if word is None:
        return 0, len(span)
    at, tail = word
    return (tail, len(span)) if len(span) - tail >= 2 else (0, at)


def is_company_name(span: str) -> bool:
    """A brand of two or more characters plus a (strong) industry word: 金泰股份, 中信证券."""
    lex = _lex()
    word = _industry_end(span, lex)
    brand = span[: len(span) - len(word)]
    return (bool(word) and word not in lex.weak_industry and len(brand) >= _MIN
            and all(is_han(c) for c in brand) and _clean_name(brand, lex))


def holds_clause_verb(span: str) -> bool:
    """A verb of a clause stands inside the span (岚山矿业|携手|北辰锂业建厂): it runs over a clause."""
    return any(v in span for v in _lex().clause_verbs)


def industry_words() -> tuple[str, ...]:
    """The industry words of company short names, longest first (股份, 期货, 矿业…)."""
    return _lex().industry


def brands(names: Iterable[str]) -> set[str]:
    """The brands of company names made of a brand + an industry word (盘江 of 盘江股份, 山煤 of 山煤国际)."""
    lex = _lex()
    out = set()
    for name in names:
        for k in range(_MIN, len(name) - 1):
            if name.startswith(lex.industry, k):
                out.add(name[:k])
                break
    return out


def industry_word_at(text: str, pos: int) -> bool:
    """An industry word starts at ``pos`` (LG|能源, Kestrel|矿业): a name written before it goes on."""
    return text.startswith(_lex().industry, pos)


def followed_by_company_cue(text: str, end: int) -> bool:
    """The span ending at ``end`` is followed by an ownership, deal or market-news cue."""
    lex = _lex()
    return text.startswith(lex.owner + lex.deal + lex.speech, end)


def candidates(text: str, start: int, end: int, person_shaped: PersonShaped,
               model_persons: Collection[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Company short names (and deal holders that are persons) in the Chinese run text[start:end];
    ``person_shaped(s, e)`` says text[s:e] is a surname + given name; ``model_persons`` are the model's persons."""
    lex = _lex()
    out: set[tuple[int, int, str]] = set()
    out |= {(s, e, ORG) for s, e in digest_heads(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in before_stock_codes(text, start, end, lex)}
    out |= set(relations(text, start, end, lex, person_shaped))
    out |= {(s, e, ORG) for s, e in brand_names(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in coined_brands(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in described_transliterations(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in listed_companies(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in latin_brands(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in risk_names(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in classed_names(text, start, end, lex)}
    out |= {(s, e, ORG) for s, e in before_company_titles(text, start, end, lex, person_shaped)}
    out |= {(s, e, ORG) for s, e in filers(text, start, end, lex, person_shaped)}
    out |= {(s, e, ORG) for s, e in speakers_on_the_day(text, start, end, lex, model_persons)}
    return sorted(out)
