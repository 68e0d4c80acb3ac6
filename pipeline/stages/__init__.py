"""The stages of the pipeline, one module each, and the chain a config names.

Each module declares its :class:`~pipeline.stages.contract.Stage` (the record kinds it requires and
provides) beside a thin adapter to the domain code; :func:`build_stages` checks the chain on those
declarations before it loads any model, then builds each stage once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.stages import clean, delegates, figures, institutions, minerals, ner, resolve, segment
from pipeline.stages.batch import RunnableStage
from pipeline.stages.contract import ChainError, Stage
from pipeline.stages.contract import check_chain as _check

if TYPE_CHECKING:
    from pipeline.run.config import Config

# Every stage a config may name, in the order of the default chain.
DECLARED: dict[str, Stage] = {s.name: s for s in (clean.STAGE, segment.STAGE, ner.STAGE, minerals.STAGE,
                                                   figures.STAGE, resolve.STAGE, institutions.STAGE,
                                                   delegates.STAGE)}
STAGE_NAMES = tuple(DECLARED)


def check_chain(names: Sequence[str]) -> None:
    """Raise :class:`ChainError` when a stage's requirements come from no earlier stage."""
    _check(names, DECLARED)


def build_stages(config: Config) -> list[RunnableStage]:
    """Check the chain, then build (load) each stage once."""
    check_chain(config.stages)
    return [RunnableStage(name, DECLARED[name].build(config)) for name in config.stages]


__all__ = ["DECLARED", "STAGE_NAMES", "ChainError", "Stage", "build_stages", "check_chain"]
