"""Score the WHOLE pipeline on the CoNLL-2003 English test set (testb), one document per news article.

Why: the dev set's English side is small (a few dozen articles, mining news); CoNLL-2003 is 231 unseen
Reuters articles, so it shows whether the English rules hold up on news they were not written for. Each
CoNLL document (``-DOCSTART-`` splits them) becomes one input document, tokens joined by single spaces and
sentences by newlines, so context rules see the whole article; its gold is the set of PER (-> persons), ORG and
LOC strings. MISC is not scored. Writing, running and scoring are shared with the MSRA evaluation
(:mod:`pipeline.tools.eval.corpus_pipeline_eval`); this module reads the corpus.

CoNLL's conventions differ from the project's (nationalities such as "German" are MISC, a sports team named
by its city is ORG, a newspaper or a stock index is ORG), so the figure is a generalisation check, not a goal.

Usage: python -m pipeline.tools.eval.conll_pipeline_eval [--shared ../shared] [--work build/conll_eval]
       [--split eng.testb] [--config configs/default.yaml] [--set KEY=VALUE ...]
Writes <work>/input/conll_<split>.jsonl, <work>/gold.jsonl, <work>/pred.jsonl, <work>/scores.json and
<work>/errors.md (+ .jsonl).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.tools.eval.corpus_pipeline_eval import (
    GoldDocument,
    print_rows,
    run_pipeline,
    score,
    write_errors,
    write_scores,
)
from pipeline.tools.eval.corpus_pipeline_eval import write_inputs as write_documents

Sentence = list[tuple[str, str]]  # (token, IOB1 tag)

CONVENTIONS_NOTE = ("note: CoNLL-2003's conventions differ from the project's (nationalities are MISC, a sports "
                    "team named by its city is ORG, newspapers and indices are ORG); informational, not a goal.")


def read_conll(lines: Iterable[str]) -> Iterator[list[Sentence]]:
    """CoNLL-2003 lines (``token POS CHUNK TAG``) to documents, each a list of sentences of (token, tag).

    ``-DOCSTART-`` opens a new document and a blank line ends a sentence; a document without tokens is
    dropped."""
    doc: list[Sentence] = []
    sentence: Sentence = []
    for raw in lines:
        parts = raw.split()
        if parts and parts[0] == "-DOCSTART-":
            if sentence:
                doc.append(sentence)
            if doc:
                yield doc
            doc, sentence = [], []
        elif not parts:
            if sentence:
                doc.append(sentence)
            sentence = []
        else:
            sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def iob1_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB1 tags to (first token, end token exclusive, label) spans.

    In IOB1 an ``I-X`` continues a span of type X and opens one after ``O`` or another type; ``B-X`` appears
    only to separate two adjacent spans of the same type."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i, label))
        start, label = (i, kind) if prefix in ("B", "I") else (-1, "")
    return spans


def conll_document(doc_id: str, sentences: list[Sentence]) -> GoldDocument:
    """One CoNLL document as text (tokens joined by spaces, sentences by newlines) with its gold strings."""
    doc = GoldDocument(doc_id, "\n".join(" ".join(tok for tok, _ in s) for s in sentences), "en")
    lists = {"PER": doc.persons, "ORG": doc.orgs, "LOC": doc.locs}
    for sentence in sentences:
        tokens = [tok for tok, _ in sentence]
        for start, end, label in iob1_spans([tag for _, tag in sentence]):
            if label in lists:
                lists[label].append(" ".join(tokens[start:end]))
    return doc


def conll_documents(path: Path, prefix: str) -> Iterator[GoldDocument]:
    with path.open(encoding="utf-8") as fh:
        for n, sentences in enumerate(read_conll(fh)):
            yield conll_document(f"{prefix}-{n:03d}", sentences)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--work", type=Path, default=Path("build/conll_eval"))
    ap.add_argument("--split", default="eng.testb", help="file under <shared>/data/ner-en/conll2003")
    ap.add_argument("--config", type=Path, default=Path("configs/default.yaml"))
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                    help="passed to `pipeline run --set`")
    args = ap.parse_args(argv)
    name = "conll_" + args.split.replace(".", "_")
    docs = conll_documents(args.shared / "data" / "ner-en" / "conll2003" / args.split, name.replace("_", "-"))
    counts = write_documents(docs, args.work, name)
    run_pipeline(args.work, args.config, args.overrides)
    rows = score(args.shared, args.work / "gold.jsonl", args.work / "pred.jsonl", "en")
    write_scores(args.work, {**counts, "split": args.split, "overrides": args.overrides, "rows": rows})
    print_rows(f"CoNLL-2003 {args.split}, whole pipeline, document-set scores ({counts['documents']} documents, "
               f"{counts['skipped_repeats_or_empty']} repeated or empty skipped; MISC not scored; "
               f"{' '.join(args.overrides)})", rows)
    print(CONVENTIONS_NOTE)
    print(f"error listing: {write_errors(args.work, args.split)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
