"""The institution part of a title: 江苏省自然资源厅厅长 -> 江苏省自然资源厅.

Why: titles are kept as written, and the institution a person works for is what
links delegates to organisations. Organisation mentions inside the title win
(the NER knows their extent); without one, the role word is cut off the end of a
Chinese title, or the part after "of"/"at" is taken from an English one.
"""

from __future__ import annotations

import re

from pipeline.delegates.context import DocContext, TitleFact
from pipeline.delegates.lexicon import CueLexicon
from pipeline.text.scripts import has_han

# "this paper", "this station": a medium naming itself in a byline (本报记者), no institution by name
_SELF_REFERENCES = frozenset({"本报", "本台", "本刊", "本网", "本社", "本站", "本市", "本公司", "该公司", "我公司"})
# a unit of no name (公司董事长, 项目经理): the person's employer is named elsewhere, if at all
_GENERIC_BODIES = frozenset({"公司", "集团", "企业", "单位", "项目", "工厂", "矿山", "园区", "部门", "本单位",
                             "该集团"})
_EN_OF = re.compile(r"\b(?:of|at|with|in)\s+(?:the\s+)?", re.IGNORECASE)


def _zh_affiliation(title: str, lex: CueLexicon) -> str | None:
    zh = lex.zh
    rest = title
    for _ in range(3):
        role = next((r for r in zh.role_suffixes if rest.endswith(r)), None)
        if role is None:
            break
        rest = rest[: -len(role)]
        for mod in zh.affiliation_modifiers:
            if rest.endswith(mod):
                rest = rest[: -len(mod)]
                break
    rest = rest.strip(" 、，,")
    if rest == title or not rest or rest in _SELF_REFERENCES or rest in _GENERIC_BODIES:
        return None
    if rest.endswith("籍") or "驻" in rest:
        return None  # 印尼籍工程师: a nationality; 中国驻印尼大使: a posting, the embassy unnamed
    if len(rest) >= zh.org_min_chars or any(rest.endswith(s) for s in zh.org_suffixes if len(rest) > len(s)):
        return rest
    return None


def _en_affiliation(title: str, lex: CueLexicon) -> str | None:
    m = _EN_OF.search(title)
    if m is not None:
        rest = title[m.end() :].strip(" ,.;")
        return rest if rest[:1].isupper() else None
    toks = title.split()
    if len(toks) >= 2 and all(t[:1].isupper() for t in toks[:-1]) and not _portfolio_or_nationality(toks):
        words = [t for t in toks[:-1] if t.lower() not in lex.en.title_modifiers]
        if words and len(words) == len(toks) - 1:
            return " ".join(words)
    return None


_OFFICE_HEADS = frozenset({"minister", "ministers", "secretary", "secretaries"})
_NATIONALITY_ENDS = ("an", "ese", "ish", "i")


def _portfolio_or_nationality(toks: list[str]) -> bool:
    """The capitalised words before the head name no institution: a minister's or secretary's portfolio
    (Finance Minister, Australia's Resources Minister) or a nationality (a Bolivian economist)."""
    head = toks[-1].lower()
    if head in _OFFICE_HEADS or any(t.endswith(("'s", "’s")) for t in toks[:-1]):
        return True
    return len(toks) == 2 and toks[-1].islower() and toks[0].endswith(_NATIONALITY_ENDS)


def affiliations_of(ctx: DocContext, titles: list[TitleFact], lex: CueLexicon) -> list[str]:
    """Institutions named in the person's titles, in title order, without repeats."""
    out: list[str] = []
    for t in titles:
        if t.is_cue:
            continue
        orgs = [m.text for m in ctx.orgs_within(t.start, t.end)]
        if not orgs:
            text = ctx.text[t.start : t.end]
            found = _zh_affiliation(text, lex) if has_han(text) else _en_affiliation(text, lex)
            orgs = [found] if found else []
        for o in orgs:
            if o not in out:
                out.append(o)
    return out
