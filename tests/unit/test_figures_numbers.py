"""parse_number reads Arabic, Chinese and English numbers exactly; the package doctests are the spec."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import pipeline.figures.convert as convert
import pipeline.figures.extract as extract
import pipeline.figures.numbers as numbers
from pipeline.figures import decimal_text, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三千五百万", "35000000"),
        ("1.43万亿", "1430000000000"),
        ("1,234.5", "1234.5"),
        ("１２３４", "1234"),
        ("两", "2"),
        ("二〇二四", "2024"),
        ("一千零五", "1005"),
        ("一千零十八", "1018"),
        ("两千四百五", "2450"),
        ("十五", "15"),
        ("5000余万", "50000000"),
        ("十几", "10"),
        ("数十", "10"),
        ("几千万", "10000000"),
        ("二十几万", "200000"),
        ("四十九兆九千五百九十二億", "49959200000000"),
        ("负三十二", "-32"),
        ("三分之一", "0.3333333333333333333333333333"),
        ("5万4千6百", "54600"),
        ("twenty-two", "22"),
        ("two hundred and five", "205"),
        ("3 hundred and 21", "321"),
        ("two hundred point zero three", "200.03"),
        ("minus five point five", "-5.5"),
        ("1.5 million", "1500000"),
        ("1 234 567", "1234567"),
        ("1 3/5", "1.6"),
    ],
)
def test_figures_parse_number_reads(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "yuan", "万物", "L3", "七十百", "hello world"])
def test_figures_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_figures_parse_number_is_exact_not_float() -> None:
    v = parse_number("1.43万亿")
    assert isinstance(v, Decimal)
    assert decimal_text(v) == "1430000000000"
    assert decimal_text(parse_number("0.1")) == "0.1"


@pytest.mark.parametrize("module", [numbers, extract, convert])
def test_figures_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0
