"""Time and peak memory of ``pipeline.load_view("figures_in_context", out)`` on a 10,000-document output.

usage: python benchmarks/bench_view.py [--docs 10000] [--source build/eval/dev] [--work build/bench_view]

The output folder is built from a real run (``--source``, default the dev-set run of ``make eval``;
when missing, the dev set is run into it first): its documents, sentences, mentions and figures are
copied with new document ids until there are ``--docs`` documents, written in batches of 1,000
documents with the pipeline's own writer (tokens are not copied: the view does not read them).
The view is then loaded in a fresh process, which reports its wall seconds (load_table of the four
tables plus the join, and the join alone) and its peak RSS (Linux VmHWM); the RSS of that process after
importing the package is reported too. Runs are repeated (``--repeat``) and the best time is shown.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from pipeline.io.catalog import load_table  # noqa: E402
from pipeline.io.sink import write_batch  # noqa: E402

TABLES = ("documents", "sentences", "mentions", "figures")
BATCH = 1000

CHILD = """
import json, sys, time
from pathlib import Path

def peak_mb():
    # VmHWM: this process's peak resident set (reset below: a forked child starts with its parent's).
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith("VmHWM"))
    return int(line.split()[1]) / 1024

Path("/proc/self/clear_refs").write_text("5")
sys.path.insert(0, {root!r})
import pipeline
from pipeline.io.catalog import load_table
from pipeline.io.views import figures_in_context
base = peak_mb()
t0 = time.perf_counter()
view = pipeline.load_view("figures_in_context", {out!r})
total = time.perf_counter() - t0
peak = peak_mb()
rows = len(view)
del view
frames = {{t: load_table(t, {out!r}) for t in ("documents", "sentences", "mentions", "figures")}}
t1 = time.perf_counter()
again = figures_in_context(frames)
join = time.perf_counter() - t1
print(json.dumps({{"rows": rows, "seconds": total, "join_seconds": join, "same": len(again) == rows,
                  "baseline_rss_mb": base, "peak_rss_mb": peak,
                  "documents": len(frames["documents"]), "mentions": len(frames["mentions"]),
                  "sentences": len(frames["sentences"])}}))
"""


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    out = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{str(k): v for k, v in row.items() if k != "run_date"} for row in out]


def build(source: Path, work: Path, n_docs: int) -> Path:
    """Copy the source run's rows with new document ids until ``n_docs`` documents are written."""
    frames = {t: load_table(t, source) for t in TABLES}
    docs = frames["documents"]
    if not len(docs):
        raise SystemExit(f"{source} holds no documents")
    out = work / f"out_{n_docs}"
    if out.exists():
        shutil.rmtree(out)
    by_doc = {t: dict(tuple(f.groupby("doc_id", sort=False))) for t, f in frames.items() if t != "documents"}
    ids = docs["doc_id"].tolist()
    batch: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    written = 0
    for n in range(n_docs):
        old = ids[n % len(ids)]
        new = f"{n:06d}{old[:10]}"
        batch["documents"].append(docs[docs["doc_id"] == old].assign(doc_id=new))
        for t in ("sentences", "mentions", "figures"):
            part = by_doc[t].get(old)
            if part is not None:
                part = part.assign(doc_id=new)
                if "mention_id" in part:
                    part = part.assign(mention_id=part["mention_id"].str.replace(old, new, n=1, regex=False))
                batch[t].append(part)
        if (n + 1) % BATCH == 0 or n + 1 == n_docs:
            rows = {t: _records(pd.concat(parts, ignore_index=True)) for t, parts in batch.items() if parts}
            write_batch(out, "20260101t000000bnch", "2026-01-01", written, rows)
            written += 1
            batch = {t: [] for t in TABLES}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--source", type=Path, default=ROOT / "build" / "eval" / "dev")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bench_view")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.source / "documents").is_dir():
        subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(ROOT / "eval" / "dev" / "raw"),
                        "--output", str(args.source)], check=True, cwd=ROOT)
    out = build(args.source, args.work, args.docs)
    runs = []
    for _ in range(args.repeat):
        done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), out=str(out))],
                              capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    print(json.dumps({"docs": args.docs, "runs": len(runs), **best,
                      "seconds_all": [round(r["seconds"], 2) for r in runs]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
