"""Throughput of extract_figures (MB/s of UTF-8 input, one core) on the seed texts repeated to a few MB.

usage: python benchmarks/bench_figures.py [--mb 4] [--repeat 3] [--lang zh|en|all]

Each document is passed whole to extract_figures, as the pipeline stage does;
the corpus is the seed documents repeated until it reaches ``--mb`` megabytes.
The best of ``--repeat`` runs is reported (plus figures per second).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from pipeline.figures import extract_figures  # noqa: E402

_ZH = ("001_",)


def corpus(mb: float, lang: str) -> list[str]:
    """Seed documents (filtered by language) repeated to about ``mb`` MB."""
    docs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        is_zh = path.name.startswith(_ZH)
        if lang == "all" or (lang == "zh") == is_zh:
            docs.append(path.read_text(encoding="utf-8"))
    size = sum(len(d.encode("utf-8")) for d in docs)
    reps = max(1, int(mb * 1_000_000 / size))
    return docs * reps


def run(docs: list[str], repeat: int) -> tuple[float, int, float]:
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    best = float("inf")
    nfig = 0
    extract_figures(docs[0])  # warm the compiled grammar
    for _ in range(repeat):
        t0 = time.perf_counter()
        nfig = sum(len(extract_figures(d)) for d in docs)
        best = min(best, time.perf_counter() - t0)
    return nbytes / 1e6 / best, nfig, nfig / best


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lang", default="all", choices=("all", "zh", "en"))
    args = ap.parse_args(argv)
    langs = ("all", "zh", "en") if args.lang == "all" else (args.lang,)
    for lang in langs:
        docs = corpus(args.mb if lang == "all" else args.mb / 2, lang)
        mbs, nfig, fps = run(docs, args.repeat)
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        print(f"{lang:4} {size:6.2f} MB  {mbs:6.2f} MB/s  {nfig} figures  {fps:,.0f} figures/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
