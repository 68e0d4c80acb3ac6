"""Train the project's Chinese word segmenter (spacy-pkuseg) and measure it against jieba.

Why here: the only segmented Chinese text available offline is the SIGHAN 2005
PKU and MSR *test* gold, so each file is split deterministically (by a hash of the
line text, so duplicate lines never straddle the split) into train / dev / held-out
test. pkuseg logs dev F1 per iteration; every reported score is on held-out lines
only, for the trained model and for jieba on exactly the same lines.

Run from the repository root (`make models`)::

    python -m pipeline.tools.training.pkuseg_train --data ../shared/data --out models/pkuseg_zh
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.nlp.words_zh import MODEL_FILES, ZhWordSegmenter, word_spans

CORPORA = ("pku", "msr")
SEED = "pkuseg_zh/v1"
TEST_FRACTION = 0.15
DEV_FRACTION = 0.05
TRAIN_ITER = 10  # dev F1 flat after ~9 iterations (91.7 at 10, 91.8 at 16)
LICENCE = (
    "SIGHAN 2005 Second International Chinese Word Segmentation Bakeoff data (icwb2: PKU = Peking "
    "University, MSR = Microsoft Research Asia): research and evaluation use only under the SIGHAN "
    "bakeoff terms. This model is derived from that data and carries the same restriction; it is not "
    "cleared for commercial use."
)

Span = tuple[int, int]
Line = list[str]
Scores = dict[str, dict[str, float | int]]


@dataclass(frozen=True, slots=True)
class Prf:
    """Word-level counts; precision/recall/F1 follow from them (so counts can be summed)."""

    gold: int = 0
    pred: int = 0
    correct: int = 0

    def __add__(self, other: Prf) -> Prf:
        return Prf(self.gold + other.gold, self.pred + other.pred, self.correct + other.correct)

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold_words": self.gold,
            "pred_words": self.pred,
            "correct_words": self.correct,
        }


def score_spans(gold: Iterable[Span], pred: Iterable[Span]) -> Prf:
    """Standard word F1: a predicted word is correct iff its character span is a gold word."""
    gold_set, pred_set = set(gold), set(pred)
    return Prf(len(gold_set), len(pred_set), len(gold_set & pred_set))


def gold_spans(words: Sequence[str]) -> list[Span]:
    """Spans of gold words over their concatenation (the unsegmented sentence)."""
    return word_spans("".join(words), words)


def read_gold(path: Path) -> list[Line]:
    """SIGHAN gold: one sentence per line, words separated by whitespace (CRLF tolerated)."""
    with path.open(encoding="utf-8") as fh:
        return [words for words in (raw.split() for raw in fh) if words]


def split_part(line: Line, corpus: str, seed: str = SEED) -> float:
    """A stable pseudo-random number in [0, 1) from the line's text (not its position)."""
    digest = hashlib.sha256(f"{seed}\t{corpus}\t{' '.join(line)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_lines(
    lines: Sequence[Line],
    corpus: str,
    seed: str = SEED,
    test_fraction: float = TEST_FRACTION,
    dev_fraction: float = DEV_FRACTION,
) -> dict[str, list[int]]:
    """Line indices of ``train`` / ``dev`` / ``test``; identical lines land in the same part."""
    parts: dict[str, list[int]] = {"train": [], "dev": [], "test": []}
    for idx, line in enumerate(lines):
        u = split_part(line, corpus, seed)
        part = "test" if u < test_fraction else "dev" if u < test_fraction + dev_fraction else "train"
        parts[part].append(idx)
    return parts


def read_word_list(path: Path) -> list[str]:
    """A bakeoff training word list: one word per line; blank lines dropped."""
    with path.open(encoding="utf-8") as fh:
        return [w for w in (raw.strip() for raw in fh) if w and not any(c.isspace() for c in w)]


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms to ASCII (as typical web news writes them); length-preserving."""
    return "".join(
        unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" else c for c in text
    )


def evaluate(segment: Callable[[str], list[Span]], sentences: Sequence[Line]) -> Prf:
    """Micro-averaged word P/R/F1 of ``segment`` on gold sentences (input = words joined)."""
    total = Prf()
    for words in sentences:
        total += score_spans(gold_spans(words), segment("".join(words)))
    return total


def jieba_segmenter() -> Callable[[str], list[Span]]:
    """jieba with its default dictionary and HMM on, as spans."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()

    def segment(text: str) -> list[Span]:
        return word_spans(text, [w for w in tokenizer.lcut(text, HMM=True) if w.strip()])

    return segment


def pkuseg_native_dict_segmenter(model_dir: Path, words: list[str]) -> Callable[[str], list[Span]]:
    """pkuseg's own user-dict path (forced pre-match + bundled post-merge), for comparison."""
    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=words)

    def segment(text: str) -> list[Span]:
        return word_spans(text, seg.cut(text))

    return segment


def write_lines(path: Path, lines: Iterable[Line]) -> int:
    """pkuseg training format: one sentence per line, words separated by one space."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(" ".join(line) + "\n")
            n += 1
    return n


def train_model(train_file: Path, dev_file: Path, out_dir: Path, train_iter: int, log: Path) -> float:
    """Run spacy_pkuseg.train (stdout to ``log``); returns wall seconds."""
    import spacy_pkuseg

    random.seed(SEED)  # pkuseg shuffles examples with the global `random` each epoch
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as fh, contextlib.redirect_stdout(fh):
        spacy_pkuseg.train(str(train_file), str(dev_file), str(out_dir), train_iter=train_iter)
    return time.perf_counter() - started


def compact_model(model_dir: Path) -> dict[str, int]:
    """Drop the word-bigram list from features.msgpack: inference never reads it.

    (pkuseg's inference path looks features up in ``feature_to_idx`` and words in
    ``unigram``; ``bigram`` is only used while building features for training.)
    """
    import srsly

    path = model_dir / "features.msgpack"
    data = srsly.read_msgpack(path)
    dropped = len(data["bigram"])
    data["bigram"] = []
    srsly.write_msgpack(path, data)
    return {
        "bigrams_dropped": dropped,
        "features": len(data["feature_to_idx"]),
        "unigrams": len(data["unigram"]),
    }


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scores(
    segment: Callable[[str], list[Span]] | dict[str, Callable[[str], list[Span]]], test: dict[str, list[Line]]
) -> Scores:
    """Per-corpus and pooled scores; ``segment`` may be one segmenter or one per corpus."""
    per = {
        corpus: evaluate(segment[corpus] if isinstance(segment, dict) else segment, lines)
        for corpus, lines in test.items()
    }
    total = sum(per.values(), Prf())
    return {**{c: p.as_dict() for c, p in per.items()}, "all": total.as_dict()}


def run(data_root: Path, out_dir: Path, train_iter: int, use_word_lists: bool, command: str) -> dict:
    """Split, train, compact, evaluate; writes the model, metrics.json and README.md to ``out_dir``."""
    icwb = data_root / "seg-zh" / "icwb2"
    train: list[Line] = []
    dev: list[Line] = []
    test: dict[str, list[Line]] = {}
    split_info: dict[str, dict[str, int | str]] = {}
    for corpus in CORPORA:
        lines = read_gold(icwb / f"{corpus}_test_gold.utf8")
        parts = split_lines(lines, corpus)
        train += [lines[i] for i in parts["train"]]
        dev += [lines[i] for i in parts["dev"]]
        test[corpus] = [lines[i] for i in parts["test"]]
        held = "\n".join(" ".join(line) for line in test[corpus])
        split_info[corpus] = {
            "lines": len(lines),
            **{f"{k}_lines": len(v) for k, v in parts.items()},
            "test_chars": sum(len("".join(line)) for line in test[corpus]),
            "test_words": sum(len(line) for line in test[corpus]),
            "test_sha256": hashlib.sha256(held.encode()).hexdigest(),
        }
    word_lists = {c: read_word_list(icwb / f"{c}_training_words.utf8") for c in CORPORA}
    all_words = sorted({w for ws in word_lists.values() for w in ws})
    extra = [[w] for w in all_words] if use_word_lists else []

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pkuseg_train_") as tmp:
        tmp_dir = Path(tmp)
        write_lines(tmp_dir / "train.txt", [*train, *extra])
        write_lines(tmp_dir / "dev.txt", dev)
        model_tmp = tmp_dir / "model"
        log = out_dir / "training.log"
        seconds = train_model(tmp_dir / "train.txt", tmp_dir / "dev.txt", model_tmp, train_iter, log)
        model_info = compact_model(model_tmp)
        for name in MODEL_FILES:
            shutil.copyfile(model_tmp / name, out_dir / name)

    sizes = {name: (out_dir / name).stat().st_size for name in MODEL_FILES}
    seg = ZhWordSegmenter(out_dir)
    halfwidth = {c: [[to_halfwidth(w) for w in line] for line in lines] for c, lines in test.items()}
    jieba_seg = jieba_segmenter()
    started = time.perf_counter()
    scores = {
        "pkuseg": _scores(seg.spans, test),
        "jieba": _scores(jieba_seg, test),
        "pkuseg+wordlists_merge": _scores(ZhWordSegmenter(out_dir, all_words).spans, test),
        "pkuseg+own_wordlist_merge": _scores(
            {c: ZhWordSegmenter(out_dir, word_lists[c]).spans for c in CORPORA}, test
        ),
        "pkuseg+wordlists_native_user_dict": _scores(pkuseg_native_dict_segmenter(out_dir, all_words), test),
        "halfwidth_test/pkuseg": _scores(seg.spans, halfwidth),
        "halfwidth_test/jieba": _scores(jieba_seg, halfwidth),
    }
    metrics = {
        "command": command,
        "seed": SEED,
        "split": {
            "method": "sha256(seed, corpus, line text) -> [0,1): test < 0.15 <= dev < 0.20 <= train",
            "test_fraction": TEST_FRACTION,
            "dev_fraction": DEV_FRACTION,
            **split_info,
        },
        "training": {
            "train_iter": train_iter,
            "train_sentences": len(train),
            "train_chars": sum(len("".join(line)) for line in train),
            "dev_sentences": len(dev),
            "word_lists_as_training_lines": len(extra),
            "seconds": round(seconds, 1),
            **model_info,
        },
        "model_files": {n: {"bytes": b, "sha256": sha256_file(out_dir / n)} for n, b in sizes.items()},
        "model_bytes": sum(sizes.values()),
        "scores": scores,
        "evaluation_seconds": round(time.perf_counter() - started, 1),
        "speed": segment_speed(seg, test),
        "dev_f1_per_iteration": dev_curve(out_dir / "training.log"),
        "environment": {"python": platform.python_version(), **_versions("spacy_pkuseg", "jieba", "numpy")},
        "licence": LICENCE,
    }
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out_dir / "README.md").write_text(model_card(metrics), "utf-8")
    return metrics


def segment_speed(seg: ZhWordSegmenter, test: dict[str, list[Line]]) -> dict[str, float | int]:
    """Characters per second of ``ZhWordSegmenter.spans`` on the held-out text as one document."""
    text = "\n".join("".join(line) for lines in test.values() for line in lines)
    started = time.perf_counter()
    seg.spans(text)
    seconds = time.perf_counter() - started
    return {"chars": len(text), "seconds": round(seconds, 2), "chars_per_second": round(len(text) / seconds)}


def dev_curve(log: Path) -> list[float]:
    """Dev F1 (%) per iteration from pkuseg's training log lines ``iterN ... f-score=NN.NN%``."""
    curve = []
    for line in log.read_text("utf-8").splitlines():
        if line.startswith("iter") and "f-score=" in line:
            curve.append(float(line.rsplit("f-score=", 1)[1].rstrip("%")))
    return curve


def _versions(*names: str) -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in names}


def _row(name: str, scores: Scores) -> str:
    cells = [f"{scores[c]['precision']:.4f} / {scores[c]['recall']:.4f} / **{scores[c]['f1']:.4f}**"
             for c in (*CORPORA, "all")]
    return f"| {name} | " + " | ".join(cells) + " |"


def model_card(m: dict) -> str:
    """The model's README.md, generated from its metrics so the two never disagree."""
    s, t, sp = m["split"], m["training"], m["speed"]
    split_rows = "\n".join(
        f"| {c.upper()} | {s[c]['lines']} | {s[c]['train_lines']} | {s[c]['dev_lines']} "
        f"| {s[c]['test_lines']} | {s[c]['test_chars']} | {s[c]['test_words']} |"
        for c in CORPORA
    )
    sc = m["scores"]
    labels = {
        "pkuseg": "pkuseg (this model, `ZhWordSegmenter`)",
        "jieba": f"jieba {m['environment']['jieba']} (default dict, HMM on)",
        "pkuseg+wordlists_merge": "this model + both word lists as `user_words`",
        "pkuseg+own_wordlist_merge": "this model + the corpus's own word list as `user_words`",
        "pkuseg+wordlists_native_user_dict": "this model + word lists via pkuseg `user_dict`",
        "halfwidth_test/pkuseg": "half-width test text: this model",
        "halfwidth_test/jieba": "half-width test text: jieba",
    }
    score_rows = "\n".join(_row(labels[k], v) for k, v in sc.items())
    files = "\n".join(
        f"| `{n}` | {v['bytes']:,} | `{v['sha256'][:16]}…` |" for n, v in m["model_files"].items()
    )
    return f"""# pkuseg_zh — Chinese word segmentation model

A spacy-pkuseg CRF word segmenter trained by this project (`make models`), used by
`pipeline/nlp/words_zh.py` (`ZhWordSegmenter`). Loading needs only the two files below and never
downloads anything: `spacy_pkuseg.pkuseg(model_name="<this dir>", user_dict=None)`.

## Licence and data terms

{m["licence"]}

## Data and split

SIGHAN 2005 (icwb2) PKU and MSR test gold files (`../shared/data/seg-zh/icwb2/*_test_gold.utf8`), the only
segmented Chinese text available offline. Note that PKU and MSR follow different segmentation standards
(MSR keeps long names and number expressions whole), so one model trained on both cannot match either
standard perfectly. Split: {s["method"]}; seed `{m["seed"]}`. Identical lines always fall in the same part.
Dev lines are only used for pkuseg's per-iteration log; all scores below are on the held-out test lines.

| corpus | lines | train | dev | test | test chars | test words |
|---|---|---|---|---|---|---|
{split_rows}

Training: {t["train_sentences"]} sentences ({t["train_chars"]:,} chars)
+ {t["word_lists_as_training_lines"]:,} one-word lines from the bakeoff word lists,
{t["train_iter"]} iterations, **{t["seconds"]:.0f} s** wall time
(one process on a {os.cpu_count()}-core machine shared with other jobs).
Dev F1 per iteration (%): {", ".join(f"{x:.2f}" for x in m["dev_f1_per_iteration"])}.
Speed of `ZhWordSegmenter.spans` on the held-out text as one document ({sp["chars"]:,} chars):
**{sp["chars_per_second"]:,} chars/s** (same shared machine).

Choices measured on the dev lines while building this (not re-run by the command):
- Word lists (`pku_training_words.utf8`, `msr_training_words.utf8`, 143k words) as extra one-word training
  lines: dev F1 after 2 iterations 87.1 / 88.6 % against 89.4 / 90.5 % without, at about 3x the time per
  iteration and twice the model size; pkuseg's word features are per-word identities, so isolated words add
  lexicon entries without context. Off by default (`--word-lists` turns it on). As run-time user words
  they are measured below.
- pkuseg's bundled post-merge dictionary (`user_dict="default"`): dev F1 0.9136 against 0.9184 without;
  `ZhWordSegmenter` loads with `user_dict=None`.
- Folding ASCII letters and symbols (not digits, `.`, `-`) to full width before tagging: dev F1 0.9187
  (0.9185 on the half-width copy of dev) against 0.9184 (0.9059) without folding.
- A boundary wherever a run of 2+ Latin letters touches a Han character (`力拓集团|Rio`): dev F1 unchanged
  (0.9173 with and without; such adjacencies are rare in SIGHAN text), but it fixes mixed news text.

## Held-out scores (word precision / recall / F1 over character spans, micro-averaged)

| system | PKU | MSR | all |
|---|---|---|---|
{score_rows}

"Half-width test text" is the same held-out text with full-width ASCII forms (`ＷＴＯ`, `１７％`) written
half-width (`WTO`, `17%`), as most web news writes them; `ZhWordSegmenter` folds ASCII letters and
symbols to full width before tagging. The word-list rows use the bakeoff *training* vocabularies (not the
test text): user words help when they follow the same standard as the text (own list) and hurt when they
do not (MSR's long words on PKU text); pkuseg's own `user_dict` path (forced matching before the model)
is worse in both.

## Files

| file | bytes | sha256 |
|---|---|---|
{files}

Total {m["model_bytes"] / 1e6:.1f} MB. `features.msgpack` has its word-bigram list removed
({t["bigrams_dropped"]:,} entries): pkuseg only reads it while building training features.
`metrics.json` holds every number here; `training.log` is pkuseg's own log.

## Reproduce

```
{m["command"]}
```

Same command, same split (hash of line text) and same shuffling seed (`random.seed`), so the same weights.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data root")
    parser.add_argument("--out", type=Path, default=Path("models/pkuseg_zh"), help="model directory")
    parser.add_argument("--iters", type=int, default=TRAIN_ITER, help="pkuseg training iterations")
    parser.add_argument(
        "--word-lists", action="store_true",
        help="also train on the bakeoff word lists as one-word lines (measured worse and 3x slower)",
    )
    args = parser.parse_args(argv)
    command = "python -m pipeline.tools.training.pkuseg_train " + " ".join(
        sys.argv[1:] if argv is None else list(argv)
    )
    m = run(args.data, args.out, args.iters, args.word_lists, command.strip())
    print(json.dumps({"seconds": m["training"]["seconds"], "model_bytes": m["model_bytes"],
                      "f1": {k: v["all"]["f1"] for k, v in m["scores"].items()}}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
