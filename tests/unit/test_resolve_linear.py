"""Overlap resolution is linear in the document's length and decides exactly as the pairwise rules do."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import FIGURE, LOC, MINERAL, ORG, PERSON, Mention
from pipeline.stages.resolve import ENTITY_LABELS, resolve_mentions


def _pairwise(mentions: list[Mention]) -> list[Mention]:
    """The precedence written as plain pairwise comparisons (the definition the fast version must match)."""
    unique = list({(m.start, m.end, m.label): m for m in reversed(mentions)}.values())
    entities = [m for m in unique if m.label in ENTITY_LABELS]
    figures = [m for m in unique if m.label == FIGURE
               and not any(e.start <= m.start and m.end <= e.end for e in entities)]
    minerals = [m for m in unique if m.label == MINERAL
                and not any(m.start < e.end and e.start < m.end for e in entities)
                and not any(m.start < f.end and f.start < m.end and not (f.start <= m.start and m.end <= f.end)
                            for f in figures)]
    return sorted(entities + figures + minerals, key=lambda m: (m.start, m.end, m.label))


_span = st.tuples(st.integers(0, 60), st.integers(1, 12), st.sampled_from([PERSON, ORG, LOC, FIGURE, MINERAL]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_span, max_size=25))
def test_resolve_matches_pairwise_definition(spans: list[tuple[int, int, str]]) -> None:
    mentions = [Mention(s, s + n, "x" * n, label, "test") for s, n, label in spans]
    key = [(m.start, m.end, m.label) for m in resolve_mentions(mentions)]
    assert key == [(m.start, m.end, m.label) for m in _pairwise(mentions)]


def _doc(n: int) -> list[Mention]:
    """n repetitions of a name, a figure with a mineral inside, and a mineral crossing a figure."""
    out = []
    for i in range(n):
        o = 100 * i
        out += [Mention(o, o + 6, "x" * 6, ORG, "t"), Mention(o + 2, o + 4, "xx", MINERAL, "t"),
                Mention(o + 10, o + 20, "x" * 10, FIGURE, "t"), Mention(o + 12, o + 14, "xx", MINERAL, "t"),
                Mention(o + 18, o + 24, "x" * 6, MINERAL, "t")]
    return out


def test_resolve_time_grows_linearly() -> None:
    small, large = _doc(2_000), _doc(20_000)
    t0 = time.perf_counter()
    resolve_mentions(small)
    t1 = time.perf_counter()
    kept = resolve_mentions(large)
    t2 = time.perf_counter()
    assert len(kept) == 20_000 * 3  # the ORG, the figure and the mineral inside it
    assert (t2 - t1) < 25 * (t1 - t0) + 0.5  # 10x the mentions: ~10x the time (quadratic would be ~100x)
