"""Build ``data/name_chars_zh.json``: how often a character opens or fills a Chinese personal name.

Why: a run-on list of names with no separators (李明王芳赵建国… in an appointment or delegate list) is cut
into names by comparing, for each possible cut, how name-like the characters are against how common they
are in running text (``pipeline/ner/name_lists_zh.py``). The counts come from the PERSON spans of the MSRA
NER training split (research use; never the dev or test sets): distinct Han names (a surname from
``surnames_zh.txt`` + one or two given characters) give the surname and given-character counts; all
characters of the split's text give the background counts (kept only for characters that occur in names).

Usage: ``python -m pipeline.tools.gazetteer.build_name_chars [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pipeline.ner.lexicon import surnames_zh
from pipeline.text.scripts import is_han
from pipeline.tools.gazetteer.build_transliteration_chars import SOURCE, is_han_name
from pipeline.tools.training.ner_zh_data import read_char_tagged

DATA = Path(__file__).resolve().parents[2] / "ner" / "data"


def split_name(name: str, surnames: frozenset[str]) -> tuple[str, str] | None:
    """(surname, given) of a Han name, the compound surname first (欧阳 before 欧)."""
    for k in (2, 1):
        if name[:k] in surnames and 1 <= len(name) - k <= 2 and all(is_han(c) for c in name):
            return name[:k], name[k:]
    return None


def count(sentences: list[tuple[str, list[tuple[int, int, str]]]], surnames: frozenset[str]) -> dict[str, object]:
    """Surname, given-character, given-length and background counts (see the module docstring)."""
    names = {text[s:e] for text, spans in sentences for s, e, label in spans if label == "PERSON"}
    parts = [p for n in sorted(names) if is_han_name(n, surnames) and (p := split_name(n, surnames))]
    surname = Counter(s for s, _ in parts)
    given = Counter(c for _, g in parts for c in g)
    lengths = Counter(str(len(g)) for _, g in parts)
    background = Counter(c for text, _ in sentences for c in text if is_han(c))
    keep = set(given) | {c for s in surname for c in s}
    return {"names": len(parts), "surname": dict(surname.most_common()), "given": dict(given.most_common()),
            "given_length": dict(lengths), "background_total": sum(background.values()),
            "background": {c: background[c] for c in sorted(keep)}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = ap.parse_args(argv)
    sentences = list(read_char_tagged(args.data / SOURCE, "\t"))
    out = {"_why": "Surname / given-character / background counts for cutting run-on name lists "
                   "(see tools/gazetteer/build_name_chars.py).",
           "source": f"PERSON spans and text of {SOURCE} (MSRA NER, research use)", **count(sentences, surnames_zh())}
    (DATA / "name_chars_zh.json").write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out['names']} distinct Han names, {len(out['given'])} given-name characters")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
