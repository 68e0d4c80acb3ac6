"""Group the person mentions of one document into persons.

Why: a delegate record is per person, and later short mentions ("Yan" after
"Yan Hongwei") inherit what the full mention said. Mentions are grouped by their
normalised surface; a one-word Latin mention joins the only longer name that
starts or ends with that word, and so does a transliterated part written alone
(巴斯克斯 after 帕特里西奥·巴斯克斯: the name dot marks where the parts are).
Chinese short forms of Han names are not merged (刘俊 and 刘俊来 are two people in
the seed news), nor are scripts (沈政昌 and "Shen Zhengchang" are listed as written).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from pipeline.records import Mention
from pipeline.text.scripts import HAN_SPACE_RE, NAME_DOTS, has_han

_SPACES = re.compile(r"\s+")
_APOS = re.compile(r"[\u2018\u2019\u02bc`]")
_DOTS = re.compile(f"[{NAME_DOTS}\u30fb]")  # NFKC leaves the name dots as they are; ・ is the Japanese one


def surface_key(surface: str) -> str:
    """Case-, width- and space-insensitive form of a name as written."""
    s = unicodedata.normalize("NFKC", surface).casefold()
    s = _APOS.sub("'", s)
    s = HAN_SPACE_RE.sub("", s)
    return _SPACES.sub(" ", s).strip(" .,;:()\"'")


def group_persons(persons: Sequence[Mention]) -> list[list[Mention]]:
    """Persons as lists of mentions, in order of first mention."""
    groups: dict[str, list[Mention]] = {}
    for m in sorted(persons, key=lambda m: (m.start, m.end)):
        groups.setdefault(surface_key(m.text), []).append(m)
    spaced = {k: k.split() for k in groups if " " in k}
    _join_short(groups, [k for k in groups if k and " " not in k and k.isascii() and k.isalpha()], spaced)
    dotted = {k: _DOTS.split(k) for k in groups if _DOTS.search(k)}
    _join_short(groups, [k for k in groups if k and has_han(k) and not _DOTS.search(k)], dotted)
    out = [sorted(ms, key=lambda m: (m.start, m.end)) for ms in groups.values()]
    return sorted(out, key=lambda ms: (ms[0].start, ms[0].end))


def _join_short(groups: dict[str, list[Mention]], short: list[str], full: dict[str, list[str]]) -> None:
    """Move each short key's mentions to the only full name (key -> its parts) that starts or ends with it."""
    for key in short:
        owners = [k for k, parts in full.items() if key in (parts[0], parts[-1])]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))


def full_name(group: Sequence[Mention]) -> str:
    """The longest form as written (the first one on ties)."""
    best = group[0].text
    for m in group[1:]:
        if len(m.text.strip()) > len(best.strip()):
            best = m.text
    return best.strip()


def alias_pairs(text: str, persons: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """Names given in two scripts, one in brackets after the other: "Tang Jianbo (唐建波)", "唐建波（Tang Jianbo）".

    Each form stays its own person (the gold lists both), but they are one person: the rules' facts about
    either hold for both.
    """
    ordered = sorted(persons, key=lambda m: (m.start, m.end))
    out: list[tuple[Mention, Mention]] = []
    for a, b in pairwise(ordered):
        between, after = text[a.end : b.start].strip(" "), text[b.end : b.end + 1]
        if between in ("(", "（") and after in (")", "）") and has_han(a.text) != has_han(b.text):
            out.append((a, b))
    return out
