"""relate(): one Delegate per person in a document, with body, term, session, titles and affiliations.

Why: the pipeline calls this once per document after NER, with the sentences the
segment stage made; it settles the document's setting once (does a bare 代表 name
an NPC deputy here?), runs the Chinese and English rules on every person mention
(each rule only fires on its own script), merges what the mentions of one person
(and of the same name in another script) say, and picks the body: a national one
if any fact names one, else a local one; the strongest, then the earliest.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.delegates import rules_en, rules_zh
from pipeline.delegates.affiliations import affiliations_of
from pipeline.delegates.context import BodyFact, DocContext, Facts, TitleFact
from pipeline.delegates.cue_match import en_ordinal, zh_number
from pipeline.delegates.lexicon import CueLexicon, cue_lexicon
from pipeline.delegates.names import name_key
from pipeline.delegates.persons import alias_pairs, full_name, group_persons
from pipeline.delegates.setting import doc_setting
from pipeline.records import ORG, PERSON, Delegate, Mention, Sentence


def doc_sessions(text: str, lex: CueLexicon) -> dict[str, set[tuple[int, int | None]]]:
    """(term, session) pairs the document states per body family (十四届全国人大四次会议 -> NPC (14, 4))."""
    found: dict[str, set[tuple[int, int | None]]] = {}
    if "届" in text:
        for fam, patterns in lex.zh.doc_sessions.items():
            for pattern in patterns:
                for m in pattern.finditer(text):
                    s = m.group("session")
                    _add(found, fam, zh_number(m.group("term")), zh_number(s) if s else None)
    # English statements start with an ordinal ("Second Session of the 14th ..."): try only there.
    for anchor in lex.en.ordinal.finditer(text):
        for fam, patterns in lex.en.doc_sessions.items():
            for pattern in patterns:
                hit = pattern.match(text, anchor.start())
                if hit is not None:
                    s = hit.group("session")
                    term = en_ordinal(hit.group("term"), lex.en.ordinals)
                    _add(found, fam, term, en_ordinal(s, lex.en.ordinals) if s else None)
    return found


def _add(
    found: dict[str, set[tuple[int, int | None]]], fam: str, term: int | None, session: int | None
) -> None:
    if term is not None:
        found.setdefault(fam, set()).add((term, session))


def _fill_term_session(
    fact: BodyFact, sessions: dict[str, set[tuple[int, int | None]]], lex: CueLexicon
) -> tuple[int | None, int | None]:
    """The cue's own term/session; else the single one the document states for that body's family."""
    term, session = fact.term, fact.session
    pairs = sessions.get(lex.family.get(fact.body, ""), set())
    if term is None:
        terms = {t for t, _ in pairs}
        term = next(iter(terms)) if len(terms) == 1 else None
    if session is None and term is not None:
        found = {s for t, s in pairs if t == term and s is not None}
        session = next(iter(found)) if len(found) == 1 else None
    return term, session


def _choose(bodies: Sequence[BodyFact], lex: CueLexicon) -> BodyFact | None:
    """A national body if any fact names one (a deputy's provincial post is a post); the strongest, the earliest."""
    if not bodies:
        return None
    return min(bodies, key=lambda b: (b.body not in lex.family, -b.strength, b.start, b.end))


def _titles(ctx: DocContext, titles: Sequence[TitleFact]) -> list[TitleFact]:
    """Titles in text order, one per wording; a bare body word (委员) goes if a fuller title ends with it."""
    seen: dict[str, TitleFact] = {}
    for t in sorted(titles, key=lambda t: (t.start, -t.end)):
        seen.setdefault(ctx.text[t.start : t.end], t)
    words = list(seen)
    return [t for w, t in seen.items() if not (t.is_cue and any(o != w and o.endswith(w) for o in words))]


def _mention_facts(ctx: DocContext, groups: list[list[Mention]], lex: CueLexicon) -> dict[int, Facts]:
    group_ids = {id(m): {id(x) for x in g} for g in groups for m in g}
    facts: dict[int, Facts] = {}
    chains: dict[int, tuple[Facts, bool]] = {}
    appos: dict[int, tuple[Facts, bool]] = {}
    lefts: dict[int, Facts] = {}
    for m in ctx.persons:
        f = Facts.empty()
        chains[id(m)] = rules_zh.left_chain(ctx, m, lex)
        appos[id(m)] = rules_en.appositive(ctx, m, lex)
        lefts[id(m)] = rules_en.left_context(ctx, m, lex)
        f.extend(chains[id(m)][0])
        f.extend(rules_zh.right_context(ctx, m, lex))
        f.extend(rules_zh.as_prefix(ctx, m, lex))
        f.extend(lefts[id(m)])
        f.extend(appos[id(m)][0])
        f.extend(rules_en.self_description(ctx, m, lex, group_ids.get(id(m), {id(m)})))
        f.extend(rules_en.profile_column(ctx, m, lex))
        facts[id(m)] = f
    shared = (
        rules_zh.list_facts(ctx, rules_zh.list_runs(ctx, lex), chains, lex),
        rules_zh.byline_facts(ctx, chains, lex),
        rules_zh.pronoun_facts(ctx, lex),
        rules_en.shared_facts(ctx, rules_en.list_runs(ctx), lefts, appos),
        rules_en.enumeration_facts(ctx, lex),
        rules_en.unnamed_speaker_facts(ctx, lex),
    )
    for extra in shared:
        for key, f in extra.items():
            facts.setdefault(key, Facts.empty()).extend(f)
    return facts


def _merged(ctx: DocContext, groups: list[list[Mention]], facts: dict[int, Facts]) -> list[Facts]:
    """What each person's mentions say together; a name and its other-script form in brackets share it all."""
    merged = []
    for group in groups:
        f = Facts.empty()
        for m in group:
            f.extend(facts.get(id(m), Facts.empty()))
        merged.append(f)
    index = {id(m): i for i, g in enumerate(groups) for m in g}
    for a, b in alias_pairs(ctx.text, ctx.persons):
        i, j = index.get(id(a)), index.get(id(b))
        if i is not None and j is not None and i != j:
            union = Facts(merged[i].bodies + merged[j].bodies, merged[i].titles + merged[j].titles)
            merged[i] = merged[j] = union
    return merged


def relate(text: str, mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[Delegate]:
    """One Delegate per distinct person (body None when no body is stated), in order of first mention.

    ``sentences`` are the segment stage's sentences of ``text`` (the rules never split sentences again).
    """
    lex = cue_lexicon()
    persons = [m for m in mentions if m.label == PERSON]
    ctx = DocContext(text, persons, [m for m in mentions if m.label == ORG], sentences, doc_setting(text, lex),
                     frozenset(m.start for m in mentions))
    groups = group_persons(persons)
    facts = _mention_facts(ctx, groups, lex)
    sessions = doc_sessions(text, lex)
    out: list[Delegate] = []
    for group, merged in zip(groups, _merged(ctx, groups, facts), strict=True):
        chosen = _choose(merged.bodies, lex)
        titles = _titles(ctx, merged.titles)
        term, session = _fill_term_session(chosen, sessions, lex) if chosen else (None, None)
        name = full_name(group)
        out.append(
            Delegate(
                mention_ids=tuple(m.mention_id for m in group),
                name=name,
                name_key=name_key(name),
                body=chosen.body if chosen else None,
                term=term,
                session=session,
                titles=tuple(text[t.start : t.end] for t in titles),
                affiliations=tuple(affiliations_of(ctx, titles, lex)),
                evidence_start=chosen.start if chosen else None,
                evidence_end=chosen.end if chosen else None,
            )
        )
    return out
