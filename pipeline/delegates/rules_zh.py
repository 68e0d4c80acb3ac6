"""Chinese patterns that tie a body and titles to a name.

Why: Chinese news puts the roles before the name as one appositive chain
("全国人大代表、江苏省自然资源厅厅长张国梁"), marks a known delegate with a bare
word after the name ("武强委员说"), closes a list of names with "等6位代表", or
says that a leader joined "他所在的…代表团". Each rule only reads text that is
attached to the name, so a body word elsewhere in the sentence ("关志鸥在十四届
全国人大四次会议…上表示") is not taken as membership. A bare 代表 / 委员 names a
body only when the document's setting (:mod:`pipeline.delegates.setting`) says
which; "作为全国人大代表，某某" and "他是全国人大代表" (about the one person of the
sentence before) are read too.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.delegates.context import LIST, STRONG, WEAK, BodyFact, DocContext, Facts, TitleFact
from pipeline.delegates.cue_match import cue_fact, has_keyword, zh_term_session
from pipeline.delegates.lexicon import CueLexicon, WordCue
from pipeline.records import Mention
from pipeline.text.scripts import is_han

_SPACES = " \t\u3000"
_DECOR = " \t\u3000#*>-—·•[]【】"
# A byline in brackets, （本报记者李凯旋）: the bracket opens the credit and is no part of the role.
_OPENERS = "（(〔［"
_CLOSERS = "）)〕］"
_CREDIT_ENDS = ("报道", "参与采写", "采写", "整理", "摄", "供图", "《")
_MEDIA_ENDS = ("报", "社", "台", "网", "刊", "杂志")  # 中国有色金属报|记者: an outlet before a byline role
_ALSO_JOINERS = ("，也是", ",也是", "，同时也是", "，还是", "、")


def _cue_at_end(seg: str, offset: int, ctx: DocContext, lex: CueLexicon) -> tuple[BodyFact | None, bool]:
    """A body cue that ends the segment: (fact or None when former/unsupported, whether a cue matched)."""
    zh = lex.zh
    if not has_keyword(seg, zh.cue_keywords):
        return None, False
    for group, strength in ((zh.cues, STRONG), (zh.local_cues, STRONG), (zh.bare_cues, LIST)):
        for cue in group:
            m = cue.at_end.search(seg)
            if m is None:
                continue
            if cue.needs_setting and ctx.setting.body_for(lex.family.get(cue.body or "", "")) is None:
                continue
            before, place = seg[: m.start()], m.groupdict().get("place") or ""
            if any(before.endswith(f) or place.startswith(f) for f in zh.former_markers):
                return None, True
            return cue_fact(cue, m, offset, "zh", strength, lex), True
    return None, False


def _cue_at_start(s: str, offset: int, ctx: DocContext, lex: CueLexicon) -> BodyFact | None:
    zh = lex.zh
    if not has_keyword(s[:40], zh.cue_keywords):
        return None
    for group in (zh.cues, zh.local_cues):
        for cue in group:
            m = cue.regex.match(s)
            if m is not None:
                return cue_fact(cue, m, offset, "zh", STRONG, lex)
    return None


def _after_open_bracket(seg: str) -> int:
    """Just after the last opening bracket of ``seg`` that no bracket closes (本报讯（|记者), else 0: a credit opens
    there; a bracket closed inside a title (五矿（香港）控股公司董事长) is part of it."""
    k = max(seg.rfind(c) for c in _OPENERS)
    return k + 1 if k >= 0 and not any(c in seg[k:] for c in _CLOSERS) else 0


def _past_decor(seg: str, i: int) -> int:
    """The first position from ``i`` on that is neither decoration nor an opening bracket."""
    while i < len(seg) and (seg[i] in _DECOR or seg[i] in _OPENERS):
        i += 1
    return i


def title_span(seg: str, offset: int, lex: CueLexicon) -> tuple[int, int] | None:
    """The title inside a segment that ends at a name, without leading context words (None if not a title)."""
    zh = lex.zh
    i = _past_decor(seg, 0)
    cut = max((seg.rfind(c, i) for c in zh.cut_after), default=-1)
    if cut >= 0:
        i = cut + 1
    for dl in zh.dateline.finditer(seg, i):
        i = _past_decor(seg, dl.end())  # "9月17日讯（记者"
    i = max(i, _after_open_bracket(seg))  # "本报讯（记者", "中国有色网讯（通讯员"
    changed = True
    while changed:
        changed = False
        for junk in zh.junk_prefixes:
            if seg.startswith(junk, i) and len(seg) - i > len(junk) + 1:
                i += len(junk)
                changed = True
                break
    end = len(seg)
    while end > i and seg[end - 1] in _SPACES:
        end -= 1
    s = seg[i:end]
    if not s or len(s) > zh.max_title_chars:
        return None
    if not any(s.endswith(r) for r in zh.role_suffixes) and not is_byline_role(s, lex):
        return None
    return offset + i, offset + end


def _concurrent_posts(text: str, span: tuple[int, int], lex: CueLexicon) -> list[TitleFact]:
    """A title that holds two posts joined by 兼 is two titles: LG集团副会长兼LGES首席执行官, 董事长兼总经理.

    Only where the part before 兼 is itself a post (ends with a role word), and not 兼职 or 兼任 (高级工程师兼职教授
    is an engineer and a part-time professor, 董事长兼任党委书记 a verb).
    """
    start, end = span
    pieces: list[TitleFact] = []
    k = text.find("兼", start, end)
    while k > start and text[k + 1:k + 2] not in ("职", "任") and any(
            text.endswith(r, start, k) for r in lex.zh.role_suffixes):
        pieces.append(TitleFact(start, k))
        start = k + 1
        k = text.find("兼", start, end)
    pieces.append(TitleFact(start, end))
    return pieces


def _segment_left(text: str, end: int, lex: CueLexicon) -> int:
    """Start of the segment that ends at ``end`` (stops at punctuation or after max_segment_chars)."""
    zh = lex.zh
    start = end
    while start > 0 and text[start - 1] not in zh.segment_stops and end - start < zh.max_segment_chars:
        start -= 1
    return start


def _byline(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts | None:
    """ "责任编辑：杨秋玲", "一审：李仁鹏": a role word before a colon is the person's title."""
    text = ctx.text
    j = m.start
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    if j == 0 or text[j - 1] not in "：:":
        return None
    colon = j - 1
    k = colon
    while k > 0 and text[k - 1] not in lex.zh.segment_stops and not text[k - 1].isspace():
        k -= 1
    facts = Facts.empty()
    while k < colon and text[k] in _DECOR:
        k += 1
    span: tuple[int, int] | None = (k, colon)
    if text[k:colon] not in lex.zh.byline_roles:
        span = title_span(text[k:colon], k, lex)
    if span is None or span[1] - span[0] > lex.zh.max_byline_chars or ctx.person_overlaps(*span):
        return facts
    facts.titles.append(TitleFact(*span))
    return facts


def _post_after_cue(ctx: DocContext, seg: str, start: int, lex: CueLexicon) -> tuple[int, int] | None:
    """A post with no known role word, right after a national cue: "全国人大代表、某中心职工张三".

    The chain reads it as a title only because the segment before it (joined by 、) is a body cue alone:
    a cue never stands before anything but the person's posts.
    """
    text = ctx.text
    if start == 0 or text[start - 1] != "、" or len(seg.strip(_SPACES)) > lex.zh.max_title_chars:
        return None
    if any(c in seg for c in lex.zh.cut_after):
        return None
    prev_start = _segment_left(text, start - 1, lex)
    fact, found = _cue_at_end(text[prev_start : start - 1], prev_start, ctx, lex)
    if not found or fact is None or fact.body not in lex.family or text[prev_start : fact.start].strip(_DECOR):
        return None
    a, b = start, start + len(seg)
    while a < b and text[a] in _DECOR:
        a += 1
    while b > a and text[b - 1] in _SPACES:
        b -= 1
    return (a, b) if a < b else None


def as_prefix(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts:
    """ "作为全国人大代表，何志远…": a clause that is only "作为 + body cue", right before the name."""
    text, zh, facts = ctx.text, lex.zh, Facts.empty()
    j = m.start
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    if j == 0 or text[j - 1] not in "，,":
        return facts
    comma = j - 1
    start = _segment_left(text, comma, lex)
    seg = text[start:comma].strip(_DECOR)
    offset = start + text[start:comma].find(seg) if seg else start
    prefix = next((p for p in zh.as_prefixes if seg.startswith(p)), None)
    if prefix is None:
        return facts
    rest = seg[len(prefix) :]
    fact = _cue_at_start(rest, offset + len(prefix), ctx, lex)
    if fact is not None and fact.end == offset + len(seg):
        facts.bodies.append(fact)
        facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
    return facts


def _also_posts(ctx: DocContext, pos: int, lex: CueLexicon) -> list[TitleFact]:
    """Posts that continue "他是全国人大代表" after "，也是" or "、": "…，也是某村村医"."""
    text, out = ctx.text, []
    for joiner in _ALSO_JOINERS:
        if text.startswith(joiner, pos):
            start = pos + len(joiner)
            end = start
            while end < len(text) and text[end] not in lex.zh.segment_stops and end - start < lex.zh.max_segment_chars:
                end += 1
            span = title_span(text[start:end], start, lex)
            if span is not None and span[0] == start:
                out.append(TitleFact(*span))
            break
    return out


def pronoun_facts(ctx: DocContext, lex: CueLexicon) -> dict[int, Facts]:
    """ "他是全国人大代表": the body goes to the one person named in this sentence or the one before."""
    text, zh = ctx.text, lex.zh
    out: dict[int, Facts] = {}
    if not any(k in text for k in zh.cue_keywords):
        return out
    for copula in zh.pronoun_copulas:
        pos = text.find(copula)
        while pos >= 0:
            at_clause_start = pos == 0 or text[pos - 1] in zh.segment_stops or text[pos - 1] in _SPACES
            fact = _cue_at_start(text[pos + len(copula) :], pos + len(copula), ctx, lex) if at_clause_start else None
            if fact is not None:
                i = ctx.sentence_index(pos)
                lo = ctx.sentences[i - 1][0] if i > 0 else ctx.sentences[i][0]
                named = ctx.persons_between(lo, pos)
                if named and len({p.text for p in named}) == 1:
                    f = out.setdefault(id(named[-1]), Facts.empty())
                    f.bodies.append(BodyFact(fact.body, LIST, fact.start, fact.end, fact.term, fact.session))
                    f.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
                    f.titles.extend(_also_posts(ctx, fact.end, lex))
            pos = text.find(copula, pos + 1)
    return out


def left_chain(ctx: DocContext, m: Mention, lex: CueLexicon) -> tuple[Facts, bool]:
    """Roles written before the name, right to left; also says whether a cue sits right before the name."""
    byline = _byline(ctx, m, lex)
    if byline is not None:
        return byline, False
    text, facts = ctx.text, Facts.empty()
    pos, first, adjacent_cue = m.start, True, False
    while True:
        end = pos
        while end > 0 and text[end - 1] in _SPACES:
            end -= 1
        start = _segment_left(text, end, lex)
        blocker = ctx.last_person_end(start, end, exclude=m)
        if blocker is not None:  # "全国人大代表张三和全国政协委员李四": read only what follows 张三
            if blocker >= end:
                break
            start = blocker
        if start >= end:
            break
        seg = text[start:end]
        fact, cue_found = _cue_at_end(seg, start, ctx, lex)
        if cue_found:
            cue_start = fact.start if fact else end
            if fact is not None:
                facts.bodies.append(fact)
                facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
                adjacent_cue = adjacent_cue or (first and fact.end == end)
            partial = text[start:cue_start].strip(_DECOR) != ""
        else:
            span = _credit_role(seg, start, lex) if blocker is not None else title_span(seg, start, lex)
            if span is None:
                span = _post_after_cue(ctx, seg, start, lex) if blocker is None else None
            if span is None:
                break
            facts.titles.extend(reversed(_concurrent_posts(text, span, lex)))
            partial = text[start : span[0]].strip(_DECOR) != ""
        first = False
        if partial or blocker is not None or start == 0 or text[start - 1] not in "、，,":
            break
        pos = start - 1
    facts.titles.reverse()
    return facts, adjacent_cue


def _right_appositive(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts:
    """ "沈政昌，全国人大常委会委员、中国工程院院士，…": roles after the name, each a whole segment."""
    text, facts = ctx.text, Facts.empty()
    pos = m.end
    if pos >= len(text) or text[pos] not in "，,":
        return facts
    pos += 1
    while pos < len(text):
        end = pos
        while (
            end < len(text) and text[end] not in lex.zh.segment_stops and end - pos < lex.zh.max_segment_chars
        ):
            end += 1
        seg = text[pos:end]
        if ctx.person_overlaps(pos, end):
            # "黄菊，全国人大常委会副委员长、全国妇联主席陈慕华": the roles belong to the next name
            return Facts.empty() if facts.titles else facts
        if not seg:
            break
        fact, cue_found = _cue_at_end(seg, pos, ctx, lex)
        if cue_found and fact is not None and fact.start == pos:
            facts.bodies.append(fact)
            facts.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
        else:
            span = title_span(seg, pos, lex)
            if span is None or span[0] != pos:
                break
            facts.titles.append(TitleFact(*span))
        if end >= len(text) or text[end] != "、":
            break
        pos = end + 1
    return facts


def bare_word_at(text: str, pos: int, words: Sequence[WordCue], lex: CueLexicon,
                 mention_starts: frozenset[int] = frozenset()) -> WordCue | None:
    """The bare body word (代表, 委员) that starts at ``pos`` as a noun, not as a verb or inside a longer word.

    "李明代表说" and "李明代表——" are the noun; "李明代表公司发言" (an object follows), 代表团, 代表委员 (the
    group word) and 委员会 are not; nor is a word right before another mention (代表中方签约).
    """
    for word in words:
        if not text.startswith(word.word, pos):
            continue
        after = pos + len(word.word)
        if any(text.startswith(x, after) for x in lex.zh.post_name_not_after.get(word.word, ())):
            return None
        if after in mention_starts:
            return None
        return word
    return None


def right_context(ctx: DocContext, m: Mention, lex: CueLexicon) -> Facts:
    """Words after the name: 总书记 (title), 委员/代表 (weak body), 作为全国人大代表, 参加他所在的…代表团."""
    zh, text, facts = lex.zh, ctx.text, Facts.empty()
    right = text[m.end : m.end + 120]
    for title in zh.post_name_titles:
        if right.startswith(title):
            facts.titles.append(TitleFact(m.end, m.end + len(title)))
            break
    word = bare_word_at(text, m.end, zh.post_name_words, lex, ctx.mention_starts)
    if word is not None:
        body = ctx.setting.body_for(word.family)
        if body is not None:
            facts.bodies.append(BodyFact(body, WEAK, m.end, m.end + len(word.word)))
            facts.titles.append(TitleFact(m.end, m.end + len(word.word), is_cue=True))
    for copula in zh.post_name_copulas:
        if right.startswith(copula):
            fact = _cue_at_start(right[len(copula) :], m.end + len(copula), ctx, lex)
            if fact is not None:
                facts.bodies.append(fact)
            break
    own = zh.own_delegation.match(right)
    if own is not None and not ctx.person_overlaps(m.end, m.end + own.end(), exclude=m):
        term, session = zh_term_session(own.group(0), zh)
        facts.bodies.append(BodyFact("NPC", STRONG, m.end + own.start(), m.end + own.end(), term, session))
    facts.extend(_right_appositive(ctx, m, lex))
    return facts


def list_runs(ctx: DocContext, lex: CueLexicon) -> list[list[Mention]]:
    """Runs of person names joined only by list separators (史志军、张晓宏、石磊)."""
    runs: list[list[Mention]] = []
    for m in ctx.persons:
        if runs and ctx.text[runs[-1][-1].end : m.start] in lex.zh.list_separators:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def is_byline_role(role: str, lex: CueLexicon) -> bool:
    """A byline role as a credit writes it: a role word (记者, 本报记者, 通讯员, 责任编辑) or an outlet's reporter
    (中国有色金属报记者, 新华网记者); not a clause that ends in one (经资格审核, 此案经法院终审)."""
    zh = lex.zh
    if role in zh.byline_roles:
        return True
    word = next((r for r in zh.byline_roles if role.endswith(r)), "")
    outlet = role[: len(role) - len(word)]
    return bool(word) and len(role) <= zh.max_title_chars and outlet.endswith(_MEDIA_ENDS) and all(
        is_han(c) for c in outlet)


def _credit_role(seg: str, offset: int, lex: CueLexicon) -> tuple[int, int] | None:
    """A byline role between two credited names, after spaces or a list word: 本报记者 周明远  通讯员 孙晓雯,
    本报记者周明远和通讯员孙晓雯 (not 在接受记者, 向记者: a clause that names a reporter)."""
    role = seg.strip(_SPACES)
    joiner = next((j for j in lex.zh.list_separators if role.startswith(j)), "")
    role = role[len(joiner):]
    if not role or not is_byline_role(role, lex):
        return None
    start = offset + len(seg) - len(seg.lstrip(_SPACES)) + len(joiner)
    return start, start + len(role)


def _byline_role(ctx: DocContext, facts: Facts, m: Mention, lex: CueLexicon) -> TitleFact | None:
    """The byline role written right before the name (本报记者, 记者, 责任编辑), if its title is one."""
    text = ctx.text
    for t in reversed(facts.titles):
        if t.is_cue or text[t.end : m.start].strip(_SPACES):
            continue
        if is_byline_role(text[t.start : t.end], lex) and _credit_opens(text, t.start):
            return t
    return None


def byline_facts(ctx: DocContext, chains: dict[int, tuple[Facts, bool]], lex: CueLexicon) -> dict[int, Facts]:
    """A byline role is the title of every name it credits: （本报记者李凯旋、华璐月）, （记者 曾楚楚 李子健）.

    The role opens a credit (after a bracket, a dateline or at a line's start) and the names follow it as one
    list, joined by a list separator or spaces only, up to the credit's end (a closing bracket, the line's end,
    报道, 摄); a name with a title of its own keeps it alone. A reporter named in a clause (记者周明远与李秀英交谈)
    gives no one else the role.
    """
    text = ctx.text
    out: dict[int, Facts] = {}
    runs: list[tuple[TitleFact, list[Mention]]] = []
    prev: Mention | None = None
    for m in ctx.persons:
        gap = text[prev.end : m.start].strip(_SPACES) if prev is not None else None
        joined = prev is not None and prev.end < m.start and (gap == "" or gap in lex.zh.list_separators)
        if runs and joined and runs[-1][1][-1] is prev:
            runs[-1][1].append(m)
        else:
            role = _byline_role(ctx, chains.get(id(m), (Facts.empty(), False))[0], m, lex)
            if role is not None:
                runs.append((role, [m]))
        prev = m
    for role, names in runs:
        if len(names) < 2 or not _credit_closes(text, names[-1].end):
            continue  # 本报记者 周明远 张建国今年52岁: the story goes on after the names, no credit
        for m in names[1:]:
            if not chains.get(id(m), (Facts.empty(), False))[0].titles:
                out.setdefault(id(m), Facts.empty()).titles.append(role)
    return out


def _credit_opens(text: str, pos: int) -> bool:
    """A credit opens right before pos: a bracket, the start of a line or of the text, a dateline (…日电, …讯)."""
    i = pos
    while i > 0 and text[i - 1] in _SPACES:
        i -= 1
    return i == 0 or text[i - 1] in _OPENERS or text[i - 1] == "\n" or text[i - 1] in "讯电"


def _credit_closes(text: str, pos: int) -> bool:
    """A credit closes at pos: a closing bracket, the end of a line or of the text, or what a credit ends with
    (报道, 参与采写, a photo's 摄, the paper's 《name》)."""
    i = pos
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i == len(text) or text[i] in _CLOSERS or text[i] == "\n" or text.startswith(_CREDIT_ENDS, i)


def list_facts(
    ctx: DocContext, runs: Sequence[Sequence[Mention]], chains: dict[int, tuple[Facts, bool]], lex: CueLexicon
) -> dict[int, Facts]:
    """Bodies shared by a run: "…等6位代表" after it, or a cue right before its first name (代表A、B)."""
    zh, text = lex.zh, ctx.text
    out: dict[int, Facts] = {}
    for run in runs:
        tail_start = run[-1].end
        tail = zh.list_tail.match(text, tail_start)
        shared = Facts.empty()
        if tail is not None and tail.end() > tail_start:
            rest = text[tail.end() : tail.end() + 40]
            fact = _cue_at_start(rest, tail.end(), ctx, lex)
            if fact is not None:
                shared.bodies.append(BodyFact(fact.body, LIST, fact.start, fact.end, fact.term, fact.session))
                shared.titles.append(TitleFact(fact.start, fact.end, is_cue=True))
            else:
                word = bare_word_at(text, tail.end(), zh.list_tail_words, lex, ctx.mention_starts)
                body = ctx.setting.body_for(word.family) if word is not None else None
                if word is not None and body is not None:
                    s = tail.end()
                    shared.bodies.append(BodyFact(body, LIST, s, s + len(word.word)))
                    shared.titles.append(TitleFact(s, s + len(word.word), is_cue=True))
        if shared.bodies:
            for m in run:
                out.setdefault(id(m), Facts.empty()).extend(shared)
            continue
        if len(run) < 2:
            continue
        head_facts, adjacent_cue = chains.get(id(run[0]), (Facts.empty(), False))
        if not adjacent_cue:
            continue
        cue = next((b for b in head_facts.bodies if b.end <= run[0].start), None)
        if cue is None:
            continue
        for m in run[1:]:
            own, _ = chains.get(id(m), (Facts.empty(), False))
            if not own.bodies and not own.titles:
                f = out.setdefault(id(m), Facts.empty())
                f.bodies.append(BodyFact(cue.body, LIST, cue.start, cue.end, cue.term, cue.session))
    return out
