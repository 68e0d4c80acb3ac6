"""Run match_minerals on the raw seed texts and score MINERAL against the seed gold.

Why a script and not only a test: it prints the per-language numbers and the per-document
differences a curator needs when changing the lexicon. Chinese word bounds come from jieba
until the project's pkuseg model exists (pass --no-bounds to score the context rules alone).

usage: .venv/bin/python tests/data/minerals/seed_eval.py [--no-bounds] [--out PRED.jsonl]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from pipeline.minerals import match_minerals  # noqa: E402

SHARED = ROOT.parent / "shared"
SEEDS, GOLD, SCORER = ROOT / "seeds", ROOT / "eval" / "seeds.gold.jsonl", SHARED / "eval" / "score.py"


def jieba_bounds(text: str) -> set[int]:
    """Word start/end offsets from jieba (a stand-in for the pipeline's pkuseg segmentation)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    bounds: set[int] = set()
    for _word, start, end in jieba.tokenize(text):
        bounds.update((start, end))
    return bounds


def predict(use_bounds: bool) -> list[dict]:
    langs = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            langs[d["doc"].split("#")[0]] = d["lang"]
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        matches = match_minerals(text, jieba_bounds(text) if use_bounds else None)
        seen: dict[tuple[str, str], dict] = {}
        for m in matches:
            seen.setdefault((m.text, m.canonical), {"text": m.text, "canonical": m.canonical})
        docs.append({"doc": path.name, "lang": langs.get(path.name, "?"), "persons": [], "orgs": [],
                     "locs": [], "minerals": list(seen.values()), "figures": []})
    return docs


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-bounds", action="store_true")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    docs = predict(not args.no_bounds)
    out = args.out or Path(tempfile.gettempdir()) / "minerals_seed_pred.jsonl"
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    score = _scorer()
    gold, pred = score.load(str(GOLD)), score.load(str(out))
    for key in sorted(gold):
        g, p = gold[key]["items"]["MINERAL"], pred.get(key, {"items": {"MINERAL": set()}})["items"]["MINERAL"]
        if g != p:
            print(f"{key}: missed {sorted(g - p)} extra {sorted(p - g)}")
    for r in score.score(gold, pred, by_lang=True):
        if r["type"] == "MINERAL":
            print(f"{r['group']:4} MINERAL gold={r['gold']} pred={r['pred']} tp={r['tp']} "
                  f"P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}")
    print(f"predictions: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
