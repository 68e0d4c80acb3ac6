"""Traditional Chinese characters read as their simplified forms, one code point for one.

Why: the Chinese model, the name lists and the rules were all built on simplified text (MSRA, People's Daily,
the SIGHAN lists), but news quotes traditional forms too (習近平 in an English story from Hong Kong, a
Taiwanese company's name). The recognizer reads a folded copy of the text; every mention keeps the
original surface. Only one-for-one mappings are used, so an offset into the folded text is an offset into
the original; and a character that is also a simplified character in use (乾 of 乾隆, 著) is kept as it is.
The table is OpenCC's ``TSCharacters.txt`` (Apache-2.0), as shipped by ``opencc-python-reimplemented``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    text = (files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        forms = values.split()
        if len(key) == 1 and forms and key not in forms and len(forms[0]) == 1:
            table[ord(key)] = forms[0]
    return table


def to_simplified(text: str) -> str:
    """``text`` with its traditional-only characters in simplified form; the same length, offset for offset."""
    return text.translate(_table())
