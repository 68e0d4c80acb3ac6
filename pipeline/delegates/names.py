"""One key per person across documents and scripts: 沈政昌 and "Shen Zhengchang" -> "shen zhengchang".

Why: delegates are joined across Chinese and English documents, so a Chinese name
is romanised (pypinyin, with the surname's own reading from surnames.py where
pypinyin's default is the common-word one: 曾 zeng, not ceng) and a
Latin name is folded (case, accents, hyphens, apostrophes) to the same shape:
surname, a space, the given name as one word. ü is written u (吕 -> lu), as in the
usual English spelling.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from pipeline.delegates.surnames import surnames
from pipeline.text.scripts import HAN_RE, has_han

_NAME_DOTS = re.compile(r"[·•‧・．.]")
_LATIN_JOINERS = re.compile(r"['\u2018\u2019\u02bc`\-\u2010\u2011]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Latin spellings of ü-surnames folded like the pinyin side (Lyu/Lv/Lü -> lu).
_U_SURNAMES = {"lyu": "lu", "lv": "lu", "nyu": "nu", "nv": "nu"}


def _ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _romanise(chars: str) -> str:
    syllables = lazy_pinyin(chars, style=Style.NORMAL, v_to_u=True, errors="ignore")
    return _NON_ALNUM.sub("", _ascii_fold("".join(syllables)).lower())


def _chinese_key(name: str) -> str:
    """Surname then given name; a name written with a middle dot keeps one word per part."""
    parts = [p for p in _NAME_DOTS.split(name) if p.strip()]
    if len(parts) > 1:
        return " ".join(r for r in (_romanise(p) for p in parts) if r)
    han = "".join(HAN_RE.findall(name))
    if not han:
        return ""
    table = surnames()
    head = table.at_start(han) or han[0]
    surname, given = table.readings.get(head) or _romanise(head), han[len(head):]
    return " ".join(part for part in (surname, _romanise(given)) if part)  # a character pypinyin cannot read drops


def _latin_key(name: str) -> str:
    s = _LATIN_JOINERS.sub("", _ascii_fold(name).lower())
    tokens = _NON_ALNUM.sub(" ", s).split()
    if tokens:
        tokens[0] = _U_SURNAMES.get(tokens[0], tokens[0])
    return " ".join(tokens)


def name_key(name: str) -> str:
    """Lower-case ASCII key of a person name: 欧阳华 -> "ouyang hua", "Erken Tuniyaz" -> "erken tuniyaz"."""
    if has_han(name):
        return _chinese_key(name)
    return _latin_key(name)
