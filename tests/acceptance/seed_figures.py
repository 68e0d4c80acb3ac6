"""Score extract_figures on the seed documents with the reference scorer (FIGURE and MEASURE).

usage: python tests/acceptance/seed_figures.py [--out PRED.jsonl] [--diff] [--json]

Runs ``extract_figures`` on every raw seed text in shared/seeds/, writes the
predictions in the gold format (only "figures" filled, other lists empty) and
calls shared/eval/score.py with --by-lang. ``--diff`` also lists, per document,
the gold figures missed and the predicted figures not in gold, to study false
positives as carefully as misses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "seeds.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"

sys.path.insert(0, str(ROOT))

from pipeline.figures import extract_figures  # noqa: E402


def _gold_langs() -> dict[str, str]:
    langs = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            langs[d["doc"].split("#")[0]] = d.get("lang", "")
    return langs


def predict() -> list[dict[str, object]]:
    """One gold-format record per seed document."""
    langs = _gold_langs()
    rows: list[dict[str, object]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lang = langs.get(path.name, "")
        figs = [
            {
                "text": f.text,
                "value": float(f.value),
                "value_high": None if f.value_high is None else float(f.value_high),
                "unit": f.unit,
                "qualifier": f.qualifier,
            }
            for f in extract_figures(text, lang or None)
        ]
        rows.append(
            {
                "doc": path.name,
                "lang": lang,
                "persons": [],
                "orgs": [],
                "locs": [],
                "minerals": [],
                "figures": figs,
            }
        )
    return rows


def score(pred_path: Path, as_json: bool = False) -> str:
    args = [sys.executable, str(SCORER), str(GOLD), str(pred_path), "--by-lang"] + (
        ["--json"] if as_json else []
    )
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def figure_rows(score_json: str) -> dict[tuple[str, str], dict[str, float]]:
    """{(group, type): row} for FIGURE and MEASURE."""
    return {(r["group"], r["type"]): r for r in json.loads(score_json) if r["type"] in ("FIGURE", "MEASURE")}


def _key(f: dict[str, object]) -> tuple[str, float, float | None]:
    def num(v: object) -> float | None:
        return None if v is None else float(f"{float(v):.6g}")  # type: ignore[arg-type]

    v = num(f["value"])
    assert v is not None
    return (str(f["unit"]), v, num(f.get("value_high")))


def diff(rows: list[dict[str, object]]) -> str:
    gold: dict[str, list[dict[str, object]]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            gold.setdefault(d["doc"].split("#")[0], []).extend(d["figures"])
    out = []
    for r in rows:
        g = {_key(f): f["text"] for f in gold.get(str(r["doc"]), [])}
        p = {_key(f): f["text"] for f in r["figures"]}  # type: ignore[attr-defined]
        for k in sorted(set(g) - set(p), key=str):
            out.append(f"{r['doc']}  MISS {k} {g[k]!r}")
        for k in sorted(set(p) - set(g), key=str):
            out.append(f"{r['doc']}  FP   {k} {p[k]!r}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    rows = predict()
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else Path(tempfile.mkdtemp()) / "pred.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    text = score(out, as_json="--json" in argv)
    if "--json" in argv:
        print(json.dumps(figure_rows(text).__repr__()))
    else:
        print(
            "\n".join(
                line for line in text.splitlines() if "FIGURE" in line or "MEASURE" in line or "group" in line
            )
        )
    if "--diff" in argv:
        print(diff(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
