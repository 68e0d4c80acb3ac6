"""Records to table rows (plain dicts keyed by the declared schema's column names).

Why derived: the columns a record is written as are declared once on the record
(:mod:`pipeline.records`); :func:`record_row` reads them through the table declaration
(:mod:`pipeline.io.schemas`), so a renamed or added field needs no edit here. Only the columns a
table computes (run id, document id, counts) are filled in by hand below.
"""

from __future__ import annotations

from typing import Any

from pipeline.io.schemas import DOCUMENTS, ERRORS, FIGURES, MENTIONS, PEOPLE, SENTENCES, TOKENS, Table
from pipeline.records import Bundle, DocError


def _plain(value: Any) -> Any:
    """Tuples become lists (Arrow list columns); everything else is written as it is."""
    return list(value) if isinstance(value, tuple) else value


def record_row(record: Any, table: Table) -> dict[str, Any]:
    """The columns ``record`` declares for ``table``, by column name."""
    return {c.name: _plain(getattr(record, c.attr)) for c in table.record_columns}


def bundle_rows(b: Bundle, run_id: str, fingerprint: str, tokens: bool = True) -> dict[str, list[dict[str, Any]]]:
    """All rows one processed document contributes, by table."""
    base = {"run_id": run_id, "doc_id": b.doc.doc_id}
    document = {**record_row(b.doc, DOCUMENTS), "run_id": run_id, "fingerprint": fingerprint,
                "n_chars": len(b.doc.text), "n_sentences": len(b.sentences), "n_mentions": len(b.mentions)}
    return {
        "documents": [document],
        "sentences": [{**base, **record_row(s, SENTENCES)} for s in b.sentences],
        "tokens": [{**base, **record_row(t, TOKENS)} for t in b.tokens] if tokens else [],
        "mentions": [{**base, **record_row(m, MENTIONS)} for m in b.mentions],
        "figures": [{**base, **record_row(f, FIGURES)} for f in b.figures],
        "people": [{**base, **record_row(d, PEOPLE)} for d in b.delegates],
    }


def error_row(e: DocError, run_id: str) -> dict[str, Any]:
    return {"run_id": run_id, **record_row(e, ERRORS)}
