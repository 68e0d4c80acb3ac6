"""The model's candidates plus the rule and gazetteer candidates of each language run.

Why apart from the recognizer: this is pure logic over the document text and plain candidates, so it
is tested without any model; :mod:`pipeline.nlp.recognizer` runs the models and then calls it.
"""

from __future__ import annotations

from pipeline.delegates.anchors import anchored_persons
from pipeline.ner import context_en, gazetteer, rules_en, rules_zh
from pipeline.ner.inputs import Candidate, NerInput


def with_rules(doc: NerInput, model: list[Candidate]) -> list[Candidate]:
    """The model's candidates (vetted) plus rule and gazetteer candidates over the zh and en runs."""
    out: list[Candidate] = [c for c in model if c.lang != "zh"]
    ordered_bounds = sorted(doc.word_bounds)  # once per document, not once per language run
    for seg in doc.segments:
        if seg.lang == "en":
            out += gazetteer.match_en(doc.text, seg.start, seg.end)
            orgs = rules_en.org_spans(doc.text, seg.start, seg.end)
            out += orgs
            run_orgs = orgs + [c for c in model if c.label == "ORG" and seg.start <= c.start < seg.end]
            out += context_en.candidates(doc.text, seg.start, seg.end, run_orgs)
            out += rules_en.pinyin_persons(doc.text, seg.start, seg.end)
            out += rules_en.context_persons(doc.text, seg.start, seg.end)
        elif seg.lang == "zh":
            places = gazetteer.match_zh(doc.text, seg.start, seg.end, doc.word_bounds)
            in_run = rules_zh.vet_model(doc.text, [c for c in model if seg.start <= c.start < seg.end
                                                   and c.lang == "zh"], places, doc.word_bounds)
            out += places + in_run
            out += rules_zh.candidates(doc.text, seg.start, seg.end, doc.word_bounds, in_run + places,
                                       ordered_bounds)
    out += anchored_persons(doc.text, doc.segments, doc.word_bounds)  # names a delegate cue anchors
    return out
