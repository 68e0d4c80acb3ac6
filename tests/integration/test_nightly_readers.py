"""Every reader the README names (load_table, pandas, pyarrow.dataset, DuckDB) sees exactly the current rows
after runs, --full reruns, changed files, a SIGKILLed run and compaction."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import load_table
from tests.integration.nightly_helpers import SMOKE, agreed, cli, corpus, popen, summary

pytestmark = pytest.mark.slow


def test_readers_agree_through_reruns_changes_crash_and_compaction(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    first = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert first.returncode == 0, first.stderr
    assert agreed(out, "documents") == 6
    mentions = agreed(out, "mentions")
    assert mentions > 0

    # --full reprocesses everything: rows are replaced, not added (was: every row twice).
    full = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE, "--full")
    assert full.returncode == 0 and summary(full)["documents"] == 6, full.stderr
    assert agreed(out, "documents") == 6 and agreed(out, "mentions") == mentions

    # A changed file replaces its old rows (was: old and new versions side by side).
    changed = sorted(files.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nLithium output rose 12% in 2025.\n",
                       encoding="utf-8")
    again = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert again.returncode == 0 and summary(again)["documents"] == 1 and summary(again)["skipped"] == 5
    docs = load_table("documents", out)
    assert agreed(out, "documents") == 6 and docs["source"].is_unique
    assert "Lithium output rose" in docs.loc[docs["source"] == str(changed), "text"].item()
    assert set(load_table("mentions", out)["doc_id"]) <= set(docs["doc_id"])

    # Compaction keeps exactly the same rows for every reader.
    before = {name: agreed(out, name) for name in ("documents", "mentions", "sentences", "runs")}
    compacted = cli("compact", "--dataset", str(out))
    assert compacted.returncode == 0, compacted.stderr
    assert {name: agreed(out, name) for name in before} == before
    # Readers never meet hidden or temporary files: only the current parts are under a table folder.
    listed = duckdb.sql(f"SELECT count(*) FROM glob('{out}/mentions/**')").fetchall()[0][0]
    assert listed == len(list((out / "mentions").glob("run_date=*/part-*.parquet")))


def test_readers_never_see_a_killed_runs_uncommitted_rows(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 24)
    out = tmp_path / "out"
    proc = popen("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE,
                 "--set", "run.batch_docs=1", "--executor", "serial")
    deadline = time.time() + 300
    while time.time() < deadline and not ((out / "documents").exists() and len(load_table("documents", out)) >= 4):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    partial = agreed(out, "documents")
    assert 4 <= partial < 24, "the kill should land mid-run"
    assert set(pd.read_parquet(out / "mentions")["doc_id"]) <= set(pd.read_parquet(out / "documents")["doc_id"])
    done = cli("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE)
    assert done.returncode == 0, done.stderr
    assert summary(done)["skipped"] == partial and summary(done)["documents"] == 24 - partial
    assert agreed(out, "documents") == 24
    mentions = load_table("mentions", out)
    assert mentions["mention_id"].is_unique and agreed(out, "mentions") == len(mentions)


def test_readers_changed_jsonl_file_replaces_its_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    feed = folder / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Copper output rose 4% in May."}\n'
                    '{"id": "b", "text": "Nickel prices fell 2% on Friday."}\n'
                    '{"id": "c", "text": "Zinc stocks rose 6% in June."}\n'
                    '{"id": "d", "te\n', encoding="utf-8")
    out = tmp_path / "out"
    assert cli("run", "--input", str(folder), "--dataset", str(out), "--config", SMOKE).returncode == 0
    assert agreed(out, "documents") == 3 and agreed(out, "errors") == 1
    # Next version of the feed: a kept, b changed, c removed, the broken line fixed as d.
    feed.write_text('{"id": "a", "text": "Copper output rose 4% in May."}\n'
                    '{"id": "b", "text": "Nickel prices fell 3% on Friday."}\n'
                    '{"id": "d", "text": "Tin exports rose 1% in July."}\n', encoding="utf-8")
    done = cli("run", "--input", str(folder), "--dataset", str(out), "--config", SMOKE)
    assert done.returncode == 0 and summary(done)["documents"] == 2 and summary(done)["skipped"] == 1, done.stderr
    docs = load_table("documents", out)
    assert sorted(s.rsplit("#", 1)[1] for s in docs["source"]) == ["a", "b", "d"]
    assert "3%" in docs.loc[docs["source"].str.endswith("#b"), "text"].item()
    assert agreed(out, "documents") == 3 and agreed(out, "errors") == 0
    assert set(pd.read_parquet(out / "mentions")["doc_id"]) <= set(docs["doc_id"])
