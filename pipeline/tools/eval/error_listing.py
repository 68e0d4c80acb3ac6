"""Per-document error listing: each missed and each spurious item, shown in its sentence.

Why: an F1 table says how much is wrong, not what. Read side by side, the listed sentences show whole
categories of failure (a suffix never recognised, a cue never read), which is what quality work fixes.
Items are compared exactly as the scorer compares them (:func:`pipeline.tools.eval.scoring.keyed`); the surface and
sentence are only for the reader.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.io.export import doc_name, records
from pipeline.tools.eval.scoring import TYPES, keyed

CONTEXT_CHARS = 240


@dataclass(frozen=True)
class DocText:
    """A document's cleaned text and its sentence spans, to show an item in context."""

    text: str
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ErrorItem:
    set_name: str
    doc: str
    lang: str
    type: str
    kind: str  # "missed" (in the gold, not predicted) or "spurious" (predicted, not in the gold)
    key: str
    surface: str
    sentence: str
    note: str = ""


def _key_text(key: Any) -> str:
    if isinstance(key, tuple):
        return " | ".join("" if k is None else str(k) for k in key)
    return str(key)


def _by_key(doc: Mapping[str, Any]) -> dict[str, dict[Any, list[str]]]:
    out: dict[str, dict[Any, list[str]]] = {t: {} for t in TYPES}
    for t, key, surface in keyed(doc):
        out[t].setdefault(key, []).append(surface)
    return out


def sentence_of(doc: DocText | None, surface: str) -> str:
    """The sentence holding the first occurrence of ``surface``, the item marked ⟦…⟧, trimmed around it."""
    if doc is None or not surface:
        return ""
    pos = doc.text.find(surface)
    if pos < 0:
        pos = doc.text.lower().find(surface.lower())
    if pos < 0:
        return "(not found as written in the cleaned text)"
    start, end = next(((s, e) for s, e in doc.sentences if s <= pos < e), (pos, pos + len(surface)))
    end = max(end, pos + len(surface))
    left = doc.text[max(start, pos - CONTEXT_CHARS // 2):pos]
    right = doc.text[pos + len(surface):min(end, pos + len(surface) + CONTEXT_CHARS // 2)]
    marked = f"{left}⟦{doc.text[pos:pos + len(surface)]}⟧{right}"
    return re.sub(r"\s+", " ", marked).strip()


def _delegate_note(name: str, pred_keys: dict[str, dict[Any, list[str]]], kind: str) -> str:
    """What the other side says of the person behind a DELEGATE error (a wrong body, no body, no person)."""
    bodies = sorted(body for (n, body) in pred_keys["DELEGATE"] if n == name)
    if bodies:
        return f"{'predicted' if kind == 'missed' else 'gold'} body: {', '.join(bodies)}"
    if name in pred_keys["PERSON"]:
        return f"{'predicted' if kind == 'missed' else 'gold'}: a person with no body"
    return f"person not {'predicted' if kind == 'missed' else 'in the gold'}"


def list_errors(set_name: str, gold: Iterable[Mapping[str, Any]], pred: Iterable[Mapping[str, Any]],
                texts: Mapping[str, DocText]) -> list[ErrorItem]:
    """Every missed and spurious item of the gold documents (documents are matched by their key)."""
    merged_gold: dict[str, dict[str, Any]] = {}
    for d in gold:
        merged = merged_gold.setdefault(str(d["doc"]).split("#")[0], {"lang": d.get("lang", "?"), "docs": []})
        merged["docs"].append(d)
    merged_pred: dict[str, list[Mapping[str, Any]]] = {}
    for d in pred:
        merged_pred.setdefault(str(d["doc"]).split("#")[0], []).append(d)
    out: list[ErrorItem] = []
    for name in sorted(merged_gold):
        g_keys = _union(_by_key(d) for d in merged_gold[name]["docs"])
        p_keys = _union(_by_key(d) for d in merged_pred.get(name, []))
        lang = str(merged_gold[name]["lang"])
        for t in TYPES:
            for kind, mine, theirs in (("missed", g_keys, p_keys), ("spurious", p_keys, g_keys)):
                for key in sorted(set(mine[t]) - set(theirs[t]), key=_key_text):
                    surface = mine[t][key][0]
                    note = _delegate_note(key[0], theirs, kind) if t == "DELEGATE" else ""
                    out.append(ErrorItem(set_name, name, lang, t, kind, _key_text(key), surface,
                                         sentence_of(texts.get(name), surface), note))
    return out


def _union(parts: Iterable[dict[str, dict[Any, list[str]]]]) -> dict[str, dict[Any, list[str]]]:
    out: dict[str, dict[Any, list[str]]] = {t: {} for t in TYPES}
    for part in parts:
        for t, keys in part.items():
            for key, surfaces in keys.items():
                out[t].setdefault(key, []).extend(surfaces)
    return out


def to_markdown(errors: Sequence[ErrorItem], title: str = "Error listing") -> str:
    """A page a person reads to find categories: a summary, then each document's errors by type."""
    counts = Counter((e.set_name, e.type, e.kind) for e in errors)
    sets = list(dict.fromkeys(e.set_name for e in errors))
    lines = [f"# {title}", "",
             "Each item the scorer counts as missed (in the gold, not predicted) or spurious (predicted, not in",
             "the gold), per document, with the sentence it stands in (⟦item⟧ marks it). Keys are compared as",
             "the reference scorer compares them; a figure's key is `unit | value | value_high`.", "",
             "| set | type | missed | spurious |", "|---|---|---|---|"]
    lines += [f"| {s} | {t} | {counts[(s, t, 'missed')]} | {counts[(s, t, 'spurious')]} |"
              for s in sets for t in TYPES if counts[(s, t, "missed")] or counts[(s, t, "spurious")]]
    current: tuple[str, str] | None = None
    for e in errors:
        if (e.set_name, e.doc) != current:
            current = (e.set_name, e.doc)
            lines += ["", f"## {e.set_name} / {e.doc} ({e.lang})"]
        detail = f" ({e.note})" if e.note else ""
        shown = e.key if e.type in ("FIGURE", "MEASURE") else e.surface
        where = f" — {e.sentence}" if e.sentence else ""
        lines.append(f"- {e.type} {e.kind} `{shown}`{detail}"
                     f"{' `' + e.surface + '`' if e.type in ('FIGURE', 'MEASURE') else ''}{where}")
    return "\n".join(lines) + "\n"


def write_listing(errors: Sequence[ErrorItem], path: Path) -> tuple[Path, Path]:
    """The Markdown page at ``path`` and the same items as JSON lines beside it (for grouping by script)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_markdown(errors), encoding="utf-8")
    jsonl = path.with_suffix(".jsonl")
    jsonl.write_text("".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    return path, jsonl


def document_texts(run: Path) -> dict[str, DocText]:
    """Each document's cleaned text and sentence spans, keyed like the gold (for the error listing)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for s in records("sentences", run):
        spans.setdefault(str(s["doc_id"]), []).append((int(s["start"]), int(s["end"])))
    return {doc_name(str(d["source"])): DocText(str(d["text"]), tuple(sorted(spans.get(str(d["doc_id"]), []))))
            for d in records("documents", run)}
