"""pipeline.extract as a notebook user meets it: the README session in a subprocess, the doctest, and
the same tables and dtypes as a run written to disk and read back with load_table."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
import pipeline.api as api
from pipeline.io.schemas import TABLES
from pipeline.run.runner import execute
from tests.conftest import ROOT
from tests.invariants import check_output

pytestmark = [pytest.mark.slow, pytest.mark.models]

TEXTS = pd.Series({"zh-a": "国家发改委与中国五矿集团有限公司在长沙签约，投资约4.2亿元建设锑冶炼项目。",
                   "en-b": "BHP and the Ministry of Natural Resources discussed iron ore output of 12 million "
                           "tonnes in Perth.",
                   "empty": "   "})


def _readme_session() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In a notebook"):]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)  # type: ignore[union-attr]


def test_api_readme_notebook_session_runs_from_another_folder(tmp_path: Path) -> None:
    """The README's session, unchanged, in a fresh interpreter whose working folder is not the checkout."""
    epilogue = """
import json
print(json.dumps({
    "tables": sorted(tables),
    "keys": {k: sorted(map(str, v)) for k, v in m.groupby("institution_key", observed=True)["text"]},
    "people": tables["people"][["name", "delegate_body"]].astype(str).values.tolist(),
    "lithium": view[view["minerals"].map(lambda ms: "lithium" in ms)][["external_id", "unit_norm"]]
               .astype(str).values.tolist(),
    "html": "<mark" in pipeline.show(tables, "cn-001")._repr_html_(),
}, ensure_ascii=False))
"""
    script = tmp_path / "session.py"
    script.write_text(_readme_session() + epilogue, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["tables"] == ["documents", "errors", "figures", "mentions", "people", "sentences", "tokens"]
    assert out["keys"]["npc"] == ["NPC", "全国人大"]
    assert out["keys"]["mnr"] == ["Ministry of Natural Resources", "自然资源部"]
    assert out["people"] == [["李明远", "NPC"]]
    assert out["lithium"] == [["cn-001", "kg"], ["en-001", "ratio"], ["en-001", "kg"]]
    assert out["html"] is True
    assert not list(tmp_path.glob("outputs*")), "extract must not write files"


def test_api_module_doctest() -> None:
    result = doctest.testmod(api)
    assert result.attempted >= 8 and result.failed == 0


@pytest.fixture(scope="module")
def extracted() -> dict[str, pd.DataFrame]:
    return pipeline.extract(TEXTS)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same texts through a real run (files in, Parquet out), in this process."""
    folder = tmp_path_factory.mktemp("api_inputs")
    for ext_id, text in TEXTS.items():
        (folder / f"{ext_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("api_run")
    execute([folder], out, api.resolve_config(None).model_copy(
        update={"run": api.resolve_config(None).run.model_copy(update={"executor": "serial"})}))
    return out


def test_api_extract_gives_the_tables_and_dtypes_load_table_gives(extracted: dict[str, pd.DataFrame],
                                                                  written: Path) -> None:
    check_output(written)
    for name, frame in extracted.items():
        loaded = pipeline.load_table(name, written)
        assert list(frame.columns) == [*TABLES[name].names, "run_date"], name
        assert frame.dtypes.astype(str).to_dict() == loaded.dtypes.astype(str).to_dict(), name
    def rows(frame: pd.DataFrame, cols: list[str]) -> list[list[str]]:
        return sorted(frame[cols].astype(str).values.tolist())

    cols = ["doc_id", "start", "end", "text", "label", "mineral", "institution_key", "extractor", "lang"]
    assert rows(extracted["mentions"], cols) == rows(pipeline.load_table("mentions", written), cols)
    figures = ["mention_id", "value", "unit", "qualifier", "value_norm", "unit_norm"]
    assert rows(extracted["figures"], figures) == rows(pipeline.load_table("figures", written), figures)


def test_api_extract_keeps_ids_and_records_bad_inputs(extracted: dict[str, pd.DataFrame]) -> None:
    docs = extracted["documents"]
    assert docs["external_id"].tolist() == ["zh-a", "en-b"]
    assert docs["source"].tolist() == ["memory#zh-a", "memory#en-b"]
    assert set(docs["encoding"].astype(str)) == {"str"}
    errors = extracted["errors"]
    assert errors[["source", "error_type", "level"]].astype(str).values.tolist() == [
        ["memory#empty", "EmptyInput", "error"]]
    keys = extracted["mentions"].dropna(subset=["institution_key"])
    assert sorted(set(keys["institution_key"].astype(str))) == ["bhp", "china-minmetals", "mnr", "ndrc"]


def test_api_extract_repeats_and_ids(extracted: dict[str, pd.DataFrame]) -> None:
    again = pipeline.extract(["锂价下跌。", "锂价下跌。"], ids=["x", "y"])
    assert again["documents"]["external_id"].tolist() == ["x"]
    assert again["errors"][["error_type", "level"]].values.tolist() == [["DuplicateContent", "warning"]]
    with pytest.raises(ValueError, match="2 texts but 1 ids"):
        pipeline.extract(["a", "b"], ids=["only"])
    assert pipeline.extract([])["documents"].empty


def test_api_view_is_the_same_over_frames_and_over_an_output_folder(extracted: dict[str, pd.DataFrame],
                                                                     written: Path) -> None:
    over_frames = pipeline.load_view("figures_in_context", extracted)
    over_folder = pipeline.load_view("figures_in_context", written)
    cols = ["doc_id", "sentence", "text", "value", "unit", "minerals", "institution_keys", "places"]
    assert sorted(over_frames[cols].astype(str).values.tolist()) == \
        sorted(over_folder[cols].astype(str).values.tolist())
    row = over_frames[over_frames["unit"] == "CNY"].iloc[0]
    assert row["minerals"] == ["antimony"] and row["institution_keys"] == ["ndrc", "china-minmetals"]
    assert row["sentence"].startswith("国家发改委") and row["places"] == ["长沙"]


def test_api_show_marks_every_mention_of_the_document(extracted: dict[str, pd.DataFrame]) -> None:
    shown = pipeline.show(extracted, "en-b")
    mentions = extracted["mentions"]
    mine = mentions[mentions["doc_id"] == shown.doc_id]
    assert shown._repr_html_().count("<mark ") == len(mine) > 0
    assert 'title="bhp"' in shown.html and "<style>" in shown.html
    assert pipeline.show(extracted, 0).doc_id == extracted["documents"]["doc_id"].iloc[0]
    with pytest.raises(KeyError):
        pipeline.show(extracted, "no-such-doc")
