"""The notebook face: run the pipeline on strings, view a document's entities, read views and keys.

Why: a data scientist works in a notebook on a list of strings or a DataFrame column, not on files
through the CLI. :func:`extract` runs the configured stages in this process (models load once per
process and are reused by later calls) and returns the same typed tables that
:func:`pipeline.load_table` reads from an output folder; nothing is written.

>>> import pipeline
>>> tables = pipeline.extract(["紫金矿业今年锂产量约2.5万吨。", "Zijin Mining said lithium output rose 30%."],
...                           ids=["zh-1", "en-1"])
>>> sorted(tables)
['documents', 'errors', 'figures', 'mentions', 'people', 'sentences', 'tokens']
>>> tables["documents"][["external_id", "lang"]].values.tolist()
[['zh-1', 'zh'], ['en-1', 'en']]
>>> m = tables["mentions"]
>>> m.loc[m["label"] == "MINERAL", ["text", "mineral"]].values.tolist()
[['锂', 'lithium'], ['lithium', 'lithium']]
>>> m.loc[m["label"] == "ORG", ["text", "institution_key"]].values.tolist()
[['紫金矿业', 'zijin-mining'], ['Zijin Mining', 'zijin-mining']]
>>> tables["figures"][["value", "unit", "qualifier", "value_norm", "unit_norm"]].values.tolist()
[[25000.0, 't', 'approx', 25000000.0, 'kg'], [30.0, '%', nan, 0.3, 'ratio']]
>>> view = pipeline.load_view("figures_in_context", tables)
>>> view[["text", "minerals", "institution_keys"]].values.tolist()
[['约2.5万吨', ['lithium'], ['zijin-mining']], ['30%', ['lithium'], ['zijin-mining']]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.io.catalog import load_table
from pipeline.io.rows import bundle_rows, error_row
from pipeline.io.schemas import DECLARED, TABLES, to_frame
from pipeline.io.sources import make_document
from pipeline.io.views import VIEWS, load_view
from pipeline.records import Bundle, DocError, Document
from pipeline.run.config import Config, load_config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PROFILE = ROOT / "configs" / "default.yaml"
# Tables extract returns: every table of an output folder but the runs table (extract is not a run).
EXTRACT_TABLES = ("documents", "sentences", "tokens", "mentions", "figures", "people", "errors")

__all__ = ["columns", "extract", "institution_keys", "load_view", "show"]


def _project_path(path: Path) -> Path:
    """A relative model path is tried from the working directory, then from the checkout."""
    if path.is_absolute() or path.exists() or not (ROOT / path).exists():
        return path
    return ROOT / path


def resolve_config(config: Config | Mapping[str, Any] | Path | str | None = None) -> Config:
    """The config to run with: a Config, a mapping, a YAML profile, or None for ``configs/default.yaml``.

    Relative model paths are found from the checkout when they do not exist from the working
    directory, so a notebook in another folder runs the same models.
    """
    if config is None:
        cfg = load_config(DEFAULT_PROFILE) if DEFAULT_PROFILE.exists() else Config()
    elif isinstance(config, Config):
        cfg = config
    elif isinstance(config, Mapping):
        cfg = Config.model_validate(dict(config))
    else:
        cfg = load_config(Path(config))
    segment = cfg.segment.model_copy(update={"pkuseg_model": _project_path(cfg.segment.pkuseg_model)})
    ner = cfg.ner.model_copy(update={"zh_model": _project_path(cfg.ner.zh_model),
                                     "zh_lstm_model": _project_path(cfg.ner.zh_lstm_model)})
    return cfg.model_copy(update={"segment": segment, "ner": ner})


def _inputs(texts: Any, ids: Sequence[Any] | None) -> list[tuple[str, Any]]:
    """(external id, text) pairs: ids given, else a Series' index, else the position."""
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.Series):
        values, index = texts.tolist(), [str(i) for i in texts.index]
    elif isinstance(texts, Iterable):
        values = list(texts)
        index = [str(i) for i in range(len(values))]
    else:
        raise TypeError(f"texts must be a string, a list of strings or a pandas Series, not {type(texts).__name__}")
    if ids is not None:
        index = [str(i) for i in ids]
        if len(index) != len(values):
            raise ValueError(f"{len(values)} texts but {len(index)} ids")
    return list(zip(index, values, strict=True))


def _documents(pairs: list[tuple[str, Any]]) -> tuple[list[Document], list[DocError]]:
    """Documents of the non-empty texts; empty ones and repeated texts become errors rows, as in a run."""
    docs: list[Document] = []
    errors: list[DocError] = []
    seen: set[str] = set()
    for ext_id, text in pairs:
        source = f"memory#{ext_id}"
        if not isinstance(text, str) or not text.strip():
            errors.append(DocError(source, "ingest", "EmptyInput", "the text is empty, missing or not a string"))
            continue
        doc = make_document(source, text, "str", external_id=ext_id)
        if doc.doc_id in seen:
            errors.append(DocError(source, "ingest", "DuplicateContent",
                                   f"same content as an earlier input (doc_id {doc.doc_id})", doc_id=doc.doc_id,
                                   level="warning"))
            continue
        seen.add(doc.doc_id)
        docs.append(doc)
    return docs, errors


def _frame(name: str, rows: list[dict[str, Any]], run_date: str) -> pd.DataFrame:
    """Rows as the typed frame load_table returns: the declared schema plus the ``run_date`` column."""
    table = pa.Table.from_pylist(rows, schema=TABLES[name])
    table = table.append_column("run_date", pa.array([run_date] * len(table), pa.string()))
    return to_frame(table)


def extract(texts: Any, ids: Sequence[Any] | None = None,
            config: Config | Mapping[str, Any] | Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Run the pipeline on texts in memory; the tables of an output folder, as typed DataFrames.

    ``texts``: a string, a list of strings, or a pandas Series (its index becomes
    ``documents.external_id``; else ``ids``, else the position). ``config``: a Config, a mapping, a
    YAML profile path, or None for the default profile. Returns ``{table: DataFrame}`` for
    documents, sentences, tokens, mentions, figures, people and errors, with the columns and dtypes
    :func:`pipeline.load_table` gives (``docs/tables.md``). Empty and repeated texts become rows of
    ``errors``, as in a run. Stages run serially in this process; models load at the first call and
    are reused by later calls with the same config.
    """
    from pipeline.run.executors import stages_for
    from pipeline.run.runner import fingerprint, new_run_id
    from pipeline.stages.batch import process_batch

    cfg = resolve_config(config)
    docs, errors = _documents(_inputs(texts, ids))
    bundles: list[Bundle] = []
    if docs:
        stages = stages_for(cfg)
        size = cfg.run.batch_docs
        for i in range(0, len(docs), size):
            done, failed = process_batch(stages, docs[i:i + size])
            bundles += done
            errors += failed
    now = datetime.now(UTC)
    run_id, fp = new_run_id(now), fingerprint(cfg)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in EXTRACT_TABLES}
    for b in bundles:
        for name, part in bundle_rows(b, run_id, fp, cfg.segment.write_tokens).items():
            rows[name] += part
    rows["errors"] = [error_row(e, run_id) for e in errors]
    return {name: _frame(name, rows[name], f"{now:%Y-%m-%d}") for name in EXTRACT_TABLES}


# ---------------------------------------------------------------- viewing


@dataclass(frozen=True)
class EntityView:
    """One document's entities highlighted in its text; renders itself in a notebook cell."""

    html: str
    doc_id: str

    def _repr_html_(self) -> str:
        return self.html


def _tables(source: Mapping[str, pd.DataFrame] | Path | str) -> Mapping[str, pd.DataFrame]:
    if isinstance(source, Mapping):
        return source
    return {name: load_table(name, Path(source)) for name in ("documents", "mentions")}


def show(source: Mapping[str, pd.DataFrame] | Path | str, doc: int | str = 0,
         limit: int | None = 20_000) -> EntityView:
    """One document with its entities marked (displaCy style, the run report's highlighter).

    ``source``: the tables :func:`extract` returned, or an output folder. ``doc``: a position in
    ``documents``, a ``doc_id`` or an ``external_id``. Shows the first ``limit`` characters.
    """
    from pipeline.tools.highlight import document_html, spans_by_doc

    tables = _tables(source)
    docs = tables["documents"]
    if isinstance(doc, int) and not isinstance(doc, bool):
        if not 0 <= doc < len(docs):
            raise IndexError(f"document {doc} out of range: {len(docs)} documents")
        row = docs.iloc[doc]
    else:
        match = docs[(docs["doc_id"] == doc) | (docs["external_id"] == doc).fillna(False)]
        if not len(match):
            raise KeyError(f"no document with doc_id or external_id {doc!r}")
        row = match.iloc[0]
    doc_id = str(row["doc_id"])
    mentions = tables["mentions"]
    spans = spans_by_doc(mentions[mentions["doc_id"] == doc_id]).get(doc_id, [])
    parts = [str(x) for x in (row.get("title"), row.get("external_id")) if isinstance(x, str) and x]
    heading = " · ".join([*parts, f"{row['lang']}", f"doc_id {doc_id}"])
    return EntityView(document_html(str(row["text"]), spans, heading, limit), doc_id)


# ---------------------------------------------------------------- reference tables


def columns(table: str | None = None) -> pd.DataFrame:
    """The data dictionary as a DataFrame: every column of every table (or of one), described."""
    names = [table] if table else [*DECLARED, *VIEWS]
    rows = []
    for name in names:
        if name in DECLARED:
            cols, kind = DECLARED[name].columns, "table"
        elif name in VIEWS:
            cols, kind = VIEWS[name].columns, "view"
        else:
            raise KeyError(f"unknown table or view {name!r}; tables: {list(DECLARED)}, views: {list(VIEWS)}")
        rows += [{"table": name, "kind": kind, "column": c.name, "type": c.type, "nullable": c.nullable,
                  "values": c.values or None, "description": c.doc} for c in cols]
    return pd.DataFrame(rows)


def institution_keys() -> pd.DataFrame:
    """The institution-keys table: one row per key with its names in both languages and its source."""
    from pipeline.institutions import load_institutions

    return pd.DataFrame([{"key": i.key, "kind": i.kind, "name_en": i.name_en, "name_zh": i.name_zh,
                          "aliases_en": list(i.aliases_en), "aliases_zh": list(i.aliases_zh), "parent": i.parent,
                          "source": i.source} for i in load_institutions()])
