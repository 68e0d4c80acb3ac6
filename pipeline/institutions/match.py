"""Name normalisation and lookup: which institution key, if any, a name stands for.

Why pure and exact: a key is a claim that two names denote one institution; a fuzzy match would
merge a ministry with its provincial department. So names are compared after a normalisation that
only removes differences of writing (case, accents, punctuation, spacing, abbreviations, spelling,
legal forms), never words that change the referent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from pipeline.text.scripts import HAN

_ABBREVIATIONS = {"corp": "corporation", "ltd": "limited", "intl": "international", "int'l": "international",
                  "natl": "national", "dept": "department", "govt": "government", "assn": "association",
                  "univ": "university", "bros": "brothers", "mfg": "manufacturing"}
_SPELLING = {"aluminium": "aluminum", "centre": "center", "programme": "program", "defence": "defense",
             "labour": "labor"}
_PUNCT = re.compile(r"[.,;:!?\"“”„«»()\[\]{}（）【】《》〈〉「」『』·•・/\\\-–—_、，。：；！？]")
_HAN_SPACE = re.compile(f"(?<=[{HAN}])\\s+|\\s+(?=[{HAN}])")
_LEADING = ("the ", "china's ", "chinese government's ")
# Names that other names embed, read as their acronym ("Standing Committee of the National People's
# Congress" = "... of the NPC").
_FOLDS = (("chinese people's political consultative conference", "cppcc"), ("communist party of china", "cpc"),
          ("chinese communist party", "cpc"), ("national people's congress", "npc"))
_LEADING_ZH = ("中华人民共和国",)
_LEGAL_EN = re.compile(r"\s+(?:company\s+)?(?:limited|inc|incorporated|plc|llc|ag|sa|nv|se|spa|pte limited|"
                       r"pty limited|company)$")
_LEGAL_ZH = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$")


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def normalize(name: str) -> str:
    """A name as compared: differences of writing removed, words kept.

    >>> normalize("The Aluminium Corp. of China, Ltd.")
    'aluminum corporation of china limited'
    >>> normalize("中华人民共和国 自然资源部"), normalize("China’s Ministry of Commerce")
    ('自然资源部', 'ministry of commerce')
    >>> normalize("S&P Global"), normalize("Gécamines"), normalize("太原钢铁（集团）有限公司")
    ('s and p global', 'gecamines', '太原钢铁集团有限公司')
    >>> normalize("Standing Committee of the National People's Congress")
    'standing committee of the npc'
    """
    text = _fold_accents(unicodedata.normalize("NFKC", name)).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").replace("&", " and ")
    text = _PUNCT.sub(" ", text)
    words = text.split()
    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "co" and nxt in ("ltd", "limited"):
            w = "company"
        w = _ABBREVIATIONS.get(w, w)
        w = _SPELLING.get(w, w)
        if w.endswith("isation") or w.endswith("isations"):
            w = w.replace("isation", "ization")
        out.append(w)
    text = _HAN_SPACE.sub("", " ".join(out))
    for long, short in _FOLDS:
        text = text.replace(long, short)
    for prefix in _LEADING:
        if text.startswith(prefix):
            text = text[len(prefix):]
    for prefix in _LEADING_ZH:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
    return text.strip()


def strip_legal_form(norm: str) -> str:
    """A normalised name without a trailing legal form (Co., Ltd., Inc., plc, 股份有限公司, 有限公司).

    >>> strip_legal_form(normalize("Zijin Mining Group Co., Ltd.")), strip_legal_form("紫金矿业集团股份有限公司")
    ('zijin mining group', '紫金矿业集团')
    """
    stripped = _LEGAL_ZH.sub("", _LEGAL_EN.sub("", norm))
    return stripped if len(stripped) >= 2 else norm


class AmbiguousName(ValueError):
    """Names of two different institutions that normalise to the same form."""


class KeyIndex:
    """Normalised name -> institution key; built once, looked up per ORG mention."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        """``names``: key -> every name of that institution. Raises AmbiguousName on a shared form.

        A name with a legal form ("Ganfeng Lithium Group Co., Ltd.") also answers for its form without
        it ("Ganfeng Lithium Group"), unless that is another institution's name or two institutions'.
        """
        self._exact: dict[str, str] = {}
        clashes: list[str] = []
        bare: dict[str, set[str]] = {}
        for key, forms in names.items():
            for form in forms:
                norm = normalize(form)
                if len(norm) < 2:
                    clashes.append(f"{key}: name {form!r} is too short to be a key")
                    continue
                other = self._exact.setdefault(norm, key)
                if other != key:
                    clashes.append(f"{form!r} ({norm!r}) names both {other} and {key}")
                stripped = strip_legal_form(norm)
                if stripped != norm:
                    bare.setdefault(stripped, set()).add(key)
        if clashes:
            raise AmbiguousName("; ".join(clashes))
        self._bare = {form: next(iter(keys)) for form, keys in bare.items()
                      if len(keys) == 1 and form not in self._exact}

    def __len__(self) -> int:
        return len(self._exact) + len(self._bare)

    def key_for(self, name: str) -> str | None:
        """The key of the institution ``name`` names, or None.

        The exact normalised form is looked up first; only when it is unknown is a trailing legal
        form dropped, so "Aluminum Corporation of China Limited" (Chalco) and "Aluminum Corporation
        of China" (its parent Chinalco) keep their different keys.
        """
        norm = normalize(name)
        stripped = strip_legal_form(norm)
        for table in (self._exact, self._bare):
            for form in (norm, stripped):
                if form in table:
                    return table[form]
        return None
