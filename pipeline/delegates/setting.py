"""The document's setting: does a bare 代表 / 委员 name a national body on this page? Decided once per document.

Why: a two-sessions page (a header such as 两会特刊 or 十四届全国人大四次会议, a section line such as 代表通道,
or the page's date inside the national sessions) calls its NPC deputies "某某代表" and its CPPCC members
"某某委员" without repeating the body, whatever provincial post they also hold. Outside such a page the
same words decide nothing: provincial sessions, party meetings and company boards use them too. So the
setting is read from the whole document once, and the sentence rules only ask it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.delegates.lexicon import CueLexicon

NPC, CPPCC = "NPC", "CPPCC"


@dataclass(frozen=True, slots=True)
class Setting:
    """The body families ("NPC", "CPPCC") whose bare word is national in this document, and why."""

    families: frozenset[str] = frozenset()
    reason: str = ""

    def body_for(self, family: str) -> str | None:
        """The national body a bare word of ``family`` names here (None: the word decides nothing)."""
        return family if family in self.families else None


NO_SETTING = Setting()


def _mentions_a_body(text: str, lex: CueLexicon) -> bool:
    return any(k in text for k in lex.zh.cue_keywords)


def _session_date(text: str, lex: CueLexicon) -> bool:
    """A full date in the page header that falls inside the national sessions (early March)."""
    spec = lex.zh.setting
    for m in spec.session_date.finditer(text, 0, min(len(text), spec.header_chars)):
        if int(m.group("month")) == spec.session_month and int(m.group("day")) in spec.session_days:
            return True
    return False


def _local_families(text: str, lex: CueLexicon) -> set[str]:
    """Families the document also uses for local bodies (省人大代表 -> NPC, 市政协委员 -> CPPCC)."""
    found: set[str] = set()
    if not _mentions_a_body(text, lex):
        return found
    for cue in lex.zh.local_cues:
        if cue.kind in ("PC", "CPPCC") and cue.regex.search(text):
            found.add(NPC if cue.kind == "PC" else CPPCC)
    return found


def _explicit_families(text: str, lex: CueLexicon) -> set[str]:
    """Families a national membership phrase of the text names (全国人大代表 -> NPC), former ones aside."""
    found: set[str] = set()
    if not _mentions_a_body(text, lex):
        return found
    for cue in lex.zh.cues:
        if cue.body not in (NPC, CPPCC):
            continue
        for m in cue.regex.finditer(text):
            if not any(text[: m.start()].endswith(f) for f in lex.zh.former_markers):
                found.add(cue.body)
                break
    return found


def _count(patterns: tuple[re.Pattern[str], ...], text: str) -> int:
    return sum(1 for p in patterns for _ in p.finditer(text))


def doc_setting(text: str, lex: CueLexicon) -> Setting:
    """The setting of one document.

    Two-sessions markers settle both families when they outnumber the local-session markers (a national
    page may mention "年初的地方两会" in passing; a provincial page is full of its own session). A
    session date or an explicit national phrase settles less surely: a local membership phrase of the
    same family, or any local session, unsettles it.
    """
    spec = lex.zh.setting
    national, local_sessions = _count(spec.national_markers, text), _count(spec.local_markers, text)
    if national > local_sessions:
        return Setting(frozenset({NPC, CPPCC}), "two-sessions marker")
    if local_sessions:
        return NO_SETTING
    local = _local_families(text, lex)
    if _session_date(text, lex):
        return Setting(frozenset({NPC, CPPCC}) - local, "session date")
    families = _explicit_families(text, lex) - local
    return Setting(frozenset(families), "national phrase") if families else NO_SETTING
