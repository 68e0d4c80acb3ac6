"""Build ``data/gazetteer.tsv``: China's divisions, world countries, regions and national bodies.

Why a build step: the administrative-division table comes from the ``cpca`` package (MIT; its
``resources/adcodes.csv`` is the National Bureau of Statistics division code table) and country names
from ``country-list`` (MIT; CLDR data) and world cities from ``babel`` (BSD; the CLDR exemplar cities of the
time zones). Both are read here once and the result is committed, so run time
depends on neither. Pinyin forms come from ``pypinyin``; jieba's dictionary flags short place names that
are also ordinary words (大同, 合作, 同心), which then only count next to their own province/prefecture.

Usage: ``python -m pipeline.tools.gazetteer.build_gazetteer [--adcodes PATH]`` (writes pipeline/ner/data/gazetteer.tsv).

Columns: surface, lang, label, kind, code, parent, strength
- kind: country | province | prefecture | county | district | region | intl | national | company | media |
  exchange | association
- code / parent: 6-digit division codes (parent = the division the entry belongs to), ISO-3166 for countries
- strength: strong (a mention wherever it stands on word bounds), weak (only where no model entity covers
  it), context (only right after a mention of an ancestor division: 宁夏同心), suffix (English only: only
  with a designator such as "District" after it).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "ner" / "data"
OUT = DATA / "gazetteer.tsv"
HEADER = ("surface", "lang", "label", "kind", "code", "parent", "strength")

# Designators stripped from a full Chinese division name to get its short form (longest first).
_ZH_DESIGNATORS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "矿区", "省", "市",
                   "县", "区", "盟", "旗", "州")
# jieba POS tags that mark a dictionary word as a name (a short form that is such a word stays strong).
_NAME_POS = {"ns", "nr", "nrt", "nz", "nt", "nrfg"}
# Placeholder rows of the code table that are not places.
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
Row = tuple[str, str, str, str, str, str, str]


def _cpca_resources() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install cpca==0.5.5 (build-time only) or pass --adcodes")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def _level(code: str) -> str:
    if code[2:6] == "0000":
        return "province"
    if code[4:6] == "00":
        return "prefecture"
    return "county"


def _strip_ethnic(stem: str, ethnic: Iterable[str]) -> str:
    """巴音郭楞蒙古 -> 巴音郭楞, 景宁畲族 -> 景宁: drop the ethnic group name before 自治州/县."""
    for name in sorted(ethnic, key=len, reverse=True):
        base = name[:-1] if name.endswith("族") else name
        for form in (name, base):
            idx = stem.find(form)
            if idx >= 2:
                return stem[:idx]
    return stem


def short_form(full: str, ethnic: Iterable[str]) -> str:
    """The name without its designator: 江苏省 -> 江苏, 黔南布依族苗族自治州 -> 黔南."""
    for des in _ZH_DESIGNATORS:
        if full.endswith(des) and len(full) > len(des):
            stem = full[: -len(des)]
            if des.startswith("自治"):
                stem = _strip_ethnic(stem, ethnic)
            return stem
    return full


def _jieba_pos() -> dict[str, str]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    pos: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                pos[parts[0]] = parts[2]
    return pos


def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    syl = lazy_pinyin(word, v_to_u=False)
    if not all(s.isascii() and s.isalpha() for s in syl):
        return ""
    out = syl[0]
    for s in syl[1:]:  # an apostrophe before a syllable starting with a vowel: Xi'an, Ji'an
        out += ("'" + s) if s[0] in "aoe" else s
    return out.capitalize()


def division_rows(adcodes: Path, ethnic: list[str], jieba_pos: dict[str, str],
                  exonyms: dict[str, list[str]]) -> Iterator[Row]:
    with adcodes.open(encoding="utf-8") as fh:
        table = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(fh)]
    for code, full in table:
        if full in _PLACEHOLDERS:
            continue
        level = _level(code)
        parent = {"province": "", "prefecture": code[:2] + "0000"}.get(level, code[:4] + "00")
        urban = full.endswith("区") and not full.endswith(("矿区", "林区"))
        kind = "district" if level == "county" and urban else level
        stem = short_form(full, ethnic)
        if len(full) > 2:
            yield (full, "zh", "LOC", kind, code, parent, "strong")
        if len(stem) >= 2 and stem != full and kind != "district":
            ordinary = stem in jieba_pos and jieba_pos[stem] not in _NAME_POS
            strength = "strong" if level == "province" else "context" if level == "county" or ordinary \
                else "strong"
            yield (stem, "zh", "LOC", kind, code, parent, strength)
            if full.endswith("自治州"):
                yield (stem + "州", "zh", "LOC", kind, code, parent, "strong")
            if full.endswith("自治县"):
                yield (stem + "县", "zh", "LOC", kind, code, parent, "strong")
        forms = exonyms.get(stem, []) + exonyms.get(full, [])
        if not forms and len(stem) >= 2 and not re.search(r"[a-z]", stem):
            py = _pinyin(stem)
            forms = [py] if py else []
        for en in forms:
            strength = "strong" if level in ("province", "prefecture") else "suffix" if kind == "district" \
                else "weak"
            yield (en, "en", "LOC", kind, code, parent, strength)


def english_text_forms(name: str) -> list[str]:
    """The forms news writes for a CLDR English country name: both names of "Myanmar (Burma)", the short name
    shared by "Congo - Kinshasa" and "Congo - Brazzaville" (Congo), "and" for "&" (Trinidad and Tobago) and a
    straight apostrophe for a curly one (Côte d'Ivoire); the CLDR form itself first."""
    forms = [name]
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        forms += [m.group(1), m.group(2)]
    if " - " in name:
        forms.append(name.split(" - ")[0])
    forms += [f.replace(" & ", " and ") for f in forms if " & " in f]
    forms += [f.replace("\u2019", "'") for f in forms if "\u2019" in f]
    return list(dict.fromkeys(forms))


def country_rows() -> Iterator[Row]:
    from country_list import countries_for_language

    for lang in ("zh", "en"):
        for iso, name in countries_for_language(lang):
            if iso in ("HK", "MO", "TW"):  # listed as Chinese divisions
                continue
            for form in english_text_forms(name) if lang == "en" else [name]:
                code = iso if form == name or " - " not in name else ""  # Congo names two states
                yield (form, lang, "LOC", "country", code, "", "strong")


def city_rows(known_zh: set[str]) -> Iterator[Row]:
    """World cities: the CLDR exemplar cities of the time zones (Babel), Chinese name and English name.

    English city names often double as personal names (Victoria, Darwin), so they are weak entries."""
    from babel import Locale

    for tz, names in Locale("zh").time_zones.items():
        zh = names.get("city")
        if not zh or tz.startswith(("Antarctica/", "Etc/")) or zh in known_zh:
            continue
        en = tz.rsplit("/", 1)[-1].replace("_", " ")
        yield (zh, "zh", "LOC", "city", "", "", "strong")
        if en.isascii() and en[:1].isupper():
            yield (en, "en", "LOC", "city", "", "", "weak")


def curated_rows(path: Path) -> Iterator[Row]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            surface, lang, label, kind, strength = line.split("\t")
            yield (surface, lang, label, kind, "", "", strength)


def read_exonyms(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, en = line.split("\t")
            out.setdefault(zh, []).append(en)
    return out


def build(adcodes: Path, nations: Path) -> list[Row]:
    ethnic = [n.strip() for n in nations.read_text(encoding="utf-8").splitlines() if n.strip()]
    rows = list(division_rows(adcodes, ethnic, _jieba_pos(), read_exonyms(DATA / "exonyms.tsv")))
    rows += country_rows()
    rows += city_rows({r[0] for r in rows if r[1] == "zh"} | {r[0][:-1] for r in rows if r[0].endswith("市")})
    rows += curated_rows(DATA / "regions.tsv")
    rows += curated_rows(DATA / "institutions.tsv")
    rows += curated_rows(DATA / "companies.tsv")
    return list(dict.fromkeys(rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    res = None
    ap.add_argument("--adcodes", type=Path, default=None, help="cpca resources/adcodes.csv")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    res = _cpca_resources() if args.adcodes is None else args.adcodes.parent
    rows = build(args.adcodes or res / "adcodes.csv", res / "56_nations.csv")
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by pipeline/tools/gazetteer/build_gazetteer.py from cpca 0.5.5 (adcodes.csv, MIT),\n")
        fh.write("# country-list 1.1.0 (CLDR names, MIT), babel 2.18 (CLDR exemplar cities, BSD),\n")
        fh.write("# exonyms.tsv, regions.tsv, institutions.tsv, companies.tsv.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
