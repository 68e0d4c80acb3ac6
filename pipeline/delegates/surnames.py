"""Chinese surnames for the delegate rules: the project's one surname list, plus how polyphonic ones are read.

Why: the list of surnames (single and compound) is the NER's (``pipeline/ner/data/surnames_zh.txt``), so a
name the NER accepts and a name the delegate rules accept have the same shape. What delegates add is only
the reading of a surname whose pypinyin default is its common-word reading (曾 zeng, not ceng), which
name_key needs (``surname_readings.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.resources import RuleFile, load_validated, read_text


class _Readings(RuleFile):
    readings: dict[str, str]


@dataclass(frozen=True, slots=True)
class Surnames:
    single: frozenset[str]
    compound: frozenset[str]
    readings: dict[str, str]  # surname -> its reading as a surname, where pypinyin's default differs

    def at_start(self, name: str) -> str | None:
        """The surname a Han name starts with (compound first), or None."""
        if len(name) >= 3 and name[:2] in self.compound:
            return name[:2]
        return name[:1] if name[:1] in self.single else None


@lru_cache(maxsize=1)
def surnames() -> Surnames:
    """The surname list of pipeline/ner/data/surnames_zh.txt and the readings of surname_readings.json."""
    lines = read_text("pipeline.ner", "data/surnames_zh.txt").splitlines()
    names = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    readings = load_validated(__name__.rpartition(".")[0], "surname_readings.json", _Readings).readings
    return Surnames(frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2),
                    dict(readings))
