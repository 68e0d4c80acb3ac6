"""English mineral candidates: case-insensitive phrase look-up on word tokens, with plurals.

Why token n-grams rather than one big regex: every phrase then obeys the same word-boundary,
hyphen ("rare-earth") and plural ("rare earths", "PGMs") rules, and the context rules (an
institution name after "Iron ...", a list around "lead") can look at neighbouring tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.minerals.lexicon import Entry, MineralLexicon
from pipeline.minerals.spans import ClaimedSpan

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F]+|&")
_PHRASE_SEP = re.compile(r"[\s\-\u2010\u2011]+")
_NAME_SEP = re.compile(r"[ \t\-,.]*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_LIST_SEP = re.compile(r"\s*(?:,|/|-|&|and|or|,\s*and|,\s*or)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str


def _variants(key: str) -> tuple[str, ...]:
    """The key itself, then singular and plural forms of its last word."""
    out = [key]
    if key.endswith("es"):
        out.append(key[:-2])
    if key.endswith("s"):
        out.append(key[:-1])
    out.append(key + "s")
    return tuple(out)


def _lookup(key: str, lex: MineralLexicon) -> tuple[str, Entry | None] | None:
    """(matched key, entry) for a name, (key, None) for a blocker, None if neither."""
    for k in _variants(key):
        if k in lex.en_blockers:
            return k, None
        if k in lex.en_names:
            return k, lex.en_names[k]
    return None


def _acronym(tok: _Tok, lex: MineralLexicon) -> Entry | None:
    t = tok.text
    if t in lex.en_acronyms:
        return lex.en_acronyms[t]
    if len(t) > 2 and t.endswith("s") and t[:-1] in lex.en_acronyms:
        return lex.en_acronyms[t[:-1]]
    return None


def _chain_reaches_org_word(text: str, toks: Iterable[_Tok], edge: int, forward: bool, lex: MineralLexicon) -> bool:
    """Walk capitalised name words away from a match; True when they reach an institution word."""
    r = lex.rules
    for tok in toks:
        gap = text[edge:tok.start] if forward else text[tok.end:edge]
        if not _NAME_SEP.fullmatch(gap):
            return False
        if tok.text in r.en_org_suffixes:
            return True
        if not (tok.text[0].isupper() or tok.text.lower() in r.en_org_connectors):
            return False
        edge = tok.end if forward else tok.start
    return False


def _in_name(text: str, toks: list[_Tok], k: int, end: int, lex: MineralLexicon) -> bool:
    """Capitalised words after the match end in an institution word ("... Iron and Steel Group")."""
    return _chain_reaches_org_word(text, toks[k:k + lex.rules.en_org_window], end, True, lex)


def _after_name_word(text: str, toks: list[_Tok], i: int, lex: MineralLexicon) -> bool:
    """Capitalised words before the match start with an institution word ("Ministry of Petroleum")."""
    window = toks[max(0, i - lex.rules.en_org_window):i]
    return _chain_reaches_org_word(text, reversed(window), toks[i].start, False, lex)


def _context_ok(text: str, toks: list[_Tok], k: int, end: int, start: int,
                accepted: list[ClaimedSpan], lex: MineralLexicon) -> bool:
    """An ambiguous name ("lead") next to a commodity noun or in a list of other minerals."""
    if (k < len(toks) and _PHRASE_SEP.fullmatch(text[end:toks[k].start])
            and toks[k].text.lower() in lex.rules.en_context_nouns):
        return True
    for c in accepted:
        if c.end <= start and _LIST_SEP.fullmatch(text[c.end:start]):
            return True
        if c.start >= end and _LIST_SEP.fullmatch(text[end:c.start]):
            return True
    return False


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from after the previous sentence end to the next one."""
    m = _SENTENCE_END.search(text, end)
    lo = max((text.rfind(c, 0, start) for c in ".!?\n"), default=-1)
    return lo + 1, m.end() if m else len(text)


def _sibling_ok(text: str, start: int, end: int, entry: Entry, accepted: list[ClaimedSpan]) -> bool:
    """A name such as "gas" counts when its sentence names another mineral of its category
    ("rich in coal, poor in oil and short of gas")."""
    lo, hi = _sentence(text, start, end)
    return any(
        c.entry is not None and c.entry.category == entry.category and c.entry is not entry
        and lo <= c.start and c.end <= hi
        for c in accepted
    )


def _property(text: str, toks: list[_Tok], i: int, k: int, end: int, lex: MineralLexicon) -> bool:
    """'low phosphorus', 'ultra-low sulfur': a grade of a material, unless a commodity noun follows
    ("low copper prices")."""
    if i == 0 or toks[i - 1].text.lower() not in lex.rules.en_property_modifiers:
        return False
    if not _PHRASE_SEP.fullmatch(text[toks[i - 1].end:toks[i].start]):
        return False
    return not (k < len(toks) and _PHRASE_SEP.fullmatch(text[end:toks[k].start])
                and toks[k].text.lower() in lex.rules.en_property_rescue_nouns)


def en_candidates(text: str, lex: MineralLexicon) -> list[ClaimedSpan]:
    """All English candidates: accepted minerals, blockers, and names inside institution names."""
    toks = [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[ClaimedSpan] = []
    deferred: list[tuple[int, int, int, Entry, bool]] = []
    for i, first in enumerate(toks):
        acr = _acronym(first, lex)
        if acr is not None:
            out.append(ClaimedSpan(first.start, first.end, acr))
        words: list[str] = []
        for n in range(lex.en_max_tokens):
            j = i + n
            if j >= len(toks) or (n > 0 and not _PHRASE_SEP.fullmatch(text[toks[j - 1].end:toks[j].start])):
                break
            words.append("and" if toks[j].text == "&" else toks[j].text.lower())
            found = _lookup(" ".join(words), lex)
            if found is None:
                continue
            key, entry = found
            start, end = first.start, toks[j].end
            in_name = text[start].isupper() and (_in_name(text, toks, j + 1, end, lex)
                                                 or _after_name_word(text, toks, i, lex))
            if entry is None or in_name or _property(text, toks, i, j + 1, end, lex):
                out.append(ClaimedSpan(start, end, None))  # blocker, institution name, or a grade
            elif key in lex.en_ambiguous:
                deferred.append((start, end, j + 1, entry, key in lex.en_sibling))
            else:
                out.append(ClaimedSpan(start, end, entry))
    accepted = [c for c in out if c.entry is not None]
    # an accepted ambiguous name vouches for its neighbours in turn ("arsenic, mercury and lead")
    while deferred:
        still = []
        for start, end, k, entry, sibling in deferred:
            if _context_ok(text, toks, k, end, start, accepted, lex) or (
                    sibling and _sibling_ok(text, start, end, entry, accepted)):
                accepted.append(ClaimedSpan(start, end, entry))
                out.append(accepted[-1])
            else:
                still.append((start, end, k, entry, sibling))
        if len(still) == len(deferred):
            break
        deferred = still
    return out
