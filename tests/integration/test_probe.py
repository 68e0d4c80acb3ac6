"""The generalisation probes (``pipeline.tools.eval.probe``) on probe sets written here, through the real
pipeline, and the packaged probe file's shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.run.config import load_config
from pipeline.tools.eval.probe import ProbeSet, listed_count, load_probes, run_probe

ROOT = Path(__file__).resolve().parents[2]


def test_recall_and_false_alarms_per_sentence() -> None:
    probe = ProbeSet(name="t", label="LOC", source="written for the test", names=["包头市", "内蒙古"],
                     negatives=["当地", "这里"], templates=["新项目位于{}，明年投产。", "{}的他说很好。"])
    rows = run_probe(probe, load_config(ROOT / "configs" / "default.yaml"))
    assert [(r.found, r.names, r.false_alarms, r.negatives) for r in rows] == [(2, 2, 0, 2), (2, 2, 0, 2)]


def test_names_the_sentences_hold_are_no_false_alarms() -> None:
    template = "新项目位于{}和包头市之间。"
    plain = ProbeSet(name="t", label="LOC", source="written for the test", names=["内蒙古"], negatives=["当地"],
                     templates=[template])
    held = plain.model_copy(update={"context_names": ["包头市"]})
    config = load_config(ROOT / "configs" / "default.yaml")
    assert [r.false_alarms for r in run_probe(plain, config)] == [1]  # 包头市 is a place in the ordinary sentence
    assert [r.false_alarms for r in run_probe(held, config)] == [0]


def test_recall_over_the_names_no_list_holds_is_counted_apart() -> None:
    probe = ProbeSet(name="t", label="LOC", source="written for the test", names=["包头市", "岚溪镇", "岚峰锂业"],
                     templates=["新项目位于{}，明年投产。"])
    (row,) = run_probe(probe, load_config(ROOT / "configs" / "default.yaml"))
    assert (row.found, row.names, row.found_unlisted, row.unlisted) == (2, 3, 1, 2)  # 包头市 is listed


def test_a_person_probe_counts_only_the_probe_label() -> None:
    probe = ProbeSet(name="t", label="PERSON", source="written for the test", names=["包头市"], negatives=[],
                     templates=["新项目位于{}。"])
    (row,) = run_probe(probe, load_config(ROOT / "configs" / "default.yaml"))
    assert row.found == 0  # a place is no person


def _probe(*templates: str) -> ProbeSet:
    return ProbeSet(name="t", label="ORG", source="test", names=["X"], templates=list(templates))


def test_a_sentence_may_write_its_name_twice() -> None:
    assert _probe("{0}公司周一公布季度报告。{0}周二表示。", "{}周二表示。").templates[0].count("{0}") == 2
    for bad in ("{}与{}签约。", "{0}与{}签约。", "没有名字。", "{1}周二表示。"):
        with pytest.raises(ValidationError):
            _probe(bad)


def test_packaged_probes_name_their_source_and_have_sentences_with_a_slot() -> None:
    probes = load_probes()
    assert {p.label for p in probes} <= {"PERSON", "ORG", "LOC", "MINERAL"}  # MINERAL: ores a name model may take
    for p in probes:
        assert p.source and p.names and p.templates  # each template validated on load (ProbeSet)
    assert listed_count(["包头市", "岚峰锂业"]) == 1


def test_the_command_writes_its_scores(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    done = subprocess.run([sys.executable, "-m", "pipeline.tools.eval.probe", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "zh-company-short-names" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [r["probe"] for r in report] == [p.name for p in load_probes()]
