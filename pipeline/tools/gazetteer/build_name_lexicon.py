"""Build ``data/pinyin_names.json``: pinyin syllables and the pinyin forms of Chinese surnames.

Why: English news writes Chinese names in pinyin ("Yan Hongwei", "Ouyang Hua"); a surname from the list
followed by a given name made of valid syllables is a person even where the statistical model misses it.
Both lists come from ``pypinyin``'s character table (MIT) and ``data/surnames_zh.txt``, read once here so
run time needs no pypinyin.

Usage: ``python -m pipeline.tools.gazetteer.build_name_lexicon``.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "ner" / "data"


def _normal(tone_marked: str) -> str:
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(tone_marked).replace("ü", "v")


def syllables() -> list[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    out: set[str] = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            s = _normal(r)
            if s.isascii() and s.isalpha():
                out.add(s)
                if "v" in s:
                    out.add(s.replace("v", "u"))
    return sorted(out)


def surnames() -> dict[str, list[str]]:
    from pypinyin import Style, pinyin

    out: dict[str, set[str]] = {}
    for line in (DATA / "surnames_zh.txt").read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        readings = pinyin(name, style=Style.NORMAL, heteronym=len(name) == 1)
        forms = readings[0] if len(name) == 1 else ["".join(r[0] for r in readings)]
        for f in forms:
            f = f.replace("ü", "v")
            for variant in {f, f.replace("v", "u")}:
                out.setdefault(variant, set()).add(name)
    return {k: sorted(v) for k, v in sorted(out.items())}


def main() -> None:
    data = {"source": "pypinyin 0.55 character table; surnames from data/surnames_zh.txt",
            "syllables": syllables(), "surnames": surnames()}
    path = DATA / "pinyin_names.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(data['syllables'])} syllables, {len(data['surnames'])} surname forms to {path}")


if __name__ == "__main__":
    main()
