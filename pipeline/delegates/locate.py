"""Find known names in a text as Mentions (longest first, no overlaps within a label).

Why: until NER runs, the relation logic is developed and tested on mentions made
from known names (the gold persons and organisations of the seeds, or the
persons of a golden case); this is that lookup, not a model of NER. Latin names
match only at word boundaries; Chinese names match anywhere, longest first, so
刘俊 is not found inside 刘俊来.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.records import Mention, mention_id


def _boundary_ok(text: str, start: int, end: int, name: str) -> bool:
    if not name[:1].isascii():
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


def locate(text: str, names: Iterable[str], label: str, doc_id: str = "doc", lang: str = "") -> list[Mention]:
    """Every occurrence of the given names, longest name first, without overlapping another found one."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for name in sorted({n for n in names if n and n.strip()}, key=lambda n: (-len(n), n)):
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if _boundary_ok(text, pos, end, name) and all(end <= a or pos >= b for a, b in taken):
                taken.append((pos, end))
                found.append(
                    Mention(
                        start=pos,
                        end=end,
                        text=name,
                        label=label,
                        source="lexicon",
                        lang=lang,
                        mention_id=mention_id(doc_id, pos, end, label),
                    )
                )
            pos = text.find(name, pos + 1)
    return sorted(found, key=lambda m: (m.start, m.end))
