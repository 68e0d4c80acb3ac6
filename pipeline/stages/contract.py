"""The stage contract: the record kinds a stage reads and adds, and the check of a chain of stages.

Why record kinds: the runner checks the chain named in a config before it reads the first document or
loads a model, so a profile that runs ``ner`` without ``segment``, or ``figures`` after ``resolve`` (its
mentions would be written without ids), fails at once with a message naming what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.records import Bundle

if TYPE_CHECKING:
    from pipeline.run.config import Config

BatchFn = Callable[[list[Bundle]], list[Bundle]]

# Record kinds, as stages declare them.
RAW_TEXT = "raw text"            # Document.text as read (ingest)
TEXT = "clean text"              # Document.text after clean (ingest's text serves when clean is left out)
SEGMENTS = "language runs"       # Segment
SENTENCES = "sentences"          # Sentence
TOKENS = "tokens"                # Token
ENTITIES = "entity mentions"     # Mention PERSON / ORG / LOC
MINERALS = "mineral mentions"    # Mention MINERAL
FIGURES = "figure mentions"      # Mention FIGURE + Figure
RESOLVED = "resolved mentions"   # overlaps resolved; sentence index and mention_id set
PERSONS = "persons"              # Delegate (every person, with the body they sit in)
INSTITUTION_KEYS = "institution keys"  # Mention.institution_key on ORG mentions

MENTION_KINDS = frozenset({ENTITIES, MINERALS, FIGURES})
INGEST_PROVIDES = frozenset({RAW_TEXT, TEXT})


@dataclass(frozen=True)
class Stage:
    """A stage as declared beside its code: what it reads, adds and makes stale, and how it is built.

    ``build`` loads what the stage needs (models, lexicons) once and returns its batch function.
    """

    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    build: Callable[[Config], BatchFn]
    invalidates: frozenset[str] = frozenset()


class ChainError(ValueError):
    """A stage list whose requirements are not met by the stages before it."""


def check_chain(names: Sequence[str], declared: Mapping[str, Stage]) -> None:
    """Raise ChainError naming each stage whose requirements come from no earlier stage.

    Checked on the declarations alone, before any model is loaded. New mentions after ``resolve`` make
    its result stale; a chain that ends with mentions but no resolved ids is refused.
    """
    unknown = [n for n in names if n not in declared]
    if unknown:
        raise ChainError(f"unknown stage(s) {unknown}; known: {list(declared)}")
    available = set(INGEST_PROVIDES)
    problems = []
    for name in names:
        stage = declared[name]
        missing = stage.requires - available
        if missing:
            problems.append(f"{name} needs {sorted(missing)}")
        available -= stage.invalidates
        available |= stage.provides
    if available & MENTION_KINDS and RESOLVED not in available:
        problems.append("mentions would be written without sentence index or id: run 'resolve' after "
                        + ", ".join(n for n in names if declared[n].provides & MENTION_KINDS))
    if problems:
        raise ChainError("stage chain is incomplete: " + "; ".join(problems))
