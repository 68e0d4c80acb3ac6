"""Views: joins of the output tables that answer a common question in one call.

Why: "which figures are about lithium?" needs figures, mentions, sentences and documents joined and
the sentence cut out of ``documents.text``; done by hand it is four merges and a slicing loop. A view
is a pure function of the typed frames (from ``load_table`` or ``pipeline.extract``), and its columns
are declared (and documented in ``docs/tables.md``) like a table's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.io.catalog import load_table
from pipeline.io.schemas import DOCUMENTS, FIGURES, MENTIONS, SENTENCES, Column, Table
from pipeline.records import LOC, MINERAL, ORG, PERSON

Frames = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class View:
    name: str
    row: str
    tables: tuple[str, ...]  # the tables it reads
    columns: tuple[Column, ...]
    build: Callable[[Frames], pd.DataFrame]


def _same(table: Table, name: str, as_name: str = "") -> Column:
    """A view column copied from a table column: its type and values, described by reference."""
    c = table.column(name)
    return Column(as_name or name, c.type, f"= {table.name}.{name}: {c.doc}", c.values, c.nullable)


_ENTITY_LISTS = {  # view column -> (label, mentions column collected, description)
    "minerals": (MINERAL, "mineral", "Canonical names of the minerals mentioned in the same sentence (distinct, "
                 "in text order): filter with `.apply(lambda m: 'lithium' in m)` or `explode`."),
    "institutions": (ORG, "text", "Institutions (ORG mentions) in the same sentence, as written."),
    "institution_keys": (ORG, "institution_key", "Institution keys of those ORG mentions that have one (distinct)."),
    "places": (LOC, "text", "Places (LOC mentions) in the same sentence, as written (distinct)."),
    "people": (PERSON, "text", "People (PERSON mentions) in the same sentence, as written (distinct)."),
}

FIGURES_IN_CONTEXT_COLUMNS = (
    _same(DOCUMENTS, "doc_id"), _same(DOCUMENTS, "external_id"), _same(DOCUMENTS, "source"),
    _same(DOCUMENTS, "title"), _same(DOCUMENTS, "url"), _same(DOCUMENTS, "published"),
    _same(SENTENCES, "sent_idx"),
    Column("sentence", "string", "Text of the sentence holding the figure (documents.text[start:end] of the "
           "sentences row); null when the figure lies outside every sentence."),
    _same(SENTENCES, "lang", "sentence_lang"),
    _same(MENTIONS, "mention_id"), _same(MENTIONS, "text"), _same(MENTIONS, "start"), _same(MENTIONS, "end"),
    *(_same(FIGURES, c) for c in ("value", "value_high", "unit", "qualifier", "kind", "value_norm",
                                  "value_high_norm", "unit_norm")),
    *(Column(name, "list<string>", doc, nullable=False) for name, (_, _, doc) in _ENTITY_LISTS.items()),
)


def _values(column: pd.Series) -> list[Any]:
    """A column as plain Python values (strings, ints, None for missing), fast for Arrow-backed columns."""
    return [None if v is pd.NA else v for v in column.astype(object).tolist()]


def figures_in_context(tables: Frames) -> pd.DataFrame:
    """Each figure with its sentence, the document's metadata and the entities of the same sentence."""
    figures, mentions = tables["figures"], tables["mentions"]
    documents, sentences = tables["documents"], tables["sentences"]
    cols = [c.name for c in FIGURES_IN_CONTEXT_COLUMNS]
    if not len(figures):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    spans = mentions[["mention_id", "sent_idx", "start", "end", "text"]]
    rows = figures.drop(columns=["run_id"]).merge(spans, on="mention_id", how="left")
    sents = sentences[["doc_id", "sent_idx", "start", "end", "lang"]].rename(
        columns={"start": "s_start", "end": "s_end", "lang": "sentence_lang"})
    rows = rows.merge(sents, on=["doc_id", "sent_idx"], how="left")
    doc_text = dict(zip(_values(documents["doc_id"]), _values(documents["text"]), strict=True))
    doc_col, sent_col = _values(rows["doc_id"]), _values(rows["sent_idx"])
    sentence = [doc_text[d][a:b] if d in doc_text and a is not None and b is not None else None
                for d, a, b in zip(doc_col, _values(rows["s_start"]), _values(rows["s_end"]), strict=True)]
    rows["sentence"] = pd.Series(sentence, index=rows.index, dtype="string")
    meta = documents[["doc_id", "external_id", "source", "title", "url", "published"]]
    rows = rows.merge(meta, on="doc_id", how="left")
    # Entities of the sentences that hold a figure: one pass over the mentions, in text order.
    by_label: dict[str, list[tuple[str, int]]] = {}
    fields = ("text", "mineral", "institution_key")
    for name, (label, column, _) in _ENTITY_LISTS.items():
        by_label.setdefault(label, []).append((name, fields.index(column)))
    found: dict[str, dict[tuple[object, object], dict[object, None]]] = {name: {} for name in _ENTITY_LISTS}
    near = mentions.loc[mentions["label"].isin(list(by_label)), ["doc_id", "sent_idx", "start", "label", *fields]]
    near = near.merge(rows[["doc_id", "sent_idx"]].drop_duplicates(), on=["doc_id", "sent_idx"])
    near = near.sort_values(["doc_id", "start"], kind="stable")
    columns = [_values(near[c]) for c in ("doc_id", "sent_idx", "label", *fields)]
    for d, s, label, *values in zip(*columns, strict=True):
        for name, i in by_label[str(label)]:
            if isinstance(values[i], str) and values[i]:
                found[name].setdefault((d, s), {})[values[i]] = None
    keys = list(zip(doc_col, sent_col, strict=True))
    for name, lists in found.items():
        as_lists = {k: list(v) for k, v in lists.items()}  # figures of one sentence share its list
        rows[name] = pd.Series([as_lists.get(k) or [] for k in keys], index=rows.index, dtype=object)
    return rows[cols].reset_index(drop=True)


VIEWS: dict[str, View] = {
    "figures_in_context": View("figures_in_context", "figure, with its sentence, the document's metadata and "
                               "the minerals, institutions, places and people of the same sentence",
                               ("documents", "sentences", "mentions", "figures"), FIGURES_IN_CONTEXT_COLUMNS,
                               figures_in_context),
}


def load_view(name: str, source: Frames | Path | str = Path("outputs")) -> pd.DataFrame:
    """A view over the tables of an output folder, or over the frames ``pipeline.extract`` returned."""
    if name not in VIEWS:
        raise KeyError(f"unknown view {name!r}; views: {sorted(VIEWS)}")
    view = VIEWS[name]
    frames = source if isinstance(source, Mapping) else {t: load_table(t, Path(source)) for t in view.tables}
    return view.build(frames)
