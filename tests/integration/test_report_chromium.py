"""The run report as a browser sees it: headless Chromium parses the page and draws it.

Why a real browser: the unit tests read the page with Python's HTML parser; this
checks that Chromium builds the same tree (sections, one <mark> per rendered
mention, nesting kept) and that the page draws to a non-blank picture.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from pipeline.io.catalog import load_table
from pipeline.tools.report import write_report
from tests.unit.test_report_fixture import NEW_RUN, build_output, read_marks

pytestmark = pytest.mark.slow

SECTION_IDS = ("summary", "counts", "minerals", "figures", "people", "errors", "documents")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("chromium is not on PATH: run `make test-deps` (installs the Debian package chromium)")


def run_chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = build_output(tmp_path_factory.mktemp("chromium_out"))
    page = tmp_path_factory.mktemp("chromium_html") / "report.html"
    return out, write_report(out, page, max_doc_chars=8000)


def not_marked(dom: str) -> int:
    """Mentions the page says it left unmarked: listed overlaps plus the counts in the cut notes."""
    listed = sum(block.count("<li>") for block in re.findall(r'<ul class="unplaced">(.*?)</ul>', dom, re.S))
    cut = sum(int(n) for n in re.findall(r"characters; (\d+) mentions after the cut are not shown", dom))
    return listed + cut


def test_report_chromium_dom_has_sections_and_one_mark_per_rendered_mention(
        report: tuple[Path, Path], tmp_path: Path) -> None:
    out, page = report
    done = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    for sid in SECTION_IDS:
        assert len(re.findall(rf'<section id="{sid}"', dom)) == 1, sid
    marks = dom.count("<mark ")
    assert marks == dom.count("</mark>") == read_marks(page.read_text(encoding="utf-8")).tags["mark"]
    mentions = load_table("mentions", out, latest=False)
    assert marks == len(mentions[mentions["run_id"] == NEW_RUN]) - not_marked(dom)
    assert marks > 0 and "after the cut are not shown" in dom
    nested = re.findall(r'<mark class="ent ent-ORG"[^>]*>[^<]*<mark class="ent ent-LOC"', dom)
    assert nested, "Chromium must keep a LOC mark nested inside an ORG mark"
    assert "<script>alert" not in dom and "&lt;script&gt;alert" in dom


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _png_varied(data: bytes) -> bool:
    """True when the image data takes many byte values (a blank page's takes a handful)."""
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    return len(set(raw)) > 64


def test_report_chromium_draws_a_readable_screenshot(report: tuple[Path, Path], tmp_path: Path) -> None:
    _, page = report
    shot = tmp_path / "report.png"
    done = run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert _png_size(data) == (1280, 2400)
    assert len(data) > 50_000, "a blank or near-blank page compresses to a few kilobytes"
    assert _png_varied(data)
