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
    """巴音郭楞蒙古 -> 巴音郭楞, 景宁畲族 -> 景宁, 兰坪白族普米族 -> 兰坪: drop the ethnic group names before
    自治州/县, from the first of them (a county named after two groups keeps neither)."""
    names = sorted(ethnic, key=len, reverse=True)
    forms = [f for name in names for f in (name, name[:-1] if name.endswith("族") else name)]
    hits = [idx for f in forms if len(f) >= 2 and (idx := stem.find(f)) >= 2]
    if hits:
        return stem[:min(hits)]
    for form in (f for f in forms if len(f) < 2):  # a one-character group name, as a last resort
        idx = stem.find(form)
        if idx >= 2:
            return stem[:idx]
    return stem


def _without_designator(name: str, designators: Iterable[str]) -> tuple[str, str]:
    """The name without the first of ``designators`` that ends it, and that designator ("" when none does)."""
    for des in designators:
        if name.endswith(des) and len(name) > len(des):
            return name[: -len(des)], des
    return name, ""


def short_form(full: str, ethnic: Iterable[str]) -> str:
    """The name without its designator: 江苏省 -> 江苏, 黔南布依族苗族自治州 -> 黔南."""
    stem, des = _without_designator(full, _ZH_DESIGNATORS)
    return _strip_ethnic(stem, ethnic) if des.startswith("自治") else stem


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


# Countries whose first-level divisions mining news names (Western Australia, Sulawesi, Lualaba, 魁北克): the
# largest mining countries outside China by output value, and the African and Asian states Chinese miners
# invest in. Divisions of other countries are left to the models.
MINING_COUNTRIES = ("AU", "CA", "US", "RU", "BR", "CL", "PE", "ZA", "ID", "MX", "KZ", "CD", "ZM", "AR", "BO",
                    "MN", "GN", "PH", "ZW", "GH", "TZ", "NA", "BW", "PG")
# Words that name no division on their own (Zambia's "Western", "North-Western"; 中部, 赤道, 东方省).
_GENERIC_EN = {"central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
               "north-western", "north-eastern", "south-western", "south-eastern", "capital", "federal",
               "district", "region", "province", "territory", "coast", "islands", "lakes", "upper", "lower",
               "national", "the", "gulf", "bay", "highlands", "plateau", "river", "sea", "mountains"}
_ZH_DIVISION_DESIGNATORS = ("自治共和国", "共和国", "自治区", "自治州", "直辖市", "首都特区", "特区", "大区", "区域",
                            "地区", "省", "州", "邦", "区")
_ZH_GENERIC = ("赤道", "首都", "湖")


def _english_words(data: Path) -> set[str]:
    """Words CoNLL-2003's English training text writes in lower case: a division named by one of them alone,
    or by one whose plural is one (Acre: acres), is left out."""
    words: set[str] = set()
    for line in (data / "ner-en" / "conll2003" / "eng.train").read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        if word.isalpha() and word.islower():
            words.add(word)
    return words


def _msra_persons(data: Path) -> set[str]:
    """The persons' names of the MSRA training split: a Chinese short form that is one is left out."""
    names: set[str] = set()
    cur = ""
    for line in (data / "ner-zh" / "msra" / "msra_train_bio").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        tag = parts[1] if len(parts) > 1 else "O"
        if tag.startswith("B-") or not tag.endswith("-PER"):  # a name ends where another starts or none goes on
            if cur:
                names.add(cur)
            cur = ""
        if tag.endswith("-PER"):
            cur += parts[0]
    if cur:
        names.add(cur)  # a name at the end of the file
    return names


def _zh_division_stem(name: str) -> str:
    """魁北克省 -> 魁北克, 安托法加斯塔大区 -> 安托法加斯塔; the name itself when no designator ends it."""
    return _without_designator(name, _ZH_DIVISION_DESIGNATORS)[0]


def subdivision_rows(data: Path, known: set[tuple[str, str]], jieba_pos: dict[str, str]) -> Iterator[Row]:
    """First-level divisions of ``MINING_COUNTRIES`` from ISO 3166-2 (``pycountry``'s copy of Debian's
    iso-codes, LGPL-2.1), in English and in the zh_CN translation iso-codes ships, with the Chinese short form
    news writes (昆士兰 of 昆士兰州) as a weak entry: a model's longer name or person holding it keeps it
    (沃尔特|水库, 格雷罗 the surname). Left out: names already listed, names made of generic words (Western, 中部,
    赤道) or of one English word that is an ordinary word (Gulf), translations that are no Chinese name
    (untranslated, or 伪…). An English name of one word is weak
    (Hidalgo, Guerrero and Victoria are persons' names too); a Chinese short form that jieba knows as an ordinary
    word, that MSRA's training split tags as a person, or of two characters, is not listed."""
    import gettext

    import pycountry

    locale_dir = Path(pycountry.__file__).parent / "locales"
    zh = gettext.translation("iso3166-2", localedir=str(locale_dir), languages=["zh_CN"])
    zh_persons, english = _msra_persons(data), _english_words(data)
    for sub in sorted(pycountry.subdivisions, key=lambda d: d.code):
        country = sub.country_code
        if country not in MINING_COUNTRIES or sub.parent_code is not None:
            continue
        en = sub.name
        words = en.lower().replace("-", " ").split()
        if (re.fullmatch(r"[A-Z][A-Za-z' -]+", en) and not all(w in _GENERIC_EN for w in words)
                and not (len(words) == 1 and {words[0], words[0] + "s"} & english) and ("en", en) not in known):
            weak = len(words) == 1  # Hidalgo, Guerrero, Victoria: surnames and given names as well
            yield (en, "en", "LOC", "division", sub.code, country, "weak" if weak else "strong")
        name = zh.gettext(sub.name)
        if name == sub.name or not re.fullmatch(r"[\u4e00-\u9fff·\-]{3,}", name) or name.startswith("伪"):
            continue
        stem = _zh_division_stem(name)
        if len(stem) < 2 or stem in _ZH_GENERIC or all(ch in "东西南北中部方" for ch in stem):
            continue  # 赤道, 中部, 东方省, 西北地区: no name of a division
        if ("zh", name) not in known:
            yield (name, "zh", "LOC", "division", sub.code, country, "strong")
        ordinary = stem in jieba_pos and jieba_pos[stem] not in _NAME_POS
        if (stem != name and len(stem) >= 3 and not ordinary and stem not in zh_persons
                and ("zh", stem) not in known):
            yield (stem, "zh", "LOC", "division", sub.code, country, "weak")  # 格雷罗 is a surname too


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


def build(adcodes: Path, nations: Path, data: Path) -> list[Row]:
    ethnic = [n.strip() for n in nations.read_text(encoding="utf-8").splitlines() if n.strip()]
    rows = list(division_rows(adcodes, ethnic, _jieba_pos(), read_exonyms(DATA / "exonyms.tsv")))
    rows += country_rows()
    rows += city_rows({r[0] for r in rows if r[1] == "zh"} | {r[0][:-1] for r in rows if r[0].endswith("市")})
    rows += curated_rows(DATA / "regions.tsv")
    rows += curated_rows(DATA / "institutions.tsv")
    rows += curated_rows(DATA / "companies.tsv")
    rows += subdivision_rows(data, {(r[1], r[0]) for r in rows}, _jieba_pos())
    return list(dict.fromkeys(rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    res = None
    ap.add_argument("--adcodes", type=Path, default=None, help="cpca resources/adcodes.csv")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared corpora (MSRA, CoNLL-2003)")
    args = ap.parse_args()
    res = _cpca_resources() if args.adcodes is None else args.adcodes.parent
    rows = build(args.adcodes or res / "adcodes.csv", res / "56_nations.csv", args.data)
    write_tsv(args.out, [
        "Generated by pipeline/tools/gazetteer/build_gazetteer.py from cpca 0.5.5 (adcodes.csv, MIT),",
        "country-list 1.1.0 (CLDR names, MIT), babel 2.18 (CLDR exemplar cities, BSD),",
        "exonyms.tsv, regions.tsv, institutions.tsv, companies.tsv, and pycountry 26.2.16 (ISO 3166-2",
        "first-level divisions of mining countries with iso-codes' zh_CN names, LGPL-2.1)."], HEADER, rows)


def write_tsv(path: Path, comments: list[str], header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    """A generated data file: ``#`` comment lines saying where it comes from, the header, the rows."""
    rows = list(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(f"# {line}\n" for line in comments)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
