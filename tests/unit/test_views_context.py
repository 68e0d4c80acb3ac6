"""figures_in_context: each figure with its sentence, document metadata and same-sentence entities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline.io.catalog import load_table
from pipeline.io.rows import bundle_rows
from pipeline.io.sink import write_batch
from pipeline.io.views import FIGURES_IN_CONTEXT_COLUMNS, load_view
from pipeline.records import FIGURE, LOC, MINERAL, ORG, PERSON, Bundle, Document, Figure, Mention, Sentence

TEXT = "锑价上涨。湖南省政府称，冷水江锑产量约2万吨，湖南省政府将扩产。Unrelated 5 t."
END1 = TEXT.index("Unrelated")  # sentence 0 is 锑价上涨。, sentence 1 runs to here; the rest is in no sentence


def _mention(surface: str, label: str, nth: int = 0, mineral: str | None = None, key: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    end = start + len(surface)
    sent = 0 if end <= 5 else (1 if end <= END1 else -1)
    return Mention(start, end, surface, label, "rule", mineral, "zh", sent, f"d1:{start}-{end}:{label}", key)


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    mentions = (_mention("锑", MINERAL, 0, "antimony"), _mention("湖南省政府", ORG, 0, key="hunan-government"),
                _mention("冷水江", LOC), _mention("锑", MINERAL, 1, "antimony"), _mention("约2万吨", FIGURE),
                _mention("湖南省政府", ORG, 1, key="hunan-government"), _mention("5 t", FIGURE),
                _mention("冷水", PERSON))
    figures = tuple(Figure(m.mention_id, v, str(v), None, None, "t", q, "mass", v * 1000, None, "kg")
                    for m, v, q in ((mentions[4], 20000.0, "approx"), (mentions[6], 5.0, None)))
    doc = Document("d1", "in/a.jsonl#a-1", TEXT, lang="zh", external_id="a-1", title="锑", url="https://x.example/1",
                   published=dt.date(2025, 11, 8), published_text="2025-11-08")
    b = Bundle(doc, sentences=(Sentence(0, 0, 5, "zh"), Sentence(1, 5, END1, "zh")), mentions=mentions,
               figures=figures)
    write_batch(tmp_path, "r1", "2026-01-01", 0, bundle_rows(b, "r1", "fp"))
    return tmp_path


def test_views_figures_in_context_joins_sentence_metadata_and_entities(out: Path) -> None:
    view = load_view("figures_in_context", out)
    assert list(view.columns) == [c.name for c in FIGURES_IN_CONTEXT_COLUMNS]
    first = view.iloc[0]
    assert first["text"] == "约2万吨" and first["sentence"] == TEXT[5:END1]
    assert (first["external_id"], first["title"], first["published"]) == ("a-1", "锑", dt.date(2025, 11, 8))
    assert first["minerals"] == ["antimony"]  # the second 锑 is in this sentence; the first is not
    assert first["institutions"] == ["湖南省政府"] and first["institution_keys"] == ["hunan-government"]
    assert first["places"] == ["冷水江"] and first["people"] == ["冷水"]
    assert (first["value_norm"], first["unit_norm"], first["sentence_lang"]) == (2e7, "kg", "zh")


def test_views_figure_outside_every_sentence_has_no_sentence_and_no_entities(out: Path) -> None:
    last = load_view("figures_in_context", out).iloc[1]
    assert last["text"] == "5 t" and pd.isna(last["sentence"]) and last["sent_idx"] == -1
    assert last["minerals"] == [] and last["places"] == []


def test_views_same_result_over_frames_and_unknown_view_is_an_error(out: Path) -> None:
    frames = {t: load_table(t, out) for t in ("documents", "sentences", "mentions", "figures")}
    a, b = load_view("figures_in_context", frames), load_view("figures_in_context", out)
    assert a.astype(str).values.tolist() == b.astype(str).values.tolist()
    with pytest.raises(KeyError, match="unknown view"):
        load_view("figures_everywhere", out)


def test_views_empty_output_gives_an_empty_view_with_every_column(tmp_path: Path) -> None:
    view = load_view("figures_in_context", tmp_path)
    assert view.empty and list(view.columns) == [c.name for c in FIGURES_IN_CONTEXT_COLUMNS]
