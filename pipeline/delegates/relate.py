"""relate(): one Delegate per person in a document, with body, term, session, titles and affiliations.

Why: the pipeline calls this once per document after NER; it runs the Chinese
and English rules on every person mention (each rule only fires on its own
script), merges what the mentions of one person say, and picks the body from the
strongest, then earliest, cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.delegates import rules_en, rules_zh
from pipeline.delegates.affiliations import affiliations_of
from pipeline.delegates.context import BodyFact, DocContext, Facts, TitleFact
from pipeline.delegates.lexicon import Lexicon, lexicon
from pipeline.delegates.names import name_key
from pipeline.delegates.numerals import en_ordinal, zh_number
from pipeline.delegates.persons import full_name, group_persons
from pipeline.records import ORG, PERSON, Delegate, Mention


def doc_sessions(text: str, lex: Lexicon) -> dict[str, set[tuple[int, int | None]]]:
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
    fact: BodyFact, sessions: dict[str, set[tuple[int, int | None]]], lex: Lexicon
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


def _choose(bodies: Sequence[BodyFact]) -> BodyFact | None:
    if not bodies:
        return None
    return min(bodies, key=lambda b: (-b.strength, b.start, b.end))


def _titles(ctx: DocContext, titles: Sequence[TitleFact]) -> list[TitleFact]:
    """Titles in text order, one per wording; a bare body word (委员) goes if a fuller title ends with it."""
    seen: dict[str, TitleFact] = {}
    for t in sorted(titles, key=lambda t: (t.start, -t.end)):
        seen.setdefault(ctx.text[t.start : t.end], t)
    words = list(seen)
    return [t for w, t in seen.items() if not (t.is_cue and any(o != w and o.endswith(w) for o in words))]


def _mention_facts(ctx: DocContext, groups: list[list[Mention]], lex: Lexicon) -> dict[int, Facts]:
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
        f.extend(lefts[id(m)])
        f.extend(appos[id(m)][0])
        f.extend(rules_en.self_description(ctx, m, lex, group_ids.get(id(m), {id(m)})))
        facts[id(m)] = f
    shared = (
        rules_zh.list_facts(ctx, rules_zh.list_runs(ctx, lex), chains, lex),
        rules_en.shared_facts(ctx, rules_en.list_runs(ctx), lefts, appos),
    )
    for extra in shared:
        for key, f in extra.items():
            facts.setdefault(key, Facts.empty()).extend(f)
    return facts


def relate(text: str, mentions: Sequence[Mention]) -> list[Delegate]:
    """One Delegate per distinct person (body None when no body is stated), in order of first mention."""
    lex = lexicon()
    persons = [m for m in mentions if m.label == PERSON]
    ctx = DocContext(text, persons, [m for m in mentions if m.label == ORG])
    groups = group_persons(persons)
    facts = _mention_facts(ctx, groups, lex)
    sessions = doc_sessions(text, lex)
    out: list[Delegate] = []
    for group in groups:
        merged = Facts.empty()
        for m in group:
            merged.extend(facts.get(id(m), Facts.empty()))
        chosen = _choose(merged.bodies)
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
