"""Chinese mineral candidates: lexicon look-up plus the context rules for false friends.

Why rules on top of the look-up: the commonest Chinese mineral names are single characters
(金, 铁, 铜, 银, 锡) that live inside ordinary words (资金, 铁路, 铜陵, 银行, 无锡) and inside
institution names (中国黄金集团, 赣锋锂业). Segmentation helps, but segmenters disagree, so a
name marked ambiguous must pass a character-context test as well as the boundary test.
"""

from __future__ import annotations

from pipeline.minerals.lexicon import MineralLexicon
from pipeline.minerals.spans import Bounds, ClaimedSpan
from pipeline.text.scripts import is_han


def _ends_with_any(text: str, pos: int, words: frozenset[str], max_len: int = 4) -> bool:
    return any(text[max(0, pos - n):pos] in words for n in range(1, max_len + 1) if pos - n >= 0)


def _starts_with_any(text: str, pos: int, words: frozenset[str], max_len: int = 4) -> bool:
    return any(text[pos:pos + n] in words for n in range(1, max_len + 1) if pos + n <= len(text))


_QUOTES = frozenset("\"'“”‘’「」『』")


def _left_ok(text: str, start: int, lex: MineralLexicon) -> bool:
    """The character before is punctuation/space/Latin or ends an allowed word; a digit is not
    (28金、16银 are medal counts). A quote mark is looked through (“金”字工程)."""
    while start > 0 and text[start - 1] in _QUOTES:
        start -= 1
    if start == 0:
        return True
    prev = text[start - 1]
    if prev.isdigit():
        return False
    return not is_han(prev) or _ends_with_any(text, start, lex.rules.zh_left_ok)


def _right_ok(text: str, end: int, lex: MineralLexicon) -> bool:
    """The character after is punctuation/space/Latin or starts an allowed word."""
    while end < len(text) and text[end] in _QUOTES:
        end += 1
    return end >= len(text) or not is_han(text[end]) or _starts_with_any(text, end, lex.rules.zh_right_ok)


def _bounds_ok(text: str, start: int, end: int, bounds: Bounds | None, lex: MineralLexicon,
               check_left: bool = True) -> bool:
    """The segmenter agrees: the span is its own word, or glued only to an allowed affix."""
    if bounds is None:
        return True
    left, right = bounds.left_part(text, start), bounds.right_part(text, end)
    # the word's part before the name ends with an allowed word (今年产|铜: the segmenter glued the time on)
    left_fine = not check_left or left == "" or _ends_with_any(left, len(left), lex.rules.zh_left_ok)
    return left_fine and (right == "" or right in lex.rules.zh_right_ok)


def in_institution_name(text: str, end: int, lex: MineralLexicon) -> bool:
    """A mineral ending at `end` is part of a company/institution/newspaper name."""
    r = lex.rules
    if (r.zh_company_morpheme and text.startswith(r.zh_company_morpheme, end)
            and not any(text.startswith(x, end) for x in r.zh_company_morpheme_exceptions)):
        return True
    j, n = end, len(text)
    while j < n and j - end <= r.zh_org_gap_max:
        if any(text.startswith(s, j) for s in r.zh_org_suffixes):
            return True
        for s in r.zh_org_terminal_suffixes:
            k = j + len(s)
            if text.startswith(s, j) and (k >= n or not is_han(text[k])):
                return True
        if not is_han(text[j]) or text[j] in r.zh_org_gap_stop:
            return False
        j += 1
    return False


def _raw_hits(text: str, lex: MineralLexicon) -> list[tuple[int, int, str]]:
    hits = []
    for i, ch in enumerate(text):
        for surface in lex.zh_by_first.get(ch, ()):
            if text.startswith(surface, i):
                hits.append((i, i + len(surface), surface))
    return hits


def _single_runs(hits: list[tuple[int, int, str]], lex: MineralLexicon) -> dict[int, tuple[int, int]]:
    """Map the start of each single-character mineral to the run of adjacent ones it sits in. A character that
    opens a longer name or blocker is no item of a run (铜|金属: 金 opens 金属, so 铜 stands alone)."""
    longer = {h[0] for h in hits if h[1] - h[0] > 1}
    singles = sorted(h[0] for h in hits if h[1] - h[0] == 1 and h[2] in lex.zh_names and h[0] not in longer)
    runs: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(singles):
        j = i
        while j + 1 < len(singles) and singles[j + 1] == singles[j] + 1:
            j += 1
        for k in range(i, j + 1):
            runs[singles[k]] = (singles[i], singles[j] + 1)
        i = j + 1
    return runs


def _strong_word(text: str, end: int, lex: MineralLexicon, max_len: int = 4) -> str:
    """The longest word after `end` that makes a name a mineral whatever precedes it (价, 矿, 期货), or "" (the
    lengths ``_starts_with_any`` reads)."""
    strong = lex.rules.zh_right_strong
    return next((text[end:end + n] for n in range(max_len, 0, -1) if text[end:end + n] in strong), "")


def _strong_word_cut(text: str, end: int, word: str, bounds: Bounds | None, lex: MineralLexicon) -> bool:
    """The segmenter cut inside a strong word of two characters or more (上期所|铜期|货主力|合约): the word vouches
    for the name, and the bound after the word decides instead."""
    if bounds is None or len(word) < 2 or not any(b in bounds for b in range(end + 1, end + len(word))):
        return False
    right = bounds.right_part(text, end + len(word))
    return right == "" or right in lex.rules.zh_right_ok


_LIST_MARKS = "、，,/"


def _listed_with_mineral(start: int, end: int, text: str, name_spans: set[tuple[int, int]]) -> bool:
    """当地氟、硼资源: a list mark joins the name to another mineral name, which vouches for it."""
    after = end < len(text) and text[end] in _LIST_MARKS and any(s == end + 1 for s, _ in name_spans)
    before = start > 1 and text[start - 1] in _LIST_MARKS and any(e == start - 1 for _, e in name_spans)
    return after or before


def zh_candidates(text: str, lex: MineralLexicon, bounds: Bounds | None) -> list[ClaimedSpan]:
    """All Chinese candidates: accepted minerals, consuming blockers, and names inside institutions."""
    hits = _raw_hits(text, lex)
    runs = _single_runs(hits, lex)
    # unambiguous names only vouch for a listed neighbour (银 in 银行 vouches for nothing)
    name_spans = {(h[0], h[1]) for h in hits if h[2] in lex.zh_names and h[2] not in lex.zh_ambiguous}
    out: list[ClaimedSpan] = []
    for start, end, surface in hits:
        if surface in lex.zh_blockers:
            # A blocker whose first character ends the previous word is a misreading (其中|铁矿).
            if bounds is None or start in bounds:
                out.append(ClaimedSpan(start, end, None))
            continue
        entry = lex.zh_names[surface]
        if surface in lex.zh_ambiguous:
            run = runs.get(start, (start, end))
            if run[1] - run[0] >= 2:
                # 铜铁铝, 铅锌矿: a list written without separators; its neighbours vouch for it.
                ok = _right_ok(text, run[1], lex) and _bounds_ok(text, run[0], run[1], bounds, lex,
                                                                 check_left=False)
            else:
                word = _strong_word(text, end, lex)
                strong = bool(word) or _listed_with_mineral(start, end, text, name_spans)
                ok = ((strong or _left_ok(text, start, lex)) and _right_ok(text, end, lex)
                      and (_bounds_ok(text, start, end, bounds, lex, check_left=not strong)
                           or _strong_word_cut(text, end, word, bounds, lex)))
            if not ok:
                continue  # ambiguous and unsupported: drop without consuming the text
        if in_institution_name(text, end, lex):
            out.append(ClaimedSpan(start, end, None))
            continue
        out.append(ClaimedSpan(start, end, entry))
    return out
