"""NumPy run time of the Chinese BiLSTM-CRF tagger trained by ``pipeline.tools.training.ner_zh_lstm``.

Why NumPy: the model is trained with PyTorch offline, but a run should not need PyTorch (a large optional
install); the exported weights (``weights.npz``) and vocabularies (``vocab.json``) are all the forward pass
needs. Texts are sorted by length and tagged in batches (one matrix product per time step for the whole
batch), so the per-character Python work is the feature lookup only.

Architecture (the exporter writes ``config`` into ``vocab.json``): character embedding + the embeddings of
the left and right character bigrams (+ an optional dictionary-match code), ``layers`` bidirectional LSTM
layers, a linear layer to BIOES tag scores, and a linear-chain CRF decoded by Viterbi.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from pipeline.nlp.lstm_features import (
    bigram_ids,
    char_ids,
    lexicon_codes,
    normalise,
    tags_to_spans,
    word_prefixes,
)

Span = tuple[int, int, str]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class BiLstmCrf:
    """The exported model; ``spans(texts)`` gives (start, end, label) per text, offsets into that text."""

    def __init__(self, directory: Path, batch_chars: int = 4000, max_batch: int = 64) -> None:
        meta = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        self.config: dict[str, Any] = meta["config"]
        self.tags: list[str] = meta["tags"]
        self.chars = {c: i for i, c in enumerate(meta["chars"])}
        self.bigrams = {b: i for i, b in enumerate(meta["bigrams"])}
        with np.load(directory / "weights.npz") as npz:
            self.w = {k: npz[k].astype(np.float32) for k in npz.files}
        self.layers = int(self.config["layers"])
        # Transposed once here, so every step multiplies row-major matrices.
        self.t = {k: np.ascontiguousarray(v.T) for k, v in self.w.items() if k.endswith((".w_ih", ".w_hh"))}
        self.words: frozenset[str] = frozenset()
        self.prefixes: frozenset[str] = frozenset()
        if self.config.get("lexicon"):
            words = (directory / "lexicon.txt").read_text(encoding="utf-8").split()
            self.words = frozenset(words)
            self.prefixes = word_prefixes(words)
        self.batch_chars = batch_chars
        self.max_batch = max_batch

    # features -------------------------------------------------------------------------------------------
    def features(self, text: str) -> dict[str, np.ndarray]:
        norm = normalise(text)
        left, right = bigram_ids(norm, self.bigrams)
        out = {"char": char_ids(norm, self.chars), "left": left, "right": right}
        if self.config.get("lexicon"):
            out["lexicon"] = lexicon_codes(norm, self.words, self.prefixes, int(self.config["max_word"]))
        return out

    def _embed(self, feats: list[dict[str, np.ndarray]], width: int) -> tuple[np.ndarray, np.ndarray]:
        """(B, T, D) inputs and (B, T) mask of a batch, padded with id 0."""
        batch = len(feats)
        ids = {k: np.zeros((batch, width), dtype=np.int64) for k in feats[0]}
        mask = np.zeros((batch, width), dtype=bool)
        for b, f in enumerate(feats):
            n = len(f["char"])
            mask[b, :n] = True
            for k, v in f.items():
                ids[k][b, :n] = v
        parts = [self.w["emb.char"][ids["char"]], self.w["emb.bigram"][ids["left"]],
                 self.w["emb.bigram"][ids["right"]]]
        if "lexicon" in ids:
            parts.append(self.w["emb.lexicon"][ids["lexicon"]])
        return np.concatenate(parts, axis=2), mask

    # network ----------------------------------------------------------------------------------------------
    def _direction(self, x: np.ndarray, mask: np.ndarray, prefix: str, reverse: bool) -> np.ndarray:
        w_ih_t, w_hh_t = self.t[f"{prefix}.w_ih"], self.t[f"{prefix}.w_hh"]
        hidden = w_hh_t.shape[0]
        batch, width, dim = x.shape
        gates_in = (x.reshape(-1, dim) @ w_ih_t + self.w[f"{prefix}.bias"]).reshape(batch, width, -1)
        h = np.zeros((batch, hidden), dtype=np.float32)
        c = np.zeros((batch, hidden), dtype=np.float32)
        out = np.zeros((batch, width, hidden), dtype=np.float32)
        steps = range(width - 1, -1, -1) if reverse else range(width)
        for t in steps:
            g = gates_in[:, t] + h @ w_hh_t
            i = _sigmoid(g[:, :hidden])
            f = _sigmoid(g[:, hidden:2 * hidden])
            cell = np.tanh(g[:, 2 * hidden:3 * hidden])
            o = _sigmoid(g[:, 3 * hidden:])
            c_new = f * c + i * cell
            h_new = o * np.tanh(c_new)
            if reverse:
                m = mask[:, t:t + 1]
                c = np.where(m, c_new, c)
                h = np.where(m, h_new, h)
            else:
                c, h = c_new, h_new
            out[:, t] = h
        return out

    def emissions(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        for layer in range(self.layers):
            fwd = self._direction(x, mask, f"lstm{layer}.fwd", reverse=False)
            bwd = self._direction(x, mask, f"lstm{layer}.bwd", reverse=True)
            x = np.concatenate([fwd, bwd], axis=2)
        scores: np.ndarray = x @ self.w["out.weight"].T + self.w["out.bias"]
        return scores

    def viterbi(self, em: np.ndarray, mask: np.ndarray) -> list[list[int]]:
        trans, start, end = self.w["crf.trans"], self.w["crf.start"], self.w["crf.end"]
        batch, width, _ = em.shape
        score = start[None, :] + em[:, 0]
        back = np.zeros((batch, width, em.shape[2]), dtype=np.int64)
        for t in range(1, width):
            cand = score[:, :, None] + trans[None, :, :]
            best = cand.argmax(axis=1)
            new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
            back[:, t] = best
            score = np.where(mask[:, t:t + 1], new, score)
        score = score + end[None, :]
        lengths = mask.sum(axis=1)
        paths: list[list[int]] = []
        for b in range(batch):
            tag = int(score[b].argmax())
            path = [tag]
            for t in range(int(lengths[b]) - 1, 0, -1):
                tag = int(back[b, t, tag])
                path.append(tag)
            paths.append(path[::-1])
        return paths

    # interface --------------------------------------------------------------------------------------------
    def tag_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """BIOES tag ids per character of each text (empty list for an empty text)."""
        with threadpool_limits(limits=1, user_api="blas"):
            return self._tag_ids(texts)

    def _tag_ids(self, texts: Sequence[str]) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in texts]
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
        batch: list[int] = []
        for i in [*order, -1]:
            if i >= 0 and (not batch or (len(batch) < self.max_batch
                                         and len(texts[i]) * (len(batch) + 1) <= self.batch_chars)):
                batch.append(i)
                continue
            if batch:
                feats = [self.features(texts[j]) for j in batch]
                x, mask = self._embed(feats, len(texts[batch[-1]]))
                for j, path in zip(batch, self.viterbi(self.emissions(x, mask), mask), strict=True):
                    out[j] = path
            batch = [i]
        return out

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [tags_to_spans(path, self.tags) for path in self.tag_ids(texts)]
