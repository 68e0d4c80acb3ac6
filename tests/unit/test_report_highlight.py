"""Entity highlighting: marks sit on the right characters, nest or get listed, and text stays text."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import LABELS
from pipeline.tools.report import Span, highlight
from tests.unit.test_report_fixture import MarkReader, read_marks


def _read(fragment: str) -> MarkReader:
    return read_marks(f'<article id="d"><div class="doc-text">{fragment}</div></article>')


def _span(text: str, surface: str, label: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return Span(at, at + len(surface), label, surface, f"{label}-{at}")


def test_report_highlight_nests_a_mineral_inside_a_figure() -> None:
    text = "Output rose to 3.5 million tonnes of copper in Tibet."
    spans = [_span(text, "copper", "MINERAL"), _span(text, "3.5 million tonnes of copper", "FIGURE"),
             _span(text, "Tibet", "LOC")]
    out = highlight(text, spans)
    marks = _read(out.html).marks
    assert [(m["label"], m["text"], m["depth"], m["start"]) for m in marks] == [
        ("FIGURE", "3.5 million tonnes of copper", 0, 15), ("MINERAL", "copper", 1, 37),
        ("LOC", "Tibet", 0, 47)]
    assert out.unplaced == () and _read(out.html).doc_texts["d"] == text
    assert '<mark class="ent ent-MINERAL" data-label="MINERAL"' in out.html
    assert out.html.count('<span class="label">') == 3


def test_report_highlight_lists_crossing_spans_instead_of_marking_them() -> None:
    text = "the Tibet Autonomous Region Government said"
    loc = _span(text, "Tibet Autonomous Region", "LOC")
    org = _span(text, "Autonomous Region Government", "ORG")
    out = highlight(text, [org, loc])
    assert [m.label for m in out.marked] == ["LOC"]
    assert [u.span for u in out.unplaced] == [org] and "crosses LOC" in out.unplaced[0].reason
    assert _read(out.html).doc_texts["d"] == text


def test_report_highlight_escapes_markup_in_text_and_surfaces() -> None:
    text = 'Zijin <script>alert("x")</script> & "<b>Acme & Sons</b>" agreed'
    out = highlight(text, [_span(text, "<b>Acme & Sons</b>", "ORG"), _span(text, "Zijin", "ORG")])
    assert "<script>" not in out.html and "<b>" not in out.html
    assert "&lt;script&gt;" in out.html and "&amp; Sons" in out.html
    reader = _read(out.html)
    assert reader.doc_texts["d"] == text
    assert [m["text"] for m in reader.marks] == ["Zijin", "<b>Acme & Sons</b>"]
    assert set(reader.tags) == {"article", "div", "mark", "span"}


def test_report_highlight_attributes_cannot_break_out() -> None:
    span = Span(0, 4, 'ORG" onmouseover="x', "Acme", 'id"><script>', 'can"on')
    out = highlight("Acme Ltd", [span])
    assert "<script>" not in out.html and 'onmouseover="x"' not in out.html
    mark = _read(out.html).marks[0]
    assert mark["label"] == span.label and mark["mention"] == span.mention_id


def test_report_highlight_cuts_text_and_drops_spans_past_the_cut() -> None:
    text = "gold in Shandong and copper in Yunnan"
    spans = [_span(text, "gold", "MINERAL"), _span(text, "Shandong", "LOC"), _span(text, "copper", "MINERAL"),
             _span(text, "Yunnan", "LOC")]
    cut = text.index("copper") + 3  # inside "copper"
    out = highlight(text, spans, limit=cut)
    assert out.shown_chars == cut and _read(out.html).doc_texts["d"] == text[:cut]
    assert [m.text for m in out.marked] == ["gold", "Shandong"]
    assert [(u.span.text, u.reason) for u in out.unplaced] == [
        ("copper", "beyond the shown part of the text"), ("Yunnan", "beyond the shown part of the text")]


def test_report_highlight_refuses_spans_whose_offsets_do_not_match() -> None:
    text = "gold in Shandong"
    bad = [Span(0, 4, "MINERAL", "gild"), Span(10, 40, "LOC", "x"), Span(5, 5, "LOC", ""),
           Span(-1, 2, "LOC", "")]
    out = highlight(text, bad)
    assert out.marked == () and len(out.unplaced) == 4
    assert all(u.reason == "offsets do not match the document text" for u in out.unplaced)
    assert out.html == text


ALPHABET = "ab <>&\"'\n铜金矿山 "


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span], int]:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
    n = draw(st.integers(0, 12))
    spans = []
    for i in range(n):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(Span(start, end, draw(st.sampled_from(LABELS)), text[start:end], f"m{i}"))
    return text, spans, draw(st.integers(0, len(text) + 5))


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_report_highlight_every_span_is_marked_in_place_or_listed(case: tuple[str, list[Span], int]) -> None:
    text, spans, limit = case
    out = highlight(text, spans, limit)
    reader = _read(out.html)
    assert reader.doc_texts["d"] == text[:limit]
    assert Counter(out.marked) + Counter(u.span for u in out.unplaced) == Counter(spans)
    by_id = {s.mention_id: s for s in out.marked}
    assert len(reader.marks) == len(out.marked)
    for mark in reader.marks:
        span = by_id[mark["mention"]]
        assert (mark["start"], mark["text"], mark["label"]) == (span.start, span.text, span.label)
        assert span.end <= limit
    for a in out.marked:
        for b in out.marked:
            crossing = a.start < b.start < a.end < b.end
            assert not crossing, (a, b)
