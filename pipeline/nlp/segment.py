"""Segmentation: language runs, sentences and words of a cleaned document.

Why this shape: the only spaCy objects live here and are turned into records at
once. English sentences and tokens come from spaCy's rule tokenizer and
sentencizer (no statistical model needed); Chinese sentences from
:mod:`pipeline.text.sentences` and Chinese words from the project's pkuseg model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Segment, Sentence, Token
from pipeline.text.langruns import language_runs
from pipeline.text.sentences import cap_length, split_zh


@dataclass(frozen=True, slots=True)
class Segmented:
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]


class Segmenter:
    """Loads the tokenizers once; call it on a batch of cleaned texts."""

    def __init__(self, pkuseg_model: Path, user_words: Iterable[str] = (), max_sentence_chars: int = 1000,
                 min_en_words: int = 3) -> None:
        import spacy

        from pipeline.nlp.words_zh import ZhWordSegmenter

        self.en = spacy.blank("en")
        self.en.add_pipe("sentencizer")
        self.en.max_length = 10**9
        self.zh = ZhWordSegmenter(pkuseg_model, user_words=user_words)
        self.max_chars = max_sentence_chars
        self.min_en_words = min_en_words

    def __call__(self, texts: Sequence[str]) -> list[Segmented]:
        runs = [language_runs(t, self.min_en_words) for t in texts]
        en_spans = self._english(texts, runs)
        out = []
        for i, text in enumerate(texts):
            sents: list[Sentence] = []
            toks: list[Token] = []
            for run in runs[i]:
                if run.lang == "en":
                    pieces = en_spans.get((i, run.start), [])
                else:
                    pieces = [(s, e, self._zh_words(text, s, e) if run.lang == "zh" else _space_words(text, s, e))
                              for s, e in split_zh(text, run.start, run.end, self.max_chars)]
                for s, e, words in pieces:
                    idx = len(sents)
                    sents.append(Sentence(idx, s, e, run.lang))
                    toks.extend(Token(idx, k, ws, we, text[ws:we]) for k, (ws, we) in enumerate(words))
            out.append(Segmented(tuple(runs[i]), tuple(sents), tuple(toks)))
        return out

    def _zh_words(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        return [(s + a, s + b) for a, b in self.zh.spans(text[s:e])]

    def _english(self, texts: Sequence[str], runs: list[list[Segment]]) -> dict[tuple[int, int], list]:
        """Sentences and tokens of every English run of the batch, through one ``nlp.pipe``."""
        paragraphs: list[tuple[int, int, int]] = []  # (doc index, run start, paragraph start)
        payload: list[str] = []
        for i, text in enumerate(texts):
            for run in runs[i]:
                if run.lang != "en":
                    continue
                for ps, pe in _paragraphs(text, run.start, run.end):
                    paragraphs.append((i, run.start, ps))
                    payload.append(text[ps:pe])
        result: dict[tuple[int, int], list] = {}
        for (i, run_start, ps), doc in zip(paragraphs, self.en.pipe(payload, batch_size=256), strict=True):
            pieces = result.setdefault((i, run_start), [])
            for sent in doc.sents:
                words = [(ps + t.idx, ps + t.idx + len(t.text)) for t in sent if not t.is_space]
                if not words:
                    continue
                s, e = words[0][0], words[-1][1]
                for cs, ce in cap_length(texts[i], s, e, self.max_chars):
                    pieces.append((cs, ce, [w for w in words if w[0] >= cs and w[1] <= ce]))
        return result


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _space_words(text: str, s: int, e: int) -> list[tuple[int, int]]:
    words = []
    pos = s
    for part in text[s:e].split():
        ws = text.index(part, pos)
        words.append((ws, ws + len(part)))
        pos = ws + len(part)
    return words


def word_bounds(tokens: Iterable[Token], sentences: Sequence[Sentence]) -> frozenset[int]:
    """Offsets where a Chinese word starts or ends (what lexicon matching and NER rules need).

    A token is Chinese when its sentence is: sentences never cross a language run.
    """
    zh = {s.sent_idx for s in sentences if s.lang == "zh"}
    return frozenset(b for t in tokens if t.sent_idx in zh for b in (t.start, t.end))
