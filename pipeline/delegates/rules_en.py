"""English patterns that tie a body and titles to a name.

Why: English news states membership in an appositive after the name ("Yan
Hongwei, a representative of the 14th National People's Congress and deputy
director of ..., has"), as a label before it ("NPC deputy Yan Hongwei",
"reporter Zhang Qingyun"), or as a self-description in a sentence about one
person ("as a member of the CPPCC National Committee, he will ..."). A cue is
taken only from text attached to the name, so "X said at the NPC session" or a
minister reporting to the NPC gives no body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from pipeline.delegates.context import LIST, STRONG, BodyFact, DocContext, Facts, TitleFact
from pipeline.delegates.cue_match import cue_fact, has_keyword
from pipeline.delegates.lexicon import Cue, EnLexicon, Lexicon
from pipeline.records import Mention

_TOKEN = re.compile(r"\S+")
_AND = re.compile(r"\band\b")
_EDGE_PUNCT = ",.;:()\"'“”‘’[]"
_CLAUSE_STOPS = '\n.;:!?()[]"“”,|'
_LIST_SEPARATORS = (", ", " and ", ", and ", " & ", "，", "、")
_PLURAL_CUE = re.compile(
    r"\b(?:members|deputies|representatives|delegates|lawmakers|advis[eo]rs)\b", re.IGNORECASE
)
_AS_A = re.compile(r"\bas an? ", re.IGNORECASE)


def _word(tok: str) -> str:
    return tok.strip(_EDGE_PUNCT).lower()


def _is_head(tok: str, en: EnLexicon) -> bool:
    w = _word(tok)
    return bool(w) and (w in en.title_heads or w.split("-")[-1] in en.title_heads)


def title_head(s: str, en: EnLexicon) -> str | None:
    """The title head word when ``s`` starts with a title ("former Vice President of ..."), else None."""
    toks = s.split()
    k = 0
    while k < len(toks) and _word(toks[k]) in en.strip_leading:
        k += 1
    for tok in toks[k : k + 6]:
        w = _word(tok)
        if not w:
            return None
        if _is_head(tok, en):
            return w
        if w in en.title_modifiers or w.split("-")[0] in en.title_modifiers or tok[:1].isupper():
            continue
        return None
    return None


def _org_like(s: str, en: EnLexicon) -> bool:
    """A capitalised name run such as "Jiuquan Iron and Steel Group" (continues the previous title)."""
    toks = s.split()
    if not toks or not toks[0][:1].isupper() or len(toks) > 12:
        return False
    return all(t[:1].isupper() or t[:1] in "(&" or _word(t) in en.connectors for t in toks)


def _leading_skip(s: str, words: frozenset[str]) -> tuple[int, list[str]]:
    """Offset past leading words from ``words`` (articles, "and"), and those words."""
    skipped: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(s):
        w = _word(m.group(0))
        if w not in words:
            return m.start(), skipped
        skipped.append(w)
        pos = m.end()
    return pos, skipped


def _item_cue(item: str, offset: int, lex: Lexicon) -> tuple[BodyFact | None, Cue | None, bool]:
    """A body cue inside one appositive item, introduced only by articles or "who is" (fact, cue, found)."""
    en = lex.en
    if not has_keyword(item, en.cue_keywords):
        return None, None, False
    for cue in (*en.cues, *en.local_cues):
        m = cue.regex.search(item)
        if m is None:
            continue
        prefix = [_word(t) for t in item[: m.start()].split()]
        if any(w in en.former_markers or w.startswith("ex-") for w in prefix):
            return None, cue, True
        if all(w in en.cue_prefix_words for w in prefix):
            return cue_fact(cue, m, offset, "en", STRONG, lex), cue, True
        return None, None, False
    return None, None, False


_BREAK_CANDIDATES = re.compile(r"[.!?;\n]")


def _breaks(ctx: DocContext, en: EnLexicon) -> list[int]:
    """Offsets of the characters that end a sentence (computed once per document)."""
    cached: list[int] | None = ctx.memo.get("en_breaks")
    if cached is None:
        text = ctx.text
        cached = [m.start() for m in _BREAK_CANDIDATES.finditer(text) if _ends_sentence(text, m.start(), en)]
        ctx.memo["en_breaks"] = cached
    return cached


def sentence_bounds(ctx: DocContext, pos: int, en: EnLexicon) -> tuple[int, int]:
    """The sentence around ``pos``, within max_window_chars each side (abbreviations do not end it)."""
    return _sentence_start(ctx, pos, en), sentence_end(ctx, pos, en)


def _ends_sentence(text: str, i: int, en: EnLexicon) -> bool:
    c = text[i]
    if c == "\n":
        return True
    if c not in ".!?;":
        return False
    if i + 1 < len(text) and not text[i + 1].isspace() and text[i + 1] not in '"”’)':
        return False
    if c == ".":
        j = i
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
            j -= 1
        word = text[j:i].lower()
        if word in en.abbreviations or (len(word) == 1 and word.isalpha()):
            return False
    return True


def sentence_end(ctx: DocContext, pos: int, en: EnLexicon) -> int:
    """Offset of the first sentence break at or after ``pos`` (at most max_window_chars away)."""
    breaks = _breaks(ctx, en)
    i = bisect_left(breaks, pos)
    hi = min(len(ctx.text), pos + en.max_window_chars)
    return min(breaks[i], hi) if i < len(breaks) else hi


def _sentence_start(ctx: DocContext, pos: int, en: EnLexicon) -> int:
    breaks = _breaks(ctx, en)
    i = bisect_left(breaks, pos)
    lo = max(0, pos - en.max_window_chars)
    return max(breaks[i - 1] + 1, lo) if i > 0 else lo


def _split_items(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Appositive items: top-level commas, then " and " when a new title or cue follows."""
    parts: list[tuple[int, int]] = []
    depth, s = 0, start
    for i in range(start, end):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0:
            parts.append((s, i))
            s = i + 1
    parts.append((s, end))
    out: list[tuple[int, int]] = []
    for a, b in parts:
        cur = a
        for m in _AND.finditer(text, a, b):
            rest = text[m.end() : b]
            skip, _ = _leading_skip(rest, lex.en.strip_leading)
            if text[cur : m.start()].strip() and (
                title_head(rest, lex.en) or _starts_with_cue(rest[skip:], lex)
            ):
                out.append((cur, m.start()))
                cur = m.start()
        out.append((cur, b))
    return out


def _starts_with_cue(s: str, lex: Lexicon) -> bool:
    if not has_keyword(s[: lex.en.max_cue_chars], lex.en.cue_keywords):
        return False
    return any(c.regex.match(s) for c in (*lex.en.cues, *lex.en.local_cues))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def appositive(ctx: DocContext, m: Mention, lex: Lexicon) -> tuple[Facts, bool]:
    """Roles after "NAME, ..." up to the verb, sentence end or next name; and whether they are plural."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    i = m.end
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text) or text[i] not in ",(":
        return facts, False
    start = i + 1
    end = sentence_end(ctx, start, en)
    if text[i] == "(":
        close = text.find(")", start, end)
        if close < 0:
            return facts, False
        end = close
    nxt = ctx.next_person_start(m.end)
    items = _split_items(text, start, end, lex)
    if nxt is not None and nxt < end:
        items = _split_items(text, start, nxt, lex)
        if items and not text[items[-1][1] : nxt].strip():
            items.pop()  # "A, reporter B": the label right before the next name is that name's
    plural, first = False, True
    for a, b in items:
        a, b = _strip(text, a, b)
        if a >= b:
            break
        item = text[a:b]
        skip, lead = _leading_skip(item, en.strip_leading)
        if first and any(w in en.plural_starts for w in lead):
            plural = True
        fact, cue, found = _item_cue(item, a, lex)
        if found:
            if fact is not None:
                facts.bodies.append(fact)
                plural = plural or (first and bool(_PLURAL_CUE.search(text[fact.start : fact.end])))
                if cue is not None and cue.as_title:
                    facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
        elif (head := title_head(item, en)) is not None:
            facts.titles.append(TitleFact(a + skip, b))
            plural = plural or (first and (head.endswith("s") or head.endswith("men")))
        elif facts.titles and not facts.titles[-1].is_cue and _org_like(item, en):
            last = facts.titles[-1]
            facts.titles[-1] = TitleFact(last.start, b)
        else:
            break
        first = False
    return facts, plural


def _clause_start(text: str, pos: int, lo: int) -> int:
    k = pos
    while k > lo and text[k - 1] not in _CLAUSE_STOPS:
        k -= 1
    return k


def left_context(ctx: DocContext, m: Mention, lex: Lexicon) -> Facts:
    """Labels before the name: "General Manager: Du Zixi", "NPC deputy Yan Hongwei", "Mayor Zeng Wenming"."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    lo = max(0, m.start - en.max_window_chars)
    j = m.start
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j > lo and text[j - 1] == ":":
        k = _clause_start(text, j - 1, lo)
        a, b = _strip(text, k, j - 1)
        seg = text[a:b]
        if seg and len(seg.split()) <= 8 and title_head(seg, en) is not None:
            facts.titles.append(TitleFact(a, b))
        return facts
    found, cue_facts = _cue_before(ctx, lo, j, lex)
    if found:
        return cue_facts
    chain = _title_chain(text, _clause_start(text, j, lo), j, en)
    if chain:  # "NPC deputy and Geely chairman Li Shufu": a cue before the titles
        k = chain[0].start
        while k > lo and (text[k - 1].isspace() or text[k - 1] == ","):
            k -= 1
        if text[max(lo, k - 3) : k].lower() == "and":
            k -= 3
        facts.extend(_cue_before(ctx, lo, k, lex)[1])
    facts.titles.extend(chain)
    return facts


def _cue_before(ctx: DocContext, lo: int, j: int, lex: Lexicon) -> tuple[bool, Facts]:
    """A body cue that ends at ``j`` (whether one matched, and its facts; none for a former member)."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    while j > lo and text[j - 1].isspace():
        j -= 1
    cue_lo = max(lo, j - en.max_cue_chars)
    left = text[cue_lo:j]
    if not has_keyword(left, en.cue_keywords):
        return False, facts
    for cue in (*en.cues, *en.local_cues):
        mm = cue.at_end.search(left)
        if mm is None:
            continue
        prefix = text[lo : cue_lo + mm.start()].split()
        if prefix and _word(prefix[-1]) in en.former_markers:
            return True, facts
        fact = cue_fact(cue, mm, cue_lo, "en", STRONG, lex)
        if fact is not None:
            facts.bodies.append(fact)
            if cue.as_title:
                facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
        return True, facts
    return False, facts


def _title_chain(text: str, k: int, j: int, en: EnLexicon) -> list[TitleFact]:
    """Titles that end right before the name, split at " and " ("Deputy Secretary of X and Mayor")."""
    toks = [(k + t.start(), k + t.end(), t.group(0)) for t in _TOKEN.finditer(text[k:j])]
    if not toks or not _is_head(toks[-1][2], en):
        return []
    idx = len(toks) - 1
    while idx > 0:
        tok = toks[idx - 1][2]
        w = _word(tok)
        if tok[:1].isupper() or w in en.title_modifiers or w in en.connectors or _is_head(tok, en):
            idx -= 1
        else:
            break
    while idx < len(toks) - 1 and _word(toks[idx][2]) in en.connectors:
        idx += 1
    a, b = toks[idx][0], toks[-1][1]
    cuts = [a]
    for m in _AND.finditer(text, a, b):
        if title_head(text[m.end() : b], en):
            cuts.append(m.start())
    cuts.append(b)
    items = [_strip(text, x, y) for x, y in pairwise(cuts)]
    out: list[TitleFact] = []
    for x, y in reversed(items):
        skip, _ = _leading_skip(text[x:y], en.strip_leading)
        if x + skip >= y or title_head(text[x + skip : y], en) is None:
            break
        out.append(TitleFact(x + skip, y))
    out.reverse()
    return out


def self_description(ctx: DocContext, m: Mention, lex: Lexicon, same_person: set[int]) -> Facts:
    """ "as a member of the CPPCC National Committee" in a sentence about this one person only."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    s0, s1 = sentence_bounds(ctx, m.start, en)
    if not has_keyword(text[s0:s1], en.cue_keywords):
        return facts
    if any(id(p) not in same_person for p in ctx.persons_between(s0, s1)):
        return facts
    for a in _AS_A.finditer(text, s0, s1):
        for cue in (*en.cues, *en.local_cues):
            mm = cue.regex.match(text, a.end(), s1)
            if mm is not None:
                fact = cue_fact(cue, mm, 0, "en", LIST, lex)
                if fact is not None:
                    facts.bodies.append(fact)
                return facts
    return facts


def list_runs(ctx: DocContext) -> list[list[Mention]]:
    """Runs of names joined by commas or "and" ("Zhang Chunlin and He Zhongyou, Deputy Secretaries ...")."""
    runs: list[list[Mention]] = []
    for m in ctx.persons:
        if runs and ctx.text[runs[-1][-1].end : m.start] in _LIST_SEPARATORS:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def shared_facts(
    ctx: DocContext,
    runs: Sequence[Sequence[Mention]],
    lefts: dict[int, Facts],
    appos: dict[int, tuple[Facts, bool]],
) -> dict[int, Facts]:
    """Plural roles shared by a run of names: "NPC deputies A and B", "A and B, members of ..."."""
    out: dict[int, Facts] = {}
    for run in runs:
        if len(run) < 2:
            continue
        head = lefts.get(id(run[0]), Facts.empty())
        plural_cues = [b for b in head.bodies if _PLURAL_CUE.search(ctx.text[b.start : b.end])]
        for m in run[1:]:
            out.setdefault(id(m), Facts.empty()).bodies.extend(
                BodyFact(b.body, LIST, b.start, b.end, b.term, b.session) for b in plural_cues
            )
        facts, plural = appos.get(id(run[-1]), (Facts.empty(), False))
        if not plural:
            continue
        for m in run[:-1]:
            shared = out.setdefault(id(m), Facts.empty())
            shared.bodies.extend(
                BodyFact(b.body, LIST, b.start, b.end, b.term, b.session) for b in facts.bodies
            )
            shared.titles.extend(facts.titles)
    return out
