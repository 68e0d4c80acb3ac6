"""Property tests for relate(): it never raises, and its records point back at the input mentions.

The sentences are any partition of the text into spans (relate must hold whatever the segment stage cut).
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.delegates import relate
from pipeline.delegates.lexicon import cue_lexicon
from pipeline.records import LOC, ORG, PERSON, Mention, Sentence

BODIES = set(cue_lexicon().bodies)

# Pieces that trigger the rules, so random documents reach them.
FRAGMENTS = [
    "全国人大代表",
    "全国政协委员",
    "全国政协常委",
    "全国人大常委会委员",
    "、",
    "，",
    "。",
    "：",
    "等6位代表",
    "委员说",
    "代表说",
    "江苏省人大代表",
    "市政协委员",
    "十四届全国人大四次会议",
    "参加他所在的江苏代表团审议",
    "原",
    "厅长",
    "作为",
    ", a member of the 14th CPPCC National Committee",
    ", a representative of the 14th National People's Congress",
    " and deputy director of the Institute",
    "NPC deputy ",
    " and ",
    ", ",
    ". ",
    "reporter ",
    "Mayor ",
    " said",
    " as a member of the CPPCC National Committee, he",
    "(",
    ")",
    "\n",
    " ",
    "Second Session of the 14th NPC",
    "两会特刊\n",
    "代表委员",
    "等代表",
    "他是全国人大代表",
    "作为全国人大代表，",
    "（2026年03月05日第 08 版）",
    "省两会",
    " (",
    "（",
    "）",
    "Two members of the CPPCC are ",
    " include ",
    "said a member of the CPPCC National Committee. ",
    ", a member of the top advisory body called the CPPCC",
]
NAMES = ["张国梁", "武强", "史志军", "欧阳华", "Yan Hongwei", "Chen Qianlin", "Yan", "Du Jun", "唐建波", "Tang Jianbo"]
ORGS = ["江苏省自然资源厅", "中国工程院", "Guizhou University", "Jiuquan Iron and Steel Group"]

piece = st.one_of(
    st.sampled_from(FRAGMENTS).map(lambda s: ("", s)),
    st.sampled_from(NAMES).map(lambda s: (PERSON, s)),
    st.sampled_from(ORGS).map(lambda s: (ORG, s)),
    st.text(max_size=4).map(lambda s: ("", s)),
)


def build(pieces: list[tuple[str, str]], overlap: int) -> tuple[str, list[Mention]]:
    text, mentions = "", list[Mention]()
    for label, s in pieces:
        if label:
            start = len(text)
            mentions.append(Mention(start, start + len(s), s, label, "test", mention_id=f"m{len(mentions)}"))
        text += s
    if overlap and mentions:  # an overlapping extra mention, as a noisy NER could give
        m = mentions[overlap % len(mentions)]
        end = min(len(text), m.end + 1)
        mentions.append(Mention(m.start, end, text[m.start : end], LOC, "test", mention_id="overlap"))
        mentions.append(Mention(m.start, end, text[m.start : end], PERSON, "test", mention_id="overlap-p"))
    return text, mentions


def partition(text: str, cuts: list[int]) -> list[Sentence]:
    """Sentences that cut ``text`` at the given offsets (any cut is a sentence the segment stage could make)."""
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [Sentence(i, a, b, "zh") for i, (a, b) in enumerate(pairwise(points)) if a < b]


@settings(max_examples=250, deadline=None)
@given(st.lists(piece, max_size=30), st.integers(min_value=0, max_value=5),
       st.lists(st.integers(min_value=0, max_value=400), max_size=8))
def test_relate_never_raises_and_covers_every_person(pieces: list[tuple[str, str]], overlap: int,
                                                     cuts: list[int]) -> None:
    text, mentions = build(pieces, overlap)
    delegates = relate(text, mentions, partition(text, cuts))
    person_ids = [m.mention_id for m in mentions if m.label == PERSON]
    got = [mid for d in delegates for mid in d.mention_ids]
    assert sorted(got) == sorted(person_ids)  # every person mention in exactly one delegate, nothing else
    for d in delegates:
        assert d.body is None or d.body in BODIES
        assert d.name in {m.text.strip() for m in mentions if m.mention_id in d.mention_ids}
        if d.body is not None:
            assert d.evidence_start is not None and d.evidence_end is not None
            assert 0 <= d.evidence_start < d.evidence_end <= len(text)
        assert all(t and t in text for t in d.titles)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 250), st.integers(-5, 250)), max_size=6))
def test_relate_tolerates_bad_offsets(text: str, spans: list[tuple[int, int]]) -> None:
    mentions = [
        Mention(a, b, text[a:b] if 0 <= a < b <= len(text) else "x", PERSON, "test", mention_id=f"b{i}")
        for i, (a, b) in enumerate(spans)
    ]
    delegates = relate(text, mentions, partition(text, [len(text) // 2]))
    assert sorted(mid for d in delegates for mid in d.mention_ids) == sorted(m.mention_id for m in mentions)
