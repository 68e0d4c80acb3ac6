"""Property tests for relate(): it never raises, and its records point back at the input mentions."""

from __future__ import annotations

import json
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.delegates import relate
from pipeline.records import LOC, ORG, PERSON, Mention

BODIES = set(
    json.loads(resources.files("pipeline.delegates").joinpath("cues.json").read_text("utf-8"))["bodies"]
)

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
]
NAMES = ["张国梁", "武强", "史志军", "欧阳华", "Yan Hongwei", "Chen Qianlin", "Yan", "Du Jun"]
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


@settings(max_examples=250, deadline=None)
@given(st.lists(piece, max_size=30), st.integers(min_value=0, max_value=5))
def test_relate_never_raises_and_covers_every_person(pieces: list[tuple[str, str]], overlap: int) -> None:
    text, mentions = build(pieces, overlap)
    delegates = relate(text, mentions)
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
    delegates = relate(text, mentions)
    assert sorted(mid for d in delegates for mid in d.mention_ids) == sorted(m.mention_id for m in mentions)
