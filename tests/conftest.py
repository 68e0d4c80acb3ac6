"""Shared fixtures: paths of the repository, its seeds, gold and dev set, and the shared folder.

Data the tests need is found relative to the checkout: the project's own copies (seeds/, eval/,
eval/dev/, models/) and ``../shared`` beside the checkout (as in CI) for the reference scorer, the peer
suites and the training corpora. A test whose data is missing fails with a message; it never skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds.gold.jsonl"
DEV = ROOT / "eval" / "dev"
DEV_RAW = DEV / "raw"
DEV_GOLD = DEV / "dev.gold.jsonl"
SHARED = ROOT.parent / "shared"
REFERENCE_SCORER = SHARED / "eval" / "score.py"
PKUSEG_MODEL = ROOT / "models" / "pkuseg_zh"
NER_ZH_MODEL = ROOT / "models" / "ner_zh"


def segmented(*words: str) -> tuple[str, list[int]]:
    """Text and its word bounds from the words written out (a segmenter's output, fixed for a test)."""
    bounds, at = [0], 0
    for w in words:
        at += len(w)
        bounds.append(at)
    return "".join(words), bounds


def require(path: Path) -> Path:
    """``path`` if it exists; otherwise fail the calling test (a gate without its data must not pass)."""
    if not path.exists():
        where = "../shared beside the checkout (as in CI)" if SHARED in path.parents else "the checkout"
        pytest.fail(f"required test data {path} is missing: it belongs in {where}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(require(SEEDS).glob("*.txt"))}
