"""Write the model card (``README.md``) of the Chinese BiLSTM-CRF from the ``metrics.json`` its training wrote.

Why: a model trained on research-licensed corpora must say so, and its scores must come from the run that
built it; the card is generated so that it cannot drift from the numbers.

Usage: python -m pipeline.tools.training.ner_zh_lstm_card --model models/ner_zh_lstm [--note FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

LABELS = ("PERSON", "ORG", "LOC")
DATA_TERMS = {
    "msra": ("MSRA NER (SIGHAN 2006)", "train split minus 2,000 held-out sentences",
             "research use (Microsoft Research Asia, SIGHAN bakeoff)"),
    "peoples-daily": ("People's Daily 1998 NER", "both files (most sentences repeat MSRA train and are dropped "
                      "as duplicates)", "not stated; research corpus"),
    "cluener": ("CLUENER2020", "train split; name / organization / government / company / address mapped to "
                "PERSON / ORG / LOC (address only when it ends like a place name)", "not stated by the publisher"),
    "resume": ("Resume NER", "train split; NAME / ORG / LOC", "not stated; research corpus"),
}
# a corpus trained with partial labels (``ner_zh_lstm --partial``): what of it is used
PARTIAL_USE = {
    "cluener": "train split, partly labelled: name → PERSON, organization / government / company → ORG; every "
               "other character O or a place, left open (the corpus marks addresses, not every place name; the "
               "CRF sums over the readings it leaves open)",
}
LEXICON_TERMS = ("SIGHAN 2005 PKU training word list (`seg-zh/icwb2/pku_training_words.utf8`), shipped as "
                 "`lexicon.txt`", "research use (SIGHAN bakeoff terms)")


def _score_table(scores: dict[str, dict[str, Any]]) -> list[str]:
    rows = ["| label | P | R | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
    for lab in ("all", *LABELS):
        s = scores[lab]
        rows.append(f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {s['gold']} | {s['pred']} |")
    return rows


def card(metrics: dict[str, Any], model: Path, note: str = "") -> str:
    cfg = metrics["config"]
    corpora = metrics["corpora"].split(",")
    partial = {c for c in metrics.get("partial", "").split(",") if c}
    counts = metrics["counts"]
    files = sorted(p for p in model.iterdir() if p.is_file() and p.name != "README.md")
    size = sum(p.stat().st_size for p in files)
    eq = metrics["numpy_equals_torch"]
    speed = metrics["numpy_speed"]["msra_test"]
    best = metrics["curve"][metrics["best_epoch"] - 1]
    lines = [
        "# ner_zh_lstm — Chinese PERSON / ORG / LOC tagger (character BiLSTM-CRF, NumPy run time)",
        "",
        "A character-level BiLSTM-CRF with character-bigram embeddings, trained by this project with PyTorch "
        "(`make models-ner-zh-lstm`) and run by `pipeline/nlp/lstm_ner.py` with NumPy only (PyTorch is a "
        "training-time dependency, `requirements/train.txt`). Selected in a run with `ner.zh_backend: lstm`; "
        "`pipeline.nlp.recognizer.EntityRecognizer` adds the rules and the gazetteer on top.",
        "",
        "## Data and terms of use",
        "",
        "**Research / evaluation use only.** The training corpora are public research corpora whose terms are "
        "research use (or are not stated by their publishers); this model inherits those terms "
        "(see `../shared/data/README.md`).",
        "",
        "| corpus | used | licence / terms |",
        "|---|---|---|",
        *[f"| {DATA_TERMS[c][0]} | {PARTIAL_USE[c] if c in partial else DATA_TERMS[c][1]} | {DATA_TERMS[c][2]} |"
          for c in corpora],
    ]
    if cfg["lexicon"]:
        lines.append(f"| {LEXICON_TERMS[0]} | dictionary-match feature | {LEXICON_TERMS[1]} |")
    lines += [
        "",
        f"Training sentences after de-duplication: {counts['train']:,} (no training sentence equals a held-out "
        "or test sentence). Labels: PER / NAME → PERSON, ORG → ORG, LOC → LOC (CLUENER government / company / "
        "organization → ORG). Tags: BIOES, with the invalid transitions forbidden in the CRF.",
        "",
        "Held out for model selection, never trained on: 2,000 MSRA train sentences (seed 13; the same split "
        f"as the spaCy model's) and the CLUENER2020 dev split ({counts['dev_cluener']:,} sentences). The MSRA "
        f"test split ({counts['msra_test']:,} sentences) is only scored, after training.",
        "",
        "## Architecture",
        "",
        f"- input per character: character embedding ({cfg['char_dim']}) + embeddings of the left and right "
        f"character bigrams ({cfg['bigram_dim']} each, one shared table)"
        + (f" + a dictionary-match code (B/M/E of covering words, {cfg['lexicon_dim']})" if cfg["lexicon"] else "")
        + "; characters normalised (full-width to ASCII, digits to 0, lower case)",
        f"- vocabularies: {metrics['vocab']['chars']:,} characters (seen ≥ {metrics['vocab']['min_char']} times), "
        f"{metrics['vocab']['bigrams']:,} bigrams (seen ≥ {metrics['vocab']['min_bigram']} times); embeddings "
        "stored as float16",
        f"- encoder: {cfg['layers']} bidirectional LSTM layer(s), {cfg['hidden']} units per direction; dropout "
        f"{cfg['dropout']} on the inputs, {cfg['dropout_lstm']} on the LSTM output",
        "- output: linear layer to 13 BIOES tag scores, linear-chain CRF (Viterbi decoding)",
        f"- files: {', '.join(f'`{p.name}`' for p in files)}; size on disk {size / 1e6:.1f} MB",
        "",
        "## Training",
        "",
        "- command: `make models-ner-zh-lstm` (`python -m pipeline.tools.training.ner_zh_lstm`, then this card: "
        "`python -m pipeline.tools.training.ner_zh_lstm_card`)",
        f"- Adam (SparseAdam for the embeddings), learning rate {metrics['hyper']['lr']} decayed by 1/(1 + "
        f"{metrics['hyper']['lr_decay']}·epoch), batches of {metrics['hyper']['batch']} sentences of similar "
        f"length, gradient norm clipped at {metrics['hyper']['clip']}, seed {metrics['hyper']['seed']}",
        f"- {len(metrics['curve'])} epochs run (at most {metrics['hyper']['epochs']}, early stop after "
        f"{metrics['hyper']['patience']} epochs without a better held-out F1); kept epoch "
        f"{metrics['best_epoch']} (held-out F1 {best['held_out_f1']:.3f})",
        f"- training time: {metrics['train_minutes']:.0f} min including data preparation "
        f"({metrics['prep_seconds']} s), {metrics['threads']} PyTorch thread(s) on a 2-core machine shared "
        "with other jobs",
        "",
        "| epoch | loss | held-out F1 (MSRA 2,000 + CLUENER dev) | MSRA held-out F1 | CLUENER dev F1 | minutes |",
        "|---|---|---|---|---|---|",
        *[f"| {r['epoch']} | {r['loss']} | {r['held_out_f1']:.3f} | {r['dev_msra_f1']:.3f} | "
          f"{r['dev_cluener_f1']:.3f} | {r['minutes']} |" for r in metrics["curve"]],
        "",
        "## Scores (the exported NumPy model, exact spans)",
        "",
        f"### MSRA test ({counts['msra_test']:,} sentences)",
        "",
        *_score_table(metrics["scores"]["msra_test"]),
        "",
        f"### Held out: MSRA train sentences ({counts['dev_msra']:,})",
        "",
        *_score_table(metrics["scores"]["dev_msra"]),
        "",
        f"### Held out: CLUENER2020 dev ({counts['dev_cluener']:,}, labels mapped as above)",
        "",
        *_score_table(metrics["scores"]["dev_cluener"]),
        "",
        "## NumPy run time",
        "",
        f"- same tags as the PyTorch model on {eq['same_tags']} of {eq['sentences']} held-out MSRA sentences "
        "(checked by the training script after export)",
        f"- speed of `BiLstmCrf.spans` on the MSRA test sentences: {speed['chars_per_s']:,} chars/s "
        f"({speed['chars']:,} chars in {speed['seconds']} s, one process, measured at the end of training on the "
        "shared machine)",
        "",
        "## Limits",
        "",
        ("- Trained on 1990s People's Daily-style newswire (MSRA) and short 2020 news and Weibo texts "
         "(CLUENER2020, persons and organisations only); stock-market language and long institution names with "
         "sub-units of today's mining news are left to the package's rules and gazetteer."
         if "cluener" in corpora else
         "- Trained mostly on 1990s People's Daily-style newswire (MSRA); company short names, stock-market "
         "language and long institution names with sub-units of today's mining news are left to the package's "
         "rules and gazetteer."),
        "- Labels are PERSON / ORG / LOC only; GPE and facilities are LOC.",
    ]
    if note:
        lines += ["", note.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--model", type=Path, default=Path("models/ner_zh_lstm"))
    ap.add_argument("--note", type=Path, default=None, help="markdown appended to the card (experiments)")
    args = ap.parse_args(argv)
    metrics = json.loads((args.model / "metrics.json").read_text(encoding="utf-8"))
    note = args.note.read_text(encoding="utf-8") if args.note else ""
    (args.model / "README.md").write_text(card(metrics, args.model, note), encoding="utf-8")
    print(f"wrote {args.model / 'README.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
