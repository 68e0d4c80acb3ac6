"""Bilingual mineral lexicon and matcher (see README.md for the curation decisions)."""

from pipeline.minerals.lexicon import Entry, Lexicon, LexiconError, load_lexicon
from pipeline.minerals.matcher import MineralMatch, match_minerals

__all__ = ["Entry", "Lexicon", "LexiconError", "MineralMatch", "load_lexicon", "match_minerals"]
