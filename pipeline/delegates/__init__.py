"""Delegates: which body each person in a document sits in, with titles and affiliations (issue 6).

Body codes (documented in cues.json "bodies"): NPC, NPCSC, CPPCC, CPPCC_SC for the
national bodies; PROVINCIAL_PC, PROVINCIAL_PCSC, PROVINCIAL_CPPCC,
PROVINCIAL_CPPCC_SC and LOCAL_PC, LOCAL_PCSC, LOCAL_CPPCC, LOCAL_CPPCC_SC for
provincial-level and lower people's congresses and CPPCC committees; None when
no body is stated.
"""

from pipeline.delegates.names import name_key
from pipeline.delegates.relate import relate

__all__ = ["name_key", "relate"]
