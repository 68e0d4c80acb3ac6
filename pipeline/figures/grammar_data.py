"""The figure grammar's data files (``data/*.json``), validated and frozen: units, numerals, counted
nouns, context cues and conversion factors.

Why: the grammar is data-driven (DESIGN.md): adding a unit, a classifier or a cue is a data edit, not
a code change. Each file is read through :mod:`pipeline.resources` against a pydantic model that
rejects unknown keys, so a typo fails at load time with the file and key named. Numbers stay
``Decimal`` so conversions are exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from pipeline.resources import RuleFile, load_validated

_PACKAGE = "pipeline.figures"


def _drop_notes(data: Any) -> Any:
    """Drop the ``_about``-style comment keys of a mapping (they document the data, nothing more)."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not str(k).startswith("_")}
    return data


class _Table(RuleFile):
    """A section of a data file: unknown keys are errors, ``_`` comment keys are allowed."""

    @model_validator(mode="before")
    @classmethod
    def _notes(cls, data: Any) -> Any:
        return _drop_notes(data)


StrMap = Annotated[dict[str, str], BeforeValidator(_drop_notes)]
DecMap = Annotated[dict[str, Decimal], BeforeValidator(_drop_notes)]
Words = tuple[str, ...]


# ---------------------------------------------------------------- units.json
class UnitEntry(_Table):
    unit: str
    kind: str
    zh: Words = ()
    en: Words = ()
    sym: Words = ()
    scale: Decimal = Decimal(1)
    not_before: Words = ()
    only_before: Words = ()  # regex fragments: the form counts only before one of them ("2 in.")
    zh_numeral_only: bool = False


class PerTable(_Table):
    markers_zh: Words
    markers_en: Words
    zh: StrMap
    en: StrMap
    time_units: Words
    periods: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]
    period_not_after: str  # regex character class: a cue after one of these is part of a date or period name
    period_after_done: Words  # completion words: a cue after one of them + 后 is a rate again (建成后年产)
    period_after_words: Words  # words that end in a period_not_after character yet leave the cue a rate (目前年产)
    period_stop: Words
    period_kinds: Words
    en_marker_units: Words  # denominators that "a"/"an"/"each" may introduce besides times and counts
    before_glue: str  # regex fragment between 每<denominator> and a bare number that implies yuan (每克为266.15)
    before_gap: str  # regex fragment between 每<denominator> and a number with a unit (每吨柴油下调120元)
    en_adverbs: StrMap  # annually -> year: the period written as an adverb after the unit
    en_period_before: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]  # year -> annual, yearly…
    en_period_nouns: Words  # the production nouns those words must come before (annual capacity of …)


class AmbiguousUnit(_Table):
    unit: str
    kind: str
    context: Words


class ImpliedMoney(_Table):
    before: Words
    after: Words
    not_after_cue: Words


class CurrencyGroup(_Table):
    words: Words  # the shared name as written (pesos, 比索)
    codes: Words  # the ISO 4217 codes it may stand for, each with cues in ByCountry.cues
    unresolved: str  # the short code kept when the document names none of the countries


class ByCountry(_Table):
    cues: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]
    groups: tuple[CurrencyGroup, ...]

    @model_validator(mode="after")
    def _cued(self) -> ByCountry:
        missing = {c for g in self.groups for c in g.codes} - set(self.cues)
        if missing:
            raise ValueError(f"by_country codes without country cues: {sorted(missing)}")
        return self


class UnitsFile(_Table):
    units: tuple[UnitEntry, ...]
    per: PerTable
    implied_money: ImpliedMoney
    substance_before: Annotated[dict[str, tuple[str, str]], BeforeValidator(_drop_notes)]
    currency_prefix: StrMap
    currency_prefix_any_case: Words
    currency_letter_signs: StrMap
    iso_any_case: Words
    ambiguous: Annotated[dict[str, AmbiguousUnit], BeforeValidator(_drop_notes)]
    by_country: ByCountry


# ---------------------------------------------------------------- numerals.json
class ZhVague(_Table):
    chars: Words
    prefix_over: Words


class ScaleAbbrev(_Table):
    always: DecMap
    after_currency: DecMap
    in_isolation: DecMap


class NumeralsFile(_Table):
    zh_digits: DecMap
    zh_small_units: DecMap
    zh_big_units: DecMap
    zh_decimal_point: Words
    zh_vague: ZhVague
    zh_half: Words
    en_units: DecMap
    en_tens: DecMap
    en_hundred: DecMap
    en_scales: DecMap
    en_scale_abbrev: ScaleAbbrev
    en_fraction_denominators: Annotated[dict[str, int], BeforeValidator(_drop_notes)]
    en_fraction_not_after: Words
    en_multipliers: Annotated[dict[str, int], BeforeValidator(_drop_notes)]
    en_multiplier_bare: Words
    en_multiplier_base_after: Words
    en_multiplier_not_before: Words
    en_occurrence: Annotated[dict[str, int], BeforeValidator(_drop_notes)]
    zh_doubling: str  # regex with group n: 翻番 / 翻两番
    zh_vague_big: str  # regex with group scale: 数以万计
    zh_half_units: Words
    zh_half_not_after: str  # regex character class
    negative_signs: Words
    zh_take_back: Words
    zh_scale_alone_not_before: Words
    en_zero: Words


# ---------------------------------------------------------------- counts.json
class ZhClassifiers(_Table):
    person: Words
    time: Words
    item: Words
    item_nouns: Words


class CountsFile(_Table):
    zh_classifiers: ZhClassifiers
    zh_not_before: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]
    zh_abstract: Words
    zh_two_as_ordinal: Words  # 二/贰 before a classifier read "second" (二次, 二审); a count of two is 两
    en_person_nouns: Words
    en_irregular_plurals: Words
    en_abstract_nouns: Words
    en_not_plural: Words
    en_function_words: Words
    en_head_units: StrMap
    en_times_comparative: Words  # "three times more": a multiplier, not occurrences
    en_person_after: Words  # "the 500 who died": a bare number before one of these counts people
    en_concrete_heads: Words  # "production lines": concrete although "lines" is an abstract noun
    zh_person_nouns: Words  # 9个年轻人: a count of people
    zh_generic_classifiers: Words
    count_units: Words  # unit codes that count things (no SI value; "a share" is still a rate)


# ---------------------------------------------------------------- context.json
class Qualifiers(_Table):
    prefix: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]
    infix_over: Words
    suffix: Annotated[dict[str, Words], BeforeValidator(_drop_notes)]
    prefix_glue: str  # regex fragment allowed between a prefix qualifier and the number (超过了, 约为)
    suffix_not_before: str  # characters after a suffix qualifier that make it part of a count (多个)


class RelativeTime(_Table):
    before: Words
    after: Words
    duration_verbs: Words  # 坚持了近8年: after one of these, 近 means "nearly"
    duration_prepositions_en: Words  # "for one year": a written-out one is a duration after one of these


class Ranges(_Table):
    separators: Words  # regex fragments joining the two ends of a range
    between: Words
    from_words: Words = Field(alias="from")


class ContextFile(_Table):
    qualifiers: Qualifiers
    relative_time: RelativeTime
    ranges: Ranges
    ordinal_before: Words
    ordinal_after: Words
    month_names: str
    list_after: Words
    names: Words
    name_patterns: Words  # regex fragments ("Five-Year Plan")
    list_next_sentence: Words
    year_before: Words
    demonstrative_before: Words
    change_before: Words
    change_before_zh: Words
    list_joins: Words  # 、 和 与 及: what joins the items of a Chinese enumeration
    frequency_after: Words  # 次/届/回 after a duration: "3年1次" keeps the frequency in the span
    quote_pairs: Words  # opening+closing quote characters around a counted label (“三个一”)
    metric_units: dict[str, str] = Field(default_factory=dict)  # 百万吨死亡率 -> person/Mt: a bare number's unit


# ---------------------------------------------------------------- conversions.json
class ConversionEntry(_Table):
    si: str
    factor: Decimal
    kind: str
    source: str


class ConversionsFile(_Table):
    units: Annotated[dict[str, ConversionEntry], BeforeValidator(_drop_notes)]


# ---------------------------------------------------------------- the frozen view the grammar compiles
@dataclass(frozen=True, slots=True)
class UnitForm:
    """One written form of a unit: what it reads as and how it must be matched."""

    surface: str
    unit: str
    kind: str
    script: str  # zh | en | sym
    scale: Decimal
    not_before: tuple[str, ...]
    zh_numeral_only: bool = False
    only_before: tuple[str, ...] = ()  # regex fragments; the form counts only before one of them ("2 in.")


@dataclass(frozen=True, slots=True)
class Conversion:
    si_unit: str
    factor: Decimal
    kind: str
    source: str


@dataclass(frozen=True, slots=True)
class GrammarData:
    """All grammar data, validated, ready to compile."""

    unit_forms: tuple[UnitForm, ...]
    units: UnitsFile
    numerals: NumeralsFile
    counts: CountsFile
    context: ContextFile
    conversions: dict[str, Conversion]
    money_units: frozenset[str]
    time_units: frozenset[str]


def _forms(units: UnitsFile) -> tuple[UnitForm, ...]:
    forms: list[UnitForm] = []
    for entry in units.units:
        for script in ("zh", "en", "sym"):
            for surface in getattr(entry, script):
                forms.append(UnitForm(surface, entry.unit, entry.kind, script, entry.scale, entry.not_before,
                                      entry.zh_numeral_only, entry.only_before))
    for group in units.by_country.groups:  # read by the document's country (readers.unit)
        for surface in group.words:
            script = "sym" if surface.isascii() else "zh"  # as written: Franc Ltd, Peso Pluma are names
            forms.append(UnitForm(surface, group.unresolved, "money", script, Decimal(1), (), False, ()))
    return tuple(forms)


@lru_cache(maxsize=1)
def load_grammar_data() -> GrammarData:
    """Load, validate and freeze every data file once per process."""
    units = load_validated(_PACKAGE, "data/units.json", UnitsFile)
    conv = load_validated(_PACKAGE, "data/conversions.json", ConversionsFile)
    unresolved = {g.unresolved for g in units.by_country.groups}  # a shared currency name, no country named
    money = frozenset(e.unit for e in units.units if e.kind == "money") | unresolved
    conversions = {code: Conversion(c.si, c.factor, c.kind, c.source) for code, c in conv.units.items()}
    for code in money:
        source = "a currency name several countries share, no country named" if code in unresolved else "ISO 4217 code"
        conversions[code] = Conversion(code, Decimal(1), "money", source + ", no exchange rate")
    return GrammarData(
        unit_forms=_forms(units),
        units=units,
        numerals=load_validated(_PACKAGE, "data/numerals.json", NumeralsFile),
        counts=load_validated(_PACKAGE, "data/counts.json", CountsFile),
        context=load_validated(_PACKAGE, "data/context.json", ContextFile),
        conversions=conversions,
        money_units=money,
        time_units=frozenset(units.per.time_units),
    )
