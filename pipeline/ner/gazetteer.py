"""Find gazetteer places (and listed institutions) in Chinese and English runs.

Why a gazetteer: the models miss many county and prefecture names, above all in pinyin ("Xunwu",
"Dingnan") and in Chinese short forms after a province ("宁夏同心"). Matching rules:
- Chinese: longest entry starting at each position, on word bounds when bounds are given (entries of
  four or more characters need none: the segmenter may cut 自然资源部在 as 自然资源|部在); a
  ``context`` entry (a county's short form, or a short form that is also an ordinary word) counts only
  right after a match of one of its ancestor divisions.
- English: longest run of capitalised words that is an entry, extended by a following designator
  ("City", "County", "Mongolian Autonomous Prefecture"); a ``suffix`` entry needs that designator; a
  ``weak`` entry gives way to any overlapping model entity. A town of ``towns_en`` (Kolwezi, Kalgoorlie) that
  the gazetteer does not hold is a weak place too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

from pipeline.ner.inputs import GAZETTEER, Candidate
from pipeline.ner.lexicon import (
    Gazetteer,
    Place,
    alternation,
    common_words_en,
    common_words_zh,
    company_modifier_suffix,
    en_rules,
    fold_en,
    gazetteer,
    mineral_alternation,
    towns_en,
    zh_rules,
)
from pipeline.text.scripts import LATIN_LOWER, LATIN_UPPER, NAME_DOTS, is_han

# capitalised words, and the lower-case words that join the words of one name (Democratic Republic of the Congo,
# Trinidad and Tobago), which neither open nor end a listed name
_EN_JOINERS = frozenset({"of", "the", "and", "de", "del", "da", "do"})
_MAX_EN_WORDS = 5
_TOWN = Place("LOC", "town", "weak")
# Chinese entries this long are matched even where the segmenter cut differently (自然资源|部在).
_FREE_LEN = 4


@lru_cache(maxsize=1)
def _en_word() -> re.Pattern[str]:
    """A capitalised word, hyphened parts and all (Kamoa-Kakula), or a joiner between two words. A hyphen before
    a seat or owner word ends the word (Hong Kong-listed, Glencore-backed): the name before it is listed."""
    modifiers = company_modifier_suffix()
    letters = LATIN_UPPER + LATIN_LOWER  # Santo Tomás, Boké: a word is not cut at an accent
    return re.compile(rf"[{LATIN_UPPER}][{letters}]*(?:['\u2019\u2018-](?!s\b)(?!(?:{modifiers})\b)[{letters}]+)*"
                      rf"|(?<= )(?:{'|'.join(sorted(_EN_JOINERS))})(?= [A-Za-z])")


@lru_cache(maxsize=1)
def _zh_lengths() -> dict[str, tuple[int, ...]]:
    by_first: dict[str, set[int]] = {}
    for surface in gazetteer().zh:
        by_first.setdefault(surface[0], set()).add(len(surface))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_first.items()}


@lru_cache(maxsize=1)
def _designator() -> re.Pattern[str]:
    lex = en_rules()
    ethnic = "|".join(sorted(lex.ethnonyms, key=len, reverse=True))
    des = "|".join(sorted(lex.place_designators, key=len, reverse=True))
    lower = "|".join(d.lower() for d in ("Prefecture", "County", "Region", "Banner"))
    return re.compile(rf"\s+(?:(?:{ethnic})(?:\s+and\s+(?:{ethnic}))?\s+)?(?:(?:Autonomous\s+)?(?:{des})"
                      rf"|autonomous\s+(?:{lower}))\b")  # Haixi Mongolian and Tibetan autonomous prefecture


def designator_end(text: str, pos: int, end: int) -> int:
    """End of an English place designator written at pos (" Autonomous Region", " Province"), or pos."""
    m = _designator().match(text, pos, end)
    return m.end() if m else pos


def listed_place(surface: str) -> bool:
    """The gazetteer lists this exact Chinese surface as a place."""
    place = gazetteer().zh.get(surface)
    return place is not None and place.label == "LOC"


def place_ends_at(text: str, pos: int, start: int = 0, longest: int = 8) -> bool:
    """A listed place of two to ``longest`` characters, none before ``start``, ends at pos (宜昌市|鑫川)."""
    return any(listed_place(text[pos - k:pos]) for k in range(2, min(longest, pos - start) + 1))


def place_starts_at(text: str, pos: int, end: int | None = None, longest: int = 8) -> bool:
    """A listed place of two to ``longest`` characters, none past ``end``, starts at pos (原|江苏省…)."""
    stop = len(text) if end is None else end
    return any(listed_place(text[pos:pos + k]) for k in range(2, min(longest, stop - pos) + 1))


def listed_kind(surface: str, kinds: Collection[str]) -> bool:
    """The gazetteer lists this exact Chinese surface as one of these kinds (country, province, region …)."""
    entry = gazetteer().zh.get(surface)
    return entry is not None and entry.kind in kinds


def listed_country(surface: str) -> bool:
    """The gazetteer lists this exact Chinese surface as a country."""
    return listed_kind(surface, ("country",))


def listed_company(surface: str) -> bool:
    """The gazetteer lists this exact Chinese surface as a company (not a state body or a medium)."""
    entry = gazetteer().zh.get(surface)
    return entry is not None and entry.label == "ORG" and entry.kind == "company"


def _glued_right(text: str, i: int, n: int, entry: Place, bounds: Collection[int]) -> bool:
    """A listed name of three characters that starts a word, whose end the segmenter glued to the next word:
    a name is an unknown word to the segmenter, so its end is not trusted.

    - An institution, unless its last character and the next form an ordinary word (中期协|日前 cut as
      中期|协日前; not 财政部|门, 教育部|长: a department, a title).
    - A place, only before a function character (刚果金|是 cut as 刚果|金是): before anything else the glued
      word may be a longer place (里贾纳|市, 圣保罗|州, 几内亚|湾). Not a short form that needs context."""
    if n != _FREE_LEN - 1 or not on_bounds(text, i, i, bounds) or i + n >= len(text):
        return False
    if entry.label == "ORG":
        return text[i + n - 1:i + n + 1] not in common_words_zh()
    return entry.label == "LOC" and entry.strength != "context" and text[i + n] in zh_rules().function_chars


def _glued_left(text: str, i: int, n: int, entry: Place, bounds: Collection[int]) -> bool:
    """A listed institution of three characters that ends a word, whose start the segmenter glued to the
    character before it (受|美联储 cut as 受美|联储), unless that character and its first form an ordinary word."""
    return (entry.label == "ORG" and entry.strength == "strong" and n == _FREE_LEN - 1 and i > 0
            and is_han(text[i - 1]) and on_bounds(text, i + n, i + n, bounds)
            and text[i - 1:i + 1] not in common_words_zh())


def on_bounds(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """True when [start, end) does not cut a Chinese word (or no bounds are known)."""
    if not bounds:
        return True
    left_ok = start in bounds or start == 0 or not is_han(text[start - 1])
    right_ok = end in bounds or end == len(text) or not is_han(text[end])
    return left_ok and right_ok


@lru_cache(maxsize=1)
def _continuations() -> tuple[str, ...]:
    return tuple(sorted(zh_rules().place_word_continuations, key=len, reverse=True))


def place_word_start(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """text[start:end] opens a segmenter word whose rest is a noun that takes a place before it
    (中国|政府, 亚太|地区, 日本|人 written as one word): the place is a mention of its own."""
    if not bounds or (start not in bounds and start > 0 and is_han(text[start - 1])):
        return False
    cont = next((c for c in _continuations() if text.startswith(c, end)), "")
    return bool(cont) and (end + len(cont) in bounds or end + len(cont) >= len(text)
                           or not is_han(text[end + len(cont)]))


def _zh_spans(text: str, start: int, end: int, bounds: Collection[int],
              gaz: Gazetteer) -> Iterator[tuple[int, int, Place]]:
    lengths = _zh_lengths()
    prev: tuple[int, Place] | None = None  # end offset and entry of the last accepted match
    i = start
    while i < end:
        hit = None
        for n in lengths.get(text[i], ()):
            if i + n > end:
                continue
            place = gaz.zh.get(text[i:i + n])
            located = place is not None and place.label == "LOC" and (
                _before_locative(text, i, i + n, bounds) or _after_governor(text, start, i, i + n, bounds)
                or _before_mineral(text, i, i + n, bounds))
            # 大冶|的: a place owning what follows, weakly (彭泽|的|报告 is an analyst's; the model's person wins)
            owns = (place is not None and place.label == "LOC" and not located
                    and _owns_what_follows(text, i, i + n, bounds))
            if place is None or (n < _FREE_LEN and not on_bounds(text, i, i + n, bounds) and not located
                                 and not (place.label == "LOC" and place_word_start(text, i, i + n, bounds))
                                 and not _glued_right(text, i, n, place, bounds)
                                 and not _glued_left(text, i, n, place, bounds)):
                continue
            if place.label == "LOC" and n >= _FREE_LEN and _inside_longer_place(text, i, i + n, bounds):
                continue
            if place.strength == "context" and not (located or owns) and (
                    prev is None or prev[0] != i or not (prev[1].codes & place.ancestors)):
                continue
            if located and place.strength != "strong":
                place = Place(place.label, place.kind, "strong", place.codes, place.ancestors)
            elif owns and place.strength == "context":
                place = Place(place.label, place.kind, "weak", place.codes, place.ancestors)
            hit = (i, i + n + _designator_after(text, i + n, end, place, bounds), place)
            break
        pair = None if hit else _nested_pair(text, i, end, bounds, gaz, lengths)
        if pair:
            yield from pair
            prev = (pair[1][1], pair[1][2])
            i = pair[1][1]
        elif hit:
            yield hit
            prev = (hit[1], hit[2])
            i = hit[1]
        else:
            i += 1


_FOREIGN_DESIGNATORS = "省州市"


def _designator_after(text: str, end: int, stop: int, place: Place, bounds: Collection[int]) -> int:
    """1 when a foreign division or city listed without its designator has one written after it that ends a
    word (马尼托巴|省, 伯南布哥|州, 圣彼得堡|市): the place as written; 0 otherwise (美国|市场)."""
    if place.label != "LOC" or place.kind not in ("division", "city") or end >= stop:
        return 0
    closes = end + 1 == stop or not is_han(text[end + 1]) or end + 1 in bounds  # no bounds: only before a non-Han
    return int(text[end] in _FOREIGN_DESIGNATORS and closes)


_GLUED_COMPASS = "东西南北中"  # 东|加里曼丹省 (not _COMPASS below, which holds 上下前后 too)
_PLACE_GOES_ON = "城水"  # 俄克拉何马|城, 沃尔特|水库: besides the place-ending characters


def _inside_longer_place(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """A long listed place (matched without word bounds) that the segmenter wrote as part of a longer place
    word: a designator or feature character glued after it (萨斯喀彻温|省, 密西西比|河, 维多利亚|港) or a
    compass character glued before it (东|加里曼丹省). That word names another place, the model's to find."""
    if not bounds:
        return False
    right = end not in bounds and end < len(text) and (
        text[end] in zh_rules().place_end_chars or text[end] in _PLACE_GOES_ON)
    left = start not in bounds and start > 0 and text[start - 1] in _GLUED_COMPASS and (
        start - 1 in bounds or start == 1 or not is_han(text[start - 2]))  # not 锦西|葫芦岛市: 西 ends 锦西
    return right or left


def _before_locative(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """A listed place right before a locative word (天山|南麓, 库尔勒|一带), starting on a word bound or after
    a dash or a lead character; the segmenter may glue the place and the locative into one word."""
    opens = start in bounds or (start > 0 and text[start - 1] in "—-、和与及沿在至到")
    return opens and text.startswith(tuple(zh_rules().place_locatives), end)


@lru_cache(maxsize=1)
def _mineral_openers() -> re.Pattern[str]:
    return re.compile(rf"(?:{mineral_alternation()})(?:{alternation(zh_rules().mineral_name_heads)})")


def _before_mineral(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """A listed place opening a clause or a list item, right before a mineral and a word that makes a name of
    them (``mineral_name_heads``: 。冕宁|稀土|高新区, 会理|铜|矿, 、个旧|锡|业): the place a mine, an industry or a
    body is named after. Not after another Han word (矿产|资源|稀土), not before a mineral in a clause
    (公安|稀土|专项行动), and not a short form that is also an ordinary word (新兴|锂矿企业, 合作|铜矿项目: 包头
    counts only where the document names it in full)."""
    opens = start == 0 or not is_han(text[start - 1]) or text[start - 1] in "、和与及在至到从"
    return (opens and start in bounds and text[start:end] not in common_words_zh()
            and _mineral_openers().match(text, end) is not None)


def _owns_what_follows(text: str, start: int, end: int, bounds: Collection[int]) -> bool:
    """A listed short form that is no ordinary word, opening a clause or a list item as a word of its own right
    before 的 (。大冶|的|勘探工作, 、汤阴|的|岳飞庙): a place owning what follows. Not after another Han word
    (立刻|蓝山|的, a development's name after a verb) and not an ordinary word (杂多|的|信息, 包头|的: 包头 counts
    only where the document names it in full)."""
    opens = start == 0 or not is_han(text[start - 1]) or text[start - 1] in "、和与及在至到从"
    return (opens and text.startswith("的", end) and on_bounds(text, start, end, bounds) and start in bounds
            and text[start:end] not in common_words_zh() and _short_form_fits(text, start, end))


_COMPASS, _SIDES = "东南西北中上下前后左右内外", "部方面边"
_STREETS = ("路", "街", "巷", "大道", "胡同")


@lru_cache(maxsize=1)
def _zh_prefixes() -> frozenset[str]:
    return frozenset(surface[:k] for surface in gazetteer().zh for k in range(2, len(surface) + 1))


def _short_form_fits(text: str, i: int, end: int) -> bool:
    """text[i:end] can be the short form itself: not a direction (南部 of 南部县: 位于|南部), and not the start
    of a longer listed name whose rest the segmenter cut off (普兰|店 of 普兰店区, 龙泉|驿 of 龙泉驿区), nor a
    street's name (位于|建宁路: streets are named after places everywhere)."""
    if (text[i] in _COMPASS and text[end - 1] in _SIDES) or text.startswith(_STREETS, end):
        return False
    return end >= len(text) or text[i:end + 1] not in _zh_prefixes()


@lru_cache(maxsize=1)
def _governors() -> tuple[str, ...]:
    return tuple(zh_rules().place_governors)


def _after_governor(text: str, start: int, i: int, end: int, bounds: Collection[int]) -> bool:
    """A listed place right after a word that takes a place (位于|包头, 赴|大冶), on word bounds at both ends."""
    return (text.endswith(_governors(), start, i)
            and on_bounds(text, i, end, bounds) and (not bounds or i in bounds) and _short_form_fits(text, i, end))


def _nested_pair(text: str, i: int, end: int, bounds: Collection[int], gaz: Gazetteer,
                 lengths: dict[str, tuple[int, ...]]) -> tuple[tuple[int, int, Place], ...] | None:
    """A division and its own sub-division written as one word (河北平乡): both, when the pair is on
    word bounds though neither part is."""
    for n in lengths.get(text[i], ()):
        outer = gaz.zh.get(text[i:i + n])
        if outer is None or outer.strength == "context" or i + n >= end:
            continue
        for m in lengths.get(text[i + n], ()):
            inner = gaz.zh.get(text[i + n:i + n + m])
            if (inner is not None and i + n + m <= end and outer.codes & inner.ancestors
                    and on_bounds(text, i, i + n + m, bounds)):
                return (i, i + n, outer), (i + n, i + n + m, inner)
    return None


@lru_cache(maxsize=1)
def _index_after() -> re.Pattern[str]:
    return re.compile(zh_rules().index_after)


def match_zh(text: str, start: int, end: int, bounds: Collection[int]) -> list[Candidate]:
    """Gazetteer candidates in the Chinese run text[start:end]; an institution right before an index word
    names the index (纳斯达克综合指数), not itself."""
    gaz = gazetteer()
    index = _index_after()
    return [Candidate(s, e, p.label, GAZETTEER, "zh", weak=p.strength == "weak")
            for s, e, p in _zh_spans(text, start, end, bounds, gaz)
            if not (p.label == "ORG" and (index.match(text, e, end) or role_word(text, s, e)))
            and not (p.label == "LOC" and (text.startswith(tuple(zh_rules().not_place_after), e)
                                           or _by_name_dot(text, s, e)))]


def _by_name_dot(text: str, start: int, end: int) -> bool:
    """A listed place joined by a name dot to Han characters that no listed name starts or ends is part of a
    transliterated person's name (乔治·华盛顿, 维多利亚·贝克汉姆, 约旦·彼得森), not a place; between two listed
    names the dot only separates them (中国·东盟博览会)."""
    zh = gazetteer().zh

    def listed_at(a: int, b: int) -> bool:  # a listed body or a state, not a short form (门多萨·格雷罗)
        entry = zh.get(text[a:b])
        return entry is not None and entry.strength == "strong" and (
            entry.label == "ORG" or entry.kind in ("country", "province", "region", "intl"))

    if text[end:end + 1] in NAME_DOTS and is_han(text[end + 1:end + 2]):
        return not any(listed_at(end + 1, end + 1 + k) for k in range(2, 9))
    if start >= 2 and text[start - 1] in NAME_DOTS and is_han(text[start - 2]):
        return not any(listed_at(start - 1 - k, start - 1) for k in range(2, min(8, start - 1) + 1))
    return False


def codes_named_in_full(text: str, places: Iterable[Candidate]) -> frozenset[str]:
    """The division codes of the listed places among ``places`` that need no context (包头市, 内蒙古)."""
    zh = gazetteer().zh
    entries = (zh.get(text[c.start:c.end]) for c in places if c.label == "LOC" and c.lang == "zh")
    return frozenset(code for e in entries if e is not None and e.strength != "context" for code in e.codes)


def named_again(text: str, start: int, end: int, bounds: Collection[int], codes: frozenset[str],
                taken: Collection[Candidate]) -> list[Candidate]:
    """Short forms that need context (包头, 大冶) of places the document names in full (包头市): the full name
    has said which place it is, so the short form on word bounds names it again. Not inside a candidate
    already found, nor before a word that makes it no place (``_short_form_fits``). A short form that is also
    an ordinary word (合作 of 合作市, 安宁 of 安宁市) needs a place's slot after it: 的, a locative or a noun that
    takes a place before it (包头|的, 包头|一带, 包头|政府); not another word (安多|合作|米拉日巴) nor the end of
    a clause, where it may be a predicate (生活|安宁|。)."""
    if not codes:
        return []
    gaz, lengths, after = gazetteer(), _zh_lengths(), tuple(zh_rules().not_place_after)
    words, slot = common_words_zh(), _continuations() + tuple(zh_rules().place_locatives) + ("的",)
    out: list[Candidate] = []
    for i in range(start, end):
        if bounds and i not in bounds and i > 0 and is_han(text[i - 1]):
            continue
        for n in lengths.get(text[i], ()):
            e = i + n
            place = gaz.zh.get(text[i:e]) if e <= end else None
            if (place is None or place.strength != "context" or place.label != "LOC" or not place.codes & codes
                    or not on_bounds(text, i, e, bounds) or text.startswith(after, e)
                    or not _short_form_fits(text, i, e) or any(c.start < e and i < c.end for c in taken)):
                continue
            if text[i:e] in words and not text.startswith(slot, e):
                continue
            out.append(Candidate(i, e, "LOC", GAZETTEER, "zh"))
            break
    return out


def role_word(text: str, start: int, end: int) -> bool:
    """全国人大|代表, 全国政协|委员: a legislature's name opening a role word is no mention of the body."""
    return text.endswith(tuple(zh_rules().legislature_endings), start, end) and text.startswith(
        tuple(zh_rules().legislature_role_words), end)


# a capitalised word after a town, on its line or on the next (a hard line break inside a name: Timmins\nGold)
_NAME_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z]")
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]{2,}(?![A-Za-z])")  # not the "th" of 77th
_PROSE_WORDS = 3
_PROSE_WINDOW = 300
_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "la", "le", "van", "von", "der"})
# the word before a town, and whether it opens a sentence (group 1: the start of the line or a sentence's end)
_LEFT_WORD = re.compile(r"(^|[.!?:;\"\u201c(]\s*)?([A-Za-z.'\-]+)(?:[ \t]+|[ \t]*\n[ \t]*)$")


def _stands_alone(text: str, a: int, b: int) -> bool:
    """A town is read only as a name of its own, in a line of prose (three or more lower-case words near it): no
    capitalised word right after it, on its line or the next (Werder Bremen, Miami Dolphins, Timmins Gold, the
    Palestine Liberation Organisation); no capitalised word or initial right before it (Motohiro Yamaguchi,
    N. McLean, the African Football Confederation) unless that word opens the sentence and English writes it in
    lower case (The Kolwezi mine, In Timmins) or ends the sentence before; no name particle before it (Aguas
    Zarcas de San Carlos)."""
    if _NAME_AFTER.match(text, b):
        return False
    lo, hi = max(0, a - _PROSE_WINDOW), min(len(text), b + _PROSE_WINDOW)  # a long line is read near the town only
    first, last = text.rfind("\n", lo, a), text.find("\n", b, hi)
    line = text[first + 1 if first >= 0 else lo:last if last >= 0 else hi]
    if len(_LOWER_WORD.findall(line)) < _PROSE_WORDS:
        return False  # a table, a score line or a list of names (Plymouth 4 Exeter 1): no prose to read it in
    left = _LEFT_WORD.search(text[max(0, a - 40):a])
    if left and left.group(2) in _PARTICLES:
        return False  # Aguas Zarcas de San Carlos: a particle joins the town to a longer name
    if not left or not left.group(2)[:1].isupper():
        return True
    word = left.group(2)
    if word.endswith(".") and len(word.rstrip(".")) > 1 and word.rstrip(".") not in en_rules().abbreviations:
        return True  # the sentence before ends in a capitalised word (… in May. Kitwe has …); not N. or Mt.
    return left.group(1) is not None and word.lower() in common_words_en()


def match_en(text: str, start: int, end: int) -> list[Candidate]:
    """Gazetteer candidates in the English run text[start:end]."""
    gaz, towns = gazetteer(), towns_en()
    words = list(_en_word().finditer(text, start, end))
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(_MAX_EN_WORDS, len(words) - i), 0, -1):
            if words[i].group() in _EN_JOINERS or words[i + n - 1].group() in _EN_JOINERS:
                continue
            a, b = words[i].start(), words[i + n - 1].end()
            if (a > 0 and text[a - 1].isalnum()) or (b < len(text) and (text[b].isalnum() or text[b] == "$")):
                continue  # inside a word, or a currency prefix (US$, HK$)
            if n > 1 and any(not text[w.end():x.start()].isspace() or "\n" in text[w.end():x.start()]
                             for w, x in zip(words[i:i + n - 1], words[i + 1:i + n], strict=False)):
                continue
            key = fold_en(text[a:b])
            place = gaz.en.get(key) or (_TOWN if key in towns and _stands_alone(text, a, b) else None)
            if place is None:
                continue
            des = _designator().match(text, b, end) if place.label == "LOC" else None
            if place.strength == "suffix" and des is None:
                continue
            hit = (n, Candidate(a, des.end() if des else b, place.label, GAZETTEER, "en",
                                weak=place.strength == "weak" and des is None))
            break
        if hit:
            out.append(hit[1])
            i += hit[0]
            while i < len(words) and words[i].start() < hit[1].end:
                i += 1
        else:
            i += 1
    return out
