"""One long document vs the same text as 30 documents: time and memory must grow linearly with length.

Builds about 330,000 characters of mixed Chinese/English market-report text (sentences of the seeds and
the dev articles interleaved, one line, so every sentence is its own language run), then processes it
with the default profile in one process, as one document and as 30 documents, alternating (best of
``--repeat``). Peak RSS is measured in a child process per shape. Prints a Markdown table; exits 1
when one document takes more than 1.5x the time of 30 (the bar of issue 15).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BAR = 1.5


def mixed_text(chars: int) -> str:
    texts = [p.read_text(encoding="utf-8") for folder in ("seeds", "eval/dev/raw")
             for p in sorted((ROOT / folder).glob("*.txt"))]
    zh = [s for t in texts for s in re.findall(r"[^。！？\n]*[。！？]", t) if re.search(r"[\u4e00-\u9fff]", s)]
    en = [s.strip() for t in texts for s in re.findall(r"[A-Z][^.!?\n]{30,}[.!?]", t)
          if not re.search(r"[\u4e00-\u9fff]", s)]
    out: list[str] = []
    size, i = 0, 0
    while size < chars:
        for piece in (zh[i % len(zh)], f" {en[i % len(en)]} "):
            out.append(piece)
            size += len(piece)
        i += 1
    return "".join(out)


def shapes(text: str, n: int = 30) -> dict[str, list[str]]:
    """The same text as one document and cut at sentence ends into ``n`` documents."""
    cuts = [m.end() for m in re.finditer(r"[。.!?] ", text)]
    step = max(len(cuts) // n, 1)
    bounds = [0, *cuts[step - 1::step][:n - 1], len(text)]
    return {"one": [text], "thirty": [text[a:b] for a, b in itertools.pairwise(bounds)]}


def _stages():  # type: ignore[no-untyped-def]
    from pipeline.run.config import load_config
    from pipeline.stages import build_stages

    return build_stages(load_config(ROOT / "configs" / "default.yaml").with_project_paths())


def _run(stages, docs: list[str]) -> float:  # type: ignore[no-untyped-def]
    from pipeline.records import Document
    from pipeline.stages.batch import process_batch

    t0 = time.perf_counter()
    _bundles, errors = process_batch(stages, [Document(f"d{i}", f"d{i}", t) for i, t in enumerate(docs)])
    assert not errors, errors
    return time.perf_counter() - t0


def child(shape: str, chars: int) -> None:
    stages = _stages()
    _run(stages, ["稀土 rare earth 价格上涨5%。"])
    seconds = _run(stages, shapes(mixed_text(chars))[shape])
    print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=330_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", choices=["one", "thirty"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.chars)
        return 0
    text = mixed_text(args.chars)
    docs = shapes(text)
    stages = _stages()
    _run(stages, ["稀土 rare earth 价格上涨5%。"])
    best = {"one": float("inf"), "thirty": float("inf")}
    for _ in range(args.repeat):
        for shape in ("thirty", "one"):
            best[shape] = min(best[shape], _run(stages, docs[shape]))
    rss = {}
    for shape in ("one", "thirty"):
        done = subprocess.run([sys.executable, __file__, "--child", shape, "--chars", str(args.chars)],
                              capture_output=True, text=True, check=True)
        rss[shape] = json.loads(done.stdout.strip().splitlines()[-1])["rss_mb"]
    ratio = best["one"] / best["thirty"]
    print(f"Long document vs 30 documents, {len(text):,} characters of mixed zh/en text, default profile, "
          f"one process (best of {args.repeat}):\n")
    print("| shape | seconds | chars/s | peak RSS MB |\n|---|---|---|---|")
    for shape, label in (("one", "1 document"), ("thirty", f"{len(docs['thirty'])} documents")):
        print(f"| {label} | {best[shape]:.2f} | {len(text) / best[shape]:,.0f} | {rss[shape]:.0f} |")
    print(f"\nratio one/thirty: {ratio:.2f} (bar: <= {BAR})")
    return 0 if ratio <= BAR else 1


if __name__ == "__main__":
    sys.exit(main())
