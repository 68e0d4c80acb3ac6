"""Dev check of relate() on the seed documents, given the gold person and organisation names as mentions.

Why: this measures the relation logic alone, apart from NER misses: it locates
the gold names in the raw seed texts, takes their sentences from the segment
stage (as a run does), runs relate(), writes
gold-format persons (name, delegate_body, titles) and scores them with the
reference scorer (--by-lang), then reports the share of gold titles reproduced
exactly.

usage: python -m pipeline.tools.delegates_seed_eval [--shared DIR] [--out FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.delegates import relate
from pipeline.delegates.locate import locate
from pipeline.records import ORG, PERSON, Bundle, Delegate, Document, Sentence
from pipeline.stages.contract import BatchFn

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"


@lru_cache(maxsize=1)
def _segment_stage() -> BatchFn:
    from pipeline.run.config import load_config
    from pipeline.stages import segment

    model = ROOT / "models" / "pkuseg_zh"
    return segment.build(load_config(ROOT / "configs" / "default.yaml", [f"segment.pkuseg_model={model}"]))


def sentences_of(texts: Sequence[str]) -> list[tuple[Sentence, ...]]:
    """The sentences the segment stage makes of each text (with the default profile's settings)."""
    bundles = [Bundle(doc=Document(doc_id=f"t{i}", source="", text=t)) for i, t in enumerate(texts)]
    return [b.sentences for b in _segment_stage()(bundles)]


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold documents keyed by file name, with the #part lines merged."""
    docs: dict[str, dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        key = d["doc"].split("#")[0]
        doc = docs.setdefault(key, {"doc": key, "lang": d.get("lang", ""), "persons": [], "orgs": []})
        doc["persons"].extend(d.get("persons") or [])
        doc["orgs"].extend(d.get("orgs") or [])
    return docs


def run_doc(text: str, gold: dict[str, Any]) -> list[Delegate]:
    """relate() over mentions made from the gold person and organisation names."""
    doc_id = gold["doc"]
    mentions = locate(text, [p["name"] for p in gold["persons"]], PERSON, doc_id) + locate(
        text, gold["orgs"], ORG, doc_id
    )
    return relate(text, mentions, sentences_of([text])[0])


def title_share(gold: dict[str, dict[str, Any]], pred: dict[str, list[Delegate]]) -> tuple[int, int]:
    """(gold titles found exactly among the same person's predicted titles, all gold titles)."""
    hit = total = 0
    for key, g in gold.items():
        want: dict[str, set[str]] = defaultdict(set)
        for p in g["persons"]:
            want[p["name"]].update(p.get("titles") or [])
        got = {d.name: set(d.titles) for d in pred.get(key, [])}
        for name, titles in want.items():
            total += len(titles)
            hit += len(titles & got.get(name, set()))
    return hit, total


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=Path("build/delegates/seeds.pred.jsonl"))
    ap.add_argument("--show", action="store_true", help="print every person with body and titles")
    args = ap.parse_args(argv)
    gold_path = args.shared / "eval" / "seeds.gold.jsonl"
    gold = load_gold(gold_path)
    pred: dict[str, list[Delegate]] = {}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for key, g in gold.items():
            text = (args.shared / "seeds" / key).read_text("utf-8")
            pred[key] = run_doc(text, g)
            persons = [{"name": d.name, "delegate_body": d.body, "titles": list(d.titles)} for d in pred[key]]
            fh.write(
                json.dumps({"doc": key, "lang": g["lang"], "persons": persons}, ensure_ascii=False) + "\n"
            )
            if args.show:
                for d in pred[key]:
                    print(key[:3], d.name, d.body, d.term, d.session, list(d.titles), list(d.affiliations))
    scorer = args.shared / "eval" / "score.py"
    res = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(args.out), "--by-lang"],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in res.stdout.splitlines():
        if line.startswith("group") or " PERSON " in line or " DELEGATE " in line:
            print(line)
    hit, total = title_share(gold, pred)
    print(f"titles reproduced exactly: {hit}/{total} = {hit / total if total else 0:.3f}")
    return res.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
