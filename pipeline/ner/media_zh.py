"""Chinese media outlets named by the frames news uses to cite them.

Why: the model and the name lists know the big agencies (新华社, 人民日报), not the many financial outlets,
apps and accounts that market news quotes (券商中国, 新浪财经, 第一财经); but the way a text cites its source
marks the source:
- a reporter of the medium: 接受|X|记者采访, （。）X|记者获悉 / 了解到 / 注意到 / 从…;
- a report of the medium: 据|X|报道, 据|X|消息 (a quoting verb or a time word ends the medium: 据|X|援引消息人士报道,
  据|X|此前报道);
- the medium's app: 尽在|X|APP, 下载|X|客户端;
- a data source: 据|X|统计 / 调研 / 测算 (据安泰科统计), and one in Latin letters opening a clause before its data
  (SMM|数据显示): price reporters and research firms are cited as media are;
- a newspaper or magazine in book-title marks: 《星报》, 《财经》杂志 is not (the press word must be inside);
- a paragraph opened by the medium's own report (东北网讯（记者…）, 证券时报e公司讯，) and a page's source line
  (来源：国际在线, 版权所有：鲁矿资讯网).
The filler X (two to sixteen Han, Latin or digit characters) is no medium when it is a class of sources (本报,
外媒, 当地媒体, 知情人士), an ordinary word (现场|记者, 手机|APP), or a listed place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.ner.gazetteer import listed_place
from pipeline.ner.lexicon import MediaCues, alternation, common_words_zh, en_rules, zh_rules

_FILL = r"[\u3400-\u9fffA-Za-z0-9]{2,16}?"  # cut words shorten it (据|X|援引…报道)
_LATIN_FILL = r"[A-Z][A-Za-z0-9&\-]{1,29}(?: [A-Z][A-Za-z0-9&\-]*){0,3}"  # SMM, Benchmark Minerals: a Latin source
_EDGE = r"(?:^|(?<=[，。、；：？！“”‘’（）()\s]))"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    m = zh_rules().media_cues
    reporter, acts = alternation(m.reporter_words), alternation(m.reporter_acts)
    data = alternation(m.data_words)
    return (re.compile(rf"(?:{alternation(m.reporter_frames)})了?(?P<x>{_FILL})(?:{reporter})(?:{acts})"),
            re.compile(rf"{_EDGE}(?P<x>{_FILL})(?:{reporter})(?:{acts})"),
            re.compile(rf"(?:{alternation(m.report_frames)})(?P<x>{_FILL})(?:{alternation(m.report_words)})"),
            # a data word closes the source, not one that goes on into a body's name (据国家|统计|局消息)
            re.compile(rf"(?:{alternation(m.report_frames)})(?P<x>{_FILL})(?:{data})(?![局所院处站科厅]|中心|部门)"),
            re.compile(rf"(?:{alternation(m.app_frames)})(?P<x>{_FILL})\s?(?:{alternation(m.app_words)})"),
            re.compile(rf"{_EDGE}(?P<x>{_LATIN_FILL})(?:{data})"),
            # a paragraph opened by the medium's own report: 东北网讯（记者…）, 证券时报e公司讯，
            re.compile(rf"(?:^|(?<=\n)|(?<=[【（(]))[ \t\u3000]*(?P<x>{_FILL})(?<![{m.dateline_not_after}])"
                       rf"(?:{alternation(m.dateline_words)})(?=[（(【，,：:\s0-9０-９]|记者|北京时间)"),
            # a page's source line: 来源：国际在线, 版权所有：鲁矿资讯网 (not 数据来源：, a document's)
            re.compile(rf"(?:^|(?<=[\n|【（(]))[ \t\u3000]*(?:{alternation(m.source_frames)})[ \t]*[：:][ \t\u3000]*"
                       rf"(?:{alternation(m.source_prefixes)})?"
                       rf"(?P<x>[\u3400-\u9fffA-Za-z0-9]{{2,16}})(?=[\s，。；,;|/）)]|$)"))


@lru_cache(maxsize=1)
def _cues() -> MediaCues:
    return zh_rules().media_cues


_MAX_NAME = 10  # a longer filler is a clause or a headline glued on, not a medium's name
_MAX_LATIN = 30  # in Latin letters a name is longer (Fastmarkets, Benchmark Mineral Intelligence)
_DATE = re.compile(r"[0-9０-９]+[年月日号]")
_PRONOUNS = frozenset("我你他她它")


def _cut(text: str, s: int, e: int) -> int:
    """End of the medium in the filler text[s:e]: before a cut word (援引, 此前), a reporter word (据|新华社|记者
    刘诗平|报道: the reporter is a person of the medium) or a date (韩联社|21日报道)."""
    ends = [i for i in (text.find(w, s, e) for w in _cues().cut_words + _cues().reporter_words) if i >= 0]
    date = _DATE.search(text, s, e)
    return min(ends + ([date.start()] if date else []), default=e)


def _without_place(text: str, s: int, e: int) -> int:
    """End of the medium before a listed place its filler ends in, where a date follows (人民网|北京|3月5日讯: the
    place it filed from); a place that ends the name itself stays (券商中国)."""
    if e >= len(text) or not text[e].isdigit():
        return e
    for k in (4, 3, 2):
        if e - s - k >= 2 and listed_place(text[e - k:e]):
            return e - k
    return e


def is_medium(name: str) -> bool:
    """The filler of a citing frame names a medium: not a class of sources, an ordinary word, a place or a
    clause (我们得到的, 当天接受)."""
    cues = _cues()
    longest = _MAX_LATIN if name.isascii() else _MAX_NAME
    if not 2 <= len(name) <= longest or name in cues.generic or name.startswith(tuple(cues.generic)):
        return False
    frames = cues.reporter_frames + cues.report_frames + cues.app_frames
    if any(c in zh_rules().function_chars or c in _PRONOUNS for c in name) or any(w in name for w in frames):
        return False
    if name.startswith((*zh_rules().determiners, "本")):
        return False  # 据|该委员会|统计, 据|本协会|统计: a body named before or the writer's own, not a name
    if any(w in name for w in cues.counts) or (len(name) == 2 and name[-1] in "报媒"):
        return False  # a class (阿根廷一家电视台) or a country's press (俄报)
    if name.endswith(tuple(cues.generic_ends)) or (len(name) == 2 and name in common_words_zh()):
        return False
    return not listed_place(name) and name not in _terms()


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    """Latin acronyms of terms and apps, not sources (GDP数据显示, APP)."""
    return frozenset(zh_rules().latin_not_names) | frozenset(en_rules().term_acronyms)


_TITLE = re.compile(r"《([\u3400-\u9fffA-Za-z0-9·]{2,12})》")


def titled_media(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A newspaper or magazine in book-title marks (他在《星报》发表文章, 据《金融时报》报道): the name inside
    ends in a press word (报, 日报, 杂志 …) and in no report word (《统计公报》, 《学报》); the marks are not
    part of it. A two-character name counts here (《星报》): the marks make it a title, not a country's press."""
    cues = _cues()
    for m in _TITLE.finditer(text, start, end):
        name = m.group(1)
        if (name.endswith(tuple(cues.title_ends)) and not name.endswith(tuple(cues.title_not_ends))
                and name not in cues.generic and not any(c in zh_rules().function_chars for c in name)):
            yield m.start(1), m.end(1)


def candidates(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the media cited in the Chinese run text[start:end]."""
    for pat in _patterns():
        for m in pat.finditer(text, start, end):
            s, e = m.span("x")
            cut = _without_place(text, s, _cut(text, s, e))
            if is_medium(text[s:cut]):
                yield s, cut
    yield from titled_media(text, start, end)
