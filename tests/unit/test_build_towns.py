"""The town list's filters (tools/gazetteer/build_towns): pure function over made-up GeoNames records."""

from __future__ import annotations

from pipeline.tools.gazetteer.build_towns import ascii_form, town_rows


def _city(name: str, country: str, population: int) -> dict[str, object]:
    return {"name": name, "countrycode": country, "population": population}


def _kept(cities: list[dict[str, object]], **kw: set[str]) -> list[str]:
    args = {"lower": {"orange", "way", "federal", "mentor"}, "persons": {"Hamilton"}, "non_nouns": {"orange"},
            "listed": {"Lusaka"}, "company_heads": {"Antofagasta"}, "rule_words": {"Confederation"}} | kw
    return [name for name, _, _ in town_rows(cities, **args)]


def test_mining_countries_keep_small_towns_and_other_countries_only_cities() -> None:
    cities = [_city("Kalgoorlie", "AU", 29_000), _city("Zwettl", "AT", 16_000), _city("Linz", "AT", 200_000)]
    assert _kept(cities) == ["Linz", "Kalgoorlie"]  # the most populous first


def test_china_listed_names_words_persons_and_company_heads_are_left_out() -> None:
    cities = [_city(n, c, 500_000) for n, c in (
        ("Baotou", "CN"), ("Lusaka", "ZM"), ("Orange", "AU"), ("Hamilton", "CA"), ("Antofagasta", "CL"),
        ("Federal Way", "US"), ("Confederation", "CA"), ("Ufa", "RU"), ("les Escaldes", "AD"), ("Kitwe", "ZM"))]
    assert _kept(cities) == ["Kitwe"]


def test_accents_are_folded_and_a_name_is_kept_once() -> None:
    assert ascii_form("Ciudad Juárez") == "Ciudad Juarez"
    cities = [_city("Bogotá", "CO", 7_000_000), _city("Bogota", "US", 120_000)]
    assert _kept(cities) == ["Bogota"]


def test_a_town_named_like_a_person_is_left_out_unless_a_large_city() -> None:
    cities = [_city("Montero", "BO", 120_000), _city("Valencia", "VE", 1_600_000), _city("Kitwe", "ZM", 600_000)]
    assert _kept(cities, names={"Montero", "Valencia"}) == ["Valencia", "Kitwe"]
