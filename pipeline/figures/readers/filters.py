"""Filters: readings that look like figures but are not (GUIDELINES.md, FIGURE "Not figures";
CONVENTIONS.md 4-6, 18-20).

- durations that place an event in time (近五年, "two years ago") or give an age formula;
- counts that are years ("in 2017 projects"), ordinals (二次 = second time), parts of a name
  ("World War Two"), articles (一个, "one of"), back-references (这两件大事), slogans and list
  summaries (三条红线, "four principles", "two key words: …");
- numbers inside a fixed name (十四五, G20, "Fortune 500").
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.figures.reading import Reading, Text

_ONE = Decimal(1)
_TEN = Decimal(10)
_REL_WINDOW = 16
_NAME_MARGIN = 8
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'\-]*)[ \t]+$")
_YEAR_LIST_BEFORE = re.compile(r"(?<!\d)\d\d[ \t]*[、,，/][ \t]*$")
_LIST_WINDOW = 40
_LIST_MAX = 20
_CLAUSE_BEFORE = re.compile(r"[^，。；：:;,！？!?\n（）()“”]+$")
_BRACKETED_LIST_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}[（(](?P<items>[^（）()\n]{1,60})[）)]")


def _capitalised_word_before(norm: str, start: int) -> bool:
    """Whether the word right before ``start`` is capitalised and does not end a sentence."""
    m = _WORD_BEFORE.search(norm, max(0, start - 30), start)
    return bool(m and m.group(1)[0].isupper())


def _relative(t: Text, r: Reading) -> bool:
    """近五年, 'two years ago', 这两年, 'the intervening six decades': a duration placing an event in
    time. After a verb of lasting (坚持了近8年, 历时近两年) 近 means "nearly": a duration."""
    g, norm = t.g, t.norm
    for text in (norm[max(0, r.qstart - _REL_WINDOW) : r.qstart], r.before):
        rm = g.rel_before.search(text)
        if rm and not (rm.group(0).strip() == "近" and g.duration_verb_before.search(text, 0, rm.start())):
            return True
    if g.rel_after.match(norm, r.end):
        return True
    # 这两年: a Chinese demonstrative before a duration; "the three-day conference" is a duration
    dm = g.demonstrative_before.search(r.before) if r.qualifier is None else None
    return dm is not None and not dm.group(0).isascii()


def _two_digit_year(t: Text, r: Reading) -> bool:
    """24、25年: a list of two-digit years, not a duration of 25 years."""
    tok = r.tok
    return tok.script == "ar" and len(tok.text) == 2 and bool(_YEAR_LIST_BEFORE.search(r.before))


def duration(t: Text, r: Reading) -> bool:
    """Durations that are time references, years or 'a year'; 3年1次 keeps its frequency."""
    if r.kind != "duration":
        return True
    tok = r.tok
    if _relative(t, r) or tok.year_like or _two_digit_year(t, r):
        return False
    if tok.value == _ONE and not tok.vague and r.qualifier is None and (
        tok.script == "zh" or (tok.script == "en" and not t.g.duration_preposition.search(r.before))
    ):
        return False  # 一年, "one day in February": "a year", "some day"; "banned for one year" is a duration
    fm = t.g.frequency.match(t.norm, r.end)
    if fm and tok.script == "ar":
        r.end = fm.end()
    return True


def _in_quotes(t: Text, r: Reading) -> bool:
    """The count phrase is quoted on its own: a label or slogan ('the "two rare earth bases"')."""
    g = t.g
    return r.qstart > 0 and t.norm[r.qstart - 1] in g.open_quotes and bool(g.close_quote_after.match(t.norm, r.end))


def _abstract_head(t: Text, head: str) -> bool:
    g = t.g
    if head in g.en_abstract:
        return True
    return head.split(" ")[-1] in g.en_abstract and head not in g.en_concrete_heads


def _list_items(t: Text, text: str) -> int:
    """How many items a Chinese enumeration names (铜、铅、锌 → 3; 湿法、火法与生物冶金 → 3); a
    numbering label is no item (4、西单商业街)."""
    return len([x for x in t.g.list_join.split(text) if x.strip() and not x.strip().isascii()])


def _restates_zh_list(t: Text, r: Reading) -> bool:
    """A count that only restates the list the text spells out right before it (铜、铝、铅、锌4种金属)
    or in brackets right after its noun (两种矿产（铜、钼）). A list with 等 is open: the
    count says more than the names, and is a figure (5种药材（黄芪、当归等）)."""
    norm = t.norm
    bm = _CLAUSE_BEFORE.search(norm, max(0, r.qstart - _LIST_WINDOW), r.qstart)
    before = bm.group(0) if bm else ""
    if "、" in before and "等" not in before and _list_items(t, before) == r.value:
        return True
    am = _BRACKETED_LIST_AFTER.match(norm, r.end)
    items = am.group("items") if am else ""
    return bool(items) and "等" not in items and _list_items(t, items) == r.value


def count(t: Text, r: Reading) -> bool:
    """Counts that are years, ordinals, names, articles, back-references, slogans or list summaries."""
    if r.kind != "count":
        return True
    g, norm, tok, value = t.g, t.norm, r.tok, r.value
    before = r.before
    bare_year = r.qualifier is None and 1900 <= value <= 2100
    if value <= 0 or (tok.year_like and (g.year_before.search(before) or bare_year)):
        return False  # "in 2017 projects", "1995 totals": a year
    if tok.script == "zh" and tok.text in g.zh_two_as_ordinal:
        return False  # 二次, 二审: "second"; a count of two is written 两
    if tok.script == "en" and tok.text[0].isupper() and _capitalised_word_before(norm, tok.start):
        return False  # "World War Two followers": a number inside a name
    if value != value.to_integral_value() and tok.scale == 1 and r.code != "times":
        return False  # "49.2 overs", "3.2 marks": a count is whole (a multiplier need not be: 2.7倍)
    small = value <= _TEN and r.value_high is None
    if small and tok.script in ("zh", "en") and r.qualifier is None and g.demonstrative_before.search(before):
        return False  # 这两件大事, "the two countries": refers back to things already named
    if tok.value == _ONE and tok.script in ("zh", "en") and not tok.vague:
        return False  # 一个, 一位, "one of": an article, not a count
    if small and r.qualifier is None and tok.script == "zh" and r.form_surface in g.zh_abstract:
        return False  # 三条红线, 两类, 三个方向: a list summary or slogan
    if small and tok.script == "en" and _abstract_head(t, r.head):
        return False  # "four principles", "(about) two key words"
    if small and (g.list_after.match(norm, r.end) or g.list_next_sentence.match(norm, r.end)):
        return False  # "two key words: ...", "three companies … They are …": the list follows
    if small and _in_quotes(t, r):
        return False  # 'the "two rare earth bases"': a label
    if value <= _LIST_MAX and r.code in ("item", "person") and r.value_high is None and _restates_zh_list(t, r):
        return False  # 小麦、水稻、玉米 … 3种: the count only restates the list
    if r.code == "item" and tok.script != "en":
        qa = g.quote_after.match(norm, r.end)
        if qa:
            r.end = qa.end()
    return True


_YEAR_OWNER = re.compile(r"(?:\b[Tt]he|['\u2019]s)[ \t]+$")


def money_year(t: Text, r: Reading) -> bool:
    """'the 1994 peso crisis', "Zambia's 2015 kwacha slide": a year after "the" or a possessive, before a
    currency's name that is no plural (the currency as a modifier of what happened that year).

    An amount of more than one is written in the plural (1,994 pesos) or after an article ("a 2000 dollar
    bonus"); a sign (US$2008) keeps the figure too.
    """
    if r.kind != "money" or r.unit is None or r.currency is not None or not r.tok.year_like or r.qualifier:
        return True
    if r.tok.script != "ar" or not 1900 <= r.tok.value <= 2100 or not _YEAR_OWNER.search(r.before):
        return True
    surface = r.unit.form.surface
    plural = surface.lower().endswith("s") and t.g.unit_form(surface[:-1]) is not None
    return not (surface.isascii() and not plural)


def names(t: Text, r: Reading) -> bool:
    """A number inside a fixed name (十四五, G20, 'Fortune 500', 一带一路) is no figure."""
    g, norm, tok = t.g, t.norm, r.tok
    lo, hi = r.qstart, r.end
    nm = g.names.search(norm, max(0, lo - _NAME_MARGIN), min(len(norm), hi + _NAME_MARGIN))
    while nm:
        if nm.start() < hi and nm.end() > lo and nm.start() <= tok.start < nm.end():
            return False
        nm = g.names.search(norm, nm.end(), min(len(norm), hi + _NAME_MARGIN)) if nm.end() < hi + _NAME_MARGIN else None
    return True

