"""Score the WHOLE pipeline (model + rules + gazetteer + resolution) on the MSRA NER test set.

Why: a model card scores the Chinese model alone on exact spans; what users see is the pipeline's output,
scored as document-level sets by the project's reference scorer. Each MSRA test sentence becomes one
document of a JSON-lines input (``id``, ``text``); the gold file lists its PERSON / ORG / LOC strings.
Sentences whose text repeats an earlier one are skipped (the pipeline keys documents by content, so a repeat
would be one document), and the count is printed.

Usage: python -m pipeline.tools.eval.msra_pipeline_eval [--shared ../shared] [--work build/msra_eval]
       [--config configs/default.yaml] [--set KEY=VALUE ...]
Writes <work>/input/msra_test.jsonl, <work>/gold.jsonl, <work>/pred.jsonl and <work>/scores.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pipeline.tools.training.ner_zh_data import read_char_tagged

LABELS = {"PERSON": "persons", "ORG": "orgs", "LOC": "locs"}


def write_inputs(test_file: Path, work: Path) -> dict[str, int]:
    """The JSON-lines input (one record per distinct sentence) and its gold file."""
    (work / "input").mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    kept = repeats = 0
    with (work / "input" / "msra_test.jsonl").open("w", encoding="utf-8") as inp, \
            (work / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for n, (text, spans) in enumerate(read_char_tagged(test_file, "\t")):
            if text in seen or not text.strip():
                repeats += 1
                continue
            seen.add(text)
            doc_id = f"msra-test-{n:05d}"
            inp.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            record: dict[str, Any] = {"doc": doc_id, "lang": "zh", "persons": [], "orgs": [], "locs": []}
            for start, end, label in spans:
                surface = text[start:end]
                if label == "PERSON":
                    record["persons"].append({"name": surface, "delegate_body": None, "titles": []})
                else:
                    record[LABELS[label]].append(surface)
            gold.write(json.dumps(record, ensure_ascii=False) + "\n")
            kept += 1
    return {"documents": kept, "skipped_repeats_or_empty": repeats}


def run_pipeline(work: Path, config: Path, overrides: list[str]) -> None:
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


def score(shared: Path, gold: Path, pred: Path) -> list[dict[str, Any]]:
    """The reference scorer's rows (``score.py gold pred --by-lang --json``)."""
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--by-lang",
                           "--json"], check=True, capture_output=True, text=True)
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return rows


def without_single_characters(src: Path, dst: Path) -> Path:
    """A copy of a gold or prediction file without one-character items.

    Why: MSRA marks single-character abbreviations (中 and 美 in 中美关系, 港, 台) as places and a bare
    surname (江 in 江主席) as a person; the project's guidelines annotate neither (CONVENTIONS.md: joint
    abbreviations are not places), so the raw figure mixes model errors with a convention difference. This
    second table is informational; the raw table is the measure."""
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            record = json.loads(line)
            for key in LABELS.values():
                items = record.get(key) or []
                record[key] = [x for x in items if len(x["name"] if isinstance(x, dict) else x) > 1]
            fout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return dst


def _print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    print(title)
    print(f"{'type':7} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['type']:7} {r['gold']:5} {r['pred']:5} {r['tp']:5} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['f1']:6.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--work", type=Path, default=Path("build/msra_eval"))
    ap.add_argument("--config", type=Path, default=Path("configs/default.yaml"))
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                    help="passed to `pipeline run --set` (e.g. ner.zh_backend=spacy)")
    args = ap.parse_args(argv)
    counts = write_inputs(args.shared / "data" / "ner-zh" / "msra" / "msra_test_bio", args.work)
    run_pipeline(args.work, args.config, args.overrides)
    def keep(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in rows if r["group"] == "zh" and r["type"] in LABELS]

    rows = keep(score(args.shared, args.work / "gold.jsonl", args.work / "pred.jsonl"))
    multi = keep(score(args.shared, without_single_characters(args.work / "gold.jsonl", args.work / "gold.multi.jsonl"),
                       without_single_characters(args.work / "pred.jsonl", args.work / "pred.multi.jsonl")))
    summary = {**counts, "overrides": args.overrides, "rows": rows, "rows_without_single_characters": multi}
    (args.work / "scores.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    _print_rows(f"MSRA test, whole pipeline, document-set scores ({counts['documents']} documents, "
                f"{counts['skipped_repeats_or_empty']} repeated sentences skipped; {' '.join(args.overrides)})", rows)
    _print_rows("informational, one-character items (中/美 abbreviations, bare surnames) left out of gold and "
                "prediction:", multi)
    return 0


if __name__ == "__main__":
    sys.exit(main())
