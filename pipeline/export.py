"""Export a run's tables in the gold JSON-lines format of eval/GUIDELINES.md.

External scorers rely on this format: keep it stable. One object per document:
{"doc", "lang", "persons": [{"name", "delegate_body", "titles"}], "orgs", "locs",
 "minerals": [{"text", "canonical"}], "figures": [{"text", "value", "value_high", "unit", "qualifier"}]}
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.tables import load_table


def doc_name(source: str) -> str:
    """The gold's document key: the file name, or the record id for a JSON-lines record."""
    if "#" in source:
        return source.rsplit("#", 1)[1]
    return Path(source).name


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(values))


def _none(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def export_gold(run: Path) -> Iterator[dict[str, Any]]:
    """One gold-format dict per document of the run folder."""
    docs = load_table("documents", run)
    mentions = load_table("mentions", run)
    figures = load_table("figures", run)
    delegates = load_table("delegates", run)
    by_doc = {k: g for k, g in mentions.groupby("doc_id", observed=True)} if len(mentions) else {}
    dels = {k: g for k, g in delegates.groupby("doc_id", observed=True)} if len(delegates) else {}
    figs = figures.set_index("mention_id") if len(figures) else figures
    for doc in docs.itertuples():
        m = by_doc.get(doc.doc_id, mentions.iloc[0:0])
        labels = m["label"].astype(str)
        if doc.doc_id in dels:
            persons = [{"name": d.name, "delegate_body": _none(d.body), "titles": list(d.titles)}
                       for d in dels[doc.doc_id].itertuples()]
        else:
            persons = [{"name": n, "delegate_body": None, "titles": []}
                       for n in _unique(m.loc[labels == "PERSON", "text"])]
        minerals = _unique((t, c) for t, c in zip(m.loc[labels == "MINERAL", "text"],
                                                  m.loc[labels == "MINERAL", "canonical"], strict=True))
        fig_rows = []
        for mention in m.loc[labels == "FIGURE"].itertuples():
            if mention.mention_id in figs.index:
                f = figs.loc[mention.mention_id]
                fig_rows.append({"text": mention.text, "value": f["value"], "value_high": _none(f["value_high"]),
                                 "unit": str(f["unit"]), "qualifier": _none(f["qualifier"])})
        yield {
            "doc": doc_name(doc.source),
            "lang": str(doc.lang),
            "persons": persons,
            "orgs": _unique(m.loc[labels == "ORG", "text"]),
            "locs": _unique(m.loc[labels == "LOC", "text"]),
            "minerals": [{"text": t, "canonical": c} for t, c in minerals],
            "figures": fig_rows,
        }
