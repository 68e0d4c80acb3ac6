"""Load the package's data files once (gazetteer, name lexicons, rule lexicons, label map)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
_STRENGTH_ORDER = {"strong": 3, "weak": 2, "suffix": 1, "context": 0}


@dataclass(slots=True)
class Place:
    """All gazetteer rows sharing one surface, merged: the strongest use wins, codes are pooled."""

    label: str
    kind: str
    strength: str
    codes: set[str] = field(default_factory=set)
    ancestors: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    zh: dict[str, Place]
    en: dict[str, Place]  # keyed by ``fold_en(surface)``


def fold_en(s: str) -> str:
    """Key for English surfaces: one apostrophe form, one space, case kept (names are capitalised)."""
    return " ".join(s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").split())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with (DATA / "gazetteer.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")]
    parent = {r["code"]: r["parent"] for r in rows if r["code"] and r["parent"]}
    tables: dict[str, dict[str, Place]] = {"zh": {}, "en": {}}
    for r in rows:
        key = r["surface"] if r["lang"] == "zh" else fold_en(r["surface"])
        place = tables[r["lang"]].get(key)
        if place is None:
            place = tables[r["lang"]][key] = Place(r["label"], r["kind"], r["strength"])
        elif _STRENGTH_ORDER[r["strength"]] > _STRENGTH_ORDER[place.strength]:
            place.strength, place.kind, place.label = r["strength"], r["kind"], r["label"]
        if r["code"]:
            place.codes.add(r["code"])
        p = r["parent"]
        while p:
            place.ancestors.add(p)
            p = parent.get(p, "")
    return Gazetteer(zh=tables["zh"], en=tables["en"])


@cache
def json_data(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def label_map() -> dict[str, str]:
    return {k: v for k, v in json_data("labels.json").items() if not k.startswith("_")}
