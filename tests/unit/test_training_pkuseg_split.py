"""The train/dev/test split of the SIGHAN gold is deterministic, disjoint and content-keyed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tools.training.pkuseg_train import read_gold, split_lines
from tests.conftest import SHARED, require

ICWB = SHARED / "data" / "seg-zh" / "icwb2"
_WORD = st.text("中国矿业稀土锂铜金。，ab12", min_size=1, max_size=4)
_LINES = st.lists(st.lists(_WORD, min_size=1, max_size=5), max_size=60)


@settings(max_examples=100, deadline=None)
@given(_LINES, st.sampled_from(["pku", "msr"]))
def test_split_is_a_partition_and_repeatable(lines: list[list[str]], corpus: str) -> None:
    parts = split_lines(lines, corpus)
    assert sorted(i for idx in parts.values() for i in idx) == list(range(len(lines)))
    assert parts == split_lines([list(line) for line in lines], corpus)


@settings(max_examples=100, deadline=None)
@given(_LINES)
def test_identical_lines_land_in_the_same_part(lines: list[list[str]]) -> None:
    doubled = lines + lines
    parts = split_lines(doubled, "pku")
    where = {i: name for name, idx in parts.items() for i in idx}
    assert all(where[i] == where[i + len(lines)] for i in range(len(lines)))


def test_split_does_not_depend_on_line_order() -> None:
    lines = [[f"词{i}", "。"] for i in range(300)]
    parts = split_lines(lines, "msr")
    rev = split_lines(lines[::-1], "msr")
    n = len(lines)
    assert {name: sorted(n - 1 - i for i in idx) for name, idx in rev.items()} == parts


def test_seed_changes_the_split() -> None:
    lines = [[f"词{i}"] for i in range(300)]
    assert split_lines(lines, "pku", seed="a") != split_lines(lines, "pku", seed="b")


@pytest.mark.parametrize("corpus", ["pku", "msr"])
def test_real_gold_split_fractions(corpus: str) -> None:
    lines = read_gold(require(ICWB / f"{corpus}_test_gold.utf8"))
    parts = split_lines(lines, corpus)
    assert 0.12 < len(parts["test"]) / len(lines) < 0.18
    assert 0.03 < len(parts["dev"]) / len(lines) < 0.07
    test_text = {" ".join(lines[i]) for i in parts["test"]}
    assert not test_text & {" ".join(lines[i]) for i in parts["train"]}
    assert all("\r" not in w and w.strip() == w for line in lines for w in line)
