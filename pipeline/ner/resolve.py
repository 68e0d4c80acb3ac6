"""Choose among overlapping candidates from the models, the rules and the gazetteer.

Precedence (the one place it is decided):
1. Inside an organisation name nothing else is listed: a candidate lying strictly inside a non-weak ORG
   candidate is dropped when it is a place or a listed (gazetteer) institution, or when the ORG's source
   ranks at least as high as its own (a place, person or body named in an institution's name is part of
   that name: 中国地质大学（北京）, 中共中央政治局).
2. Any other overlap keeps one candidate by rank: rule > strong gazetteer entry > model > weak
   gazetteer entry; among equals the longer span, then the earlier one, then ORG > LOC > PERSON.
Exact duplicates (same span and label) collapse to the highest-ranked source.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from pipeline.ner.inputs import GAZETTEER, MODEL, RULE, Candidate
from pipeline.text.spans import select_non_overlapping

_RANK = {RULE: 3, GAZETTEER: 2, MODEL: 1}
# Same span, same rank: an institution, then a place, then a person (places are never people).
_LABEL_ORDER = {"ORG": 0, "LOC": 1, "PERSON": 2}


def rank(c: Candidate) -> int:
    """Higher wins an overlap; weak gazetteer entries rank below every model entity."""
    return 0 if c.weak else _RANK.get(c.source, 0)


def _absorbed(inner: Candidate, org: Candidate) -> bool:
    """A place, a listed institution, or anything the ORG's source outranks, is part of the ORG's name."""
    inside = org.start <= inner.start and inner.end <= org.end
    if not inside or inner.end - inner.start >= org.end - org.start:
        return False
    listed = inner.label == "ORG" and inner.source == GAZETTEER
    return inner.label == "LOC" or listed or rank(org) >= rank(inner)


def _inside_an_org(c: Candidate, orgs: list[Candidate], org_starts: list[int], longest: int) -> bool:
    # Only ORGs starting at most ``longest`` before c's end can contain c: linear in the document's length.
    lo, k = bisect_left(org_starts, c.end - longest), bisect_right(org_starts, c.start)
    return any(_absorbed(c, o) for o in orgs[lo:k] if o.end >= c.end)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping mentions, sorted by offset, chosen by the precedence above."""
    cands = sorted(set(candidates), key=lambda c: (c.start, c.end))
    orgs = sorted((c for c in cands if c.label == "ORG" and not c.weak), key=lambda c: c.start)
    org_starts = [o.start for o in orgs]
    longest = max((o.end - o.start for o in orgs), default=0)
    kept = [c for c in cands if not _inside_an_org(c, orgs, org_starts, longest)]
    kept.sort(key=lambda c: (-rank(c), -(c.end - c.start), c.start, _LABEL_ORDER.get(c.label, 9), c.source))
    return select_non_overlapping(kept, lambda c: (c.start, c.end))
