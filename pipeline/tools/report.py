"""One self-contained HTML page about a run: what was read, what was found, what failed.

Why: a nightly run leaves Parquet tables that nobody opens; a single static page
(inline CSS, no scripts, no external assets) can be mailed or archived next to
the data and read in any browser. Everything shown comes from the tables of the
output folder, filtered to one run, so the page says what that run did.

Entities are highlighted in the cleaned text the way displaCy does it, by
:mod:`pipeline.tools.highlight` (the notebook view uses the same); spans that cannot be
marked inline are listed under the document with the reason.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from string import Template
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.io.catalog import read_arrow
from pipeline.records import LABELS
from pipeline.tools.highlight import (
    BAD_OFFSETS,
    BEYOND_CUT,
    ENTITY_CSS,
    Highlighted,
    Span,
    Unplaced,
    css_label,
    describe,
    highlight,
    place_spans,
    spans_by_doc,
)

DEFAULT_MAX_DOC_CHARS = 20_000
DEFAULT_MAX_DOCS = 100
TOP_ROWS = 50  # rows of the minerals and figures tables
MAX_TABLE_ROWS = 500  # rows of the people and errors tables
TEMPLATE = Path(__file__).with_name("report_template.html")
SECTIONS = (("summary", "Summary"), ("counts", "Entity counts"), ("minerals", "Top minerals"),
            ("figures", "Top figures"), ("people", "People"), ("errors", "Errors"),
            ("documents", "Documents"))


__all__ = ["BAD_OFFSETS", "BEYOND_CUT", "Highlighted", "ReportError", "RunData", "Span", "Unplaced", "highlight",
           "load_run", "place_spans", "render_report", "write_report"]


class ReportError(ValueError):
    """The output folder has no run to report on, or not the run asked for."""


# ---------------------------------------------------------------- data of one run


@dataclass(frozen=True)
class RunData:
    """The rows of one run, table by table (``run`` is None when the run never wrote its runs row)."""

    run_id: str
    run: dict[str, Any] | None
    runs: pd.DataFrame
    documents: pd.DataFrame
    mentions: pd.DataFrame
    figures: pd.DataFrame
    people: pd.DataFrame
    errors: pd.DataFrame


def _decode(table: pa.Table) -> pa.Table:
    """Dictionary columns to plain strings, so pandas sees str/None rather than categoricals."""
    for i, f in enumerate(table.schema):
        if pa.types.is_dictionary(f.type):
            table = table.set_column(i, f.name, pc.cast(table.column(i), f.type.value_type))
    return table


def _rows_of(name: str, out: Path, run_id: str | None) -> pd.DataFrame:
    table = _decode(read_arrow(name, out))
    if run_id is not None:
        table = table.filter(pc.equal(table["run_id"], run_id))
    return table.to_pandas()


def _known_run_ids(out: Path) -> list[str]:
    ids = set(_rows_of("runs", out, None)["run_id"]) | set(_rows_of("documents", out, None)["run_id"])
    return sorted(ids)


def load_run(out: Path, run_id: str | None = None) -> RunData:
    """Rows of ``run_id`` (default: the newest run in the runs table) from the output folder ``out``."""
    out = Path(out)
    runs = _rows_of("runs", out, None)
    if run_id is None:
        if len(runs):
            run_id = str(runs.sort_values(["started_at", "run_id"])["run_id"].iloc[-1])
        else:
            known = _known_run_ids(out)
            if not known:
                raise ReportError(f"{out} holds no runs (not a pipeline output folder, or nothing written)")
            run_id = known[-1]
    match = runs[runs["run_id"] == run_id]
    run = {str(k): v for k, v in match.iloc[-1].to_dict().items()} if len(match) else None
    documents = _rows_of("documents", out, run_id)
    errors = _rows_of("errors", out, run_id)
    if run is None and not len(documents) and not len(errors):
        known = _known_run_ids(out)
        raise ReportError(f"run {run_id!r} not found in {out}; runs there: {known[-10:] or 'none'}")
    mentions = _with_langs(_rows_of("mentions", out, run_id), documents)
    return RunData(run_id=run_id, run=run, runs=runs, documents=documents,
                   mentions=mentions, figures=_rows_of("figures", out, run_id),
                   people=_rows_of("people", out, run_id), errors=errors)


# ---------------------------------------------------------------- formatting helpers


def _missing(x: Any) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    return isinstance(x, float) and math.isnan(x)


def _esc(x: Any) -> str:
    return "" if _missing(x) else html.escape(str(x))


def _num(x: Any) -> str:
    """Plain number for people: thousands separators, no float noise."""
    if _missing(x):
        return ""
    v = float(x)
    if v.is_integer() and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.6g}"


def _seconds(x: Any) -> str:
    return "" if _missing(x) else f"{float(x):,.2f}"


def _when(x: Any) -> str:
    if _missing(x):
        return ""
    return pd.Timestamp(x).strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def _items(x: Any) -> list[str]:
    if x is None or (not isinstance(x, (list, tuple)) and not hasattr(x, "tolist") and _missing(x)):
        return []
    return [str(v) for v in (x.tolist() if hasattr(x, "tolist") else x)]


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], num: Iterable[int] = (), cls: str = "",
           foot: Sequence[str] | None = None, wide: Iterable[int] = ()) -> str:
    """An HTML table from already escaped cells; ``num`` columns are right-aligned, ``wide`` ones wrap."""
    classes = {i: "num" for i in num} | {i: "msg" for i in wide}

    def tr(tag: str, cells: Sequence[str], attr: str = "") -> str:
        return f"<tr{attr}>" + "".join(
            f'<{tag} class="{classes[i]}">{v}</{tag}>' if i in classes else f"<{tag}>{v}</{tag}>"
            for i, v in enumerate(cells)) + "</tr>\n"

    body = "".join(tr("td", r) for r in rows) + (tr("td", foot, ' class="total"') if foot else "")
    attr = f' class="{cls}"' if cls else ""
    thead = tr("th", [html.escape(h) for h in head])
    return f"<table{attr}>\n<thead>{thead}</thead>\n<tbody>\n{body}</tbody>\n</table>"


def _section(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}">\n<h2>{html.escape(title)}</h2>\n{body}\n</section>'


def _note(text: str, warn: bool = False) -> str:
    return f'<p class="note{" warn" if warn else ""}">{html.escape(text)}</p>'


def _lang_order(langs: Iterable[str]) -> list[str]:
    """en and zh first (the corpus languages), then the rest alphabetically."""
    found = set(langs)
    return [x for x in ("en", "zh") if x in found] + sorted(found - {"en", "zh"})


def _label_order(labels: Iterable[str]) -> list[str]:
    found = set(labels)
    return [x for x in LABELS if x in found] + sorted(found - set(LABELS))


def _with_langs(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions plus ``shown_lang``: the mention's language, else its document's, else ``?``."""
    doc_lang = dict(zip(documents["doc_id"].tolist(), documents["lang"].tolist(), strict=True))
    shown = [lang if isinstance(lang, str) and lang else (doc_lang.get(d) or "?")
             for lang, d in zip(mentions["lang"].tolist(), mentions["doc_id"].tolist(), strict=True)]
    return mentions.assign(shown_lang=pd.Series(shown, index=mentions.index, dtype=object))


# ---------------------------------------------------------------- sections


def _summary(data: RunData) -> str:
    r = data.run or {}
    hard = int((data.errors["level"] == "error").sum()) if len(data.errors) else 0
    warnings = len(data.errors) - hard
    facts: list[tuple[str, str]] = [("Run id", html.escape(data.run_id))]
    if data.run is None:
        facts.append(("Status", '<span class="warn">unfinished: the run wrote no runs row</span>'))
    else:
        facts += [("Status", _esc(r.get("status"))), ("Started", _esc(_when(r.get("started_at")))),
                  ("Finished", _esc(_when(r.get("finished_at"))))]
    facts += [
        ("Inputs", _num(r.get("n_inputs", len(data.documents) + hard))),
        ("Documents", _num(r.get("n_documents", len(data.documents)))),
        ("Skipped (already done)", _num(r.get("n_skipped"))),
        ("Errors", _num(r.get("n_errors", hard))),
        ("Warnings", _num(warnings)),
        ("Mentions", _num(r.get("n_mentions", len(data.mentions)))),
        ("Characters", _num(r.get("n_chars", data.documents["n_chars"].sum() if len(data.documents) else 0))),
        ("Wall seconds", _seconds(r.get("wall_seconds"))),
    ]
    if data.run is not None:
        overrides = _items(r.get("overrides"))
        facts += [("Config hash", _esc(r.get("config_hash"))), ("Fingerprint", _esc(r.get("fingerprint"))),
                  ("Overrides", _esc(" ".join(overrides)) or "none")]
    parts = ['<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"]
    stages = _json(r.get("stage_seconds_json"))
    if stages:
        total = sum(float(v) for v in stages.values()) or 1.0
        rows = [(html.escape(k), _seconds(v), f"{100 * float(v) / total:.1f}%") for k, v in stages.items()]
        parts.append("<h3>Seconds per stage</h3>")
        parts.append(_table(("stage", "seconds", "share"), rows, num=(1, 2), cls="stages"))
    versions = _json(r.get("versions_json"))
    if versions:
        parts.append("<h3>Versions</h3>")
        pairs = [(html.escape(k), _esc(v)) for k, v in versions.items()]
        parts.append(_table(("component", "version"), pairs))
    if len(data.runs) > 1:
        recent = data.runs.sort_values(["started_at", "run_id"]).tail(10).iloc[::-1]
        listed = [(f"<strong>{_esc(x.run_id)}</strong>" if x.run_id == data.run_id else _esc(x.run_id),
                   _esc(_when(x.started_at)), _num(x.n_documents), _num(x.n_skipped), _num(x.n_errors),
                   _seconds(x.wall_seconds)) for x in recent.itertuples()]
        parts.append(f"<h3>Runs in this folder (newest {len(listed)} of {len(data.runs)})</h3>")
        parts.append(_table(("run id", "started", "documents", "skipped", "errors", "wall seconds"), listed,
                            num=(2, 3, 4, 5)))
    return _section("summary", "Summary", "\n".join(parts))


def _json(x: Any) -> dict[str, Any]:
    if _missing(x) or not x:
        return {}
    try:
        value = json.loads(str(x))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def entity_counts(data: RunData) -> pd.DataFrame:
    """Mentions per label (rows) and language (columns), with totals."""
    frame = pd.DataFrame({"label": data.mentions["label"].astype(str), "lang": data.mentions["shown_lang"]})
    labels = _label_order(frame["label"])
    langs = _lang_order(frame["lang"])
    table = frame.groupby(["label", "lang"]).size().unstack(fill_value=0).reindex(
        index=labels, columns=langs, fill_value=0)
    table["total"] = table.sum(axis=1)
    return table


def _counts(data: RunData) -> str:
    if not len(data.mentions):
        return _section("counts", "Entity counts", _note("No mentions in this run."))
    table = entity_counts(data)
    rows = [[f'<span class="swatch ent-{css_label(str(label))}">{html.escape(str(label))}</span>']
            + [_num(v) for v in row] for label, row in table.iterrows()]
    foot = ["all", *(_num(v) for v in table.sum(axis=0))]
    body = _table(["label", *map(str, table.columns)], rows, num=range(1, len(table.columns) + 1),
                  cls="counts", foot=foot)
    if len(data.documents):
        by_lang = data.documents["lang"].fillna("?").value_counts()
        docs = ", ".join(f"{lang} {by_lang[lang]}" for lang in _lang_order(by_lang.index))
        body += _note(f"Documents by language: {docs}.")
    return _section("counts", "Entity counts", body)


def mineral_counts(data: RunData) -> pd.DataFrame:
    """MINERAL mentions per canonical mineral name (the surface form when none) and language, most frequent first."""
    m = data.mentions[data.mentions["label"] == "MINERAL"]
    if not len(m):
        return pd.DataFrame(columns=["mineral", "total"])
    key = [c if isinstance(c, str) and c else t for c, t in zip(m["mineral"], m["text"], strict=True)]
    frame = pd.DataFrame({"mineral": key, "lang": m["shown_lang"].to_numpy(),
                          "text": m["text"].to_numpy(), "doc_id": m["doc_id"].to_numpy()})
    table = frame.groupby(["mineral", "lang"]).size().unstack(fill_value=0)
    table = table.reindex(columns=_lang_order(table.columns), fill_value=0)
    table["total"] = table.sum(axis=1)
    grouped = frame.groupby("mineral")
    table["forms"] = grouped["text"].agg(lambda s: list(s.value_counts().index))
    table["documents"] = grouped["doc_id"].nunique()
    table = table.reset_index().sort_values(["total", "mineral"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)


def _minerals(data: RunData, top: int) -> str:
    table = mineral_counts(data)
    if not len(table):
        return _section("minerals", "Top minerals", _note("No MINERAL mentions in this run."))
    langs = [c for c in table.columns if c not in ("mineral", "total", "forms", "documents")]
    rows = [[_esc(r["mineral"]), *(_num(r[x]) for x in langs), _num(r["total"]), _num(r["documents"]),
             _esc(", ".join(r["forms"][:8]))] for _, r in table.head(top).iterrows()]
    head = ["mineral", *langs, "total", "documents", "written as"]
    body = _table(head, rows, num=range(1, len(langs) + 3), cls="minerals")
    if len(table) > top:
        body += _note(f"Showing the {top} most frequent of {len(table)} minerals.")
    return _section("minerals", "Top minerals", body)


def figure_rows(data: RunData) -> pd.DataFrame:
    """Figures joined to their mention text, one row per distinct reading, most frequent first."""
    if not len(data.figures):
        return pd.DataFrame(columns=["value", "value_high", "unit", "qualifier", "kind", "count", "texts"])
    text = dict(zip(data.mentions["mention_id"], data.mentions["text"], strict=True))
    f = data.figures.assign(text=[text.get(i, "") for i in data.figures["mention_id"]],
                            order=range(len(data.figures)))
    keys = ["value", "value_high", "unit", "qualifier", "kind", "value_norm", "value_high_norm", "unit_norm"]
    grouped = f.groupby(keys, dropna=False, sort=False)
    table = grouped.agg(count=("mention_id", "size"), documents=("doc_id", "nunique"), first=("order", "min"),
                        texts=("text", lambda s: list(dict.fromkeys(s))))
    table = table.reset_index().sort_values(["count", "first"], ascending=[False, True], kind="stable")
    return table.drop(columns="first").reset_index(drop=True)


def _figures(data: RunData, top: int) -> str:
    table = figure_rows(data)
    if not len(table):
        return _section("figures", "Top figures", _note("No FIGURE readings in this run."))

    def value(low: Any, high: Any) -> str:
        return _num(low) + (f" – {_num(high)}" if not _missing(high) else "")

    rows = [[value(r["value"], r["value_high"]), _esc(r["unit"]), _esc(r["qualifier"]), _esc(r["kind"]),
             _esc(" | ".join(r["texts"][:3])), _num(r["count"]),
             (value(r["value_norm"], r["value_high_norm"]) + " " + _esc(r["unit_norm"])).strip()]
            for _, r in table.head(top).iterrows()]
    body = _table(("value", "unit", "qualifier", "kind", "text", "count", "comparable value"), rows, num=(0, 5, 6),
                  cls="figures")
    note = f"{len(data.figures)} figures, {len(table)} distinct readings"
    body += _note(note + (f"; showing the {top} most frequent." if len(table) > top else "."))
    return _section("figures", "Top figures", body)


def _people(data: RunData, limit: int) -> str:
    """Every person, delegates (those with a body) first."""
    d = data.people
    if not len(d):
        return _section("people", "People", _note("No people in this run."))
    d = d.assign(_nobody=d["delegate_body"].isna(), _body=d["delegate_body"].fillna(""))
    d = d.sort_values(["_nobody", "_body", "name", "doc_id"], kind="stable")
    rows = [[_esc(r.name), _esc(r.delegate_body), _esc("; ".join(_items(r.titles))),
             _esc("; ".join(_items(r.affiliations))), _esc(r.doc_id)] for r in d.head(limit).itertuples()]
    body = _table(("name", "delegate body", "titles", "affiliations", "document"), rows, cls="people")
    delegates = int(d["delegate_body"].notna().sum())
    note = f"{len(d)} people, {delegates} of them delegates"
    body += _note(note + (f"; showing {limit}." if len(d) > limit else "."))
    return _section("people", "People", body)


def _errors(data: RunData, limit: int) -> str:
    e = data.errors
    if not len(e):
        return _section("errors", "Errors", _note("No errors or warnings in this run."))
    e = e.assign(_hard=(e["level"] != "error")).sort_values(["_hard", "stage", "source"], kind="stable")
    rows = [[_esc(r.level), _esc(r.stage), _esc(r.error_type), _esc(r.source), _esc(r.doc_id),
             _esc(r.message)] for r in e.head(limit).itertuples()]
    body = _table(("level", "stage", "type", "source", "document", "message"), rows, cls="errors", wide=(5,))
    if len(e) > limit:
        body += _note(f"Showing {limit} of {len(e)} errors and warnings.", warn=True)
    return _section("errors", "Errors", body)


def doc_anchor(doc_id: str) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]", "_", doc_id)


def _spans_by_doc(mentions: pd.DataFrame, doc_ids: Iterable[str]) -> dict[str, list[Span]]:
    """Spans of the given documents only (a capped report need not build the rest)."""
    m = mentions[mentions["doc_id"].isin(set(doc_ids))]
    return spans_by_doc(m)


def _documents(data: RunData, max_doc_chars: int, max_docs: int) -> str:
    docs = data.documents.sort_values(["source", "doc_id"], kind="stable")
    if not len(docs):
        return _section("documents", "Documents", _note("This run processed no new documents."))
    spans = _spans_by_doc(data.mentions, docs["doc_id"].head(max_docs).tolist())
    parts = [_note(f"Highlighted text, first {max_doc_chars:,} characters of each document. "
                   "Nested marks are entities inside entities; overlaps that cannot nest are listed below "
                   "the text.")]
    for doc in docs.head(max_docs).itertuples():
        text, doc_id = str(doc.text), str(doc.doc_id)
        doc_spans = spans.get(doc_id, [])
        shown = highlight(text, doc_spans, max_doc_chars)
        per_label = pd.Series([s.label for s in doc_spans], dtype=object).value_counts()
        labels = ", ".join(f"{x} {per_label[x]}" for x in _label_order(per_label.index)) or "no mentions"
        head = (f"<h3>{_esc(doc.source)}</h3>\n<header>id {_esc(doc.doc_id)} · language {_esc(doc.lang)} · "
                f"{len(text):,} characters · {html.escape(labels)}</header>")
        body = [head, f'<div class="doc-text">{shown.html}</div>']
        if shown.shown_chars < len(text):
            beyond = sum(1 for u in shown.unplaced if u.reason == BEYOND_CUT)
            body.append(_note(f"Text cut at {shown.shown_chars:,} of {len(text):,} characters; "
                              f"{beyond} mentions after the cut are not shown.", warn=True))
        listed = [u for u in shown.unplaced if u.reason != BEYOND_CUT]
        if listed:
            items = "".join(f"<li>{html.escape(f'{describe(u.span)}: {u.reason}')}</li>" for u in listed)
            body.append(f'<p class="note">Not marked inline:</p>\n<ul class="unplaced">{items}</ul>')
        parts.append(f'<article class="doc" id="{doc_anchor(doc_id)}">\n' + "\n".join(body) + "\n</article>")
    if len(docs) > max_docs:
        parts.append(_note(f"Showing {max_docs} of {len(docs)} documents.", warn=True))
    return _section("documents", "Documents", "\n".join(parts))


# ---------------------------------------------------------------- page


def render_report(data: RunData, max_doc_chars: int = DEFAULT_MAX_DOC_CHARS,
                  max_docs: int = DEFAULT_MAX_DOCS) -> str:
    """The whole page as one string."""
    links = "".join(f'<a href="#{sid}">{html.escape(title)}</a>' for sid, title in SECTIONS)
    nav = f"<nav>{links}</nav>"
    body = "\n".join([
        f"<h1>Run report {html.escape(data.run_id)}</h1>",
        nav,
        _summary(data),
        _counts(data),
        _minerals(data, TOP_ROWS),
        _figures(data, TOP_ROWS),
        _people(data, MAX_TABLE_ROWS),
        _errors(data, MAX_TABLE_ROWS),
        _documents(data, max_doc_chars, max_docs),
        _note(f"Generated {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z} by pipeline.tools.report."),
    ])
    page = Template(TEMPLATE.read_text(encoding="utf-8"))
    return page.substitute(title=html.escape(f"Run report {data.run_id}"), body=body, entity_css=ENTITY_CSS)


def write_report(out: Path, html_path: Path, run_id: str | None = None,
                 max_doc_chars: int = DEFAULT_MAX_DOC_CHARS, max_docs: int = DEFAULT_MAX_DOCS) -> Path:
    """Write the report of ``run_id`` (default: newest run) of output folder ``out`` to ``html_path``.

    Raises :class:`ReportError` when the folder has no such run. The file is
    written to a temporary name and renamed, so a reader never sees half a page.
    """
    if max_doc_chars < 0 or max_docs < 0:
        raise ValueError("max_doc_chars and max_docs must be >= 0")
    page = render_report(load_run(Path(out), run_id), max_doc_chars=max_doc_chars, max_docs=max_docs)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = html_path.with_name(f".tmp-{uuid.uuid4().hex}-{html_path.name}")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, html_path)
    return html_path
