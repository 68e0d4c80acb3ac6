"""Scoring predicted entities against gold, per document, as sets.

The same rules as the reference scorer in ../shared/eval/score.py (see
eval/GUIDELINES.md): names are normalised, places lose their type suffix,
figures compare (unit, value, value_high) rounded to 6 significant digits.
A test runs both on the same files and requires identical numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

TYPES = ("PERSON", "DELEGATE", "ORG", "LOC", "MINERAL", "FIGURE", "MEASURE")
COUNT_UNITS = frozenset({"item", "person", "time", "times", ""})
LOC_SUFFIXES = (" autonomous region", " province", " city", " county", " district",
                " prefecture", "自治区", "省", "市", "县", "区", "州")
Items = dict[str, set[Any]]


def norm(value: object) -> str:
    s = unicodedata.normalize("NFKC", str(value)).lower()
    s = re.sub(r"[\u2018\u2019\u02bc`´]", "'", s)
    s = re.sub(r"[\u201c\u201d]", '"', s)
    s = re.sub(r"\s+", " ", s).strip(" \t\n.,;:，。；：、\"'()（）《》")
    s = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", s)
    return re.sub(r"^the ", "", s)


def norm_loc(value: object) -> str:
    s = norm(value)
    for suffix in LOC_SUFFIXES:
        if s.endswith(suffix) and len(s) - len(suffix) >= 2:
            return s[: -len(suffix)].strip()
    return s


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return float(f"{number:.6g}")


def keyed(doc: Mapping[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(type, comparable key, surface as written) for every item of one gold-format document.

    The key is what the reference scorer compares; the surface is kept so that an error listing can
    show where an item stands in the text.
    """
    for p in doc.get("persons") or []:
        name = norm(p.get("name", ""))
        if name:
            yield "PERSON", name, str(p.get("name"))
            if p.get("delegate_body"):
                yield "DELEGATE", (name, str(p["delegate_body"]).upper()), str(p.get("name"))
    for o in doc.get("orgs") or []:
        if norm(o):
            yield "ORG", norm(o), str(o)
    for o in doc.get("locs") or []:
        if norm_loc(o):
            yield "LOC", norm_loc(o), str(o)
    for m in doc.get("minerals") or []:
        canonical = m.get("canonical") if isinstance(m, dict) else m
        if canonical and norm(canonical):
            yield "MINERAL", norm(canonical), str(m.get("text") or canonical) if isinstance(m, dict) else str(m)
    for f in doc.get("figures") or []:
        value = _num(f.get("value"))
        if value is None:
            continue
        key = (str(f.get("unit") or "").strip(), value, _num(f.get("value_high")))
        yield "FIGURE", key, str(f.get("text") or "")
        if key[0].lower() not in COUNT_UNITS:
            yield "MEASURE", key, str(f.get("text") or "")


def items(doc: Mapping[str, Any]) -> Items:
    """One gold-format document to comparable keys per type."""
    out: Items = {t: set() for t in TYPES}
    for t, key, _ in keyed(doc):
        out[t].add(key)
    return out


def load_docs(lines: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Gold-format JSON lines to {doc key: {lang, items}}; lines with the same doc are merged."""
    docs: dict[str, dict[str, Any]] = {}
    for line in lines:
        if not line.strip():
            continue
        d = json.loads(line)
        key = d["doc"].split("#")[0]
        found = items(d)
        if key in docs:
            for t in TYPES:
                docs[key]["items"][t] |= found[t]
        else:
            docs[key] = {"lang": d.get("lang", "?"), "items": found}
    return docs


def load_file(path: Path) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return load_docs(fh)


def score(gold: Mapping[str, Any], pred: Mapping[str, Any], by_lang: bool = False) -> list[dict[str, Any]]:
    """P/R/F1 per type (and per language with ``by_lang``), rows sorted like the reference scorer."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    empty: dict[str, Items] = {"items": {t: set() for t in TYPES}}
    for key, g in gold.items():
        p = pred.get(key, empty)
        groups = ["all"] + ([g["lang"]] if by_lang else [])
        for t in TYPES:
            gs, ps = g["items"][t], p["items"][t]
            for group in groups:
                c = counts[(group, t)]
                c[0] += len(gs & ps)
                c[1] += len(ps)
                c[2] += len(gs)
    rows = []
    for (group, t), (tp, npred, ngold) in sorted(counts.items()):
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"group": group, "type": t, "gold": ngold, "pred": npred, "tp": tp,
                     "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)})
    return rows


def format_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'group':6} {'type':9} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for r in rows:
        lines.append(f"{r['group']:6} {r['type']:9} {r['gold']:5} {r['pred']:5} {r['tp']:5} "
                     f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    return "\n".join(lines)


def format_side_by_side(results: Mapping[str, list[dict[str, Any]]]) -> str:
    """Several scored sets (e.g. seeds and dev) in one table: P/R/F1 per type and language, set beside set."""
    names = list(results)
    keys = list(dict.fromkeys((r["group"], r["type"]) for rows in results.values() for r in rows))
    by_set = {name: {(r["group"], r["type"]): r for r in rows} for name, rows in results.items()}
    width = 27
    head = f"{'lang':5} {'type':9}" + "".join(f" | {name:^{width}}" for name in names)
    sub = f"{'':5} {'':9}" + "".join(f" | {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}" for _ in names)
    lines = [head, sub, "-" * len(sub)]
    for group, t in keys:
        cells = []
        for name in names:
            r = by_set[name].get((group, t))
            cells.append(f" | {r['gold']:5} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}" if r
                         else f" | {'':{width}}")
        lines.append(f"{group:5} {t:9}" + "".join(cells))
    return "\n".join(lines)


def title_share(gold_lines: Iterable[str], pred_lines: Iterable[str]) -> tuple[int, int]:
    """(reproduced, total): gold titles found exactly among the titles predicted for the same person.

    Informational (the reference scorer does not score titles); persons are matched by normalised name
    within a document, documents by their key as in :func:`load_docs`.
    """
    def titles(lines: Iterable[str]) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for line in lines:
            if line.strip():
                d = json.loads(line)
                for p in d.get("persons") or []:
                    out[(d["doc"].split("#")[0], norm(p.get("name", "")))] |= set(p.get("titles") or [])
        return out

    gold, pred = titles(gold_lines), titles(pred_lines)
    total = sum(len(t) for t in gold.values())
    hit = sum(len(t & pred.get(key, set())) for key, t in gold.items())
    return hit, total


def delegates_with_titles(pred_lines: Iterable[str]) -> tuple[int, int]:
    """(with a title, all): predicted delegates (persons with a body) that carry at least one title.

    Informational: a delegate found without any post says less than the text does.
    """
    with_title = total = 0
    for line in pred_lines:
        if line.strip():
            for p in json.loads(line).get("persons") or []:
                if p.get("delegate_body"):
                    total += 1
                    with_title += bool(p.get("titles"))
    return with_title, total
