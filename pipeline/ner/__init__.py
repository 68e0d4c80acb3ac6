"""People, institutions and places (PERSON / ORG / LOC) in Chinese and English text: the pure part.

Rules, gazetteer and the resolver that chooses among candidates live here and import no NLP library;
the statistical models run in :mod:`pipeline.nlp.recognizer`, which hands their candidates to
:func:`pipeline.ner.combine.with_rules` and :func:`pipeline.ner.resolve.resolve`.

- ``rules_zh``: Chinese persons (titles, bylines, photo credits, lists), institutions by suffix, villages,
  and the vetting of the model's Chinese spans; ``companies_zh``: company short names from their context;
  ``places_zh``: named basins, deserts, oilfields, ports and foreign divisions.
- ``rules_en``: the English institution grammar and pinyin persons; ``context_en``: outlets, datelines,
  regions, sites, delegations, short forms and appositions.
- ``gazetteer`` / ``lexicon``: the listed places, institutions and companies, and every data file's loader.
- ``chunks``: model pieces packed from the segment stage's sentences.
"""

from pipeline.ner.inputs import Candidate, NerInput

__all__ = ["Candidate", "NerInput"]
