"""The institution-keys table: curated rows plus provincial bodies made from their name templates.

Why data with checks: the table is knowledge with provenance (``data/sources.yaml``); loading it
checks that keys are unique, kinds and sources known, parents present, and that no name is shared by
two institutions (see :class:`pipeline.institutions.match.KeyIndex`), so a bad edit fails at load.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import field_validator

from pipeline.institutions.match import AmbiguousName, KeyIndex
from pipeline.resources import DataFileError, RuleFile, load_data, load_validated, read_text

PACKAGE = "pipeline.institutions"

KINDS = {
    "party": "a body of the Communist Party of China",
    "legislature": "the National People's Congress, its Standing Committee and their committees",
    "advisory": "the CPPCC National Committee and its Standing Committee",
    "state": "the State Council, its General Office, the supervisory and military commissions",
    "judiciary": "the Supreme People's Court and Procuratorate",
    "ministry": "a ministry or commission of the State Council (and its predecessors)",
    "agency": "an administration, bureau or regulator at national level",
    "provincial_government": "a provincial-level people's government (and the SAR governments)",
    "provincial_congress": "a provincial-level people's congress",
    "provincial_congress_standing_committee": "the standing committee of a provincial-level people's congress",
    "provincial_cppcc": "a provincial-level CPPCC committee",
    "provincial_party_committee": "a provincial-level committee of the CPC",
    "provincial_department": "a provincial-level natural-resources department or bureau",
    "state_owned_group": "a central or provincial state-owned group",
    "listed_company": "a listed Chinese company",
    "private_company": "an unlisted private Chinese company or information provider",
    "foreign_company": "a company based outside China",
    "financial": "a bank, broker or rating agency",
    "exchange": "a stock, futures or metals exchange",
    "association": "an industry association or chamber",
    "research": "an academy, university, survey or research institute",
    "media": "a news agency or outlet",
    "international": "an international organisation",
    "foreign_government": "a government body of another country",
}


@dataclass(frozen=True, slots=True)
class Institution:
    key: str
    kind: str
    name_en: str
    name_zh: str
    aliases_en: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()
    parent: str | None = None
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_zh, *self.aliases_en, *self.aliases_zh)


class BodyTemplate(RuleFile):
    """One provincial body: its key and the name forms per division type (``all`` applies to every type)."""

    body: str
    key: str
    kind: str
    parent: str | None = None
    divisions: tuple[Literal["province", "municipality", "region"], ...]
    zh: dict[Literal["all", "province", "municipality", "region"], tuple[str, ...]]
    en: dict[Literal["province", "municipality", "region"], tuple[str, ...]]

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown kind {value!r}")
        return value


class ProvincialFile(RuleFile):
    bodies: tuple[BodyTemplate, ...]


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header line; ``#`` lines are comments."""
    lines = [line for line in read_text(PACKAGE, name).splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _curated() -> list[Institution]:
    out = []
    for i, r in enumerate(_rows("data/curated.tsv"), start=1):
        if None in r or any(r.get(c) is None for c in ("key", "kind", "name_en", "name_zh", "source")):
            raise DataFileError(f"{PACKAGE}/data/curated.tsv row {i}: wrong number of columns: {r}")
        out.append(Institution(r["key"], r["kind"], r["name_en"], r["name_zh"], _split(r["aliases_en"]),
                               _split(r["aliases_zh"]), r["parent"] or None, r["source"]))
    return out


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _provincial() -> list[Institution]:
    templates = load_validated(PACKAGE, "data/provincial.yaml", ProvincialFile)
    out = []
    for p in _rows("data/provinces.tsv"):
        division = p["division"]
        ens, cores = _split(p["en"]), _split(p["en_core"])
        for body in templates.bodies:
            if division not in body.divisions:
                continue
            fill = {"slug": p["slug"], "zh": p["zh"], "zh_short": p["zh_short"]}
            zh = _unique([f.format(**fill) for f in (*body.zh.get("all", ()), *body.zh.get(division, ()))])
            en = _unique([f.format(**fill, en=e, en_core=c) for e, c in zip(ens, cores, strict=True)
                          for f in body.en.get(division, ())])
            if not zh or not en:
                raise DataFileError(f"{PACKAGE}/data/provincial.yaml: body {body.body} has no names for {division}")
            out.append(Institution(body.key.format(**fill), body.kind, en[0], zh[0], en[1:], zh[1:],
                                   body.parent.format(**fill) if body.parent else None, "provinces"))
    return out


def check(institutions: list[Institution], sources: set[str]) -> None:
    """Raise DataFileError on a duplicate key, an unknown kind, source or parent, or a missing name."""
    keys = [i.key for i in institutions]
    problems = [f"duplicate key {k}" for k in sorted({k for k in keys if keys.count(k) > 1})]
    known = set(keys)
    for i in institutions:
        if i.kind not in KINDS:
            problems.append(f"{i.key}: unknown kind {i.kind!r}")
        if i.source not in sources:
            problems.append(f"{i.key}: unknown source {i.source!r}")
        if i.parent is not None and i.parent not in known:
            problems.append(f"{i.key}: unknown parent {i.parent!r}")
        if not i.name_en or not i.name_zh:
            problems.append(f"{i.key}: needs both an English and a Chinese name")
    if problems:
        raise DataFileError(f"{PACKAGE} institution keys: " + "; ".join(problems))


@cache
def load_institutions() -> tuple[Institution, ...]:
    """Every institution of the table (curated rows, then provincial bodies), checked."""
    sources = load_data(PACKAGE, "data/sources.yaml")
    rows = _curated() + _provincial()
    check(rows, set(sources) if isinstance(sources, dict) else set())
    return tuple(rows)


@cache
def load_index() -> KeyIndex:
    """The lookup of every name of every institution (built once per process)."""
    try:
        return KeyIndex({i.key: i.names for i in load_institutions()})
    except AmbiguousName as exc:
        raise DataFileError(f"{PACKAGE} institution keys: {exc}") from exc
