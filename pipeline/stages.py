"""The stages of the pipeline: each declares what it requires and provides.

Why: the runner checks the chain named in the config before it reads the first
document, so a profile that runs ``figures`` without ``resolve`` or ``ner``
without ``segment`` fails at once with a message listing what is missing.
Each stage is a function over a batch of :class:`Bundle` records; models are
loaded once when the stage is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.clean import CleanRules, clean_text
from pipeline.config import Config
from pipeline.langruns import dominant_language
from pipeline.records import FIGURE, MINERAL, Bundle, Figure, Mention, mention_id

BatchFn = Callable[[list[Bundle]], list[Bundle]]


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: BatchFn


class StageFailure(RuntimeError):
    """A stage raised; carries the stage name and the original exception for the errors table."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


class ChainError(ValueError):
    """A stage list whose requirements are not met by the stages before it."""


def _per_doc(fn: Callable[[Bundle], Bundle]) -> BatchFn:
    return lambda batch: [fn(b) for b in batch]


def _clean(config: Config) -> BatchFn:
    rules = CleanRules(chrome_patterns=config.clean.chrome_patterns, join_min_chars=config.clean.join_min_chars,
                       dedupe_min_chars=config.clean.dedupe_min_chars)
    return _per_doc(lambda b: replace(b, doc=replace(b.doc, text=clean_text(b.doc.text, rules))))


def _segment(config: Config) -> BatchFn:
    from pipeline.segment import Segmenter

    segmenter = Segmenter(config.segment.pkuseg_model, user_words=_domain_words(),
                          max_sentence_chars=config.segment.max_sentence_chars,
                          min_en_words=config.segment.min_en_words)

    def run(batch: list[Bundle]) -> list[Bundle]:
        results = segmenter([b.doc.text for b in batch])
        return [
            replace(b, doc=replace(b.doc, lang=dominant_language(b.doc.text, list(r.segments))),
                    segments=r.segments, sentences=r.sentences, tokens=r.tokens)
            for b, r in zip(batch, results, strict=True)
        ]

    return run


def _domain_words() -> list[str]:
    """Chinese mineral names kept whole by the word segmenter."""
    try:
        from pipeline.minerals import load_lexicon
    except ImportError:
        return []
    lexicon = load_lexicon()
    return sorted(getattr(lexicon, "zh_terms", list)())


def _ner(config: Config) -> BatchFn:
    from pipeline.ner import EntityRecognizer, NerInput
    from pipeline.segment import word_bounds

    settings = config.ner
    recognizer = EntityRecognizer(backend=settings.backend, en_model=settings.en_model, zh_model=settings.zh_model,
                                  stanza_dir=settings.stanza_dir, batch_size=settings.batch_size,
                                  use_rules=settings.use_rules)

    def run(batch: list[Bundle]) -> list[Bundle]:
        inputs = [NerInput(b.doc.text, b.segments, word_bounds(b.tokens, b.sentences)) for b in batch]
        found = recognizer(inputs)
        return [replace(b, mentions=b.mentions + tuple(m)) for b, m in zip(batch, found, strict=True)]

    return run


def _minerals(config: Config) -> BatchFn:
    from pipeline.minerals import load_lexicon, match_minerals
    from pipeline.segment import word_bounds

    lexicon = load_lexicon()

    def one(b: Bundle) -> Bundle:
        bounds = word_bounds(b.tokens, b.sentences)
        found = match_minerals(b.doc.text, bounds, lexicon)
        new = tuple(Mention(m.start, m.end, m.text, MINERAL, "lexicon", canonical=m.canonical,
                            lang=_lang_at(b, m.start)) for m in found)
        return replace(b, mentions=b.mentions + new)

    return _per_doc(one)


def _figures(config: Config) -> BatchFn:
    from pipeline.figures import decimal_text, extract_figures

    def one(b: Bundle) -> Bundle:
        mentions: list[Mention] = []
        figures: list[Figure] = []
        for f in extract_figures(b.doc.text, b.doc.lang or None):
            mid = mention_id(b.doc.doc_id, f.start, f.end, FIGURE)
            mentions.append(Mention(f.start, f.end, f.text, FIGURE, "grammar", canonical=f.unit,
                                    lang=_lang_at(b, f.start), mention_id=mid))
            figures.append(Figure(
                mention_id=mid, value=float(f.value), value_text=decimal_text(f.value) or str(f.value),
                value_high=None if f.value_high is None else float(f.value_high),
                value_high_text=None if f.value_high is None else decimal_text(f.value_high),
                unit=f.unit, qualifier=f.qualifier, kind=f.kind,
                value_si=None if f.value_si is None else float(f.value_si),
                value_high_si=None if f.value_high_si is None else float(f.value_high_si),
                si_unit=f.si_unit))
        return replace(b, mentions=b.mentions + tuple(mentions), figures=b.figures + tuple(figures))

    return _per_doc(one)


def _resolve(config: Config) -> BatchFn:
    from pipeline.resolve import finalise

    def one(b: Bundle) -> Bundle:
        mentions, figures = finalise(b.doc.doc_id, b.mentions, b.sentences, b.figures)
        return replace(b, mentions=tuple(mentions), figures=tuple(figures))

    return _per_doc(one)


def _delegates(config: Config) -> BatchFn:
    from pipeline.delegates import relate

    return _per_doc(lambda b: replace(b, delegates=tuple(relate(b.doc.text, b.mentions))))


def _lang_at(b: Bundle, offset: int) -> str:
    for seg in b.segments:
        if seg.start <= offset < seg.end:
            return seg.lang
    return b.doc.lang


BUILDERS: dict[str, Callable[[Config], BatchFn]] = {
    "clean": _clean,
    "segment": _segment,
    "ner": _ner,
    "minerals": _minerals,
    "figures": _figures,
    "resolve": _resolve,
    "delegates": _delegates,
}
# What ingest provides before the first stage runs.
INGEST_PROVIDES = frozenset({"raw_text", "text"})


def check_chain(names: Sequence[str]) -> None:
    """Raise ChainError naming each stage whose requirements come from no earlier stage.

    Checked on the declared requires/provides, before any model is loaded.
    """
    available = set(INGEST_PROVIDES)
    problems = []
    for name in names:
        requires, provides = DECLARED[name]
        missing = requires - available
        if missing:
            problems.append(f"{name} needs {sorted(missing)}")
        available |= provides
    if problems:
        raise ChainError("stage chain is incomplete: " + "; ".join(problems))


DECLARED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "clean": (frozenset({"raw_text"}), frozenset({"text"})),
    "segment": (frozenset({"text"}), frozenset({"segments", "sentences", "tokens"})),
    "ner": (frozenset({"segments", "sentences", "tokens"}), frozenset({"entities"})),
    "minerals": (frozenset({"segments", "sentences", "tokens"}), frozenset({"minerals"})),
    "figures": (frozenset({"text"}), frozenset({"figures"})),
    "resolve": (frozenset({"sentences"}), frozenset({"mentions"})),
    "delegates": (frozenset({"mentions", "entities"}), frozenset({"delegates"})),
}


def build_stages(config: Config) -> list[Stage]:
    """Check the chain, then build (load) each stage once."""
    check_chain(config.stages)
    return [Stage(name, *DECLARED[name], BUILDERS[name](config)) for name in config.stages]


def run_stages(stages: Sequence[Stage], batch: list[Bundle]) -> list[Bundle]:
    """Run every stage over the batch, recording seconds per stage on each bundle."""
    for stage in stages:
        t0 = time.perf_counter()
        try:
            batch = stage.run(batch)
        except Exception as exc:
            raise StageFailure(stage.name, exc) from exc
        share = (time.perf_counter() - t0) / max(len(batch), 1)
        for b in batch:
            b.timings[stage.name] = b.timings.get(stage.name, 0.0) + share
    return batch
