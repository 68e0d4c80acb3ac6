"""Entities highlighted in text the way displaCy does it, as escaped HTML.

Why shared: the run report (:mod:`pipeline.tools.report`) and the notebook view of
``pipeline.extract`` results (:func:`pipeline.api.show`) mark entities the same way:
``<mark class="ent ent-ORG" data-label="ORG">...<span class="label">ORG</span></mark>``.
Overlap rule: spans are placed left to right, the longer first at one start; a span wholly
inside a placed span is rendered as a nested ``<mark>`` inside it; a span that
crosses a placed span's boundary, lies beyond the shown text, or whose offsets
do not match the text is not marked inline but returned as unplaced, with the reason.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

BEYOND_CUT = "beyond the shown part of the text"
BAD_OFFSETS = "offsets do not match the document text"
# The marks' colours and layout; the report page and the notebook view both embed it.
ENTITY_CSS = Path(__file__).with_name("entities.css").read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Span:
    """A mention as the page needs it (offsets are code points, end-exclusive)."""

    start: int
    end: int
    label: str
    text: str = ""
    mention_id: str = ""
    note: str | None = None  # shown as a tooltip: the mineral's canonical name, the institution key


@dataclass(slots=True)
class _Node:
    span: Span
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A span not marked inline, and why."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Highlighted:
    html: str
    marked: tuple[Span, ...]
    unplaced: tuple[Unplaced, ...]
    shown_chars: int


def describe(s: Span) -> str:
    return f"{s.label} “{s.text}” [{s.start}–{s.end}]"


def place_spans(text: str, spans: Iterable[Span],
                limit: int | None = None) -> tuple[list[_Node], list[Unplaced]]:
    """Spans to a forest of properly nested spans (see the module doc) plus the ones left out."""
    shown = len(text) if limit is None else min(limit, len(text))
    roots: list[_Node] = []
    unplaced: list[Unplaced] = []
    stack: list[_Node] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.mention_id)):
        if not (0 <= s.start < s.end <= len(text)) or (s.text and text[s.start:s.end] != s.text):
            unplaced.append(Unplaced(s, BAD_OFFSETS))
            continue
        if s.end > shown:
            unplaced.append(Unplaced(s, BEYOND_CUT))
            continue
        while stack and stack[-1].span.end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].span.end:
            unplaced.append(Unplaced(s, f"crosses {describe(stack[-1].span)}"))
            continue
        node = _Node(s)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots, unplaced


def css_label(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", label) or "_"


def _open_mark(s: Span) -> str:
    """The opening tag; the span's note (canonical name, key), when there is one, shows as a tooltip."""
    title = f' title="{html.escape(s.note)}"' if s.note else ""
    return (f'<mark class="ent ent-{css_label(s.label)}" data-label="{html.escape(s.label)}" '
            f'data-mention="{html.escape(s.mention_id)}"{title}>')


def _render(text: str, nodes: list[_Node], start: int, end: int, out: list[str], marked: list[Span]) -> None:
    pos = start
    for node in nodes:
        s = node.span
        out.append(html.escape(text[pos:s.start]))
        out.append(_open_mark(s))
        marked.append(s)
        _render(text, node.children, s.start, s.end, out, marked)
        out.append(f'<span class="label">{html.escape(s.label)}</span></mark>')
        pos = s.end
    out.append(html.escape(text[pos:end]))


def highlight(text: str, spans: Iterable[Span], limit: int | None = None) -> Highlighted:
    """The first ``limit`` characters of ``text`` as escaped HTML with the placeable spans marked."""
    shown = len(text) if limit is None else max(0, min(limit, len(text)))
    roots, unplaced = place_spans(text, spans, shown)
    out: list[str] = []
    marked: list[Span] = []
    _render(text, roots, 0, shown, out, marked)
    return Highlighted("".join(out), tuple(marked), tuple(unplaced), shown)


def _note_of(mineral: Any, key: Any) -> str | None:
    for x in (mineral, key):
        if isinstance(x, str) and x:
            return x
    return None


def spans_by_doc(mentions: pd.DataFrame) -> dict[str, list[Span]]:
    """Spans per document from rows of the mentions table; the note is the mineral or institution key."""
    cols = [mentions[c].tolist() for c in ("doc_id", "start", "end", "label", "text", "mention_id", "mineral",
                                           "institution_key")]
    out: dict[str, list[Span]] = {}
    for doc_id, start, end, label, text, mid, mineral, key in zip(*cols, strict=True):
        out.setdefault(str(doc_id), []).append(Span(int(start), int(end), str(label), str(text), str(mid),
                                                    _note_of(mineral, key)))
    return out


def document_html(text: str, spans: Iterable[Span], heading: str = "", limit: int | None = None) -> str:
    """One document as a self-contained HTML fragment (its own CSS), for a notebook cell or a page.

    Spans that cannot be marked inline are listed under the text with the reason.
    """
    shown = highlight(text, spans, limit)
    parts = [f"<style>{ENTITY_CSS}\n.mining-ner-doc .text {{ white-space: pre-wrap; line-height: 2.3; }}\n"
             ".mining-ner-doc .unplaced { font-size: .85em; color: #5b6570; }</style>",
             '<div class="mining-ner-doc">']
    if heading:
        parts.append(f"<h4>{html.escape(heading)}</h4>")
    parts.append(f'<div class="text">{shown.html}</div>')
    if shown.shown_chars < len(text):
        parts.append(f'<p class="unplaced">Text cut at {shown.shown_chars:,} of {len(text):,} characters.</p>')
    listed = [u for u in shown.unplaced if u.reason != BEYOND_CUT]
    if listed:
        items = "".join(f"<li>{html.escape(f'{describe(u.span)}: {u.reason}')}</li>" for u in listed)
        parts.append(f'<ul class="unplaced">{items}</ul>')
    parts.append("</div>")
    return "\n".join(parts)
