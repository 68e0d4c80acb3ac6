"""The CoNLL-2003 whole-pipeline evaluation's reader and IOB1 conversion, on samples written here."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.tools.eval.conll_pipeline_eval import conll_document, conll_documents, iob1_spans, read_conll
from pipeline.tools.eval.corpus_pipeline_eval import write_inputs

SAMPLE = """-DOCSTART- -X- -X- O

TENNIS NN I-NP O
- : O O
KOVACS NNP I-NP I-PER
WINS VBZ I-VP O
IN IN I-PP O
LYON NNP I-NP I-LOC

Marta NNP I-NP I-PER
Kovacs NNP I-NP I-PER
beat VBD I-VP O
a DT I-NP O
German JJ I-NP I-MISC
player NN I-NP O
. . O O

-DOCSTART- -X- -X- O

Tarnwell NNP I-NP I-ORG
Mining NNP I-NP I-ORG
Corp NNP I-NP I-ORG
said VBD I-VP O
on IN I-PP O
Monday NNP I-NP O
. . O O
"""


def test_iob1_an_inside_tag_opens_a_span_and_b_separates_two_of_one_type() -> None:
    assert iob1_spans(["I-PER", "I-PER", "O", "I-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert iob1_spans(["I-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]
    assert iob1_spans(["I-ORG", "I-LOC", "I-LOC"]) == [(0, 1, "ORG"), (1, 3, "LOC")]
    assert iob1_spans(["O", "O"]) == []


def test_reader_splits_documents_at_docstart_and_sentences_at_blank_lines() -> None:
    docs = list(read_conll(SAMPLE.splitlines()))
    assert len(docs) == 2
    assert [len(s) for s in docs[0]] == [6, 7]
    assert docs[0][1][:2] == [("Marta", "I-PER"), ("Kovacs", "I-PER")]
    assert docs[1][0][-1] == (".", "O")


def test_document_text_and_gold_strings_without_misc(tmp_path: Path) -> None:
    path = tmp_path / "eng.sample"
    path.write_text(SAMPLE, encoding="utf-8")
    first, second = conll_documents(path, "conll-sample")
    assert first.doc_id == "conll-sample-000" and first.lang == "en"
    assert first.text == "TENNIS - KOVACS WINS IN LYON\nMarta Kovacs beat a German player ."
    assert first.persons == ["KOVACS", "Marta Kovacs"] and first.locs == ["LYON"] and first.orgs == []
    assert second.orgs == ["Tarnwell Mining Corp"]
    for doc in (first, second):
        for surface in doc.persons + doc.orgs + doc.locs:
            assert surface in doc.text


def test_gold_file_carries_persons_as_records(tmp_path: Path) -> None:
    doc = conll_document("d1", [[("Ines", "I-PER"), ("Moreau", "I-PER"), ("visited", "O"), ("Quito", "I-LOC")]])
    counts = write_inputs([doc, doc], tmp_path, "sample")
    assert counts == {"documents": 1, "skipped_repeats_or_empty": 1}
    gold = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    assert gold == {"doc": "d1", "lang": "en", "persons": [{"name": "Ines Moreau", "delegate_body": None,
                                                          "titles": []}], "orgs": [], "locs": ["Quito"]}
    line = json.loads((tmp_path / "input" / "sample.jsonl").read_text(encoding="utf-8"))
    assert line == {"id": "d1", "text": "Ines Moreau visited Quito"}
