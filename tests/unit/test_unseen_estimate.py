"""The honest estimate's list stripping (``pipeline.tools.eval.unseen_estimate``), on lines written here."""

from __future__ import annotations

from pipeline.tools.eval.unseen_estimate import named_in, strip_gazetteer, strip_rows

TEXTS = "岚江炼化发布公告。Shares of Kestrel Mining rose; the kestrel is a bird. Ore from Northfield."


def test_a_han_surface_anywhere_and_a_latin_one_as_a_whole_word_in_any_case() -> None:
    folded = TEXTS.lower()
    assert named_in("岚江炼化", TEXTS, folded)
    assert named_in("Kestrel Mining", TEXTS, folded)
    assert named_in("KESTREL", TEXTS, folded)  # any case
    assert not named_in("North", TEXTS, folded)  # only inside Northfield
    assert not named_in("鑫川", TEXTS, folded)
    assert not named_in("", TEXTS, folded)


def test_rows_named_in_the_texts_are_removed_and_comments_stay() -> None:
    lines = ["# a comment naming 岚江炼化\n", "surface\tlang\tlabel\n", "岚江炼化\tzh\tORG\n",
             "鑫川科技\tzh\tORG\n", "Kestrel Mining\ten\tORG\n", "\n"]
    kept, removed = strip_rows(lines, 1, TEXTS)
    assert removed == ["岚江炼化\tzh\tORG\n", "Kestrel Mining\ten\tORG\n"]
    assert kept == [lines[0], lines[1], "鑫川科技\tzh\tORG\n", "\n"]


def test_an_exonym_row_goes_when_either_column_is_named() -> None:
    lines = ["北原\tNorthfield\n", "南岭\tSouthridge\n"]
    kept, removed = strip_rows(lines, 2, TEXTS)
    assert removed == ["北原\tNorthfield\n"] and kept == ["南岭\tSouthridge\n"]


def test_the_gazetteer_loses_the_rows_of_removed_surfaces_only() -> None:
    lines = ["# generated\n", "岚江炼化\tzh\tORG\tcompany\t\t\tstrong\n", "鑫川科技\tzh\tORG\tcompany\t\t\tstrong\n"]
    kept, n = strip_gazetteer(lines, {"岚江炼化"})
    assert n == 1 and kept == [lines[0], lines[2]]
