"""Train the Chinese BiLSTM-CRF tagger (characters + character bigrams) with PyTorch and export it for NumPy.

Why: a character BiLSTM-CRF with bigram embeddings is the published non-transformer recipe for Chinese news
NER; it is trained here offline (``make models-ner-zh-lstm``, PyTorch from ``requirements/train.txt``) and
run by ``pipeline.nlp.lstm_ner`` with NumPy only.

Data (``../shared/data/ner-zh``, labels mapped by ``ner_zh_data``): MSRA train minus a held-out split,
People's Daily 1998 (both files; most of it repeats MSRA train and is de-duplicated), optionally CLUENER2020
and Resume train. Held out for model selection, never trained on: 2,000 MSRA train sentences (seed 13, the
same split as the spaCy model's) and the CLUENER2020 dev split. MSRA test is only scored, after training.

Outputs in ``--out``: ``weights.npz``, ``vocab.json`` (+ ``lexicon.txt`` when the dictionary feature is on),
``metrics.json`` (held-out curve, MSRA test P/R/F1 per label, NumPy-vs-PyTorch agreement, timings).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from pipeline.nlp.lstm_features import (
    BOS,
    EOS,
    LEXICON_CODES,
    bigram_ids,
    char_ids,
    lexicon_codes,
    normalise,
    partial_allowed,
    spans_to_tags,
    tag_names,
    word_prefixes,
)
from pipeline.nlp.lstm_ner import BiLstmCrf
from pipeline.tools.training.ner_zh_data import Sample, read_char_tagged, read_cluener

LABELS = ("PERSON", "ORG", "LOC")
SEED = 13
MSRA_DEV_SIZE = 2000
CORPORA = ("msra", "peoples-daily", "cluener", "resume")
NEG = -10000.0  # score of a forbidden BIOES transition


# data ------------------------------------------------------------------------------------------------------
def load_corpora(data: Path, corpora: Sequence[str], seed: int = SEED,
                 partial: Sequence[str] = ()) -> dict[str, list[Sample]]:
    """Train / held-out / test samples. Training texts are de-duplicated and never equal a held-out or test
    text (People's Daily 1998 repeats much of MSRA train). Texts of the ``partial`` corpora are listed again
    under "partial": their places are not all marked (see ``partial_allowed``)."""
    zh = data / "ner-zh"
    msra = list(read_char_tagged(zh / "msra" / "msra_train_bio", "\t"))
    random.Random(seed).shuffle(msra)
    dev_msra = msra[:MSRA_DEV_SIZE]
    dev_cluener = list(read_cluener(zh / "cluener2020" / "dev.json"))
    test = list(read_char_tagged(zh / "msra" / "msra_test_bio", "\t"))
    readers = {
        "msra": lambda: msra[MSRA_DEV_SIZE:],
        "peoples-daily": lambda: [*read_char_tagged(zh / "peoples-daily-1998" / "example.dev", None),
                                  *read_char_tagged(zh / "peoples-daily-1998" / "example.test", None)],
        "cluener": lambda: list(read_cluener(zh / "cluener2020" / "train.json")),
        "resume": lambda: list(read_char_tagged(zh / "resume" / "train.char.bmes", None)),
    }
    held_out = {text for text, _ in (*dev_msra, *dev_cluener, *test)}
    seen: set[str] = set()
    train: list[Sample] = []
    partial_texts: list[Sample] = []
    for name in corpora:
        for text, spans in readers[name]():
            if text.strip() and text not in held_out and text not in seen:
                seen.add(text)
                train.append((text, spans))
                if name in partial:
                    partial_texts.append((text, spans))
    return {"train": train, "partial": partial_texts, "dev_msra": dev_msra, "dev_cluener": dev_cluener,
            "msra_test": test}


def build_vocab(texts: Sequence[str], min_char: int, min_bigram: int) -> tuple[list[str], list[str]]:
    """Characters and bigrams seen at least ``min_*`` times; index 0 is padding, 1 unknown."""
    chars: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for text in texts:
        norm = BOS + normalise(text) + EOS
        chars.update(norm[1:-1])
        bigrams.update(norm[i:i + 2] for i in range(len(norm) - 1))
    keep_c = sorted(c for c, n in chars.items() if n >= min_char)
    keep_b = sorted(b for b, n in bigrams.items() if n >= min_bigram)
    return ["<pad>", "<unk>", *keep_c], ["<pad>", "<unk>", *keep_b]


def read_lexicon(path: Path, max_word: int) -> list[str]:
    words = {normalise(w.strip()) for w in path.read_text(encoding="utf-8").split()}
    return sorted(w for w in words if 2 <= len(w) <= max_word)


class Encoder:
    """Samples to id arrays with the same feature functions the NumPy run time uses."""

    def __init__(self, chars: list[str], bigrams: list[str], lexicon: list[str] | None, max_word: int) -> None:
        self.chars = {c: i for i, c in enumerate(chars)}
        self.bigrams = {b: i for i, b in enumerate(bigrams)}
        self.words = frozenset(lexicon or ())
        self.prefixes = word_prefixes(self.words)
        self.lexicon = lexicon is not None
        self.max_word = max_word
        self.tags = {t: i for i, t in enumerate(tag_names(LABELS))}

    def __call__(self, sample: Sample, partial: bool = False) -> dict[str, np.ndarray]:
        text, spans = sample
        norm = normalise(text)
        left, right = bigram_ids(norm, self.bigrams)
        out = {"char": char_ids(norm, self.chars), "left": left, "right": right,
               "tags": spans_to_tags(len(text), spans, self.tags)}
        if self.lexicon:
            out["lexicon"] = lexicon_codes(norm, self.words, self.prefixes, self.max_word)
        if partial:
            out["allowed"] = partial_allowed(len(text), spans, self.tags)
        return out


def batches(encoded: list[dict[str, np.ndarray]], size: int, rng: random.Random | None) -> Iterator[list[int]]:
    """Indices in batches of similar length (shuffled batch order when ``rng`` is given); partly labelled
    sentences are batched apart, as their loss is computed differently."""
    order = sorted(range(len(encoded)), key=lambda i: ("allowed" in encoded[i], len(encoded[i]["char"])))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    yield from groups


def to_tensors(encoded: list[dict[str, np.ndarray]], idx: list[int]) -> dict[str, torch.Tensor]:
    width = max(len(encoded[i]["char"]) for i in idx)
    out: dict[str, torch.Tensor] = {}
    for key in encoded[idx[0]]:
        first = encoded[idx[0]][key]
        fill = np.ones if first.dtype == bool else np.zeros  # padding: every tag allowed; id 0
        arr = fill((len(idx), width, *first.shape[1:]), dtype=first.dtype)
        for b, i in enumerate(idx):
            arr[b, :len(encoded[i][key])] = encoded[i][key]
        out[key] = torch.from_numpy(arr)
    out["lengths"] = torch.tensor([len(encoded[i]["char"]) for i in idx])
    out["mask"] = torch.arange(width)[None, :] < out["lengths"][:, None]
    return out


# model -----------------------------------------------------------------------------------------------------
def allowed_transitions(tags: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """BIOES constraints as additive masks (0 allowed, NEG forbidden) for transitions, start and end."""
    k = len(tags)
    trans = torch.zeros(k, k)
    start = torch.zeros(k)
    end = torch.zeros(k)
    for i, a in enumerate(tags):
        pa, _, la = a.partition("-")
        if pa in ("I", "E"):
            start[i] = NEG
        if pa in ("B", "I"):
            end[i] = NEG
        for j, b in enumerate(tags):
            pb, _, lb = b.partition("-")
            inside = pa in ("B", "I")
            ok = (pb in ("I", "E") and lb == la) if inside else pb in ("O", "B", "S")
            if not ok:
                trans[i, j] = NEG
    return trans, start, end


class Tagger(nn.Module):
    def __init__(self, n_chars: int, n_bigrams: int, cfg: dict[str, Any], tags: list[str]) -> None:
        super().__init__()
        self.cfg = cfg
        self.char = nn.Embedding(n_chars, cfg["char_dim"], padding_idx=0, sparse=True)
        self.bigram = nn.Embedding(n_bigrams, cfg["bigram_dim"], padding_idx=0, sparse=True)
        width = cfg["char_dim"] + 2 * cfg["bigram_dim"]
        self.lexicon = None
        if cfg["lexicon"]:
            self.lexicon = nn.Embedding(LEXICON_CODES, cfg["lexicon_dim"])
            width += cfg["lexicon_dim"]
        self.drop_in = nn.Dropout(cfg["dropout"])
        self.lstm = nn.LSTM(width, cfg["hidden"], num_layers=cfg["layers"], bidirectional=True, batch_first=True,
                            dropout=cfg["dropout_lstm"] if cfg["layers"] > 1 else 0.0)
        self.drop_out = nn.Dropout(cfg["dropout_lstm"])
        self.out = nn.Linear(2 * cfg["hidden"], len(tags))
        self.trans = nn.Parameter(torch.zeros(len(tags), len(tags)))
        self.start = nn.Parameter(torch.zeros(len(tags)))
        self.end = nn.Parameter(torch.zeros(len(tags)))
        masks = allowed_transitions(tags)
        self.register_buffer("trans_mask", masks[0])
        self.register_buffer("start_mask", masks[1])
        self.register_buffer("end_mask", masks[2])

    def crf(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        masks: list[torch.Tensor] = [self.get_buffer(n) for n in ("trans_mask", "start_mask", "end_mask")]
        return self.trans + masks[0], self.start + masks[1], self.end + masks[2]

    def emissions(self, b: dict[str, torch.Tensor]) -> torch.Tensor:
        parts = [self.char(b["char"]), self.bigram(b["left"]), self.bigram(b["right"])]
        if self.lexicon is not None:
            parts.append(self.lexicon(b["lexicon"]))
        x = self.drop_in(torch.cat(parts, dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(x, b["lengths"], batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        scores: torch.Tensor = self.out(self.drop_out(h))
        return scores

    def nll(self, b: dict[str, torch.Tensor]) -> torch.Tensor:
        em = self.emissions(b)
        trans, start, end = self.crf()
        mask = b["mask"]
        log_z = log_partition(em, trans, start, end, mask)
        if "allowed" in b:  # partly labelled: the gold score is the sum over every path the labels allow
            gold = log_partition(em + torch.where(b["allowed"], 0.0, NEG), trans, start, end, mask)
            return (log_z - gold).sum()
        tags = b["tags"]
        batch = torch.arange(em.shape[0])
        gold = start[tags[:, 0]] + em[batch, 0, tags[:, 0]]
        for t in range(1, em.shape[1]):
            step = em[batch, t, tags[:, t]] + trans[tags[:, t - 1], tags[:, t]]
            gold = gold + step * mask[:, t]
        gold = gold + end[tags[batch, b["lengths"] - 1]]
        return (log_z - gold).sum()


def log_partition(em: torch.Tensor, trans: torch.Tensor, start: torch.Tensor, end: torch.Tensor,
                  mask: torch.Tensor) -> torch.Tensor:
    """Log of the summed scores of every tag path (the CRF forward algorithm), per sentence."""
    alpha = start[None, :] + em[:, 0]
    for t in range(1, em.shape[1]):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, t]
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    return torch.logsumexp(alpha + end[None, :], dim=1)


# export ----------------------------------------------------------------------------------------------------
def _half(t: torch.Tensor) -> np.ndarray:
    return t.detach().to(torch.float16).numpy()


def round_embeddings(model: Tagger) -> None:
    """Store-as-float16 embeddings: round the live model too, so PyTorch and NumPy see the same numbers."""
    with torch.no_grad():
        for emb in (model.char, model.bigram):
            emb.weight.copy_(emb.weight.to(torch.float16).to(torch.float32))


def export(model: Tagger, chars: list[str], bigrams: list[str], lexicon: list[str] | None, out: Path,
           meta: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    weights: dict[str, np.ndarray] = {"emb.char": _half(model.char.weight), "emb.bigram": _half(model.bigram.weight)}
    if model.lexicon is not None:
        weights["emb.lexicon"] = model.lexicon.weight.detach().numpy()
    for layer in range(model.cfg["layers"]):
        for suffix, name in (("", "fwd"), ("_reverse", "bwd")):
            p = {k: getattr(model.lstm, f"{k}_l{layer}{suffix}").detach().numpy()
                 for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
            weights[f"lstm{layer}.{name}.w_ih"] = p["weight_ih"]
            weights[f"lstm{layer}.{name}.w_hh"] = p["weight_hh"]
            weights[f"lstm{layer}.{name}.bias"] = p["bias_ih"] + p["bias_hh"]
    weights["out.weight"] = model.out.weight.detach().numpy()
    weights["out.bias"] = model.out.bias.detach().numpy()
    trans, start, end = model.crf()
    weights["crf.trans"], weights["crf.start"], weights["crf.end"] = (
        trans.detach().numpy(), start.detach().numpy(), end.detach().numpy())
    np.savez_compressed(out / "weights.npz", allow_pickle=False, **weights)
    vocab = {"config": {**model.cfg, **meta}, "tags": tag_names(LABELS), "chars": chars, "bigrams": bigrams}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    if lexicon is not None:
        (out / "lexicon.txt").write_text("\n".join(lexicon) + "\n", encoding="utf-8")
    elif (out / "lexicon.txt").exists():
        (out / "lexicon.txt").unlink()


# decoding and scoring --------------------------------------------------------------------------------------
def torch_decode(model: Tagger, b: dict[str, torch.Tensor]) -> list[list[int]]:
    em = model.emissions(b)
    trans, start, end = model.crf()
    mask = b["mask"]
    score = start[None, :] + em[:, 0]
    back = []
    for t in range(1, em.shape[1]):
        best, idx = (score[:, :, None] + trans[None]).max(dim=1)
        back.append(idx)
        score = torch.where(mask[:, t:t + 1], best + em[:, t], score)
    score = score + end[None, :]
    paths = []
    for i, n in enumerate(b["lengths"].tolist()):
        tag = int(score[i].argmax())
        path = [tag]
        for t in range(n - 1, 0, -1):
            tag = int(back[t - 1][i, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def predict(model: Tagger, encoded: list[dict[str, np.ndarray]], size: int = 64) -> list[list[int]]:
    model.eval()
    out: list[list[int]] = [[] for _ in encoded]
    with torch.no_grad():
        for idx in batches(encoded, size, None):
            for i, path in zip(idx, torch_decode(model, to_tensors(encoded, idx)), strict=True):
                out[i] = path
    return out


def score_spans(gold: Sequence[Sample], pred: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Exact-span P/R/F1 per label and overall ("all")."""
    counts: dict[str, Counter[str]] = {lab: Counter() for lab in ("all", *LABELS)}
    for (_, g_spans), p_spans in zip(gold, pred, strict=True):
        g, p = set(map(tuple, g_spans)), set(map(tuple, p_spans))
        for lab in LABELS:
            gl = {s for s in g if s[2] == lab}
            pl = {s for s in p if s[2] == lab}
            for key in (lab, "all"):
                counts[key]["tp"] += len(gl & pl)
                counts[key]["gold"] += len(gl)
                counts[key]["pred"] += len(pl)
    out = {}
    for lab, c in counts.items():
        prec = c["tp"] / c["pred"] if c["pred"] else 0.0
        rec = c["tp"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4),
                    "gold": c["gold"], "pred": c["pred"]}
    return out


def tag_spans(paths: list[list[int]]) -> list[list[tuple[int, int, str]]]:
    from pipeline.nlp.lstm_features import tags_to_spans

    names = tag_names(LABELS)
    return [tags_to_spans(p, names) for p in paths]


# training --------------------------------------------------------------------------------------------------
def train(args: argparse.Namespace) -> dict[str, Any]:
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    t0 = time.time()
    partial = [c for c in args.partial.split(",") if c]
    data = load_corpora(args.data, args.corpora.split(","), args.seed, partial)
    if args.limit:
        data = {k: v[:args.limit] for k, v in data.items()}
    lexicon = read_lexicon(args.lexicon, args.max_word) if args.lexicon else None
    chars, bigrams = build_vocab([t for t, _ in data["train"]], args.min_char, args.min_bigram)
    enc = Encoder(chars, bigrams, lexicon, args.max_word)
    partial_texts = {text for text, _ in data.pop("partial")}
    encoded = {k: [enc(s, k == "train" and s[0] in partial_texts) for s in v] for k, v in data.items()}
    prep_s = time.time() - t0
    print(json.dumps({k: len(v) for k, v in data.items()} | {"chars": len(chars), "bigrams": len(bigrams),
                                                            "prep_s": round(prep_s)}), flush=True)
    cfg = {"char_dim": args.char_dim, "bigram_dim": args.bigram_dim, "lexicon": lexicon is not None,
           "lexicon_dim": args.lexicon_dim, "hidden": args.hidden, "layers": args.layers,
           "dropout": args.dropout, "dropout_lstm": args.dropout_lstm}
    tags = tag_names(LABELS)
    model = Tagger(len(chars), len(bigrams), cfg, tags)
    sparse = [model.char.weight, model.bigram.weight]
    dense = [p for p in model.parameters() if all(p is not s for s in sparse)]
    opt_dense = torch.optim.Adam(dense, lr=args.lr)
    opt_sparse = torch.optim.SparseAdam(sparse, lr=args.lr)
    rng = random.Random(args.seed)
    held = [*data["dev_msra"], *data["dev_cluener"]]
    held_enc = [*encoded["dev_msra"], *encoded["dev_cluener"]]
    best, best_epoch, curve = -1.0, 0, []
    best_state: dict[str, torch.Tensor] = {}
    for epoch in range(1, args.epochs + 1):
        t_epoch = time.time()
        lr = args.lr / (1 + args.lr_decay * (epoch - 1))
        for opt in (opt_dense, opt_sparse):
            for group in opt.param_groups:
                group["lr"] = lr
        model.train()
        total = 0.0
        for idx in batches(encoded["train"], args.batch, rng):
            b = to_tensors(encoded["train"], idx)
            loss = model.nll(b)
            opt_dense.zero_grad()
            opt_sparse.zero_grad()
            (loss / len(idx)).backward()
            nn.utils.clip_grad_norm_(dense, args.clip)
            opt_dense.step()
            opt_sparse.step()
            total += loss.item()
        pred = tag_spans(predict(model, held_enc))
        s_msra = score_spans(data["dev_msra"], pred[:len(data["dev_msra"])])
        s_clue = score_spans(data["dev_cluener"], pred[len(data["dev_msra"]):])
        s_all = score_spans(held, pred)
        row = {"epoch": epoch, "loss": round(total / len(encoded["train"]), 3), "lr": round(lr, 6),
               "held_out_f1": s_all["all"]["f1"], "dev_msra_f1": s_msra["all"]["f1"],
               "dev_cluener_f1": s_clue["all"]["f1"], "minutes": round((time.time() - t_epoch) / 60, 2)}
        curve.append(row)
        print(json.dumps(row), flush=True)
        if s_all["all"]["f1"] > best:
            best, best_epoch = s_all["all"]["f1"], epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        elif epoch - best_epoch >= args.patience:
            break
        if (time.time() - t0) / 60 > args.max_minutes:
            print(json.dumps({"stopped": "time budget", "minutes": round((time.time() - t0) / 60, 1)}))
            break
    train_minutes = (time.time() - t0) / 60
    model.load_state_dict(best_state)
    model.eval()
    round_embeddings(model)
    meta = {"max_word": args.max_word, "corpora": args.corpora, "partial": args.partial, "seed": args.seed,
            "best_epoch": best_epoch,
            "min_char": args.min_char, "min_bigram": args.min_bigram}
    export(model, chars, bigrams, lexicon, args.out, meta)
    return {"data": data, "encoded": encoded, "model": model, "curve": curve, "best_epoch": best_epoch,
            "train_minutes": train_minutes, "prep_s": prep_s, "cfg": cfg}


def evaluate(args: argparse.Namespace, result: dict[str, Any]) -> dict[str, Any]:
    """Scores of the exported NumPy model, and its agreement with the PyTorch model it came from."""
    data, encoded, model = result["data"], result["encoded"], result["model"]
    np_model = BiLstmCrf(args.out)
    check = data["dev_msra"][:args.check_sentences]
    torch_paths = predict(model, encoded["dev_msra"][:args.check_sentences])
    np_paths = np_model.tag_ids([t for t, _ in check])
    same = sum(a == b for a, b in zip(torch_paths, np_paths, strict=True))
    scores = {}
    timing = {}
    for name in ("dev_msra", "dev_cluener", "msra_test"):
        texts = [t for t, _ in data[name]]
        t0 = time.perf_counter()
        pred = np_model.spans(texts)
        secs = time.perf_counter() - t0
        timing[name] = {"chars": sum(map(len, texts)), "seconds": round(secs, 2),
                        "chars_per_s": round(sum(map(len, texts)) / secs)}
        scores[name] = score_spans(data[name], pred)
    size = sum(f.stat().st_size for f in args.out.iterdir() if f.is_file())
    metrics = {"config": result["cfg"], "corpora": args.corpora, "partial": args.partial,
               "counts": {k: len(v) for k, v in data.items()},
               "curve": result["curve"], "best_epoch": result["best_epoch"],
               "train_minutes": round(result["train_minutes"], 1), "prep_seconds": round(result["prep_s"]),
               "threads": args.threads, "scores": scores,
               "vocab": {"chars": len(np_model.chars), "bigrams": len(np_model.bigrams), "min_char": args.min_char,
                         "min_bigram": args.min_bigram},
               "hyper": {k: getattr(args, k) for k in ("lr", "lr_decay", "batch", "clip", "seed", "epochs",
                                                       "patience")}, "numpy_speed": timing,
               "numpy_equals_torch": {"sentences": len(check), "same_tags": same}, "size_bytes": size}
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    return metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("models/ner_zh_lstm"))
    ap.add_argument("--corpora", default="msra,peoples-daily", help=f"comma-separated subset of {CORPORA}")
    ap.add_argument("--partial", default="",
                    help="corpora whose places are not all marked (their persons and organisations are): cluener")
    ap.add_argument("--lexicon", type=Path, default=None, help="word list for the dictionary feature")
    ap.add_argument("--max-word", type=int, default=8)
    ap.add_argument("--min-char", type=int, default=2)
    ap.add_argument("--min-bigram", type=int, default=2)
    ap.add_argument("--char-dim", type=int, default=100)
    ap.add_argument("--bigram-dim", type=int, default=50)
    ap.add_argument("--lexicon-dim", type=int, default=16)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--dropout-lstm", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--lr-decay", type=float, default=0.05)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--clip", type=float, default=5.0)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--max-minutes", type=float, default=80.0, help="stop after the epoch that passes this")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--limit", type=int, default=0, help="use only this many sentences of each set (smoke runs)")
    ap.add_argument("--check-sentences", type=int, default=500)
    args = ap.parse_args(argv)
    result = train(args)
    metrics = evaluate(args, result)
    print(json.dumps({k: metrics[k] for k in ("best_epoch", "train_minutes", "numpy_equals_torch", "size_bytes")}))
    print(json.dumps(metrics["scores"]["msra_test"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
