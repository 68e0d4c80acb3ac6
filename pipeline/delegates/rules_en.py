"""English patterns that tie a body and titles to a name.

Why: English news states membership in an appositive after the name ("Yan
Hongwei, a representative of the 14th National People's Congress and deputy
director of ..., has"), as a label before it ("NPC deputy Yan Hongwei",
"reporter Zhang Qingyun"), or as a self-description in a sentence about one
person ("as a member of the CPPCC National Committee, he will ..."). A cue is
taken only from text attached to the name, so "X said at the NPC session" or a
minister reporting to the NPC gives no body. Whole-document patterns: a profile
column (a name on its own line, the next line "NPC deputy and head of ..."), an
enumeration ("Two members of the CPPCC are A, chairman of X, and B"), and an
unnamed speaker named at the start of the next sentence ("..., said a member of
the CPPCC National Committee. Gao Rui, also an academician, ..."). Sentences are
the segment stage's (DocContext); nothing here splits sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from pipeline.delegates.context import LIST, STRONG, BodyFact, DocContext, Facts, TitleFact
from pipeline.delegates.cue_match import cue_fact, has_keyword
from pipeline.delegates.lexicon import Cue, CueLexicon, EnCues
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
_SPEAKER = re.compile(r"\b(?:said|says|added|adds|noted|notes|according to)\s+(?:an?|one)\s+\Z", re.IGNORECASE)
_ALSO = re.compile(r",\s+(?:who\s+is\s+)?also\b", re.IGNORECASE)  # "Gao Rui, also an academician": the same speaker
_OPEN, _CLOSE = "(（", ")）"
_MAX_ALIAS_CHARS = 40


def _word(tok: str) -> str:
    return tok.strip(_EDGE_PUNCT).lower()


def _is_head(tok: str, en: EnCues) -> bool:
    w = _word(tok)
    return bool(w) and (w in en.title_heads or w.split("-")[-1] in en.title_heads)


def title_head(s: str, en: EnCues) -> str | None:
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


def _org_like(s: str, en: EnCues) -> bool:
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


def _item_cue(item: str, offset: int, lex: CueLexicon) -> tuple[BodyFact | None, Cue | None, bool]:
    """A body cue inside one appositive item, introduced only by articles or "who is" (fact, cue, found)."""
    en = lex.en
    if not has_keyword(item, en.cue_keywords):
        return None, None, False
    found = best_cue(item, lex)
    if found is None:
        return None, None, False
    cue, m = found
    prefix = [_word(t) for t in item[: m.start()].split()]
    if any(w in en.former_markers or w.startswith("ex-") for w in prefix):
        return None, cue, True
    if all(w in en.cue_prefix_words for w in prefix):
        return cue_fact(cue, m, offset, "en", STRONG, lex), cue, True
    return None, None, False


def best_cue(s: str, lex: CueLexicon, start: int = 0, end: int | None = None) -> tuple[Cue, re.Match[str]] | None:
    """The earliest cue phrase in ``s[start:end]``, the longest at that place, national ones first on ties.

    The longest wins so that "member of the CPPCC Inner Mongolia Regional Committee" is the regional cue,
    not the national "member of the CPPCC" inside it.
    """
    best: tuple[Cue, re.Match[str]] | None = None
    stop = len(s) if end is None else end
    for cue in (*lex.en.cues, *lex.en.local_cues):
        m = cue.regex.search(s, start, stop)
        if m is None:
            continue
        if best is None or (m.start(), -m.end()) < (best[1].start(), -best[1].end()):
            best = (cue, m)
    return best


def sentence_end(ctx: DocContext, pos: int, en: EnCues) -> int:
    """End of the segment-stage sentence holding ``pos`` (at most max_window_chars away), before its final
    stop: "... chairman of Hengtai Power." ends at "Power", "... of Foo Co., Ltd." keeps "Ltd."."""
    end = min(ctx.sentence_end(pos), pos + en.max_window_chars)
    text = ctx.text
    while end > pos and text[end - 1] in " \"'“”‘’":
        end -= 1  # quotes after the stop (or the next sentence's opening quote)
    if end > pos and text[end - 1] in "!?;":
        return end - 1
    if end > pos and text[end - 1] == ".":
        k = end - 1
        while k > pos and text[k - 1].isalpha():
            k -= 1
        if text[k : end - 1].lower() not in en.abbreviations:
            return end - 1
    return end


def _split_items(text: str, start: int, end: int, lex: CueLexicon) -> list[tuple[int, int]]:
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


def _starts_with_cue(s: str, lex: CueLexicon) -> bool:
    if not has_keyword(s[: lex.en.max_cue_chars], lex.en.cue_keywords):
        return False
    found = best_cue(s, lex)
    return found is not None and found[1].start() == 0


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def _after_alias(ctx: DocContext, m: Mention, i: int) -> int:
    """Past "(唐建波)" after "Tang Jianbo": the name in another script is the same person, the roles follow it."""
    text = ctx.text
    if i >= len(text) or text[i] not in _OPEN:
        return i
    close = next((k for k in range(i + 1, min(len(text), i + _MAX_ALIAS_CHARS)) if text[k] in _CLOSE), -1)
    inside = ctx.persons_between(i + 1, close) if close > 0 else []
    if len(inside) != 1 or text[i + 1 : close].strip() != inside[0].text.strip():
        return i
    j = close + 1
    while j < len(text) and text[j] == " ":
        j += 1
    return j


def appositive(ctx: DocContext, m: Mention, lex: CueLexicon) -> tuple[Facts, bool]:
    """Roles after "NAME, ..." up to the verb, sentence end or next name; and whether they are plural."""
    text, en = ctx.text, lex.en
    i = m.end
    while i < len(text) and text[i] == " ":
        i += 1
    i = _after_alias(ctx, m, i)
    if i >= len(text) or text[i] not in ",(":
        return Facts.empty(), False
    start = i + 1
    end = sentence_end(ctx, start, en)
    if text[i] == "(":
        close = text.find(")", start, end)
        if close < 0:
            return Facts.empty(), False
        end = close
    return _read_items(ctx, start, end, ctx.next_person_start(start), lex)


def _read_items(ctx: DocContext, start: int, end: int, nxt: int | None, lex: CueLexicon) -> tuple[Facts, bool]:
    """Cue and title items of an appositive text[start:end], stopping before the next name ``nxt``."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
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


def left_context(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts:
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


def _cue_before(ctx: DocContext, lo: int, j: int, lex: CueLexicon) -> tuple[bool, Facts]:
    """A body cue that ends at ``j`` (whether one matched, and its facts; none for a former member)."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    while j > lo and text[j - 1].isspace():
        j -= 1
    cue_lo = max(lo, j - en.max_cue_chars)
    left = text[cue_lo:j]
    if not has_keyword(left, en.cue_keywords):
        return False, facts
    ends = [(mm, cue) for cue in (*en.cues, *en.local_cues) if (mm := cue.at_end.search(left)) is not None]
    if not ends:
        return False, facts
    mm, cue = min(ends, key=lambda e: e[0].start())  # the longest phrase ending here
    prefix = text[lo : cue_lo + mm.start()].split()
    if prefix and _word(prefix[-1]) in en.former_markers:
        return True, facts
    fact = cue_fact(cue, mm, cue_lo, "en", STRONG, lex)
    if fact is not None:
        facts.bodies.append(fact)
        if cue.as_title:
            facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
    return True, facts


def _title_chain(text: str, k: int, j: int, en: EnCues) -> list[TitleFact]:
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


def self_description(ctx: DocContext, m: Mention, lex: CueLexicon, same_person: set[int]) -> Facts:
    """ "as a member of the CPPCC National Committee" in a sentence about this one person only."""
    text, en, facts = ctx.text, lex.en, Facts.empty()
    s0, s1 = ctx.sentence_bounds(m.start)
    s0, s1 = max(s0, m.start - en.max_window_chars), min(s1, m.end + en.max_window_chars)
    if not has_keyword(text[s0:s1], en.cue_keywords):
        return facts
    if any(id(p) not in same_person for p in ctx.persons_between(s0, s1)):
        return facts
    for a in _AS_A.finditer(text, s0, s1):
        found = best_cue(text, lex, a.end(), s1)
        if found is not None and found[1].start() == a.end():
            fact = cue_fact(found[0], found[1], 0, "en", LIST, lex)
            if fact is not None:
                facts.bodies.append(fact)
            return facts
    return facts


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def name_alone_on_line(text: str, start: int, end: int, en: EnCues) -> bool:
    """Is text[start:end] the whole of its line, but for an honorific (Mr., Dr.) and spaces?"""
    a, b = _line(text, start)
    if b < end:
        return False
    before = text[a:start].split()
    return all(w.lower() in en.honorifics for w in before) and not text[end:b].strip(" \t.,")


def next_line(text: str, pos: int) -> tuple[int, int] | None:
    """The first non-empty line after the line holding ``pos``, stripped."""
    _, b = _line(text, pos)
    while b < len(text):
        a, b = _line(text, b + 1)
        s, e = a, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            return s, e
    return None


def profile_column(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts:
    """A name alone on its line and the next line opening with a cue: "Li Hua\nNPC deputy and head of X"."""
    text = ctx.text
    if not name_alone_on_line(text, m.start, m.end, lex.en):
        return Facts.empty()
    nxt = next_line(text, m.end)
    if nxt is None or not _starts_with_cue(text[nxt[0] : nxt[1]], lex):
        return Facts.empty()
    facts, _ = _read_items(ctx, nxt[0], min(nxt[1], sentence_end(ctx, nxt[0], lex.en)), None, lex)
    return facts if facts.bodies else Facts.empty()


def _enumeration_start(text: str, pos: int, end: int, en: EnCues) -> int | None:
    """Offset after "are" / "include" / "such as" (and a colon) that opens an enumeration at ``pos``."""
    rest = text[pos:end]
    m = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*", rest)
    k = m.end() if m else 0
    for verb in sorted(en.enumeration_verbs, key=len, reverse=True):
        if rest[k : k + len(verb)].lower() == verb and not rest[k + len(verb) : k + len(verb) + 1].isalpha():
            k += len(verb)
            while k < len(rest) and rest[k] in " :\t":
                k += 1
            return pos + k
    return None


def enumeration_facts(ctx: DocContext, lex: CueLexicon) -> dict[int, Facts]:
    """ "Four deputies to the NPC include A, chairman of X, and B": the names after the verb share the cue."""
    text, out = ctx.text, dict[int, Facts]()
    for s0, s1 in ctx.sentences:
        if not has_keyword(text[s0:s1], lex.en.cue_keywords):
            continue
        pos = s0
        while (found := best_cue(text, lex, pos, s1)) is not None:
            cue, mm = found
            pos = mm.end()
            if not _PLURAL_CUE.search(mm.group(0)):
                continue
            start = _enumeration_start(text, mm.end(), s1, lex.en)
            fact = cue_fact(cue, mm, 0, "en", LIST, lex) if start is not None else None
            if start is None or fact is None:
                continue
            following = best_cue(text, lex, start, s1)  # the next enumeration, if any, ends this one
            stop = following[1].start() if following is not None else s1
            named = ctx.persons_between(start, stop)
            lead = text[start : named[0].start].replace(".", " ").split() if named else ["-"]
            if any(w.lower() not in lex.en.honorifics for w in lead):
                continue  # "deputies are expected to meet Qian Lu": no list of names follows the verb
            for p in named:
                out.setdefault(id(p), Facts.empty()).bodies.append(fact)
    return out


def unnamed_speaker_facts(ctx: DocContext, lex: CueLexicon) -> dict[int, Facts]:
    """ "..., said a member of the CPPCC National Committee. Gao Rui, also an academician, ...": the speaker
    described but not named is the person who opens the next sentence with ", also" (more of the same
    person's posts); a name that opens it with any other appositive may be someone else."""
    text, out = ctx.text, dict[int, Facts]()
    for i, (s0, s1) in enumerate(ctx.sentences[:-1]):
        if ctx.persons_between(s0, s1) or not has_keyword(text[s0:s1], lex.en.cue_keywords):
            continue
        found = best_cue(text, lex, s0, s1)
        if found is None or not _SPEAKER.search(text, s0, found[1].start()):
            continue
        n0, _ = ctx.sentences[i + 1]
        named = ctx.persons_between(n0, n0 + 80)
        if not named or named[0].start != n0 or not _ALSO.match(text, named[0].end):
            continue
        fact = cue_fact(found[0], found[1], 0, "en", LIST, lex)
        if fact is not None:
            out.setdefault(id(named[0]), Facts.empty()).bodies.append(fact)
    return out


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
