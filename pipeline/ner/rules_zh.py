"""Chinese rules: names after role chains and in lists, institution names by suffix, village chains.

Why: news about the two sessions introduces people as a chain of roles ending in the name
(全国人大代表、景宁畲族自治县县长蓝景芬提出…), lists delegates with 、 (史志军、张晓宏…等6位代表), and
names institutions as place + body + suffix (浙江省自然资源厅, 江西省人大教科文卫委). A statistical model
trained on general news cuts or misses these; the patterns here are exact about them.

- Person after a title: a surname (single or compound) + 1-2 given-name characters right after a
  title word, followed by a word that can follow a name (表示, 建议, 看来…) or punctuation; the
  longest such name wins (刘俊来建议 vs 刘俊看来).
- Person after a byline role and a colon (责任编辑：杨秋玲, 二审：干飞).
- Person lists: 2-4 character surname-initial items separated by 、, closed by 等/punctuation, when one
  item is already a person, or the list ends in a count of people (等6位代表) and has several surnames.
- A name said at a sentence start with a speech verb (习近平指出) when the document does so twice.
- Organisation by suffix: the name body runs left from a suffix over words that are not function
  words, titles or punctuation; single-character and generic suffixes (部, 局, 中心, 公司) need the
  body to start at a place, a known institution or an anchor word (中国, 国家); 党委/市委 need a place.
- Places: town, township and village names chained after a place (南安市省新镇省身村).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.ner import branches_zh, companies_zh, media_zh, places_zh
from pipeline.ner.gazetteer import (
    listed_company,
    listed_kind,
    listed_place,
    on_bounds,
    place_ends_at,
    place_starts_at,
    place_word_start,
    role_word,
)
from pipeline.ner.inputs import GAZETTEER, MODEL, RULE, Candidate
from pipeline.ner.lexicon import (
    COUNT,
    alternation,
    common_words_zh,
    gazetteer,
    longest_first,
    surnames_zh,
    transliteration_chars,
    weekday_words,
    zh_rules,
)
from pipeline.ner.name_lists_zh import name_score
from pipeline.text.scripts import CAPITALISED, HAN, LATIN_LOWER, LATIN_UPPER, NAME_DOTS, QUOTE_CLOSE, is_han

_HAN = HAN
NAME_SCORE_ACROSS_WORDS = 6.0  # name_score a model name needs to count though it cuts the segmenter's words
_PUNCT = set("，。、；：？！“”‘’《》（）()〔〕【】[]…—-·,.;:?!\"' \t\r\n\u3000")
_PAREN_PLACE = re.compile(rf"[（(]([{_HAN}]{{2,6}})[）)]")
_PAREN_BEFORE = re.compile(rf"[（(]([{_HAN}]{{2,6}})[）)]")


@dataclass(frozen=True)
class _Lex:
    titles: tuple[str, ...]
    roles: tuple[str, ...]
    follow: tuple[str, ...]
    verbs: tuple[str, ...]
    not_given: frozenset[str]
    surnames1: frozenset[str]
    surnames2: frozenset[str]
    suffix_class: dict[str, str]
    suffixes: tuple[str, ...]
    anchors: tuple[str, ...]
    stop_words: frozenset[str]
    generic: frozenset[str]
    place_suffixes: tuple[str, ...]
    closers: tuple[str, ...]
    events: tuple[str, ...]
    generic_places: tuple[str, ...]
    place_end: str
    not_suffix_words: tuple[str, ...]
    leading_stop: frozenset[str]
    function_chars: frozenset[str]
    body_events: tuple[str, ...]
    determiners: tuple[str, ...]
    village_stop: frozenset[str]
    trailing_verbs: tuple[str, ...]
    follow_multi: tuple[str, ...]
    name_functions: frozenset[str]  # stop words that can also name an institution's function (建设, 推进)
    doctrines: tuple[str, ...]  # doctrine words named after their author (经济思想)
    bracketed_words: frozenset[str]  # company words written in brackets inside a name (包钢（集团）公司)
    pronouns: frozenset[str]  # personal pronoun characters (我们党, 他国): a phrase, not a name, starts with one
    opening_stop_words: tuple[str, ...]  # stop words of two or more characters (我们, 关于, 来自)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = zh_rules()
    names = surnames_zh()
    suffixes = d.org_suffixes
    suffix_class = {s: cls for cls, items in (("any", suffixes.any), ("anchored", suffixes.anchored),
                                              ("place_only", suffixes.place_only)) for s in items}
    follow = d.follow_words + list(companies_zh.news_day_words())  # 波塔宁|周二|表示, |今天|表示: the day follows too
    return _Lex(longest_first(d.titles), longest_first(d.byline_roles), longest_first(follow),
                longest_first(d.sentence_verbs), frozenset(d.not_given_name),
                frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2),
                suffix_class, longest_first(list(suffix_class)), longest_first(d.org_anchors),
                frozenset(d.org_body_stop_words), frozenset(d.org_generic_bodies),
                longest_first(d.place_suffixes), longest_first(d.list_closers),
                longest_first(d.event_suffixes), longest_first(d.generic_place_nouns),
                d.place_end_chars, longest_first(d.not_suffix_words), frozenset(d.leading_stop_chars),
                frozenset(d.function_chars), tuple(d.body_event_words), tuple(d.determiners),
                frozenset(d.village_stop_chars),
                longest_first([w for w in follow + d.sentence_verbs if len(w) > 1] + d.trailing_verbs),
                longest_first([w for w in follow if len(w) > 1]), frozenset(d.name_function_words),
                longest_first(d.doctrine_words), frozenset(d.bracketed_company_words), frozenset(d.pronoun_chars),
                longest_first(w for w in d.org_body_stop_words if len(w) > 1))


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _lex().titles)))


@lru_cache(maxsize=1)
def _post_title_re() -> re.Pattern[str]:
    return re.compile(alternation(zh_rules().post_name_titles))


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern[str]:
    roles = "|".join(map(re.escape, _lex().roles))
    return re.compile(rf"(?:{roles})(?:\s*[:：]\s*|[ \t\u3000]+|(?=[{_HAN}]))")


def name_lengths(text: str, i: int, end: int) -> list[int]:
    """Lengths of plausible Han names starting at i (surname + 1-2 given characters), longest first."""
    lex = _lex()
    out: list[int] = []
    for sl in (2, 1):
        sur = text[i:i + sl]
        if (sl == 2 and sur not in lex.surnames2) or (sl == 1 and sur not in lex.surnames1):
            continue
        if _phrase_after(text, i + sl, end):
            continue  # 向|全体, 连|日来: the characters after the "surname" are a phrase, not a given name
        for gl in (2, 1):
            j = i + sl + gl
            given = text[i + sl:j]
            if j <= end and len(given) == gl and all(is_han(c) and c not in lex.not_given for c in given):
                out.append(sl + gl)
    return sorted(set(out), reverse=True)


def _phrase_after(text: str, j: int, end: int) -> bool:
    """A quantifier that opens a noun phrase (全体, 各界) or a time span (日来, 年来) starts at j."""
    d = zh_rules()
    if text.startswith(tuple(d.quantifier_words), j, end):
        return True
    return j + 2 <= end and text[j] in d.time_unit_chars and text[j + 1] == "来"


def _follows(text: str, j: int, end: int) -> bool:
    """A name may end at j: end of run, punctuation, a non-Han character or a word that follows names."""
    if j >= end or not is_han(text[j]):
        return True
    return text[j] in _PUNCT or text.startswith(_lex().follow, j)


def _person(text: str, i: int, end: int) -> int:
    """Length of the name at i that is followed properly, or 0 (a word that follows names is no name)."""
    lex = _lex()
    fits: list[int] = []
    for n in name_lengths(text, i, end):
        if text[i:i + n] in lex.follow or text[i:i + n] in lex.verbs or text.endswith(lex.titles, i, i + n):
            continue  # 董事|和监事: a title is no given name
        if any(text.endswith(w, i, i + n) for w in lex.verbs) or text.endswith(lex.follow, i + 1, i + n):
            continue  # 委员|时强调: a verb is no given name
        if _follows(text, i + n, end):
            fits.append(n)
    # a following word of two or more characters (or punctuation) closes a name before a single-character
    # one does: 记者龚雯|报道, not 龚雯报|道
    strong = [n for n in fits if not (i + n < end and is_han(text[i + n]) and text[i + n] not in _PUNCT
                                      and not text.startswith(lex.follow_multi, i + n))]
    return strong[0] if strong else (fits[0] if fits else 0)


def _name_part(text: str, a: int, b: int, end: int) -> bool:
    if b > end or not all(is_han(c) for c in text[a:b]) or text.endswith(_lex().follow, a, b):
        return False  # 伊克巴尔|表示: a following word is not part of the name
    return _follows(text, b, end) or (b < end and text[b] in NAME_DOTS)


# The longest part of a transliterated name: 施塔乌斯霍尔姆. A part of four characters or more (a first part after a
# title of five or more) is read only when all are transliteration characters and it ends in no title: not
# 委员|会主席艾哈迈德·…, 劳伦斯·|莱西格研究此案, 拉加德对记者 or 阿纳斯塔斯博士, whose shorter parts the words
# that follow decide.
_PART_MAX, _LONG_PART = 7, 4
_PLAIN_FIRST = 4  # a first part after a title of up to four characters needs no transliteration test (as before)


def _long_part(text: str, a: int, b: int, end: int) -> bool:
    """A part of four characters or more ends in no title (阿纳斯塔斯|博士) and is either closed by a name dot, a
    middle part (孔西里斯|·), or made of transliteration characters only (not 拉加德对记者, 赛克斯爵士一行。: the words
    after a name)."""
    if text.endswith(_lex().titles, a, b):
        return False
    return (b < end and text[b] in NAME_DOTS) or set(text[a:b]) <= transliteration_chars()


def _transliterated_tail(text: str, pos: int, end: int) -> int:
    """End of the ·-joined parts of a transliterated name after pos (戴尔|·亨德森), each part as long as
    lets a name-following word come after it."""
    while pos < end and text[pos] in NAME_DOTS:
        fits = [n for n in range(_PART_MAX, 0, -1) if _name_part(text, pos + 1, pos + 1 + n, end) and (
            n < _LONG_PART or _long_part(text, pos + 1, pos + 1 + n, end))]
        # a following word closes the name before punctuation does (贾巴尔|参与了“…); of two, the longer word
        # (波塔宁|本周二, not 波塔宁本|周二)
        multi = _lex().follow_multi
        closing = [(len(next(w for w in multi if text.startswith(w, pos + 1 + n))), n) for n in fits
                   if text.startswith(multi, pos + 1 + n)]
        # a part a name dot closes is a middle part, whatever one-character follow word its shorter reading
        # would leave (路易丝·穆图卡|·恩桑巴, not 路易丝·穆|图卡: 图 also follows a photo credit's name)
        middle = next((n for n in fits if pos + 1 + n < end and text[pos + 1 + n] in NAME_DOTS), 0)
        part = middle or (max(closing)[1] if closing else next(
            (n for n in fits if text.startswith(_lex().follow, pos + 1 + n)), fits[0] if fits else 0))
        if not part:
            break
        pos += 1 + part
    return pos


_LATIN_NAME = re.compile(
    rf"{CAPITALISED}(?:[ -][{LATIN_UPPER}]?[{LATIN_LOWER}]+){{0,2}}(?![{LATIN_UPPER}{LATIN_LOWER}])"
)


def _at_dot(text: str, pos: int, end: int) -> bool:
    """A name dot comes at pos: the tail stopped before a part it could not read (安德鲁·|葛鲁夫一行)."""
    return pos < end and text[pos] in NAME_DOTS


def _closed(text: str, pos: int, end: int) -> bool:
    """Punctuation, the run's end, a word of two characters that follows names or a speech verb comes at pos
    (…波塔宁|表示, …|周二, …德里克|说): a long name read by the title rule ends there for sure (not …洛博夫大|将率领,
    …塞弗兰举行会|谈, nor before a name dot whose part the tail could not read)."""
    if pos >= end:
        return True
    if _at_dot(text, pos, end):
        return False  # 埃拉苏里斯|·吉利塞斯蒂交换了: a part the tail could not read follows
    return (text[pos] in _PUNCT or not is_han(text[pos]) or text.startswith(_lex().follow_multi, pos)
            or text.startswith(_lex().verbs, pos))


def persons_after_titles(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A name right after a title: a Han name, a transliteration with ·, or a name in Latin letters
    (首席执行官Park Min-jae)."""
    conjunctions = zh_rules().conjunction_chars
    for m in _title_re().finditer(text, start, end):
        if text[m.end():m.end() + 1] in conjunctions and m.end() < end:
            continue  # 代表|和|嘉宾: a conjunction joins the title to another noun
        n = _person(text, m.end(), end)
        if n:
            tail = _transliterated_tail(text, m.end() + n, end)
            if _at_dot(text, tail, end):
                continue  # 安德鲁·|葛鲁夫一行: a part no following word closes; the model reads the name
            yield m.end(), tail
            continue
        first = next((k for k in range(_PART_MAX, 1, -1) if m.end() + k < end and text[m.end() + k] in NAME_DOTS
                      and all(is_han(c) for c in text[m.end():m.end() + k]) and (
                          k <= _PLAIN_FIRST or set(text[m.end():m.end() + k]) <= transliteration_chars())), 0)
        tail = _transliterated_tail(text, m.end() + first, end) if first else 0
        if tail > m.end() + first and (first <= _PLAIN_FIRST or _closed(text, tail, end)) and not _at_dot(
                text, tail, end):
            yield m.end(), tail  # 主席萨米尔·卡德尔: a transliterated name, parts joined by ·
            continue
        latin = _LATIN_NAME.match(text, m.end(), end)
        if latin and latin.end() < end and (is_han(text[latin.end()]) or text[latin.end()] in "，。、") and (
                latin.end() - latin.start() > 2):
            yield latin.span()


def persons_after_roles(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Names after a byline role (责任编辑：杨秋玲; 本报记者 冯晓岚 曹一舟; （记者 钟楚宁 江子豪）;
    本报记者王凯文、蔡琳月): every item of the list that follows, separated by spaces or 、, each a
    surname + given name (a two-character name may be written with a space inside: 周 蕾)."""
    for m in _role_re().finditer(text, start, end):
        colon = any(c in "：:" for c in m.group())
        yield from _byline_names(text, m.end(), end, colon)


def _byline_names(text: str, i: int, end: int, colon: bool) -> Iterator[tuple[int, int]]:
    first = True
    while i < end:
        n = _byline_name(text, i, end)
        if not n:
            return
        if not colon and first and i + n < end and is_han(text[i + n]) and text[i + n] not in "、摄":
            return  # no colon, no space: 记者调查发现 is no byline
        yield i, i + n
        first = False
        j = i + n
        sep = j
        while sep < end and text[sep] in " \t\u3000、":
            sep += 1
        if sep == j or sep >= end or "\n" in text[j:sep]:
            return
        i = sep


def _byline_name(text: str, i: int, end: int) -> int:
    """Length of a byline name at i: surname + given (followed by a space, 、, punctuation or the end),
    or surname, one or two spaces, one given character (周  蕾); inside a byline list any two or three
    Han characters after a surname count (蔡琳月: 月 is rarely a given name elsewhere)."""
    lex = _lex()
    spaced = _SPACED_NAME.match(text, i, end)
    if spaced and text[i] in lex.surnames1 and text[spaced.end() - 1] not in lex.not_given:
        return spaced.end() - i
    lengths = name_lengths(text, i, end)
    for n in lengths:  # 温宪|摄）: the credit's 摄 closes the name, it is no given character
        if text[i + n:i + n + 1] == "摄" and (i + n + 1 >= end or not is_han(text[i + n + 1])):
            return n
    for n in lengths:
        if i + n >= end or not is_han(text[i + n]) or text[i + n] in "、摄":
            return n
    for n in (3, 2):  # a character that is rarely a given name may still end one (蔡琳|月), not stand inside
        if (text[i:i + 1] in lex.surnames1 and all(is_han(c) for c in text[i:i + n])
                and all(c not in lex.not_given for c in text[i + 1:i + n - 1])
                and not _phrase_after(text, i + 1, i + n)
                and (i + n >= end or not is_han(text[i + n]) or text[i + n] == "、")):
            return n
    return 0


_SPACED_NAME = re.compile(rf"[{_HAN}][ \u3000]{{1,2}}[{_HAN}](?![{_HAN}])")


_PHOTO_CREDIT = re.compile(rf"(?:^|(?<=[\s（(。；]))([{_HAN}](?:[ \u3000]{{0,2}}[{_HAN}]){{1,2}})摄"
                           rf"(?=$|[\s（(，。；])", re.M)


def photo_credits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A name before 摄 (photo by) at a line or clause start: 孟庆山摄（新华社发）, 李 斌摄."""
    for m in _PHOTO_CREDIT.finditer(text, start, end):
        s, e = m.span(1)
        name = re.sub(r"[ \u3000]", "", text[s:e])
        if len(name) in name_lengths(name, 0, len(name)):
            yield s, e


def persons_before_titles(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A surname + given name opening a clause and followed by a title written after it
    (习近平总书记指出, 周振林代表谈…): the title closes the name."""
    lex = _lex()
    for m in _post_title_re().finditer(text, start, end):
        for n in (3, 2):
            s = m.start() - n
            if s < start or (s > start and is_han(text[s - 1]) and text[s - 1] != "、"):
                continue
            if text[m.end():m.end() + 1] in zh_rules().title_body_chars:
                break  # 委员|会, 代表|团: the title word is part of a body's name
            if _title_word_over(text, s, m.start(), m.end()):
                break
            if text.endswith(lex.suffixes, s, m.start()):
                break  # 包钢（集团）|公司|董事长: an institution's suffix before the title, no name
            if text[s:m.start()] in lex.generic:
                break  # 项目|总经理, 技术|总监: the title's scope, no name
            if n in name_lengths(text, s, m.start()) and text[s:m.start()] not in lex.follow:
                yield s, m.start()
                break


def _title_word_over(text: str, s: int, a: int, b: int) -> bool:
    """The words before the title text[a:b] join it into a longer title (国务|委员 is 国务委员), or with its
    first characters make a listed institution (公安|部长 is 公安部 + 长): no name stands at s."""
    zh = gazetteer().zh
    if any(len(t) > b - a and text.endswith(t, s, b) and b - len(t) >= s for t in _lex().titles):
        return True
    return any((p := zh.get(text[s:k])) is not None and p.label == "ORG" for k in range(a + 1, b))


_LIST = re.compile(rf"[{_HAN}]{{2,5}}(?:、[{_HAN}]{{2,4}})+")


@lru_cache(maxsize=1)
def _count_closer() -> re.Pattern[str]:
    return re.compile(zh_rules().list_count_closer)


def person_lists(text: str, start: int, end: int, known: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Items of a 、-separated list of names (史志军、张晓宏、石磊…等6位代表)."""
    lex = _lex()
    places = gazetteer().zh
    for m in _LIST.finditer(text, start, end):
        items: list[tuple[int, int]] = []
        pos = m.start()
        for k, part in enumerate(m.group().split("、")):
            s, e = pos, pos + len(part)
            pos = e + 1
            if k == 0:  # the first item may carry the words before it: keep the name at its end
                s = next((x for x in range(s, e - 1) if name_lengths(text, x, e) and x + max(
                    name_lengths(text, x, e)) == e), -1)
            last = k == len(m.group().split("、")) - 1
            if last:  # the last item may run on into the closer: 张雨霏等 -> cut at the closer
                for c in lex.closers:
                    idx = text.find(c, s + 2, e + len(c))
                    if s + 2 <= idx <= e:
                        e = idx
                        break
            if s < 0 or e - s not in name_lengths(text, s, e) or text[s:e] in places:
                items = []
                break
            items.append((s, e))
        if len(items) < 2:
            continue
        tail = text[items[-1][1]:items[-1][1] + 6]
        closed = tail.startswith(lex.closers) or (tail[:1] in _PUNCT)
        counted = _count_closer().match(tail) is not None and len({text[s] for s, _ in items}) > 1
        if closed and (any(it in known for it in items) or counted):
            yield from items


def persons_by_speech(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A name opening a clause with a speech verb (习近平指出), when the document does it twice."""
    lex = _lex()
    hits: list[tuple[int, int]] = []
    for i in range(start, end):
        if i > start and text[i - 1] not in _PUNCT:
            continue
        for n in name_lengths(text, i, end):
            if text.startswith(lex.verbs, i + n):
                hits.append((i, i + n))
                break
    counts = Counter(text[s:e] for s, e in hits)
    yield from ((s, e) for s, e in hits if counts[text[s:e]] >= 2)


_QUOTE_CLOSERS = "”」』"
_SPEECH_ENDS = "。，！？…!?,"  # the last character inside a quote of speech
_HYPHENS = "-‐"
_NAME_JOINERS = NAME_DOTS + _HYPHENS
_SPEAKER_MAX = 16


def _transliterated_name(name: str) -> bool:
    """Two or more transliteration characters, in parts joined by · or a hyphen (约翰·史密斯, 让-皮埃尔·拉法兰)."""
    parts = re.split(f"[{re.escape(_NAME_JOINERS)}]", name)
    return all(parts) and len("".join(parts)) >= 2 and set("".join(parts)) <= transliteration_chars()


def quoted_speakers(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The speaker named between a closing quote and a speech verb (“…。”李明远说, “…”约翰·史密斯表示): a quote's
    attribution names a person, so once is enough. The quote is speech: it ends in punctuation or a comma
    follows it (not a term in quotes: 『绿色』时装著称). A Han name (surname + given; not an address word:
    ”饶先生说, ”王总说; not a function word that is also a surname: ”但自称) or a transliteration; not a
    pronoun or a noun (”他说, ”专家表示) and not a listed name (”高盛表示, ”花旗称: institutions speak too)."""
    lex = _lex()
    for i in range(start + 2, end):
        q = i - 1 if text[i - 1] in _QUOTE_CLOSERS else i - 2 if text[i - 1] == "，" else -1
        if q <= start or text[q] not in _QUOTE_CLOSERS or (q == i - 1 and text[q - 1] not in _SPEECH_ENDS):
            continue
        n = next((n for n in name_lengths(text, i, end) if text.startswith(lex.verbs, i + n)), 0)
        if n and not _addressed(text[i:i + n]) and text[i] not in zh_rules().function_chars:
            if text[i:i + n] not in gazetteer().zh:  # ”高盛表示: a listed institution speaks too
                yield i, i + n
            continue
        k = next((k for k in range(i + 2, min(end, i + _SPEAKER_MAX)) if text.startswith(lex.verbs, k)), -1)
        if k > 0 and _transliterated_name(text[i:k]) and text[i:k] not in gazetteer().zh:
            yield i, k


def hyphened_start(text: str, s: int) -> int:
    """Start of a transliterated name whose first given name is hyphenated before the span at s (让-|皮埃尔·拉法兰):
    the part before the hyphen, when it is transliteration characters standing after no other such character."""
    if s < 2 or text[s - 1] not in _HYPHENS:
        return s
    chars, k = transliteration_chars(), s - 1
    while k > max(0, s - 6) and text[k - 1] in chars:
        k -= 1
    return k if k < s - 1 and (k == 0 or text[k - 1] not in chars) else s


def persons_after_person_nouns(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A name between a word for a person by trade or role and a speech verb (绣娘|石某|说, 矿工|王某|表示):
    the word before says a person follows, the verb after closes the name; once is enough."""
    lex = _lex()
    ends = zh_rules().person_noun_end_chars
    for i in range(start + 1, end):
        if text[i - 1] not in ends:
            continue
        n = _person(text, i, end)
        if n and text.startswith(lex.verbs, i + n) and not _addressed(text[i:i + n]):
            yield i, i + n  # not 村民|胡婆婆|说: a surname + an address word


def persons_before_doctrines(text: str, start: int, end: int, bounds: Collection[int]) -> Iterator[tuple[int, int]]:
    """A doctrine named after its author (习近平|经济思想, 习近平|生态文明思想): a surname + two given characters
    that the segmenter writes as one word, right before a specific doctrine word, is a person (the model, trained
    on older news, may not know the name)."""
    words = _lex().doctrines
    n = 3  # a surname + two given characters; a shorter "name" is too often a word (沈氏|理论)
    for i in range(start, end - n):
        one_word = i in bounds and i + n in bounds and not any(b in bounds for b in range(i + 1, i + n))
        if text.startswith(words, i + n) and one_word and n in name_lengths(text, i, i + n):
            yield i, i + n


def _words_left(text: str, start: int, pos: int, bounds: list[int]) -> Iterator[tuple[int, int]]:
    """Words ending at or before pos, right to left (single characters when no bounds are known)."""
    while pos > start:
        if bounds:
            k = bisect_left(bounds, pos) - 1
            q = bounds[k] if k >= 0 and bounds[k] >= start else start
        else:
            q = pos - 1
        yield q, pos
        pos = q


def _covered_by(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """text[s:e] is tiled by the spans (places), allowing one trailing designator character."""
    reach = {s}
    for a, b in sorted(spans):
        if a in reach and b <= e:
            reach.add(b)
    return e in reach or (e - 1 in reach and e - 1 > s)


def _find_all(text: str, sub: str, start: int, end: int) -> Iterator[int]:
    i = text.find(sub, start, end)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1, end)


_NUMERAL_DATE = re.compile(r"[〇○零一二三四五六七八九十廿卅]+[月日号]")


def _dateline_at(text: str, a: int, b: int) -> bool:
    """The word text[a:b] is part of a dateline (三月五日|讯, 本报上海三月五日讯): a date in Chinese numerals, or
    the 讯 / 电 right after one. Arabic digits already stop the walk as non-Han characters."""
    word = text[a:b]
    return bool(_NUMERAL_DATE.fullmatch(word)) or (word in ("讯", "电") and text[a - 1:a] in ("日", "号"))


def _body_start(text: str, start: int, i: int, bounds: list[int], lex: _Lex,
                person_ends: Collection[int] = (), entity_ends: Collection[int] = (),
                anchors: Collection[int] = ()) -> int:
    """Where an institution name ending at i begins: walk left over words (or characters when no word
    bounds are known) until punctuation, a function word or verb that cannot be inside a name, a title,
    an event word (会议, 届) or the end of a person's name. 和 joins two words of one name (工业和信息化部)
    but not two institutions (中共中央和国务院, 甲出版社和乙出版社): it stops the walk after a known entity or
    an institution suffix. A stop word that is also a name's function (建设, 推进) is walked over when the walk
    then reaches an anchor, the start of a known place or entity (东营市|湿地城市建设推进|中心)."""
    opening = _bracket_before(text, start, i, lex)
    if opening >= 0:  # 包钢（集团）|公司: brackets right before the suffix, though the segmenter glues them to a
        return _body_start(text, start, opening, bounds, lex, person_ends, entity_ends, anchors)  # word
    body_start = i
    if bounds:
        skip_to = -1
        pending = -1  # where the walk stopped at a function word, until an anchor confirms going on
        for a, b in _words_left(text, start, i, bounds):
            if a >= skip_to >= 0:
                continue
            word = text[a:b]
            if word in ("）", ")") and skip_to < 0:  # 华铸科技（包头）铸件…: a place in brackets
                opening = _bracket_before(text, start, b, lex)
                if opening >= 0:
                    skip_to = body_start = opening
                    continue
            if a < skip_to:
                skip_to = -1
            joins = word == "和" and a not in entity_ends and not text.endswith(lex.suffixes, start, a)
            if word in lex.name_functions and anchors and i - a <= 20:
                pending = body_start if pending < 0 else pending
                body_start = a
                continue
            if (not all(is_han(c) for c in word) or (word in lex.stop_words and not joins)
                    or (word in lex.function_chars and word != "和") or _function_word(word, lex)
                    or word in lex.titles or any(w in word for w in lex.body_events) or i - a > 20
                    or b in person_ends or _dateline_at(text, a, b)):
                break
            body_start = a
            if a in anchors:
                pending = -1
        if pending >= 0:
            body_start = pending
    else:
        multi = tuple(w for w in lex.stop_words if len(w) > 1) + lex.titles + lex.body_events
        while body_start > start and i - body_start < 20:
            ch = text[body_start - 1]
            if (not is_han(ch) or ch in lex.function_chars or text.endswith(multi, start, body_start)
                    or body_start in person_ends or (ch == "和" and (body_start - 1 in entity_ends or text.endswith(
                        lex.suffixes, start, body_start - 1)))
                    or _dateline_at(text, body_start - 1, body_start)
                    or (ch in "月日号" and _NUMERAL_DATE.search(text, max(start, body_start - 4), body_start))):
                break
            body_start -= 1
    while body_start < i and text[body_start] in lex.leading_stop:
        body_start += 1
    if text.startswith(tuple(zh_rules().former_markers), body_start) and place_starts_at(text, body_start + 1, i):
        body_start += 1  # 原|江苏省…有限公司副总经理: "former", not part of the name
    return body_start


def _function_word(word: str, lex: _Lex) -> bool:
    """A segmenter word of two or more characters made of function characters and determiners only (这是, 就是,
    也是, 及其): it cannot stand inside an institution's name, so a walk to the left stops at it."""
    return len(word) > 1 and all(c in lex.function_chars or c in lex.determiners for c in word)


def _bracket_before(text: str, start: int, pos: int, lex: _Lex) -> int:
    """Where the brackets ending at pos open, when they hold a listed place or a company word and a Han
    character stands before them (华铸科技（包头）, 包钢（集团）): that part belongs to the name. -1 otherwise."""
    m = _PAREN_BEFORE.search(text, max(start, pos - 8), pos)
    if m and m.end() == pos and m.start() > start and is_han(text[m.start() - 1]) and (
            m.group(1) in gazetteer().zh or m.group(1) in lex.bracketed_words):
        return m.start()
    return -1


_COUNT_BEFORE = re.compile(COUNT.pattern + "$")


def _counted_before(text: str, pos: int) -> bool:
    """A count or quantifier ends at pos, or at its first character (一家|美国矿业公司, 两家|日本商社,
    多个|…代表团, 3|所|航空学院): what follows is a kind of institution counted, not a name."""
    counted = _COUNT_BEFORE.search(text[max(0, pos - 6):pos]) or _COUNT_BEFORE.search(text[max(0, pos - 5):pos + 1])
    return counted is not None or text.endswith(_quantifiers(), 0, pos)


@lru_cache(maxsize=1)
def _quantifiers() -> tuple[str, ...]:
    """The quantifier words, as a tuple once (``_counted_before`` runs at every institution suffix)."""
    return tuple(zh_rules().quantifier_words)


def _field_list_start(text: str, start: int, body_start: int, i: int, bound_set: Collection[int],
                      opened: dict[int, int], listed_starts: Collection[int], lex: _Lex,
                      parent_at: Callable[[int], int] | None = None) -> tuple[int, bool]:
    """Where a name whose remit is a list of fields begins (巴基斯坦|规划、发展与|特别项目部, 印度|科学、技术与|创新部):
    the walk stopped at the list's conjunction or, when it went over 和 (工业、|科学和资源部), at a 、; it goes
    on over the fields, ordinary words that name nothing, to a known place or institution (or an anchor word)
    right before the first field. At least one 、 and one conjunction must join the fields, so that two names
    joined by 和 stay two, unless ``parent_at`` (the start of an institution ending at a position, or -1; given
    only for a unit's suffix) finds one right before the first field and 与 joins them: then it is a unit of
    that parent named by two fields (中南大学|资源与|安全工程学院, 中国科学院|地质与|地球物理研究所); the flag
    returned says so. No field may be a name
    (北京、上海和|广州分公司) or end in an institution suffix (财政部、发展改革委与|国家能源局). ``opened`` maps a
    known name's end to its start; ``listed_starts`` are where names the lists and rules know (not the
    model's) begin."""
    conjunctions = zh_rules().conjunction_chars
    seps = "、" + conjunctions
    words = common_words_zh()
    p, commas, passed = body_start, 0, ""
    joined = any(text[k] in conjunctions and (not bound_set or (k in bound_set and k + 1 in bound_set))
                 for k in range(body_start, i))
    if p - 1 <= start or text[p - 1] not in (seps if joined else conjunctions) or body_start in listed_starts:
        return body_start, False  # a body that opens with a known name has its head (代表、|重庆市经济和信息化委员会)
    while p - 1 > start and text[p - 1] in seps:
        q = p - 1
        known_end = q - 2 in opened or (parent_at is not None and parent_at(q - 2) >= 0)
        sizes = (2, 4) if known_end else (4, 2)  # 中南大学|资源: the field ends where a known name ends
        field = next((text[q - n:q] for n in sizes if q - n >= start and _field(text[q - n:q], words, lex)
                      and (not bound_set or (q - n in bound_set and q in bound_set))), "")
        if not field:
            return body_start, False
        commas += text[q] == "、"
        passed += text[q]
        p = q - len(field)
    # a unit's two fields are joined by 与 (资源与安全); 和 and 及 also join names (海关|关长及|高等法院)
    parent = parent_at(p) if parent_at is not None and commas == 0 and passed == "与" else -1
    if parent >= 0:
        return parent, True
    if commas == 0:
        return body_start, False  # 统计和|经济研究中心 without a parent before it: two names may stand joined
    if p in opened:
        return opened[p], False
    anchor = next((w for w in lex.anchors if text.endswith(w, start, p)), "")
    return (p - len(anchor) if anchor else body_start), False


_QUOTE_OPEN = {c: o for o, c in QUOTE_CLOSE.items()}  # closing -> opening
_QUOTED_MAX = 10


def _quoted_start(text: str, start: int, body_start: int, lex: _Lex) -> int:
    """Where a name whose distinctive part is quoted begins (“幸福工程”组委会, “三江源”国家公园管理局): the body
    walk stopped at a closing quote; the quoted words and their quotes are the name's own part, as written.
    The quoted words are two to ten Han characters with no function word (“献给母亲的一句话”评委会 quotes a
    title) and no listed institution (“金管会”银行局 is a unit of the one quoted). -1 when no such part stands
    there."""
    close = text[body_start - 1:body_start]
    if body_start - 1 <= start or close not in _QUOTE_OPEN:
        return -1
    o = text.rfind(_QUOTE_OPEN[close], max(start, body_start - 2 - _QUOTED_MAX), body_start - 1)
    inner = text[o + 1:body_start - 1] if o >= 0 else ""
    listed = gazetteer().zh.get(inner)
    if (len(inner) < 2 or not all(is_han(c) and c not in lex.function_chars for c in inner)
            or (listed is not None and listed.label == "ORG")):
        return -1
    return o


def _noun_goes_on(text: str, se: int, end: int, bound_set: Collection[int], lex: _Lex) -> bool:
    """A one-character word that is no function word or title follows se (银行|卡, 公司|债): the word before
    it is the head of a compound noun, not a name's suffix."""
    return (se + 1 < end and se + 1 in bound_set and is_han(text[se]) and text[se] not in lex.function_chars
            and not text.startswith(lex.titles + lex.follow, se))


def _starts_listed_place(text: str, opened: dict[int, int], end: int) -> bool:
    """A listed place ends at ``end`` (``opened`` maps known names' ends to their starts)."""
    return end in opened and listed_place(text[opened[end]:end])


def _field(word: str, words: Collection[str], lex: _Lex) -> bool:
    """word (two or four characters) is one ordinary word or two, names nothing (a short form that names a
    place only in context, 资源 of 资源县, names nothing here), is no title and ends in no suffix."""
    halves = [word[k:k + 2] for k in range(0, len(word), 2)]
    zh = gazetteer().zh

    def names_nothing(w: str) -> bool:
        entry = zh.get(w)
        return entry is None or entry.strength == "context"

    return (all(h in words and names_nothing(h) for h in halves) and names_nothing(word)
            and not word.endswith(lex.suffixes) and not any(h in lex.stop_words or h in lex.titles for h in halves))


_STATE_KINDS = ("country", "province", "region")  # a surname + given-name reading of one (南|非) is no person


def _place_with(text: str, s: int, i: int) -> bool:
    """The body and the suffix's first character make a listed place (鄂尔多斯|市委: 鄂尔多斯市)."""
    return listed_place(text[s:i + 1])


def _two_listed(text: str, s: int, e: int) -> bool:
    """text[s:e] is two listed institutions written side by side."""
    zh = gazetteer().zh
    return any(zh.get(text[s:k]) is not None and zh[text[s:k]].label == "ORG"
               and zh.get(text[k:e]) is not None and zh[text[k:e]].label == "ORG" for k in range(s + 2, e - 1))


_NUMERALS = "〇○零一二三四五六七八九十百千万两几数多0-9０-９\u2160-\u217f"
_NUMERAL_BEFORE = re.compile(f"[{_NUMERALS}]")
_NUMBER_ONLY = re.compile(f"[{_NUMERALS}]+")


def _counted(text: str, i: int, suf: str) -> bool:
    """A classifier suffix right after a numeral counts or orders things (留下一部著作, 第Ⅶ部, 三所学校), unless
    it is a numbered unit (…排水保障二所)."""
    if suf not in zh_rules().classifier_suffixes or i <= 0 or _NUMERAL_BEFORE.match(text, i - 1) is None:
        return False
    return not _numbered_unit(text, i - 1, i + len(suf))


def _qualified(body: str) -> bool:
    """A relation qualifier stands within two characters of the suffix (国务院|有关|部|委, 省政府|相关|部|门):
    the phrase names a class of the body's units, not an institution."""
    return any(0 <= len(body) - (body.rfind(q) + len(q)) <= 2 for q in zh_rules().relation_qualifiers
               if q in body)


def _numbered_unit(text: str, num: int, end: int) -> bool:
    """text[num:end] is a numeral + 所 that names a numbered unit of the name before it (…保障二所, 研究三所): a
    Han character other than 第 before it, and no noun after it (两所|大学 counts schools, 第一部|专著 orders
    books)."""
    return (text[end - 1] == "所" and num > 0 and is_han(text[num - 1]) and text[num - 1] != "第"
            and text[end:end + 2] not in common_words_zh())


_PARTICLE_CLAUSE = re.compile(rf"[{_HAN}]{{1,4}}?的")


def _particle(text: str, body_start: int, se: int, end: int, suf: str) -> bool:
    """所 as the particle before a verb: a short verb phrase and 的 follow (国际环境所带来的, 所提出的), or
    为/被 opens the clause before the body (为群众所掌握). A title or a unit word after it (所长, 所属)
    keeps it an institution's suffix, and so does a conjunction before the 的 (地质所和物理所的)."""
    lex = _lex()
    if suf != zh_rules().particle_suffix or text.startswith(lex.titles, se) or text.startswith(
            tuple(zh_rules().sub_unit_closers), se):
        return False
    if text[body_start - 1:body_start] in ("为", "被"):
        return True
    m = _PARTICLE_CLAUSE.match(text, se, end)
    return m is not None and not any(c in zh_rules().conjunction_chars for c in text[se:m.end() - 1])


def _clause_cut(text: str, s: int, i: int, se: int, spans: Collection[tuple[int, int]], lex: _Lex,
                bound_set: Collection[int]) -> int:
    """Where a body walk crossed words of the clause before the name (做好|人民日报, 中国方面尊重|南斯拉夫联盟,
    …委员会会同|省公安厅, 学府|清华大学): a known place or institution inside the body that the words
    before it do not reach as a chain of known names and anchors starts the name.

    No cut where the words before it end in an institution suffix (中国地质调查局|武汉…: its parent), a
    place ending or 国 (中华人民共和国|国务院), or a conjunction (统计和|经济研究中心: one name); nor at
    an anchor word alone (广东铁道|中国青年旅行社), a short span (旅行社: a kind of body, not a name),
    inside a word (盘|江…) or inside a known name (生态|环境部督察组: 生态环境部 is one)."""
    tiles = [(a, b) for a, b in spans if s <= a and b <= i]
    anchors = set(lex.anchors)
    # names that end with the candidate (4+ characters) or inside the body (not a bare anchor word)
    starts = {a for a, b in spans if s < a < i and ((b <= se and b - a >= 4) or (b <= i and text[a:b] not in anchors))}
    parent_ends = lex.suffixes + tuple(lex.place_end) + ("国",)
    conjunctions = zh_rules().conjunction_chars

    def joined(p: int) -> bool:  # 统计|和|经济…: a conjunction standing as a word of its own; …（|宜昌）
        return (text[p - 1] in conjunctions and (not bound_set or p - 1 in bound_set)) or not is_han(text[p - 1])

    cut, reach, inside = s, {s}, s  # inside: the end of the known names begun at reached positions
    for p in range(s, i):
        if p in starts and p not in reach and p >= inside and not text.endswith(parent_ends, cut, p) and (
                not joined(p)) and (not bound_set or p in bound_set):
            cut, reach = p, {p}
        if p in reach:
            reach.update(b for a, b in tiles if a == p)
            inside = max([inside] + [b for a, b in spans if a == p and b <= se])
            reach.update(p + len(w) for w in lex.anchors if text.startswith(w, p, i))
    return cut


def _institutions_of(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The institutions a suffix rule's span names when an ownership word joins two or describes an unnamed
    one, as the model's spans are cut: 公司全资子公司|赣锋国际有限公司 is the subsidiary alone, 岭北矿业|全资子公司|
    岭北国际有限公司 the owner too (a company's short name before the word)."""
    a, b = companies_zh.ownership_cut(text[s:e])
    parts = [(s + a, s + b)]
    word = companies_zh.ownership_word(text[s:e])
    if a > 0 and word is not None and companies_zh.is_company_name(text[s:s + word[0]]):
        parts.insert(0, (s, s + word[0]))
    return parts


# a closing bracket and a conjunction inside a body: the bracket ended the name before it
_BRACKET_JOIN = re.compile(r"[）)](?:和|与|及|、)")


def org_by_suffix(text: str, start: int, end: int, bounds: list[int], bound_set: Collection[int],
                  known: list[Candidate], person_ends: Collection[int] = ()) -> Iterator[tuple[int, int]]:
    lex = _lex()
    places = [(c.start, c.end) for c in known if c.label == "LOC"]
    starts = {c.start for c in known if c.label in ("LOC", "ORG")}
    # 那坡|县: a place may open with a determiner's character
    determined_places = {c.start for c in known if c.label == "LOC" and text.startswith(lex.determiners, c.start)}
    entity_ends = {c.end for c in known if c.label in ("LOC", "ORG")}
    made: dict[int, str] = {}  # end -> suffix of the names found so far
    made_at: dict[int, int] = {}  # end -> start of the names found so far (parents of the units after them)
    listed_starts = {c.start for c in known if c.label in ("LOC", "ORG") and c.source != MODEL}
    known_spans = {(c.start, c.end) for c in known if c.label in ("LOC", "ORG")}
    opened = {e: s for s, e in sorted(known_spans, key=lambda se: se[1] - se[0])}  # end -> start of the longest
    units = tuple(zh_rules().sub_unit_suffixes)
    departments = frozenset(zh_rules().department_suffixes)  # a ministry's 司 as the suffix, not 公|司

    def parent_at(p: int) -> int:
        """Start of an institution (found here or known) ending at p, or -1 (not a place: 重庆|资源与…)."""
        s = made_at.get(p, opened.get(p, -1))
        return s if s >= 0 and not listed_place(text[s:p]) else -1

    hubs = frozenset(zh_rules().hub_suffixes)
    ends = sorted({i + len(s) for s in lex.suffixes for i in _find_all(text, s, start, end)})
    for se in ends:
        suf = next(s for s in lex.suffixes if text.endswith(s, start, se))
        i = se - len(suf)
        if not (len(suf) >= 3 or on_bounds(text, se, se, bound_set) or _PAREN_PLACE.match(text, se)
                or text.startswith(lex.titles, se)):
            continue
        if text.endswith(lex.titles, start, se) or text.startswith(places_zh.state_forms(), se):
            continue  # 主委, 常委: a title, not an institution; 南斯拉夫联盟|共和国: a state's long form
        if any(len(w) > len(suf) and text.endswith(w, start, se) for w in lex.not_suffix_words):
            continue  # 主办, 全部, 全资子公司: a word, not a name's suffix
        if len(suf) == 1 and (text.startswith(lex.titles, i) or text[i:i + 2] in common_words_zh()):
            continue  # 厅|长: the start of a title; 所|属, 社|会, 办|法: the start of an ordinary word
        if _counted(text, i, suf):
            continue  # 一部著作, 第一部专著: a count, not an institution
        body_start = _body_start(text, start, i, bounds, lex, person_ends, entity_ends, starts)
        to_parent = False
        if suf not in hubs:
            body_start, to_parent = _field_list_start(text, start, body_start, i, bound_set, opened, listed_starts,
                                                      lex, parent_at if text.endswith(units, start, se)
                                                      or suf in departments else None)
        quoted, described = -1, False
        if suf not in hubs and len(suf) > 1:  # not 网: “八纵八横”高速铁路|网
            quoted = _quoted_start(text, start, body_start, lex)
            if quoted >= 0 and _noun_goes_on(text, se, end, bound_set, lex):
                quoted = -1  # “克隆”银行|卡: the suffix word begins a compound noun
        if quoted >= 0:  # the place before a quoted name is the name's (墨西哥|“中国之友”协会)
            body_start = opened.get(quoted, quoted) if _starts_listed_place(text, opened, quoted) else quoted
        if (text.startswith(lex.determiners, body_start) and body_start not in determined_places) or _counted_before(
                text, body_start) or COUNT.match(text, body_start):
            continue  # 这家韩国公司, 一家|美国矿业公司: a determiner or a count opens the phrase (那曲市: a place)
        if quoted < 0:
            body_start = _clause_cut(text, body_start, i, se, known_spans, lex, bound_set)
            if text.endswith(companies_zh.COMPANY_NOUNS, start, se):  # 锂矿商|皮尔巴拉矿业公司; not 国企|改革小组
                if companies_zh.describes_a_class(text[body_start:se]):
                    continue  # 美国矿企|相关公司: a class of companies, no name
                named = companies_zh.described_start(text, start, body_start, se)
                described, body_start = named > body_start, named
        if _particle(text, body_start, se, end, suf):
            continue  # 国际环境所带来的: the particle 所 before a verb
        body = text[body_start:i]
        if body.endswith(lex.determiners) or _qualified(body):
            continue  # 全国各报, 空军某部, 国务院有关部委: a determiner or a qualifier before the suffix, no name
        for g in sorted(lex.generic, key=len, reverse=True):
            if body_start in determined_places:
                break  # 那坡县人民政府: the body opens with a place, not with a determiner
            if body.startswith(g) and (len(body) - len(g) < 2 or g in lex.determiners):
                body = ""
                break
        if len(body) < 2 or body in lex.generic or _enumerated(body):
            continue  # 有关部门; 宁波五家分公司 is a count of branches
        cls = lex.suffix_class[suf]
        # opened by a known name, or by the parent its fields were joined to (岚山大学|冶金与环境学院)
        anchored = body.startswith(lex.anchors) or body_start in starts or quoted >= 0 or to_parent or described
        if not anchored and cls == "anchored":  # a prefix glued on (据悉|日本政府): start at the anchor
            inner = next((p for p in range(body_start + 1, i - 1) if p in listed_starts
                          or text.startswith(lex.anchors, p)), -1)
            if inner >= 0:
                body_start, body, anchored = inner, text[inner:i], True
        if not anchored and text[body_start - 1:body_start] == "、" and made.get(body_start - 1) == suf:
            anchored = True  # …综合司、财务司: a department listed after its ministry's one
        if cls == "anchored" and not anchored:
            continue
        if not anchored and len(body) > 4 and not body.endswith(lex.suffixes) and len(suf) < 4:
            continue  # a long body needs an anchor, except before a company suffix (…材料有限公司)
        # the last place may end in the suffix's first character (广西|防城港市|委: 市 is the city's and the body's)
        shared = text[i] in zh_rules().elliptical_levels and _covered_by(places, body_start, i + 1)
        placed = _covered_by(places, body_start, i) or _place_with(text, body_start, i) or shared
        if cls == "place_only" and not placed:
            continue
        if _two_listed(text, body_start, se) or role_word(text, body_start, se) or _counted_before(text, body_start):
            continue  # 民盟|民建: two listed bodies side by side; 全国人大|代表: a role word; 一间|印度工程公司
        m = _PAREN_PLACE.match(text, se)
        if m and m.group(1) in gazetteer().zh:
            se = m.end()
        if (joined := _BRACKET_JOIN.search(text, body_start, i)) is not None:
            body_start = joined.end()  # 中国地质大学（武汉）和|湖南省地质院: a name's bracket ends it before 和
        made[se] = suf
        made_at[se] = body_start
        yield body_start, se


@lru_cache(maxsize=1)
def _index_word() -> re.Pattern[str]:
    return re.compile(zh_rules().index_after)


_SUB_UNIT_MAX = 16
_UNIT_NUMBER = r"(?:第[〇○零一二三四五六七八九十百0-9０-９]+|[〇○零一二三四五六七八九0-9０-９]{2,4})"
_NOT_IN_UNIT = "届次期年月日季号"  # an ordinal of a term, session or period (第十九届, 第一季度), not of a unit


@lru_cache(maxsize=1)
def _numbered_unit_re() -> re.Pattern[str]:
    """A numbered unit written right after its institution (第九地质大队, 四〇二队, 第三研究室)."""
    suffixes = alternation(longest_first(zh_rules().sub_unit_suffixes))
    return re.compile(rf"{_UNIT_NUMBER}[^{_NOT_IN_UNIT}\W\d]{{0,6}}?(?:{suffixes})")


def sub_units(text: str, start: int, end: int, orgs: Collection[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """An institution's name with the chain of its units written after it (…供电公司营销部客户服务班,
    …集团二院): the shortest chain of Han characters ending in a unit suffix that a title or an affiliation
    word (所属, 党总支, 职工) follows; no function word, title or punctuation inside. A unit numbered in its
    name (江西省地质局|第九地质大队, …勘查开发局|四〇二队) or a branch (…进出口商会|稀土分会) is the
    institution's whatever follows: the number or the branch makes it one particular body."""
    lex = _lex()
    d = zh_rules()
    suffixes = longest_first(d.sub_unit_suffixes)
    closers = lex.titles + longest_first(d.sub_unit_closers)
    branches = longest_first(d.branch_suffixes)
    organs = tuple(d.party_organs)  # …公司|党组|书记: the organ opens the title (dev conventions: 党组成员)
    determiners = frozenset(lex.determiners)
    clause_words = tuple(w for w in lex.stop_words if len(w) > 1 and w not in lex.name_functions)
    numbered = _numbered_unit_re()
    for s, e in orgs:
        m = numbered.match(text, e, end)
        if m and not any(ch in lex.function_chars for ch in m.group()) and not text.startswith(lex.titles, m.end() - 1):
            yield s, m.end()
            continue
        for p in range(e + 1, min(end, e + _SUB_UNIT_MAX) + 1):
            ch = text[p - 1]
            if not is_han(ch) or ch in lex.function_chars or ch in determiners or text.endswith(lex.titles, e, p):
                break  # 工商银行，|德雅路支行; 银监局及|…分行; 建行某|支行: no chain of one name
            if text.endswith(clause_words, e, p):
                break  # 民生银行获准组建|长沙分行: a clause, not a unit's name (建设 may name a unit's work)
            if p - e >= 2 and text.endswith(suffixes, e, p) and (
                    text.startswith(closers, p) or text.endswith(branches, e, p)) and (
                    not text.startswith(lex.titles, p - 1)) and not (
                    text.endswith(organs, e, p) and text.startswith(lex.titles, p)):
                yield s, p
                break


@lru_cache(maxsize=1)
def _village_re() -> re.Pattern[str]:
    suffix = "|".join(map(re.escape, _lex().place_suffixes))
    return re.compile(rf"([{_HAN}]{{2,4}}?)(?:{suffix})")


def village_chains(text: str, start: int, end: int, known: list[Candidate]) -> Iterator[tuple[int, int]]:
    """Towns and villages named right after a place: 南安市|省新镇|省身村, 内蒙古|科右中旗."""
    pat = _village_re()
    listed = [(c.start, c.end) for c in known if c.label == "LOC" and c.source != MODEL]
    starts = listed + [(c.start, c.end) for c in known if c.label == "LOC" and c.source == MODEL
                       and text[c.end - 1] in "省市县区镇乡村旗州盟"]
    todo = sorted({e for _, e in starts if not any(a < e < b for a, b in listed)})
    done: set[int] = set()
    while todo:
        p = todo.pop()
        if p in done or p >= end:
            continue
        done.add(p)
        m = pat.match(text, p, end)
        if not m or any(c in _lex().village_stop for c in m.group(1)):
            continue
        if text[m.start():m.end()] in gazetteer().zh:
            continue
        yield m.start(), m.end()
        todo.append(m.end())


def _propagate(text: str, start: int, end: int, names: set[str],
               model: list[Candidate]) -> Iterator[tuple[int, int]]:
    """Where a model span cuts, overruns or mislabels a name the rules found, use the rule's name."""
    for c in model:
        if c.source != MODEL:
            continue
        for name in names:
            lo = max(start, c.start - len(name) + 1)
            k = text.find(name, lo, min(end, c.end + len(name) - 1))
            if k >= 0 and k < c.end and c.start < k + len(name) and (k, k + len(name)) != (c.start, c.end):
                yield k, k + len(name)


def candidates(text: str, start: int, end: int, bounds: Collection[int], known: list[Candidate],
               ordered_bounds: Sequence[int] | None = None) -> list[Candidate]:
    """Rule candidates in the Chinese run text[start:end]; ``known`` are the model's and the gazetteer's.

    ``ordered_bounds`` are the document's word bounds sorted once (a document has many runs: sorting all
    its bounds again for each run made the cost quadratic); without it they are sorted here."""
    ordered = sorted(bounds) if ordered_bounds is None else ordered_bounds
    sorted_bounds = list(ordered[bisect_left(ordered, start):bisect_right(ordered, end)])
    known_spans = {(c.start, c.end) for c in known if c.label == "PERSON"}
    persons = set(persons_after_titles(text, start, end)) | set(persons_after_roles(text, start, end))
    persons |= set(persons_by_speech(text, start, end)) | set(photo_credits(text, start, end))
    persons |= set(persons_before_titles(text, start, end)) | set(persons_after_person_nouns(text, start, end))
    persons |= set(persons_before_doctrines(text, start, end, bounds)) | set(quoted_speakers(text, start, end))
    persons |= set(person_lists(text, start, end, known_spans | persons))
    persons = {(s, e) for s, e in persons if not listed_kind(text[s:e], _STATE_KINDS)}  # 南非|总统: not 南 + 非
    names = {text[s:e] for s, e in persons}
    persons |= set(_propagate(text, start, end, names, known))
    out = [Candidate(s, e, "PERSON", RULE, "zh") for s, e in persons]
    person_ends = {e for _, e in persons} | {c.end for c in known if c.label == "PERSON"}
    orgs = [part for s, e in org_by_suffix(text, start, end, sorted_bounds, bounds, known, person_ends)
            for part in _institutions_of(text, s, e)]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in orgs]
    model_persons = {(c.start, c.end) for c in known if c.label == "PERSON"}

    def person_shaped(s: int, e: int) -> bool:
        return (s, e) in model_persons or (e - s <= 3 and e - s in name_lengths(text, s, e))

    company = companies_zh.candidates(text, start, end, person_shaped, model_persons)
    out += [Candidate(s, e, label, RULE, "zh") for s, e, label in company]
    listed = [(c.start, c.end) for c in known
              if c.source == GAZETTEER and c.label == "ORG" and listed_company(text[c.start:c.end])]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in companies_zh.subsidiary_names(text, start, end, listed)]
    org_spans = set(orgs) | {(s, e) for s, e, label in company if label == "ORG"} | {
        (c.start, c.end) for c in known if c.label == "ORG"}
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in companies_zh.coordinated(text, start, end, org_spans)]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in sub_units(text, start, end, org_spans)]
    committees = branches_zh.party_committees(text, start, end, bounds, org_spans)
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in committees]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in branches_zh.local_bodies(text, start, end, known)]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in elliptical_bodies(text, start, end)]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in media_zh.candidates(text, start, end)]
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in paired_names(text, start, org_spans)]
    out += [Candidate(s, e, "LOC", RULE, "zh") for s, e in village_chains(text, start, end, known)]
    rule_places = [Candidate(s, e, "LOC", RULE, "zh")
                   for s, e in places_zh.candidates(text, start, end, known, sorted_bounds)]
    out += rule_places
    zones = branches_zh.zone_committees(text, start, end, rule_places + known)
    out += [Candidate(s, e, "ORG", RULE, "zh") for s, e in zones]
    return out


def elliptical_bodies(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """An elliptical body: an administrative level alone + at most three name characters + a government,
    party or legislature suffix (省政府, 县委, 省国资委, 市公安局; dev conventions 10: an ORG as written), or + a
    people's organisation each level has (省工商联, 市妇联; ``mass_bodies``),
    where a clause, a listing or a verb opens it (贵州省委、|省政府, 获|省国资委同意), not a place or a word
    (贵州|省政府 is the suffix grammar's; 该|市政府 is a reference)."""
    lex = _lex()
    levels = zh_rules().elliptical_levels
    openers = set(zh_rules().leading_stop_chars) | set("、获经请报") | _PUNCT
    suffixes = longest_first(zh_rules().elliptical_suffixes)
    for i in range(start, end - 2):
        if text[i] not in levels or not (i == start or text[i - 1] in openers):
            continue
        body = branches_zh.mass_body_re().match(text, i + 1, end)
        if body:  # a people's organisation of the level (省|工商联), with nothing between
            yield i, body.end()
            continue
        for j in range(i + 1, min(end, i + 5)):
            if not is_han(text[j]) or text[j] in lex.function_chars or text.startswith(lex.place_suffixes, j):
                break  # 省身村党委: a village's committee, not the province's
            suf = next((x for x in suffixes if text.startswith(x, j)), "")
            if suf and not any(
                    text.startswith(w, j + len(suf) - len(w)) for w in lex.not_suffix_words if len(w) > len(suf)):
                yield i, j + len(suf)
                break


_WEEKDAY = re.compile(alternation(weekday_words()))
_SESSION_PREFIX = re.compile(r"第?[一二三四五六七八九十0-9０-９]+届")
_ENUMERATION = re.compile(r"[一二三四五六七八九十两几多数首0-9]+[家个所名位座批]")


def _enumerated(span: str) -> bool:
    """A count inside the span (宁波五家分公司, 两所大学), not a numbered unit (…排水保障二所|党总支)."""
    return any(not _numbered_unit(span, m.start(), m.end()) for m in _ENUMERATION.finditer(span))


def _model_han_name(span: str) -> bool:
    """A model's surname + two given characters whose middle one is also a function word (周其龙, 吴被青):
    the rule grammar refuses such given names to stay precise, but a model span has context behind it. The
    last character must still be able to end a name, and the middle one must not mark a body or a place
    (李市长, 王局长 are titles)."""
    lex = _lex()
    return (len(span) == 3 and span[0] in lex.surnames1 and all(is_han(c) for c in span)
            and span[2] not in lex.not_given and span[1] not in zh_rules().name_inner_stop_chars)


def _list_marker(ch: str) -> bool:
    """A numbered-list marker: ① to ⑳, ⑴ to ⒇, ⒈ to ⒛, ㈠ to ㈩."""
    return "\u2460" <= ch <= "\u249b" or "\u3220" <= ch <= "\u3229"


def tidy_model_span(text: str, cand: Candidate) -> Candidate | None:
    """Trim punctuation; reject single characters, spans with punctuation or only Latin letters, and
    persons that are neither a Han name (surname first) nor a plausible transliteration."""
    s, e = cand.start, cand.end
    while s < e and (text[s] in _PUNCT or _list_marker(text[s])):  # ①津轻海峡: a list marker is no part of it
        s += 1
    while e > s and text[e - 1] in _PUNCT:
        e -= 1
    span = text[s:e]
    inner = "·（）()—" if cand.label == "ORG" and _paired_name(span) else "·（）()"
    if len(span) < 2 or any(ch in _PUNCT and ch not in inner for ch in span) or span.isascii():
        return None  # punctuation inside, or Latin text the Chinese model cannot read
    if cand.label in ("ORG", "PERSON"):  # a verb glued on: 新材公司|签署, 安德烈斯·莫拉莱斯|说
        verb = next((v for v in _lex().trailing_verbs if span.endswith(v) and len(span) - len(v) >= 2), "")
        e -= len(verb)
        day = _WEEKDAY.search(span, 2)  # 阿卡迪安|星期五|表示: the day of the news glued on
        if day and day.end() == len(span) - len(verb):
            e = s + day.start()
        span = text[s:e]
    if cand.label == "ORG":  # …二所|党总支书记: a title that starts after a suffix inside the span and runs past
        e = next((k for k in range(s + 2, e) if text.endswith(_lex().suffixes, s, k) and any(
            len(t) >= 3 and text.startswith(t, k) and k + len(t) > e for t in _lex().titles)), e)  # not 外交|部长
        span = text[s:e]
    if cand.label == "ORG":  # 甲矿业控股股东|乙集团: one institution per span
        cut_start, cut_end = companies_zh.ownership_cut(span)
        s, e = s + cut_start, s + cut_end
        if companies_zh.describes_a_class(text[s:e]):
            return None  # 美国矿企|相关公司: a class of companies, no name
        s = companies_zh.described_start(text, 0, s, e)  # 澳大利亚矿商|IGO: a description before the name
        span = text[s:e]
    if cand.label == "ORG" and (session := _SESSION_PREFIX.match(span)) and len(span) - session.end() >= 2:
        s += session.end()  # 十四届|全国人大: the term of a body is not part of its name
        span = text[s:e]
    if cand.label == "ORG" and (_enumerated(span) or (s > 0 and text[s - 1].isdigit())):
        return None  # a count inside (宁波五家分公司 is a list) or a number cut (37.2|万股公司)
    if cand.label == "ORG" and len(span) >= 2 and _counted(text, e - 1, span[-1]):
        return None  # 第Ⅶ部, 留下一部: a classifier after a numeral
    if cand.label == "PERSON" and companies_zh.is_company_name(span):
        return Candidate(s, e, "ORG", MODEL, cand.lang)  # 华岭|新材: a brand + an industry word, a company
    if cand.label == "PERSON" and len(span) > 3 and span.endswith((*_lex().suffixes, *zh_rules().facility_words)):
        return None  # 巴隆加水电站: a facility or an institution, not a person
    if cand.label == "PERSON" and (_index_word().match(text, e) or _addressed(span)):
        return None  # 道琼斯|指数 names an index; 胡婆婆, 王大爷: a surname + an address word, no name
    if cand.label == "PERSON" and "·" in span and (first := hyphened_start(text, s)) < s:
        return Candidate(first, e, cand.label, MODEL, cand.lang)  # 让-|皮埃尔·拉法兰
    if cand.label == "PERSON" and _transliterated(span, 4):
        return Candidate(s, e, cand.label, MODEL, cand.lang)  # 罗德里格斯: a transliteration is not cut to 罗德
    if cand.label == "PERSON" and "·" not in span:
        lengths = name_lengths(text, s, e)
        if span[0] in _lex().surnames1 and _phrase_after(text, s + 1, e):
            return None  # 连|月来, 向|全体: a word before a time span or a quantifier, not a name
        if lengths and e - s not in lengths and (_follows(text, s + lengths[0], len(text)) or not _follows(
                text, e, len(text))):  # 沈政昌立 -> 沈政昌, but not 艾哈迈德 -> 艾哈迈
            e = s + lengths[0]
        elif lengths and e - s not in lengths and span[-1] in "的地得":
            return None  # 郑重地: an adverb (…地, …的) the model read as surname + given
        elif _WEEKDAY.fullmatch(span):
            return None
        elif not lengths and not _model_han_name(span) and (
                not 3 <= len(span) <= 6 or any(not is_han(c) or c in _lex().not_given for c in span)
                or not _transliterated(span, 3)):
            return None  # neither a Han name nor a transliteration (克林顿): 院东楼, 碳捕集
    return Candidate(s, e, cand.label, MODEL, cand.lang)


def _transliterated(span: str, min_len: int) -> bool:
    """At least ``min_len`` characters, all of them transliteration characters (克林顿, 巴塞罗那)."""
    return len(span) >= min_len and set(span) <= transliteration_chars()


def _paired_name(span: str) -> bool:
    """An institution named for two parties joined by a dash, the first a listed place (圭亚那—中国友好协会,
    中国—东盟商务理事会)."""
    left, dash, right = span.partition("—")
    return (bool(dash) and "—" not in right and len(right) >= 4 and all(is_han(c) for c in left + right)
            and left in gazetteer().zh)


def paired_names(text: str, start: int, orgs: Collection[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """An institution (ending in a suffix) written right after a listed place and a dash takes the place
    into its name (圭亚那—中国友好协会): the longest listed place ending at the dash."""
    places = gazetteer().zh
    for s, e in orgs:
        if s - 3 < start or text[s - 1] != "—" or not text.endswith(_lex().suffixes, s, e):
            continue  # 中国—东盟: two parties, no institution
        k = next((k for k in range(min(8, s - 1 - start), 1, -1) if text[s - 1 - k:s - 1] in places), 0)
        if k:
            yield s - 1 - k, e


def _addressed(span: str) -> bool:
    """A surname (one or two characters) + an address word (胡婆婆, 欧阳师傅)."""
    lex = _lex()
    return any(span[:k] in (lex.surnames1 if k == 1 else lex.surnames2) and span[k:] in zh_rules().address_terms
               for k in (1, 2))


def _named_place(text: str, c: Candidate, place_spans: list[tuple[int, int]], lex: _Lex) -> bool:
    """A model place not in the gazetteer must name something: not a mineral's mine (石墨矿), not a generic
    noun (深海, 广袤乡村) unless a listed place precedes it, and not a two-character word with no place ending
    (宝藏, 沙龙), nor ordinary two-character words only, with no place ending and no listed place inside
    (扩大|内需, 深化|改革: a headline's verb and object; 珠江|新城 keeps its river). A listed place beside it in a
    、 list makes it a place (``_among_places``)."""
    span = text[c.start:c.end]
    if span.endswith(places_zh.built_facility_words()) or text.startswith(tuple(zh_rules().not_place_after), c.end):
        return False  # 青阳铁路, 龙泉大桥, 青山美术馆: a built facility; 中国|式: an adjective
    if places_zh.mineral_name(span) or places_zh.mineral_feature(span) or places_zh.ore_inside(span):
        return False  # 石墨矿: a kind of mine, not a named one; 锂盐湖: a kind of lake; 红土镍矿|湿法: an ore
    if places_zh.feature_word(span):
        return False  # 盐湖, 盆地, 矿区 alone: a kind of place, no named one
    generic = next((g for g in lex.generic_places if span.endswith(g)), None)
    if generic is not None:
        head = c.end - len(generic)
        return head > c.start and _covered_by(place_spans, c.start, head)
    if span[-1] in lex.place_end or _among_places(text, c.start, c.end):
        return True
    return len(span) > 2 and not (len(span) % 2 == 0 and places_zh.ordinary_words(span) and not any(
        place_starts_at(span, k, longest=len(span) - 1) for k in range(len(span) - 1)))


def _among_places(text: str, start: int, end: int) -> bool:
    """text[start:end] is an item of a list joined by 、 with a listed place right before or after it
    (华盛顿、|费城|、纽约): a place among places, though the lists do not hold it."""
    return (text[start - 1:start] == "、" and place_ends_at(text, start - 1)) or (
        text.startswith("、", end) and place_starts_at(text, end + 1))


# Before 部 these make a part of a thing (深部, 上部, 东部, 顶部), not a department; not 安全部, 对外部, 总部, 干部.
_POSITIONS = frozenset("深浅上下前后尾根端顶底头腹面细东西南北")


def _ends_in_a_part(span: str) -> bool:
    """An organisation span ending in a position + 部 (深部, 上部, 东部): a part of the thing before, no
    department (德兴铜矿深部, 矿体上部), unless the lists hold the whole."""
    return len(span) > 3 and span.endswith("部") and span[-2] in _POSITIONS and span not in gazetteer().zh


def _owner_before_part(span: str) -> int:
    """How much of a span ending in a part (``_ends_in_a_part``) names an institution: the company before a mine
    the part belongs to (江西铜业|德兴铜矿|深部, 金川集团|二矿区|深部), nothing when a mine alone is left (德兴铜矿,
    the place rules' to read), else all but the part (矿体|上部)."""
    rest = span[:-2]
    mine = places_zh.deposit_head_before(rest)
    if mine is None:
        return len(rest)
    return next((k for k in range(mine, 1, -1)
                 if companies_zh.is_company_name(rest[:k]) or rest[:k].endswith(_lex().suffixes)), 0)


def _org_kept(text: str, c: Candidate, place_spans: list[tuple[int, int]], lex: _Lex, trust_plain: bool) -> bool:
    """Whether a model organisation span is a plausible institution name (see ``vet_model``)."""
    span = text[c.start:c.end]
    suf = next((s for s in lex.suffixes if span.endswith(s)), "")
    if _two_listed(text, c.start, c.end) or _index_word().match(text, c.end) or role_word(text, c.start, c.end):
        return False  # 民盟民建: two listed bodies run together; 纳斯达克|综合指数 names an index
    if _counted_before(text, c.start) and span not in gazetteer().zh:
        return False  # 多个|矿业大省代表团, 一间|印度工程公司: a counted description, not a name
    if not suf:  # no suffix to check a body by: kept when listed or followed by a title (小鹏汽车|董事长); from a
        # model trusted with such names, unless the span reads as something else (``_plain_model_name``); else
        # only a company short name (金泰股份), a market-news cue (中铝|控股的) or an institution head (工党)
        return (span in gazetteer().zh or text.startswith(lex.titles, c.end) or (
            _plain_model_name(span, lex) if trust_plain else (
                companies_zh.is_company_name(span) or companies_zh.followed_by_company_cue(text, c.end)
                or _named_head(span, lex))))
    if span.endswith(lex.titles) or span.endswith(lex.events):
        return False
    if _elliptical(span) or span in zh_rules().legislature_endings:
        return True  # 省政府, 县委: a body of the province, city or county written short; 政协 on its own
    body = span[: -len(suf)]
    if len(body) < 2 or body in lex.generic or body.endswith(lex.determiners) or body in lex.stop_words:
        return False  # 村委会, 有关部门, 空军某部: a generic body, no name; 伙同|公司: a verb before the suffix
    return _heads_own_title(text, c.end) or not any(
        text.startswith(t, c.end - k) for k in (1, 2) for t in lex.titles if len(t) > k)


@lru_cache(maxsize=1)
def _class_heads() -> tuple[str, ...]:
    """What follows a class marker in a class of institutions: an industry word, a suffix or a generic body."""
    return companies_zh.industry_words() + _lex().suffixes + tuple(zh_rules().org_generic_bodies)


def kind_of_body(span: str) -> bool:
    """当地|人民法院, 县级人民政府, 人民医院: a body every administrative level has, written without a place (or
    with only a class of levels), is a kind of body, not a name, and so is a unit of one (人民法院|法庭);
    最高人民法院 and 贵州省人民政府 are names."""
    rules = zh_rules()
    body = span.removeprefix(next((c for c in rules.level_classes if span.startswith(c)), ""))
    return body.startswith(tuple(rules.level_bodies))


@lru_cache(maxsize=1)
def _levels_before() -> re.Pattern[str]:
    """A class of levels, then at most one listed item of up to six characters and a conjunction (各级|党委和|)."""
    classes = alternation(zh_rules().level_classes)
    return re.compile(rf"(?:{classes})(?:[{HAN}]{{1,6}}[{zh_rules().conjunction_chars}、])?$")


def levels_of_a_mass_body(text: str, start: int, end: int) -> bool:
    """A people's organisation after a class of levels (各级|工商联, 县级|妇联), also as the last item of a list
    the class opens (各级|党委和|工商联): the bodies of those levels, a kind (like 各级|人民法院), though the
    organisation alone (工商联) is a name."""
    before = _levels_before().search(text, max(0, start - 12), start)
    return text[start:end] in zh_rules().mass_bodies and before is not None


def names_a_class(span: str) -> bool:
    """券商系|期货公司, 产业背景|基金公司, 资源类|企业: a class of institutions (a word + a class marker +
    an institution or industry word, or a short tail ending in an institution suffix), not the name of one.
    Not 标准体系|研究院 or 系统|工程研究所: the marker is part of a word there."""
    rules = zh_rules()
    heads = _class_heads()
    for marker in rules.class_markers:
        i = span.find(marker, 1)
        while i > 0:
            tail = span[i + len(marker):]
            in_word = any(span.find(w, max(0, i - len(w) + 1), i + len(marker) + len(w) - 1) >= 0
                          for w in rules.class_marker_words)
            if not in_word and (tail.startswith(heads) or (len(tail) <= 6 and tail.endswith(_lex().suffixes))):
                return True
            i = span.find(marker, i + 1)
    return False


def _without_leading_places(s: str) -> str:
    """s with the listed places at its start, and a state form after one, taken off (宝安区社会 -> 社会,
    香港特区 -> '')."""
    forms = places_zh.state_forms()
    while s:
        k = next((k for k in range(min(len(s), 12), 1, -1) if listed_place(s[:k])), 0)
        if not k:
            break
        s = s[k:]
        s = s[len(next((f for f in forms if s.startswith(f)), "")):]
    return s


def generic_tail(name: str, names: Collection[str]) -> bool:
    """The institution ``name`` is the tail of a longer one in the same document with a plain word before
    the tail (福利中心 of 宝安区社会福利中心): a later short reference to that body, not a name.
    Not a tail that is the whole name after its place (五矿集团 of 中国五矿集团, 终审法院 of 香港特区终审法院),
    one that opens with a place (聊城供电公司) or is an elliptical body (县委), nor one after another body
    (推选委员会 of …政府推选委员会: a body of that body)."""
    if name in gazetteer().zh or _without_leading_places(name) != name or _elliptical(name):
        return False
    for n in names:
        if len(n) > len(name) and n.endswith(name):
            rest = _without_leading_places(n[: -len(name)])
            if rest and not rest.endswith(_lex().suffixes):
                return True
    return False


def _heads_own_title(text: str, end: int) -> bool:
    """国防部|长, 公安厅|长: the institution's last character + 长 names its head, so the name is whole
    (unlike 全国政协委|员, where the cut splits a title)."""
    return 0 < end < len(text) and text[end] == "长" and text[end - 1] in zh_rules().title_body_chars


def _plain_model_name(span: str, lex: _Lex) -> bool:
    """A model organisation with no institution suffix (工党, 海基会, 清华, 加勒比共同体, 上海大众) is kept
    unless it reads as something else: a site or a built facility (米桑油田, …水电站: a place or nothing,
    dev conventions 7 and 8), an event (…论坛), a phrase opened by a pronoun, a determiner or a function
    word (我们党, 该厂, 在华), a stretch holding punctuation (新闻类（共11项), only numerals (一一○) or a verb of
    a clause (岚山矿业携手北辰锂业建厂).

    Why trust the model here: the suffix grammar can propose none of these names. On the MSRA test set this
    reading added 98 organisations of the gold and 31 that are not (several of them military bodies MSRA
    leaves out), and changed nothing on the dev set; the checks below are the other readings that news
    about mines and plants gives such spans (they removed all five the dev set showed)."""
    if len(span) < 2 or span.endswith(places_zh.site_and_facility_words()) or span.endswith(lex.events):
        return False
    if any(ch in _PUNCT for ch in span) or _NUMBER_ONLY.fullmatch(span) or companies_zh.holds_clause_verb(span):
        return False  # 新闻类（共11项, 一一○, 甲矿业携手乙锂业建厂: a stretch of a list, a number, a clause
    return not (span[0] in lex.leading_stop or span[0] in lex.pronouns or span.startswith(lex.determiners)
                or span.startswith(lex.opening_stop_words))


def _named_head(span: str, lex: _Lex) -> bool:
    """A name before an institution head too ambiguous for the suffix grammar (保守党, 解放军, 非洲统一组织)."""
    head = next((h for h in zh_rules().model_org_heads if span.endswith(h)), "")
    body = span[: len(span) - len(head)]
    return (bool(head) and len(body) >= (2 if len(head) == 1 else 1) and body not in lex.generic
            and not body.endswith(lex.determiners))  # a one-character head needs a name of two: not 立党(为公)


def _elliptical(span: str) -> bool:
    """An administrative level alone + at most three characters + a government, party or legislature suffix
    (省政府, 县委, 省国资委: dev conventions 10); not 县医院."""
    levels = zh_rules().elliptical_levels
    return len(span) >= 2 and span[0] in levels and any(
        span.endswith(x) and len(span) - len(x) <= 4 and not any(p in span[1:len(span) - len(x)]
                                                                  for p in _lex().place_suffixes)
        for x in zh_rules().elliptical_suffixes)  # not 省身村党委: a village's committee


def _listed_as(span: str, label: str) -> bool:
    """The model and the gazetteer agree on the exact span and its type (同|墨西哥|建立 where the segmenter
    wrote 同墨|西哥): two independent sources outweigh the segmenter's word bounds."""
    place = gazetteer().zh.get(span)
    return place is not None and place.label == label and place.strength == "strong"


def _before_compound_word(text: str, end: int) -> bool:
    """A word that a full name opens follows (邓小平|理论, 习近平|经济思想), possibly after one field word."""
    words = tuple(zh_rules().name_compound_words)
    return text.startswith(words, end) or text.startswith(words, end + 2)


def _name_across_words(text: str, c: Candidate) -> bool:
    """A model surname + two given characters that the segmenter split across words (判处|卜|兴华 segmented
    处卜|兴华) still counts when it reads strongly as a name (``name_lists_zh.name_score``) and no ordinary
    two-character word crosses either of its edges."""
    span = text[c.start:c.end]
    words = common_words_zh()
    score = name_score(span) if len(span) == 3 else None
    return (score is not None and score >= NAME_SCORE_ACROSS_WORDS
            and text[c.start - 1:c.start + 1] not in words and text[c.end - 1:c.end + 1] not in words)


def _fits_anyway(text: str, c: Candidate, names: set[str], bounds: Collection[int], lex: _Lex) -> bool:
    """A model span that cuts a segmenter word is still kept where the segmenter is the one likely wrong:
    a person's name that stands as a word elsewhere in the document, a surname + given name or a
    transliteration right after a title or right before a post-name title (分析师张|绪成, 叶利|钦总统), a
    company short name (金源期|货: brands are unknown words), a listed institution, one ending in a strong
    suffix whose end the segmenter glued to the next word (南京大学|校门), or a numbered unit right before a
    title (…保障二所|党总支书记, segmented 二所党|总支), or a name before a day of the week that ends a word."""
    span = text[c.start:c.end]
    day = _WEEKDAY.match(text, c.end)
    if day and day.end() in bounds and on_bounds(text, c.start, c.start, bounds):
        return True  # 塔尔周二|表示, 安星期|五: the segmenter joins a foreign name's end to the day after it
    if c.label == "PERSON":
        full = len(span) == 3 and 3 in name_lengths(text, c.start, c.end) and _before_compound_word(text, c.end)
        if (span in names or full) and on_bounds(text, c.start, c.start, bounds):
            return True  # a full name opening a compound word (邓小平|理论 may be one word to the segmenter)
        named = len(span) in name_lengths(text, c.start, c.end) or _transliterated(span, 2)
        before_title = text.startswith(tuple(zh_rules().post_name_titles), c.end)  # 向|叶利钦|总统, 冯济卡|少将
        return named and (text.endswith(lex.titles, 0, c.start) or before_title)
    if c.label == "LOC":  # 中国|政府 as one word; a transliterated foreign place the segmenter splits (巴塞|罗那)
        return place_word_start(text, c.start, c.end, bounds) or (
            _transliterated(span, 3) and on_bounds(text, c.start, c.start, bounds))
    strong = any(span.endswith(x) for x in zh_rules().org_suffixes.any) and on_bounds(text, c.start, c.start, bounds)
    described = (c.start > 0 and span.endswith(lex.suffixes)  # 铀矿|商卡梅科|公司: the noun's 商 glued on
                 and companies_zh.described_start(text, 0, c.start - 1, c.end) == c.start)
    before_title = (text.startswith(lex.titles, c.end) and on_bounds(text, c.start, c.start, bounds)
                    and _numbered_unit(text, c.end - 2, c.end))
    return c.label == "ORG" and (companies_zh.is_company_name(span) or _heads_own_title(text, c.end)
                                 or span in gazetteer().zh or strong or described  # 中共|十一届, 南京大学|校门
                                 or before_title)  # …保障二所|党总支书记: the segmenter glued 二所党


def given_name_places(text: str, places: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """The places, less those that are the given name of a person the model reads (孙|中山, 范|长江, 王|华山):
    a listed place right after a surname, ending where the model's surname + given name ends. Not after a
    character that is also a function word (于|北京, 向|东北)."""
    lex = _lex()
    persons = {(c.start, c.end) for c in model if c.label == "PERSON"}
    out = []
    for p in places:
        surname = next((text[p.start - k:p.start] for k in (2, 1) if (p.start - k, p.end) in persons), "")
        listed = surname in (lex.surnames2 if len(surname) == 2 else lex.surnames1)
        if (p.label == "LOC" and p.end - p.start == 2 and surname and listed
                and surname[-1] not in lex.function_chars):
            continue
        out.append(p)
    return out


def vet_model(text: str, model: list[Candidate], places: list[Candidate],
              bounds: Collection[int] = (), trust_plain: bool = False) -> list[Candidate]:
    """Drop model spans that cut a word (陆海协|同; a person's name may start a longer word where the
    document also has it as a word, and a name that reads strongly as one may cross words: ``_name_across_words``)
    and places that name nothing (``_named_place``).

    A model organisation stays when it ends in an institution suffix (and the body before it is a name,
    not 村 or 有关; and it is not a title 主委 or an event 大会; and it does not cut a title 全国政协委|员),
    or is listed, or is followed by a title (小鹏汽车董事长). With no suffix it stays, when ``trust_plain``
    (a model whose suffix-less organisations were measured to be mostly right: the BiLSTM-CRF), unless it
    reads as something else (``_plain_model_name``); otherwise only as a company short name, after a
    market-news cue or before an institution head (``_named_head``). Place-only spans (吉林通榆) are not
    organisations."""
    lex = _lex()
    place_spans = [(p.start, p.end) for p in places]
    out = []
    listed = gazetteer().zh
    # a name may start a compound word (邓小平理论 is one word to a segmenter): a person span that fits
    # no word still counts where the same name stands as a word elsewhere in the document
    names = {text[c.start:c.end] for c in model
             if c.label == "PERSON" and on_bounds(text, c.start, c.end, bounds)}
    for c in model:
        fits = (on_bounds(text, c.start, c.end, bounds) or _fits_anyway(text, c, names, bounds, lex)
                or _listed_as(text[c.start:c.end], c.label)
                or (c.label == "PERSON" and _name_across_words(text, c)))
        if not fits:
            continue
        if text[c.start:c.end] not in listed and (
                (c.label != "LOC" and places_zh.mineral_name(text[c.start:c.end]))
                or places_zh.opens_mineral_word(text, c.start, c.end)):
            continue  # 刚果金的|黄铜矿, 高纯石|英: an ore, not a person (白银 the city is listed); places: _named_place
        if c.label == "PERSON" and places_zh.mine_head_at(text, c.end):
            continue  # 朱集东|煤矿: the mine's name, not a person
        if c.label == "LOC" and (k := places_zh.regional_mine_place(text[c.start:c.end])):
            c = Candidate(c.start, c.start + k, c.label, c.source, c.lang)  # 滇西|锂矿: the region's mines
        if c.label == "LOC" and ((text[c.start:c.end] not in listed and not _named_place(text, c, place_spans, lex))
                                 or text.startswith(tuple(zh_rules().not_place_after), c.end)):
            continue
        if c.label == "ORG" and _ends_in_a_part(text[c.start:c.end]):
            owner = _owner_before_part(text[c.start:c.end])
            if owner < 2:
                continue
            c = Candidate(c.start, c.start + owner, c.label, c.source, c.lang)  # 江西铜业|德兴铜矿深部
        if c.label == "ORG" and not _org_kept(text, c, place_spans, lex, trust_plain):
            continue
        out.append(c)
    return out
