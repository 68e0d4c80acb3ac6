"""English mineral candidates: case-insensitive phrase look-up on word tokens, with plurals.

Why token n-grams rather than one big regex: every phrase then obeys the same word-boundary,
hyphen ("rare-earth") and plural ("rare earths", "PGMs") rules, and the context rules (an
institution name after "Iron ...", a list around "lead") can look at neighbouring tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
                accepted: _ByPosition, lex: MineralLexicon) -> bool:
    """An ambiguous name ("lead") next to a commodity noun, after one and "of" (output of lead), or in a list of
    other minerals."""
    if (k < len(toks) and _PHRASE_SEP.fullmatch(text[end:toks[k].start])
            and toks[k].text.lower() in lex.rules.en_context_nouns):
        return True
    of = _NOUN_OF.search(text, max(0, start - 30), start)
    if of is not None and of.group(1).lower() in lex.rules.en_context_nouns:
        return True
    return accepted.listed_with(text, start, end)


_NOUN_OF = re.compile(r"\b([A-Za-z]+) of (?:the )?$")


class _ByPosition:
    """Accepted candidates by end and by start, so a list neighbour is found near the name (linear cost)."""

    _SEP_CHARS = 5  # a list separator has at most this many non-space characters (", and")

    def __init__(self, accepted: list[ClaimedSpan]) -> None:
        self.by_end = sorted(accepted, key=lambda c: c.end)
        self.ends = [c.end for c in self.by_end]
        self.by_start = sorted(accepted, key=lambda c: c.start)
        self.starts = [c.start for c in self.by_start]

    def add(self, c: ClaimedSpan) -> None:
        i = bisect_right(self.ends, c.end)
        self.ends.insert(i, c.end)
        self.by_end.insert(i, c)
        j = bisect_right(self.starts, c.start)
        self.starts.insert(j, c.start)
        self.by_start.insert(j, c)

    def within(self, lo: int, hi: int) -> list[ClaimedSpan]:
        """The accepted spans that start at or after ``lo`` and end by ``hi``."""
        return [c for c in self.by_start[bisect_left(self.starts, lo):bisect_left(self.starts, hi)] if c.end <= hi]

    def _short(self, gap: str) -> bool:
        return len(gap) - sum(ch.isspace() for ch in gap) <= self._SEP_CHARS

    def listed_with(self, text: str, start: int, end: int) -> bool:
        """Some candidate ends before ``start`` or starts after ``end`` with only a list separator between.

        Nearest first: a farther neighbour's gap contains the nearer one's, so once the gap next to the
        name holds more than a separator's worth of characters, no farther neighbour can match.
        """
        for i in range(bisect_right(self.ends, start) - 1, -1, -1):
            a = self.by_end[i].end
            if _LIST_SEP.fullmatch(text, a, start):
                return True
            if not self._short(text[max(a, start - 64):start]):
                break
        for i in range(bisect_left(self.starts, end), len(self.starts)):
            b = self.by_start[i].start
            if _LIST_SEP.fullmatch(text, end, b):
                return True
            if not self._short(text[end:min(b, end + 64)]):
                break
        return False


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from after the previous sentence end to the next one."""
    m = _SENTENCE_END.search(text, end)
    lo = max((text.rfind(c, 0, start) for c in ".!?\n"), default=-1)
    return lo + 1, m.end() if m else len(text)


def _sibling_ok(text: str, start: int, end: int, entry: Entry, accepted: _ByPosition) -> bool:
    """A name such as "gas" counts when its sentence names another mineral of its category
    ("plenty of coal and oil but imports most of its gas")."""
    lo, hi = _sentence(text, start, end)
    return any(c.entry is not None and c.entry.category == entry.category and c.entry is not entry
               for c in accepted.within(lo, hi))


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
    accepted = _ByPosition([c for c in out if c.entry is not None])
    # an accepted ambiguous name vouches for its neighbours in turn ("arsenic, mercury and lead")
    while deferred:
        still = []
        for start, end, k, entry, sibling in deferred:
            if _context_ok(text, toks, k, end, start, accepted, lex) or (
                    sibling and _sibling_ok(text, start, end, entry, accepted)):
                claimed = ClaimedSpan(start, end, entry)
                accepted.add(claimed)
                out.append(claimed)
            else:
                still.append((start, end, k, entry, sibling))
        if len(still) == len(deferred):
            break
        deferred = still
    return out
