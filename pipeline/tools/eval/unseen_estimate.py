"""The honest estimate: dev-set quality with the hand-compiled name lists stripped of what the dev set names.

Why: the dev set was read while the rules and the name lists grew, so its scores flatter the pipeline on text it
has never seen. The lists (``institutions.tsv``, ``companies.tsv``, ``regions.tsv``, ``exonyms.tsv``) are the
part most tied to the text read: an entry that names something in a dev article scores that mention whether or
not the rest of the pipeline would find it. This tool removes every list row whose surface occurs in a dev text
(a Latin surface as a whole word, case-insensitive), drops the same rows from the built gazetteer
(``gazetteer.tsv``: the list rows and the English division names made from a removed exonym), and runs
``make eval``'s two runs and scoring on a copy of the package, so the checkout is never touched.

Usage: python -m pipeline.tools.eval.unseen_estimate [--work build/unseen] [--config configs/default.yaml]
       [--set KEY=VALUE ...]
Prints the per-language table of ``pipeline eval`` and the number of rows removed per file.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LISTS = ("institutions.tsv", "companies.tsv", "regions.tsv", "exonyms.tsv")
_LATIN = re.compile(r"[A-Za-z]")


def named_in(surface: str, texts: str, folded: str) -> bool:
    """The surface occurs in the texts: Han text anywhere, a Latin surface as a whole word in any case."""
    if not surface:
        return False
    if _LATIN.search(surface):
        pattern = r"(?<![a-z0-9])" + re.escape(surface.lower()) + r"(?![a-z0-9])"
        return re.search(pattern, folded) is not None
    return surface in texts


def strip_rows(lines: Iterable[str], columns: int, texts: str) -> tuple[list[str], list[str]]:
    """(kept lines, removed rows): a data row is removed when one of its first ``columns`` cells is named in
    the texts; comments, blank lines and the header stay."""
    folded = texts.lower()
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        data = line.strip() and not line.startswith("#") and cells[0] != "surface"
        if data and any(named_in(c, texts, folded) for c in cells[:columns]):
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed


def strip_gazetteer(lines: Iterable[str], removed_surfaces: set[str]) -> tuple[list[str], int]:
    """The built gazetteer without the rows of removed list entries (matched by surface)."""
    kept, n = [], 0
    for line in lines:
        if not line.startswith("#") and line.split("\t", 1)[0] in removed_surfaces:
            n += 1
            continue
        kept.append(line)
    return kept, n


def prepare(work: Path, dev_texts: str) -> dict[str, int]:
    """A copy of the package under ``work/src`` with the lists stripped; models, seeds and eval linked."""
    src = work / "src"
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(ROOT / "pipeline", src / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "configs", src / "configs")
    for name in ("models", "seeds", "eval"):
        (src / name).symlink_to(ROOT / name)
    data = src / "pipeline" / "ner" / "data"
    counts: dict[str, int] = {}
    removed_surfaces: set[str] = set()
    for name in LISTS:
        path = data / name
        kept, removed = strip_rows(path.read_text(encoding="utf-8").splitlines(keepends=True),
                                   2 if name == "exonyms.tsv" else 1, dev_texts)
        path.write_text("".join(kept), encoding="utf-8")
        counts[name] = len(removed)
        for row in removed:
            cells = row.rstrip("\n").split("\t")
            removed_surfaces.update(cells[1:2] if name == "exonyms.tsv" else cells[:1])
    gaz = data / "gazetteer.tsv"
    kept, counts["gazetteer.tsv"] = strip_gazetteer(gaz.read_text(encoding="utf-8").splitlines(keepends=True),
                                                    removed_surfaces)
    gaz.write_text("".join(kept), encoding="utf-8")
    return counts


def run_and_score(work: Path, config: Path, overrides: list[str]) -> str:
    """``make eval``'s runs and scoring with the stripped copy first on the import path."""
    src = work / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    sets = [arg for o in overrides for arg in ("--set", o)]
    for name, folder in (("seeds", "seeds"), ("dev", "eval/dev/raw")):
        out = work / name
        if out.exists():
            shutil.rmtree(out)
        subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", folder, "--dataset", str(out.resolve()),
                        "--config", str(config), *sets], cwd=src, env=env, check=True, stdout=subprocess.DEVNULL)
    done = subprocess.run([sys.executable, "-m", "pipeline", "eval", "--gold", "eval/seeds.gold.jsonl", "--dataset",
                           str((work / "seeds").resolve()), "--gold", "eval/dev/dev.gold.jsonl", "--dataset",
                           str((work / "dev").resolve()), "--errors", str((work / "errors.md").resolve())],
                          cwd=src, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("build/unseen"))
    ap.add_argument("--config", type=Path, default=Path("configs/default.yaml"))
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args(argv)
    raw = ROOT / "eval" / "dev" / "raw"
    texts = sorted(raw.glob("*.txt"))
    if not texts:
        print(f"no dev texts in {raw}", file=sys.stderr)
        return 2
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    counts = prepare(work, "\n".join(p.read_text(encoding="utf-8") for p in texts))
    print("rows removed: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(run_and_score(work, args.config, args.overrides), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
