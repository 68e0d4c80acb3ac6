"""Overlap precedence between entities, minerals and figures."""

from __future__ import annotations

from pipeline.records import FIGURE, LOC, MINERAL, ORG, Figure, Mention, Sentence, mention_id
from pipeline.stages.resolve import finalise, resolve_mentions

TEXT = "Jiuquan Iron and Steel Group mined 10 rare earth mine projects in Gansu."


def _m(surface: str, label: str, source: str = "model") -> Mention:
    start = TEXT.index(surface)
    return Mention(start, start + len(surface), surface, label, source)


def test_resolve_drops_mineral_inside_organisation() -> None:
    kept = resolve_mentions([_m("Jiuquan Iron and Steel Group", ORG), _m("Iron", MINERAL, "lexicon")])
    assert [m.label for m in kept] == [ORG]


def test_resolve_keeps_mineral_inside_figure_phrase() -> None:
    kept = resolve_mentions([_m("10 rare earth mine projects", FIGURE), _m("rare earth", MINERAL)])
    assert sorted(m.label for m in kept) == [FIGURE, MINERAL]


def test_resolve_drops_figure_inside_a_name_and_merges_duplicates() -> None:
    kept = resolve_mentions([_m("Gansu", LOC), _m("Gansu", LOC, "gazetteer"), _m("Steel Group", FIGURE),
                             _m("Jiuquan Iron and Steel Group", ORG)])
    assert [(m.text, m.source) for m in kept] == [("Jiuquan Iron and Steel Group", "model"), ("Gansu", "model")]


def test_resolve_finalise_sets_sentence_and_ids_and_drops_orphan_figures() -> None:
    inside = _m("Steel Group", FIGURE)
    kept_fig = _m("10 rare earth mine projects", FIGURE)
    figs = [Figure("", 10.0, "10", None, None, "item", None, "count", None, None, None, start=m.start, end=m.end)
            for m in (inside, kept_fig)]
    mentions, figures = finalise("d", [inside, kept_fig, _m("Jiuquan Iron and Steel Group", ORG)],
                                 [Sentence(0, 0, len(TEXT), "en")], figs)
    assert all(m.sent_idx == 0 and m.mention_id.startswith("d:") for m in mentions)
    assert [f.mention_id for f in figures] == [mention_id("d", kept_fig.start, kept_fig.end, FIGURE)]
    assert all(TEXT[m.start:m.end] == m.text for m in mentions)


def _at(text: str, surface: str, label: str, source: str) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, label, source)


def test_resolve_drops_a_model_name_that_is_the_amount_of_a_figure() -> None:
    text = "Harmony budgets between R2bn and R3bn for Mponeng."
    kept = resolve_mentions([_at(text, "between R2bn and R3bn", FIGURE, "grammar"), _at(text, "R3bn", ORG, "model"),
                             _at(text, "Mponeng", LOC, "model")])
    assert [(m.text, m.label) for m in kept] == [("between R2bn and R3bn", FIGURE), ("Mponeng", LOC)]
    alone = resolve_mentions([_at(text, "R3bn", FIGURE, "grammar"), _at(text, "R3bn", ORG, "model")])
    assert [(m.text, m.label) for m in alone] == [("R3bn", FIGURE)]


def test_resolve_keeps_a_listed_name_with_a_digit_inside_a_figure_phrase() -> None:
    text = "It shipped 40 tonnes of 3M adhesive."
    kept = resolve_mentions([_at(text, "40 tonnes of 3M adhesive", FIGURE, "grammar"),
                             _at(text, "3M", ORG, "gazetteer")])
    assert sorted(m.label for m in kept) == [FIGURE, ORG]
