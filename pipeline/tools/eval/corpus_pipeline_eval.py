"""Score the WHOLE pipeline on a public annotated corpus: write inputs, run, export, score.

Why: a model card scores a model alone on exact spans; what users see is the pipeline's output (model + rules +
gazetteer + resolution), scored as document-level sets by the project's reference scorer
(``../shared/eval/score.py``). The corpus readers (MSRA, CoNLL-2003) live in their own modules and hand this one
plain :class:`GoldDocument` records; everything after that is shared.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The scorer's entity types this evaluation reports, and the gold-file key of each.
TYPE_KEYS = {"PERSON": "persons", "ORG": "orgs", "LOC": "locs"}


@dataclass(frozen=True)
class GoldDocument:
    """One input document and the entity strings its gold lists (persons, institutions, places)."""

    doc_id: str
    text: str
    lang: str
    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    locs: list[str] = field(default_factory=list)

    def gold_record(self) -> dict[str, Any]:
        """The record in the gold JSON-lines format (persons carry no delegate body or titles here)."""
        return {"doc": self.doc_id, "lang": self.lang,
                "persons": [{"name": p, "delegate_body": None, "titles": []} for p in self.persons],
                "orgs": list(self.orgs), "locs": list(self.locs)}


def write_inputs(docs: Iterable[GoldDocument], work: Path, name: str) -> dict[str, int]:
    """``<work>/input/<name>.jsonl`` (``id``, ``text``) and ``<work>/gold.jsonl``, one record per distinct text.

    A text that repeats an earlier one is skipped: the pipeline keys documents by content, so a repeat would be
    one document with two gold records."""
    (work / "input").mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    kept = skipped = 0
    with (work / "input" / f"{name}.jsonl").open("w", encoding="utf-8") as inp, \
            (work / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for doc in docs:
            if doc.text in seen or not doc.text.strip():
                skipped += 1
                continue
            seen.add(doc.text)
            inp.write(json.dumps({"id": doc.doc_id, "text": doc.text}, ensure_ascii=False) + "\n")
            gold.write(json.dumps(doc.gold_record(), ensure_ascii=False) + "\n")
            kept += 1
    return {"documents": kept, "skipped_repeats_or_empty": skipped}


def run_pipeline(work: Path, config: Path, overrides: list[str]) -> None:
    """``pipeline run`` on ``<work>/input`` into a fresh ``<work>/run``, exported to ``<work>/pred.jsonl``."""
    out = work / "run"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "pipeline", "run", "--input", str(work / "input"), "--dataset", str(out),
           "--config", str(config), "--no-progress"]
    for item in overrides:
        cmd += ["--set", item]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with (work / "pred.jsonl").open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "pipeline", "export", "--format", "gold-jsonl", "--dataset", str(out)],
                       check=True, stdout=fh)


def score(shared: Path, gold: Path, pred: Path, lang: str) -> list[dict[str, Any]]:
    """The reference scorer's rows (``score.py gold pred --by-lang --json``) for one language's
    person / institution / place types."""
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--by-lang",
                           "--json"], check=True, capture_output=True, text=True)
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return [r for r in rows if r["group"] == lang and r["type"] in TYPE_KEYS]


def print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    print(title)
    print(f"{'type':7} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['type']:7} {r['gold']:5} {r['pred']:5} {r['tp']:5} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['f1']:6.3f}")


def write_scores(work: Path, summary: dict[str, Any]) -> None:
    (work / "scores.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_errors(work: Path, set_name: str) -> Path:
    """``<work>/errors.md`` (+ ``.jsonl``): every missed and spurious person, institution and place with its
    sentence, to group failures into categories (the corpus gold lists no figures or minerals)."""
    from pipeline.io.export import export_gold
    from pipeline.tools.eval.error_listing import document_texts, list_errors, write_listing

    with (work / "gold.jsonl").open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    errors = [e for e in list_errors(set_name, gold, list(export_gold(work / "run")), document_texts(work / "run"))
              if e.type in TYPE_KEYS]
    page, _ = write_listing(errors, work / "errors.md")
    return page
