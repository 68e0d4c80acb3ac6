"""Build a benchmark corpus of a given size from the seeds and the public corpora in ../shared/data.

Every file differs (its own first line and a rotating slice of corpus sentences),
so nothing is deduplicated away.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _msra_sentences(data: Path) -> Iterator[str]:
    chars: list[str] = []
    with open(data / "ner-zh" / "msra" / "msra_train_bio", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                chars.append(line.split("\t")[0])
            elif chars:
                yield "".join(chars)
                chars = []


def _conll_sentences(data: Path) -> Iterator[str]:
    words: list[str] = []
    with open(data / "ner-en" / "conll2003" / "eng.train", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("-DOCSTART-"):
                continue
            if line.strip():
                words.append(line.split()[0])
            elif words:
                yield " ".join(words)
                words = []


def build(out: Path, megabytes: float, data: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    zh = itertools.cycle(list(_msra_sentences(data))[:20000]) if data.is_dir() else itertools.cycle(["稀土。"])
    en = itertools.cycle(list(_conll_sentences(data))[:20000]) if data.is_dir() else itertools.cycle(["Gold."])
    target = int(megabytes * 1_000_000)
    written = 0
    for i in itertools.count():
        seed = seeds[i % len(seeds)]
        extra = "".join(next(zh) for _ in range(20)) if i % 2 else " ".join(next(en) for _ in range(20))
        text = f"Document {i}\n\n{seed}\n\n{extra}\n"
        (out / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        if written >= target:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench_corpus")
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    print(build(args.out, args.mb, args.data))


if __name__ == "__main__":
    main()
