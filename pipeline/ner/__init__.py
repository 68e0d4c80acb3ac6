"""People, institutions and places (PERSON / ORG / LOC) in Chinese and English text.

Public API: ``EntityRecognizer``, ``NerInput``, ``BackendUnavailable``.
"""

from pipeline.ner.errors import BackendUnavailable
from pipeline.ner.inputs import NerInput
from pipeline.ner.recognizer import EntityRecognizer

__all__ = ["BackendUnavailable", "EntityRecognizer", "NerInput"]
