"""People, institutions and places (PERSON / ORG / LOC) in Chinese and English text: the pure part.

Rules, gazetteer and the resolver that chooses among candidates live here and import no NLP library;
the statistical models run in :mod:`pipeline.nlp.recognizer`, which hands their candidates to
:func:`pipeline.ner.combine.with_rules` and :func:`pipeline.ner.resolve.resolve`.
"""

from pipeline.ner.inputs import Candidate, NerInput

__all__ = ["Candidate", "NerInput"]
