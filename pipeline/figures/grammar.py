"""Compile the figure grammar (numbers, units, qualifiers, context) from the data tables.

Why: every regex is built once from data and reused, so extraction is a few
C-level regex calls per number rather than Python loops over characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from pipeline.figures.grammar_data import UnitForm, load_grammar_data
from pipeline.figures.numbers import numerals
from pipeline.text.scripts import HAN

_SP = r"[ \t\u00a0]"


def _alt(items: list[str]) -> str:
    """A regex alternation, longest first so the longest form wins."""
    return "|".join(sorted(items, key=len, reverse=True))


def _trie(words: set[str]) -> str:
    """A regex for a set of words shaped as a trie, so a failing position fails on its first letter."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + build(root) + ")"


def _words(items: list[str]) -> str:
    """An alternation of literal words (escaped), longest first."""
    return _alt([re.escape(x) for x in items])


def _literal(surface: str) -> str:
    """Escape a written form; spaces match any run of spaces."""
    return r"\s+".join(re.escape(p) for p in surface.split(" "))


def _fragments(items: list[str]) -> str:
    """Data entries that are already regex fragments (context.json)."""
    return "|".join(sorted(items, key=len, reverse=True))


def _key(surface: str, script: str) -> str:
    return " ".join(surface.lower().split()) if script == "en" else surface


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns and lookups; see ``readers/`` for how each is used."""

    number_ar: re.Pattern[str]
    number_zh: re.Pattern[str]
    number_en: re.Pattern[str]
    half_number: re.Pattern[str]
    slash_series: re.Pattern[str]
    en_fraction: re.Pattern[str]
    en_fraction_num: re.Pattern[str]
    en_article_before: re.Pattern[str]
    long_unit_stems: tuple[str, ...]
    en_fraction_dens: dict[str, int]
    en_multiplier: re.Pattern[str]
    en_article_unit: re.Pattern[str]
    zh_doubling: re.Pattern[str]
    zh_vague_big: re.Pattern[str]
    has_zh_numeral: re.Pattern[str]
    unit: re.Pattern[str]
    forms: dict[str, UnitForm]
    per: re.Pattern[str]
    per_adverb: re.Pattern[str]  # 40,000 ounces annually: the period as an adverb after the unit
    time_after: re.Pattern[str]  # a year ago, a day's drive: after a period word, a time, no rate
    per_of: re.Pattern[str]  # 15,000 tonnes of WO3 concentrate a year: what is counted between unit and period
    en_period_before: re.Pattern[str]  # an annual capacity of 300,000 tonnes: the period before the number
    en_period_cues: dict[str, str]  # annual -> year
    en_adverbs: dict[str, str]  # annually -> year
    per_forms: dict[str, tuple[str, str]]
    per_prefix: re.Pattern[str]
    per_glue: re.Pattern[str]
    period_before: re.Pattern[str]
    period_cues: dict[str, str]
    period_stop: re.Pattern[str]
    period_kinds: frozenset[str]
    substance_before: re.Pattern[str]
    money_cue_before: re.Pattern[str]
    money_cue_after: re.Pattern[str]
    substances: dict[str, tuple[str, str]]
    substance_units: frozenset[str]
    period_first_chars: tuple[str, ...]
    unit_kinds: dict[str, str]
    range_sep: re.Pattern[str]
    between: re.Pattern[str]
    from_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency: dict[str, str]
    currency_letter_scale: re.Pattern[str]
    letter_sign_before: re.Pattern[str]
    letter_signs: dict[str, str]
    qual_before: re.Pattern[str]
    qual_after: re.Pattern[str]
    qual_classes: tuple[tuple[str, re.Pattern[str]], ...]
    rel_before: re.Pattern[str]
    rel_after: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    list_after: re.Pattern[str]
    names: re.Pattern[str]
    en_word: re.Pattern[str]
    times_comparative: re.Pattern[str]
    frequency: re.Pattern[str]
    quote_after: re.Pattern[str]
    fraction: re.Pattern[str]
    zh_abstract: frozenset[str]
    zh_two_as_ordinal: frozenset[str]
    en_person: frozenset[str]
    en_abstract: frozenset[str]
    en_irregular: frozenset[str]
    en_not_plural: frozenset[str]
    en_function: frozenset[str]
    en_marker_units: frozenset[str]
    count_units: frozenset[str]
    time_units: frozenset[str]
    year_before: re.Pattern[str]
    demonstrative_before: re.Pattern[str]
    change_before: re.Pattern[str]
    change_before_zh: re.Pattern[str]
    en_head_units: dict[str, str]
    ambiguous: dict[str, tuple[str, str, re.Pattern[str]]]
    # a currency name several countries share (pesos), by its unresolved code: (ISO code, country cues)
    by_country: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    duration_verb_before: re.Pattern[str]
    duration_preposition: re.Pattern[str]
    list_next_sentence: re.Pattern[str]
    en_person_after: frozenset[str]
    en_concrete_heads: frozenset[str]
    zh_person_nouns: re.Pattern[str]
    zh_generic_classifiers: frozenset[str]
    list_join: re.Pattern[str]
    pair_join: re.Pattern[str]
    open_quotes: str
    close_quote_after: re.Pattern[str]
    count_floor_suffixes: frozenset[str]
    metric_units: tuple[tuple[re.Pattern[str], str], ...]  # a metric naming a bare number's unit (百万吨死亡率)

    def unit_form(self, surface: str) -> UnitForm | None:
        """The unit written as ``surface``: as it stands, else with English case and spacing folded."""
        return self.forms.get(surface) or self.forms.get(_key(surface, "en"))

    def per_form(self, surface: str) -> tuple[str, str] | None:
        """The denominator of a rate written as ``surface`` ("per tonne", "/t"), folded as ``unit_form``."""
        return self.per_forms.get(surface) or self.per_forms.get(_key(surface, "en"))


def _count_forms() -> list[UnitForm]:
    """Chinese classifiers and counted nouns as unit forms of kind 'count'."""
    counts = load_grammar_data().counts
    cls = counts.zh_classifiers
    forms = []
    for unit, surfaces in (("person", cls.person), ("time", cls.time), ("item", cls.item)):
        for surface in surfaces:
            blocked = tuple(counts.zh_not_before.get(surface, ()))
            forms.append(UnitForm(surface, unit, "count", "zh", Decimal(1), blocked))
    for surface in cls.item_nouns:
        forms.append(UnitForm(surface, "item", "count", "zh", Decimal(1), ()))
    return forms


def _unit_pattern(forms: list[UnitForm], iso_any_case: frozenset[str]) -> tuple[str, dict[str, UnitForm]]:
    """One alternation over every unit form, with the boundary each script needs."""
    parts: list[tuple[int, str]] = []
    lookup: dict[str, UnitForm] = {}
    for f in forms:
        surface, script = f.surface, f.script
        if script == "en" and f.kind == "money" and surface.upper() == f.unit and f.unit not in iso_any_case:
            surface, script = surface.upper(), "sym"  # ISO codes are written in capitals ("try" is a verb)
            f = UnitForm(
                surface, f.unit, f.kind, script, f.scale, f.not_before, f.zh_numeral_only, f.only_before
            )
        key = _key(surface, script)
        if key in lookup:
            continue
        lookup[key] = f
        if script == "en":
            pat = rf"(?i:{_literal(surface)})(?![A-Za-z])"
        elif script == "sym":
            pat = re.escape(surface) + (r"(?![A-Za-z0-9]|-\d)" if surface[-1].isalnum() else "")
        else:
            pat = re.escape(surface)
        if f.not_before:
            pat += "(?!" + "|".join(re.escape(x) for x in f.not_before) + ")"
        if f.only_before:
            pat += "(?=" + "|".join(f.only_before) + ")"
        parts.append((len(surface), pat))
    parts.sort(key=lambda p: -p[0])
    return "|".join(p for _, p in parts), lookup


def _mixed_words(words: tuple[str, ...] | list[str]) -> str:
    """Literal words: Latin ones case-insensitive and not inside a longer word, others as written."""
    parts = [
        rf"(?<![A-Za-z])(?i:{re.escape(w)})(?![A-Za-z])" if w.isascii() and w[0].isalpha() else re.escape(w)
        for w in sorted(words, key=len, reverse=True)
    ]
    return "|".join(parts)


# after "a year", a point in time, no rate: "a year ago", "a year earlier"
_TIME_AGO = "ago|earlier|later|before|after|into|and a half|or two|or so|or more|or less"
# after an adverb of period, what makes it an adjective or another clause's: "daily reports", "annually updated"
_ADVERB_ENDS = r"[ \t]*(?:[,.;:)!?]|$)|[ \t]+(?:and|or|from|in|at|by|for|to|since|until|over|on|with|during|since)\b"
# words that end the "of" phrase between a unit and its period: another clause or figure begins
_OF_STOP = "in|to|from|for|by|at|on|and|or|with|than|per|a|an|each|the|this|that|last|next|over|since|until|ago"


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Country cues (regex fragments): Latin ones as whole words, as written; Chinese ones as they stand."""
    parts = [rf"(?<![A-Za-z])(?:{c})(?![A-Za-z])" if c[-1].isascii() else c for c in cues]
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Build the grammar once per process."""
    t = load_grammar_data()
    n = numerals()
    ctx = t.context
    counts = t.counts
    units = t.units
    forms = list(t.unit_forms) + _count_forms()
    unit_alt, lookup = _unit_pattern(forms, frozenset(units.iso_any_case))
    zh_chars = "".join(list(n.zh_digits) + list(n.zh_small) + list(n.zh_big) + list(n.zh_vague))
    zh_digit_chars = "".join(n.zh_digits)
    en_words = [*n.en_words, *n.en_hundred, *n.en_scales, "dozen"]
    # Three scanners, each starting with a plain character class so the regex engine can skip
    # ahead fast; the left-context checks (no letter or digit glued before) are done in Python.
    number_ar = re.compile(rf"(?P<frac>(?:\d+{_SP}+)?\d+/\d+(?![\d/]))|(?P<ar>{n.arabic_core})")
    zh_big_chars = "".join(n.zh_big)
    number_zh = re.compile(
        rf"(?P<zhn>(?:上(?=[百千万亿]))?[{zh_chars}]+(?:[点點][{zh_digit_chars}]+[{zh_big_chars}]*)?)"
    )
    nd = t.numerals
    # Word scanners are a trie of the words as written (lower, Capitalised, UPPER) so the regex engine
    # rejects most positions on their first letter; the left word boundary is checked by the reader
    # (a look-behind in front would slow every position down).
    def cased(words: list[str]) -> str:
        return _trie({v for w in words for v in (w, w.capitalize(), w.upper())})

    en_fraction = re.compile(rf"(?P<den>{cased(list(nd.en_fraction_denominators))})(?![A-Za-z-])")
    en_fraction_num = re.compile(rf"(?<![A-Za-z])(?P<num>(?i:a|an|{_words(list(n.en_words))}))(?:-|{_SP}+)$")
    en_multiplier = re.compile(rf"{cased([*nd.en_multipliers, *nd.en_occurrence])}(?![A-Za-z-])")
    long_units = [f.surface for f in t.unit_forms if f.script == "en" and f.kind == "duration" and f.scale > 1]
    en_article_unit = re.compile(rf"(?P<u>{cased(long_units)})(?![A-Za-z])")
    en_article_before = re.compile(rf"(?<![A-Za-z])(?i:a|an){_SP}+$")
    num = r"\d+(?:\.\d+)?"
    slash_series = re.compile(
        rf"(?P<main>{num}(?:/{num})+)"
        rf"(?:[（(][^（()）\d]{{0,8}}?(?P<paren>{num}(?:/{num})+)[）)])?(?P<zh>[万亿]*)"
    )
    half_units = _words(list(t.numerals.zh_half_units))
    # 半 inside a sentence (历经半年); a table cell that reads 半年 is a frequency ("semi-annual")
    half_number = re.compile(rf"(?<=[{HAN}])(?<!{t.numerals.zh_half_not_after})(?P<half>半)(?={half_units})")
    en_cased = _trie({v for w in en_words for v in (w, w.capitalize(), w.upper())})
    number_en = re.compile(rf"(?P<enw>{en_cased}(?:(?:{_SP}+|-)(?:and{_SP}+)?{en_cased})*)\b")
    unit = re.compile(
        rf"{_SP}*\n?{_SP}*(?P<infix>[多余餘来])?{_SP}*(?:-{_SP}?(?=[A-Za-z]))?(?P<u>{unit_alt})"
    )
    # denominators of a rate: every measure/time unit form plus the per tables
    per_forms: dict[str, tuple[str, str]] = {}
    per_parts: list[str] = []
    for f in forms:
        if f.kind in ("area", "length", "mass", "volume", "energy", "duration") and f.scale == 1:
            key = _key(f.surface, f.script)
            per_forms.setdefault(key, (f.unit, f.script))
            per_parts.append(_literal(f.surface) + ("(?![A-Za-z])" if f.script != "zh" else ""))
    for surface, code in units.per.zh.items():
        per_forms.setdefault(surface, (code, "zh"))
        per_parts.append(re.escape(surface))
    for surface, code in units.per.en.items():
        per_forms.setdefault(surface, (code, "en"))
        per_parts.append(re.escape(surface) + "(?![A-Za-z])")
    per_alt = "|".join(sorted(set(per_parts), key=len, reverse=True))
    slash = "".join(re.escape(m) for m in units.per.markers_zh if m != "每")
    per_words = "|".join(re.escape(m) for m in units.per.markers_en if m.isalpha())
    # a compound adjective writes the rate with hyphens (a 25,000-tonne-per-year plant, a 40,000-tonne-a-year mill)
    per = re.compile(
        rf"(?:{_SP}*|-)(?:(?P<slash>[{slash}])|(?P<mei>每)|(?i:(?P<perw>{per_words}))(?={_SP}|-))"
        rf"(?:{_SP}*|-)(?P<den>(?i:{per_alt}))"
    )
    per_prefix = re.compile(rf"每{_SP}*(?P<den>{per_alt}){_SP}*(?P<gap>{units.per.before_gap}){_SP}*$")
    # after "a year", "a day": a point in time, no rate (a year ago, a day before the strike, a day's drive)
    time_after = re.compile(rf"(?:{_SP}+(?:{_TIME_AGO})(?![A-Za-z])|['\u2019]s\b)")
    per_adverb = re.compile(rf"{_SP}+(?P<adv>(?i:{_words(list(units.per.en_adverbs))}))(?![A-Za-z])(?={_ADVERB_ENDS})")
    # "of" + one to four words that are no function word, then the period (a year, per year, annually)
    per_of = re.compile(
        rf"{_SP}+of(?:{_SP}+(?!(?:{_OF_STOP})\b)[A-Za-z][\w\-]*){{1,4}}?(?={_SP}+"
        rf"(?:(?i:a|an|per|each){_SP}+(?P<den>(?i:year|annum|day|month))"
        rf"(?![A-Za-z])(?!{_SP}+(?:{_TIME_AGO})(?![A-Za-z])|['\u2019]s\b)"
        rf"|(?P<adv>(?i:annually|yearly|daily))(?![A-Za-z])(?={_ADVERB_ENDS})))"
    )
    en_period_cues = {w: den for den, words in units.per.en_period_before.items() for w in words}
    en_period_before = re.compile(
        rf"(?<![A-Za-z])(?P<cue>(?i:{_words(list(en_period_cues))}))(?:[ \-][a-z]+)?[ \-]"
        rf"(?:{_words(list(units.per.en_period_nouns))})"
        rf" (?:of|at|to|is|was|will be|would be|reached|hit|rose to|fell to|climbed to|of up to)"
        rf"(?: (?:about|around|some|nearly|almost|up to|roughly|more than|over|at least|approximately))?{_SP}*$"
    )
    per_glue = re.compile(units.per.before_glue)
    period_cues = {cue: den for den, cues in units.per.periods.items() for cue in cues}
    # one fixed-width lookbehind per completion word (建成后年产): re needs fixed widths
    done_after = "|".join(f"(?<={re.escape(w)}后)" for w in units.per.period_after_done)
    now_words = "|".join(f"(?<={re.escape(w)})" for w in units.per.period_after_words)
    period_before = re.compile(
        rf"(?:{done_after}|{now_words}|(?<!{units.per.period_not_after}))(?P<cue>{_words(list(period_cues))})"
        rf"(?P<gap>{units.per.before_gap}){_SP}*$"
    )
    period_stop = re.compile(_words(list(units.per.period_stop)))
    im = units.implied_money
    money_cue_before = re.compile(
        rf"(?:{_words(list(im.before))})(?!{_words(list(im.not_after_cue))})"
        rf"(?:{units.per.before_gap}){_SP}*$"
    )
    money_cue_after = re.compile(rf"{_SP}*(?:{_words(list(im.after))})")
    substance_before = re.compile(
        rf"(?P<s>{_words(list(units.substance_before))})(?:{units.per.before_gap}){_SP}*$"
    )
    currency = dict(units.currency_prefix)
    any_case = set(units.currency_prefix_any_case)
    # multi-letter signs (US$, HK$, RMB) in any case; one-letter ones (A$, S$, C$) only as written,
    # since "a $5 bill" and "'s $500" are English
    cur_forms = [
        (k, re.escape(k.replace(" ", "")).replace(r"\$", _SP + r"?\$") if len(k) > 1 else re.escape(k))
        for k in currency
    ]
    cur_alt = "|".join(
        f"(?i:{p})" if sum(c.isalpha() for c in k) >= 2 or k in any_case else p
        for k, p in sorted(cur_forms, key=lambda kp: -len(kp[0]))
    )
    currency_before = re.compile(rf"(?<![A-Za-z])(?P<cur>{cur_alt}){_SP}?$")
    # R350 million: a bare capital as a currency sign, as written and glued to the number (unit.sign_before)
    letter_alt = _alt([re.escape(k) for k in units.currency_letter_signs])
    letter_sign_before = re.compile(rf"(?<![A-Za-z0-9$&.\-])(?P<cur>{letter_alt})$")
    letters = _alt([re.escape(k) for k in n.en_abbrev_currency])
    currency_letter_scale = re.compile(rf"(?P<s>{letters})(?![A-Za-z0-9])")
    q = ctx.qualifiers
    pre_all = [x for cls in q.prefix.values() for x in cls]
    qual_before = re.compile(rf"(?:(?<![A-Za-z])(?P<q>(?i:{_fragments(pre_all)}))){q.prefix_glue}$")
    suf_all = [x for cls in q.suffix.values() for x in cls]
    qual_after = re.compile(rf"{_SP}*(?P<q>(?i:{_fragments(suf_all)}))(?![A-Za-z])(?!{q.suffix_not_before})")
    qual_classes = tuple(
        (cls, re.compile(rf"(?i:{_fragments(list(items))})"))
        for part in (q.prefix, q.suffix)
        for cls, items in part.items()
    )
    rel = ctx.relative_time
    rel_before = re.compile(rf"(?:(?<![A-Za-z])(?i:{_fragments(list(rel.before))})){_SP}*$")
    rel_after = re.compile(
        rf"{_SP}*(?:"
        + "|".join(
            rf"(?i:{w})(?![A-Za-z])" if w.isascii() else w for w in sorted(rel.after, key=len, reverse=True)
        )
        + ")"
    )
    duration_verb_before = re.compile(rf"(?:{_words(list(rel.duration_verbs))}){_SP}*$")
    labels = _fragments(list(ctx.ordinal_before))
    ordinal_before = re.compile(rf"(?:(?<![A-Za-z])(?:{labels})){_SP}*[.#]?{_SP}*$")
    ordinal_after = re.compile(rf"(?:{_fragments(list(ctx.ordinal_after))})")
    month = ctx.month_names
    month_before = re.compile(rf"(?<![A-Za-z]){month}{_SP}+$")
    month_after = re.compile(rf"{_SP}+{month}(?![A-Za-z])")
    list_after = re.compile(rf"{_SP}*(?:{_fragments(list(ctx.list_after))})")
    names = re.compile("|".join([*ctx.name_patterns, _alt([re.escape(x) for x in ctx.names])]))
    list_next_sentence = re.compile(
        rf"[^.!?。！？\n]{{0,120}}[.!?。！？][ \t\n]*(?:{_words(list(ctx.list_next_sentence))})(?![A-Za-z])"
    )
    en_word_re = re.compile(rf"{_SP}+(?P<w>[A-Za-z][A-Za-z'\-]*)")
    times_comparative = re.compile(rf"{_SP}+(?i:{_words(list(counts.en_times_comparative))})(?![A-Za-z])")
    frequency = re.compile(rf"{_SP}*(?:\d+|[一二两三四五六七八九十]+){_SP}*[{''.join(ctx.frequency_after)}]")
    opens = "".join(re.escape(p[0]) for p in ctx.quote_pairs)
    closes = "".join(re.escape(p[1]) for p in ctx.quote_pairs)
    quote_after = re.compile(rf"[{opens}][^{closes}\n]{{1,20}}[{closes}]")
    fraction = re.compile(
        rf"(?P<den>[{zh_chars}]+|\d+){_SP}*分之{_SP}*(?P<num>(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
        rf"|[{zh_chars}点點]+))"
    )
    rg = ctx.ranges
    seps = "|".join(
        rf"(?i:{re.escape(w)})(?![A-Za-z])" if w.isalpha() and w.isascii() else re.escape(w)
        for w in rg.separators
    )
    return Grammar(
        number_ar=number_ar,
        number_zh=number_zh,
        number_en=number_en,
        half_number=half_number,
        slash_series=slash_series,
        en_fraction=en_fraction,
        en_fraction_num=en_fraction_num,
        en_article_before=en_article_before,
        long_unit_stems=tuple(sorted({v[1:5] for u in long_units for v in (u, u.upper())})),
        en_fraction_dens={k.lower(): v for k, v in nd.en_fraction_denominators.items()},
        en_multiplier=en_multiplier,
        en_article_unit=en_article_unit,
        zh_doubling=re.compile(nd.zh_doubling),
        zh_vague_big=re.compile(nd.zh_vague_big),
        has_zh_numeral=re.compile(f"[{zh_chars}]"),
        unit=unit,
        forms=lookup,
        per=per,
        per_adverb=per_adverb,
        time_after=time_after,
        per_of=per_of,
        en_period_before=en_period_before,
        en_period_cues=en_period_cues,
        en_adverbs=dict(units.per.en_adverbs),
        per_forms=per_forms,
        per_prefix=per_prefix,
        per_glue=per_glue,
        period_before=period_before,
        period_cues=period_cues,
        period_stop=period_stop,
        period_kinds=frozenset(units.per.period_kinds),
        substance_before=substance_before,
        money_cue_before=money_cue_before,
        money_cue_after=money_cue_after,
        substances=dict(units.substance_before),
        substance_units=frozenset(u for u, _ in units.substance_before.values()),
        period_first_chars=tuple(sorted({c[0] for c in period_cues})),
        unit_kinds={f.unit: f.kind for f in reversed(forms)},
        range_sep=re.compile(
            rf"{_SP}*(?:-{_SP}*)?(?P<sep>{seps}){_SP}*"
            rf"(?P<cur>{cur_alt}|{letter_alt})?{_SP}*"
        ),
        between=re.compile(rf"(?:{_mixed_words(rg.between)}){_SP}+$"),
        from_before=re.compile(rf"(?:{_mixed_words(rg.from_words)}){_SP}*$"),
        currency_before=currency_before,
        currency=currency,
        currency_letter_scale=currency_letter_scale,
        letter_sign_before=letter_sign_before,
        letter_signs=dict(units.currency_letter_signs),
        qual_before=qual_before,
        qual_after=qual_after,
        qual_classes=qual_classes,
        rel_before=rel_before,
        rel_after=rel_after,
        ordinal_before=ordinal_before,
        ordinal_after=ordinal_after,
        month_before=month_before,
        month_after=month_after,
        list_after=list_after,
        names=names,
        metric_units=tuple((re.compile(cue), code) for cue, code in ctx.metric_units.items()),
        en_word=en_word_re,
        times_comparative=times_comparative,
        frequency=frequency,
        quote_after=quote_after,
        fraction=fraction,
        zh_abstract=frozenset(counts.zh_abstract),
        zh_two_as_ordinal=frozenset(counts.zh_two_as_ordinal),
        en_person=frozenset(counts.en_person_nouns),
        en_abstract=frozenset(counts.en_abstract_nouns),
        en_irregular=frozenset(counts.en_irregular_plurals),
        en_not_plural=frozenset(counts.en_not_plural),
        en_function=frozenset(counts.en_function_words),
        en_marker_units=frozenset(units.per.en_marker_units),
        count_units=frozenset(counts.count_units),
        time_units=t.time_units,
        year_before=re.compile(rf"(?<![A-Za-z])(?i:{_words(list(ctx.year_before))}){_SP}+$"),
        change_before=re.compile(
            rf"(?<![A-Za-z])(?i:{_words(list(ctx.change_before))})(?![A-Za-z])[^.;\n]{{0,30}}$"
        ),
        change_before_zh=re.compile(rf"(?:{_words(list(ctx.change_before_zh))}){_SP}*$"),
        demonstrative_before=re.compile(rf"(?<![A-Za-z])(?i:{_words(list(ctx.demonstrative_before))}){_SP}*$"),
        duration_verb_before=duration_verb_before,
        duration_preposition=re.compile(rf"(?<![A-Za-z])(?i:{_words(list(rel.duration_prepositions_en))}){_SP}+$"),
        list_next_sentence=list_next_sentence,
        en_person_after=frozenset(counts.en_person_after),
        en_concrete_heads=frozenset(counts.en_concrete_heads),
        zh_person_nouns=re.compile(_words(list(counts.zh_person_nouns))),
        zh_generic_classifiers=frozenset(counts.zh_generic_classifiers),
        list_join=re.compile(_words(list(ctx.list_joins))),
        pair_join=re.compile(rf"{_SP}*(?:{_words(list(ctx.list_joins))}){_SP}*"),
        open_quotes="".join(p[0] for p in ctx.quote_pairs),
        close_quote_after=re.compile(rf"[,，]?[{closes}]"),
        count_floor_suffixes=frozenset(q.infix_over),
        en_head_units=dict(counts.en_head_units),
        ambiguous={
            word: (a.unit, a.kind, re.compile("(?i:" + "|".join(re.escape(c) for c in a.context) + ")"))
            for word, a in units.ambiguous.items()
        },
        by_country={
            group.unresolved: tuple((code, _cue_pattern(units.by_country.cues[code])) for code in group.codes)
            for group in units.by_country.groups
        },
    )
