"""The run report read back: sections, counts equal to the tables, marks where the mentions are."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.io.catalog import load_table
from pipeline.io.sink import write_batch
from pipeline.tools.report import ReportError, doc_anchor, write_report
from tests.unit.test_report_fixture import MARKUP_TEXT, NEW_RUN, OLD_RUN, MarkReader, build_output, read_marks

SECTION_IDS = ["summary", "counts", "minerals", "figures", "people", "errors", "documents"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_output(tmp_path_factory.mktemp("report_out"))


@pytest.fixture(scope="module")
def page(out: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_report(out, tmp_path_factory.mktemp("report_html") / "report.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reader(page: str) -> MarkReader:
    return read_marks(page)


def _rows(name: str, out: Path, run_id: str = NEW_RUN) -> pd.DataFrame:
    frame = load_table(name, out, latest=False)
    frame = frame[frame["run_id"].astype(str) == run_id].reset_index(drop=True)
    for col in ("label", "lang", "unit", "qualifier", "kind", "mineral", "delegate_body", "level"):
        if col in frame.columns:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


def _int(cell: str) -> int:
    return int(cell.replace(",", ""))


def test_report_sections_are_all_there_once(reader: MarkReader, page: str, out: Path) -> None:
    assert [i for i in reader.ids if i in SECTION_IDS] == SECTION_IDS
    docs = _rows("documents", out)
    articles = [i for i in reader.ids if i.startswith("doc-")]
    assert sorted(articles) == sorted(doc_anchor(d) for d in docs["doc_id"])
    assert doc_anchor("old0000000000001") not in reader.ids
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<link" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_report_escapes_markup_in_text_source_and_messages(reader: MarkReader, page: str) -> None:
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert reader.doc_texts[doc_anchor("markup0000000001")] == MARKUP_TEXT
    assert "inbox/markup &lt;test&gt;.txt" in page and "cannot decode &lt;bytes&gt; &amp; give up" in page


def test_report_marks_sit_on_their_mentions(reader: MarkReader, out: Path) -> None:
    mentions = _rows("mentions", out).set_index("mention_id")
    docs = _rows("documents", out).set_index("doc_id")
    marks = [m for m in reader.marks if m["doc"] and m["doc"].startswith("doc-")]
    assert len(marks) > 0.9 * len(mentions)
    for mark in marks:
        row = mentions.loc[mark["mention"]]
        assert (mark["label"], mark["text"], mark["start"]) == (row["label"], row["text"], row["start"])
        assert reader.doc_texts[doc_anchor(row["doc_id"])] == docs.loc[row["doc_id"], "text"]
    nested = [m for m in marks if m["depth"] > 0]
    assert nested, "the seeds have places inside organisation names; they must show as nested marks"


def test_report_every_mention_is_marked_or_listed(reader: MarkReader, page: str, out: Path) -> None:
    mentions = _rows("mentions", out)
    marked = {m["mention"] for m in reader.marks}
    assert len(marked) == len([m for m in reader.marks if m["doc"]])
    missing = mentions[~mentions["mention_id"].isin(marked)]
    assert len(missing) >= 1  # the markup document has two crossing spans
    for row in missing.itertuples():
        assert f"{row.label} “{row.text}” [{row.start}–{row.end}]" in page.replace("&quot;", '"')


def test_report_counts_equal_the_mentions_table(reader: MarkReader, out: Path) -> None:
    mentions = _rows("mentions", out)
    docs = _rows("documents", out)
    lang = mentions["lang"].where(mentions["lang"].astype(bool), mentions["doc_id"].map(
        dict(zip(docs["doc_id"], docs["lang"], strict=True))))
    expected = mentions.assign(lang=lang).groupby(["label", "lang"]).size()
    head, *body = reader.tables["counts"]
    shown = {}
    for row in body:
        if row[0] != "all":
            shown.update({(row[0], lg): _int(v) for lg, v in zip(head[1:-1], row[1:-1], strict=True)})
            assert _int(row[-1]) == (mentions["label"] == row[0]).sum()
    assert {k: v for k, v in shown.items() if v} == expected.to_dict()
    assert _int(body[-1][-1]) == len(mentions)


def test_report_minerals_count_per_mineral_and_language(reader: MarkReader, out: Path) -> None:
    m = _rows("mentions", out)
    m = m[m["label"] == "MINERAL"]
    head, *body = reader.tables["minerals"]
    assert head[:3] == ["mineral", "en", "zh"]
    totals = [_int(r[3]) for r in body]
    assert totals == sorted(totals, reverse=True)
    for row in body:
        sel = m[m["mineral"] == row[0]]
        assert (_int(row[1]), _int(row[2]), _int(row[3])) == (
            (sel["lang"] == "en").sum(), (sel["lang"] == "zh").sum(), len(sel))
    assert len(body) == min(50, m["mineral"].nunique())


def test_report_figures_rank_readings_by_frequency(reader: MarkReader, page: str, out: Path) -> None:
    f = _rows("figures", out)
    keys = ["value", "value_high", "unit", "qualifier"]
    freq = f.groupby(keys, dropna=False).size().sort_values(ascending=False)
    head, *body = reader.tables["figures"]
    assert head == ["value", "unit", "qualifier", "kind", "text", "count", "comparable value"]
    assert [_int(r[5]) for r in body] == list(freq.head(len(body)))
    assert f"{len(f)} figures, {len(freq)} distinct readings" in page
    text = dict(zip(_rows("mentions", out)["mention_id"], _rows("mentions", out)["text"], strict=True))
    assert body[0][4].split(" | ")[0] in {text[i] for i in f["mention_id"]}


def test_report_people_and_errors_come_from_their_tables(reader: MarkReader, page: str, out: Path) -> None:
    d = _rows("people", out)
    head, *body = reader.tables["people"]
    assert head == ["name", "delegate body", "titles", "affiliations", "document"]
    assert sorted((r[0], r[1]) for r in body) == sorted((n, b or "") for n, b in zip(d["name"], d["delegate_body"],
                                                                                      strict=True))
    delegates = [r for r in body if r[1]]
    assert body[:len(delegates)] == delegates  # delegates first
    assert 0 < len(delegates) < len(body)
    assert f"{len(d)} people, {len(delegates)} of them delegates." in page
    e = _rows("errors", out)
    head, *body = reader.tables["errors"]
    assert [r[0] for r in body] == sorted(e["level"], key=lambda lv: lv != "error")
    assert {r[3] for r in body} == set(e["source"])


def test_report_summary_shows_the_runs_row(reader: MarkReader, page: str, out: Path) -> None:
    run = _rows("runs", out).iloc[0]
    summary = page[page.index('id="summary"'):page.index('id="counts"')]
    for label, col in (("Inputs", "n_inputs"), ("Documents", "n_documents"), ("Errors", "n_errors"),
                       ("Mentions", "n_mentions")):
        assert f"<dt>{label}</dt><dd>{int(run[col]):,}</dd>" in summary
    assert f"<dd>{run['wall_seconds']:.2f}</dd>" in summary
    stage_names = ("clean", "segment", "ner", "figures")
    stages = {r[0]: float(r[1]) for r in reader.tables["summary"] if r[0] in stage_names}
    assert stages == {"clean": 0.25, "segment": 3.5, "ner": 20.0, "figures": 0.75}


def test_report_of_an_older_run_shows_only_its_rows(out: Path, tmp_path: Path) -> None:
    page = write_report(out, tmp_path / "old.html", run_id=OLD_RUN).read_text(encoding="utf-8")
    reader = read_marks(page)
    assert [i for i in reader.ids if i.startswith("doc-")] == [doc_anchor("old0000000000001")]
    assert [m["text"] for m in reader.marks] == ["gold", "Shandong"]
    assert "No people in this run." in page and "No errors or warnings in this run." in page


def test_report_cap_keeps_the_page_small_and_says_so(out: Path, tmp_path: Path, page: str) -> None:
    small = write_report(out, tmp_path / "small.html", max_doc_chars=1000).read_text(encoding="utf-8")
    reader = read_marks(small)
    docs = _rows("documents", out)
    longer = (docs["text"].str.len() > 1000).sum()
    assert small.count("Text cut at 1,000 of") == longer > 0
    assert all(len(t) <= 1000 for t in reader.doc_texts.values())
    assert all(m["start"] + len(m["text"]) <= 1000 for m in reader.marks)
    assert len(small) < len(page) / 2
    one = write_report(out, tmp_path / "one.html", max_docs=1).read_text(encoding="utf-8")
    assert f"Showing 1 of {len(docs)} documents." in one


def test_report_unfinished_run_and_missing_runs_are_reported(out: Path, tmp_path: Path) -> None:
    late = "20260302t020000dead"
    write_batch(tmp_path / "o", late, "2026-03-02", 0, {"documents": [{
        "run_id": late, "doc_id": "late000000000001", "source": "late.txt", "content_sha": "x",
        "fingerprint": "fp", "encoding": "utf_8", "lang": "en", "raw_chars": 4, "n_chars": 4, "n_sentences": 1,
        "n_mentions": 0, "text": "late"}]})
    page = write_report(tmp_path / "o", tmp_path / "late.html").read_text(encoding="utf-8")
    assert "unfinished: the run wrote no runs row" in page and late in page
    with pytest.raises(ReportError, match="not found"):
        write_report(out, tmp_path / "x.html", run_id="19990101t000000aaaa")
    with pytest.raises(ReportError, match="holds no runs"):
        write_report(tmp_path / "empty", tmp_path / "y.html")
    assert not (tmp_path / "x.html").exists() and not list(tmp_path.glob(".tmp-*"))


def test_report_default_run_is_the_newest_started(out: Path, page: str) -> None:
    runs = _rows("runs", out, NEW_RUN)
    assert len(runs) == 1 and len(_rows("runs", out, OLD_RUN)) == 1
    assert f"<h1>Run report {NEW_RUN}</h1>" in page and f"<strong>{NEW_RUN}</strong>" in page
