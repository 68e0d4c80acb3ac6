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

from pipeline.io.catalog import load_table

# The gold format knows only the national bodies; provincial and local ones stay in the people table.
NATIONAL_BODIES = frozenset({"NPC", "NPCSC", "CPPCC", "CPPCC_SC"})


def doc_name(source: str) -> str:
    """The gold's document key: the file name, or the record id for a JSON-lines record."""
    if "#" in source:
        return source.rsplit("#", 1)[1]
    return Path(source).name


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(values))


def _none(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def _national(body: Any) -> str | None:
    body = _none(body)
    return str(body) if body is not None and str(body) in NATIONAL_BODIES else None


def records(name: str, run: Path) -> list[dict[str, Any]]:
    """A table of the run folder as plain dicts with string keys."""
    return [{str(k): v for k, v in row.items()} for row in load_table(name, run).to_dict("records")]


def export_gold(run: Path) -> Iterator[dict[str, Any]]:
    """One gold-format dict per document of the run folder."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in records("mentions", run):
        mentions.setdefault(str(m["doc_id"]), []).append(m)
    persons: dict[str, list[dict[str, Any]]] = {}
    for d in records("people", run):
        persons.setdefault(str(d["doc_id"]), []).append(
            {"name": d["name"], "delegate_body": _national(d["delegate_body"]),
             "titles": [str(t) for t in d["titles"]]})
    figures = {str(f["mention_id"]): f for f in records("figures", run)}
    for doc in records("documents", run):
        found = mentions.get(str(doc["doc_id"]), [])

        def texts(label: str, found: list[dict[str, Any]] = found) -> list[Any]:
            return _unique(m["text"] for m in found if str(m["label"]) == label)

        fig_rows = []
        for m in found:
            f = figures.get(str(m["mention_id"]))
            if str(m["label"]) == "FIGURE" and f is not None:
                fig_rows.append({"text": m["text"], "value": float(f["value"]), "value_high": _none(f["value_high"]),
                                 "unit": str(f["unit"]), "qualifier": _none(f["qualifier"])})
        minerals = _unique((m["text"], m["mineral"]) for m in found if str(m["label"]) == "MINERAL")
        yield {
            "doc": doc_name(str(doc["source"])),
            "lang": str(doc["lang"]),
            "persons": persons.get(str(doc["doc_id"]))
            or [{"name": n, "delegate_body": None, "titles": []} for n in texts("PERSON")],
            "orgs": texts("ORG"),
            "locs": texts("LOC"),
            "minerals": [{"text": t, "canonical": c} for t, c in minerals],
            "figures": fig_rows,
        }

