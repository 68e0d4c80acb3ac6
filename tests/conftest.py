"""Shared fixtures: paths of the repository, its seeds and gold, and model availability."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds.gold.jsonl"
SHARED = ROOT.parent / "shared"
PKUSEG_MODEL = ROOT / "models" / "pkuseg_zh"
NER_ZH_MODEL = ROOT / "models" / "ner_zh"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
