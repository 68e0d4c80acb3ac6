"""The model's candidates plus the rule and gazetteer candidates of each language run.

A run-on list of Chinese names (``name_lists_zh``) is cut by the list reader alone: inside such a stretch
its names replace every other person candidate.

Why apart from the recognizer: this is pure logic over the document text and plain candidates, so it
is tested without any model; :mod:`pipeline.nlp.recognizer` runs the models and then calls it.
"""

from __future__ import annotations

from bisect import bisect_left

from pipeline.delegates.anchors import anchored_persons
from pipeline.ner import context_en, gazetteer, name_lists_zh, rules_en, rules_zh
from pipeline.ner.inputs import Candidate, NerInput


def with_rules(doc: NerInput, model: list[Candidate]) -> list[Candidate]:
    """The model's candidates (vetted) plus rule and gazetteer candidates over the zh and en runs."""
    out: list[Candidate] = [c for c in model if c.lang != "zh"]
    ordered_bounds = sorted(doc.word_bounds)  # once per document, not once per language run
    by_start = sorted(model, key=lambda c: c.start)  # the model's candidates of a run by bisection, not a scan
    starts = [c.start for c in by_start]

    def in_run(seg_start: int, seg_end: int) -> list[Candidate]:
        return by_start[bisect_left(starts, seg_start):bisect_left(starts, seg_end)]

    stretches: list[tuple[int, int]] = []  # run-on name lists (name_lists_zh): no other person inside them
    listed: list[Candidate] = []
    for seg in doc.segments:
        if seg.lang == "en":
            out += gazetteer.match_en(doc.text, seg.start, seg.end)
            orgs = rules_en.org_spans(doc.text, seg.start, seg.end)
            out += orgs
            run_orgs = orgs + [c for c in in_run(seg.start, seg.end) if c.label == "ORG"]
            out += context_en.candidates(doc.text, seg.start, seg.end, run_orgs)
            out += rules_en.pinyin_persons(doc.text, seg.start, seg.end)
            out += rules_en.context_persons(doc.text, seg.start, seg.end)
        elif seg.lang == "zh":
            places = gazetteer.match_zh(doc.text, seg.start, seg.end, doc.word_bounds)
            vetted = rules_zh.vet_model(doc.text, [c for c in in_run(seg.start, seg.end) if c.lang == "zh"],
                                        places, doc.word_bounds)
            out += places + vetted
            out += rules_zh.candidates(doc.text, seg.start, seg.end, doc.word_bounds, vetted + places,
                                       ordered_bounds)
            lists = name_lists_zh.read(doc.text, seg.start, seg.end, in_run(seg.start, seg.end))
            stretches += lists.stretches
            listed += lists.names
    out += anchored_persons(doc.text, doc.segments, doc.word_bounds)  # names a delegate cue anchors
    if stretches:
        out = [c for c in out if c.label != "PERSON" or not any(c.start < e and s < c.end for s, e in stretches)]
    return out + listed

