"""Bilingual mineral lexicon and matcher (see README.md for the curation decisions)."""

from pipeline.minerals.lexicon import Entry, LexiconError, MineralLexicon, load_lexicon
from pipeline.minerals.matcher import MineralMatch, match_minerals

__all__ = ["Entry", "LexiconError", "MineralLexicon", "MineralMatch", "load_lexicon", "match_minerals"]
