"""Cost linear in document length: every stage of the smoke profile on one document 4x as long takes about
4x the CPU time (the quadratic steps of issue 15 took 10-40x), measured in one process."""

from __future__ import annotations

import gc
import re
import time

import pytest

from pipeline.records import Bundle, Document
from pipeline.run.config import load_config
from pipeline.stages import build_stages
from tests.conftest import DEV_RAW, ROOT, SEEDS

pytestmark = pytest.mark.slow


def _mixed(chars: int) -> str:
    """Chinese and English sentences of the seeds and dev articles interleaved on one line."""
    texts = [p.read_text(encoding="utf-8") for folder in (SEEDS, DEV_RAW) for p in sorted(folder.glob("*.txt"))]
    zh = [s for t in texts for s in re.findall(r"[^。！？\n]*[。！？]", t) if re.search(r"[\u4e00-\u9fff]", s)]
    en = [s.strip() for t in texts for s in re.findall(r"[A-Z][^.!?\n]{30,}[.!?]", t)
          if not re.search(r"[\u4e00-\u9fff]", s)]
    out: list[str] = []
    i = 0
    while sum(map(len, out)) < chars:
        out += [zh[i % len(zh)], f" {en[i % len(en)]} "]
        i += 1
    return "".join(out)


def _cpu_per_stage(stages: list, text: str) -> dict[str, float]:  # type: ignore[type-arg]
    """CPU seconds per stage with the garbage collector paused while a stage runs, as timeit does: a full
    collection of the loaded models' objects falls into whichever stage allocates at that moment (0.37 s in a
    resolve step that takes 0.002 s), which is no cost of the stage's own."""
    batch = [Bundle(Document("d", "d.txt", text))]
    seconds = {}
    for stage in stages:
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            batch = stage.run(batch)
            seconds[stage.name] = time.process_time() - t0
        finally:
            gc.enable()
    return seconds


def test_linear_cost_every_stage_scales_with_length() -> None:
    stages = build_stages(load_config(ROOT / "configs" / "smoke.yaml").with_project_paths())
    _cpu_per_stage(stages, _mixed(2_000))  # load lazily built tables
    small = _cpu_per_stage(stages, _mixed(60_000))
    large = _cpu_per_stage(stages, _mixed(240_000))
    for name in small:
        assert large[name] <= 6 * small[name] + 0.25, (name, small[name], large[name])
