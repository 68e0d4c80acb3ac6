"""Statistical NER backends: spaCy, the project's Chinese BiLSTM-CRF (NumPy) and Stanza (optional).

Why one small interface: the recognizer hands each backend the texts of one language and gets back
(start, end, label) spans in the texts' own offsets, so rules and resolution never see a spaCy or Stanza
object. Labels are mapped to PERSON / ORG / LOC here; other labels are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from pipeline.ner.lexicon import label_map
from pipeline.nlp.errors import BackendUnavailable

Span = tuple[int, int, str]
STANZA_INSTALL = "pip install 'mining-ner[stanza]' torch==2.13.0"


class Backend(Protocol):
    # whether the rules keep this model's Chinese organisations that end in no institution suffix (工党, 海基会)
    # without further evidence: true only for a model measured to be mostly right on them
    trusts_plain_orgs: bool

    def spans(self, texts: Sequence[str]) -> list[list[Span]]: ...


def _project_path(path: Path) -> Path:
    """A relative model path is tried from the working directory, then from the project root."""
    if path.is_absolute() or path.exists():
        return path
    root = Path(__file__).resolve().parents[2]
    return root / path if (root / path).exists() else path


def _needed_components(nlp: Any) -> list[str]:
    """The NER component and any component it listens to (a shared tok2vec); nothing else is run."""
    listened = {name for name, pipe in nlp.pipeline if "ner" in getattr(pipe, "listening_components", ())}
    return [name for name in nlp.pipe_names if name == "ner" or name in listened]


class SpacyBackend:
    """A spaCy pipeline run with only the components NER needs."""

    trusts_plain_orgs = False  # the Chinese CNN's suffix-less organisations are often words (硅钢, 立党)

    def __init__(self, model: str | Path, batch_size: int = 32) -> None:
        import spacy

        target = _project_path(model) if isinstance(model, Path) else model
        if isinstance(target, Path) and not target.exists():
            raise BackendUnavailable(
                f"spaCy model directory {target} does not exist: build it with `make models`")
        try:
            nlp = spacy.load(target)
        except OSError as exc:
            raise BackendUnavailable(
                f"spaCy model {model!r} cannot be loaded ({exc}); install its package") from exc
        keep = _needed_components(nlp)
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
        self.nlp = nlp
        self.batch_size = batch_size
        self._labels = label_map()

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            out.append([(e.start_char, e.end_char, self._labels[e.label_]) for e in doc.ents
                        if e.label_ in self._labels])
        return out


class LstmBackend:
    """The project's Chinese BiLSTM-CRF (``pipeline.nlp.lstm_ner``): NumPy only, PyTorch is not needed to run it."""

    trusts_plain_orgs = True  # its suffix-less organisations (工党, 海基会, 清华) are mostly right (model card)

    def __init__(self, model: Path) -> None:
        from pipeline.nlp.lstm_ner import BiLstmCrf

        target = _project_path(Path(model))
        if not (target / "weights.npz").is_file() or not (target / "vocab.json").is_file():
            raise BackendUnavailable(
                f"BiLSTM-CRF model directory {target} has no weights.npz / vocab.json: build it with "
                "`make models-ner-zh-lstm`")
        self.model = BiLstmCrf(target)

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return self.model.spans(texts)


def stanza_unavailable(lang: str, resources: Path, reason: str) -> BackendUnavailable:
    return BackendUnavailable(
        f"Stanza backend unavailable for {lang!r}: {reason}. Install it with `{STANZA_INSTALL}` and put the "
        f"Stanza resources for {lang!r} (tokenize + ner) in {resources} — e.g. on a machine with network "
        f"access: stanza.download({lang!r}, model_dir={str(resources)!r}, processors='tokenize,ner') — "
        "then pass stanza_dir= the parent of that directory.")


class StanzaBackend:
    """A Stanza pipeline (tokenize, ner) loaded from a local resources directory, never downloading."""

    trusts_plain_orgs = False  # not measured here (no Stanza resources on the build machines)

    def __init__(self, lang: str, resources: Path) -> None:
        if not resources.is_dir():
            raise stanza_unavailable(lang, resources, f"no resources directory {resources}")
        try:
            import stanza  # type: ignore[import-not-found]
        except ImportError as exc:
            raise stanza_unavailable(lang, resources, "the stanza package is not installed") from exc
        self.nlp = stanza.Pipeline(lang, dir=str(resources), processors="tokenize,ner",
                                   download_method=None, verbose=False)
        self._labels = label_map()

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [list(self._doc_spans(self.nlp(t))) for t in texts]

    def _doc_spans(self, doc: Any) -> Iterator[Span]:
        for ent in doc.ents:
            label = self._labels.get(ent.type)
            if label:
                yield ent.start_char, ent.end_char, label
