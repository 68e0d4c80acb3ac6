"""Quality floors: the F1 that main reaches per set (seeds, dev), language and type.

Why floors: the gates in ``tests/integration/test_quality_gates.py`` fail when a change lowers any of
these figures, on the seeds and on the dev set of unseen articles. After a change that raises a figure,
write the new floors with ``make floors`` (it runs ``make eval`` first); never lower a floor to let a
change through.

usage: python tests/quality/floors.py --write [--eval-dir build/eval]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "tests" / "data" / "quality_floors.json"
SETS = {"seeds": ROOT / "eval" / "seeds.gold.jsonl", "dev": ROOT / "eval" / "dev" / "dev.gold.jsonl"}
LANGS = ("en", "zh")


def scores(runs: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    """``python -m pipeline eval --json`` over each set's run folder: rows per set."""
    args = [sys.executable, "-m", "pipeline", "eval"]
    for name, run in runs.items():
        args += ["--gold", str(SETS[name]), "--run", str(run), "--name", name]
    done = subprocess.run([*args, "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    result: dict[str, list[dict[str, Any]]] = json.loads(done.stdout)
    return result


def f1_by_lang(rows: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, dict[str, float]]]:
    """{set: {lang: {type: F1}}} for the per-language rows."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, set_rows in rows.items():
        for r in set_rows:
            if r["group"] in LANGS:
                out.setdefault(name, {}).setdefault(r["group"], {})[r["type"]] = float(r["f1"])
    return out


def below(measured: dict[str, dict[str, dict[str, float]]],
          floors: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """Every (set, lang, type) whose F1 fell under its floor, as readable lines."""
    return [f"{name} {lang} {t}: F1 {measured.get(name, {}).get(lang, {}).get(t, 0.0):.4f} < floor {floor:.4f}"
            for name, langs in floors.items() for lang, types in langs.items() for t, floor in types.items()
            if measured.get(name, {}).get(lang, {}).get(t, 0.0) < floor]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=ROOT / "build" / "eval")
    ap.add_argument("--write", action="store_true", help="write the measured F1 as the new floors")
    args = ap.parse_args()
    measured = f1_by_lang(scores({name: args.eval_dir / name for name in SETS}))
    # Floors are the measured F1 rounded down to 3 decimals, so a re-run of the same code always passes.
    floors = {n: {lang: {t: math.floor(v * 1000) / 1000 for t, v in sorted(types.items())}
                  for lang, types in sorted(langs.items())} for n, langs in measured.items()}
    text = json.dumps(floors, indent=1, sort_keys=True) + "\n"
    if args.write:
        FLOORS.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
