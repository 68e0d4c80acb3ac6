"""Chinese word spans for the segment stage, from the project's own spacy-pkuseg model.

Why this wrapper exists rather than calling ``pkuseg.cut`` directly:

* pkuseg returns words, not offsets; the pipeline needs code-point spans into the
  cleaned text (``text[start:end] == word``), so words are re-aligned here.
* The model was trained on SIGHAN text, which writes Latin letters, digits and
  ASCII punctuation in full width (``ＷＴＯ``, ``１７％``). pkuseg folds full-width
  letters/digits to class features, half-width letters it has never seen. ASCII
  letters and symbols are therefore folded to full width before tagging; the map is
  one code point to one code point, so offsets are unchanged. A run of two or more
  Latin letters is also never glued to a Han character (力拓集团|Rio).
* Decoding cost grows with input length and the caller may hand over whole
  documents: text is cut into sentence-sized chunks (newlines, sentence-final
  punctuation, then commas, then a hard limit) and the spans are re-offset.
* Domain words (mineral and place names) must stay whole. pkuseg's own user
  dictionary force-matches words *before* the model runs, so the model loses the
  context around them, a user word can cut through two model words (金矿 in
  黄金矿业), and enabling it also switches on pkuseg's bundled post-merge
  dictionary. Here the model runs first and a user word is then applied only if it
  merges whole model words or splits off from inside a single model word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.text.scripts import HAN_RE
from pipeline.text.sentences import split_zh

MODEL_FILES = ("features.msgpack", "weights.npz")
MAX_CHUNK = 400  # code points handed to pkuseg at once
# Digits, "." and "-" stay ASCII: pkuseg already maps ASCII digits to its number class and
# the MSR gold writes numbers with them (folding those measured slightly worse on dev).
_KEEP_ASCII = frozenset("0123456789.-")
_FULLWIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F) if chr(code) not in _KEEP_ASCII}
# A run of two or more Latin letters next to a Han character: in the SIGHAN gold 120 of
# 132 Han/Latin adjacencies are word boundaries and the exceptions are mostly one
# letter (A股, 甲A), so only multi-letter runs are cut off (力拓集团|Rio, not 力拓集团Rio).
_LATIN_RUN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{2,}")
_HAN = HAN_RE


def fold_width(text: str) -> str:
    """ASCII letters and symbols to full-width forms (same length, same offsets)."""
    return text.translate(_FULLWIDTH)


def cuts_from_words(text: str, words: Iterable[str]) -> list[bool]:
    """Word-start flags per code point of ``text`` from words covering its non-space chars.

    ``cuts[i]`` is True when a word starts at ``i``; ``cuts[len(text)]`` is True.
    Raises ValueError if the words are not ``text`` minus whitespace, in order.
    """
    cuts = [False] * (len(text) + 1)
    pos = 0
    for word in words:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not word or text[pos : pos + len(word)] != word:
            raise ValueError(f"word {word!r} does not continue the text at offset {pos}")
        cuts[pos] = True
        pos += len(word)
    if text[pos:].strip():
        raise ValueError(f"words stop at offset {pos} before the end of the text")
    cuts[len(text)] = True
    return cuts


def cut_latin_runs(text: str, cuts: list[bool]) -> list[bool]:
    """Word-start flags with a boundary wherever a multi-letter Latin run touches a Han character."""
    out = cuts
    for match in _LATIN_RUN.finditer(text):
        start, end = match.span()
        for pos, neighbour in ((start, start - 1), (end, end)):
            if 0 <= neighbour < len(text) and _HAN.match(text[neighbour]) and not out[pos]:
                out = out if out is not cuts else list(cuts)
                out[pos] = True
    return out


def spans_from_cuts(text: str, cuts: list[bool], offset: int = 0) -> list[tuple[int, int]]:
    """Word spans from word-start flags; whitespace always ends a word and is never in one."""
    spans: list[tuple[int, int]] = []
    start = -1
    for i, char in enumerate(text):
        if char.isspace():
            if start >= 0:
                spans.append((offset + start, offset + i))
            start = -1
        elif start < 0:
            start = i
        elif cuts[i]:
            spans.append((offset + start, offset + i))
            start = i
    if start >= 0:
        spans.append((offset + start, offset + len(text)))
    return spans


def word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` in ``text`` (words = text's non-space chars, in order)."""
    return spans_from_cuts(text, cuts_from_words(text, words))


class UserLexicon:
    """Domain words to keep whole; applied after the model, never against it.

    A user word found in the text (leftmost, longest first) is accepted when it
    merges whole model words, or when it lies inside one model word (which is then
    split around it). It is rejected when it would cut two model words, because
    then the model's context says the characters belong elsewhere.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._trie: dict[str, Any] = {}
        self.size = 0
        for raw in words:
            word = raw.strip()
            if len(word) < 2 or any(ch.isspace() for ch in word):
                continue
            node = self._trie
            for char in word:
                node = node.setdefault(char, {})
            if "" not in node:
                self.size += 1
            node[""] = True

    def matches_at(self, text: str, start: int) -> list[int]:
        """Ends of the user words that start at ``start``, longest first."""
        ends: list[int] = []
        node = self._trie
        for i in range(start, len(text)):
            nxt = node.get(text[i])
            if nxt is None:
                break
            node = nxt
            if "" in node:
                ends.append(i + 1)
        return ends[::-1]

    def apply(self, text: str, cuts: list[bool]) -> list[bool]:
        """New word-start flags with the accepted user words made single words."""
        if not self._trie:
            return cuts
        out = list(cuts)
        i = 0
        while i < len(text):
            for end in self.matches_at(text, i):
                inner_cut = any(out[i + 1 : end])
                if not inner_cut or (out[i] and out[end]):
                    out[i] = out[end] = True
                    out[i + 1 : end] = [False] * (end - i - 1)
                    i = end - 1
                    break
            i += 1
        return out


class ZhWordSegmenter:
    """Word spans for Chinese text from the trained pkuseg model in ``model_dir``."""

    def __init__(self, model_dir: Path, user_words: Iterable[str] = ()) -> None:
        model_dir = Path(model_dir)
        missing = [name for name in MODEL_FILES if not (model_dir / name).is_file()]
        if missing:
            raise FileNotFoundError(
                f"Chinese word-segmentation model missing ({', '.join(missing)} in {model_dir}); "
                "run `make models` to train it"
            )
        import spacy_pkuseg  # local: only the segment stage needs the model

        # user_dict=None: no pkuseg pre-match and no bundled post-merge dictionary;
        # a str model path that is not a release name never triggers a download.
        self._seg = spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=None)
        self.model_dir = model_dir
        self.lexicon = UserLexicon(user_words)

    def words(self, text: str) -> list[str]:
        """The words of ``text`` (convenience over :meth:`spans`)."""
        return [text[s:e] for s, e in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Word spans ``(start, end)`` covering every non-space char of ``text`` once."""
        spans: list[tuple[int, int]] = []
        for start, end in split_zh(text, 0, len(text), MAX_CHUNK):
            piece = text[start:end]
            folded = fold_width(piece)
            cuts = cut_latin_runs(piece, cuts_from_words(folded, self._seg.cut(folded)))
            spans.extend(spans_from_cuts(piece, self.lexicon.apply(piece, cuts), offset=start))
        return spans
