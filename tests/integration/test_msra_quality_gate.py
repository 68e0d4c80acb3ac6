"""Quality gate on the MSRA NER test set through the whole pipeline (``make eval-msra``), both Chinese models.

Why: the dev set is small (15 Chinese articles); MSRA's 3,437 test sentences are general news the rules were
not written against, so a rule that trades general recall for a dev-set gain shows up here. Each backend's
PERSON / ORG / LOC F1 (document-set, reference scorer) must stay at or above its floor in
``tests/data/msra_floors.json``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, require

pytestmark = pytest.mark.slow

FLOORS = ROOT / "tests" / "data" / "msra_floors.json"


@pytest.mark.parametrize("backend", ["spacy", "lstm"])
def test_msra_whole_pipeline_stays_at_its_floors(backend: str, tmp_path: Path) -> None:
    require(SHARED / "data" / "ner-zh" / "msra" / "msra_test_bio")
    floors = json.loads(require(FLOORS).read_text(encoding="utf-8"))[backend]
    done = subprocess.run([sys.executable, "-m", "pipeline.tools.eval.msra_pipeline_eval", "--shared", str(SHARED),
                           "--work", str(tmp_path), "--set", f"ner.zh_backend={backend}"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rows = {r["type"]: r["f1"] for r in json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))["rows"]}
    assert set(rows) == set(floors) == {"PERSON", "ORG", "LOC"}
    failing = [f"{t}: {rows[t]:.3f} < {floors[t]:.3f}" for t in floors if rows[t] < floors[t]]
    assert not failing, f"MSRA ({backend}) fell below its floors: " + "; ".join(failing)
