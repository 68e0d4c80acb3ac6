"""An output folder for the report tests, written with the pipeline's own table writer.

Why real rows: the seed documents with the gold entities located in their text
(every occurrence, so LOC-inside-ORG and similar nestings occur as they do in
news), one hand-made document with markup, an ampersand and two crossing
spans, an ingest error and a warning, and an older second run. The module also
holds an HTML reader shared by the report tests, and checks that the folder
obeys the invariants every run output must satisfy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pipeline.io.sink import write_batch
from pipeline.records import mention_id
from tests.conftest import GOLD, SEEDS
from tests.invariants import check_output

NEW_RUN, OLD_RUN = "20260301t020000beef", "20260201t020000cafe"
MARKUP_TEXT = (
    "Zijin Mining <script>alert('x')</script> said the Tibet Autonomous Region Government & "
    "\"<b>Acme & Sons</b>\" will mine 3.5 million tonnes of copper ore. 紫金矿业在西藏开采铜。"
)
# (surface, label, canonical); the LOC and the second ORG cross each other.
MARKUP_SPANS = [("Zijin Mining", "ORG", None), ("Tibet Autonomous Region", "LOC", None),
                ("Autonomous Region Government", "ORG", None), ("<b>Acme & Sons</b>", "ORG", None),
                ("3.5 million tonnes of copper", "FIGURE", None), ("copper", "MINERAL", "copper"),
                ("紫金矿业", "ORG", None), ("西藏", "LOC", None), ("铜", "MINERAL", "copper")]
NO_LANG = {"Zijin Mining"}  # mention language not set: the report falls back to the document's
CJK = re.compile(r"[\u3400-\u9fff]")
CURRENCIES = {"CNY", "USD", "HKD", "CAD", "EUR"}


def _kind(unit: str) -> str:
    if unit in CURRENCIES:
        return "money"
    if "/" in unit:
        return "rate"
    if unit in {"min", "hour", "day", "month", "year"}:
        return "duration"
    return "count" if unit in {"item", "person", "time", "share"} else "quantity"


def _lang(surface: str) -> str:
    """Mention language by script, as the segmenter assigns it: a Chinese name in English text is zh."""
    if surface in NO_LANG:
        return ""
    return "zh" if CJK.search(surface) else "en"


def _occurrences(text: str, surface: str) -> list[int]:
    found, at = [], text.find(surface)
    while surface and at >= 0:
        found.append(at)
        at = text.find(surface, at + len(surface))
    return found


def _gold() -> dict[str, dict[str, Any]]:
    """Gold records by file name (the two parts of a split document merged)."""
    merged: dict[str, dict[str, Any]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            name = rec["doc"].split("#")[0]
            into = merged.setdefault(name, {"lang": rec["lang"], "persons": [], "orgs": [], "locs": [],
                                            "minerals": [], "figures": []})
            for key in ("persons", "orgs", "locs", "minerals", "figures"):
                into[key].extend(rec[key])
    return merged


@dataclass
class _Rows:
    run_id: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, name: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(name, []).append({"run_id": self.run_id, **row})

    def document(self, doc_id: str, source: str, text: str, lang: str,
                 items: list[tuple[str, str, str | None, dict[str, Any] | None]]) -> list[str]:
        """Add a document and a mention at every occurrence of each (surface, label, canonical, figure)."""
        ids: list[str] = []
        for surface, label, canonical, figure in items:
            for start in _occurrences(text, surface):
                end = start + len(surface)
                mid = mention_id(doc_id, start, end, label)
                if mid in ids:
                    continue
                ids.append(mid)
                self.add("mentions", {"mention_id": mid, "doc_id": doc_id, "sent_idx": 0, "start": start,
                                      "end": end, "text": surface, "label": label, "mineral": canonical,
                                      "extractor": "rule", "lang": _lang(surface)})
                if figure is not None:
                    self.add("figures", {"mention_id": mid, "doc_id": doc_id, **figure})
        self.add("documents", {"doc_id": doc_id, "source": source, "content_sha": doc_id * 2,
                               "fingerprint": "fp", "encoding": "utf-8", "lang": lang, "raw_chars": len(text),
                               "n_chars": len(text), "n_sentences": 1, "n_mentions": len(ids), "text": text})
        return ids

    def run(self, started: datetime, n_skipped: int, stage_seconds: dict[str, float]) -> None:
        hard = [e for e in self.tables.get("errors", []) if e["level"] == "error"]
        docs = self.tables.get("documents", [])
        self.add("runs", {"started_at": started, "finished_at": started + timedelta(seconds=42),
                          "status": "ok", "fingerprint": "fp", "config_hash": "cfg", "config_json": "{}",
                          "overrides": [],
                          "versions_json": json.dumps({"pipeline": "0.1.0"}),
                          "n_inputs": len(docs) + len(hard), "n_documents": len(docs), "n_skipped": n_skipped,
                          "n_errors": len(hard), "n_mentions": len(self.tables.get("mentions", [])),
                          "n_chars": sum(d["n_chars"] for d in docs),
                          "wall_seconds": sum(stage_seconds.values()),
                          "stage_seconds_json": json.dumps(stage_seconds)})


def _figure(f: dict[str, Any]) -> dict[str, Any]:
    return {"value": float(f["value"]), "value_text": str(f["value"]),
            "value_high": None if f["value_high"] is None else float(f["value_high"]),
            "value_high_text": None if f["value_high"] is None else str(f["value_high"]), "unit": f["unit"],
            "qualifier": f["qualifier"], "kind": _kind(f["unit"]), "value_norm": None, "value_high_norm": None,
            "unit_norm": None}


def build_output(out: Path) -> Path:
    """Write the two runs into ``out`` (the newest run: seeds + the markup document + errors)."""
    new = _Rows(NEW_RUN)
    for name, g in sorted(_gold().items()):
        text = (SEEDS / name).read_text(encoding="utf-8")
        doc_id = name.split("_")[1].removesuffix(".txt")
        items: list[tuple[str, str, str | None, dict[str, Any] | None]] = []
        items += [(p["name"], "PERSON", None, None) for p in g["persons"]]
        items += [(o, "ORG", None, None) for o in g["orgs"]] + [(loc, "LOC", None, None) for loc in g["locs"]]
        items += [(m["text"], "MINERAL", m["canonical"], None) for m in g["minerals"]]
        items += [(f["text"], "FIGURE", None, _figure(f)) for f in g["figures"]]
        new.document(doc_id, f"seeds/{name}", text, g["lang"], items)
        for p in g["persons"]:  # every person; the delegate fields only for delegates
            mids = [mention_id(doc_id, at, at + len(p["name"]), "PERSON") for at in _occurrences(text, p["name"])]
            body = p["delegate_body"]
            new.add("people", {"doc_id": doc_id, "mention_ids": mids, "name": p["name"],
                               "name_key": p["name"].lower(), "delegate_body": body,
                               "delegate_term": 14 if body else None, "delegate_session": 2 if body else None,
                               "titles": p["titles"], "affiliations": p["titles"][-1:],
                               "evidence_start": None, "evidence_end": None})
    tonnes = _figure({"value": 3.5e6, "value_high": None, "unit": "t", "qualifier": None})
    markup = [(s, label, canonical, tonnes if label == "FIGURE" else None)
              for s, label, canonical in MARKUP_SPANS]
    new.document("markup0000000001", "inbox/markup <test>.txt", MARKUP_TEXT, "en", markup)
    new.add("errors", {"source": "inbox/broken.txt", "doc_id": None, "stage": "ingest",
                       "error_type": "UnicodeDecodeError", "level": "error",
                       "message": "cannot decode <bytes> & give up"})
    new.add("errors", {"source": "inbox/copy.txt", "doc_id": "markup0000000001", "stage": "ingest",
                       "error_type": "DuplicateContent", "level": "warning",
                       "message": "same content as an earlier input"})
    new.run(datetime(2026, 3, 1, 2, 0, tzinfo=UTC), n_skipped=1,
            stage_seconds={"clean": 0.25, "segment": 3.5, "ner": 20.0, "figures": 0.75})

    old = _Rows(OLD_RUN)
    old.document("old0000000000001", "seeds/old.txt", "Old news: gold output in Shandong rose.", "en",
                 [("gold", "MINERAL", "gold", None), ("Shandong", "LOC", None, None)])
    old.run(datetime(2026, 2, 1, 2, 0, tzinfo=UTC), n_skipped=0, stage_seconds={"clean": 0.1})

    write_batch(out, OLD_RUN, "2026-02-01", 0, old.tables)
    write_batch(out, NEW_RUN, "2026-03-01", 0, new.tables)
    return out


class MarkReader(HTMLParser):
    """Reads a report back: ids, table rows per section, and the marks of document texts.

    A mark records its label, mention id, text (without the label), nesting depth,
    and its offset in the document text as a browser would show it.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []
        self.in_label = 0
        self.depth_max = 0
        self.section: str | None = None
        self.doc_texts: dict[str, str] = {}
        self.doc: str | None = None
        self.in_doc_text = 0
        self.tags: dict[str, int] = {}
        self.tables: dict[str, list[list[str]]] = {}
        self.row: list[str] | None = None
        self.cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "section":
            self.section = a.get("id")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""
        if a.get("id"):
            self.ids.append(str(a["id"]))
            if tag == "article":
                self.doc = str(a["id"])
                self.doc_texts[self.doc] = ""
        if tag == "div" and "doc-text" in (a.get("class") or ""):
            self.in_doc_text = 1
        elif self.in_doc_text and tag != "mark" and tag != "span":
            raise AssertionError(f"unexpected <{tag}> inside document text")
        if tag == "mark":
            start = len(self.doc_texts[self.doc]) if self.in_doc_text and self.doc else -1
            mark = {"label": a.get("data-label"), "mention": a.get("data-mention"), "class": a.get("class"),
                    "text": "", "doc": self.doc, "depth": len(self.open), "start": start}
            self.open.append(mark)
            self.marks.append(mark)
            self.depth_max = max(self.depth_max, len(self.open))
        if tag == "span" and a.get("class") == "label":
            self.in_label += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables.setdefault(self.section or "", []).append(self.row)
            self.row = None
        if tag == "mark":
            self.open.pop()
        elif tag == "span" and self.in_label:
            self.in_label -= 1
        elif tag == "div" and self.in_doc_text:
            self.in_doc_text = 0

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell += data
        if self.in_label:
            return
        for mark in self.open:
            mark["text"] += data
        if self.in_doc_text and self.doc:
            self.doc_texts[self.doc] += data


def read_marks(page: str) -> MarkReader:
    reader = MarkReader()
    reader.feed(page)
    reader.close()
    return reader


def test_report_fixture_obeys_output_invariants(tmp_path: Path) -> None:
    counts = check_output(build_output(tmp_path))
    assert counts["runs"] == 2 and counts["documents"] == 7 and counts["errors"] == 2
    assert counts["mentions"] > 100 and counts["figures"] > 10 and counts["people"] > 0
