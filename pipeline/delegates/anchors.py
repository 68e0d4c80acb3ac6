"""Person names that a delegate cue anchors, proposed to the NER stage as rule candidates.

Why: a deputy or member is introduced by a cue that fixes where the name is, even when the statistical
model misses the name: "…董事长周振林代表说" on a two-sessions page (the name ends where the bare 代表
begins), "史志军、张晓宏等6位代表" (names between list separators), "Ou Minghui, a member of the CPPCC
National Committee" and "NPC deputy Li Hua" (a pinyin name next to a cue), a profile column (a name
alone on its line, the next line opening with a cue). Only a name of the right shape is proposed: a
Chinese name starts with a surname of the project's list and is bounded on the left by a title, a list
separator or punctuation; an English one is a pinyin surname and given name. The setting that lets a
bare 代表 count is the delegates' own (:mod:`pipeline.delegates.setting`), read once per document.
:func:`pipeline.ner.combine.with_rules` calls :func:`anchored_persons`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache

from pipeline.delegates.lexicon import CueLexicon, cue_lexicon
from pipeline.delegates.rules_en import best_cue, name_alone_on_line, next_line
from pipeline.delegates.rules_zh import bare_word_at
from pipeline.delegates.setting import Setting, doc_setting
from pipeline.delegates.surnames import surnames
from pipeline.ner.inputs import RULE, Candidate
from pipeline.records import PERSON, Segment
from pipeline.resources import RuleFile, load_validated
from pipeline.text.scripts import is_han

# Characters that do not occur in a given name but do end a clause or join words (的, 在, 和 ...).
_NOT_IN_NAME = frozenset("的是在和与及等了说向对为从把被将也都还就又并且或而之其这那个位名两党")
_LIST_SEPARATOR = "、"
_EN_NAME = re.compile(r"[A-Z][a-z]*(?:-[A-Za-z][a-z]*)?(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}")
_EN_APPOSITION_LEAD = re.compile(r", (?:(?:also|now|currently|who is) )?(?:an?|the) ", re.IGNORECASE)


class _PinyinNames(RuleFile):
    source: str
    syllables: list[str]
    surnames: dict[str, list[str]]


@lru_cache(maxsize=1)
def _pinyin() -> tuple[frozenset[str], frozenset[str]]:
    """(pinyin surnames, pinyin syllables), from the NER's name lexicon (built from surnames_zh.txt)."""
    d = load_validated("pipeline.ner", "data/pinyin_names.json", _PinyinNames)
    return frozenset(d.surnames), frozenset(d.syllables)


def _syllables(word: str, syllables: frozenset[str], most: int = 3) -> bool:
    """Can ``word`` be cut into 1..``most`` pinyin syllables ("xiaomei" -> xiao mei)?"""
    if not word:
        return False
    if most == 0:
        return False
    return any(word[:k] in syllables and (k == len(word) or _syllables(word[k:], syllables, most - 1))
               for k in range(min(6, len(word)), 0, -1))


def pinyin_name(name: str) -> bool:
    """ "Ou Minghui", "Zhang San-feng": a pinyin surname then a given name of pinyin syllables."""
    family, syllables = _pinyin()
    words = name.lower().replace("-", "").split()
    if len(words) < 2 or words[0] not in family:
        return False
    return all(_syllables(w, syllables) for w in words[1:])


def _left_bounded(text: str, start: int, lo: int, lex: CueLexicon) -> bool:
    """Does a name start at ``start``: after punctuation, a list separator, a line start or a title word?"""
    if start <= lo or not is_han(text[start - 1]):
        return True
    return any(text.endswith(r, max(lo, start - len(r)), start) for r in lex.zh.role_suffixes)


def _han_name(text: str, start: int, end: int, lex: CueLexicon) -> bool:
    """A surname of the list and a one- or two-character given name.

    Not a group word (全体, 农民, 国务 of 国务委员; 向全体), not a word that is rarely a surname but often
    starts a phrase (和, 由, 原, 位), and no role word or body name inside (由主任, 和政协).
    """
    zh = lex.zh
    name = text[start:end]
    if not name or not all(is_han(c) for c in name) or any(c in _NOT_IN_NAME for c in name[1:]) or name in zh.not_names:
        return False
    if name[0] in zh.not_name_starts or name[1:] in zh.not_names:
        return False
    head = surnames().at_start(name)
    if head is None or not 1 <= len(name) - len(head) <= 2:
        return False
    given = name[len(head) :]
    return not any(given.endswith(r) for r in zh.role_suffixes) and not any(k in name for k in zh.cue_keywords)


def _name_before(text: str, end: int, lo: int, bounds: Collection[int], lex: CueLexicon) -> tuple[int, int] | None:
    """The Chinese name that ends at ``end`` (2 to 4 characters), bounded on its left."""
    fits = [end - n for n in (2, 3, 4) if end - n >= lo and _han_name(text, end - n, end, lex)
            and _left_bounded(text, end - n, lo, lex)]
    if len(fits) == 1:
        return fits[0], end
    on_word = [s for s in fits if s in bounds]  # several shapes fit: the word segmenter decides, or nothing
    return (min(on_word), end) if on_word else None


def _zh_anchors(text: str, seg: Segment, bounds: Collection[int], setting: Setting,
                lex: CueLexicon) -> Iterator[tuple[int, int]]:
    zh = lex.zh
    for word in zh.post_name_words:
        if setting.body_for(word.family) is None:
            continue
        pos = text.find(word.word, seg.start, seg.end)
        while pos >= 0:
            if bare_word_at(text, pos, zh.post_name_words, lex) is not None:
                span = _name_before(text, pos, seg.start, bounds, lex)
                if span is not None:
                    yield span
            pos = text.find(word.word, pos + 1, seg.end)
    for tail in zh.list_tail.finditer(text, seg.start, seg.end):
        if tail.end() == tail.start() or not _list_closed(text, tail.end(), setting, lex):
            continue
        yield from _list_names(text, tail.start(), seg.start, bounds, lex)


def _list_closed(text: str, pos: int, setting: Setting, lex: CueLexicon) -> bool:
    """Does a body follow "等(6位)": an explicit cue (全国人大代表), or a bare word the setting settles?"""
    if any(c.regex.match(text, pos) for c in lex.zh.cues):
        return True
    word = bare_word_at(text, pos, lex.zh.list_tail_words, lex)
    return word is not None and setting.body_for(word.family) is not None


def _list_names(text: str, end: int, lo: int, bounds: Collection[int], lex: CueLexicon) -> Iterator[tuple[int, int]]:
    """Names of "甲、乙、丙等", right to left; the list stops at the first item that is not a name."""
    while end > lo:
        start = end
        while start > lo and is_han(text[start - 1]) and end - start < 4:
            start -= 1
        span = None
        if start <= lo or text[start - 1] == _LIST_SEPARATOR:
            span = (start, end) if _han_name(text, start, end, lex) else None
        if span is None:
            span = _name_before(text, end, lo, bounds, lex)
        if span is None:
            return
        yield span
        if span[0] <= lo or text[span[0] - 1] != _LIST_SEPARATOR:
            return
        end = span[0] - 1


def _pinyin_names(text: str, seg: Segment) -> Iterator[tuple[int, int]]:
    """Pinyin names in a run of capitalised words, without leading words ("Deputy Wang Lei" -> "Wang Lei")."""
    for m in _EN_NAME.finditer(text, seg.start, seg.end):
        starts = [m.start()] + [k + 1 for k in range(m.start(), m.end()) if text[k] == " "]
        for start in starts[:-1]:
            if pinyin_name(text[start : m.end()]):
                yield start, m.end()
                break


def _cue_before(text: str, start: int, lo: int, lex: CueLexicon) -> bool:
    """A singular national cue right before the name: "NPC deputy Li Hua", "CPPCC member Li Hua"."""
    before = text[max(lo, start - lex.en.max_cue_chars) : start]
    if not before.endswith(" "):
        return False
    before = before.rstrip(" ")
    return any((c := cue.at_end.search(before)) is not None and _singular(c.group(0)) for cue in lex.en.cues)


def _cue_after(text: str, end: int, hi: int, lex: CueLexicon) -> bool:
    """ "Li Hua, a deputy to the 14th NPC", "Li Hua, also a member of the CPPCC National Committee"."""
    lead = _EN_APPOSITION_LEAD.match(text, end)
    if lead is None:
        return False
    found = best_cue(text, lex, lead.end(), min(hi, lead.end() + lex.en.max_cue_chars))
    return found is not None and found[1].start() == lead.end()


def _profile_line(text: str, start: int, end: int, lex: CueLexicon) -> bool:
    """A name alone on its line, the next line opening with a cue."""
    if not name_alone_on_line(text, start, end, lex.en):
        return False
    nxt = next_line(text, end)
    found = best_cue(text, lex, nxt[0], nxt[1]) if nxt is not None else None
    return found is not None and nxt is not None and found[1].start() == nxt[0]


def _en_anchors(text: str, seg: Segment, lex: CueLexicon) -> Iterator[tuple[int, int]]:
    for start, end in _pinyin_names(text, seg):
        if _cue_after(text, end, seg.end, lex) or _cue_before(text, start, seg.start, lex) \
                or _profile_line(text, start, end, lex):
            yield start, end


def _singular(cue_phrase: str) -> bool:
    """ "NPC deputy" names the one person after it; "NPC deputies" a list the NER has to find."""
    return not cue_phrase.lower().rstrip().endswith(("ies", "ers", "ves", "tes", "ors"))


def anchored_persons(text: str, segments: Sequence[Segment], word_bounds: Collection[int] = ()) -> list[Candidate]:
    """PERSON candidates (source RULE) for the names that delegate cues anchor, over the zh and en runs."""
    lex = cue_lexicon()
    setting = doc_setting(text, lex)
    spans: set[tuple[int, int, str]] = set()
    for seg in segments:
        if seg.lang == "zh":
            spans.update((s, e, "zh") for s, e in _zh_anchors(text, seg, word_bounds, setting, lex))
        else:
            spans.update((s, e, "en") for s, e in _en_anchors(text, seg, lex))
    return [Candidate(s, e, PERSON, RULE, lang) for s, e, lang in sorted(spans)]
