"""The project's scorer gives the same numbers as the reference ../shared/eval/score.py, on seeds and dev gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.tools.eval.scoring import load_file, score
from tests.conftest import DEV_GOLD, GOLD, SHARED, require

REFERENCE = SHARED / "eval" / "score.py"


def _perturbed_prediction(gold: Path, tmp_path: Path) -> Path:
    """A prediction that differs from the gold in every type: drops, additions, renamed items."""
    lines = []
    for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        d["persons"] = [*d["persons"][::2], {"name": "Nobody", "delegate_body": "NPC"}]
        d["orgs"] = [o.upper() for o in d["orgs"][1:]] + ["The Ministry"]
        d["locs"] = [loc + (" City" if i % 2 else "") for loc in d["locs"][:-1]]
        d["minerals"] = d["minerals"][1:]
        d["figures"] = [{**f, "value": f["value"] * (1.0000001 if j % 2 else 2)} for j, f in enumerate(d["figures"])]
        if i == 2:
            continue  # a document with no prediction
        lines.append(json.dumps(d, ensure_ascii=False))
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("gold", [GOLD, DEV_GOLD], ids=["seeds", "dev"])
def test_scoring_matches_reference_scorer(gold: Path, tmp_path: Path) -> None:
    pred = _perturbed_prediction(require(gold), tmp_path)
    ref = subprocess.run([sys.executable, str(require(REFERENCE)), str(gold), str(pred), "--json", "--by-lang"],
                         capture_output=True, text=True, check=True)
    ours = score(load_file(gold), load_file(pred), by_lang=True)
    assert ours == json.loads(ref.stdout)
    assert any(0 < row["f1"] < 1 for row in ours)


def test_scoring_title_share_counts_exact_titles_per_person() -> None:
    from pipeline.tools.eval.scoring import title_share

    gold = ['{"doc": "a.txt#part1", "persons": [{"name": "张国梁",'
            ' "titles": ["全国人大代表", "江苏省自然资源厅厅长"]}]}',
            '{"doc": "a.txt#part2", "persons": [{"name": "Du Jun", "titles": ["chief technician"]}]}']
    pred = ['{"doc": "a.txt", "persons": [{"name": "张国梁", "titles": ["江苏省自然资源厅厅长", "厅长"]},'
            ' {"name": "du jun", "titles": ["Chief Technician"]}]}']
    assert title_share(gold, pred) == (1, 3)
