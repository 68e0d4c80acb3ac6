"""The data dictionary rendered: ``docs/tables.md`` from the declared tables, views and vocabularies.

Why generated: the columns are described once, on the records and in :mod:`pipeline.io.schemas`;
the allowed values of each categorical column come from the data that produces them (labels, the
unit and conversion tables, the qualifier cues, the body codes, the mineral lexicon, the
institution keys, the stage list). A test regenerates this page and fails when the committed copy
differs, so the page cannot drift from the code.

usage: python -m pipeline.tools.tables_doc [--check] [--out docs/tables.md]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.io.migrations import LEGACY_NAMES
from pipeline.io.schemas import DECLARED, SCHEMA_VERSION, Column
from pipeline.io.views import VIEWS
from pipeline.records import EXTRACTORS, LABELS
from pipeline.resources import load_data

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "tables.md"

# Ingest reasons of the errors table (pipeline/io/sources.py, pipeline/run/runner.py, pipeline.extract).
INGEST_ERRORS = {
    "MissingInput": "a path given as input does not exist",
    "NoInputFiles": "a folder holds no file with an ingest extension",
    "InputTooLarge": "a file is larger than ingest.max_bytes",
    "EmptyInput": "a file or text is empty or only whitespace",
    "BinaryInput": "a file is not text (NUL bytes, control characters)",
    "UndecodableInput": "no encoding of ingest.encodings decodes the file",
    "BadJsonLine": "a JSON-lines line is not JSON",
    "MissingText": "a JSON-lines record has no non-empty text field",
    "InvalidBytesReplaced": "(warning) a few invalid UTF-8 bytes were replaced by U+FFFD",
    "BadFrontMatter": "(warning) a Markdown front matter is not a YAML mapping; the text was kept whole",
    "DuplicateContent": "(warning) the same content as an earlier input; processed once",
}


@dataclass(frozen=True)
class Vocabulary:
    """The allowed values of a categorical column: (value, meaning) pairs, and a note on what else may occur."""

    title: str
    values: tuple[tuple[str, str], ...]
    note: str = ""


def _labels() -> Vocabulary:
    meaning = {"PERSON": "a person", "ORG": "an institution: company, ministry, association, …",
               "LOC": "a place", "MINERAL": "a mineral or mineral product (pipeline/minerals/lexicon.yaml)",
               "FIGURE": "a number with its unit, money, percent or count (reading in the figures table)"}
    return Vocabulary("Entity labels", tuple((x, meaning[x]) for x in LABELS))


def _units() -> tuple[Vocabulary, Vocabulary, Vocabulary]:
    from pipeline.figures.tables import load_tables

    t = load_tables()
    kind_of = {f.unit: f.kind for f in t.unit_forms} | {u: c.kind for u, c in t.conversions.items()}
    counts = load_data("pipeline.figures", "data/counts.json")
    for unit in [*counts["zh_classifiers"], *counts["en_head_units"].values(), "times"]:
        kind_of.setdefault(unit, "count")
    kind_of.setdefault("fraction", "percent")
    units = Vocabulary("Units (figures.unit)", tuple(
        (u, kind_of[u] + (f"; converted to {t.conversions[u].si_unit}" if u in t.conversions else ""))
        for u in sorted(kind_of, key=str.lower)),
        "A rate is two codes joined by `/` (CNY/t, USD/lb, t/year, kWh/m2). Money codes are ISO 4217.")
    norm = sorted({c.si_unit for c in t.conversions.values()}, key=str.lower)
    units_norm = Vocabulary("Comparable units (figures.unit_norm)", tuple(
        (u, "the unit's own currency" if u in t.money_units else "") for u in norm),
        "A rate keeps its form: the numerator converted, a time denominator kept (kg/year, CNY/kg). Null when the "
        "unit has no conversion (counts).")
    kinds = sorted(set(kind_of.values()))
    return units, units_norm, Vocabulary("Figure kinds", tuple((k, "") for k in kinds))


def _qualifiers() -> Vocabulary:
    from pipeline.figures.tables import load_tables

    cues = load_tables().context["qualifiers"]
    found = sorted({q for group in ("prefix", "suffix") for q in cues[group]})
    meaning = {"approx": "about, around, nearly (约, 近)", "over": "more than, over, at least (超过, 逾, 以上, 多)",
               "under": "less than, under (不足, 以下, 不到)"}
    return Vocabulary("Figure qualifiers", (*((q, meaning.get(q, "")) for q in found),
                                           ("range", "a range: value is its low end, value_high its high end")),
                      "Null when the figure is stated plainly.")


def _bodies() -> Vocabulary:
    bodies = load_data("pipeline.delegates", "cues.json")["bodies"]
    return Vocabulary("Delegate bodies (people.delegate_body)", tuple(bodies.items()),
                      "Null for a person who is not stated to sit in one of these bodies.")


def _minerals() -> Vocabulary:
    from pipeline.minerals import load_lexicon

    lex = load_lexicon()
    entries = sorted(lex.entries, key=lambda e: e.canonical)
    return Vocabulary("Minerals (mentions.mineral)", tuple((e.canonical, e.category) for e in entries),
                      "Canonical English names of pipeline/minerals/lexicon.yaml, with their category.")


def _institution_keys() -> Vocabulary:
    from pipeline.institutions import load_institutions

    rows = load_institutions()
    return Vocabulary("Institution keys (mentions.institution_key)",
                      tuple((i.key, f"{i.name_en} / {i.name_zh} ({i.kind})") for i in rows),
                      "All names of each institution: `pipeline.institution_keys()` or pipeline/institutions/data.")


def _stages() -> Vocabulary:
    from pipeline.stages import DECLARED as STAGES

    return Vocabulary("Stages (errors.stage)", (("ingest", "reading the input, before any stage"),
                                                *((name, "") for name in STAGES)))


def vocabularies() -> dict[str, Vocabulary]:
    units, units_norm, kinds = _units()
    return {
        "labels": _labels(),
        "extractors": Vocabulary("Extractors (mentions.extractor)", tuple(EXTRACTORS.items())),
        "langs": Vocabulary("Languages", (("zh", "Chinese"), ("en", "English"),
                                          ("other", "neither (digits, symbols, other scripts)")),
                            "Empty when the segment stage did not run."),
        "encodings": Vocabulary("Encodings (documents.encoding)", (
            ("utf_8", ""), ("utf_8+replaced", "UTF-8 with invalid bytes replaced by U+FFFD"),
            ("utf_16", "with or without BOM"), ("utf_32", "with BOM"), ("gb18030", ""), ("big5", ""),
            ("str", "a Python string given to pipeline.extract")),
            "A detector may also name another encoding listed in ingest.encodings."),
        "units": units,
        "units_norm": units_norm,
        "kinds": kinds,
        "qualifiers": _qualifiers(),
        "bodies": _bodies(),
        "minerals": _minerals(),
        "institution_keys": _institution_keys(),
        "stages": _stages(),
        "error_types": Vocabulary("Error types (errors.error_type)", tuple(INGEST_ERRORS.items()),
                                  "A failing stage records the exception's class name (ValueError, …)."),
        "levels": Vocabulary("Error levels", (("error", "the input was lost"),
                                              ("warning", "the input was kept (repaired, or a duplicate)"))),
        "run_status": Vocabulary("Run status", (("ok", "the run finished and wrote all its batches"),)),
        "run_ids": Vocabulary("Run ids", (), "Open: `YYYYMMDDtHHMMSS` (UTC start) and 4 hex digits; sorts by "
                              "start time. pipeline.extract makes one per call."),
        "fingerprints": Vocabulary("Fingerprints", (), "Open: 16 hex digits of the config hash and the "
                                   "package and model versions."),
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _column_table(columns: Iterable[Column]) -> list[str]:
    lines = ["| column | type | nulls | description | values |", "|---|---|---|---|---|"]
    for c in columns:
        values = f"[{c.values}](#values-{c.values})" if c.values else ""
        lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {_cell(c.doc)} | {values} |")
    return lines


def render() -> str:
    """The whole page."""
    vocab = vocabularies()
    out = [
        "# Output tables: the data dictionary",
        "",
        "<!-- Generated by `python -m pipeline.tools.tables_doc` from pipeline/records.py, pipeline/io/schemas.py,",
        "     pipeline/io/views.py and the data files of the vocabularies. Do not edit by hand. -->",
        "",
        f"Schema version **{SCHEMA_VERSION}**. Every column below is also described in the Parquet files' field "
        "metadata (`pyarrow.parquet.read_schema(part).field(name).metadata[b'description']`), and "
        "`pipeline.columns()` returns this dictionary as a DataFrame. `pipeline.load_table(name, out)` and "
        "`pipeline.extract(texts)` give these columns with these types: `string` as pandas `string`, "
        "`int32`/`int64` as nullable `Int32`/`Int64`, `category` as pandas categoricals, `date32` as "
        "`datetime.date` objects (`pd.to_datetime(...)` for a datetime column), `list<string>` as arrays. "
        "Every table also has `run_date` (the day the run started, the storage partition). Offsets "
        "(`start`, `end`) are Python code points, end-exclusive, into `documents.text`.",
        "",
        "| table | one row per |",
        "|---|---|",
        *(f"| [{t.name}](#{t.name}) | {t.row} |" for t in DECLARED.values()),
        *(f"| [{v.name}](#{v.name}) (view) | {v.row} |" for v in VIEWS.values()),
        "",
        "Join keys: `doc_id` (every table to `documents`), `mention_id` (`figures` to `mentions`; "
        "`people.mention_ids` lists mentions), (`doc_id`, `sent_idx`) (`mentions`, `tokens` to `sentences`), "
        "`run_id` (to `runs`).",
    ]
    for t in DECLARED.values():
        out += ["", f"## {t.name}", "", f"One row per {t.row}."
                + (f" Written from the `{t.record.__name__}` record (pipeline/records.py)." if t.record else ""), ""]
        out += _column_table(t.columns)
    for v in VIEWS.values():
        out += ["", f"## {v.name}", "", f"A view (`pipeline.load_view(\"{v.name}\", out_or_tables)`): one row per "
                f"{v.row}. Reads {', '.join(v.tables)}.", ""]
        out += _column_table(v.columns)
    out += ["", "## Allowed values", ""]
    for key, voc in vocab.items():
        out += [f"### values: {key}", "", f"{voc.title}.", ""]
        if voc.values:
            long = len(voc.values) > 40
            if long:
                out += [f"<details><summary>{len(voc.values)} values</summary>", ""]
            out += ["| value | meaning |", "|---|---|", *(f"| `{_cell(v)}` | {_cell(m)} |" for v, m in voc.values)]
            if long:
                out += ["", "</details>"]
            out.append("")
        if voc.note:
            out += [voc.note, ""]
    renamed = "; ".join(f"`{new}` was stored as `{'`, `'.join(old)}`" for new, old in LEGACY_NAMES.items())
    out += [
        "## Changes from schema version 1",
        "",
        f"Tables: {renamed}. Columns: mentions `source` → `extractor`, `canonical` → `mineral` (the mineral's name "
        "only: version 1 also put FIGURE units there), new `institution_key`; figures `value_si` → `value_norm`, "
        "`value_high_si` → `value_high_norm`, `si_unit` → `unit_norm`; people `body` → `delegate_body`, `term` → "
        "`delegate_term`, `session` → `delegate_session`; documents: new `external_id`, `url`, `title`, "
        "`published`, `published_text`. Parts written with version 1 are upgraded when read "
        "(pipeline/io/migrations.py).",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 when the file differs from the generated page")
    args = ap.parse_args(argv)
    page = render()
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == page
        print(f"{args.out}: {'up to date' if same else 'out of date: run python -m pipeline.tools.tables_doc'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
