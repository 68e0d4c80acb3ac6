"""Records to table rows (plain dicts keyed by the declared schema's column names)."""

from __future__ import annotations

from typing import Any

from pipeline.records import Bundle, DocError


def bundle_rows(b: Bundle, run_id: str, fingerprint: str, tokens: bool = True) -> dict[str, list[dict[str, Any]]]:
    """All rows one processed document contributes, by table."""
    doc_id = b.doc.doc_id
    base = {"run_id": run_id, "doc_id": doc_id}
    return {
        "documents": [{
            "run_id": run_id, "doc_id": doc_id, "source": b.doc.source, "content_sha": b.doc.content_sha,
            "fingerprint": fingerprint, "encoding": b.doc.encoding, "lang": b.doc.lang,
            "raw_chars": b.doc.raw_chars, "n_chars": len(b.doc.text), "n_sentences": len(b.sentences),
            "n_mentions": len(b.mentions), "text": b.doc.text,
        }],
        "sentences": [{**base, "sent_idx": s.sent_idx, "start": s.start, "end": s.end, "lang": s.lang}
                      for s in b.sentences],
        "tokens": [{**base, "sent_idx": t.sent_idx, "tok_idx": t.tok_idx, "start": t.start, "end": t.end,
                    "text": t.text} for t in b.tokens] if tokens else [],
        "mentions": [{**base, "mention_id": m.mention_id, "sent_idx": m.sent_idx, "start": m.start, "end": m.end,
                      "text": m.text, "label": m.label, "canonical": m.canonical, "source": m.source,
                      "lang": m.lang} for m in b.mentions],
        "figures": [{**base, "mention_id": f.mention_id, "value": f.value, "value_text": f.value_text,
                     "value_high": f.value_high, "value_high_text": f.value_high_text, "unit": f.unit,
                     "qualifier": f.qualifier, "kind": f.kind, "value_si": f.value_si,
                     "value_high_si": f.value_high_si, "si_unit": f.si_unit} for f in b.figures],
        "delegates": [{**base, "mention_ids": list(d.mention_ids), "name": d.name, "name_key": d.name_key,
                       "body": d.body, "term": d.term, "session": d.session, "titles": list(d.titles),
                       "affiliations": list(d.affiliations), "evidence_start": d.evidence_start,
                       "evidence_end": d.evidence_end} for d in b.delegates],
    }


def error_row(e: DocError, run_id: str) -> dict[str, Any]:
    return {"run_id": run_id, "source": e.source, "doc_id": e.doc_id, "stage": e.stage,
            "error_type": e.error_type, "level": e.level, "message": e.message}
