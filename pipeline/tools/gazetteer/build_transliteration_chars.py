"""Build ``data/transliteration_chars.json``: the characters Chinese news uses to transliterate foreign names.

Why: a person the Chinese model proposes without a Chinese surname must read as a transliteration (克林顿,
帕特里西奥); a common noun the model mistakes for a name (碳捕集, 风趣) uses characters that transliterations
do not. The set is mined from the PERSON spans of the MSRA NER training split (research use; never the dev
or test sets): spans of three or more characters that are not a Chinese surname + given name, keeping the
characters that occur in at least ``--min-names`` different such names.

Usage: ``python -m pipeline.tools.gazetteer.build_transliteration_chars [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from pipeline.ner.lexicon import surnames_zh
from pipeline.text.scripts import is_han
from pipeline.tools.training.ner_zh_data import read_char_tagged

DATA = Path(__file__).resolve().parents[2] / "ner" / "data"
SOURCE = "ner-zh/msra/msra_train_bio"


def is_han_name(name: str, surnames: frozenset[str]) -> bool:
    """Surname (one or two characters) + one or two given characters."""
    return any(name[:k] in surnames and 1 <= len(name) - k <= 2 for k in (1, 2))


def mine(names: set[str], surnames: frozenset[str], min_names: int) -> list[str]:
    """Han characters of transliterated names (3+ characters, not a Han name) found in ``min_names`` of them."""
    seen: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if len(name.replace("·", "")) >= 3 and ("·" in name or not is_han_name(name, surnames)):
            for ch in name.replace("·", ""):
                seen[ch].add(name)
    return sorted(ch for ch, used in seen.items() if len(used) >= min_names and is_han(ch))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--min-names", type=int, default=2)
    args = ap.parse_args(argv)
    names = {text[s:e] for text, spans in read_char_tagged(args.data / SOURCE, "\t")
             for s, e, label in spans if label == "PERSON"}
    chars = mine(names, surnames_zh(), args.min_names)
    out = {"_why": "Characters of transliterated foreign names (see tools/gazetteer/build_transliteration_chars.py).",
           "source": f"PERSON spans of {SOURCE} (MSRA NER, research use), characters in >= {args.min_names} "
                     "different transliterated names", "chars": "".join(chars)}
    (DATA / "transliteration_chars.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
    print(f"{len(chars)} characters from {len(names)} person names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
