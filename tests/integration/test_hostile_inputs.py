"""Hostile inputs, config mistakes and a compact during a run: each becomes a document, an errors row, or
a one-line error with the documented exit code (never a traceback, never a silently missing input)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from pipeline import load_table
from tests.conftest import ROOT
from tests.integration.nightly_helpers import SMOKE, cli, corpus, popen, summary

pytestmark = pytest.mark.slow


def _errors(out: Path) -> dict[str, str]:
    errors = load_table("errors", out)
    return {Path(s).name: str(t) for s, t in zip(errors["source"], errors["error_type"], strict=True)}


def test_hostile_files_each_end_as_a_row(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 1)
    (folder / "records.jsonl").write_text('{"id": "a", "text": "Lithium \\ud800 output rose 5%."}\n'
                                          '{"id": "b", "text": "Copper rose 2% in May."}\n', encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9-report.txt")).write_text("Nickel output fell 4% in March.", encoding="utf-8")
    (folder / "blank.txt").write_text("\u3000\u00a0\ufeff \n\u3000", encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "again").symlink_to(folder)  # a folder that contains itself
    out = tmp_path / "out"
    done = cli("run", "--input", str(folder), "--dataset", str(out), "--config", SMOKE)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    docs = load_table("documents", out)
    sources = {Path(s).name for s in docs["source"]}
    assert {"records.jsonl#a", "records.jsonl#b", "caf\\xe9-report.txt"} <= sources
    assert "\ufffd" in docs.loc[docs["source"].str.endswith("#a"), "text"].item()
    errors = _errors(out)
    assert errors["blank.txt"] == "EmptyInput"
    assert errors["dangling.txt"] == "DanglingSymlink"
    assert errors["loop.txt"] == "SymlinkLoop"
    assert errors["again"] == "SymlinkLoop"
    assert errors["records.jsonl#a"] == "LoneSurrogates"
    assert summary(done)["documents"] == 4


def test_hostile_unreadable_folder_is_an_errors_row(tmp_path: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="unreadable-"))
    try:
        base.chmod(0o777)
        folder = corpus(base / "in", 1)
        (folder / "locked").mkdir()
        (folder / "locked" / "inside.txt").write_text("Zinc output rose 1%.", encoding="utf-8")
        (folder / "locked").chmod(0)
        for path in [base / "in", *folder.iterdir()]:
            if path.name != "locked":
                path.chmod(0o777 if path.is_dir() else 0o666)
        out = base / "out"
        # Root reads every folder; drop that power (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) for the run.
        as_user = {"preexec_fn": _without_root_read_override} if os.geteuid() == 0 else {}
        proc = popen("run", "--input", str(folder), "--dataset", str(out), "--config", SMOKE, **as_user)
        _stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        assert _errors(out)["locked"] == "UnreadableFolder"
    finally:
        (base / "in" / "locked").chmod(0o755)
        shutil.rmtree(base)


def _without_root_read_override() -> None:
    """In the child before exec: drop the capabilities that let root ignore file permissions."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.mark.parametrize(("args", "config_bytes", "says"), [
    (["--set", "run.batch_docs=[1, 2"], None, "not valid YAML"),
    ([], "# Grüße\nrun:\n  batch_docs: 4\n".encode("latin-1"), "not UTF-8"),
    (["--set", "clean.chrome_patterns=['(unclosed']"], None, "not a valid regular expression"),
    (["--set", "ingest.encodings=[utf_8, no-such-codec]"], None, "unknown encoding 'no-such-codec'"),
])
def test_hostile_config_mistakes_are_one_line_exit_2(tmp_path: Path, args: list[str], config_bytes: bytes | None,
                                                     says: str) -> None:
    config = SMOKE
    if config_bytes is not None:
        (tmp_path / "bad.yaml").write_bytes(config_bytes)
        config = str(tmp_path / "bad.yaml")
    done = cli("run", "--input", str(ROOT / "seeds"), "--dataset", str(tmp_path / "out"), "--config", config, *args)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and says in done.stderr, done.stderr
    assert not (tmp_path / "out" / "documents").exists()


def test_hostile_compact_during_a_run_says_locked(tmp_path: Path) -> None:
    files = corpus(tmp_path / "corpus", 30)
    out = tmp_path / "out"
    proc = popen("run", "--input", str(files), "--dataset", str(out), "--config", SMOKE, "--executor", "serial",
                 "--set", "run.batch_docs=1")
    deadline = time.time() + 120
    while time.time() < deadline and not (out / ".lock").exists():
        time.sleep(0.02)
    compact = cli("compact", "--dataset", str(out))
    proc.communicate(timeout=600)
    assert proc.returncode == 0
    assert compact.returncode == 5 and "locked" in compact.stderr, compact.stderr
