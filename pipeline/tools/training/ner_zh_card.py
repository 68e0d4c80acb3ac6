"""Evaluate the Chinese NER model on the MSRA test set and write its model card and metrics.

Why: a model trained on research-licensed corpora must say so, and its scores must be reproducible from
the command that built it. Writes ``<model>/README.md`` and ``<model>/metrics.json``.

Usage: python -m pipeline.tools.training.ner_zh_card --model models/ner_zh --test build/ner_zh/msra_test.spacy
       [--log build/ner_zh/train.log] [--seeds] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LABELS = ("PERSON", "LOC", "ORG")
# Keyed like pipeline.tools.training.ner_zh_data.CORPORA; the card lists the corpora a model was trained on.
DATA_TERMS = {
    "msra": ("MSRA NER (SIGHAN 2006)", "train split", "research use (Microsoft Research Asia, SIGHAN bakeoff)"),
    "cluener": ("CLUENER2020", "train split; name / organization / government / company / address mapped to "
                "PERSON / ORG / LOC", "not stated by the publisher"),
    "resume": ("Resume NER", "train split; NAME / ORG / LOC", "not stated; research corpus"),
    "peoples-daily": ("People's Daily 1998 NER", "dev split", "not stated; research corpus"),
}


def msra_scores(model: Path, test: Path) -> dict[str, Any]:
    """Precision / recall / F1 overall and per label on the MSRA test DocBin (spaCy's Scorer)."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    refs = list(DocBin().from_disk(test).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(ref.text), ref) for ref in refs]
    t0 = time.perf_counter()
    scores = nlp.evaluate(examples, batch_size=256)
    seconds = time.perf_counter() - t0
    per = scores.get("ents_per_type") or {}
    return {
        "sentences": len(refs), "chars": sum(len(r.text) for r in refs), "eval_seconds": round(seconds, 1),
        "overall": {k: round(float(scores[f"ents_{k}"]), 4) for k in ("p", "r", "f")},
        "per_label": {lab: {k: round(float(v), 4) for k, v in per.get(lab, {}).items()} for lab in LABELS},
    }


def training_facts(log: Path | None) -> dict[str, Any]:
    """Steps, epochs, best dev score from the spaCy log; wall time from the log file's birth to last write."""
    if log is None or not log.exists():
        return {"log": None}
    rows = [ln.split() for ln in log.read_text(encoding="utf-8", errors="replace").splitlines()]
    table = [r for r in rows if len(r) == 8 and r[0].isdigit() and r[1].isdigit()]
    facts: dict[str, Any] = {"log": str(log)}
    if table:
        best = max(table, key=lambda r: float(r[7]))
        prf = {f"ents_{k}": round(float(v) / 100, 4) for k, v in zip("fpr", best[4:7], strict=True)}
        facts.update(epochs=int(table[-1][0]) + 1, steps=int(table[-1][1]),
                     best_dev={"step": int(best[1]), **prf})
    try:
        born = int(subprocess.run(["stat", "-c", "%W", str(log)], capture_output=True, text=True,
                                  check=True).stdout.strip())
        if born > 0:
            facts["wall_seconds"] = round(log.stat().st_mtime - born)
    except (OSError, ValueError, subprocess.CalledProcessError):
        pass
    return facts


def architecture(model: Path) -> dict[str, Any]:
    from configparser import ConfigParser

    cfg = ConfigParser(interpolation=None)
    cfg.read(model / "config.cfg", encoding="utf-8")

    def get(section: str, key: str) -> str:
        return cfg.get(section, key, fallback="?").strip('"')

    return {
        "segmenter": get("nlp.tokenizer", "segmenter"),
        "tok2vec": f"{get('components.tok2vec.model', '@architectures')}: "
                   f"{get('components.tok2vec.model.embed', '@architectures')} "
                   f"(attrs {get('components.tok2vec.model.embed', 'attrs')}, rows "
                   f"{get('components.tok2vec.model.embed', 'rows')}) + "
                   f"{get('components.tok2vec.model.encode', '@architectures')} (CNN, width "
                   f"{get('components.tok2vec.model.encode', 'width')}, depth "
                   f"{get('components.tok2vec.model.encode', 'depth')}, window "
                   f"{get('components.tok2vec.model.encode', 'window_size')})",
        "ner": f"{get('components.ner.model', '@architectures')} (hidden width "
               f"{get('components.ner.model', 'hidden_width')})",
    }


def seed_scores(model: Path, shared: Path) -> dict[str, Any] | None:
    """PERSON / ORG / LOC F1 of EntityRecognizer (this model + rules) on the seed documents."""
    from pipeline.nlp.recognizer import EntityRecognizer
    from pipeline.tools.eval import ner_seed_eval as seed_eval
    from pipeline.tools.eval.scoring import load_file, score

    bounds = "pkuseg" if (ROOT / "models" / "pkuseg_zh" / "weights.npz").exists() else "jieba"
    docs = seed_eval.seed_inputs(bounds)
    out: dict[str, Any] = {"word_bounds": bounds}
    for name, use_rules in (("model_only", False), ("with_rules", True)):
        rec = EntityRecognizer(zh_model=model, zh_backend="spacy", use_rules=use_rules)
        pred = ROOT / "build" / "ner" / f"seeds.{name}.jsonl"
        pred.parent.mkdir(parents=True, exist_ok=True)
        with pred.open("w", encoding="utf-8") as fh:
            for (fname, lang, _), mentions in zip(docs, rec([d for _, _, d in docs]), strict=True):
                fh.write(json.dumps(seed_eval.gold_record(fname, lang, mentions), ensure_ascii=False) + "\n")
        rows = score(load_file(seed_eval.GOLD), load_file(pred), by_lang=True)
        out[name] = {f"{r['group']}/{r['type']}": r["f1"] for r in rows
                     if r["group"] == "zh" and r["type"] in LABELS}
    return out


def _size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def card(model: Path, metrics: dict[str, Any]) -> str:
    msra, train, arch = metrics["msra_test"], metrics["training"], metrics["architecture"]
    lines = [
        "# ner_zh — Chinese PERSON / ORG / LOC recognizer", "",
        "A spaCy pipeline (`tok2vec` + `ner`) trained by this project. `pipeline.ner.EntityRecognizer` "
        "runs it over the Chinese runs of each document and adds rules and a gazetteer on top.", "",
        "## Data and terms of use", "",
        "**Research / evaluation use only.** The training corpora are public research corpora whose terms "
        "are research use (or are not stated by their publishers); this model inherits those terms "
        "(see `../shared/data/README.md`).", "",
        "| corpus | used | licence / terms |", "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in (DATA_TERMS[k] for k in metrics["corpora"])],
        "", "Labels: PER/NAME → PERSON, LOC → LOC, ORG → ORG (CLUENER government/company → ORG, address "
        "kept only when it ends like a place name). Test: MSRA test split (not used in training).", "",
        "## Architecture", "",
        f"- tokenizer: spaCy Chinese, `{arch['segmenter']}` segmenter (one token per character)",
        f"- tok2vec: {arch['tok2vec']}",
        f"- ner: {arch['ner']}",
        f"- size on disk: {metrics['size_mb']} MB", "",
        "## Training", "",
        "- command: `make models` (runs `python -m pipeline.tools.training.ner_zh_data` then "
        "`python -m spacy train configs/train/ner_zh.cfg ...`; config `configs/train/ner_zh.cfg`)",
    ]
    if train.get("steps") is not None:
        bd = train["best_dev"]
        lines.append(f"- {train['steps']} steps over {train['epochs']} epoch(s); best dev ents F1 "
                     f"{bd['ents_f']:.3f} at step {bd['step']}")
    if train.get("wall_seconds"):
        lines.append(f"- training time: {train['wall_seconds'] / 60:.0f} min on 2 CPU cores (from the log)")
    o = msra["overall"]
    lines += ["", "## MSRA test scores", "",
              f"{msra['sentences']} sentences, {msra['chars']} characters (spaCy Scorer, exact spans).", "",
              "| label | P | R | F1 |", "|---|---|---|---|",
              f"| all | {o['p']:.3f} | {o['r']:.3f} | {o['f']:.3f} |"]
    for lab in LABELS:
        s = msra["per_label"].get(lab) or {}
        if s:
            lines.append(f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |")
    seeds = metrics.get("seeds")
    lines += ["", "## Seed documents (project gold, Chinese part)", ""]
    if seeds:
        lines += ["F1 on `eval/seeds.gold.jsonl` (document-level sets, reference scorer; "
                  f"Chinese word bounds from {seeds.get('word_bounds', 'jieba')}).", "",
                  "| | PERSON | ORG | LOC |", "|---|---|---|---|"]
        for name, row in seeds.items():
            if not isinstance(row, dict):
                continue
            lines.append(f"| {name.replace('_', ' ')} | " + " | ".join(
                f"{row.get(f'zh/{lab}', 0):.3f}" for lab in ("PERSON", "ORG", "LOC")) + " |")
    else:
        lines.append("Not measured in this build (shared evaluation material not present).")
    lines += ["", "## Limits", "",
              "- Trained on newswire, resumes and short Weibo/news texts; long institution names and "
              "role chains of political news are cut or missed without the package's rules.",
              "- Labels are PERSON / LOC / ORG only; GPE and facilities are LOC.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=Path("models/ner_zh"))
    ap.add_argument("--test", type=Path, default=Path("build/ner_zh/msra_test.spacy"))
    ap.add_argument("--log", type=Path, default=None)
    ap.add_argument("--seeds", action="store_true", help="also score EntityRecognizer on the seed documents")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--corpora", default="msra,peoples-daily,cluener,resume",
                    help="the corpora the model was trained on (as given to ner_zh_data)")
    args = ap.parse_args(argv)
    log = args.log or next((p for p in (Path("build/ner_zh/train.log"), Path("build/logs/ner_zh_train.log"))
                            if p.exists()), None)
    metrics: dict[str, Any] = {
        "model": str(args.model), "corpora": args.corpora.split(","), "size_mb": _size_mb(args.model),
        "architecture": architecture(args.model),
        "training": training_facts(log), "msra_test": msra_scores(args.model, args.test),
        "seeds": seed_scores(args.model, args.shared) if args.seeds else None,
    }
    if metrics["seeds"] is None and (args.model / "metrics.json").exists():
        previous = json.loads((args.model / "metrics.json").read_text(encoding="utf-8"))
        metrics["seeds"] = previous.get("seeds")  # keep the last measured seed scores
    dump = json.dumps(metrics, indent=2, ensure_ascii=False) + "\n"
    (args.model / "metrics.json").write_text(dump, encoding="utf-8")
    (args.model / "README.md").write_text(card(args.model, metrics), encoding="utf-8")
    o = metrics["msra_test"]["overall"]
    print(f"MSRA test P {o['p']:.3f} R {o['r']:.3f} F1 {o['f']:.3f}; wrote the card in {args.model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
