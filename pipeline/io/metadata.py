"""Article metadata: URL, title and publication date from a JSON-lines record or a Markdown front matter.

Why its own module: ingest keeps what the input says about an article (where it was published,
under which title, on which day) as typed columns of ``documents``, so questions over time can be
asked. Pure functions: no files are read here. Field names are configurable
(``ingest.metadata_fields``): each is a list of candidate names, the first non-empty one wins.
Dates are read as written (no time-zone shift); a text that is not a whole calendar date (a year,
a month, "yesterday") keeps ``published`` null and its text in ``published_text``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_text: str | None = None

    def is_empty(self) -> bool:
        return self.url is None and self.title is None and self.published_text is None

    def key(self) -> str:
        """A stable text of the metadata, hashed into the content id with the text."""
        return f"url={self.url or ''}\ntitle={self.title or ''}\npublished={self.published_text or ''}"


# ---------------------------------------------------------------- dates

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PATTERNS = (
    # 2026-03-05, 2026/3/5, 2026.03.05, 2026-03-05T08:00:00+08:00
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    # 2026年3月5日, 2026 年 03 月 05 号
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    # March 5, 2026 / Mar. 5th 2026
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE),
    # 5 March 2026 / Thu, 05 Mar 2026 08:00:00 +0800
    re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)",
               re.IGNORECASE),
    # 20260305 (the whole text only: eight digits elsewhere are not a date)
    re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$"),
)
_ZH_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}


def _zh_small(text: str) -> str | None:
    """A Chinese month or day numeral (三, 十二, 二十五, 三十一) as digits."""
    if not text:
        return None
    if "十" not in text:
        return _ZH_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _ZH_DIGITS.get(tens, None) if tens else "1"
    o = _ZH_DIGITS.get(ones, None) if ones else "0"
    return None if t is None or o is None else str(int(t) * 10 + int(o))


_ZH_NUMERAL_DATE = re.compile(r"(?P<y>[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*"
                              r"(?P<d>[一二三四五六七八九十]{1,3})\s*[日号]")


def parse_date(text: Any) -> dt.date | None:
    """The first whole calendar date written in ``text``, or None.

    >>> parse_date("2026-03-05"), parse_date("2026年3月5日")
    (datetime.date(2026, 3, 5), datetime.date(2026, 3, 5))
    >>> parse_date("发布时间：２０２６年０３月０５日 10:20"), parse_date("二〇二六年三月五日")
    (datetime.date(2026, 3, 5), datetime.date(2026, 3, 5))
    >>> parse_date("Thu, 5 Mar 2026 08:00:00 +0800"), parse_date("March 5th, 2026")
    (datetime.date(2026, 3, 5), datetime.date(2026, 3, 5))
    >>> parse_date("2026-02-30"), parse_date("2026年3月"), parse_date("yesterday")
    (None, None, None)
    """
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    norm = unicodedata.normalize("NFKC", text)
    for pattern in _PATTERNS:
        m = pattern.search(norm)
        if m:
            month = _MONTHS[m["mon"].lower().rstrip(".")] if "mon" in m.groupdict() else int(m["m"])
            return _date(int(m["y"]), month, int(m["d"]))
    m = _ZH_NUMERAL_DATE.search(norm)
    if m:
        year = "".join(_ZH_DIGITS[c] for c in m["y"])
        zh_month, zh_day = _zh_small(m["m"]), _zh_small(m["d"])
        if zh_month and zh_day:
            return _date(int(year), int(zh_month), int(zh_day))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- fields


def _text(value: Any) -> str | None:
    """A metadata value as text: strings stripped, dates in ISO form, numbers as written; empty -> None."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _first(record: Mapping[str, Any], names: Sequence[str]) -> Any:
    for name in names:
        value = record.get(name)
        if _text(value) is not None:
            return value
    return None


def from_fields(record: Mapping[str, Any], url: Sequence[str], title: Sequence[str],
                published: Sequence[str]) -> ArticleMeta:
    """The metadata of one JSON-lines record or front matter, from the first non-empty field of each list.

    >>> m = from_fields({"link": "https://example.org/a", "headline": " Lithium ", "date": "2026年3月5日"},
    ...                 url=["url", "link"], title=["title", "headline"], published=["published", "date"])
    >>> m.url, m.title, m.published, m.published_text
    ('https://example.org/a', 'Lithium', datetime.date(2026, 3, 5), '2026年3月5日')
    """
    when = _first(record, published)
    return ArticleMeta(url=_text(_first(record, url)), title=_text(_first(record, title)),
                       published=parse_date(when), published_text=_text(when))


# ---------------------------------------------------------------- front matter

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                    re.DOTALL | re.MULTILINE)


class FrontMatterError(ValueError):
    """A front matter block that is not a YAML mapping."""


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter mapping, body) of a Markdown text; (None, text) when it has no front matter.

    The front matter is a YAML mapping between a first line ``---`` and a line ``---`` (or ``...``).
    Raises :class:`FrontMatterError` when that block is not a YAML mapping.

    >>> split_front_matter("---\\ntitle: 锂价\\ndate: 2026-03-05\\n---\\n正文。\\n")
    ({'title': '锂价', 'date': datetime.date(2026, 3, 5)}, '正文。\\n')
    >>> split_front_matter("No front matter.\\n---\\n")
    (None, 'No front matter.\\n---\\n')
    """
    m = _FENCE.match(text)
    if not m:
        return None, text
    try:
        data = yaml.safe_load(m["yaml"])
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping")
    return {str(k): v for k, v in data.items()}, text[m.end():]
