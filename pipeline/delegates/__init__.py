"""Delegates: which body each person in a document sits in, with titles and affiliations.

Body codes (documented in cues.json "bodies"): NPC, NPCSC, CPPCC, CPPCC_SC for the
national bodies; PROVINCIAL_PC, PROVINCIAL_PCSC, PROVINCIAL_CPPCC,
PROVINCIAL_CPPCC_SC and LOCAL_PC, LOCAL_PCSC, LOCAL_CPPCC, LOCAL_CPPCC_SC for
provincial-level and lower people's congresses and CPPCC committees; None when
no body is stated.

Modules: ``relate`` (one Delegate per person, from the rules' facts), ``setting`` (does a bare
代表 / 委员 name a national body on this page? once per document), ``rules_zh`` / ``rules_en`` (cues
attached to a name), ``anchors`` (the names a cue anchors, proposed to the NER stage), ``lexicon``
(cues.json, validated), ``surnames`` and ``names`` (name_key).
"""

from pipeline.delegates.names import name_key
from pipeline.delegates.relate import relate

__all__ = ["name_key", "relate"]
