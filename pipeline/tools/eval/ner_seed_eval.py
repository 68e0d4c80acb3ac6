"""Run EntityRecognizer on the raw seed documents and score PERSON / ORG / LOC against the gold.

Usage (from the project root):
    .venv/bin/python -m pipeline.tools.eval.ner_seed_eval [--zh-model PATH] [--errors] [--out PATH]

Language runs come from pipeline.text.langruns; Chinese word bounds from jieba (a stand-in for pkuseg).
Prints the reference scorer's table (--by-lang) and, with --errors, each document's misses and false
positives so rules can be judged on what they change.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

from pipeline.ner.inputs import NerInput
from pipeline.nlp.recognizer import EntityRecognizer
from pipeline.records import Mention, Segment
from pipeline.text.langruns import dominant_language, language_runs
from pipeline.tools.eval.scoring import TYPES, format_table, load_file, score

ROOT = Path(__file__).resolve().parents[3]

SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds.gold.jsonl"


def jieba_bounds(text: str, segments: Iterable[Segment]) -> frozenset[int]:
    """Word start/end offsets of the Chinese runs, from jieba (pkuseg's stand-in)."""
    import jieba

    jieba.setLogLevel(60)
    out: set[int] = set()
    for seg in segments:
        if seg.lang != "zh":
            continue
        for _, s, e in jieba.tokenize(text[seg.start:seg.end]):
            out.update((seg.start + s, seg.start + e))
    return frozenset(out)


def pkuseg_inputs(texts: list[str]) -> list[tuple[tuple[Segment, ...], frozenset[int]]]:
    """Runs and word bounds exactly as the pipeline makes them (pipeline.nlp.segment + models/pkuseg_zh)."""
    from pipeline.nlp.segment import Segmenter, word_bounds

    seg = Segmenter(ROOT / "models" / "pkuseg_zh")
    return [(s.segments, word_bounds(s.tokens, s.sentences)) for s in seg(texts)]


def seed_inputs(bounds: str = "jieba") -> list[tuple[str, str, NerInput]]:
    """(file name, language, input) per seed document; word bounds from jieba or the pipeline's pkuseg."""
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if bounds == "pkuseg":
        prepared = pkuseg_inputs(texts)
    else:
        prepared = [(tuple(runs), jieba_bounds(t, runs)) for t in texts for runs in [language_runs(t)]]
    return [(p.name, dominant_language(t, list(runs)), NerInput(t, runs, b))
            for p, t, (runs, b) in zip(paths, texts, prepared, strict=True)]


def gold_record(name: str, lang: str, mentions: list[Mention]) -> dict[str, object]:
    def uniq(label: str) -> list[str]:
        return sorted({m.text for m in mentions if m.label == label})

    return {"doc": name, "lang": lang,
            "persons": [{"name": n, "delegate_body": None, "titles": []} for n in uniq("PERSON")],
            "orgs": uniq("ORG"), "locs": uniq("LOC")}


def _errors(pred_path: Path) -> None:
    gold, pred = load_file(GOLD), load_file(pred_path)
    for doc, g in gold.items():
        p = pred.get(doc, {"items": {t: set() for t in TYPES}})
        for t in ("PERSON", "ORG", "LOC"):
            miss, extra = sorted(g["items"][t] - p["items"][t]), sorted(p["items"][t] - g["items"][t])
            if miss or extra:
                print(f"{doc[:3]} {t:6} MISS {miss}\n{'':10} FP   {extra}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zh-model", type=Path, default=Path("models/ner_zh"))
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "ner" / "seeds.pred.jsonl")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-rules", action="store_true")
    ap.add_argument("--bounds", choices=("jieba", "pkuseg"), default="jieba")
    args = ap.parse_args()
    docs = seed_inputs(args.bounds)
    rec = EntityRecognizer(zh_model=args.zh_model, zh_backend="spacy", use_rules=not args.no_rules)
    results = rec([d for _, _, d in docs])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for (name, lang, _), mentions in zip(docs, results, strict=False):
            fh.write(json.dumps(gold_record(name, lang, mentions), ensure_ascii=False) + "\n")
    rows = score(load_file(GOLD), load_file(args.out), by_lang=True)
    print(format_table([r for r in rows if r["type"] in ("PERSON", "ORG", "LOC")]))
    if args.errors:
        _errors(args.out)


if __name__ == "__main__":
    main()
