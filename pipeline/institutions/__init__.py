"""Institution keys: one key per institution for every name of it, in Chinese and English (see README.md).

Public API::

    load_index().key_for("全国人大") -> "npc"     # also "NPC", "National People's Congress"
    load_institutions() -> tuple[Institution, ...]  # the whole table
"""

from pipeline.institutions.keys import KINDS, Institution, load_index, load_institutions
from pipeline.institutions.match import KeyIndex, normalize

__all__ = ["KINDS", "Institution", "KeyIndex", "load_index", "load_institutions", "normalize"]
