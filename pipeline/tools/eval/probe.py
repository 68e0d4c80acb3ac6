"""Generalisation probes: how the pipeline reads names of one kind that no list holds, in sentences made for it.

Why: the dev set was read while the rules grew and the honest estimate (``make eval-unseen``) only strips the
lists; neither says how a category of names fares when every name is new. A probe writes real names of one
kind (``probes.json``: company short names, mining places, academic units, persons) into sentences made up
for it, and ordinary words into the same sentences. It reports per sentence how many names come out whole
with the probe's label (recall) and how many sentences with an ordinary word yield any mention of that label
(false alarms; not counting the names the sentences themselves hold, ``context_names``), how many of the
names the project's lists hold by now (a listed name says nothing about the rules), and the recall over the
names no list holds (the column "unlisted": what the rules and the model find on their own). The probes were
read while rules were written: a regression measure of categories, not a test on unseen text.

Usage: python -m pipeline.tools.eval.probe [--config configs/default.yaml] [--set KEY=VALUE ...]
       [--out build/probe/scores.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from pydantic import Field, field_validator

from pipeline.resources import RuleFile, load_validated
from pipeline.run.config import Config, load_config

PROBES = "probes.json"


class ProbeSet(RuleFile):
    """One kind of name: the label it should get, where the names come from, the names, the ordinary words
    and the sentences ({} marks where a name or word goes; {0} where a sentence writes it more than once)."""

    name: str
    label: str
    source: str
    names: list[str]
    negatives: list[str] = Field(default_factory=list)
    templates: list[str]
    # names the sentences themselves hold (Kestrel Ridge in "its {} and Kestrel Ridge mines"): no false alarm
    context_names: list[str] = Field(default_factory=list)

    @field_validator("templates")
    @classmethod
    def _one_name_each(cls, templates: list[str]) -> list[str]:
        """Each sentence takes one name: a single ``{}``, or ``{0}`` wherever it writes the name again (``{}``
        and ``{0}`` together would not format, two ``{}`` would need two names)."""
        for t in templates:
            fields = [f for _, f, _, _ in Formatter().parse(t) if f is not None]
            if not (fields == [""] or (fields and set(fields) == {"0"})):
                raise ValueError(f"a probe sentence needs one name slot, {{}} once or {{0}} throughout: {t!r}")
        return templates


class ProbeFile(RuleFile):
    sets: list[ProbeSet]


@dataclass(frozen=True)
class Row:
    """The outcome of one sentence of one probe set."""

    probe: str
    template: str
    found: int
    names: int
    false_alarms: int
    negatives: int
    # the same recall over the names no list holds: what the rules and the model find on their own (a listed name
    # is found by its list whatever the rules do)
    found_unlisted: int = 0
    unlisted: int = 0


def load_probes() -> list[ProbeSet]:
    return load_validated(__package__ or "pipeline.tools.eval", PROBES, ProbeFile).sets


def _mentions(texts: list[str], config: Config) -> list[set[tuple[str, str]]]:
    """(label, text) of each text's mentions, by one in-memory run of the pipeline, matched to the texts by
    their position (``external_id``); a failed or repeated sentence stops the probe."""
    from pipeline import extract

    tables = extract(texts, config=config)
    if len(tables["errors"]):
        raise SystemExit(f"probe: {len(tables['errors'])} sentences failed or repeat another: "
                         + "; ".join(map(str, tables["errors"]["message"][:3])))
    docs = tables["documents"]
    order = {doc: int(pos) for doc, pos in zip(docs["doc_id"], docs["external_id"], strict=True)}
    out: list[set[tuple[str, str]]] = [set() for _ in texts]
    for row in tables["mentions"].itertuples():
        out[order[row.doc_id]].add((str(row.label), str(row.text)))
    return out


def run_probe(probe: ProbeSet, config: Config) -> list[Row]:
    """Recall and false alarms of one probe set, per sentence."""
    cells = [(t, n, True) for t in probe.templates for n in probe.names]
    cells += [(t, w, False) for t in probe.templates for w in probe.negatives]
    found = _mentions([t.format(x) for t, x, _ in cells], config)
    unlisted = {n for n in probe.names if not listed_count([n])}
    rows = []
    for t in probe.templates:
        hits = sum(1 for (tt, x, pos), m in zip(cells, found, strict=True) if tt == t and pos and (probe.label, x) in m)
        own = sum(1 for (tt, x, pos), m in zip(cells, found, strict=True)
                  if tt == t and pos and x in unlisted and (probe.label, x) in m)
        alarms = sum(1 for (tt, _, pos), m in zip(cells, found, strict=True)
                     if tt == t and not pos and any(label == probe.label and text not in probe.context_names
                                                    for label, text in m))
        rows.append(Row(probe.name, t, hits, len(probe.names), alarms, len(probe.negatives), own, len(unlisted)))
    return rows


def listed_count(names: Iterable[str]) -> int:
    """How many of the names the project's gazetteer (lists of places, institutions and companies) holds."""
    from pipeline.ner.lexicon import gazetteer

    table = gazetteer()
    return sum(1 for n in names if n in table.zh or n in table.en)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=Path("configs/default.yaml"))
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--out", type=Path, default=Path("build/probe/scores.json"))
    args = ap.parse_args(argv)
    config = load_config(args.config, args.set)
    report = []
    print(f"{'probe':24} {'found':>9} {'alarms':>7} {'unlisted':>9}  sentence")
    for probe in load_probes():
        rows = run_probe(probe, config)
        listed = listed_count(probe.names)
        for r in rows:
            print(f"{r.probe:24} {r.found:>4}/{r.names:<4} {r.false_alarms:>2}/{r.negatives:<4} "
                  f"{r.found_unlisted:>4}/{r.unlisted:<4}  {r.template}")
        print(f"{'':24} {listed} of {len(probe.names)} names are in the project's lists")
        report.append({"probe": probe.name, "label": probe.label, "listed": listed,
                       "rows": [r.__dict__ for r in rows]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"scores: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
